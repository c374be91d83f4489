/* exceljs worksheets as the core's grids. */
import ExcelJS from 'exceljs';
import { CellRange, CellValue, SheetGrid } from '../ledger/cell';

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

/** Dense copy (no holes): the checker reads these arrays row after row. */
function packed<T>(sparse: (T | undefined)[], empty: () => T): T[] {
  const out: T[] = [];
  for (let i = 0; i < sparse.length; i++) out.push(sparse[i] ?? empty());
  return out;
}

/**
 * A worksheet as a grid. exceljs is handed sheets without their merges (see `readXlsx`);
 * `merges` come from our own scan, and the cells they hide are emptied here, as exceljs would.
 */
export function sheetToGrid(ws: ExcelJS.Worksheet, merges: CellRange[]): SheetGrid {
  const sparseRows: (CellValue[] | undefined)[] = [];
  ws.eachRow({ includeEmpty: true }, (row, rn) => {
    const cells: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, cn) => {
      cells[cn - 1] = fromExcelJs(cell.value);
    });
    sparseRows[rn - 1] = packed(cells, () => null);
  });
  const rows = packed(sparseRows, () => []);
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom && r <= rows.length; r++) {
      const cells = rows[r - 1];
      for (let c = r === m.top ? m.left + 1 : m.left; c <= m.right && c <= cells.length; c++) cells[c - 1] = null;
    }
  }
  return { name: ws.name, top: 1, left: 1, rows, merges };
}
