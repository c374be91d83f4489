/* The 报送月份 column: where it goes, what it holds, refusals, live updates, and that nothing else is written. */
import { REPORT_COLUMNS_KEY } from '../../src/session/settings';
import { MARK_STYLE } from '../../src/session/marks';
import { reportMonthText } from '../../src/session/report-month';
import { FakeWorkbook, colLetters, parseA1 } from '../fake-excel';
import { fixtureWorkbook, freshCheck, ledgerSheet, serial, setup, stateJson, teardown } from './helpers';

afterEach(teardown);

const P = '行政处罚案件台账';
const I = '行政检查案件台账';
const C = '行政强制案件台账';

function column(wb: FakeWorkbook, sheet: string, letter: string, from: number, to: number): unknown[] {
  const s = wb.sheet(sheet);
  const col = parseA1(`${letter}1`).left;
  return Array.from({ length: to - from + 1 }, (_, i) => wb.valueAt(s, from + i, col));
}

test('fills the 报送月份 column right of each table with the reporting month, 待复检/未结案, or why there is none', async () => {
  const wb = await fixtureWorkbook();
  const values = wb.valueSnapshot();
  const s = setup(wb);
  await s.service.checkAll();
  s.syncsSince();
  const r = await s.service.fillReportMonths();
  expect(r).toEqual({
    written: [
      { sheet: P, column: 'L', rows: 10 },
      { sheet: I, column: 'P', rows: 8 },
      { sheet: C, column: 'N', rows: 5 },
    ],
    refused: [],
  });
  expect(s.syncsSince()).toBe(2);
  expect(s.logs.pop()).toEqual(expect.objectContaining({ op: 'fillReportMonths', syncs: 2 }));
  // Months per the notice: 处罚 by 结案时间, 检查 by 复检日期 (with hazards) or 检查时间, 强制 by 结案时间.
  expect(column(wb, P, 'L', 2, 13)).toEqual(['报送月份', '2023-10', '2023-09', '2023-10', '日期有误', '2023-10', '2023-10', '2023-10', '2023-10', '2023-11', '2023-10', '']);
  expect(column(wb, I, 'P', 2, 13)).toEqual(['报送月份', '', '2023-10', '2023-10', '待复检', '待复检', '2023-10', '2023-10', '2023-09', '2023-10', '', '']);
  expect(column(wb, C, 'N', 2, 8)).toEqual(['报送月份', '2023-10', '未结案', '2023-10', '2023-10', '2023-10', '']);
  // Text, not dates: the cells are text-formatted before the values go in.
  expect(wb.typeAt(wb.sheet(P), 3, 12)).toBe('String');
  expect(wb.cell(wb.sheet(P), 3, 12)!.style!.numberFormat).toBe('@');
  // The inspection ledger's two header rows: the header cell spans both.
  expect(wb.sheet(I).merges.map((m) => `${colLetters(m.left)}${m.top}:${colLetters(m.right)}${m.bottom}`)).toContain('P2:P3');
  // Values, not formulas (a reviewer without the add-in would see #NAME?).
  expect(wb.writes.filter((w) => w.kind === 'formulas')).toEqual([]);
  // Nothing but the new column changed.
  const after = wb.valueSnapshot();
  for (const [sheet, letter] of [[P, 'L'], [I, 'P'], [C, 'N']]) {
    for (const a of Object.keys(after[sheet])) if (a.startsWith(letter) && /^\d/.test(a.slice(letter.length))) delete after[sheet][a];
  }
  expect(after).toEqual(values);
  for (const w of wb.writes.filter((x) => x.kind === 'values' || x.kind === 'numberFormat')) {
    const letter = { [P]: 'L', [I]: 'P', [C]: 'N' }[w.sheet];
    expect([w.sheet, w.address.replace(/\d+/g, '')]).toEqual([w.sheet, expect.stringMatching(new RegExp(`^${letter}(:${letter})?$`))]);
  }
  // The core now lists the column as the ledger's extra column; the check is unchanged.
  const ledgers = s.service.current().check!.ledgers;
  expect(ledgers.map((l) => l.layout.extras)).toEqual([[{ col: 12, header: '报送月份' }], [{ col: 16, header: '报送月份' }], [{ col: 14, header: '报送月份' }]]);
  expect(stateJson(s.service)).toEqual(freshCheck(wb));
  // The column is remembered as the add-in's own.
  expect(wb.savedSettings[REPORT_COLUMNS_KEY]).toEqual({ [P]: 'L', [I]: 'P', [C]: 'N' });
});

