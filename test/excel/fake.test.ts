/* The fake Office.js behaves like Office.js where the adapter relies on it. */
import { FakeWorkbook, installFakeOffice } from '../fake-excel';
import { fixtureWorkbook } from './helpers';

type AnyExcel = { run: <T>(f: (ctx: any) => Promise<T>) => Promise<T> }; // eslint-disable-line @typescript-eslint/no-explicit-any

let uninstall: (() => void) | null = null;
afterEach(() => uninstall?.());

function install(wb: FakeWorkbook, opts = {}) {
  const g: Record<string, unknown> = {};
  const o = installFakeOffice(g, wb, opts);
  uninstall = o.uninstall;
  return { host: o.host, Excel: g.Excel as AnyExcel, Office: g.Office as any }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

const small = () =>
  FakeWorkbook.fromJson({
    sheets: [
      { name: 'A', rows: [['x', 1, true], [null, { error: '#N/A' }, '']], merges: ['A3:A4'] },
      { name: 'Empty' },
    ],
  });

test('properties must be loaded and synced before they are read', async () => {
  const { Excel, host } = install(small());
  await Excel.run(async (ctx) => {
    const r = ctx.workbook.worksheets.getItem('A').getRange('A1:C2');
    expect(() => r.values).toThrow(/PropertyNotLoaded|not available/);
    r.load('values,valueTypes');
    expect(() => r.values).toThrow(/not available/);
    await ctx.sync();
    expect(r.values).toEqual([
      ['x', 1, true],
      ['', '#N/A', ''],
    ]);
    expect(r.valueTypes).toEqual([
      ['String', 'Double', 'Boolean'],
      ['Empty', 'Error', 'Empty'],
    ]);
    expect(() => r.address).toThrow(/not available/);
  });
  expect(host.syncCount).toBe(1);
});

test('null objects: known only after a sync; a failing command rejects the sync', async () => {
  const { Excel, host } = install(small());
  await Excel.run(async (ctx) => {
    const used = ctx.workbook.worksheets.getItem('Empty').getUsedRangeOrNullObject(true);
    expect(() => used.isNullObject).toThrow(/not available/);
    await ctx.sync();
    expect(used.isNullObject).toBe(true);
    ctx.workbook.worksheets.getItem('Nope').getRange('A1').load('values');
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'ItemNotFound' });
  });
  expect(host.syncs.map((s) => s.error)).toEqual([undefined, 'ItemNotFound']);
});

test('merged areas: only those whose top-left cell is in the range; more than 512 fail', async () => {
  const wb = small();
  const { Excel } = install(wb, { mergeAreaLimit: 1 });
  await Excel.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem('A');
    const a = ws.getRange('A1:A3').getMergedAreasOrNullObject();
    const b = ws.getRange('A4:A9').getMergedAreasOrNullObject();
    a.load('address');
    b.load('address');
    await ctx.sync();
    expect(a.address).toBe('A!A3:A4');
    expect(b.isNullObject).toBe(true);
  });
  wb.sheet('A').merges.push({ top: 6, left: 1, bottom: 7, right: 1 });
  await Excel.run(async (ctx) => {
    ctx.workbook.worksheets.getItem('A').getRange().getMergedAreasOrNullObject().load('address');
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'GeneralException' });
  });
});

test('APIs newer than the host fail with ApiNotFound and are recorded', async () => {
  const { Excel, host, Office } = install(small(), { apiVersion: '1.14' });
  expect(Office.context.requirements.isSetSupported('ExcelApi', '1.14')).toBe(true);
  expect(Office.context.requirements.isSetSupported('ExcelApi', '1.16')).toBe(false);
  await Excel.run(async (ctx) => {
    ctx.workbook.worksheets.getItem('A').getRange('A1').load('valuesAsJson');
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'ApiNotFound' });
  });
  expect(host.apiUsed.get('Range.valuesAsJson')).toBe('ExcelApi 1.16');
  expect(host.maxApiUsed()).toBe('1.16');
});

