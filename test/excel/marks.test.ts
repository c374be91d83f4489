/* Marks: conditional formats owned by the add-in; 清除标记 leaves every format as it was; no value is ever written. */
import { MARK_STYLE, isMarkFormula } from '../../src/session/marks';
import { ledgerIssues } from '../../src/validation/check';
import { FakeConditionalFormat, FakeWorkbook, rectA1 } from '../fake-excel';
import { fixtureWorkbook, ledgerSheet, penaltyRow, setup, teardown } from './helpers';

afterEach(teardown);

const ours = (cf: FakeConditionalFormat) => isMarkFormula(cf.formula);

/** The fixture plus formatting a clerk might have: a fill on a problem cell, a bold font, their own conditional format. */
async function styledFixture(): Promise<FakeWorkbook> {
  const wb = await fixtureWorkbook();
  const s = wb.sheet('行政处罚案件台账');
  wb.style(s, 5, 9).fill = '#DDEBF7'; // I5 (王明 alone: an error) has the clerk's own fill
  wb.style(s, 6, 6).font = { name: '仿宋', bold: true }; // F6 (2月30日: an error)
  s.cfs.push({ id: '{USER-CF}', type: 'Custom', ranges: [{ top: 3, left: 6, bottom: 12, right: 6 }], formula: '=$F3>DATE(2023,10,31)', fill: '#00B050' });
  return wb;
}

test('marks appear on error and warning cells in two colours; infos are not marked; shown by default after the first check', async () => {
  const s = setup(await fixtureWorkbook());
  expect(s.service.current().marksShown).toBe(false);
  const state = await s.service.checkAll();
  expect(state.marksShown).toBe(true);
  let errors = 0;
  let warnings = 0;
  for (const l of state.check!.ledgers) {
    const issues = ledgerIssues(l).filter((i) => i.row >= l.layout.firstDataRow);
    const worst = new Map<string, string>();
    for (const i of issues) {
      const prev = worst.get(i.cell);
      if (i.severity === 'error' || (i.severity === 'warning' && prev !== 'error') || (i.severity === 'info' && !prev)) worst.set(i.cell, i.severity);
    }
    for (const [cell, sev] of worst) {
      const fill = s.wb.shownFill(l.layout.sheet, cell);
      if (sev === 'error') {
        errors++;
        expect([l.layout.sheet, cell, fill]).toEqual([l.layout.sheet, cell, MARK_STYLE.error.fill]);
      } else if (sev === 'warning') {
        warnings++;
        expect([l.layout.sheet, cell, fill]).toEqual([l.layout.sheet, cell, MARK_STYLE.warning.fill]);
      } else {
        expect([l.layout.sheet, cell, fill]).toEqual([l.layout.sheet, cell, undefined]);
      }
    }
  }
  expect(errors).toBeGreaterThan(5);
  expect(warnings).toBeGreaterThan(2);
  // A clean cell shows no mark.
  expect(s.wb.shownFill('行政处罚案件台账', 'B3')).toBeUndefined();
  // Every mark is the add-in's conditional format; cells' own formats are untouched.
  for (const sh of s.wb.sheets) for (const cf of sh.cfs) expect(isMarkFormula(cf.formula)).toBe(true);
});

test('清除标记 restores every format byte for byte; marks never touch the cells’ own formats', async () => {
  const wb = await styledFixture();
  const before = wb.formatSnapshot();
  const s = setup(wb);
  await s.service.checkAll();
  expect(wb.formatSnapshot()).not.toBe(before); // marks are there…
  expect(wb.formatSnapshot(ours)).toBe(before); // …and nothing else changed
  expect(wb.shownFill('行政处罚案件台账', 'I5')).toBe(MARK_STYLE.error.fill);
  await s.service.setMarks(false);
  expect(wb.formatSnapshot()).toBe(before);
  expect(s.service.current().marksShown).toBe(false);
  expect(wb.shownFill('行政处罚案件台账', 'I5')).toBe('#DDEBF7');
  // The clerk's own conditional format is still first in line and unchanged.
  expect(wb.sheet('行政处罚案件台账').cfs.map((c) => c.id)).toEqual(['{USER-CF}']);
  await s.service.setMarks(true);
  expect(wb.formatSnapshot(ours)).toBe(before);
  expect(s.service.current().marksShown).toBe(true);
  expect(wb.shownFill('行政处罚案件台账', 'I5')).toBe(MARK_STYLE.error.fill);
  await s.service.setMarks(false);
  expect(wb.formatSnapshot()).toBe(before);
});

