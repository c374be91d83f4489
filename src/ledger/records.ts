import { CellValue, SheetGrid, isBlank } from './cell';
import { Kind, LEDGERS } from './columns';
import { LedgerLayout, MergeIndex } from './detect';
import { isNotApplicable } from './na';

/** One data row of a ledger before parsing: `values[i]` belongs to `LEDGERS[kind].columns[i]`. */
export interface RawRecord {
  row: number;
  values: CellValue[];
}

const COLUMNS = new WeakMap<LedgerLayout, (number | undefined)[]>();

/** 1-based sheet column of each declared column of the layout's kind (undefined when absent). */
export function layoutColumns(layout: LedgerLayout): (number | undefined)[] {
  let cols = COLUMNS.get(layout);
  if (!cols) {
    cols = LEDGERS[layout.kind].columns.map((c) => layout.columns[c.key]);
    COLUMNS.set(layout, cols);
  }
  return cols;
}

const IDENTIFYING: Record<Kind, boolean[]> = {
  penalty: LEDGERS.penalty.columns.map((c) => c.identifying),
  inspection: LEDGERS.inspection.columns.map((c) => c.identifying),
  coercion: LEDGERS.coercion.columns.map((c) => c.identifying),
};

/** Reads one data row; null when the row is not a case record (spec §1.4). */
export function readRow(layout: LedgerLayout, idx: MergeIndex, row: number, cols = layoutColumns(layout)): RawRecord | null {
  const identifying = IDENTIFYING[layout.kind];
  const values: CellValue[] = new Array(identifying.length);
  const merged = idx.rowHasMerge(row);
  const cells = idx.rowValues(row);
  const left = idx.left;
  let identified = false;
  for (let i = 0; i < identifying.length; i++) {
    const col = cols[i];
    if (col === undefined) {
      values[i] = null;
      continue;
    }
    const m = merged ? idx.merge(row, col) : undefined;
    let value: CellValue;
    let fromMerge = false;
    if (m && (m.top !== row || m.left !== col)) {
      // Vertical merges spread their value down; the rest of a horizontal merge is empty.
      fromMerge = m.left === col && m.top < row;
      value = fromMerge ? idx.raw(m.top, m.left) : null;
    } else {
      value = cells ? cells[col - left] ?? null : null;
    }
    values[i] = value;
    // An error value is content too; a not-applicable mark (`/`) is not.
    if (!identified && identifying[i] && !fromMerge && !isBlank(value) && !isNotApplicable(value)) identified = true;
  }
  return identified ? { row, values } : null;
}

/** Every case record of a ledger sheet, in sheet order. */
export function readRecords(grid: SheetGrid, layout: LedgerLayout, idx = new MergeIndex(grid)): RawRecord[] {
  const out: RawRecord[] = [];
  const cols = layoutColumns(layout);
  for (let r = layout.firstDataRow; r <= layout.lastDataRow; r++) {
    const rec = readRow(layout, idx, r, cols);
    if (rec) out.push(rec);
  }
  return out;
}
