/*
 * Range.values into the core's SheetGrid, for the big reads (read.ts): only `values` is loaded.
 * Range.values reports an error as its text — `#N/A`, `#VALUE!`, `#DIV/0!` … (the `basicValue` of
 * each Excel.ErrorCellValue: https://learn.microsoft.com/javascript/api/excel/excel.errorcellvalue)
 * — and only `valueTypes` tells it from the same text typed in. Every error value starts with `#`,
 * so `valueTypes` is read afterwards, in one more sync, only around the strings that start with
 * `#` (none in most ledgers); the rest of the response needs no second array of types.
 * The response's own row arrays become the grid's rows, converted in place (no copy of 40,000 rows).
 */
import type { CellValue, SheetGrid } from '../ledger/cell';

/** A block of a sheet (0-based, inclusive) holding strings that may be error values. */
export interface Suspect {
  ws: Excel.Worksheet;
  grid: SheetGrid;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const HASH = 35; // '#'

/** One cell of `values` as the core reads it, before its type is known (an error still reads as its text). */
function plain(v: unknown): CellValue {
  if (v === '' || v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return String(v);
}

/**
 * Rows `from..to-1` of `values` (the range's top-left cell at 0-based `rowIndex`, `columnIndex`)
 * into `grid`; the blocks holding `#` strings go to `suspects`.
 */
export function placeValues(grid: SheetGrid, ws: Excel.Worksheet, rowIndex: number, columnIndex: number, values: unknown[][], from: number, to: number, suspects: Suspect[]): void {
  const off = columnIndex + 1 - grid.left;
  let top = -1;
  let bottom = -1;
  let left = Infinity;
  let right = -1;
  for (let i = from; i < to; i++) {
    const ri = rowIndex + 1 + i - grid.top;
    if (ri < 0) continue;
    const vr = values[i] as CellValue[];
    let last = -1;
    for (let j = 0; j < vr.length; j++) {
      const v = plain(vr[j]);
      // Written back only when it changes (most cells are already what the core reads).
      if (v !== vr[j]) vr[j] = v;
      if (v === null) continue;
      last = j;
      if (typeof v === 'string' && v.charCodeAt(0) === HASH) {
        if (top < 0) top = i;
        bottom = i;
        if (j < left) left = j;
        if (j > right) right = j;
      }
    }
    if (last + 1 < vr.length) vr.length = last + 1;
    while (grid.rows.length < ri) grid.rows.push([]);
    const known = grid.rows[ri];
    if (off === 0 && !known?.length) grid.rows[ri] = vr;
    else {
      // Left of the grid's first column, or over cells already placed: copied in.
      const row = known ?? (grid.rows[ri] = []);
      for (let j = 0; j < off; j++) if (row[j] === undefined) row[j] = null;
      for (let j = 0; j < vr.length; j++) if (vr[j] !== null) row[off + j] = vr[j];
    }
  }
  if (top >= 0) suspects.push({ ws, grid, top: rowIndex + top, left: columnIndex + left, bottom: rowIndex + bottom, right: columnIndex + right });
}

/**
 * One sync for the types of the suspect blocks: the cells Excel reports as `Error` become error
 * values. Called once per sync of values (pass 1, each batch of pass 2), so its blocks lie within
 * cells just read under the budget, and their types (≈ 10 bytes a cell) stay under the web's 5 MB.
 */
export async function resolveErrors(sync: () => Promise<void>, suspects: Suspect[]): Promise<void> {
  if (!suspects.length) return;
  const ranges = suspects.map((s) => {
    const range = s.ws.getRangeByIndexes(s.top, s.left, s.bottom - s.top + 1, s.right - s.left + 1);
    range.load('valueTypes');
    return { s, range };
  });
  await sync();
  for (const { s, range } of ranges) {
    const types = range.valueTypes;
    for (let i = 0; i < types.length; i++) {
      const row = s.grid.rows[s.top + 1 + i - s.grid.top];
      if (!row) continue;
      for (let j = 0; j < types[i].length; j++) {
        if (types[i][j] !== 'Error') continue;
        const c = s.left + 1 + j - s.grid.left;
        const v = row[c];
        if (typeof v === 'string') row[c] = { error: v };
      }
    }
  }
  suspects.length = 0;
}
