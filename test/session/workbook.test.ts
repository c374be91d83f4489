/*
 * The host-neutral workbook session over a plain in-memory driver (no Office, no fake of it):
 * one way to check a workbook, what it reads and writes per operation, hosts without marks,
 * re-planning sheets whose results changed through another sheet, failures kept to one line.
 */
import * as path from 'path';
import { readWorkbook } from '../../src/cli/xlsx';
import { toCheckJson } from '../../src/validation/report';
import { checkWorkbook } from '../../src/validation/workbook';
import { ledgerGrid } from '../helpers/ledger';
import { MemoryDriver, cloneGrid, manualSession } from './driver';
import { WorkbookSession } from '../../src/session/session';

const FIXTURE = path.resolve(__dirname, '..', '..', '..', 'shared', 'fixtures', 'sample-2023-10.xlsx');
const TODAY = '2023-11-05';

/** A session with manual timers: `fire()` runs the debounced re-check. */
function session(driver: MemoryDriver) {
  return manualSession(driver, TODAY);
}

const penalty = (n: number, over: Record<string, unknown> = {}) => ({
  seq: n,
  decisionNo: `天综执罚决〔2023〕${n}号`,
  cause: '占道经营案',
  party: `某公司${n}`,
  facts: '占道经营',
  closedOn: 45211,
  outcome: '警告',
  basis: '《城市市容和环境卫生管理条例》第三十六条',
  officers: '王明、李强',
  ...over,
});

test('the session’s check equals the CLI’s checkWorkbook on the same cells: one way to check a workbook', async () => {
  const grids = (await readWorkbook(FIXTURE)).sheets;
  const driver = MemoryDriver.of(grids.map(cloneGrid));
  const { s } = session(driver);
  const st = await s.checkAll();
  expect(toCheckJson(st.check!, 'x')).toEqual(toCheckJson(checkWorkbook(grids, { today: TODAY }), 'x'));
  expect(st.sheets.map((x) => x.records)).toEqual([10, 8, 5]);
});

test('made before the host is ready (the pane drawn while Office.js starts), the session touches the host only once `ready` resolves, then checks as asked', async () => {
  const driver = MemoryDriver.of([ledgerGrid('penalty', [penalty(1), penalty(2, { officers: '王明' })], '处罚')]);
  const settings = jest.spyOn(driver, 'settings');
  let open!: () => void;
  const ready = new Promise<void>((r) => (open = r));
  const s = new WorkbookSession(driver, { setTimer: () => null, clearTimer: () => undefined, now: () => 0, today: () => TODAY, ready });
  const states: string[] = [];
  s.subscribe((st) => states.push(st.phase));
  const live = s.startLive();
  const checked = s.checkAll();
  await new Promise((r) => setTimeout(r, 20));
  expect([driver.ops, driver.reads, driver.sink, settings.mock.calls.length, states, s.current().phase]).toEqual([[], 0, null, 0, [], 'idle']);
  open();
  await live;
  const st = await checked;
  expect(driver.ops).toEqual(['checkAll']);
  expect(driver.sink).not.toBeNull();
  expect(st.sheets.map((x) => [x.name, x.records, x.errors])).toEqual([['处罚', 2, 1]]);
  expect(states[0]).toBe('checking');
});

test('a full check reads twice (sheet list, sheets) and writes once; a one-cell edit reads once and writes nothing, 更新标记 then reads the marks and writes once', async () => {
  const driver = MemoryDriver.of([ledgerGrid('penalty', [penalty(1), penalty(2, { officers: '王明' }), penalty(3)], '处罚')]);
  const { s, fire } = session(driver);
  await s.checkAll();
  expect([driver.ops, driver.reads, driver.writes]).toEqual([['checkAll'], 2, 1]);
  expect(driver.sheet('处罚').marks).toEqual([{ severity: 'error', address: 'I4' }]);
  await s.startLive();
  driver.edit('处罚', 4, 9, '王明、李强');
  await fire();
  expect(driver.ops.slice(1)).toEqual(['recheckRows']);
  expect([driver.reads, driver.writes]).toEqual([3, 1]);
  expect(driver.sheet('处罚').marks).toEqual([{ severity: 'error', address: 'I4' }]);
  await s.refreshMarks();
  expect([driver.reads, driver.writes]).toEqual([4, 2]);
  expect(driver.sheet('处罚').marks).toEqual([]);
  // An edit that changes nothing the checker sees leaves nothing waiting.
  driver.edit('处罚', 4, 11, '已公示');
  await fire();
  expect(s.current().pendingMarks).toBeUndefined();
  expect([driver.reads, driver.writes]).toEqual([5, 2]);
});

