/* PaneState pieces from a WorkbookCheck (pure): what the interim service and the tests' fakes report. */
import { KINDS, Kind } from '../ledger/columns';
import type { SheetSummary } from '../excel/service';
import type { WorkbookCheck } from '../validation/check';

export function sheetSummaries(check: WorkbookCheck): SheetSummary[] {
  return check.ledgers.map((l) => {
    const s: SheetSummary = {
      name: l.layout.sheet,
      kind: l.layout.kind,
      team: l.layout.team,
      headerRow: l.layout.headerRow,
      records: l.records.length,
      errors: 0,
      warnings: 0,
      infos: 0,
      pending: 0,
    };
    const count = (sev: string) => {
      if (sev === 'error') s.errors++;
      else if (sev === 'warning') s.warnings++;
      else s.infos++;
    };
    for (const i of l.sheetIssues) count(i.severity);
    for (const r of l.records) {
      if (r.status === 'pending') s.pending++;
      for (const i of r.issues) count(i.severity);
    }
    return s;
  });
}

export function missingKinds(check: WorkbookCheck): Kind[] {
  const have = new Set(check.ledgers.map((l) => l.layout.kind));
  return KINDS.filter((k) => !have.has(k));
}
