/*
 * The 执法人员名单 in the CLI (issue 21): `taizhang template --roster` adds it after the three
 * ledgers; filled in as a clerk would (in the template file itself, dates as Excel dates), `check`
 * recognises it, finds an expired certificate and prints the roster's state — never a 执法证号.
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from './run';
import { readWorkbook } from '../../src/cli/xlsx';
import { readRoster } from '../../src/ledger/roster';

let tmp: string;
beforeAll(() => (tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'taizhang-roster-'))));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const run = runCli;

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

test('template --roster adds the 执法人员名单 after the ledgers; without it there is none', async () => {
  const file = path.join(tmp, 'with.xlsx');
  const r = await run('template', '--out', file, '--team', '天宁镇综合行政执法队', '--roster');
  expect(r.code).toBe(0);
  expect(r.out).toContain('执法人员名单');
  const wb = await readWorkbook(file);
  expect(wb.sheets.map((s) => s.name)).toEqual(['行政处罚案件台账', '行政检查案件台账', '行政强制案件台账', '执法人员名单']);
  const roster = readRoster(wb.sheets[3])!;
  expect(roster.layout!.title).toBe('天宁镇综合行政执法队执法人员名单');
  expect(Object.keys(roster.layout!.columns)).toEqual(['name', 'certNo', 'issuer', 'validUntil', 'remarks']);
  expect(roster.entries).toEqual([]);
  // The footnote is a note, not a person.
  expect(roster.problems).toEqual([]);
  const plain = path.join(tmp, 'without.xlsx');
  expect((await run('template', '--out', plain)).code).toBe(0);
  expect((await readWorkbook(plain)).sheets.map((s) => s.name)).not.toContain('执法人员名单');
  const empty = await run('check', file, '--json', '--today', '2023-11-05');
  expect(JSON.parse(empty.out).rosters).toEqual([{ sheet: '执法人员名单', headerRow: 2, readable: true, people: 0, certified: 0, expiringSoon: [], expired: [], issues: [] }]);
});

test('the template filled in: check finds the expired certificate, the roster’s state is printed, no 执法证号 anywhere', async () => {
  const file = path.join(tmp, 'filled.xlsx');
  await run('template', '--out', file, '--team', '天宁镇综合行政执法队', '--roster');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const p = wb.getWorksheet('行政处罚案件台账')!;
  p.getRow(3).values = [1, '天综执罚决〔2023〕15号', '占道经营案', '李某', '占道经营', utc(2023, 10, 12), '警告', '《城市市容和环境卫生管理条例》第三十六条', '王明、李　强', '', ''];
  p.getRow(4).values = [2, '天综执罚决〔2023〕16号', '占道经营案', '张某', '占道经营', utc(2023, 10, 13), '警告', '《城市市容和环境卫生管理条例》第三十六条', '王明、周八、李强', '', ''];
  const r = wb.getWorksheet('执法人员名单')!;
  r.getRow(3).values = ['王明', '14010001', '交城县人民政府', utc(2027, 12, 31), ''];
  r.getRow(4).values = ['李强', '14010002', '交城县人民政府', utc(2023, 9, 30), ''];
  r.getRow(5).values = ['周八', '', '', null, '协管员'];
  r.getRow(6).values = ['张三', '14010003', '交城县人民政府', utc(2023, 12, 20), ''];
  await wb.xlsx.writeFile(file);

  const json = await run('check', file, '--json', '--today', '2023-11-05');
  expect(json.code).toBe(1);
  const j = JSON.parse(json.out);
  expect(j.issues.filter((i: { rule: string }) => i.rule.startsWith('roster-')).map((i: { cell: string; rule: string }) => `${i.cell} ${i.rule}`)).toEqual(['I3 roster-cert-expired', 'I4 roster-cert-expired']);
  expect(j.rosters).toEqual([
    { sheet: '执法人员名单', headerRow: 2, readable: true, people: 4, certified: 3, expiringSoon: [{ name: '张三', row: 6, until: '2023-12-20' }], expired: [{ name: '李强', row: 4, until: '2023-09-30' }], issues: [] },
  ]);
  const human = await run('check', file, '--today', '2023-11-05');
  expect(human.out).toContain('【执法人员名单】执法人员名单 · 表头第2行 · 4人（持证执法人员3人） · 60天内到期的执法证1本（张三 2023年12月20日） · 已过期1本（李强 2023年9月30日）');
  expect(human.out).toContain('I3「执法人员」：“王明、李　强”中李强的执法证有效期至2023年9月30日，早于结案时间（2023年10月12日）');
  for (const out of [json.out, human.out]) expect(out).not.toMatch(/1401000\d/);
});