test('the web payload limit rejects large responses', async () => {
  const rows = Array.from({ length: 2000 }, (_, i) => [`第${i}行的一段比较长的中文内容，用来测量数据量`]);
  const { Excel } = install(FakeWorkbook.fromJson({ sheets: [{ name: 'S', rows }] }), { platform: 'OfficeOnline', payloadLimit: 50_000 });
  await Excel.run(async (ctx) => {
    ctx.workbook.worksheets.getItem('S').getRange('A1:A2000').load('values');
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
  });
});

test('events: a one-cell edit carries details; a multi-cell change and row inserts do not; triggerSource from 1.14', async () => {
  const wb = small();
  const { Excel } = install(wb, { apiVersion: '1.14' });
  const got: any[] = []; // eslint-disable-line @typescript-eslint/no-explicit-any
  await Excel.run(async (ctx) => {
    ctx.workbook.worksheets.onChanged.add(async (e: unknown) => {
      got.push(e);
    });
    await ctx.sync();
  });
  wb.userEdit('A', 'B1', 2);
  wb.userEdit('A', 'A1:B2', [
    ['y', 3],
    ['z', 4],
  ]);
  wb.userInsertRows('A', 2, 1);
  await new Promise((r) => setTimeout(r, 10));
  expect(got.map((e) => [e.address, e.changeType, e.triggerSource])).toEqual([
    ['B1', 'RangeEdited', 'Unknown'],
    ['A1:B2', 'RangeEdited', 'Unknown'],
    ['2:2', 'RowInserted', 'Unknown'],
  ]);
  expect(got[0].details).toEqual({ valueBefore: 1, valueAfter: 2, valueTypeBefore: 'Double', valueTypeAfter: 'Double' });
  expect(got[1].details).toBeUndefined();
  expect(got[2].details).toBeUndefined();
  expect(wb.valueAt(wb.sheet('A'), 3, 1)).toBe('z'); // shifted down
  expect(wb.sheet('A').merges).toEqual([{ top: 4, left: 1, bottom: 5, right: 1 }]);
});

test('writes are recorded; text that looks like a month becomes a date unless the cell is text-formatted', async () => {
  const wb = small();
  const { Excel } = install(wb);
  await Excel.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem('A');
    ws.getRange('D1').values = [['2023-10']];
    const e1 = ws.getRange('E1');
    e1.numberFormat = [['@']];
    e1.values = [['2023-10']];
    await ctx.sync();
  });
  expect(wb.typeAt(wb.sheet('A'), 1, 4)).toBe('Double');
  expect(wb.valueAt(wb.sheet('A'), 1, 5)).toBe('2023-10');
  expect(wb.writes.map((w) => [w.kind, w.address, w.valueCells])).toEqual([
    ['values', 'D1', ['D1']],
    ['numberFormat', 'E1', undefined],
    ['values', 'E1', ['E1']],
  ]);
});

test('settings: saved values reach the workbook only through saveAsync', async () => {
  const wb = small();
  const { Office } = install(wb);
  const s = Office.context.document.settings;
  s.set('k', { a: 1 });
  expect(s.get('k')).toEqual({ a: 1 });
  expect(wb.savedSettings.k).toBeUndefined();
  await new Promise((r) => s.saveAsync(r));
  expect(wb.savedSettings.k).toEqual({ a: 1 });
});

test('a model made from the fixture .xlsx: dates as serials, merges, formats', async () => {
  const wb = await fixtureWorkbook();
  expect(wb.sheets.map((s) => s.name)).toEqual(['行政处罚案件台账', '行政检查案件台账', '行政强制案件台账', '填表说明']);
  const p = wb.sheet('行政处罚案件台账');
  expect(wb.valueAt(p, 3, 6)).toBe(45211); // 2023-10-12
  expect(wb.typeAt(p, 3, 6)).toBe('Double');
  expect(wb.valueAt(p, 6, 6)).toBe('2023年2月30日');
  expect(p.merges.length).toBe(2);
  expect(wb.sheet('行政检查案件台账').merges.length).toBe(16);
});

