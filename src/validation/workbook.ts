/*
 * The one way to check a workbook, whole or incrementally: each sheet's rows are checked on
 * their own and kept; then duplicate document numbers are found across the rows of a sheet and
 * the earlier sheets of the same ledger kind (in workbook order). The CLI adds every sheet
 * once; the task pane's session patches edited rows into a sheet's grid and re-checks just
 * those. An edit on one sheet can change another sheet's duplicates: `ledger(id)` then gives
 * that sheet a new result object; a sheet whose records did not change keeps its object.
 * The 执法人员名单 sheets (and a roster given from outside) are checked against likewise: a
 * roster edit gives every ledger whose findings change a new result (roster-book.ts).
 */
import { SheetGrid } from '../ledger/cell';
import { LedgerLayout, MergeIndex, detectLedger } from '../ledger/detect';
import { RawRecord, layoutColumns } from '../ledger/records';
import { RosterEntry, readRoster } from '../ledger/roster';
import { RowRead, RowReader, UnreadRow, joinContinuation } from '../ledger/rows';
import type { CheckOptions, LedgerResult, WorkbookCheck } from './check';
import { DOC_NO_KEY, FirstUse, KeyRows, SheetKeys, applyDuplicates, duplicatesOf, sameDuplicates } from './duplicates';
import { CheckMemo, CheckedRecord, checkRecord } from './record';
import { withRosterIssues } from './roster';
import { NO_FINDINGS, RosterBook, RosterFindings, sameFindings } from './roster-book';
import { sheetIssues } from './sheet-issues';

export { sheetIssues } from './sheet-issues';

interface SheetState {
  id: string;
  position: number;
  /** Order of first arrival, for sheets at the same position. */
  serial: number;
  grid: SheetGrid;
  layout: LedgerLayout | null;
  /** Row → its own result, before duplicates. */
  own: Map<number, CheckedRecord>;
  /** Continuation row → the row of the record it was joined to. */
  joined: Map<number, number>;
  /** Rows with content read as no case (`rows-not-read`). */
  unread: Map<number, UnreadRow>;
  /** Document number keys of `own`. */
  keys: KeyRows;
  /** The duplicates the last result was built with. */
  dups: Map<number, FirstUse>;
  /** The roster findings the last result was built with, and the roster they came from. */
  found: RosterFindings;
  rosterUsed: unknown;
  /** With duplicates; kept until its records change. */
  result: LedgerResult | null;
  /** `own` changed since `result` was built. */
  changed: boolean;
  /** An earlier sheet of its kind changed: duplicates to be found again. */
  stale: boolean;
}

const STRUCTURE_KEYS: (keyof LedgerLayout)[] = [
  'sheet', 'kind', 'title', 'titleRow', 'team', 'headerRow', 'headerRows', 'columns', 'headers', 'firstDataRow', 'lastDataRow', 'repeatedHeaderRows', 'otherTable', 'tableLeft', 'tableRight', 'extras', 'missing', 'hidden',
];

function structureKey(l: LedgerLayout): string {
  return JSON.stringify(STRUCTURE_KEYS.map((k) => l[k]));
}

const NO_DUPS: Map<number, FirstUse> = new Map();
/** Rows checked between two steps of setSheetSteps (≈ 1 ms of work). */
const STEP_ROWS = 200;

/** What a checker is given besides the workbook: the county's roster in the roll-up. */
export interface CheckerExtras {
  roster?: readonly RosterEntry[];
}

export class WorkbookChecker {
  private readonly sheets = new Map<string, SheetState>();
  private memo: CheckMemo;
  private serial = 0;
  private readonly rosters: RosterBook;

  constructor(opts: CheckOptions, extras: CheckerExtras = {}) {
    this.memo = new CheckMemo(opts);
    this.rosters = new RosterBook(extras.roster);
  }

  get options(): CheckOptions {
    return this.memo.opts;
  }

