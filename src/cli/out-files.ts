/*
 * What a command writes is whole or absent (README 「输出文件」): each file goes to a temporary
 * name in the same folder (`.taizhang-<pid>-<random>-名称.tmp`), is flushed to disk, and only
 * when every file of the run is complete is it renamed to its final name. A failure (disk full,
 * kill) leaves no file under a final name; a temporary file left by a killed run blocks nothing
 * and is removed by the next run into that folder. Never through a link: a final name that is a
 * link or not a regular file is refused. Two runs into one folder: a lock file
 * (`.taizhang.lock`, created exclusively, holding the owner's pid) lets one write at a time; the
 * other says which process holds it. A lock whose process is gone is taken over.
 */
import { randomBytes } from 'crypto';
import { constants, promises as fs } from 'fs';
import * as path from 'path';
import { UserError } from './common';

export interface OutFile {
  name: string;
  data: string | Uint8Array;
}

const LOCK = '.taizhang.lock';
const TEMP = /^\.taizhang-(\d+)-[0-9a-f]+-.*\.tmp$/;
/** Test hook: pause this long (ms) half-way through each temporary file, so a test can kill the process mid-write. */
const PAUSE_ENV = 'TAIZHANG_TEST_WRITE_PAUSE_MS';

function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as { code?: string }).code === 'EPERM';
  }
}

const codeOf = (e: unknown) => (e as { code?: string }).code;

async function takeLock(dir: string): Promise<() => Promise<void>> {
  const lock = path.join(dir, LOCK);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const h = await fs.open(lock, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), 0o644);
      await h.writeFile(`${process.pid}\n`);
      await h.close();
      return async () => {
        await fs.unlink(lock).catch(() => undefined);
      };
    } catch (e) {
      if (codeOf(e) !== 'EEXIST') throw new UserError(`无法在 ${dir} 中写文件（没有写入权限？）`);
    }
    const owner = Number((await fs.readFile(lock, 'utf8').catch(() => '')).trim());
    if (alive(owner)) throw new UserError(`另一个 taizhang（进程 ${owner}）正在向 ${dir} 写文件，没有同时写入。请等它结束后再运行；确认没有其他 taizhang 在运行时，可删除 ${lock}`);
    // Left by a run that is gone (killed): take it over.
    await fs.unlink(lock).catch(() => undefined);
  }
  throw new UserError(`无法取得 ${dir} 的写入锁（${lock}），请稍后再试`);
}

/** Temporary files of runs that are gone. */
async function removeLeftovers(dir: string): Promise<void> {
  for (const name of await fs.readdir(dir).catch(() => [] as string[])) {
    const m = TEMP.exec(name);
    if (m && !alive(Number(m[1]))) await fs.unlink(path.join(dir, name)).catch(() => undefined);
  }
}

const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Writes `data` to a new file (never an existing one, never through a link) and flushes it to disk. */
async function writeNewFile(file: string, data: string | Uint8Array): Promise<void> {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const h = await fs.open(file, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), 0o644);
  try {
    const pause = Number(process.env[PAUSE_ENV] ?? 0);
    const half = Math.ceil(bytes.length / 2);
    let at = 0;
    while (at < bytes.length) {
      const n = Math.min(bytes.length - at, pause > 0 ? half : 1 << 20);
      const { bytesWritten } = await h.write(bytes, at, n);
      at += bytesWritten;
      if (pause > 0 && at < bytes.length) await delay(pause);
    }
    await h.sync();
  } finally {
    await h.close();
  }
}

/**
 * Writes `files` into `dir` (which exists) whole or not at all; returns their paths. Refuses a
 * name that exists unless `force`, and a name that is a link or not a regular file always.
 */
export async function writeOutFiles(dir: string, files: OutFile[], force: boolean): Promise<string[]> {
  const targets = files.map((f) => {
    const p = path.join(dir, f.name);
    if (path.dirname(p) !== dir || path.basename(p) !== f.name || f.name.startsWith('.')) throw new UserError(`文件名“${f.name}”无效`);
    return p;
  });
  const release = await takeLock(dir);
  const temps: string[] = [];
  const created: string[] = [];
  try {
    await removeLeftovers(dir);
    for (const p of targets) {
      const st = await fs.lstat(p).catch(() => null);
      if (!st) continue;
      if (st.isSymbolicLink() || !st.isFile()) throw new UserError(`${p} 不是普通文件（可能是链接或目录），没有覆盖`);
      if (!force) throw new UserError(`${p} 已存在，没有覆盖。请换一个输出位置，或加 --force 覆盖`);
    }
    for (let i = 0; i < files.length; i++) {
      const tmp = path.join(dir, `.taizhang-${process.pid}-${randomBytes(4).toString('hex')}-${files[i].name}.tmp`);
      temps.push(tmp);
      try {
        await writeNewFile(tmp, files[i].data);
      } catch (e) {
        const code = codeOf(e);
        throw new UserError(`无法写入 ${targets[i]}（${code === 'ENOSPC' || code === 'EFBIG' || code === 'EDQUOT' ? '磁盘已满或超过文件大小限制' : '没有写入权限？'}），没有留下不完整的文件`);
      }
    }
    for (let i = 0; i < files.length; i++) {
      if (force) {
        // rename replaces a regular file in one step (a link was refused above).
        await fs.rename(temps[i], targets[i]);
      } else {
        // link fails if the name appeared meanwhile: never replaces a file without --force.
        try {
          await fs.link(temps[i], targets[i]);
        } catch (e) {
          throw new UserError(codeOf(e) === 'EEXIST' ? `${targets[i]} 已存在，没有覆盖。请换一个输出位置，或加 --force 覆盖` : `无法写入 ${targets[i]}`);
        }
        await fs.unlink(temps[i]);
      }
      created.push(targets[i]);
    }
    return targets;
  } catch (e) {
    // Whole or absent: the files of this run that got their final name in this failed run are taken back (never one it replaced).
    if (!force) for (const p of created) await fs.unlink(p).catch(() => undefined);
    throw e;
  } finally {
    for (const t of temps) await fs.unlink(t).catch(() => undefined);
    await release();
  }
}

/** An output directory that exists (created if missing). */
export async function outDir(dir: string): Promise<string> {
  const abs = path.resolve(dir);
  try {
    await fs.mkdir(abs, { recursive: true });
  } catch {
    throw new UserError(`无法创建输出目录 ${dir}（没有写入权限，或同名文件已存在？）`);
  }
  const st = await fs.stat(abs);
  if (!st.isDirectory()) throw new UserError(`--out ${dir} 不是目录`);
  return abs;
}
