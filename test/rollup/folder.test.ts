/*
 * A folder with a file nobody may read, links (to a file, to nothing, in a loop, back to a
 * parent folder) and a device: each is listed with a reason in Chinese and the roll-up completes.
 * Permissions: tests may run as root, where chmod 000 denies nothing; then the CLI runs as the
 * unprivileged user `nobody` (setpriv) so the kernel really refuses, and the walk is also run
 * over an fs whose reads fail with EACCES as the kernel reports it.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { walkFolder } from '../../src/cli/folder';
import { main } from '../../src/cli/main';
import { sampleFolder } from '../../scripts/rollup-samples';

let dir: string;
let inbox: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tz-folder-'));
  fs.chmodSync(dir, 0o755);
  inbox = path.join(dir, '收件');
  for (const f of await sampleFolder()) {
    fs.mkdirSync(path.join(inbox, path.dirname(f.name)), { recursive: true });
    fs.writeFileSync(path.join(inbox, f.name), f.bytes);
  }
  fs.writeFileSync(path.join(inbox, '10月', '锁住的.eml'), 'Date: x\r\n\r\n');
  fs.chmodSync(path.join(inbox, '10月', '锁住的.eml'), 0o000);
  fs.symlinkSync('西营镇.eml', path.join(inbox, '10月', '西营镇（链接）.eml'));
  fs.symlinkSync('不存在.eml', path.join(inbox, '10月', '失效链接.eml'));
  fs.symlinkSync('环2', path.join(inbox, '环1'));
  fs.symlinkSync('环1', path.join(inbox, '环2'));
  fs.symlinkSync('..', path.join(inbox, '10月', '上一级'));
  spawnSync('mkfifo', [path.join(inbox, '管道')]);
});

test('links and loops: each listed once with a reason in Chinese; a link to a file already read is not read twice', async () => {
  const { files, skipped } = await walkFolder(inbox);
  const reasons = Object.fromEntries(skipped.map((s) => [s.name, s.reason]));
  expect(reasons['10月/失效链接.eml']).toBe('链接指向的文件不存在（失效的链接），没有读取');
  expect(reasons['环1']).toBe('链接循环（链接最终又指向自己），没有读取');
  expect(reasons['环2']).toBe('链接循环（链接最终又指向自己），没有读取');
  expect(reasons['10月/上一级']).toBe('链接指向的文件夹已经读过（就是“.”，链接循环或重复），没有重复读取');
  expect(reasons['管道']).toBe('不是普通文件（设备、管道等），没有读取');
  // The link to 西营镇.eml is the same file: read once, under the name met first.
  expect(files.filter((f) => f.name.includes('西营镇')).map((f) => f.name)).toHaveLength(1);
  expect(Object.keys(reasons).filter((n) => n.includes('西营镇'))).toHaveLength(1);
  for (const r of Object.values(reasons)) expect(r).not.toMatch(/E[A-Z]{2,}|errno|Error/);
});

test('a file the reader may not read (EACCES as the kernel reports it) is listed, the rest read', async () => {
  const denied = Object.assign(new Error("EACCES: permission denied, open '…'"), { code: 'EACCES', errno: -13 });
  const failing = {
    readdir: fs.promises.readdir,
    lstat: fs.promises.lstat,
    stat: fs.promises.stat,
    readFile: async (p: string) => {
      if (p.endsWith('西营镇.eml')) throw denied;
      return new Uint8Array(await fs.promises.readFile(p));
    },
  };
  const { files, skipped } = await walkFolder(inbox, failing as never);
  expect(skipped.find((s) => s.name === '10月/西营镇.eml')?.reason).toBe('没有读取这个文件的权限，没有读取。请检查它的权限，或换一个有权限的用户运行');
  expect(files.some((f) => f.name.endsWith('天宁镇10月台账.eml'))).toBe(true);
});

const root = process.getuid?.() === 0;
const setpriv = spawnSync('sh', ['-c', 'command -v setpriv']).status === 0;
const BIN = path.join(__dirname, '../../src/cli/index.ts');
const REPO = path.join(__dirname, '../..');

(root && !setpriv ? test.skip : test)('the whole roll-up completes with a file nobody may read (chmod 000; as root the CLI runs as nobody)', async () => {
  const out = path.join(dir, 'out');
  fs.mkdirSync(out, { mode: 0o777 });
  fs.chmodSync(out, 0o777);
  let stdout: string;
  let code: number | null;
  if (root) {
    const p = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, '-r', 'ts-node/register/transpile-only', BIN, 'rollup', inbox, '--period', '2023-10', '--today', '2023-11-06', '--out', out, '--json'], {
      encoding: 'utf8',
      cwd: REPO,
      env: { ...process.env, HOME: dir, TS_NODE_TRANSPILE_ONLY: '1' },
    });
    stdout = p.stdout;
    code = p.status;
    expect(p.stderr).toBe('');
  } else {
    const lines: string[] = [];
    code = await main(['rollup', inbox, '--period', '2023-10', '--today', '2023-11-06', '--out', out, '--json'], { out: (s) => lines.push(s), err: (s) => lines.push(s) });
    stdout = lines.join('\n');
  }
  expect(code).toBe(0);
  const json = JSON.parse(stdout);
  expect(json.files.find((f: { file: string }) => f.file === '10月/锁住的.eml').use).toBe('无法读取：没有读取这个文件的权限，没有读取。请检查它的权限，或换一个有权限的用户运行');
  expect(json.townships.map((t: { team: string; status: string }) => [t.team, t.status])).toEqual([
    ['水峪贯镇综合行政执法队', 'submitted'],
    ['天宁镇综合行政执法队', 'on-time'],
    ['西营镇综合行政执法队', 'late'],
  ]);
});
