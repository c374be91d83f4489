/* The pane's state from the session's sheets (pure). */
import { KINDS, Kind } from '../ledger/columns';
import { LedgerResult, WorkbookCheck } from '../validation/check';
import { countOf } from '../validation/report';
import { NO_MERGES_NOTE } from './errors';
import type { PaneState, SheetSummary } from './service';
import type { SheetBook } from './sheets';

/** Each result's card (a result object never changes: a new check makes a new one). */
const summaries = new WeakMap<LedgerResult, SheetSummary>();

/** One ledger's card: its counts (without gathering its issues into one list first: 40,000 rows make that a task of its own). */
export function sheetSummary(l: LedgerResult): SheetSummary {
  const known = summaries.get(l);
  if (known) return known;
  const c = countOf(l.records, l.sheetIssues, true);
  const out: SheetSummary = {
    name: l.layout.sheet,
    kind: l.layout.kind,
    team: l.layout.team,
    headerRow: l.layout.headerRow,
    records: c.records,
    errors: c.error,
    warnings: c.warning,
    infos: c.info,
    pending: c.pending,
    ...(l.layout.hidden ? { hidden: true as const } : {}),
  };
  summaries.set(l, out);
  return out;
}

export function sheetSummaries(ledgers: LedgerResult[]): SheetSummary[] {
  return ledgers.map(sheetSummary);
}

/** Ledger kinds with no sheet in the workbook. */
export function missingKinds(ledgers: LedgerResult[]): Kind[] {
  const have = new Set(ledgers.map((l) => l.layout.kind));
  return KINDS.filter((k) => !have.has(k));
}

/** The next pane state: the book's ledgers once a check has completed, the previous check while none has. */
export function paneState(
  prev: PaneState,
  book: SheetBook,
  o: { phase: PaneState['phase']; error?: string; checked: boolean; date1904: boolean; marksShown: boolean; merges: boolean; busyNote: string | null; pendingMarks?: PaneState['pendingMarks'] },
): PaneState {
  const fresh = o.checked || o.phase === 'ready';
  const result = book.result();
  const ledgers = result.ledgers;
  const check: WorkbookCheck | null = fresh ? result : prev.check;
  const merges = ledgers.length && !o.merges ? NO_MERGES_NOTE : null;
  const notes = [o.busyNote, merges, ...book.sorted().map((e) => e.note)].filter((n): n is string => !!n);
  return {
    phase: o.phase,
    check,
    sheets: sheetSummaries(ledgers),
    missingKinds: fresh ? missingKinds(ledgers) : prev.missingKinds,
    date1904: o.date1904,
    marksShown: o.marksShown,
    ...(o.error ? { error: o.error } : {}),
    ...(o.pendingMarks ? { pendingMarks: o.pendingMarks } : {}),
    notes,
    version: prev.version + 1,
  };
}
