/* The cases of a ledger table, each with the text of its continuation rows joined (rows.ts decides what each row is). */
import { SheetGrid } from './cell';
import { MergeIndex } from './merge-index';
import { RowReader, TableRead, readTableRows } from './rows';
import { TABLES } from './tables';
import { LedgerLayout, RawRecord, TableLayout } from './types';

export type { RawRecord } from './types';

const COLUMNS = new WeakMap<TableLayout, (number | undefined)[]>();

/** 1-based sheet column of each declared column of the layout's kind (undefined when absent). */
export function layoutColumns(layout: TableLayout): (number | undefined)[] {
  let cols = COLUMNS.get(layout);
  if (!cols) {
    cols = TABLES[layout.kind].columns.map((c) => layout.columns[c.key]);
    COLUMNS.set(layout, cols);
  }
  return cols;
}

/**
 * One row standing alone (`TZ.CHECK_ROW`): its values when it is a case, null when it is none
 * (blank, a divider, a total, a note …). With no row above, it is never a continuation.
 */
export function readRow(layout: LedgerLayout, idx: MergeIndex, row: number, cols = layoutColumns(layout)): RawRecord | null {
  const x = new RowReader(layout, idx, cols).read(row, null);
  return x.role === 'record' ? { row, values: x.values! } : null;
}

/** Every row of the table read: the cases in sheet order, the rows with content that are none, the joined rows. */
export function readTable(grid: SheetGrid, layout: TableLayout, idx = new MergeIndex(grid)): TableRead {
  return readTableRows(new RowReader(layout, idx, layoutColumns(layout)), layout.firstDataRow, layout.lastDataRow);
}

/** Every case record of a ledger sheet, in sheet order. */
export function readRecords(grid: SheetGrid, layout: LedgerLayout, idx = new MergeIndex(grid)): RawRecord[] {
  return readTable(grid, layout, idx).records;
}
