/*
 * The copy with 报送月份 is rewritten by exceljs, which reads the workbook first: the one place a
 * file is still read by a second parser. Before the copy is written, exceljs's cells are held
 * against the reader's (src/input) cell by cell; where they differ (exceljs drops rows behind
 * phonetic runs, reads an ISO date as 1905, loses a formula's missing result …) the copy would
 * change the clerk's data, so it is not made and the page says which cells.
 */
import ExcelJS from 'exceljs';
import { CellValue, SheetGrid, cellAddress, cellText, isBlank, isCellError, isValidDate } from '../ledger/cell';
import { PICTURE_TEXT, serialToDate } from '../input/cell-value';

/** An exceljs value as the core sees it: formulas by result, rich text and links by text. */
export function fromExcelJs(v: unknown, depth = 0): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v !== 'object' || depth > 3) return null;
  const o = v as Record<string, unknown>;
  if (typeof o.error === 'string') return { error: o.error };
  if ('formula' in o || 'sharedFormula' in o) return fromExcelJs(o.result, depth + 1);
  if (Array.isArray(o.richText)) return (o.richText as { text?: unknown }[]).map((r) => (typeof r.text === 'string' ? r.text : '')).join('');
  if ('hyperlink' in o || 'text' in o) return fromExcelJs(o.text, depth + 1);
  return null;
}

export interface CellDifference {
  sheet: string;
  cell: string;
  ours: string;
  theirs: string;
}

interface Theirs {
  value: CellValue;
  /** The cell is a formula (its result may be missing). */
  formula: boolean;
}

function same(ours: CellValue, t: Theirs, date1904: boolean): boolean {
  if (isCellError(ours) && ours.formula !== undefined) return t.formula && isBlank(t.value);
  if (ours === PICTURE_TEXT && (t.formula || (typeof t.value === 'string' && /DISPIMG/i.test(t.value)))) return true;
  const theirs = t.value;
  if (isBlank(ours) || isBlank(theirs)) return isBlank(ours) && isBlank(theirs);
  if (isCellError(ours) || isCellError(theirs)) return isCellError(ours) && isCellError(theirs) && ours.error === theirs.error;
  const time = (v: CellValue) => (isValidDate(v) ? v.getTime() : typeof v === 'number' ? serialToDate(v, date1904).getTime() : NaN);
  if (ours instanceof Date || theirs instanceof Date) return time(ours) === time(theirs);
  return ours === theirs;
}

const shown = (v: CellValue) => {
  const t = isCellError(v) && v.formula !== undefined ? `=${v.formula}` : cellText(v);
  return t.length > 20 ? `${t.slice(0, 20)}…` : t;
};

/** Cells where exceljs's reading of the workbook differs from the reader's `grids` (first `max` of them). */
export function copyDifferences(wb: ExcelJS.Workbook, grids: SheetGrid[], date1904: boolean, max = 3): CellDifference[] {
  const out: CellDifference[] = [];
  const theirsBySheet = new Map<string, ExcelJS.Worksheet>();
  wb.eachSheet((ws) => theirsBySheet.set(ws.name, ws));
  for (const g of grids) {
    const ws = theirsBySheet.get(g.name) ?? theirsBySheet.get(g.name.slice(0, 31));
    const theirs = new Map<number, Theirs>();
    ws?.eachRow({ includeEmpty: false }, (row, r) =>
      row.eachCell({ includeEmpty: false }, (c, col) => {
        if (c.type === ExcelJS.ValueType.Merge) return;
        const v = c.value as unknown;
        theirs.set(r * 16384 + col, { value: fromExcelJs(v), formula: typeof v === 'object' && v !== null && ('formula' in v || 'sharedFormula' in v) });
      }),
    );
    const seen = new Set<number>();
    const differ = (r: number, c: number, ours: CellValue, t: Theirs) => {
      if (same(ours, t, date1904)) return false;
      out.push({ sheet: g.name, cell: cellAddress(r, c), ours: shown(ours), theirs: shown(t.value) });
      return out.length >= max;
    };
    for (let i = 0; i < g.rows.length; i++) {
      const row = g.rows[i];
      for (let j = 0; j < row.length; j++) {
        const v = row[j];
        if (v === null || v === undefined) continue;
        const r = g.top + i;
        const c = g.left + j;
        const key = r * 16384 + c;
        seen.add(key);
        if (differ(r, c, v, theirs.get(key) ?? { value: null, formula: false })) return out;
      }
    }
    for (const [key, t] of theirs) {
      if (seen.has(key) || isBlank(t.value)) continue;
      if (differ(Math.floor(key / 16384), key % 16384, null, t)) return out;
    }
  }
  return out;
}

/** The page's one line when the copy is not made. */
export function differencesText(d: CellDifference[]): string {
  const cells = d.map((x) => `工作表“${x.sheet}”的 ${x.cell}：检查时读到“${x.ours}”，副本中会变成“${x.theirs}”`).join('；');
  return `生成副本要用到的表格程序库读这个工作簿时与检查时读到的不一致（${cells}），副本会改动您的数据，所以没有生成。请在 Excel 或 WPS 中按检查结果手工填写报送月份。`;
}
