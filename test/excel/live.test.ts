/* Live checking: edits, pastes, row inserts/deletes, new sheets, activation, debounce, own writes. */
import { MARK_STYLE } from '../../src/session/marks';
import { FakeWorkbook } from '../fake-excel';
import { fixtureWorkbook, freshCheck, ledgerSheet, penaltyRow, serial, setup, stateJson, teardown } from './helpers';

afterEach(teardown);

const P = '行政处罚案件台账';

async function live(wb?: FakeWorkbook, opts: Parameters<typeof setup>[1] = {}, svc: Parameters<typeof setup>[2] = {}) {
  const s = setup(wb ?? (await fixtureWorkbook()), opts, svc);
  await s.service.checkAll();
  await s.service.startLive();
  s.syncsSince();
  s.logs.length = 0;
  return s;
}

function penaltyRecords(s: Awaited<ReturnType<typeof live>>) {
  return s.service.current().check!.ledgers.find((l) => l.layout.sheet === P)!.records;
}

test('a one-cell edit is re-checked in 1 sync that only reads, and only that row changes; the marks wait for 更新标记', async () => {
  const s = await live();
  const before = penaltyRecords(s);
  const row5 = before.find((r) => r.row === 5)!;
  expect(row5.issues.map((i) => i.rule)).toContain('persons-min-two');
  expect(s.wb.shownFill(P, 'I5')).toBe(MARK_STYLE.error.fill);
  const v0 = s.service.current().version;

  s.wb.userEdit(P, 'I5', '王明、李强');
  await s.service.idle();

  expect(s.syncsSince()).toBe(1);
  expect(s.logs).toEqual([expect.objectContaining({ op: 'recheckRows', syncs: 1 })]);
  const after = penaltyRecords(s);
  expect(after.find((r) => r.row === 5)!.issues.map((i) => i.rule)).not.toContain('persons-min-two');
  // The other rows' results are the very same objects: only row 5 was checked again.
  for (const r of after) if (r.row !== 5) expect(r).toBe(before.find((b) => b.row === r.row));
  // Nothing was written: the mark still shows, and the pane says which sheet waits and why.
  expect(s.wb.shownFill(P, 'I5')).toBe(MARK_STYLE.error.fill);
  expect(s.service.current().pendingMarks?.sheets).toEqual([P]);
  await s.service.refreshMarks();
  expect(s.wb.shownFill(P, 'I5')).toBeUndefined();
  expect(s.service.current().pendingMarks).toBeUndefined();
  expect(s.service.current().version).toBeGreaterThan(v0);
  expect(stateJson(s.service)).toEqual(freshCheck(s.wb));
});

test('an edit that makes a document number a duplicate marks the later row; undoing it clears the mark', async () => {
  const s = await live();
  // Row 4's 决定书 becomes row 3's number.
  s.wb.userEdit(P, 'B4', '天综执罚决〔2023〕15号');
  await s.service.idle();
  const dup = penaltyRecords(s).find((r) => r.row === 4)!;
  expect(dup.issues.map((i) => i.rule)).toContain('duplicate-doc-no');
  expect(s.logs.map((l) => l.syncs)).toEqual([1]);
  await s.service.refreshMarks();
  expect(s.wb.shownFill(P, 'B4')).toBe(MARK_STYLE.error.fill);
  // Now row 3 changes instead: the duplicate moves away from row 4 without row 4 being edited.
  s.wb.userEdit(P, 'B3', '天综执罚决〔2023〕99号');
  await s.service.idle();
  await s.service.refreshMarks();
  expect(penaltyRecords(s).find((r) => r.row === 4)!.issues.map((i) => i.rule)).not.toContain('duplicate-doc-no');
  expect(s.wb.shownFill(P, 'B4')).toBeUndefined();
  expect(stateJson(s.service)).toEqual(freshCheck(s.wb));
});

test('an edit that changes nothing the checker sees writes nothing', async () => {
  const s = await live();
  s.wb.userEdit(P, 'K3', '已公示');
  await s.service.idle();
  expect(s.logs).toEqual([expect.objectContaining({ op: 'recheckRows', syncs: 1 })]);
});

test('a multi-cell paste (an event without details) re-checks the pasted rows from the changed address', async () => {
  const s = await live();
  s.wb.userEdit(P, 'F6:G7', [
    ['2023年10月6日', '罚款10000元'],
    ['2023年10月25日', '罚款3000元'],
  ]);
  await s.service.idle();
  expect(s.logs).toEqual([expect.objectContaining({ op: 'recheckRows' })]);
  expect(s.logs[0].syncs).toBeLessThanOrEqual(2);
  const recs = penaltyRecords(s);
  expect(recs.find((r) => r.row === 6)!.reportMonth).toBe('2023-10');
  expect(recs.find((r) => r.row === 7)!.issues.map((i) => i.cell)).not.toContain('G7'); // 罚款XX元 → 罚款3000元
  expect(stateJson(s.service)).toEqual(freshCheck(s.wb));
});

