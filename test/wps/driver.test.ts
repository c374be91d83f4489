/*
 * The WPS 表格 driver against the fake ET object model built from the fixture workbook: the
 * session's results equal a fresh checkWorkbook of the same cells, marks, live checking,
 * 报送月份, settings in the workbook, protected sheets, inserted official sheets.
 */
import { REPORT_COLUMNS_KEY, SETTINGS_KEY } from '../../src/session/settings';
import { NO_EVENTS } from '../../src/wps/driver';
import { colLetters } from '../fake-excel';
import { TODAY, bigLedgerSheet, fixtureWorkbook, freshCheck, ledgerSheet, penaltyRow, serial, stateJson } from '../excel/helpers';
import { FakeWorkbook } from '../fake-excel';
import { createWpsService } from '../../src/wps/session';
import type { EtApp } from '../../src/wps/et';
import type { PaneProgress } from '../../src/session/service';
import { FakeEtApp } from '../fake-wps';
import { fromJson, marksOn, wpsSetup } from './helpers';

const P = '行政处罚案件台账';
const I = '行政检查案件台账';
const C = '行政强制案件台账';

test('a full check of the fixture equals checkWorkbook of the same cells, with the expected counts', async () => {
  const s = wpsSetup(await fixtureWorkbook());
  const state = await s.service.checkAll();
  expect(state.phase).toBe('ready');
  expect(state.sheets.map((x) => [x.name, x.kind, x.records])).toEqual([
    [P, 'penalty', 10],
    [I, 'inspection', 8],
    [C, 'coercion', 5],
  ]);
  expect(stateJson(s.service)).toEqual(freshCheck(s.wb));
  // The impossible date in F6 is reported on F6, in Chinese.
  const f6 = state.check!.ledgers[0].records.flatMap((r) => r.issues).find((i) => i.cell === 'F6');
  expect(f6?.message).toContain('2023年2月30日');
  expect(s.ops).toEqual(['checkAll']);
});

test('marks are the add-in’s own conditional formats in Excel’s colours; the clerk’s formats and values stay as they were', async () => {
  const wb = await fixtureWorkbook();
  const values = wb.valueSnapshot();
  const s = wpsSetup(wb);
  await s.service.checkAll();
  expect(s.service.current().marksShown).toBe(true);
  expect(wb.shownFill(P, 'F6')).toBe('#FFC7CE');
  const marks = marksOn(wb, P);
  expect(marks.length).toBeGreaterThan(0);
  expect(new Set(marks.map((m) => [m.fill, m.font].join()))).toEqual(new Set(['#FFC7CE,#9C0006', '#FFEB9C,#9C5700'].filter((x) => marks.some((m) => [m.fill, m.font].join() === x))));
  expect(wb.valueSnapshot()).toEqual(values);
  // Written with events off: no SheetChange from the add-in's own writes.
  expect(s.app.ownEvents).toBe(0);
  // 清除标记 restores the look exactly.
  const withoutMarks = wb.formatSnapshot((cf) => cf.formula.includes('执法台账助手'));
  await s.service.setMarks(false);
  expect(wb.formatSnapshot()).toEqual(withoutMarks);
  expect(s.service.current().marksShown).toBe(false);
});

test('marks from an earlier session are found by their tag and replaced, never duplicated', async () => {
  const wb = await fixtureWorkbook();
  await wpsSetup(wb).service.checkAll();
  const first = marksOn(wb, P);
  const again = wpsSetup(wb, {}, new FakeEtApp(wb));
  await again.service.checkAll();
  expect(marksOn(wb, P)).toEqual(first);
});