  /** New options (another day, the 1904 date system) re-check every sheet. */
  setOptions(opts: CheckOptions): void {
    if (opts.today === this.memo.opts.today && !!opts.date1904 === !!this.memo.opts.date1904) return;
    this.memo = new CheckMemo(opts);
    for (const s of this.sheets.values()) {
      this.checkAll(s, s.layout ? detectLedger(s.grid) : null);
      if (this.rosters.has(s.id)) this.rosters.set(s.id, readRoster(s.grid, opts.date1904));
    }
  }

  /** Adds or replaces a sheet: finds its ledger and checks every row. Returns the ledger's layout, or null. */
  setSheet(id: string, grid: SheetGrid, position = this.sheets.get(id)?.position ?? this.sheets.size): LedgerLayout | null {
    const steps = this.setSheetSteps(id, grid, position);
    for (let r = steps.next(); ; r = steps.next()) if (r.done) return r.value;
  }

  /**
   * setSheet in steps, for a caller that must not block (the task pane's thread): yields the
   * rows checked so far every STEP_ROWS rows; returns the layout. Until it returns, the sheet's
   * results are incomplete: read nothing of this checker in between.
   */
  *setSheetSteps(id: string, grid: SheetGrid, position = this.sheets.get(id)?.position ?? this.sheets.size): Generator<number, LedgerLayout | null> {
    const serial = this.sheets.get(id)?.serial ?? this.serial++;
    const s: SheetState = { id, position, serial, grid, layout: null, own: new Map(), joined: new Map(), unread: new Map(), keys: new KeyRows(), dups: NO_DUPS, found: NO_FINDINGS, rosterUsed: null, result: null, changed: true, stale: true };
    this.sheets.set(id, s);
    yield* this.checkSteps(s, detectLedger(grid));
    this.rosters.set(id, s.layout ? null : readRoster(grid, this.memo.opts.date1904));
    // A result read between the steps is partial: build it again.
    s.result = null;
    s.changed = true;
    this.staleAll();
    return s.layout;
  }

  /**
   * The sheet's grid was changed in place at `rows`: re-checks those rows and the rows that share
   * a merged area with them. Returns the rows re-checked, or undefined when the ledger's
   * structure changed (or it stopped or started being a ledger) and the sheet was checked in full.
   */
  updateRows(id: string, rows: Iterable<number>): Set<number> | undefined {
    const s = this.sheets.get(id);
    if (!s) return undefined;
    const before = s.layout;
    const layout = detectLedger(s.grid);
    if (!before || !layout || structureKey(layout) !== structureKey(before)) {
      this.checkAll(s, layout);
      // A roster (or a sheet that may have become one) is read again whole: it is small.
      this.rosters.set(id, layout ? null : readRoster(s.grid, this.memo.opts.date1904));
      this.staleAll();
      return undefined;
    }
    const edited = [...new Set(rows)];
    const affected = new Set(edited);
    for (const m of s.grid.merges) {
      if (edited.some((r) => r >= m.top && r <= m.bottom)) for (let r = m.top; r <= m.bottom; r++) affected.add(r);
    }
    const touched = new Set<string>();
    const reader = new RowReader(before, new MergeIndex(s.grid), layoutColumns(before));
    const done = new Set<number>();
    const changed = new Set<number>();
    for (const r of [...affected].sort((x, y) => x - y)) if (!done.has(r)) this.rereadFrom(s, reader, r, affected, done, changed, touched);
    s.changed = true;
    // Later sheets of the kind that use one of the numbers touched.
    if (touched.size) {
      for (const o of this.sheets.values()) {
        if (o === s || !o.layout || o.layout.kind !== before.kind || !this.before(s, o)) continue;
        for (const k of touched) {
          if (o.keys.has(k)) {
            o.stale = true;
            break;
          }
        }
      }
    }
    return changed;
  }