test('marks left by an earlier session are found by their formula and replaced, not piled up', async () => {
  const wb = await styledFixture();
  const before = wb.formatSnapshot();
  const first = setup(wb);
  await first.service.checkAll();
  const count = wb.sheets.reduce((n, sh) => n + sh.cfs.filter(ours).length, 0);
  expect(count).toBeGreaterThan(0);
  // The pane is closed and opened again: a new session.
  const second = setup(wb);
  await second.service.checkAll();
  expect(wb.sheets.reduce((n, sh) => n + sh.cfs.filter(ours).length, 0)).toBe(count);
  // A second check with nothing changed writes nothing.
  second.syncsSince();
  await second.service.checkAll();
  // List, read (with the formats), the cells they apply to read back: the same cells as planned, so nothing is written.
  expect(second.syncsSince()).toBe(3);
  await second.service.setMarks(false);
  expect(wb.formatSnapshot()).toBe(before);
});

test('清除标记 also removes marks the clerk copied to other cells or sheets', async () => {
  const wb = await fixtureWorkbook();
  const s = setup(wb);
  await s.service.checkAll();
  const copy = { ...wb.sheet('行政处罚案件台账').cfs[0], id: '{COPIED}' };
  wb.sheet('填表说明').cfs.push(copy);
  await s.service.setMarks(false);
  expect(wb.sheets.flatMap((sh) => sh.cfs)).toEqual([]);
});

test('an issue inside a merged cell marks the whole merged area', async () => {
  const row = (i: number, officers: string | null) => penaltyRow(i, { officers });
  const sheet = ledgerSheet('penalty', [row(1, '王明'), row(2, null), row(3, '王明、李强')]);
  sheet.merges!.push('I3:I4');
  const wb = FakeWorkbook.fromJson({ sheets: [sheet] });
  const s = setup(wb, { apiVersion: '1.14' }); // merged areas are read from ExcelApi 1.13
  const state = await s.service.checkAll();
  expect(state.check!.ledgers[0].records.map((r) => r.issues.map((i) => `${i.cell} ${i.rule}`))).toEqual([['I3 persons-min-two'], ['I4 persons-min-two'], []]);
  const marks = wb.sheet('行政处罚案件台账').cfs;
  expect(marks.flatMap((m) => m.ranges.map(rectA1))).toEqual(['I3:I4']);
  expect(wb.shownFill('行政处罚案件台账', 'I3')).toBe(MARK_STYLE.error.fill);
  expect(wb.shownFill('行政处罚案件台账', 'I5')).toBeUndefined();
});

test('many marks are split into conditional formats with short address lists', async () => {
  // every other row: one officer only (an error), never two such rows in a row
  const rows = Array.from({ length: 1500 }, (_, i) => penaltyRow(i + 1, { officers: i % 2 ? '王明' : '王明、李强' }));
  const wb = FakeWorkbook.fromJson({ sheets: [ledgerSheet('penalty', rows)] });
  const s = setup(wb);
  await s.service.checkAll();
  const cfs = wb.sheet('行政处罚案件台账').cfs;
  expect(cfs.length).toBeGreaterThan(1);
  expect(cfs.reduce((n, c) => n + c.ranges.length, 0)).toBe(750);
  for (const w of wb.writes.filter((x) => x.kind === 'cf.add')) expect(w.address.length).toBeLessThanOrEqual(2000);
  expect(s.office.host.syncs.every((r) => !r.error)).toBe(true);
});

test('no value in the workbook is ever written by checking, marking, re-checking or clearing', async () => {
  const wb = await styledFixture();
  const values = wb.valueSnapshot();
  const s = setup(wb);
  await s.service.checkAll();
  await s.service.startLive();
  await s.service.setMarks(false);
  await s.service.setMarks(true);
  wb.userActivate('行政检查案件台账');
  await s.service.idle();
  await s.service.checkAll();
  await s.service.selectCell('行政强制案件台账', 'G4');
  expect(wb.valueSnapshot()).toEqual(values);
  expect(wb.writes.filter((w) => w.kind === 'values' || w.kind === 'formulas' || w.kind === 'numberFormat' || w.kind.startsWith('format'))).toEqual([]);
  expect(new Set(wb.writes.map((w) => w.kind))).toEqual(new Set(['cf.add', 'cf.set', 'cf.delete', 'activate', 'select']));
});