test('live checking: an edit re-reads its rows (and the cells below it), writes nothing, and 更新标记 updates the marks; inserted rows re-read the sheet', async () => {
  const s = wpsSetup(await fixtureWorkbook());
  await s.service.checkAll();
  await s.service.startLive();
  const errorsBefore = s.service.current().sheets[0].errors;
  s.wb.userEdit(P, 'F6', serial('2023-10-28'));
  await s.service.idle();
  expect(s.ops.slice(-1)).toEqual(['recheckRows']);
  expect(s.service.current().sheets[0].errors).toBe(errorsBefore - 1);
  expect(stateJson(s.service)).toEqual(freshCheck(s.wb));
  // WPS is assumed to empty its undo list on a write from code, as VBA macros do: nothing is written while the clerk types.
  expect(s.wb.shownFill(P, 'F6')).toBe('#FFC7CE');
  expect(s.service.current().pendingMarks?.note).toContain('WPS 可能不能再撤销之前的操作');
  await s.service.refreshMarks();
  expect(s.wb.shownFill(P, 'F6')).toBeUndefined();

  s.wb.userInsertRows(P, 5, 2);
  await s.service.idle();
  expect(s.ops.slice(-1)).toEqual(['recheckSheets']);
  expect(stateJson(s.service)).toEqual(freshCheck(s.wb));
  expect(s.app.ownEvents).toBe(0);

  await s.service.stopLive();
  s.wb.userEdit(P, 'F6', '2023年2月30日');
  await s.service.idle();
  expect(s.ops.slice(-1)).toEqual(['recheckSheets']);
});

test('a new sheet, a sheet shown and a deleted sheet are followed', async () => {
  const s = wpsSetup(fromJson({ sheets: [ledgerSheet('penalty', [penaltyRow(1)], '处罚')] }));
  await s.service.checkAll();
  await s.service.startLive();
  s.wb.userAddSheet(ledgerSheet('coercion', [], '强制'));
  await s.service.idle();
  expect(s.service.current().sheets.map((x) => x.name)).toEqual(['处罚', '强制']);
  s.app.userDeleteSheet('强制');
  await s.service.idle();
  expect(s.service.current().sheets.map((x) => x.name)).toEqual(['处罚']);
  expect(stateJson(s.service)).toEqual(freshCheck(s.wb));
});

test('events of another open workbook are not this workbook’s', async () => {
  const s = wpsSetup(fromJson({ sheets: [ledgerSheet('penalty', [penaltyRow(1)], '处罚')] }));
  await s.service.checkAll();
  await s.service.startLive();
  const other = { Name: '别的工作簿.xlsx' };
  const ws = { Name: '处罚', Parent: other, CodeName: 'Sheet1' };
  for (const fn of s.app.listeners.get('SheetChange') ?? []) fn(ws, { Address: () => 'B3' });
  await s.service.idle();
  expect(s.ops).toEqual(['checkAll']);
});

test('without ApiEvent, live checking says why in Chinese and 重新检查 still works', async () => {
  const s = wpsSetup(await fixtureWorkbook(), { noEvents: true });
  await s.service.checkAll();
  await expect(s.service.startLive()).rejects.toThrow(NO_EVENTS);
  s.wb.silentEdit(P, 'F6', serial('2023-10-28'));
  await s.service.checkAll();
  expect(stateJson(s.service)).toEqual(freshCheck(s.wb));
});