test('a paste over many rows re-reads the sheet', async () => {
  const rows = Array.from({ length: 700 }, (_, i) => penaltyRow(i + 1));
  const s = await live(FakeWorkbook.fromJson({ sheets: [ledgerSheet('penalty', rows)] }));
  s.wb.userEdit(P, 'I3:I702', rows.map(() => ['王明']));
  await s.service.idle();
  expect(s.logs.map((l) => l.op)).toEqual(['recheckSheets']);
  expect(s.service.current().sheets[0].errors).toBe(700);
  expect(stateJson(s.service)).toEqual(freshCheck(s.wb));
});

test('inserting and deleting rows re-reads the sheet; results and marks follow the rows', async () => {
  const s = await live();
  s.wb.userInsertRows(P, 5, 2);
  await s.service.idle();
  expect(s.logs.map((l) => l.op)).toEqual(['recheckSheets']);
  expect(s.logs[0].syncs).toBeLessThanOrEqual(2);
  expect(stateJson(s.service)).toEqual(freshCheck(s.wb));
  expect(penaltyRecords(s).map((r) => r.row)).toEqual([3, 4, 7, 8, 9, 10, 11, 12, 13, 14]);
  expect(s.wb.shownFill(P, 'I7')).toBe(MARK_STYLE.error.fill); // 王明 alone, now on row 7
  expect(s.wb.shownFill(P, 'I5')).toBeUndefined();

  s.wb.userDeleteRows(P, 3, 1);
  await s.service.idle();
  expect(stateJson(s.service)).toEqual(freshCheck(s.wb));
  expect(penaltyRecords(s)).toHaveLength(9);
  expect(s.wb.shownFill(P, 'I6')).toBe(MARK_STYLE.error.fill);
});

test('typing a new case below a table without a footnote adds a record', async () => {
  const row = {
    seq: 1,
    decisionNo: '天综执罚决〔2023〕15号',
    cause: '占道经营案',
    party: '某公司',
    facts: '占道经营',
    closedOn: serial('2023-10-12'),
    outcome: '警告',
    basis: '《城市市容和环境卫生管理条例》第三十六条',
    officers: '王明、李强',
  };
  const s = await live(FakeWorkbook.fromJson({ sheets: [ledgerSheet('penalty', [row])] }));
  s.wb.userEdit(P, 'B4', '天综执罚决〔2023〕15号');
  await s.service.idle();
  expect(s.logs.map((l) => [l.op, l.syncs])).toEqual([['recheckRows', 1]]);
  const recs = penaltyRecords(s);
  expect(recs.map((r) => r.row)).toEqual([3, 4]);
  expect(recs[1].issues.map((i) => i.rule)).toEqual(expect.arrayContaining(['duplicate-doc-no', 'required']));
  expect(stateJson(s.service)).toEqual(freshCheck(s.wb));
});

test('a new ledger sheet added while the pane is open is picked up', async () => {
  const s = await live();
  s.wb.userAddSheet(ledgerSheet('coercion', [{ seq: 1, decisionNo: '天综执强〔2023〕9号', cause: '涉嫌无证经营案', party: '某店', category: '行政强制措施', measure: '扣押财物', startedOn: serial('2023-10-02'), closedOn: null, basis: '《无证无照经营查处办法》第十一条', officers: '王明、李强' }], '强制台账（二）'));
  await s.service.idle();
  const sheets = s.service.current().sheets;
  expect(sheets.map((x) => x.name)).toContain('强制台账（二）');
  expect(sheets.find((x) => x.name === '强制台账（二）')!.pending).toBe(1);
  expect(stateJson(s.service)).toEqual(freshCheck(s.wb));
});

test('a blank sheet becomes a ledger when its title and header are typed in', async () => {
  const s = await live();
  s.wb.userAddSheet({ name: 'Sheet2' });
  await s.service.idle();
  expect(s.service.current().sheets.map((x) => x.name)).not.toContain('Sheet2');
  s.wb.userEdit('Sheet2', 'A1', '天宁镇综合行政执法队行政处罚案件台账');
  s.wb.userEdit('Sheet2', 'A2:K2', [['序号', '行政处罚决定书', '案由', '行政相对人名称', '主要违法事实', '结案时间', '处罚情况', '处罚依据', '执法人员', '罚没票据号', '备注']]);
  s.wb.userEdit('Sheet2', 'A3:I3', [[1, '天综执罚决〔2023〕30号', '占道经营案', '某人', '占道经营', '2023年10月9日', '警告', '《城市市容和环境卫生管理条例》第三十六条', '王明']]);
  await s.service.idle();
  const sheet = s.service.current().sheets.find((x) => x.name === 'Sheet2');
  expect(sheet).toEqual(expect.objectContaining({ kind: 'penalty', records: 1, errors: 1 }));
  expect(s.service.current().pendingMarks?.sheets).toEqual(['Sheet2']);
  await s.service.refreshMarks();
  expect(s.wb.shownFill('Sheet2', 'I3')).toBe(MARK_STYLE.error.fill);
  expect(stateJson(s.service)).toEqual(freshCheck(s.wb));
});