test('a host without marks (the in-browser file driver): every result, no marks, 报送月份 still written', async () => {
  const driver = MemoryDriver.of([ledgerGrid('penalty', [penalty(1, { officers: '王明' })], '处罚')]);
  driver.caps = { ...driver.caps, marks: false };
  const { s } = session(driver);
  const st = await s.checkAll();
  expect(st.marksShown).toBe(false);
  expect(s.selfTest).toBeUndefined(); // no 自检 where the driver cannot probe its host: the pane shows no button
  expect(st.sheets[0].errors).toBe(1);
  expect(driver.written.filter((w) => w.marks)).toEqual([]);
  const r = await s.fillReportMonths();
  expect(r.written).toEqual([{ sheet: '处罚', column: 'L', rows: 1 }]);
  expect(driver.sheet('处罚').grid.rows[2][11]).toBe('2023-10');
});

test('an edit on one sheet that changes another sheet’s result (a document number used on both): that sheet’s marks wait too, and 更新标记 updates them', async () => {
  const first = ledgerGrid('penalty', [penalty(1), penalty(2)], '处罚一');
  const second = ledgerGrid('penalty', [penalty(3), penalty(4, { decisionNo: '天综执罚决〔2023〕2号' })], '处罚二');
  const driver = MemoryDriver.of([first, second]);
  const { s, fire } = session(driver);
  const st = await s.checkAll();
  const dup = (name: string) => st.check!.ledgers.find((l) => l.layout.sheet === name)!.records.flatMap((r) => r.issues.filter((i) => i.rule === 'duplicate-doc-no').map((i) => i.cell));
  expect([dup('处罚一'), dup('处罚二')]).toEqual([[], ['B4']]);
  expect(driver.sheet('处罚二').marks).toEqual([{ severity: 'error', address: 'B4' }]);
  await s.startLive();
  driver.edit('处罚一', 4, 2, '天综执罚决〔2023〕9号'); // the first use changes: sheet 2's number is no longer a duplicate
  await fire();
  const after = s.current().check!.ledgers.find((l) => l.layout.sheet === '处罚二')!;
  expect(after.records.flatMap((r) => r.issues.map((i) => i.rule))).not.toContain('duplicate-doc-no');
  expect(s.current().pendingMarks?.sheets).toEqual(['处罚二']);
  await s.refreshMarks();
  expect(driver.sheet('处罚二').marks).toEqual([]);
  expect(driver.ops.slice(1)).toEqual(['recheckRows', 'refreshMarks']);
  expect(toCheckJson(s.current().check!, 'x')).toEqual(toCheckJson(checkWorkbook([first, second].map((g) => driver.sheet(g.name).grid), { today: TODAY }), 'x'));
});

test('a read refused while the clerk types in a cell: results kept, one line says why, the edits are checked with the next event', async () => {
  const driver = MemoryDriver.of([ledgerGrid('penalty', [penalty(1), penalty(2, { officers: '王明' })], '处罚')]);
  const { s, fire } = session(driver);
  await s.checkAll();
  await s.startLive();
  const before = toCheckJson(s.current().check!, 'x');
  driver.failReads = { code: 'InvalidOperationInCellEditMode', message: 'Excel is in cell-editing mode.' };
  driver.edit('处罚', 4, 9, '王明、李强');
  await fire();
  expect(s.current().notes).toEqual([expect.stringContaining('Excel 正在编辑单元格')]);
  expect(toCheckJson(s.current().check!, 'x')).toEqual(before);
  driver.failReads = null;
  driver.edit('处罚', 3, 11, '已公示');
  await fire();
  expect(s.current().notes).toEqual([]);
  expect(s.current().sheets[0].errors).toBe(0);
});

test('marks that cannot be read on one sheet: that sheet says so; the results and the other sheets are complete', async () => {
  const driver = MemoryDriver.of([ledgerGrid('penalty', [penalty(1, { officers: '王明' })], '处罚'), ledgerGrid('coercion', [], '强制')]);
  driver.unreadableMarks.add('S1');
  const { s } = session(driver);
  const st = await s.checkAll();
  expect(st.sheets.map((x) => x.errors)).toEqual([1, 0]);
  expect(st.notes).toEqual(['「处罚」没有更新标记（GeneralException）：cannot read。检查结果照常列出；可点“重新检查”再试。']);
});