test('each filled value is the record’s month or reason', async () => {
  const s = setup(await fixtureWorkbook());
  await s.service.fillReportMonths(); // checks first when nothing was checked yet
  for (const l of s.service.current().check!.ledgers) {
    const col = l.layout.extras[0].col;
    for (const rec of l.records) {
      const v = s.wb.valueAt(s.wb.sheet(l.layout.sheet), rec.row, col);
      expect(v).toBe(rec.reportMonth ?? reportMonthText(rec));
      if (rec.reportMonth) expect(v).toMatch(/^\d{4}-\d{2}$/);
    }
  }
});

test('refuses, with a message, to write over a column that holds anything else; other sheets are still filled', async () => {
  const wb = await fixtureWorkbook();
  wb.setValue(wb.sheet(P), 7, 12, '已移送公安'); // L7: the clerk's note right of the table, no header
  const before = wb.valueSnapshot();
  const s = setup(wb);
  const r = await s.service.fillReportMonths();
  expect(r.refused).toEqual([{ sheet: P, reason: expect.stringContaining('L 列已有内容（L7：“已移送公安”）') }]);
  expect(r.refused[0].reason).toMatch(/为免覆盖，没有填写报送月份/);
  expect(r.written.map((w) => w.sheet)).toEqual([I, C]);
  expect(wb.valueSnapshot()[P]).toEqual(before[P]);
  expect(wb.writes.filter((w) => w.sheet === P && w.kind !== 'cf.add' && w.kind !== 'cf.set')).toEqual([]);
});

test('an existing 报送月份 column: plain values are refreshed, formulas are refused', async () => {
  const wb = await fixtureWorkbook();
  const p = wb.sheet(P);
  wb.setValue(p, 2, 12, '报送月份');
  wb.setValue(p, 3, 12, '2023-09'); // stale, typed by hand (the fake stores it as a month serial unless text-formatted)
  const i = wb.sheet(I);
  wb.setValue(i, 2, 16, '报送月份');
  i.cells.set(4 * 16385 + 16, { value: '2023-10', formula: '=TZ.REPORT_MONTH(C4,G4,M4)' });
  const s = setup(wb);
  const r = await s.service.fillReportMonths();
  expect(r.written.map((w) => [w.sheet, w.column])).toEqual([
    [P, 'L'],
    [C, 'N'],
  ]);
  expect(r.refused).toEqual([{ sheet: I, reason: expect.stringContaining('中有公式（如 P4：=TZ.REPORT_MONTH(C4,G4,M4)）') }]);
  expect(column(wb, P, 'L', 2, 4)).toEqual(['报送月份', '2023-10', '2023-09']);
  expect(wb.formulaAt(i, 4, 16)).toBe('=TZ.REPORT_MONTH(C4,G4,M4)');
  // The existing header was left alone (not merged or restyled).
  expect(wb.writes.filter((w) => w.sheet === P && w.kind === 'values').map((w) => w.address)).toEqual(['L3:L13']);
});

test('the 报送月份 column follows edits with the marks (更新标记), never while the clerk types', async () => {
  const s = setup(await fixtureWorkbook());
  await s.service.checkAll();
  await s.service.fillReportMonths();
  await s.service.startLive();
  s.logs.length = 0;
  s.wb.userEdit(P, 'F6', '2023年10月6日');
  await s.service.idle();
  expect(column(s.wb, P, 'L', 6, 6)).toEqual(['日期有误']); // not written while live checking
  expect(s.service.current().pendingMarks?.sheets).toEqual([P]);
  s.wb.userEdit(I, 'M6', '2023年10月30日'); // rechecked: no longer pending
  await s.service.idle();
  s.wb.userEdit(P, 'A4:K4', [['', '', '', '', '', '', '', '', '', '', '']]); // a case removed
  await s.service.idle();
  expect(s.logs.map((l) => [l.op, l.syncs])).toEqual([
    ['recheckRows', 1],
    ['recheckRows', 1],
    ['recheckRows', 1],
  ]);
  await s.service.refreshMarks();
  expect(column(s.wb, P, 'L', 6, 6)).toEqual(['2023-10']);
  expect(column(s.wb, I, 'P', 6, 6)).toEqual(['2023-10']);
  expect(column(s.wb, P, 'L', 4, 4)).toEqual(['']);
  expect(s.service.current().pendingMarks).toBeUndefined();
  expect(stateJson(s.service)).toEqual(freshCheck(s.wb));
});

