/*
 * A worksheet as read (sheet-read.ts) as the core's grid: dense rows, merges cut to the cells
 * with values, the cells a merge hides emptied (only its top-left cell shows a value, as in Excel).
 */
import { CellRange, CellValue, SheetGrid } from '../ledger/cell';

/** Holes filled in place (the checker reads these arrays row after row). */
function fill<T>(sparse: (T | undefined)[], empty: () => T): T[] {
  for (let i = 0; i < sparse.length; i++) if (sparse[i] === undefined) sparse[i] = empty();
  return sparse as T[];
}

/**
 * Merges as the ledger core needs them: cut at the bottom and right of the cells with values
 * (the top-left cell, which holds a merge's value, never moves); merges that cover no cell with
 * a value, or only their own top-left cell, are left out. Their area is then what the rows cost.
 */
export function clipMerges(merges: CellRange[], used: CellRange | null): CellRange[] {
  if (!used) return [];
  const out: CellRange[] = [];
  for (const m of merges) {
    if (m.top > used.bottom || m.left > used.right) continue;
    const c = { top: m.top, left: m.left, bottom: Math.min(m.bottom, used.bottom), right: Math.min(m.right, used.right) };
    if (c.bottom > c.top || c.right > c.left) out.push(c);
  }
  return out;
}

export function area(r: CellRange): number {
  return (r.bottom - r.top + 1) * (r.right - r.left + 1);
}

/** The grid of a sheet read; `merges` already clipped. */
export function toGrid(name: string, sparseRows: (CellValue[] | undefined)[], merges: CellRange[], hidden: boolean): SheetGrid {
  const rows: CellValue[][] = fill(sparseRows, () => []);
  for (const r of rows) fill(r, () => null);
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom && r <= rows.length; r++) {
      const cells = rows[r - 1];
      for (let c = r === m.top ? m.left + 1 : m.left; c <= m.right && c <= cells.length; c++) cells[c - 1] = null;
    }
  }
  const grid: SheetGrid = { name, top: 1, left: 1, rows, merges };
  if (hidden) grid.hidden = true;
  return grid;
}