test('报送月份: the column right of each table, text-formatted, remembered in the workbook for the next session', async () => {
  const wb = await fixtureWorkbook();
  const s = wpsSetup(wb);
  await s.service.checkAll();
  const r = await s.service.fillReportMonths();
  expect(r).toEqual({
    written: [
      { sheet: P, column: 'L', rows: 10 },
      { sheet: I, column: 'P', rows: 8 },
      { sheet: C, column: 'N', rows: 5 },
    ],
    refused: [],
  });
  const column = (sheet: string, letter: string, from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => wb.valueAt(wb.sheet(sheet), from + i, letter.charCodeAt(0) - 64));
  expect(column(P, 'L', 2, 13)).toEqual(['报送月份', '2023-10', '2023-09', '2023-10', '日期有误', '2023-10', '2023-10', '2023-10', '2023-10', '2023-11', '2023-10', '']);
  expect(column(C, 'N', 2, 8)).toEqual(['报送月份', '2023-10', '未结案', '2023-10', '2023-10', '2023-10', '']);
  expect(wb.typeAt(wb.sheet(P), 3, 12)).toBe('String');
  expect(wb.cell(wb.sheet(P), 3, 12)!.style!.numberFormat).toBe('@');
  expect(wb.sheet(I).merges.map((m) => `${colLetters(m.left)}${m.top}:${colLetters(m.right)}${m.bottom}`)).toContain('P2:P3');
  expect(wb.sheet(P).columnWidths.get(12)).toBe(9);
  expect(stateJson(s.service)).toEqual(freshCheck(wb));

  // Kept in the workbook's custom document properties, not in PluginStorage.
  expect(s.app.properties.map((p) => p.Name)).toEqual([`${REPORT_COLUMNS_KEY}#1`]);
  const next = wpsSetup(wb, {}, new FakeEtApp(wb));
  next.app.properties.push(...s.app.properties);
  await next.service.checkAll();
  await next.service.startLive();
  wb.userEdit(P, 'F6', serial('2023-10-28'));
  await next.service.idle();
  await next.service.refreshMarks();
  expect(wb.valueAt(wb.sheet(P), 6, 12)).toBe('2023-10');
});

test('cells inserted or deleted with a shift (not whole rows), reported as an edit, re-read the sheet: the results follow the moved cells', async () => {
  const s = wpsSetup(await fixtureWorkbook());
  await s.service.checkAll();
  await s.service.startLive();
  s.app.userShiftCells(P, 'A5:K5', 'insert'); // a blank row's worth of cells pushed in: rows 5… move down in A:K
  await s.service.idle();
  expect(stateJson(s.service)).toEqual(freshCheck(s.wb));
  s.app.userShiftCells(P, 'F6:F7', 'delete'); // two cells of one column removed, the rest move up
  await s.service.idle();
  expect(stateJson(s.service)).toEqual(freshCheck(s.wb));
  // A plain edit is not mistaken for one (the cells below still hold what the session knows).
  const ops = s.ops.length;
  s.wb.userEdit(P, 'K3', '已公示');
  await s.service.idle();
  expect(s.ops.slice(ops)).toEqual(['recheckRows']);
  expect(stateJson(s.service)).toEqual(freshCheck(s.wb));
});

test('a workbook is known by identity: another open file with the same name is not this one', async () => {
  const s = wpsSetup(fromJson({ sheets: [ledgerSheet('penalty', [penaltyRow(1)], '处罚')] }));
  await s.service.checkAll();
  await s.service.startLive();
  // Same file name, another folder (WPS, like Excel, tells them by their full path).
  const other = { Name: '台账.xlsx', FullName: '/home/clerk/旧/台账.xlsx' };
  const ws = { Name: '处罚', Parent: other, CodeName: 'Sheet1' };
  for (const fn of s.app.listeners.get('SheetChange') ?? []) fn(ws, { Address: () => 'B3' });
  await s.service.idle();
  expect(s.ops).toEqual(['checkAll']);
  // The very workbook object, or another object for the same file, is this one.
  const same = { Name: '台账.xlsx', FullName: '/home/clerk/台账.xlsx' };
  for (const fn of s.app.listeners.get('SheetChange') ?? []) fn({ Name: '处罚', Parent: same, CodeName: 'Sheet1' }, { Address: () => 'B3' });
  await s.service.idle();
  expect(s.ops).toEqual(['checkAll', 'recheckRows']);
});