test('conditional formats are numbered by priority: a loaded item is found again by its position when each action runs', async () => {
  const wb = small();
  const s = wb.sheet('A');
  const rule = (id: string, formula: string) => ({ id, type: 'Custom' as const, ranges: [{ top: 1, left: 1, bottom: 1, right: 1 }], formula });
  s.cfs.push(rule('{X}', '=1'), rule('{Y}', '=2'), rule('{Z}', '=3'));
  const { Excel } = install(wb);
  await Excel.run(async (ctx) => {
    const cfs = ctx.workbook.worksheets.getItem('A').getRange().conditionalFormats;
    cfs.load('items/id,items/priority');
    await ctx.sync();
    expect(cfs.items.map((c: { id: string }) => c.id)).toEqual(['0', '1', '2']);
    // Deleting the first, then "the second" as loaded, removes the first and the third.
    cfs.items[0].delete();
    cfs.items[1].delete();
    await ctx.sync();
  });
  expect(s.cfs.map((c) => c.id)).toEqual(['{Y}']);
  // Deleting from the bottom up hits exactly what was loaded.
  s.cfs = [rule('{X}', '=1'), rule('{Y}', '=2'), rule('{Z}', '=3')];
  await Excel.run(async (ctx) => {
    const cfs = ctx.workbook.worksheets.getItem('A').getRange().conditionalFormats;
    cfs.load('items/priority');
    await ctx.sync();
    cfs.items[2].delete();
    cfs.items[0].delete();
    await ctx.sync();
  });
  expect(s.cfs.map((c) => c.id)).toEqual(['{Y}']);
});

test('cell-edit mode fails a batch unless it asked to wait; protected sheets refuse writes with AccessDenied', async () => {
  const wb = small();
  const { Excel, host } = install(wb);
  host.enterCellEdit();
  await expect(Excel.run(async (ctx) => ctx.workbook.worksheets.getItem('A').getRange('A1').load('values') && ctx.sync())).rejects.toMatchObject({ code: 'InvalidOperationInCellEditMode' });
  let ran = false;
  const waiting = (Excel.run as (o: unknown, f: (ctx: any) => Promise<void>) => Promise<void>)({ delayForCellEdit: true }, async (ctx) => { // eslint-disable-line @typescript-eslint/no-explicit-any
    ctx.workbook.worksheets.getItem('A').getRange('A1').load('values');
    await ctx.sync();
    ran = true;
  });
  await new Promise((r) => setTimeout(r, 10));
  expect(ran).toBe(false);
  host.exitCellEdit();
  await waiting;
  expect(ran).toBe(true);

  wb.sheet('A').protected = true;
  await Excel.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem('A');
    ws.load('protection/protected');
    await ctx.sync();
    expect(ws.protection.protected).toBe(true);
    ws.getRange('B1').values = [[5]];
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'AccessDenied' });
  });
  expect(wb.valueAt(wb.sheet('A'), 1, 2)).toBe(1);
});

test('a member above the manifest’s level used without asking isSetSupported is recorded', async () => {
  const { Excel, host, Office } = install(small(), { apiVersion: '1.14', declaredMin: '1.9' });
  await Excel.run(async (ctx) => {
    ctx.workbook.worksheets.getItem('A').getRange('A1:B2').getMergedAreasOrNullObject().load('address');
    await ctx.sync();
  });
  expect(host.unguarded).toEqual(['Range.getMergedAreasOrNullObject']);
  const guarded = install(small(), { apiVersion: '1.14', declaredMin: '1.9' });
  expect((guarded.Office as typeof Office).context.requirements.isSetSupported('ExcelApi', '1.13')).toBe(true);
  await guarded.Excel.run(async (ctx) => {
    ctx.workbook.worksheets.getItem('A').getRange('A1:B2').getMergedAreasOrNullObject().load('address');
    await ctx.sync();
  });
  expect(guarded.host.unguarded).toEqual([]);
});

test('getRanges refuses an address longer than 8,192 characters (office-js#5198; the limit is in the troubleshooting article, office-js-docs-pr#2348)', async () => {
  const { Excel } = install(small());
  const many = Array.from({ length: 2000 }, (_, i) => `A${i + 1}`).join(',');
  expect(many.length).toBeGreaterThan(8192);
  await Excel.run(async (ctx) => {
    ctx.workbook.worksheets.getItem('A').getRanges(many).format.fill.color = '#FF0000';
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
  });
});
