/* taizhang rollup: the folder walked, files written, the same JSON whatever the computer's time zone, and both files opened by LibreOffice. */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../src/cli/main';
import { TOWNSHIP_LIST, sampleFolder } from '../../scripts/rollup-samples';

let dir: string;
let inbox: string;
let list: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tz-rollup-'));
  inbox = path.join(dir, '收件');
  for (const f of await sampleFolder()) {
    fs.mkdirSync(path.join(inbox, path.dirname(f.name)), { recursive: true });
    fs.writeFileSync(path.join(inbox, f.name), f.bytes);
  }
  list = path.join(dir, '乡镇名单.txt');
  fs.writeFileSync(list, '\uFEFF' + TOWNSHIP_LIST.join('\r\n') + '\r\n');
});

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

test('writes the summary workbook and the 通报 draft, prints each township; refuses to overwrite without --force', async () => {
  const out = path.join(dir, 'out');
  const r = await run(['rollup', inbox, '--period', '2023-10', '--townships', list, '--today', '2023-11-06', '--out', out]);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  expect(fs.readdirSync(out).sort()).toEqual(['2023年10月乡镇行政执法案件汇总.xlsx', '关于2023年10月乡镇行政执法案件台账报送情况的通报（草稿）.docx']);
  expect(r.out).toContain('天宁镇：按时，2023年11月2日 14:30 收到（首次报送 2023年10月31日 09:12）');
  expect(r.out).toContain('西营镇：逾期 2 天');
  expect(r.out).toContain('水峪贯镇：已报（时间不明）');
  expect(r.out).toContain('会立乡：未报（已逾期 5 天）');
  expect(r.out).toMatch(/说明：天宁镇：.*是更正后重新报送的/);
  const again = await run(['rollup', inbox, '--period', '2023-10', '--today', '2023-11-06', '--out', out]);
  expect(again.code).toBe(2);
  expect(again.err).toMatch(/已存在，没有覆盖/);
});

test('usage errors exit 2 with one Chinese line', async () => {
  for (const args of [['rollup'], ['rollup', inbox, '--out', dir], ['rollup', inbox, '--period', '2023-13', '--out', dir], ['rollup', path.join(dir, 'nope'), '--period', '2023-10', '--out', dir]]) {
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^错误：.+/);
    expect(r.err.split('\n')).toHaveLength(1);
  }
});

const BIN = path.join(__dirname, '../../src/cli/index.ts');

test('the Date header is read in China time whatever TZ says: the JSON is the same under UTC and Los Angeles', () => {
  const json = (tz: string) => {
    const out = path.join(dir, `json-${tz.replace('/', '-')}`);
    const p = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', BIN, 'rollup', inbox, '--period', '2023-10', '--townships', list, '--today', '2023-11-06', '--out', out, '--json'], {
      encoding: 'utf8',
      env: { ...process.env, TZ: tz },
      cwd: path.join(__dirname, '../..'),
    });
    expect(p.stderr).toBe('');
    return JSON.parse(p.stdout);
  };
  const utc = json('UTC');
  expect(utc.townships[0]).toMatchObject({ team: '天宁镇', status: 'on-time', received: '2023-11-02T14:30:00+08:00' });
  expect(utc.townships[1]).toMatchObject({ team: '西营镇', status: 'late', lateDays: 2 });
  expect(json('America/Los_Angeles')).toEqual(utc);
});

const HAVE = ['soffice', 'pdftoppm', 'pdffonts', 'pdfinfo'].every((t) => spawnSync('sh', ['-c', `command -v ${t}`]).status === 0) && fs.existsSync('/usr/lib/libreoffice/program/libsclo.so');
if (!HAVE) console.warn('跳过汇总表和通报草稿的 LibreOffice 渲染测试：未安装 LibreOffice（Writer、Calc）或 poppler-utils（CI 的 .ci/run 会安装）');
const maybe = HAVE ? test : test.skip;

maybe('LibreOffice opens both files: Chinese glyphs, the summary one page wide, the draft on A4 with its blanks marked', () => {
  const out = path.join(dir, 'out');
  const pdfDir = path.join(dir, 'pdf');
  for (const f of fs.readdirSync(out)) {
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'tz-lo-'));
    spawnSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', pdfDir, path.join(out, f)], { encoding: 'utf8' });
  }
  const text = (args: string[]) => spawnSync(args[0], args.slice(1), { encoding: 'utf8' }).stdout;
  const xlsx = path.join(pdfDir, '2023年10月乡镇行政执法案件汇总.pdf');
  const docx = path.join(pdfDir, '关于2023年10月乡镇行政执法案件台账报送情况的通报（草稿）.pdf');
  for (const pdf of [xlsx, docx]) expect(text(['pdffonts', pdf])).toMatch(/WenQuanYi/);
  // The summary sheet: one landscape page, every township and the total on it.
  const first = text(['pdftotext', '-f', '1', '-l', '1', '-layout', xlsx, '-']).replace(/\s+/g, '');
  for (const t of ['天宁镇', '西营镇', '水峪贯镇', '会立乡', '合计', '逾期2天', '29,200.00']) expect(first).toContain(t);
  expect(text(['pdfinfo', '-f', '1', '-l', '1', xlsx])).toMatch(/Page\s+1 size:\s+841\.\d+ x 595/);
  const notice = text(['pdftotext', '-layout', docx, '-']).replace(/\s+/g, '');
  for (const t of ['交城县司法局文件', '一、基本情况', '二、报送情况', '三、零办案情况', '四、存在问题', '五、下一步要求', '逾期报送的乡镇1个：西营镇（逾期2天）', '【年月日】']) expect(notice).toContain(t);
  expect(text(['pdfinfo', docx])).toMatch(/Page size:\s+595\.\d+ x 841/);
});
