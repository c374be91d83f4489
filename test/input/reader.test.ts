/* The bounded reader (src/input): the grids exceljs gave on real workbooks, each limit, the streaming sheet pass. */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as path from 'path';
import { CellRange, CellValue, SheetGrid, parseAddress } from '../../src/ledger/cell';
import { clipMerges } from '../../src/input/grid';
import { InputError, LIMITS, Limits } from '../../src/input/limits';
import { SheetReader } from '../../src/input/sheet-read';
import { readXlsx } from '../../src/input/workbook';
import { fromExcelJs } from '../../src/offline/copy-check';
import { templateWorkbook } from '../../src/cli/template';
import * as H from '../helpers/hostile-files';
import { craftXlsx } from './craft';

const SAMPLE = path.join(__dirname, '../../../shared/fixtures/sample-2023-10.xlsx');

/** What the reader did before this module: exceljs with its merges, hidden merged cells empty. */
async function exceljsGrids(bytes: Uint8Array): Promise<SheetGrid[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const out: SheetGrid[] = [];
  wb.eachSheet((ws) => {
    const rows: CellValue[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, rn) => {
      const cells: CellValue[] = [];
      // An empty text reads as an empty cell.
      row.eachCell({ includeEmpty: false }, (c, cn) => (cells[cn - 1] = c.type === ExcelJS.ValueType.Merge ? null : fromExcelJs(c.value) === '' ? null : fromExcelJs(c.value)));
      rows[rn - 1] = Array.from(cells, (v) => v ?? null);
    });
    const merges = ((ws.model as unknown as { merges?: string[] }).merges ?? []).map((m) => parseAddress(m)!);
    out.push({ name: ws.name, top: 1, left: 1, rows: Array.from(rows, (r) => r ?? []), merges });
  });
  return out;
}

function usedRange(g: SheetGrid): CellRange | null {
  let u: CellRange | null = null;
  g.rows.forEach((r, i) =>
    r.forEach((v, j) => {
      if (v === null || v === undefined) return;
      u = u ? { top: Math.min(u.top, i + 1), left: Math.min(u.left, j + 1), bottom: Math.max(u.bottom, i + 1), right: Math.max(u.right, j + 1) } : { top: i + 1, left: j + 1, bottom: i + 1, right: j + 1 };
    }),
  );
  return u;
}

const trim = (rows: CellValue[][]) => rows.map((r) => r.slice(0, r.length - [...r].reverse().findIndex((v) => v !== null)));

describe('the same grids exceljs gave, merges cut to the used range', () => {
  test.each<[string, () => Promise<Uint8Array>, number]>([
    ['the sample workbook', async () => new Uint8Array(fs.readFileSync(SAMPLE)), 0],
    ['the official template with a team', async () => new Uint8Array((await templateWorkbook('天宁镇综合行政执法队').xlsx.writeBuffer()) as ArrayBuffer), 20],
  ])('%s', async (_, load, minMerges) => {
    const bytes = await load();
    const ours = (await readXlsx(bytes, 'x.xlsx')).sheets;
    const theirs = await exceljsGrids(bytes);
    expect(ours.map((g) => g.name)).toEqual(theirs.map((g) => g.name));
    ours.forEach((g, i) => {
      expect(trim(g.rows)).toEqual(trim(theirs[i].rows));
      expect(g.merges).toEqual(clipMerges(theirs[i].merges, usedRange(theirs[i])));
    });
    expect(ours.reduce((n, g) => n + g.merges.length, 0)).toBeGreaterThanOrEqual(minMerges);
  });
});

