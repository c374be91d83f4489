import { CellValue, SheetGrid, isBlank, isCellError } from './cell';
import { LEDGERS } from './columns';
import { LedgerLayout, MergeIndex } from './detect';

export interface RawCell {
  value: CellValue;
  col: number;
  /** The value comes from a vertically merged cell above. */
  fromMerge: boolean;
}

/** One data row of a ledger, fields by key, before parsing. */
export interface RawRecord {
  row: number;
  cells: Record<string, RawCell>;
}

function hasContent(v: CellValue): boolean {
  return isCellError(v) || !isBlank(v);
}

/** Reads one data row; null when the row is not a case record (spec §1.4). */
export function readRow(layout: LedgerLayout, idx: MergeIndex, row: number): RawRecord | null {
  const def = LEDGERS[layout.kind];
  const cells: Record<string, RawCell> = {};
  let identified = false;
  for (const c of def.columns) {
    const col = layout.columns[c.key];
    if (col === undefined) continue;
    const m = idx.merge(row, col);
    let value: CellValue;
    let fromMerge = false;
    if (m && (m.top !== row || m.left !== col)) {
      // Vertical merges spread their value down; the rest of a horizontal merge is empty.
      fromMerge = m.left === col && m.top < row;
      value = fromMerge ? idx.raw(m.top, m.left) : null;
    } else {
      value = idx.raw(row, col);
    }
    cells[c.key] = { value, col, fromMerge };
    if (c.identifying && !fromMerge && hasContent(value)) identified = true;
  }
  return identified ? { row, cells } : null;
}

/** Every case record of a ledger sheet, in sheet order. */
export function readRecords(grid: SheetGrid, layout: LedgerLayout, idx = new MergeIndex(grid)): RawRecord[] {
  const out: RawRecord[] = [];
  for (let r = layout.firstDataRow; r <= layout.lastDataRow; r++) {
    const rec = readRow(layout, idx, r);
    if (rec) out.push(rec);
  }
  return out;
}