test('settings longer than one property are cut into several and read back whole by a new session', async () => {
  const wb = await fixtureWorkbook();
  const s = wpsSetup(wb);
  const to = Array.from({ length: 12 }, (_, i) => `jiaocheng${i}xzfy@163.com`).join(',');
  await s.service.saveSettings({ team: '天宁镇综合行政执法队', contact: { name: '张三', title: '综合执法队队员', phone: '13812345678' }, to });
  const names = s.app.properties.map((p) => p.Name);
  expect(names.length).toBeGreaterThan(1);
  expect(names.every((n) => n.startsWith(`${SETTINGS_KEY}#`))).toBe(true);
  expect(s.app.properties.every((p) => String(p.Value).length <= 255)).toBe(true);
  const next = wpsSetup(wb, {}, new FakeEtApp(wb));
  next.app.properties.push(...s.app.properties);
  expect(await next.service.loadSettings()).toEqual({ team: '天宁镇综合行政执法队', contact: { name: '张三', title: '综合执法队队员', phone: '13812345678' }, to });
  // Saved again: the old pieces are replaced, not added to.
  await s.service.saveSettings({ team: '天宁镇综合行政执法队' });
  expect(s.app.properties.map((p) => p.Name)).toEqual([`${SETTINGS_KEY}#1`]);
});

test('a protected sheet is checked but nothing is written there; the pane says why', async () => {
  const wb = await fixtureWorkbook();
  wb.sheet(P).protected = true;
  const before = wb.formatSnapshot();
  const s = wpsSetup(wb);
  await s.service.checkAll();
  expect(stateJson(s.service)).toEqual(freshCheck(wb));
  expect(marksOn(wb, P)).toEqual([]);
  expect(marksOn(wb, I).length).toBeGreaterThan(0);
  const r = await s.service.fillReportMonths();
  expect(r.refused.map((x) => x.sheet)).toEqual([P]);
  expect(r.refused[0].reason).toContain('受工作表保护');
  expect(JSON.parse(wb.formatSnapshot()).find((x: { name: string }) => x.name === P)).toEqual(JSON.parse(before).find((x: { name: string }) => x.name === P));
});

test('a ledger on a hidden sheet (Worksheet.Visible xlSheetHidden / xlSheetVeryHidden) is checked; its card says it is hidden, until unhidden', async () => {
  const COPY = '2022年行政处罚案件台账';
  const s = wpsSetup(fromJson({ sheets: [ledgerSheet('penalty', [penaltyRow(1)]), ledgerSheet('penalty', [penaltyRow(2), penaltyRow(3, { officers: '王明' })], COPY)] }));
  const sheet = (name: string) => (s.app as unknown as EtApp).ActiveWorkbook.Worksheets.Item(name) as Et.Worksheet;
  // As a macro or the clerk would: Visible = False (xlSheetHidden, 0).
  (sheet(COPY) as unknown as { Visible: boolean }).Visible = false;
  let state = await s.service.checkAll();
  expect(state.sheets.map((x) => [x.name, x.records, x.errors > 0, !!x.hidden])).toEqual([
    [P, 1, false, false],
    [COPY, 2, true, true],
  ]);
  expect(stateJson(s.service)).toEqual(freshCheck(s.wb));
  sheet(COPY).Visible = -1 as Et.XlSheetVisibility; // xlSheetVisible
  state = await s.service.checkAll();
  expect(state.sheets.find((x) => x.name === COPY)).not.toHaveProperty('hidden');
  sheet(COPY).Visible = 2 as Et.XlSheetVisibility; // xlSheetVeryHidden
  state = await s.service.checkAll();
  expect(state.sheets.find((x) => x.name === COPY)?.hidden).toBe(true);
  expect(state.check!.ledgers.find((l) => l.layout.sheet === COPY)?.layout.hidden).toBe(true);
});

