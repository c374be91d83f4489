/*
 * The offline page's file driver: the workbook read by the CLI's bounded reader, checked by
 * the same session as the add-in (the result equals the CLI's check of the same file), the
 * 报送月份 column and official sheets written into a copy, the original never changed, crafted
 * files refused with the CLI's words.
 */
import * as fs from 'fs';
import ExcelJS from 'exceljs';
import { readWorkbook } from '../../src/cli/xlsx';
import { WorkbookSession } from '../../src/session/session';
import { checkWorkbook } from '../../src/validation/workbook';
import { toCheckJson } from '../../src/validation/report';
import { workbookCopy, copyName, TOO_MANY_MERGES } from '../../src/offline/copy';
import { FileDriver, FileSession, OFFLINE_LIVE, OFFLINE_MARKS, OFFLINE_SELECT, browserStore } from '../../src/offline/file-driver';
import { openWorkbookFile } from '../../src/offline/read';
import { FIXTURE, TODAY } from '../excel/helpers';
import * as H from '../helpers/hostile-files';

function session(driver: FileDriver): WorkbookSession {
  return new FileSession(driver, { setTimer: (fn, ms) => setTimeout(fn, ms), clearTimer: (h) => clearTimeout(h as NodeJS.Timeout), now: () => Date.now(), today: () => TODAY });
}

class MemoryStorage {
  readonly items = new Map<string, string>();
  getItem(k: string) {
    return this.items.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.items.set(k, v);
  }
}

async function openFixture(storage = new MemoryStorage()) {
  const bytes = new Uint8Array(fs.readFileSync(FIXTURE));
  const file = await openWorkbookFile('sample-2023-10.xlsx', bytes);
  let changes = 0;
  const driver = new FileDriver(file, browserStore(storage), () => changes++);
  return { bytes, file, driver, service: session(driver), changes: () => changes, storage };
}

test('the sample workbook checks exactly as the CLI checks the same file', async () => {
  const { service } = await openFixture();
  const state = await service.checkAll();
  expect(state.sheets.map((s) => [s.name, s.records])).toEqual([
    ['行政处罚案件台账', 10],
    ['行政检查案件台账', 8],
    ['行政强制案件台账', 5],
  ]);
  const cli = await readWorkbook(FIXTURE);
  expect(toCheckJson(state.check!, 'x')).toEqual(toCheckJson(checkWorkbook(cli.sheets, { today: TODAY, date1904: cli.date1904 }), 'x'));
  expect(state.marksShown).toBe(false);
});

test('no marks, no live changes, no cell to jump to: each says why in Chinese', async () => {
  const { service } = await openFixture();
  await service.checkAll();
  await expect(service.startLive()).rejects.toThrow(OFFLINE_LIVE);
  await expect(service.selectCell('行政处罚案件台账', 'F6')).rejects.toThrow(OFFLINE_SELECT);
  await expect(service.setMarks(true)).rejects.toThrow(OFFLINE_MARKS);
  expect(service.current().marksShown).toBe(false);
});

test('报送月份 goes into the copy; the copy is a new file with the column filled and the rest as it was; the original bytes are untouched', async () => {
  const { bytes, file, service, changes } = await openFixture();
  const before = Buffer.from(bytes);
  await service.checkAll();
  const r = await service.fillReportMonths();
  expect(r.written.map((w) => [w.sheet, w.column])).toEqual([
    ['行政处罚案件台账', 'L'],
    ['行政检查案件台账', 'P'],
    ['行政强制案件台账', 'N'],
  ]);
  expect(changes()).toBe(1);
  // The session reads what it wrote (a re-check finds the column as the ledger's extra column).
  const again = await service.checkAll();
  expect(again.check!.ledgers[0].layout.extras).toEqual([{ col: 12, header: '报送月份' }]);

  const copy = await workbookCopy(file);
  expect(copy.name).toBe('sample-2023-10（已填报送月份）.xlsx');
  expect(Buffer.from(file.bytes).equals(before)).toBe(true);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(copy.bytes as unknown as ArrayBuffer);
  const p = wb.getWorksheet('行政处罚案件台账')!;
  expect([2, 3, 4, 5, 6].map((row) => p.getCell(`L${row}`).value)).toEqual(['报送月份', '2023-10', '2023-09', '2023-10', '日期有误']);
  expect(p.getCell('L2').font?.bold).toBe(true);
  const i = wb.getWorksheet('行政检查案件台账')!;
  expect((i.model as unknown as { merges: string[] }).merges).toContain('P2:P3');
  // The copy checks like the session's state, through the CLI's reader.
  const tmp = `${require('os').tmpdir()}/tz-offline-copy-${process.pid}.xlsx`;
  fs.writeFileSync(tmp, copy.bytes);
  try {
    const back = await readWorkbook(tmp);
    expect(toCheckJson(checkWorkbook(back.sheets, { today: TODAY, date1904: back.date1904 }), 'x')).toEqual(toCheckJson(service.current().check!, 'x'));
  } finally {
    fs.rmSync(tmp, { force: true });
  }
});