test('a 报送月份 column the add-in did not fill is not touched by live checking', async () => {
  const wb = await fixtureWorkbook();
  const p = wb.sheet(P);
  wb.setValue(p, 2, 12, '报送月份');
  p.cells.set(3 * 16385 + 12, { value: '9月', style: { numberFormat: '@' } });
  const s = setup(wb);
  await s.service.checkAll();
  await s.service.startLive();
  s.wb.userEdit(P, 'F3', '2023年10月13日');
  await s.service.idle();
  expect(column(wb, P, 'L', 3, 3)).toEqual(['9月']);
});

test('a new session keeps the filled column up to date (ownership is saved in the workbook)', async () => {
  const wb = await fixtureWorkbook();
  const first = setup(wb);
  await first.service.fillReportMonths();
  const second = setup(wb);
  await second.service.checkAll();
  await second.service.startLive();
  wb.userEdit(P, 'F6', '2023年9月6日');
  await second.service.idle();
  await second.service.refreshMarks();
  expect(column(wb, P, 'L', 6, 6)).toEqual(['2023-09']);
});

test('a template-only ledger gets the header and blank cells; a table with no free column to its right is refused', async () => {
  const wb = FakeWorkbook.fromJson({ sheets: [ledgerSheet('penalty', [], undefined, { footnote: true })] });
  const s = setup(wb);
  const r = await s.service.fillReportMonths();
  expect(r).toEqual({ written: [{ sheet: P, column: 'L', rows: 0 }], refused: [] });
  expect(column(wb, P, 'L', 2, 2)).toEqual(['报送月份']);

  const row = { seq: 1, decisionNo: '天综执罚决〔2023〕1号', cause: '占道经营案', party: '某人', facts: '占道', closedOn: serial('2023-10-12'), outcome: '警告', basis: '《城市市容和环境卫生管理条例》第三十六条', officers: '王明、李强' };
  const far = ledgerSheet('penalty', [row], '最右');
  far.origin = `${colLetters(16384 - 10)}1`; // the table ends in the last column, XFD
  far.merges = [];
  const s2 = setup(FakeWorkbook.fromJson({ sheets: [far] }));
  const r2 = await s2.service.fillReportMonths();
  expect(s2.service.current().sheets.map((x) => x.records)).toEqual([1]);
  expect(r2).toEqual({ written: [], refused: [{ sheet: '最右', reason: expect.stringContaining('已没有空列') }] });
});

test('a merged area reaching into the 报送月份 column: that sheet is refused with the reason, its marks and the other sheets are written', async () => {
  const wb = await fixtureWorkbook();
  // The clerk merged K5:L6 (备注 across into the column the add-in would fill).
  wb.sheet(P).merges.push({ top: 5, left: 11, bottom: 6, right: 12 });
  const s = setup(wb);
  await s.service.checkAll();
  const r = await s.service.fillReportMonths();
  // Where merged areas are read (ExcelApi 1.13) it is refused beforehand, naming the area; elsewhere the write fails alone.
  expect(r.refused).toEqual([{ sheet: P, reason: expect.stringContaining(s.office.host.supports('1.13') ? '合并单元格 K5:L6' : '合并单元格') }]);
  expect(r.written.map((w) => w.sheet)).toEqual([I, C]);
  // (Where it is found only by the failing write, the header written before it stays.)
  expect(column(wb, P, 'L', 3, 4)).toEqual(['', '']);
  expect(wb.shownFill(P, 'I5')).toBe(MARK_STYLE.error.fill);
});

test('a write that fails on a merged area costs only that sheet’s cells (the fake refuses part of a merged area), not its marks', async () => {
  const wb = await fixtureWorkbook();
  const s = setup(wb);
  await s.service.checkAll();
  await s.service.fillReportMonths();
  await s.service.startLive();
  // Merged after the column was filled, without the session reading it (no event): the next write hits it.
  wb.sheet(P).merges.push({ top: 6, left: 11, bottom: 6, right: 12 });
  s.wb.userEdit(P, 'F6', '2023年10月6日');
  s.wb.userEdit(P, 'I5', '王明、李强');
  await s.service.idle();
  await s.service.refreshMarks();
  expect(s.wb.shownFill(P, 'I5')).toBeUndefined(); // the marks were written
  // Where merged areas are read (ExcelApi 1.13) the re-read rows show it and the column is refused with the reason; elsewhere the write fails alone.
  expect(s.service.current().notes?.join('\n')).toMatch(new RegExp(`「${P}」(报送月份没有更新|的 L 列（报送月份要写的列）中有合并单元格 K6:L6)`));
});
