/*
 * The 执法人员名单 in Excel (the fake, under the host profiles; issue 21): 插入官方台账表 adds it
 * in the layout of `taizhang template --roster`; the clerk's typing in it re-checks the ledgers
 * naming its officers; the adapter's state equals a fresh check of the cells Excel holds.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { templateWorkbook } from '../../src/cli/template';
import { widthPoints } from '../../src/excel/template-sheet';
import { templateSheet } from '../../src/ledger/template';
import { FakeWorkbook, rectA1 } from '../fake-excel';
import { modelFromXlsx } from '../fake-excel/from-xlsx';
import { fixtureWorkbook, freshCheck, serial, setup, stateJson, teardown } from './helpers';

afterEach(teardown);

const TEAM = '天宁镇综合行政执法队';
const R = '执法人员名单';

function rosterFindings(s: ReturnType<typeof setup>): string[] {
  return s.service
    .current()
    .check!.ledgers.flatMap((l) => l.records.flatMap((r) => r.issues))
    .filter((i) => i.rule.startsWith('roster-'))
    .map((i) => `${i.sheet}!${i.cell} ${i.rule}`);
}

test('插入官方台账表 with the roster adds it as `taizhang template --roster` writes it, and it is recognised at once', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tz-roster-'));
  try {
    const file = path.join(dir, 't.xlsx');
    await templateWorkbook(TEAM, { roster: true }).xlsx.writeFile(file);
    const cli = FakeWorkbook.fromJson(await modelFromXlsx(file));
    const s = setup(await fixtureWorkbook());
    await s.service.checkAll();
    s.syncsSince();
    expect(await s.service.insertOfficialSheets(TEAM, { roster: true })).toEqual([R]);
    expect(s.syncsSince()).toBe(2);
    const t = templateSheet('roster', TEAM);
    const ours = s.wb.sheet(R);
    expect(s.wb.valueSnapshot()[R]).toEqual(cli.valueSnapshot()[R]);
    expect(s.wb.valueAt(ours, 1, 1)).toBe('天宁镇综合行政执法队执法人员名单');
    expect(ours.merges.map(rectA1).sort()).toEqual(cli.sheet(R).merges.map(rectA1).sort());
    expect([...ours.columnWidths.entries()]).toEqual(t.widths.map((w, i) => [i + 1, widthPoints(w)]));
    expect(ours.frozenRows).toBe(2);
    // 有效期至 takes dates only.
    expect(ours.validations.map((v) => [rectA1(v.range), v.rule])).toEqual([['D3:D22', { date: { formula1: '2015-01-01', formula2: '2099-12-31', operator: 'Between' } }]]);
    expect(s.wb.cell(ours, 3, 4)?.style?.numberFormat).toBe('yyyy"年"m"月"d"日"');
    const st = s.service.current();
    expect(st.check!.rosters!.map((r) => [r.sheet, r.readable, r.people])).toEqual([[R, true, 0]]);
    expect(stateJson(s.service)).toEqual(freshCheck(s.wb));
    // An empty roster checks nothing: the ledgers' findings are those without it.
    expect(rosterFindings(s)).toEqual([]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('the clerk fills in the roster: the ledgers naming its officers are re-checked live; a ledger edit is checked against it', async () => {
  let clock = 0;
  const s = setup(await fixtureWorkbook(), {}, { now: () => clock });
  await s.service.checkAll();
  await s.service.insertOfficialSheets(TEAM, { roster: true });
  await s.service.startLive();
  // The clerk starts typing a while after the sheet was inserted (its own events are the add-in's for 2 s).
  clock += 10_000;
  const penaltyBefore = s.service.current().check!.ledgers[0];
  // 李强's certificate ran out on 15 October 2023; the others are valid.
  s.wb.userEdit(R, 'A3:E6', [
    ['王明', '14010001', '交城县人民政府', serial('2027-12-31'), ''],
    ['李强', '14010002', '交城县人民政府', serial('2023-10-15'), ''],
    ['张　三', '14010003', '交城县人民政府', serial('2027-12-31'), ''],
    ['李四', '14010004', '交城县人民政府', serial('2027-12-31'), ''],
  ]);
  await s.service.idle();
  expect(s.service.current().check!.rosters![0].people).toBe(4);
  const found = rosterFindings(s);
  // The penalties closed after 15 October that name 李强 (rows 7–9, 11, 12), and the coercion begun on 25 October (row 4);
  // not those closed before (row 3 on 12 October, row 10 on 8 October), nor the one with an unreadable date (row 6).
  expect(found).toEqual(['I7', 'I8', 'I9', 'I11', 'I12'].map((c) => `行政处罚案件台账!${c} roster-cert-expired`).concat(['行政强制案件台账!L4 roster-cert-expired']));
  // 张三 with a full-width space on the roster matches the inspections' 张三.
  expect(found.filter((f) => f.startsWith('行政检查案件台账'))).toEqual([]);
  expect(s.service.current().check!.ledgers[0]).not.toBe(penaltyBefore);
  expect(stateJson(s.service)).toEqual(freshCheck(s.wb));

  // A ledger edit naming someone not on the roster.
  s.wb.userEdit('行政处罚案件台账', 'I3', '王明、赵六');
  await s.service.idle();
  expect(rosterFindings(s)).toContain('行政处罚案件台账!I3 roster-not-listed');
  expect(stateJson(s.service)).toEqual(freshCheck(s.wb));
});