test('插入官方台账表 adds the three sheets as the template lays them out; their insertion is not an edit', async () => {
  const s = wpsSetup(fromJson({ sheets: [{ name: '人员名单', rows: [['姓名', '执法证号']] }] }));
  const state = await s.service.checkAll();
  expect(state.missingKinds).toEqual(['penalty', 'inspection', 'coercion']);
  await s.service.startLive();
  const added = await s.service.insertOfficialSheets('天宁镇综合行政执法队');
  expect(added).toEqual([P, I, C]);
  await s.service.idle();
  expect(s.wb.sheets.map((x) => x.name)).toEqual(['人员名单', P, I, C]);
  const p = s.wb.sheet(P);
  expect(s.wb.valueAt(p, 1, 1)).toBe('天宁镇综合行政执法队x年x月x日--x年x月x日行政处罚案件台账');
  expect(p.frozenRows).toBe(2);
  expect(p.pageLayout).toEqual({ orientation: 'Landscape', paperSize: 'A4' });
  expect(p.validations.length).toBeGreaterThan(0);
  expect(p.merges.length).toBeGreaterThan(0);
  // The clerk stays on the sheet they were on.
  expect(s.wb.activeSheetId).toBe(s.wb.sheet('人员名单').id);
  const again = await s.service.checkAll();
  expect(again.sheets.map((x) => x.name)).toEqual([P, I, C]);
  expect(again.missingKinds).toEqual([]);
  expect(stateJson(s.service)).toEqual(freshCheck(s.wb));
});

test('selecting an issue activates its sheet and selects the cell', async () => {
  const s = wpsSetup(await fixtureWorkbook());
  await s.service.checkAll();
  await s.service.selectCell(I, 'H7');
  expect(s.wb.activeSheetId).toBe(s.wb.sheet(I).id);
  expect(s.wb.sheet(I).selection).toBe('H7');
});

test('a renamed sheet keeps its id (CodeName): selecting its issues still works', async () => {
  const s = wpsSetup(await fixtureWorkbook());
  await s.service.checkAll();
  s.wb.sheet(C).name = '强制台账';
  await s.service.selectCell(C, 'B3');
  expect(s.wb.sheet('强制台账').selection).toBe('B3');
});

test('merged areas are found: the header’s and a case spanning rows (its value only in the top cell)', async () => {
  const sheet = ledgerSheet('penalty', [penaltyRow(1), penaltyRow(2), penaltyRow(3, { officers: null })], '处罚');
  sheet.merges = [...(sheet.merges ?? []), 'I4:I5'];
  const s = wpsSetup(fromJson({ sheets: [sheet] }));
  await s.service.checkAll();
  expect(stateJson(s.service)).toEqual(freshCheck(s.wb));
  const grid = s.service.current().check!.ledgers[0];
  expect(grid.records.find((r) => r.row === 5)?.issues.some((i) => i.cell === 'I5')).toBe(false);
});

test('formatting down whole columns does not make the read cover a million rows', async () => {
  const sheet = ledgerSheet('penalty', [penaltyRow(1)], '处罚');
  sheet.cells = { A1048576: { nf: '@' }, K900000: { fill: '#FFFF00' } };
  const s = wpsSetup(fromJson({ sheets: [sheet] }));
  await s.service.checkAll();
  expect(stateJson(s.service)).toEqual(freshCheck(s.wb));
  expect(s.app.calls).toBeLessThan(2_000);
});

test('a big read says how far it has come: rows read of the rows the sheets hold, up to all of them; then the same result', async () => {
  const wb = FakeWorkbook.fromJson({ sheets: [bigLedgerSheet('penalty', 5000), bigLedgerSheet('inspection', 3000)] });
  let clock = 0;
  // A clock that moves 200 ms a call: no update is throttled.
  const service = createWpsService(new FakeEtApp(wb) as unknown as EtApp, { today: () => TODAY, debounceMs: 0, now: () => (clock += 200) });
  const seen: PaneProgress[] = [];
  service.subscribe((st) => st.progress?.step === 'reading' && st.progress.total > 0 && seen.push(st.progress));
  await service.checkAll();
  expect(seen.length).toBeGreaterThan(2);
  const total = seen[0].total;
  expect(total).toBeGreaterThanOrEqual(8000);
  for (let i = 1; i < seen.length; i++) {
    expect(seen[i].total).toBe(total);
    expect(seen[i].done).toBeGreaterThan(seen[i - 1].done);
  }
  expect(seen.at(-1)!.done).toBe(total);
  expect(stateJson(service)).toEqual(freshCheck(wb));
});
