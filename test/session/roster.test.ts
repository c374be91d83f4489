/*
 * The 执法人员名单 in the live session (issue 21): an edit of the roster re-checks the ledgers
 * that name its officers, an edit of a ledger is checked against the roster, a sheet that becomes
 * (or stops being) a roster changes the findings — and after every step the session's result
 * equals a fresh checkWorkbook of the same cells. 插入官方台账表 inserts the roster when asked.
 */
import fc from 'fast-check';
import { WorkbookSession } from '../../src/session/session';
import { toCheckJson } from '../../src/validation/report';
import { checkWorkbook } from '../../src/validation/workbook';
import { GOOD, ledgerGrid } from '../helpers/ledger';
import { TEAM, rosterGrid } from '../helpers/roster';
import { MemoryDriver, cloneGrid, manualSession } from './driver';

const TODAY = '2023-11-05';

function session(driver: MemoryDriver) {
  return manualSession(driver, TODAY);
}

const penalties = () =>
  ledgerGrid('penalty', [
    { ...GOOD.penalty, officers: '王明、李强', closedOn: '2023年10月12日' },
    { ...GOOD.penalty, decisionNo: '天综执罚决〔2023〕16号', officers: '张三、李四', closedOn: '2023年10月20日' },
  ], '处罚');
const inspections = () => ledgerGrid('inspection', [{ ...GOOD.inspection, inspectors: '李强、张三', rechecker: '张三、李四' }], '检查');

/** The session's check, as JSON, equals a fresh checkWorkbook of the driver's cells. */
function sameAsFresh(driver: MemoryDriver, s: WorkbookSession): void {
  const fresh = checkWorkbook(driver.sheets.map((x) => cloneGrid(x.grid)), { today: TODAY });
  expect(toCheckJson(s.current().check!, 'x')).toEqual(toCheckJson(fresh, 'x'));
}

const rosterRules = (s: WorkbookSession) =>
  s
    .current()
    .check!.ledgers.flatMap((l) => l.records.flatMap((r) => r.issues))
    .filter((i) => i.rule.startsWith('roster-'))
    .map((i) => `${i.sheet}!${i.cell} ${i.rule}`);

test('editing the roster re-checks the ledgers that name its officers; editing a ledger checks it against the roster', async () => {
  const driver = MemoryDriver.of([penalties(), inspections(), rosterGrid(TEAM)]);
  const { s, fire } = session(driver);
  await s.checkAll();
  await s.startLive();
  sameAsFresh(driver, s);
  expect(rosterRules(s)).toEqual([]);
  expect(s.current().check!.rosters!.map((r) => [r.sheet, r.people])).toEqual([['执法人员名单', 6]]);

  // 李强's certificate ran out on 30 September: the penalty closed on 12 October and the inspection of 16 October named him.
  const before = s.current().check!.ledgers;
  driver.edit('执法人员名单', 4, 4, '2023年9月30日');
  await fire();
  expect(driver.ops.slice(-1)).toEqual(['recheckSheets']);
  expect(rosterRules(s)).toEqual(['处罚!I3 roster-cert-expired', '检查!D4 roster-cert-expired']);
  sameAsFresh(driver, s);
  // Both ledgers have new results (their marks wait for 更新标记: live checking writes nothing).
  expect(s.current().check!.ledgers.map((l, i) => l !== before[i])).toEqual([true, true]);
  expect(s.current().pendingMarks?.sheets).toEqual(['处罚', '检查']);

  // The penalty is re-dated to the last valid day: only the inspection keeps its finding.
  driver.edit('处罚', 3, 6, '2023年9月30日');
  await fire();
  expect(driver.ops.slice(-1)).toEqual(['recheckRows']);
  expect(rosterRules(s)).toEqual(['检查!D4 roster-cert-expired']);
  sameAsFresh(driver, s);

  // A ledger edit naming someone the roster does not list.
  driver.edit('处罚', 4, 9, '张三、钱七');
  await fire();
  expect(rosterRules(s)).toEqual(['处罚!I4 roster-not-listed', '检查!D4 roster-cert-expired']);
  sameAsFresh(driver, s);

  // 钱七 added to the roster, with a full-width space in his name.
  driver.edit('执法人员名单', 9, 1, '钱　七');
  driver.edit('执法人员名单', 9, 2, '14010007');
  await fire();
  expect(rosterRules(s)).toEqual(['检查!D4 roster-cert-expired']);
  sameAsFresh(driver, s);

  // The roster's 姓名 header renamed to something else: said once on the roster, no officer flagged.
  driver.edit('执法人员名单', 2, 1, '编号');
  await fire();
  expect(rosterRules(s)).toEqual([]);
  expect(s.current().check!.rosters!.map((r) => r.issues.map((i) => i.rule))).toEqual([['roster-unreadable']]);
  sameAsFresh(driver, s);
  driver.edit('执法人员名单', 2, 1, '姓名');
  await fire();
  expect(rosterRules(s)).toEqual(['检查!D4 roster-cert-expired']);
  sameAsFresh(driver, s);
});

