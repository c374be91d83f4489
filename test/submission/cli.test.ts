/* `taizhang submit`: exit codes, messages, what it writes and where. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { simpleParser } from 'mailparser';
import { main } from '../../src/cli/main';
import { SAMPLE, TEAM } from './helpers-package';

interface Run {
  code: number;
  out: string;
  err: string;
}

async function run(...argv: string[]): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const DOCX = `${TEAM}2023年10月行政执法案件台账.docx`;
const EML = `${TEAM}2023年10月行政执法案件台账报备.eml`;
const BASE = ['submit', SAMPLE, '--period', '2023-10', '--team', TEAM, '--contact', '张三,综合执法队队员,13812345678', '--today', '2023-11-05'];

/** BASE with options replaced or added (an empty value adds a bare flag). */
function with_(change: Record<string, string>): string[] {
  const args = [...BASE];
  for (const [flag, value] of Object.entries(change)) {
    const at = args.indexOf(flag);
    if (at >= 0) args[at + 1] = value;
    else args.push(...(value ? [flag, value] : [flag]));
  }
  return args;
}

let root: string;
let out: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'tz-submit-'));
  out = path.join(root, 'out');
});

/** Every file under a directory, relative paths. */
function tree(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true }).map(String).sort();
}

function oneLineChinese(s: string): void {
  expect(s.trim().split('\n')).toHaveLength(1);
  expect(s).toMatch(/^错误：[\s\S]*[\u4e00-\u9fff]/);
  expect(s).not.toMatch(/\n\s+at |Error:|TypeError/);
}

describe('taizhang submit', () => {
  test('October of the sample has errors: refused (exit 1), rows listed, nothing written', async () => {
    const r = await run(...BASE, '--out', out);
    expect(r.code).toBe(1);
    oneLineChinese(r.err);
    expect(r.err).toContain('--allow-errors');
    for (const row of ['行政处罚案件台账 第5行', '行政处罚案件台账 第7行', '行政检查案件台账 第8行', '行政强制案件台账 第7行']) expect(r.out).toContain(row);
    // Rows outside October with errors are not listed (第11行 closes in November).
    expect(r.out).not.toContain('行政处罚案件台账 第11行');
    expect(tree(root)).toEqual([]);
  });

  test('--allow-errors writes the .docx and .eml into --out and prints where (exit 0)', async () => {
    const r = await run(...BASE, '--out', out, '--allow-errors');
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(tree(root)).toEqual(['out', `out/${DOCX}`, `out/${EML}`]);
    expect(r.out).toContain(DOCX);
    expect(r.out).toContain(EML);
    expect(r.out).toContain('已逾期4天');
    const mail = await simpleParser(fs.readFileSync(path.join(out, EML)));
    expect(Buffer.compare(mail.attachments[0].content, fs.readFileSync(path.join(out, DOCX)))).toBe(0);
  });

  test('September has no errors: written without --allow-errors', async () => {
    const r = await run(...with_({ '--period': '2023-09' }), '--out', out);
    expect(r.code).toBe(0);
    expect(tree(out)).toEqual([`${TEAM}2023年9月行政执法案件台账.docx`, `${TEAM}2023年9月行政执法案件台账报备.eml`]);
  });

  test('an existing file is not overwritten without --force', async () => {
    expect((await run(...BASE, '--out', out, '--allow-errors')).code).toBe(0);
    fs.writeFileSync(path.join(out, DOCX), 'mine');
    const again = await run(...BASE, '--out', out, '--allow-errors');
    expect(again.code).toBe(2);
    oneLineChinese(again.err);
    expect(again.err).toContain('--force');
    expect(fs.readFileSync(path.join(out, DOCX), 'utf8')).toBe('mine');
    const forced = await run(...BASE, '--out', out, '--allow-errors', '--force');
    expect(forced.code).toBe(0);
    expect(fs.readFileSync(path.join(out, DOCX)).subarray(0, 2).toString()).toBe('PK');
  });

  test('--force does not write through a link to a file outside --out', async () => {
    fs.mkdirSync(out);
    const outside = path.join(root, 'outside.txt');
    fs.writeFileSync(outside, 'keep');
    fs.symlinkSync(outside, path.join(out, DOCX));
    const r = await run(...BASE, '--out', out, '--allow-errors', '--force');
    expect(r.code).toBe(2);
    oneLineChinese(r.err);
    expect(fs.readFileSync(outside, 'utf8')).toBe('keep');
  });

  test('a team name with path characters stays inside --out', async () => {
    const r = await run(...with_({ '--team': '../../天宁镇/综合行政执法队' }), '--out', out, '--allow-errors');
    expect(r.code).toBe(0);
    expect(tree(root)).toEqual(['out', `out/${DOCX}`, `out/${EML}`]);
  });

  test.each<[Record<string, string>, RegExp]>([
    [{ '--contact': '张三,13812345678' }, /联系人/],
    [{ '--contact': '张三,队员,123' }, /电话/],
    [{ '--to': 'jiaochengxzfy@163.com\r\nBcc: evil@example.com' }, /收件邮箱/],
    [{ '--period': '2023-13' }, /--period/],
    [{ '--period': '2023-10..2023-08' }, /早于/],
    [{ '--team': 'XX综合行政执法队' }, /占位符/],
    [{ '--today': '2023-02-30' }, /--today/],
    [{ '--bogus': '' }, /参数有误/],
  ])('bad option %j: exit 2, one Chinese line, nothing written', async (change, message) => {
    const r = await run(...with_(change), '--out', out);
    expect(r.code).toBe(2);
    oneLineChinese(r.err);
    expect(r.err).toMatch(message);
    expect(tree(root)).toEqual([]);
  });

  test('a missing or unreadable file: exit 2', async () => {
    const missing = await run('submit', path.join(root, 'nope.xlsx'), '--period', '2023-10', '--contact', '张三,队员,13812345678');
    expect(missing.code).toBe(2);
    oneLineChinese(missing.err);
    const bad = path.join(root, 'bad.xlsx');
    fs.writeFileSync(bad, 'not a workbook');
    const r = await run('submit', bad, '--period', '2023-10', '--contact', '张三,队员,13812345678');
    expect(r.code).toBe(2);
    oneLineChinese(r.err);
  });

  test('--team defaults to the team in the ledger titles; --period to last month', async () => {
    const r = await run('submit', SAMPLE, '--contact', '张三,综合执法队队员,13812345678', '--today', '2023-10-05', '--out', out);
    expect(r.code).toBe(0);
    expect(r.out).toContain('未指定 --period，按上月 2023年9月');
    expect(tree(out)).toContain(`${TEAM}2023年9月行政执法案件台账.docx`);
  });
});
