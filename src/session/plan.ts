/*
 * What to write after a check: for every sheet whose result changed (by reference: also a
 * change caused by another sheet), the add-in's marks and its own 报送月份 cells. Pure.
 */
import { CellRange, columnLetter } from '../ledger/cell';
import type { MarksFound, SheetWrite, WriteResult } from './driver';
import { PROTECTED, sheetNote } from './errors';
import { MarkPlan, NO_MARKS, cellsKey, planKey, planMarks, planMarksSteps } from './marks';
import { currentText, existingReportColumn, mergeReason, reportMonthSteps, reportMonthValues, textRuns } from './report-month';
import { Entry, SheetBook, setCell } from './sheets';
import type { LedgerResult } from '../validation/check';
import type { LedgerLayout } from '../ledger/detect';

export interface PlanInput {
  /** Marks are shown (and the host can show them). */
  marksWanted: boolean;
  /** What this operation's read found of the add-in's marks, per sheet. */
  found: Map<string, MarksFound>;
  /** 报送月份 columns the add-in filled: sheet name → column letter. */
  owned: Record<string, string>;
  /** Sheets to plan for; others only when their result object changed. */
  sheets?: Set<string>;
  /** Rows whose 报送月份 to refresh per sheet (a sheet absent or undefined: every row). */
  rows?: Map<string, Set<number> | undefined>;
  /** Only these sheets may be written (the others keep what they show, their writes stay pending). */
  only?: Set<string>;
}

export interface WritePlanOut {
  writes: SheetWrite[];
  /** Ranges about to be written (change events for them are the add-in's own). */
  own: { id: string; range: CellRange }[];
  /** Changed sheets whose marks were not read in this operation: they need their own marks update. */
  followUp: string[];
  /**
   * Applies what the writes did. `stopped`: a paced write stopped early (steps.ts) — these
   * sheets were not written at all, or (`partly`) only in part; both stay pending.
   */
  commit(result: WriteResult, stopped?: { untouched: Set<string>; partly: Set<string> }): void;
}

/** Each result's mark plan (a result object never changes: a new check makes a new one). */
const plans = new WeakMap<LedgerResult, MarkPlan>();

export function marksPlanFor(book: SheetBook, e: Entry, wanted: boolean): MarkPlan {
  const result = book.ledger(e.id);
  if (!wanted || !result) return NO_MARKS;
  let plan = plans.get(result);
  if (!plan) plans.set(result, (plan = planMarks(result.records, book.grid(e.id))));
  return plan;
}

/** The mark plans marksPlanFor will need, made in steps (Pacer.plans runs them with pauses). */
export function* planAllSteps(book: SheetBook): Generator<void, void> {
  for (const e of book.sorted()) {
    const result = book.ledger(e.id);
    if (!result || plans.has(result)) continue;
    plans.set(result, yield* planMarksSteps(result.records, book.grid(e.id)));
  }
}

/** The 报送月份 column the add-in filled on this sheet (its header is still there), or null. */
export function ownedReportColumn(book: SheetBook, e: Entry, owned: Record<string, string>): number | null {
  const layout = book.layout(e.id);
  const col = layout ? existingReportColumn(layout) : null;
  return col !== null && owned[e.name] === columnLetter(col) ? col : null;
}

/** Each result's 报送月份 text of every data row (made once: a publish compares them all). */
const months = new WeakMap<LedgerResult, { layout: LedgerLayout; values: Map<number, string> }>();

/** The 报送月份 texts ownedChanges will need for the sheets `wanted`, made in steps (before a plan or a publish reads them all). */
export function* monthValueSteps(book: SheetBook, wanted: (e: Entry) => boolean): Generator<number, void> {
  for (const e of book.sorted()) {
    const result = book.ledger(e.id);
    const layout = book.layout(e.id);
    if (!result || !layout || months.get(result)?.layout === layout || !wanted(e)) continue;
    months.set(result, { layout, values: yield* reportMonthSteps(layout, result.records) });
  }
}

function allMonthValues(layout: LedgerLayout, result: LedgerResult): Map<number, string> {
  const made = months.get(result);
  if (made?.layout === layout) return made.values;
  const values = reportMonthValues(layout, result.records);
  months.set(result, { layout, values });
  return values;
}

