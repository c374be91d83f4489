/*
 * What still cannot be read is said in one Chinese line (issue 16 §4): a formula whose result was
 * never saved, a sheet name past 31 characters (simply read; no library warning reaches the
 * clerk), `--period 9999-12`, a WPS in-cell picture in the Word file, a ledger on a hidden sheet.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import JSZip from 'jszip';
import { main } from '../../src/cli/main';
import { craftXlsx, inl, inlRow } from '../input/craft';
import { HEADER, TITLE, record } from '../helpers/hostile-files';

let tmp: string;
beforeAll(() => (tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tz-msg-'))));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Runs the CLI in this process; anything a library prints to the console is caught too. */
async function run(...argv: string[]): Promise<{ code: number; out: string; err: string; console: string }> {
  let out = '';
  let err = '';
  const printed: string[] = [];
  const spies = (['log', 'warn', 'error', 'info'] as const).map((m) => jest.spyOn(console, m).mockImplementation((...a: unknown[]) => void printed.push(a.join(' '))));
  try {
    const code = await main(argv, { out: (s) => (out += s + '\n'), err: (s) => (err += s + '\n') });
    return { code, out, err, console: printed.join('\n') };
  } finally {
    spies.forEach((s) => s.mockRestore());
  }
}

const put = (name: string, bytes: Uint8Array) => {
  const f = path.join(tmp, name);
  fs.writeFileSync(f, bytes);
  return f;
};

test('a formula whose result was never saved: says so, and how to fix it; not 不能为空', async () => {
  const row3 = inlRow(3, record(1)).replace(/<c r="F3"[^]*?<\/c>/, '<c r="F3"><f>DATE(2023,10,12)</f></c>');
  const r = await run('check', put('formula.xlsx', craftXlsx({ sheets: [{ name: '处罚台账', rows: inlRow(1, [TITLE]) + inlRow(2, HEADER) + row3 }] })), '--today', '2023-11-05');
  expect(r.code).toBe(1);
  expect(r.out).toContain('第3行 [错误] F3「结案时间」：单元格是公式 “=DATE(2023,10,12)”，但文件里没有保存它的计算结果');
  expect(r.out).toContain('请用 Excel 或 WPS 打开这个文件，保存后再检查。（formula-no-result）');
  expect(r.out).not.toContain('不能为空');
});

test('a sheet name of more than 31 characters is read as written, with no library warning', async () => {
  const name = '天宁镇综合行政执法队二〇二三年十月份行政处罚案件台账（第二稿，已经核对无误）';
  const r = await run('check', put('long.xlsx', craftXlsx({ sheets: [{ name, rows: inlRow(1, [TITLE]) + inlRow(2, HEADER) + inlRow(3, record(1)) }] })), '--today', '2023-11-05');
  expect([r.code, r.err, r.console]).toEqual([0, '', '']);
  expect(r.out).toContain(`【${name}】行政处罚`);
});

test('--period 9999-12 says which years are accepted', async () => {
  const r = await run('submit', put('p.xlsx', craftXlsx({ sheets: [{ name: 'S', rows: inlRow(1, HEADER) }] })), '--period', '9999-12', '--contact', '张三,队员,13812345678');
  expect([r.code, r.err.trim()]).toEqual([2, '错误：--period：报送期间“9999-12”的年份 9999 不在可以报送的 2000–2099 年之间，如 2023-10']);
});

test('a WPS in-cell picture (=DISPIMG) appears as [图片] in the Word file, not as a formula', async () => {
  const pic = '<c r="K3" t="str"><f>_xlfn.DISPIMG("ID_5F3A0C",1)</f><v>=DISPIMG("ID_5F3A0C",1)</v></c>';
  const file = put('pic.xlsx', craftXlsx({ sheets: [{ name: '处罚台账', rows: inlRow(1, [TITLE]) + inlRow(2, HEADER) + inlRow(3, record(1)).replace('</row>', `${pic}</row>`) }] }));
  const out = path.join(tmp, 'pic-out');
  const r = await run('submit', file, '--period', '2023-10', '--contact', '张三,队员,13812345678', '--today', '2023-11-05', '--out', out);
  expect(r.code).toBe(0);
  const docx = fs.readdirSync(out).find((n) => n.endsWith('.docx'))!;
  const xml = await (await JSZip.loadAsync(fs.readFileSync(path.join(out, docx)))).file('word/document.xml')!.async('string');
  expect(xml).toContain('[图片]');
  expect(xml).not.toMatch(/DISPIMG/);
});

test('a ledger on a hidden sheet is checked, and the output says it is hidden', async () => {
  const file = put(
    'hidden.xlsx',
    craftXlsx({
      sheets: [
        { name: '处罚台账', rows: inlRow(1, [TITLE]) + inlRow(2, HEADER) + inlRow(3, record(1)) },
        { name: '处罚台账（去年）', state: 'hidden', rows: inlRow(1, [TITLE]) + inlRow(2, HEADER) + inlRow(3, record(2, { 8: '王明' })) },
      ],
    }),
  );
  const r = await run('check', file, '--today', '2023-11-05');
  expect(r.code).toBe(1);
  expect(r.out).toContain('【处罚台账（去年）】（隐藏的工作表）行政处罚');
  expect(r.out).toContain('这张工作表在工作簿中是隐藏的');
  const j = JSON.parse((await run('check', file, '--json', '--today', '2023-11-05')).out);
  expect(j.sheets.map((s: { name: string; hidden?: boolean }) => [s.name, s.hidden ?? false])).toEqual([
    ['处罚台账', false],
    ['处罚台账（去年）', true],
  ]);
  const s = await run('submit', file, '--period', '2023-10', '--contact', '张三,队员,13812345678', '--today', '2023-11-05', '--out', path.join(tmp, 'hidden-out'), '--allow-errors');
  expect(s.out).toContain('提示：工作表“处罚台账（去年）”在工作簿中是隐藏的，其中1件本期案件也已列入台账');
});

test('inline text with markup characters survives (escaped in the file, plain in the output)', async () => {
  const r = await run('check', put('esc.xlsx', craftXlsx({ sheets: [{ name: 'S', rows: inlRow(1, HEADER) + `<row r="2">${inl('B2', '天综执罚决〔2023〕1号')}${inl('C2', '<违法>&"案"')}</row>` }] })), '--json', '--today', '2023-11-05');
  expect(JSON.parse(r.out).issues.map((i: { message: string }) => i.message).join('')).toContain('<违法>&"案"');
});