test('插入官方台账表 in a workbook without ledgers: the copy holds the three official sheets', async () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('人员名单').getCell('A1').value = '姓名';
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  const file = await openWorkbookFile('名单.xlsx', bytes);
  const service = session(new FileDriver(file, browserStore(null)));
  expect((await service.checkAll()).missingKinds).toEqual(['penalty', 'inspection', 'coercion']);
  expect(await service.insertOfficialSheets('天宁镇综合行政执法队')).toEqual(['行政处罚案件台账', '行政检查案件台账', '行政强制案件台账']);
  expect((await service.checkAll()).missingKinds).toEqual([]);
  const copy = new ExcelJS.Workbook();
  await copy.xlsx.load((await workbookCopy(file)).bytes as unknown as ArrayBuffer);
  expect(copy.worksheets.map((w) => w.name)).toEqual(['人员名单', '行政处罚案件台账', '行政检查案件台账', '行政强制案件台账']);
  expect(copy.getWorksheet('行政处罚案件台账')!.getCell('A1').value).toBe('天宁镇综合行政执法队x年x月x日--x年x月x日行政处罚案件台账');
});

test('a ledger on a hidden sheet is checked and its card says it is hidden, as the CLI says', async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(FIXTURE);
  wb.getWorksheet('行政强制案件台账')!.state = 'hidden';
  wb.getWorksheet('行政检查案件台账')!.state = 'veryHidden';
  const file = await openWorkbookFile('hidden.xlsx', new Uint8Array(await wb.xlsx.writeBuffer()));
  const state = await session(new FileDriver(file, browserStore(null))).checkAll();
  expect(state.sheets.map((x) => [x.name, x.records, !!x.hidden])).toEqual([
    ['行政处罚案件台账', 10, false],
    ['行政检查案件台账', 8, true],
    ['行政强制案件台账', 5, true],
  ]);
  expect(toCheckJson(state.check!, 'x').sheets.filter((x) => x.hidden).map((x) => x.name)).toEqual(['行政检查案件台账', '行政强制案件台账']);
});

test('settings stay in the browser’s storage and come back for the next file', async () => {
  const first = await openFixture();
  await first.service.saveSettings({ team: '天宁镇综合行政执法队', to: 'jiaochengxzfy@163.com' });
  expect(JSON.parse(first.storage.items.get('taizhang.offline')!)['taizhang.pane']).toEqual({ team: '天宁镇综合行政执法队', to: 'jiaochengxzfy@163.com' });
  const second = await openFixture(first.storage);
  expect(await second.service.loadSettings()).toEqual({ team: '天宁镇综合行政执法队', to: 'jiaochengxzfy@163.com' });
});

test('files the reader refuses are refused with the CLI’s words', async () => {
  const cases: [string, Uint8Array][] = [
    ['台账.ods', H.zip({ mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'content.xml': '<x/>' })],
    ['台账.xlsx', H.ole(['EncryptionInfo', 'EncryptedPackage'])],
    ['台账.xls', H.ole(['Workbook'])],
  ];
  for (const [name, bytes] of cases) {
    const tmp = `${require('os').tmpdir()}/tz-offline-${process.pid}-${name}`;
    fs.writeFileSync(tmp, bytes);
    try {
      const cli = await readWorkbook(tmp).then(
        () => 'read',
        (e: Error) => e.message,
      );
      await expect(openWorkbookFile(name, bytes)).rejects.toThrow(cli.replace(tmp.split('/').pop()!, name));
    } finally {
      fs.rmSync(tmp, { force: true });
    }
  }
});

test('a workbook whose merges the reader keeps from exceljs is checked, but no copy is made of it', async () => {
  const bytes = H.manyMerges(2000);
  const file = await openWorkbookFile('合并很多.xlsx', bytes);
  const service = session(new FileDriver(file, browserStore(null)));
  await service.checkAll();
  await expect(workbookCopy(file)).rejects.toThrow(TOO_MANY_MERGES);
  expect(copyName('台账.XLSX')).toBe('台账（已填报送月份）.xlsx');
});