  /**
   * Reads again the rows from the record the row above `row` belongs to, through the edited rows
   * that follow `row` and any row that is, or was, a continuation after them: an edit can make a
   * row a continuation of the record above, or end one.
   */
  private rereadFrom(s: SheetState, reader: RowReader, row: number, affected: Set<number>, done: Set<number>, changed: Set<number>, touched: Set<string>): void {
    const layout = s.layout!;
    const cols = reader.cols;
    const above = row - 1;
    const start = s.own.has(above) ? above : s.joined.get(above) ?? row;
    // The record above the edit, read again to see whether the edit continues it; kept as it is (the same result object) when it does not.
    const keep = start < row && !affected.has(start) ? s.own.get(start) : undefined;
    const chain: number[] = [];
    for (let c = start + 1; s.joined.get(c) === start; c++) chain.push(c);
    const drop = (r: number) => {
      const old = s.own.get(r);
      if (!old) return;
      const k = old.docKey();
      if (k !== null) touched.add(k);
      s.keys.remove(old);
      s.own.delete(r);
    };
    let open: RawRecord | null = null;
    const finish = () => {
      if (!open) return;
      const o: RawRecord = open;
      open = null;
      if (keep && o.row === start && (o.joined ?? []).join() === chain.join()) return;
      drop(o.row);
      if (o.row === start) changed.add(start);
      const rec = checkRecord(layout, o, this.memo, cols);
      s.own.set(rec.row, rec);
      s.keys.add(rec);
      const k = rec.docKey();
      if (k !== null) touched.add(k);
    };
    for (let r = start; ; r++) {
      const wasJoined = s.joined.has(r);
      const inTable = r >= layout.firstDataRow && r <= layout.lastDataRow;
      const x: RowRead | null = inTable ? reader.read(r, open) : null;
      if (r > row && !affected.has(r) && !wasJoined && x?.role !== 'continuation') break;
      done.add(r);
      // Rows whose record may read differently now: the edited ones, continuation rows and the records they join (or joined).
      if (affected.has(r)) changed.add(r);
      if (wasJoined) changed.add(r).add(s.joined.get(r)!);
      if (x?.role === 'continuation') changed.add(r).add(open!.row);
      if (!(keep && r === start)) drop(r);
      s.joined.delete(r);
      s.unread.delete(r);
      if (x?.role === 'continuation') {
        joinContinuation(open!, r, x.values!);
        s.joined.set(r, open!.row);
        continue;
      }
      finish();
      if (x?.role === 'record') open = { row: r, values: x.values! };
      else if (x?.role === 'unread') s.unread.set(r, x.unread!);
    }
    finish();
  }

  setPosition(id: string, position: number): void {
    const s = this.sheets.get(id);
    if (s && s.position !== position) {
      s.position = position;
      this.staleAll();
    }
  }

  removeSheet(id: string): boolean {
    const had = this.sheets.delete(id);
    this.rosters.set(id, null);
    if (had) this.staleAll();
    return had;
  }

  /** The sheet is a 执法人员名单 (kept and read whole like a ledger). */
  isRoster(id: string): boolean {
    return this.rosters.has(id);
  }

  has(id: string): boolean {
    return this.sheets.has(id);
  }

  grid(id: string): SheetGrid | null {
    return this.sheets.get(id)?.grid ?? null;
  }

  layout(id: string): LedgerLayout | null {
    return this.sheets.get(id)?.layout ?? null;
  }

  /** One sheet's ledger with duplicate document numbers and the roster's findings marked, or null when it is no ledger. */
  ledger(id: string): LedgerResult | null {
    const s = this.sheets.get(id);
    if (!s || !s.layout) return null;
    const roster = this.rosters.current();
    if (s.result && !s.changed && !s.stale && s.rosterUsed === roster) return s.result;
    const dups = this.duplicates(s);
    s.stale = false;
    const found = this.rosters.findings(s.layout, s.own.values(), roster);
    s.rosterUsed = roster;
    if (s.result && !s.changed && sameDuplicates(dups, s.dups) && sameFindings(found, s.found)) return s.result;
    const own = [...s.own.values()].sort((a, b) => a.row - b.row).map((r) => withRosterIssues(r, found.get(r.row) ?? []));
    s.dups = dups;
    s.found = found;
    s.changed = false;
    s.result = { layout: s.layout, records: applyDuplicates(s.layout, own, dups), sheetIssues: sheetIssues(s.layout, [...s.unread.values()].sort((a, b) => a.row - b.row)) };
    return s.result;
  }

