/* What the placeholder pane lists: the ledgers found in the workbook (pure). */
import { SheetGrid } from '../ledger/cell';
import { Kind, LEDGERS } from '../ledger/columns';
import { MergeIndex, detectLedger } from '../ledger/detect';
import { readRecords } from '../ledger/records';

export interface LedgerSummary {
  sheet: string;
  kind: Kind;
  /** 行政处罚 / 行政检查 / 行政强制 */
  label: string;
  records: number;
  /** Team from the title, or null while a placeholder. */
  team: string | null;
}

export function summarizeLedgers(grids: SheetGrid[]): LedgerSummary[] {
  const out: LedgerSummary[] = [];
  for (const grid of grids) {
    const layout = detectLedger(grid);
    if (!layout) continue;
    const records = readRecords(grid, layout, new MergeIndex(grid)).length;
    out.push({ sheet: grid.name, kind: layout.kind, label: LEDGERS[layout.kind].name, records, team: layout.team });
  }
  return out;
}