describe('limits (small ones here, to keep the files small)', () => {
  const small = (change: Partial<Limits>): Limits => ({ ...LIMITS, ...change });
  const refusal = async (bytes: Uint8Array, limits: Limits): Promise<InputError> => {
    const e = await readXlsx(bytes, 'x.xlsx', limits).then(
      () => null,
      (err: unknown) => err,
    );
    expect(e).toBeInstanceOf(InputError);
    return e as InputError;
  };
  const rowsXml = (rows: number) => Array.from({ length: rows }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>1</v></c></row>`).join('');

  test('the file itself', async () => {
    const e = await refusal(H.xlsx(H.sheetXml({ rows: H.ledgerRows() })), small({ fileBytes: 1024 }));
    expect([e.reason, e.message]).toEqual(['too-large', expect.stringMatching(/^x\.xlsx 有 .*的上限。请删除/)]);
  });
  test('all parts together, as inflated', async () => {
    const mb = new Uint8Array(1 << 20).fill(0x20);
    const e = await refusal(H.xlsx(H.sheetXml({ rows: H.ledgerRows() }), { 'xl/media/a.bin': mb, 'xl/media/b.bin': mb }), small({ partBytes: 2 << 20, totalBytes: 1.5 * (1 << 20) }));
    expect(e.message).toMatch(/解压后超过 2 MB 的上限（到图片 b\.bin为止）/);
  });
  test('rows and cells of all sheets together', async () => {
    const bytes = craftXlsx({ sheets: [{ name: '一', rows: rowsXml(60) }, { name: '二', rows: rowsXml(60) }] });
    expect((await refusal(bytes, small({ rows: 100 }))).message).toMatch(/各工作表合计超过100行的上限/);
    expect((await refusal(bytes, small({ cells: 100 }))).message).toMatch(/各工作表的单元格合计超过100个的上限/);
    await expect(readXlsx(bytes, 'x.xlsx', small({ rows: 120, cells: 120 }))).resolves.toBeTruthy();
  });
  test('overlapping merges covering more than the cells limit', async () => {
    const bytes = H.xlsx(H.sheetXml({ rows: H.ledgerRows(2), merges: Array.from({ length: 20 }, () => 'A1:K4') }));
    expect((await refusal(bytes, small({ cells: 500 }))).message).toMatch(/合并单元格互相重叠/);
  });
  test('a declared size past the cap is refused before anything is inflated', async () => {
    const e = await refusal(H.lieAboutSize(H.xlsx(H.sheetXml({ rows: H.ledgerRows() })), 'xl/worksheets/sheet1.xml', 2_000_000_000), LIMITS);
    expect(e.message).toMatch(/工作表“处罚台账”解压后有 1907 MB，超过 50 MB 的上限/);
  });
  test('a declared size that is not the real one, both under the cap: damaged', async () => {
    const e = await refusal(H.lieAboutSize(H.xlsx(H.sheetXml({ rows: H.ledgerRows() })), 'xl/worksheets/sheet1.xml', 10), LIMITS);
    expect(e.reason).toBe('damaged');
  });
});

describe('the streaming sheet pass', () => {
  // Multi-byte text cut at odd chunk boundaries, a BOM, CR LF, a namespace prefix, rows and cells without `r`.
  const text = '台账'.repeat(12_000) + '𠀀';
  const xml =
    '\ufeff<?xml version="1.0"?>\r\n<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:dimension ref="A1:XFD1048576"/><x:sheetData>' +
    `<x:row r="2"><x:c r="B2" t="inlineStr"><x:is><x:t>${text}</x:t></x:is></x:c><x:c r="D2"/></x:row><x:row><x:c><x:v>1</x:v></x:c></x:row></x:sheetData>` +
    '<x:mergeCells\r\n count="2"><x:mergeCell ref="B2:C9"/><x:mergeCell ref="A3:XFD1048576"/></x:mergeCells><x:pageMargins/></x:worksheet>';

  test('values, rows, cells, the used range, the claimed dimension and merges', () => {
    const bytes = new TextEncoder().encode(xml);
    const s = new SheetReader({ sharedStrings: [], dateStyles: [], date1904: false }, { rows: 10, cells: 100, merges: 10 });
    for (let i = 0; i < bytes.length; i += 4093) s.write(bytes.subarray(i, i + 4093));
    const r = s.end();
    expect(r.rows[1]![1]).toBe(text);
    expect(r.rows[2]).toEqual([1]);
    expect(r.lastRow).toBe(3);
    expect(r.cells).toBe(4 + 1);
    expect(r.used).toEqual({ top: 2, left: 1, bottom: 3, right: 2 });
    expect(r.dimension).toEqual({ top: 1, left: 1, bottom: 1048576, right: 16384 });
    expect(r.merges).toEqual([parseAddress('B2:C9'), parseAddress('A3:XFD1048576')]);
    expect(clipMerges(r.merges, r.used)).toEqual([{ top: 2, left: 2, bottom: 3, right: 2 }, { top: 3, left: 1, bottom: 3, right: 2 }]);
  });
});
