/*
 * The roll-up's folder walk: every file under a folder (sub-folders too), as paths relative to
 * it. Whatever a file or folder does — no permission, a link that points nowhere or back at
 * itself, a folder reached twice, a device — it is listed with a reason in Chinese and the walk
 * goes on. Links are followed; each folder and file is read once.
 */
import { promises as fsp, Dirent, Stats } from 'fs';
import * as path from 'path';
import { CONTAINER_LIMITS } from '../input/containers/budget';
import { RollupFile } from '../rollup';

export const MAX_FILES = 5000;
/** The container readers' limit for one file (src/input/containers/budget.ts). */
export const MAX_FILE_BYTES = CONTAINER_LIMITS.fileBytes;

/** The few fs calls the walk makes (a test may hand in failing ones). */
export interface WalkFs {
  readdir(p: string, o: { withFileTypes: true }): Promise<Dirent[]>;
  lstat(p: string): Promise<Stats>;
  stat(p: string): Promise<Stats>;
  readFile(p: string): Promise<Uint8Array>;
}

export interface Skipped {
  name: string;
  reason: string;
}

/** An fs error as one Chinese reason (never the errno text). */
export function fsReason(e: unknown, what: '文件' | '文件夹' | '链接'): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return `没有读取这个${what}的权限，没有读取。请检查它的权限，或换一个有权限的用户运行`;
    case 'ENOENT':
      return what === '链接' ? '链接指向的文件不存在（失效的链接），没有读取' : `${what}在读取时已不存在（被移动或删除），没有读取`;
    case 'ELOOP':
      return '链接循环（链接最终又指向自己），没有读取';
    case 'ENAMETOOLONG':
      return '路径太长，没有读取';
    case 'EMFILE':
    case 'ENFILE':
      return '同时打开的文件太多，没有读取，请稍后重试';
    case 'EIO':
      return '读取时磁盘或网络出错，没有读取';
    case 'EISDIR':
      return '是文件夹，不是文件';
    default:
      return `读取这个${what}时出现系统错误，没有读取`;
  }
}

const idOf = (s: Stats) => `${s.dev}:${s.ino}`;

export async function walkFolder(dir: string, fs: WalkFs = fsp): Promise<{ files: RollupFile[]; skipped: Skipped[] }> {
  const files: RollupFile[] = [];
  const skipped: Skipped[] = [];
  const dirs = new Map<string, string>();
  const seenFiles = new Map<string, string>();
  let full = false;
  try {
    dirs.set(idOf(await fs.stat(dir)), '.');
  } catch {
    // The caller has checked that it is a folder.
  }

  const visit = async (rel: string) => {
    let entries: Dirent[];
    try {
      entries = await fs.readdir(path.join(dir, rel), { withFileTypes: true });
    } catch (e) {
      skipped.push({ name: rel || '.', reason: fsReason(e, '文件夹') });
      return;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const name = rel ? `${rel}/${e.name}` : e.name;
      const abs = path.join(dir, name);
      let st: Stats;
      let link = false;
      try {
        st = await fs.lstat(abs);
        if (st.isSymbolicLink()) {
          link = true;
          st = await fs.stat(abs);
        }
      } catch (err) {
        skipped.push({ name, reason: fsReason(err, link ? '链接' : '文件') });
        continue;
      }
      if (st.isDirectory()) {
        const first = dirs.get(idOf(st));
        if (first !== undefined) {
          skipped.push({ name, reason: `${link ? '链接指向的' : ''}文件夹已经读过（就是“${first}”${link ? '，链接循环或重复' : ''}），没有重复读取` });
          continue;
        }
        dirs.set(idOf(st), name);
        await visit(name);
        continue;
      }
      if (!st.isFile()) {
        skipped.push({ name, reason: '不是普通文件（设备、管道等），没有读取' });
        continue;
      }
      const same = seenFiles.get(idOf(st));
      if (same !== undefined) {
        skipped.push({ name, reason: `与“${same}”是同一个文件（链接），没有重复读取` });
        continue;
      }
      seenFiles.set(idOf(st), name);
      if (files.length >= MAX_FILES) {
        if (!full) skipped.push({ name, reason: `文件夹中的文件超过 ${MAX_FILES} 个的上限，从这个文件起没有读取。请只放要汇总的报送材料` });
        full = true;
        continue;
      }
      if (st.size > MAX_FILE_BYTES) {
        skipped.push({ name, reason: `文件超过 ${MAX_FILE_BYTES / 1024 / 1024} MB，不像是报送材料，没有读取` });
        continue;
      }
      try {
        files.push({ name, bytes: new Uint8Array(await fs.readFile(abs)) });
      } catch (err) {
        skipped.push({ name, reason: fsReason(err, '文件') });
      }
    }
  };
  await visit('');
  return { files, skipped };
}