test('a deleted sheet leaves the list; its kind becomes missing', async () => {
  const s = await live();
  s.wb.userDeleteSheet('行政强制案件台账');
  await s.service.idle();
  expect(s.service.current().sheets.map((x) => x.kind)).toEqual(['penalty', 'inspection']);
  expect(s.service.current().missingKinds).toEqual(['coercion']);
  expect(s.logs).toEqual([]);
});

test('activating a sheet re-checks it, catching changes whose events were missed', async () => {
  const s = await live();
  s.wb.silentEdit(P, 'I5', '王明、李强');
  await s.service.idle();
  expect(s.logs).toEqual([]);
  s.wb.userActivate(P);
  await s.service.idle();
  expect(s.logs.map((l) => l.op)).toEqual(['recheckSheets']);
  expect(s.logs[0].syncs).toBeLessThanOrEqual(2);
  expect(penaltyRecords(s).find((r) => r.row === 5)!.issues.map((i) => i.rule)).not.toContain('persons-min-two');
  expect(stateJson(s.service)).toEqual(freshCheck(s.wb));
});

test('重新检查 (checkAll) catches everything that changed without events', async () => {
  const s = await live();
  s.wb.silentEdit('行政检查案件台账', 'M6', '2023年10月30日');
  s.wb.silentEdit(P, 'A3:K3', [['', '', '', '', '', '', '', '', '', '', '']]);
  await s.service.checkAll();
  expect(stateJson(s.service)).toEqual(freshCheck(s.wb));
});

test('edits in quick succession are re-checked once (debounced)', async () => {
  let fire: (() => void) | null = null;
  const s = await live(undefined, {}, { setTimer: (fn) => (fire = fn), clearTimer: () => (fire = null), debounceMs: 300 });
  s.wb.userEdit(P, 'I5', '王明、李强');
  s.wb.userEdit(P, 'G7', '罚款3000元');
  s.wb.userEdit(P, 'H8', '《中华人民共和国食品安全法》第一百二十二条');
  await new Promise((r) => setTimeout(r, 20)); // the events arrive
  expect(fire).not.toBeNull();
  expect(s.logs).toEqual([]);
  fire!();
  await s.service.idle();
  expect(s.logs.map((l) => [l.op, l.syncs])).toEqual([['recheckRows', 1]]);
  expect(stateJson(s.service)).toEqual(freshCheck(s.wb));
});

test('an edit far below a sheet that is no ledger is ignored', async () => {
  const wb = await fixtureWorkbook();
  wb.sheet('填表说明');
  const s = await live(wb);
  s.wb.userEdit('填表说明', 'C200', '备忘');
  await s.service.idle();
  expect(s.logs).toEqual([]);
});

test('after stopLive edits are no longer followed', async () => {
  const s = await live();
  await s.service.stopLive();
  s.logs.length = 0;
  s.wb.userEdit(P, 'I5', '王明、李强');
  await s.service.idle();
  expect(s.logs).toEqual([]);
});

describe('the add-in’s own writes are not re-checked', () => {
  async function fillAndEdit(opts: Parameters<typeof setup>[1], svc: Parameters<typeof setup>[2] = {}) {
    const s = await live(undefined, opts, svc);
    await s.service.fillReportMonths();
    s.wb.userEdit(P, 'F6', '2023年10月6日'); // changes row 6's 报送月份 (written by the add-in)
    await s.service.idle();
    await new Promise((r) => setTimeout(r, 20));
    await s.service.idle();
    return s;
  }

  test('events are switched off around the writes', async () => {
    const s = await fillAndEdit({});
    expect(s.wb.ownEventsRaised).toBe(0);
    expect(s.logs.map((l) => l.op)).toEqual(['fillReportMonths', 'recheckRows']);
  });

  test('a host that still raises them (ExcelApi 1.13, no triggerSource): the adapter’s guard drops them', async () => {
    const s = await fillAndEdit({ apiVersion: '1.13', ignoreEnableEvents: true });
    expect(s.wb.ownEventsRaised).toBeGreaterThan(0);
    expect(s.logs.map((l) => l.op)).toEqual(['fillReportMonths', 'recheckRows']);
  });

  test('a host that still raises them with triggerSource ThisLocalAddin (ExcelApi 1.14), even without the time guard', async () => {
    const s = await fillAndEdit({ apiVersion: '1.14', ignoreEnableEvents: true }, { ownWriteWindowMs: 0 });
    expect(s.wb.ownEventsRaised).toBeGreaterThan(0);
    expect(s.logs.map((l) => l.op)).toEqual(['fillReportMonths', 'recheckRows']);
  });

  test('selecting a cell from the pane does not re-check the sheet it activates', async () => {
    const s = await live(undefined, { ignoreEnableEvents: true });
    await s.service.selectCell('行政检查案件台账', 'M6');
    await s.service.idle();
    expect(s.logs).toEqual([expect.objectContaining({ op: 'selectCell', syncs: 1 })]);
    expect(s.wb.activeSheetId).toBe(s.wb.sheet('行政检查案件台账').id);
    expect(s.wb.sheet('行政检查案件台账').selection).toBe('M6');
  });
});