/** The add-in's 报送月份 cells on a sheet whose text no longer matches the results (row → text). */
export function ownedChanges(book: SheetBook, e: Entry, owned: Record<string, string>, rows?: Set<number>): Map<number, string> {
  const col = ownedReportColumn(book, e, owned);
  const layout = book.layout(e.id);
  const grid = book.grid(e.id);
  const result = book.ledger(e.id);
  if (col === null || !layout || !grid || !result) return new Map();
  const values = rows ? reportMonthValues(layout, result.records, rows) : allMonthValues(layout, result);
  const out = new Map<number, string>();
  for (const [r, t] of values) if (currentText(grid, r, col) !== t) out.set(r, t);
  return out;
}

export function planWrites(book: SheetBook, input: PlanInput): WritePlanOut {
  const writes: SheetWrite[] = [];
  const own: { id: string; range: CellRange }[] = [];
  const followUp: string[] = [];
  const after = new Map<string, { marks?: () => void; cells?: () => void }>();
  for (const e of book.sorted()) {
    const result = book.ledger(e.id);
    if (input.only && !input.only.has(e.id)) continue;
    if (!input.sheets?.has(e.id) && !input.found.has(e.id) && e.planned === result) continue;
    const w: SheetWrite = { id: e.id };
    const done: { marks?: () => void; cells?: () => void } = {};
    /** Why this sheet's 报送月份 cells are not written (kept when its marks are). */
    let cellsNote: string | null = null;

    // Marks.
    const plan = marksPlanFor(book, e, input.marksWanted);
    const key = planKey(plan);
    const count = plan.error.length + plan.warning.length;
    const found = input.found.get(e.id);
    let resolved = true;
    if (e.protected) {
      const stale = (found && 'count' in found && found.count > 0 && e.marks?.key !== key) || (count > 0 && e.marks?.key !== key);
      e.note = stale ? sheetNote(e.name, PROTECTED) : null;
    } else if (found && 'failed' in found) {
      e.note = sheetNote(e.name, found.failed);
    } else if (found) {
      // What is on the sheet now, read back (an undo of the add-in's last write changes it without an event).
      const present = found.cells ? cellsKey(found.cells) : found.count ? null : planKey(NO_MARKS);
      if (present !== key) {
        w.marks = plan;
        done.marks = () => {
          e.marks = { key, count };
          e.note = cellsNote;
        };
      } else {
        e.marks = { key, count: found.count };
        e.note = null;
      }
    } else if (!e.marks || e.marks.key !== key) {
      followUp.push(e.id);
      resolved = false;
    }
    if (resolved) e.planned = result;

    // The add-in's 报送月份 cells whose text changed.
    const col = ownedReportColumn(book, e, input.owned);
    const layout = book.layout(e.id);
    const grid = book.grid(e.id);
    if (col !== null && layout && grid && result) {
      const changed = ownedChanges(book, e, input.owned, input.rows?.get(e.id));
      const merged = changed.size ? mergeReason(e.name, col, layout, grid.merges) : null;
      if (changed.size && e.protected) e.note = cellsNote = sheetNote(e.name, PROTECTED, 'cells');
      else if (merged) e.note = cellsNote = merged;
      else if (changed.size) {
        w.text = { col, runs: textRuns(changed) };
        for (const run of w.text.runs) own.push({ id: e.id, range: { top: run.top, left: col, bottom: run.top + run.values.length - 1, right: col } });
        done.cells = () => {
          for (const [r, t] of changed) setCell(grid, r, col, t === '' ? null : t);
        };
      }
    }
    if (w.marks || w.text) {
      writes.push(w);
      after.set(e.id, done);
    }
  }
  return {
    writes,
    own,
    followUp,
    commit(result: WriteResult, stopped) {
      for (const [id, done] of after) {
        const e = book.entry(id);
        const failed = result.failed.filter((f) => f.id === id);
        if (e && !failed.length && (stopped?.untouched.has(id) || stopped?.partly.has(id))) {
          // Left for 更新标记 (or the next write): what the sheet shows is read again then.
          e.planned = undefined;
          e.local = true;
          if (stopped.untouched.has(id)) continue;
          e.marks = null;
          done.cells?.(); // written with the sheet's first step
          continue;
        }
        const marksFailed = failed.find((f) => f.what === 'marks');
        if (marksFailed && e) {
          e.marks = null; // whatever is there now is unknown
          e.note = sheetNote(e.name, marksFailed.error);
        } else done.marks?.();
        if (!failed.some((f) => f.what === 'cells')) done.cells?.();
        else if (e) e.note = sheetNote(e.name, failed.find((f) => f.what === 'cells')!.error, 'cells');
      }
    },
  };
}
