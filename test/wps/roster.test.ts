/*
 * The 执法人员名单 in WPS 表格 (the fake ET object model; issue 21): 插入官方台账表 adds it as the
 * CLI's template lays it out, the session recognises it, and the clerk's typing in it re-checks
 * the ledgers; the session's state equals a fresh check of the cells.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { templateWorkbook } from '../../src/cli/template';
import type { EtApp } from '../../src/wps/et';
import { createWpsService } from '../../src/wps/session';
import { FakeWorkbook, rectA1 } from '../fake-excel';
import { modelFromXlsx } from '../fake-excel/from-xlsx';
import { FakeEtApp } from '../fake-wps';
import { TODAY, fixtureWorkbook, freshCheck, serial, stateJson } from '../excel/helpers';

const TEAM = '天宁镇综合行政执法队';
const R = '执法人员名单';

test('插入官方台账表 with the roster in WPS: laid out as `taizhang template --roster`, recognised, and filled in live', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tz-wps-roster-'));
  try {
    const file = path.join(dir, 't.xlsx');
    await templateWorkbook(TEAM, { roster: true }).xlsx.writeFile(file);
    const cli = FakeWorkbook.fromJson(await modelFromXlsx(file));
    const wb = await fixtureWorkbook();
    let clock = 0;
    const ops: string[] = [];
    const service = createWpsService(new FakeEtApp(wb) as unknown as EtApp, { today: () => TODAY, debounceMs: 0, now: () => clock, log: (e) => ops.push(e.op) });
    await service.checkAll();
    await service.startLive();
    expect(await service.insertOfficialSheets(TEAM, { roster: true })).toEqual([R]);
    await service.idle();
    const sheet = wb.sheet(R);
    expect(wb.valueSnapshot()[R]).toEqual(cli.valueSnapshot()[R]);
    expect(sheet.merges.map(rectA1).sort()).toEqual(cli.sheet(R).merges.map(rectA1).sort());
    expect(sheet.frozenRows).toBe(2);
    expect(sheet.validations.map((v) => rectA1(v.range))).toEqual(['D3:D22']);
    expect(service.current().check!.rosters!.map((r) => [r.sheet, r.readable, r.people])).toEqual([[R, true, 0]]);
    expect(stateJson(service)).toEqual(freshCheck(wb));

    clock += 10_000;
    wb.userEdit(R, 'A3:D4', [
      ['王　明', '14010001', '交城县人民政府', serial('2023-10-15')],
      ['李强', '14010002', '交城县人民政府', serial('2027-12-31')],
    ]);
    await service.idle();
    expect(ops.slice(-1)).toEqual(['recheckSheets']);
    const found = service
      .current()
      .check!.ledgers.flatMap((l) => l.records.flatMap((r) => r.issues))
      .filter((i) => i.rule.startsWith('roster-'));
    // 王明's certificate ran out on 15 October: the penalty closed on 26 October names him; 张三、李四 (inspections) are not on this roster.
    expect(found.some((i) => i.sheet === '行政处罚案件台账' && i.cell === 'I8' && i.rule === 'roster-cert-expired')).toBe(true);
    expect(found.some((i) => i.sheet === '行政检查案件台账' && i.rule === 'roster-not-listed')).toBe(true);
    expect(found.some((i) => i.cell === 'I3')).toBe(false);
    expect(stateJson(service)).toEqual(freshCheck(wb));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
