/*
 * WorkbookIO.addSheets on each host: the county's 汇总 tables (summaryWorkbook of a real roll-up)
 * as new sheets after the last one — cells equal to the rows, strings kept as text (a name
 * starting with `=`, `+`, `-` never becomes a formula), money as numbers, existing sheets
 * untouched, a name in use suffixed, requests within Excel on the web's 5 MB.
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import { Rollup, rollUp, summaryWorkbook } from '../../src/rollup';
import type { NewSheet } from '../../src/session/driver';
import { SHEET_NAME_MAX, newSheetName, validSheetName } from '../../src/session/new-sheets';
import { newSheetOf } from '../../src/taskpane/rollup-sheets';
import { workbookCopy } from '../../src/offline/copy';
import { FileDriver, FileSession, browserStore } from '../../src/offline/file-driver';
import { openWorkbookFile } from '../../src/offline/read';
import { FIXTURE, TODAY, fixtureWorkbook, setup, teardown } from '../excel/helpers';
import { FORMULA_TOWNSHIP, TOWNSHIPS, expectedRows, formulasIn, pickedFiles, sheetRows } from '../rollup/pane-helpers';
import { wpsSetup } from '../wps/helpers';

let r: Rollup;
let sheets: NewSheet[];

beforeAll(async () => {
  r = await rollUp(await pickedFiles(), { period: '2023-10', today: TODAY, townships: TOWNSHIPS });
  sheets = summaryWorkbook(r).map(newSheetOf);
}, 60_000);

afterEach(() => teardown());

const widthOf = (n: NewSheet) => Math.max(n.widths.length, ...n.rows.map((x) => x.length));
const TRICKY: NewSheet = {
  name: '文本',
  rows: [['=1+1', '+8613812345678', '-某某', '@某', '2023-10', '001', 12.5, '-5', null]],
  merges: [],
  widths: [8, 8, 8, 8, 8, 8, 8, 8, 8],
  title: false,
  header: null,
  bold: [],
  table: null,
  numberFormats: [{ col: 7, format: '#,##0.00' }],
};

test('sheet names: forbidden characters, 31 characters, a suffix that fits, History', () => {
  expect(validSheetName('a/b:c*?[x]\\y')).toBe('a_b_c___x__y');
  expect(validSheetName("'汇总'")).toBe('汇总');
  expect(validSheetName('history')).toBe('history_');
  const long = '很'.repeat(40);
  expect([...validSheetName(long)]).toHaveLength(SHEET_NAME_MAX);
  const taken = new Set(['汇总', '汇总（2）', '很'.repeat(31)]);
  expect(newSheetName('汇总', taken)).toBe('汇总（3）');
  expect(newSheetName('问题', taken)).toBe('问题');
  const suffixed = newSheetName(long, taken);
  expect([...suffixed]).toHaveLength(SHEET_NAME_MAX);
  expect(suffixed.endsWith('（2）')).toBe(true);
});

test('Excel: the roll-up’s sheets are added after the last one with the same cells; existing sheets unchanged; a clash is renamed', async () => {
  const wb = await fixtureWorkbook();
  wb.userAddSheet({ name: '汇总', rows: [['本县自己的汇总表']] });
  const before = wb.sheets.map((s) => s.name);
  const values = JSON.stringify(wb.valueSnapshot());
  const formats = wb.formatSnapshot();
  const s = setup(wb);
  s.syncsSince();
  const names = await s.service.addSheets(sheets);
  expect(names).toEqual(['汇总（2）', '行政处罚', '行政检查', '行政强制', '问题', '文件']);
  expect(wb.sheets.map((x) => x.name)).toEqual([...before, ...names]);
  // One sync to list the sheets, one to add and fill them all, one to show 汇总（2）.
  expect(s.syncsSince()).toBe(3);
  sheets.forEach((n, i) => expect(sheetRows(wb, names[i], widthOf(n))).toEqual(expectedRows(n, widthOf(n))));
  // The old sheets: the same cells and formats as before.
  const after = wb.valueSnapshot();
  expect(JSON.stringify(Object.fromEntries(before.map((n) => [n, after[n]])))).toBe(values);
  expect(JSON.parse(wb.formatSnapshot()).slice(0, before.length)).toEqual(JSON.parse(formats));
  // The township named like a formula is text, in a Text cell; money is a number.
  const summary = wb.sheet('汇总（2）');
  const row = sheetRows(wb, '汇总（2）', 3).findIndex((x) => x[0] === FORMULA_TOWNSHIP) + 1;
  expect(row).toBeGreaterThan(3);
  expect(wb.cell(summary, row, 1)?.style?.numberFormat).toBe('@');
  for (const n of names) expect(formulasIn(wb, n)).toEqual([]);
  const money = sheets[0].numberFormats[0].col;
  expect(typeof wb.valueAt(summary, row, money)).toBe('number');
  expect(wb.cell(summary, row, money)?.style?.numberFormat).toBe('#,##0.00');
  expect(summary.frozenRows).toBe(3);
  expect(summary.merges.map((m) => [m.top, m.left, m.bottom, m.right])).toContainEqual([1, 1, 1, widthOf(sheets[0])]);
  expect(wb.activeSheetId).toBe(summary.id);
});

test('Excel: strings that Excel would read as formulas, numbers or dates stay text', async () => {
  const wb = await fixtureWorkbook();
  const s = setup(wb);
  await s.service.addSheets([TRICKY]);
  expect(sheetRows(wb, '文本', 9)).toEqual([['=1+1', '+8613812345678', '-某某', '@某', '2023-10', '001', 12.5, '-5', null]]);
  expect(formulasIn(wb, '文本')).toEqual([]);
});

test('the fake would have made formulas of them without the Text format (the hazard is real)', async () => {
  const wb = await fixtureWorkbook();
  const sheet = wb.newSheet('对照');
  wb.setValue(sheet, 1, 1, '=1+1');
  wb.setValue(sheet, 1, 2, '-某某');
  wb.setValue(sheet, 1, 3, '-5');
  expect(formulasIn(wb, '对照')).toEqual(['=1+1', '=-某某']);
  expect(wb.valueAt(sheet, 1, 3)).toBe(-5);
});

test('Excel on the web: a big sheet goes in several requests, each under 5 MB', async () => {
  const wb = await fixtureWorkbook();
  const s = setup(wb, { platform: 'OfficeOnline' });
  const row = (i: number) => [`乡镇${i}`, `交城县某某食品有限公司第${i}分店`, `没收违法所得一千二百元，并处罚款三千元，责令改正违法行为${i}`, i, '=不是公式'];
  const big: NewSheet = { ...TRICKY, name: '大表', rows: Array.from({ length: 40_000 }, (_, i) => row(i)), widths: [10, 30, 60, 8, 10], numberFormats: [] };
  s.syncsSince();
  await s.service.addSheets([big]);
  const syncs = s.office.host.syncs.slice(-s.syncsSince());
  expect(syncs.length).toBeGreaterThan(3);
  expect(Math.max(...syncs.map((x) => x.requestBytes))).toBeLessThan(5 * 1024 * 1024);
  const sheet = wb.sheet('大表');
  expect(wb.valueAt(sheet, 40_000, 2)).toBe('交城县某某食品有限公司第39999分店');
  expect(wb.valueAt(sheet, 40_000, 4)).toBe(39_999);
  expect(wb.valueAt(sheet, 1, 5)).toBe('=不是公式');
}, 60_000);

test('WPS: the same sheets after the last one, text kept as text, existing sheets unchanged, clash renamed', async () => {
  const wb = await fixtureWorkbook();
  wb.userAddSheet({ name: '汇总', rows: [['本县自己的汇总表']] });
  const before = wb.sheets.map((s) => s.name);
  const values = JSON.stringify(wb.valueSnapshot());
  const s = wpsSetup(wb);
  const names = await s.service.addSheets([...sheets, TRICKY]);
  expect(names).toEqual(['汇总（2）', '行政处罚', '行政检查', '行政强制', '问题', '文件', '文本']);
  expect(wb.sheets.map((x) => x.name)).toEqual([...before, ...names]);
  sheets.forEach((n, i) => expect(sheetRows(wb, names[i], widthOf(n))).toEqual(expectedRows(n, widthOf(n))));
  expect(sheetRows(wb, '文本', 9)).toEqual([['=1+1', '+8613812345678', '-某某', '@某', '2023-10', '001', 12.5, '-5', null]]);
  for (const n of names) expect(formulasIn(wb, n)).toEqual([]);
  const after = wb.valueSnapshot();
  expect(JSON.stringify(Object.fromEntries(before.map((n) => [n, after[n]])))).toBe(values);
  expect(s.app.ownEvents).toBe(0);
  expect(wb.sheet('汇总（2）').frozenRows).toBe(3);
});

test('offline page: the sheets go into the workbook copy, strings as text, the original file untouched', async () => {
  const bytes = new Uint8Array(fs.readFileSync(FIXTURE));
  const file = await openWorkbookFile('sample-2023-10.xlsx', bytes);
  const copyOfBytes = bytes.slice();
  let changes = 0;
  const driver = new FileDriver(file, browserStore(null), () => changes++);
  const service = new FileSession(driver, { setTimer: (fn, ms) => setTimeout(fn, ms), clearTimer: (h) => clearTimeout(h as NodeJS.Timeout), now: () => Date.now(), today: () => TODAY });
  const names = await service.addSheets([...sheets, TRICKY]);
  expect(names).toEqual(['汇总', '行政处罚', '行政检查', '行政强制', '问题', '文件', '文本']);
  expect(changes).toBe(1);
  const copy = await workbookCopy(file);
  expect(bytes).toEqual(copyOfBytes);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(copy.bytes as unknown as ArrayBuffer);
  const cells = (name: string, width: number) => {
    const ws = wb.getWorksheet(name)!;
    // exceljs reports a merged area's value in each of its cells: only the first holds it.
    const at = (c: ExcelJS.Cell) => (c.isMerged && c.master.address !== c.address ? null : c.value ?? null);
    return Array.from({ length: ws.rowCount }, (_, i) => Array.from({ length: width }, (_, j) => at(ws.getCell(i + 1, j + 1))));
  };
  sheets.forEach((n, i) => expect(cells(names[i], widthOf(n))).toEqual(expectedRows(n, widthOf(n))));
  expect(cells('文本', 9)).toEqual([['=1+1', '+8613812345678', '-某某', '@某', '2023-10', '001', 12.5, '-5', null]]);
  expect(wb.getWorksheet('汇总')!.getCell(1, 1).type).toBe(ExcelJS.ValueType.String);
  expect(wb.worksheets.slice(0, 3).map((w) => w.name)).toEqual(['行政处罚案件台账', '行政检查案件台账', '行政强制案件台账']);
}, 60_000);
