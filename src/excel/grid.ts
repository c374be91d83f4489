/* Office.js range data to the core's SheetGrid (pure: no Office calls here). */
import { CellRange, CellValue, SheetGrid } from '../ledger/cell';
import { rangesOf } from '../session/addresses';

/** Cell values as Office.js reports them: `values` plus `valueTypes` (Error, Empty, …). */
export interface RangeData {
  /** 0-based row and column of the range's top-left cell. */
  rowIndex: number;
  columnIndex: number;
  values: unknown[][];
  valueTypes: string[][];
}

/** One cell as the core reads it (`valueTypes` tells errors and empty cells). */
export function cellValue(value: unknown, type: string | undefined): CellValue {
  if (type === 'Error') return { error: String(value) };
  if (type === 'Empty' || value === '' || value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return String(value);
}

/** Merged areas from a RangeAreas address list (`Sheet1!A1:B2, Sheet1!D4:E5`). */
export function mergesFromAddress(address: string | null | undefined): CellRange[] {
  // A quoted sheet name may hold commas; pieces that are no address are skipped.
  return rangesOf(address).filter((r) => r.bottom > r.top || r.right > r.left);
}

export function gridFromRange(name: string, data: RangeData | null, merges: CellRange[] = []): SheetGrid {
  if (!data) return { name, top: 1, left: 1, rows: [], merges };
  const rows = data.values.map((r, i) => r.map((v, j) => cellValue(v, data.valueTypes[i]?.[j])));
  return { name, top: data.rowIndex + 1, left: data.columnIndex + 1, rows, merges };
}