  /** Every ledger in sheet order, and the rosters. */
  result(): WorkbookCheck {
    const ledgers: LedgerResult[] = [];
    const ordered = this.ordered();
    for (const s of ordered) {
      const l = this.ledger(s.id);
      if (l) ledgers.push(l);
    }
    const rosters = this.rosters.resultsOf(ordered.map((s) => s.id), this.memo.opts.today);
    return rosters.length ? { today: this.memo.opts.today, ledgers, rosters } : { today: this.memo.opts.today, ledgers };
  }

  private ordered(): SheetState[] {
    return [...this.sheets.values()].sort((a, b) => a.position - b.position || a.serial - b.serial);
  }

  /** `a` comes before `b` in the workbook. */
  private before(a: SheetState, b: SheetState): boolean {
    return a.position < b.position || (a.position === b.position && a.serial < b.serial);
  }

  private duplicates(s: SheetState): Map<number, FirstUse> {
    const kind = s.layout!.kind;
    const earlier = this.ordered()
      .filter((o) => o !== s && o.layout && o.layout.kind === kind && this.before(o, s))
      .map((o) => this.sheetKeys(o));
    return duplicatesOf(this.sheetKeys(s), earlier);
  }

  private sheetKeys(s: SheetState): SheetKeys {
    const key = DOC_NO_KEY[s.layout!.kind];
    return { name: s.layout!.sheet, keys: s.keys, text: (row) => s.own.get(row)?.fieldText(key) ?? '' };
  }

  private staleAll(): void {
    for (const s of this.sheets.values()) s.stale = true;
  }

  private checkAll(s: SheetState, layout: LedgerLayout | null): void {
    const steps = this.checkSteps(s, layout);
    while (!steps.next().done);
  }

  private *checkSteps(s: SheetState, layout: LedgerLayout | null): Generator<number, void> {
    s.layout = layout;
    s.own = new Map();
    s.joined = new Map();
    s.unread = new Map();
    s.keys = new KeyRows();
    s.result = null;
    s.changed = true;
    if (!layout) return;
    const reader = new RowReader(layout, new MergeIndex(s.grid), layoutColumns(layout));
    let open: RawRecord | null = null;
    const finish = () => {
      if (!open) return;
      const rec = checkRecord(layout, open, this.memo, reader.cols);
      s.own.set(rec.row, rec);
      s.keys.add(rec);
      open = null;
    };
    // Row by row, so that a step never reads the whole sheet first; a record is checked once its continuation rows are joined.
    for (let r = layout.firstDataRow, n = 1; r <= layout.lastDataRow; r++, n++) {
      const x = reader.read(r, open);
      if (x.role === 'continuation') {
        joinContinuation(open!, r, x.values!);
        s.joined.set(r, open!.row);
      } else {
        finish();
        if (x.role === 'record') open = { row: r, values: x.values! };
        else if (x.role === 'unread') s.unread.set(r, x.unread!);
      }
      if (n % STEP_ROWS === 0) yield n;
    }
    finish();
  }
}

/** Finds and checks every ledger in a workbook (against its rosters, and the one given). */
export function checkWorkbook(grids: SheetGrid[], opts: CheckOptions, extras: CheckerExtras = {}): WorkbookCheck {
  const checker = new WorkbookChecker(opts, extras);
  grids.forEach((g, i) => checker.setSheet(String(i), g, i));
  return checker.result();
}
