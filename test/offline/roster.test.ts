/*
 * The 执法人员名单 on the offline page (the in-browser file driver; issue 21): 插入官方台账表 puts
 * it into the copy the clerk saves, where the CLI's reader recognises it; a workbook that already
 * holds a filled roster checks exactly as the CLI checks the same file.
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { templateWorkbook } from '../../src/cli/template';
import { readWorkbook } from '../../src/cli/xlsx';
import { readRoster } from '../../src/ledger/roster';
import { workbookCopy } from '../../src/offline/copy';
import { FileDriver, FileSession, browserStore } from '../../src/offline/file-driver';
import { openWorkbookFile } from '../../src/offline/read';
import { WorkbookSession } from '../../src/session/session';
import { toCheckJson } from '../../src/validation/report';
import { checkWorkbook } from '../../src/validation/workbook';
import { FIXTURE, TODAY } from '../excel/helpers';

const TEAM = '天宁镇综合行政执法队';

function session(driver: FileDriver): WorkbookSession {
  return new FileSession(driver, { setTimer: (fn, ms) => setTimeout(fn, ms), clearTimer: (h) => clearTimeout(h as NodeJS.Timeout), now: () => Date.now(), today: () => TODAY });
}

async function readBack(bytes: Uint8Array) {
  const tmp = path.join(os.tmpdir(), `tz-offline-roster-${process.pid}.xlsx`);
  fs.writeFileSync(tmp, bytes);
  try {
    return await readWorkbook(tmp);
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

test('插入官方台账表 with the roster: the copy holds the 执法人员名单 as the template lays it out, and the session knows it', async () => {
  const file = await openWorkbookFile('sample-2023-10.xlsx', new Uint8Array(fs.readFileSync(FIXTURE)));
  const service = session(new FileDriver(file, browserStore(null)));
  await service.checkAll();
  expect(await service.insertOfficialSheets(TEAM, { roster: true })).toEqual(['执法人员名单']);
  expect(service.current().check!.rosters!.map((r) => [r.sheet, r.readable, r.people])).toEqual([['执法人员名单', true, 0]]);
  const again = await service.checkAll();
  expect(again.check!.rosters!.map((r) => r.sheet)).toEqual(['执法人员名单']);
  const back = await readBack((await workbookCopy(file)).bytes);
  expect(back.sheets.map((s) => s.name)).toEqual(['行政处罚案件台账', '行政检查案件台账', '行政强制案件台账', '填表说明', '执法人员名单']);
  const roster = readRoster(back.sheets[4])!;
  expect(roster.layout!.title).toBe('天宁镇综合行政执法队执法人员名单');
  expect(roster.layout!.headers).toEqual({ name: '姓名', certNo: '执法证号', issuer: '发证机关', validUntil: '有效期至', remarks: '备注' });
  expect(toCheckJson(checkWorkbook(back.sheets, { today: TODAY }), 'x')).toEqual(toCheckJson(again.check!, 'x'));
});

test('a workbook with a filled roster checks on the offline page exactly as the CLI checks it', async () => {
  const wb = templateWorkbook(TEAM, { roster: true });
  wb.getWorksheet('行政处罚案件台账')!.getRow(3).values = [1, '天综执罚决〔2023〕15号', '占道经营案', '李某', '占道经营', new Date(Date.UTC(2023, 9, 12)), '警告', '《城市市容和环境卫生管理条例》第三十六条', '王明、赵六', '', ''];
  const r = wb.getWorksheet('执法人员名单')!;
  r.getRow(3).values = ['王明', '14010001', '交城县人民政府', new Date(Date.UTC(2023, 9, 1)), ''];
  r.getRow(4).values = ['李强', '14010002', '交城县人民政府', new Date(Date.UTC(2027, 11, 31)), ''];
  const bytes = new Uint8Array((await (wb as ExcelJS.Workbook).xlsx.writeBuffer()) as ArrayBuffer);
  const file = await openWorkbookFile('台账.xlsx', bytes);
  const state = await session(new FileDriver(file, browserStore(null))).checkAll();
  const rules = state.check!.ledgers[0].records[0].issues.filter((i) => i.rule.startsWith('roster-')).map((i) => i.rule);
  expect(rules).toEqual(['roster-not-listed', 'roster-cert-expired']);
  const cli = await readBack(bytes);
  expect(toCheckJson(state.check!, 'x')).toEqual(toCheckJson(checkWorkbook(cli.sheets, { today: TODAY, date1904: cli.date1904 }), 'x'));
});
