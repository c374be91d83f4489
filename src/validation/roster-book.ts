/*
 * The workbook checker's rosters (issue 21): every sheet that is a 执法人员名单, plus a roster
 * given from outside (the county's, in the roll-up); the index the ledgers are checked against,
 * rebuilt when a roster changes; each record's findings, remembered per record and index, so
 * that an edit re-checks only its own rows and a roster edit every record once.
 */
import { IsoDate } from '../ledger/dates';
import { LedgerLayout } from '../ledger/detect';
import { RosterEntry, RosterRead } from '../ledger/roster';
import type { Issue, RosterResult } from './check';
import { CheckedRecord } from './record';
import { RosterIndex, rosterIssues, rosterResult } from './roster';

export type RosterFindings = ReadonlyMap<number, readonly Issue[]>;
export const NO_FINDINGS: RosterFindings = new Map();
const NONE: readonly Issue[] = Object.freeze([]);

export class RosterBook {
  private readonly sheets = new Map<string, RosterRead>();
  /** undefined: to be built; null: no roster lists anyone (nothing is checked). */
  private index: RosterIndex | null | undefined = undefined;
  private readonly found = new WeakMap<CheckedRecord, { index: RosterIndex; issues: readonly Issue[] }>();
  private readonly results = new WeakMap<RosterRead, { today: IsoDate; result: RosterResult }>();

  constructor(private readonly external: readonly RosterEntry[] = []) {}

  /** A sheet read again: its roster, or null when it is none. */
  set(id: string, read: RosterRead | null): void {
    const had = this.sheets.has(id);
    if (read) this.sheets.set(id, read);
    else this.sheets.delete(id);
    if (read || had) this.index = undefined;
  }

  has(id: string): boolean {
    return this.sheets.has(id);
  }

  /** The roster the ledgers are checked against, or null when none lists anyone. */
  current(): RosterIndex | null {
    if (this.index === undefined) {
      const entries = [...this.external, ...[...this.sheets.values()].flatMap((r) => r.entries)];
      this.index = entries.length ? new RosterIndex(entries) : null;
    }
    return this.index;
  }

  /** Row → the roster's findings, for the records that have any. */
  findings(layout: LedgerLayout, records: Iterable<CheckedRecord>, index: RosterIndex | null): RosterFindings {
    if (!index) return NO_FINDINGS;
    const out = new Map<number, readonly Issue[]>();
    for (const r of records) {
      let f = this.found.get(r);
      if (!f || f.index !== index) {
        const issues = rosterIssues(layout, r, index);
        this.found.set(r, (f = { index, issues: issues.length ? issues : NONE }));
      }
      if (f.issues.length) out.set(r.row, f.issues);
    }
    return out;
  }

  /** The roster sheets' results in the order of `ids` (a sheet order), as of `today`. */
  resultsOf(ids: readonly string[], today: IsoDate): RosterResult[] {
    const out: RosterResult[] = [];
    for (const id of ids) {
      const read = this.sheets.get(id);
      if (!read) continue;
      let c = this.results.get(read);
      if (!c || c.today !== today) this.results.set(read, (c = { today, result: rosterResult(read, today) }));
      out.push(c.result);
    }
    return out;
  }
}

export function sameFindings(a: RosterFindings, b: RosterFindings): boolean {
  if (a === b) return true;
  if (a.size !== b.size) return false;
  for (const [row, x] of a) {
    const y = b.get(row);
    if (!y || y.length !== x.length) return false;
    if (y !== x && x.some((i, k) => i.message !== y[k].message || i.rule !== y[k].rule)) return false;
  }
  return true;
}