test('a sheet typed into a roster starts the checks; deleting its rows ends them', async () => {
  const blank = { name: 'Sheet2', top: 1, left: 1, rows: [] as never[][], merges: [] };
  const driver = MemoryDriver.of([penalties(), blank]);
  const { s, fire } = session(driver);
  await s.checkAll();
  await s.startLive();
  expect(s.current().check!.rosters).toBeUndefined();
  const typed: [number, number, string][] = [
    [1, 1, '执法人员名单'],
    [2, 1, '姓名'],
    [2, 2, '执法证号'],
    [2, 3, '有效期至'],
    [3, 1, '王明'],
    [3, 2, '14010001'],
    [3, 3, '2027年12月31日'],
  ];
  for (const [r, c, v] of typed) driver.edit('Sheet2', r, c, v);
  await fire();
  expect(rosterRules(s)).toEqual(['处罚!I3 roster-not-listed', '处罚!I4 roster-not-listed']);
  sameAsFresh(driver, s);
  driver.edit('Sheet2', 3, 1, null);
  driver.edit('Sheet2', 3, 2, null);
  driver.edit('Sheet2', 3, 3, null);
  await fire();
  // An empty roster checks nothing.
  expect(rosterRules(s)).toEqual([]);
  sameAsFresh(driver, s);
});

test('插入官方台账表 with the roster: the three ledgers and the 执法人员名单, recognised at once; asked again, nothing', async () => {
  const driver = MemoryDriver.of([{ name: 'Sheet1', top: 1, left: 1, rows: [], merges: [] }]);
  const { s } = session(driver);
  await s.checkAll();
  expect(await s.insertOfficialSheets('天宁镇综合行政执法队', { roster: true })).toEqual(['行政处罚案件台账', '行政检查案件台账', '行政强制案件台账', '执法人员名单']);
  const st = s.current();
  expect(st.check!.rosters!.map((r) => [r.sheet, r.readable, r.people])).toEqual([['执法人员名单', true, 0]]);
  expect(driver.sheet('执法人员名单').grid.rows[0][0]).toBe('天宁镇综合行政执法队执法人员名单');
  expect(driver.sheet('执法人员名单').grid.rows[1].slice(0, 5)).toEqual(['姓名', '执法证号', '发证机关', '有效期至', '备注']);
  sameAsFresh(driver, s);
  await s.checkAll();
  sameAsFresh(driver, s);
  expect(await s.insertOfficialSheets(null, { roster: true })).toEqual([]);
});

test('插入官方台账表 without the roster option inserts no roster; with it and the ledgers there, just the roster', async () => {
  const driver = MemoryDriver.of([penalties()]);
  const { s } = session(driver);
  await s.checkAll();
  expect(await s.insertOfficialSheets(null)).toEqual(['行政检查案件台账', '行政强制案件台账']);
  expect(s.current().check!.rosters).toBeUndefined();
  expect(await s.insertOfficialSheets(null, { roster: true })).toEqual(['执法人员名单']);
  expect(s.current().check!.rosters).toHaveLength(1);
});

test('any sequence of roster and ledger edits ends where a fresh check does', async () => {
  const names = ['王明', '李强', '张三', '钱七', '王　明', '周八（协管员）', ''];
  const dates = ['2023年9月30日', '2023年10月15日', '2027年12月31日', '长期', '2023年2月30日', ''];
  const edit = fc.oneof(
    fc.record({ sheet: fc.constant('执法人员名单'), row: fc.integer({ min: 3, max: 9 }), col: fc.constant(1), v: fc.constantFrom(...names) }),
    fc.record({ sheet: fc.constant('执法人员名单'), row: fc.integer({ min: 3, max: 9 }), col: fc.constant(4), v: fc.constantFrom(...dates) }),
    fc.record({ sheet: fc.constant('执法人员名单'), row: fc.integer({ min: 3, max: 9 }), col: fc.constant(5), v: fc.constantFrom('协管员', '已调离 2023-10-01', '') }),
    fc.record({ sheet: fc.constant('处罚'), row: fc.integer({ min: 3, max: 4 }), col: fc.constant(9), v: fc.constantFrom('王明、李强', '张三、钱七', '王明、周八', '王 明、李　强、周八') }),
    fc.record({ sheet: fc.constant('处罚'), row: fc.integer({ min: 3, max: 4 }), col: fc.constant(6), v: fc.constantFrom(...dates) }),
    fc.record({ sheet: fc.constant('检查'), row: fc.constant(4), col: fc.constantFrom(3, 4, 13, 14), v: fc.constantFrom('2023年10月16日', '李强、张三', '张三、钱七', '') }),
  );
  await fc.assert(
    fc.asyncProperty(fc.array(fc.array(edit, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 }), async (batches) => {
      const driver = MemoryDriver.of([penalties(), inspections(), rosterGrid(TEAM)]);
      const { s, fire } = session(driver);
      await s.checkAll();
      await s.startLive();
      for (const batch of batches) {
        for (const e of batch) driver.edit(e.sheet, e.row, e.col, e.v || null);
        await fire();
        sameAsFresh(driver, s);
      }
    }),
    { numRuns: 40 },
  );
});

test('an edit far down a long roster (70 officers) is read too: the roster is read whole on any change', async () => {
  const many = [...Array.from({ length: 64 }, (_, i) => ({ name: `队员${String.fromCharCode(0x4e00 + i)}`, certNo: `1402${i}`, validUntil: '2027年12月31日' })), ...TEAM];
  const driver = MemoryDriver.of([penalties(), rosterGrid(many)]);
  const { s, fire } = session(driver);
  await s.checkAll();
  await s.startLive();
  // 李强 is the 66th officer: row 68.
  expect(driver.sheet('执法人员名单').grid.rows[67][0]).toBe('李强');
  driver.edit('执法人员名单', 68, 4, '2023年9月30日');
  await fire();
  expect(rosterRules(s)).toEqual(['处罚!I3 roster-cert-expired']);
  sameAsFresh(driver, s);
});
