import { CellValue } from '../ledger/cell';
import { Kind } from '../ledger/columns';
import { MergeIndex, detectLedger } from '../ledger/detect';
import { readRow } from '../ledger/records';
import type { CheckOptions, Issue, Status } from './check';
import { checkRecord } from './record';

export interface RowCheck {
  kind: Kind;
  status: Status;
  reportMonth: string | null;
  /** Issues with messages that name the column but no cell address (the row stands alone). */
  issues: Issue[];
}

/**
 * Checks one row given the header row(s) above it, for any of the three ledgers (the kind
 * comes from the headers). Null when the headers are no ledger's or the row is no record.
 */
export function checkRowValues(headerRows: CellValue[][], row: CellValue[], opts: CheckOptions): RowCheck | null {
  const rows = [...headerRows, row];
  const grid = { name: '', top: 1, left: 1, rows, merges: [] };
  const layout = detectLedger(grid);
  if (!layout || layout.firstDataRow !== rows.length) return null;
  const raw = readRow(layout, new MergeIndex(grid), rows.length);
  if (!raw) return null;
  const r = checkRecord(layout, raw, opts);
  return {
    kind: layout.kind,
    status: r.status,
    reportMonth: r.reportMonth,
    issues: r.issues.map((i) => ({ ...i, message: i.message.replace(/^[A-Z]+\d+/, '') })),
  };
}
