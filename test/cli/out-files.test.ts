/*
 * What taizhang writes is whole or absent (issue 16 §5): `submit` killed part-way (kill -9) or
 * stopped by a full disk (`ulimit -f`) leaves no file under a final name, and the next run is not
 * blocked by what it left; `template` refuses to write through a link; two runs into one folder
 * never both write at once. Each run is its own process.
 */
import { ChildProcess, spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import JSZip from 'jszip';
import { main } from '../../src/cli/main';

const ROOT = path.join(__dirname, '../..');
const SAMPLE = path.join(ROOT, '../shared/fixtures/sample-2023-10.xlsx');
const CLI = ['-r', 'ts-node/register/transpile-only', path.join(ROOT, 'src/cli/index.ts')];
const SUBMIT = (out: string) => ['submit', SAMPLE, '--period', '2023-09', '--team', '天宁镇综合行政执法队', '--contact', '张三,队员,13812345678', '--today', '2023-10-08', '--out', out];

let tmp: string;
beforeAll(() => (tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tz-out-'))));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function start(args: string[], env: Record<string, string> = {}): { child: ChildProcess; done: Promise<{ code: number | null; signal: string | null; out: string; err: string }> } {
  const child = spawn(process.execPath, [...CLI, ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (err += d));
  const done = new Promise<{ code: number | null; signal: string | null; out: string; err: string }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, out, err })));
  return { child, done };
}

async function waitFor(cond: () => boolean, ms = 60_000): Promise<void> {
  const until = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

const finals = (dir: string) => fs.readdirSync(dir).filter((n) => /\.(docx|eml|xlsx)$/.test(n));
const temps = (dir: string) => fs.readdirSync(dir).filter((n) => n.endsWith('.tmp') && fs.statSync(path.join(dir, n)).size > 0);

async function wholeDocx(file: string): Promise<boolean> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  return !!zip.file('word/document.xml');
}

test('submit killed (kill -9) half-way through a file: no file under a final name; the rerun is not blocked and cleans up', async () => {
  const out = path.join(tmp, 'killed');
  const a = start(SUBMIT(out), { TAIZHANG_TEST_WRITE_PAUSE_MS: '30000' });
  await waitFor(() => fs.existsSync(out) && temps(out).length > 0);
  a.child.kill('SIGKILL');
  expect((await a.done).signal).toBe('SIGKILL');
  expect(finals(out)).toEqual([]);
  // What the killed run left: half a temporary file and its lock.
  expect(fs.readdirSync(out).sort()).toEqual([expect.stringMatching(/^\.taizhang-\d+-[0-9a-f]+-.*\.docx\.tmp$/), '.taizhang.lock']);

  const b = await start(SUBMIT(out)).done;
  expect([b.code, b.err]).toEqual([0, '']);
  expect(fs.readdirSync(out).sort()).toEqual(finals(out).sort());
  expect(finals(out)).toHaveLength(2);
  expect(await wholeDocx(path.join(out, finals(out).find((n) => n.endsWith('.docx'))!))).toBe(true);
}, 120_000);

test('a full disk (a file-size cap, ulimit -f) part-way: one Chinese line, no file under a final name, nothing left behind', () => {
  const out = path.join(tmp, 'full');
  fs.mkdirSync(out);
  const quoted = [process.execPath, ...CLI, ...SUBMIT(out)].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ');
  // 16 blocks of 512 bytes: the lock fits, the e-mail draft (the Word file in base64) does not. (ts-node's compile cache would write too.)
  const r = spawnSync('bash', ['-c', `ulimit -f 16; exec ${quoted}`], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, DISABLE_V8_COMPILE_CACHE: '1' } });
  expect(r.status).toBe(2);
  expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^错误：无法写入 .*\.(docx|eml)（磁盘已满或超过文件大小限制），没有留下不完整的文件$/)]);
  expect(fs.readdirSync(out)).toEqual([]);
}, 60_000);

test('two runs into one folder: while one writes, the other (even with --force) refuses and names it; the files are the first run’s, whole', async () => {
  const out = path.join(tmp, 'two');
  const a = start([...SUBMIT(out), '--force'], { TAIZHANG_TEST_WRITE_PAUSE_MS: '8000' });
  await waitFor(() => fs.existsSync(out) && temps(out).length > 0);
  const b = await start([...SUBMIT(out), '--force']).done;
  expect(b.code).toBe(2);
  expect(b.err).toMatch(new RegExp(`^错误：另一个 taizhang（进程 ${a.child.pid}）正在向 .* 写文件，没有同时写入`));
  const ra = await a.done;
  expect([ra.code, ra.err]).toEqual([0, '']);
  expect(fs.readdirSync(out).sort()).toEqual(finals(out).sort());
  expect(await wholeDocx(path.join(out, finals(out).find((n) => n.endsWith('.docx'))!))).toBe(true);
}, 120_000);

test('template refuses to write through a link, with or without --force; an existing file only with --force', async () => {
  const dir = path.join(tmp, 'tpl');
  fs.mkdirSync(dir);
  const elsewhere = path.join(tmp, 'elsewhere.xlsx');
  fs.writeFileSync(elsewhere, 'keep me');
  fs.symlinkSync(elsewhere, path.join(dir, 'link.xlsx'));
  const run = async (...argv: string[]) => {
    let err = '';
    const code = await main(argv, { out: () => undefined, err: (x) => (err += x) });
    return { code, err };
  };
  for (const force of [[], ['--force']]) {
    const r = await run('template', '--out', path.join(dir, 'link.xlsx'), ...force);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/不是普通文件（可能是链接或目录），没有覆盖/);
  }
  expect(fs.readFileSync(elsewhere, 'utf8')).toBe('keep me');
  const file = path.join(dir, '台账.xlsx');
  expect((await run('template', '--out', file)).code).toBe(0);
  expect((await run('template', '--out', file)).err).toMatch(/已存在，没有覆盖/);
  expect((await run('template', '--out', file, '--force')).code).toBe(0);
  expect(fs.readdirSync(dir).sort()).toEqual(['link.xlsx', '台账.xlsx']);
});
