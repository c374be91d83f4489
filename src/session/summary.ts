/* PaneState pieces from checked ledgers (pure: no Office calls). */
import { KINDS, Kind } from '../ledger/columns';
import { LedgerResult, ledgerIssues } from '../validation/check';
import { countOf } from '../validation/report';
import type { SheetSummary } from './service';

export function sheetSummaries(ledgers: LedgerResult[]): SheetSummary[] {
  return ledgers.map((l) => {
    const c = countOf(l.records, ledgerIssues(l));
    return {
      name: l.layout.sheet,
      kind: l.layout.kind,
      team: l.layout.team,
      headerRow: l.layout.headerRow,
      records: c.records,
      errors: c.error,
      warnings: c.warning,
      infos: c.info,
      pending: c.pending,
    };
  });
}

/** Ledger kinds with no sheet in the workbook. */
export function missingKinds(ledgers: LedgerResult[]): Kind[] {
  const have = new Set(ledgers.map((l) => l.layout.kind));
  return KINDS.filter((k) => !have.has(k));
}
