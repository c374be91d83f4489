/*
 * Live checking, host-neutral: the changes reported since the last re-check, per sheet, and
 * what to read for them. Edits re-read just their rows (plus the rows of merged areas they
 * touch); anything that moves positions, a sheet shown, a new sheet, or an edit too large or
 * outside the known table re-reads the sheet. Pure.
 */
import type { CellRange, CellValue, SheetGrid } from '../ledger/cell';
import { gridBottom, gridRight, gridValue, isBlank, isCellError } from '../ledger/cell';
import type { FullRequest, HostChange, RowsRequest } from './driver';
import { runsOf } from './report-month';
import type { SheetBook } from './sheets';

interface Pending {
  ranges: CellRange[];
  /** Edits the host may have reported for cells inserted or deleted with a shift (WPS). */
  shiftable: CellRange[];
  full: boolean;
  activated: boolean;
  added: boolean;
  deleted: boolean;
  /** Some change was the clerk's own, not only a co-author's. */
  local: boolean;
}

/** Rows at the top of a non-ledger sheet's content where typing may create a ledger header. */
export const HEADER_ZONE = 40;

export class PendingChanges {
  private pending = new Map<string, Pending>();

  get size(): number {
    return this.pending.size;
  }

  add(c: HostChange): void {
    const p = this.of(c.sheetId);
    if (!c.remote) p.local = true;
    if (c.kind === 'edit') {
      if (c.range) p.ranges.push(c.range);
      else p.full = true;
      if (c.range && c.mayShift) p.shiftable.push(c.range);
    } else if (c.kind === 'structure') p.full = true;
    else p[c.kind] = true;
  }

  /** Takes everything pending (the next changes start a new batch). */
  take(): Map<string, Pending> {
    const b = this.pending;
    this.pending = new Map();
    return b;
  }

  /** Puts a batch back (it could not be read, e.g. while Excel was in cell-edit mode). */
  restore(batch: Map<string, Pending>): void {
    for (const [id, b] of batch) {
      const p = this.of(id);
      p.ranges.push(...b.ranges);
      p.shiftable.push(...b.shiftable);
      p.local ||= b.local;
      p.full ||= b.full;
      p.activated ||= b.activated;
      p.added ||= b.added;
      p.deleted ||= b.deleted;
    }
  }

  /** Forgets a sheet's changes (e.g. the self-test's temporary sheet). */
  drop(id: string): void {
    this.pending.delete(id);
  }

  clear(): void {
    this.pending.clear();
  }

  private of(id: string): Pending {
    let p = this.pending.get(id);
    if (!p) this.pending.set(id, (p = { ranges: [], shiftable: [], full: false, activated: false, added: false, deleted: false, local: false }));
    return p;
  }
}

export interface LiveRead {
  full: FullRequest[];
  rows: RowsRequest[];
  /** Sheets that were deleted. */
  deleted: string[];
  /** A sheet the clerk switched to (the sheet left behind is then done with, for now). */
  activated: string | null;
  /** Sheets with changes of the clerk's own (not only a co-author's). */
  local: Set<string>;
}

/** What to read for a batch of changes. */
export function planLiveRead(batch: Map<string, Pending>, book: SheetBook, liveRowLimit: number): LiveRead {
  const out: LiveRead = { full: [], rows: [], deleted: [], activated: null, local: new Set() };
  for (const [id, p] of batch) {
    if (p.local) out.local.add(id);
    if (p.activated && p.local) out.activated = id;
    if (p.deleted) {
      out.deleted.push(id);
      continue;
    }
    const e = book.entry(id);
    if (!e || p.full || p.activated || p.added) {
      out.full.push(book.fullRequest(id));
      continue;
    }
    if (!p.ranges.length) continue;
    const top = Math.min(...p.ranges.map((r) => r.top));
    const grid = book.grid(id);
    const layout = book.layout(id);
    // A roster is small and every ledger is checked against it: read it again whole.
    if (book.isRoster(id)) {
      out.full.push(book.fullRequest(id));
      continue;
    }
    if (!grid || !layout) {
      // Not a ledger: typing a header near the top of its content may make it one.
      if (book.nearTop(id, top, HEADER_ZONE)) out.full.push(book.fullRequest(id));
      continue;
    }
    const rows = new Set<number>();
    for (const r of p.ranges) {
      // A merged area touched is read whole (its value sits in its top-left cell).
      const merges = book.mergesTouching(id, r.top, r.bottom);
      const lo = Math.min(r.top, ...merges.map((m) => m.top));
      const hi = Math.max(r.bottom, ...merges.map((m) => m.bottom));
      for (let i = lo; i <= hi && rows.size <= liveRowLimit; i++) rows.add(i);
    }
    const left = Math.min(...p.ranges.map((r) => r.left));
    if (rows.size > liveRowLimit || top < grid.top || left < grid.left) {
      out.full.push(book.fullRequest(id));
      continue;
    }
    const right = Math.max(gridRight(grid), Math.min(Math.max(...p.ranges.map((r) => r.right)), layout.tableRight + 30));
    out.rows.push({ id, runs: runsOf(rows), left: grid.left, right, verify: verifyBelow(grid, p.shiftable) });
  }
  return out;
}

/**
 * For edits a host may have reported instead of cells inserted or deleted with a shift: the
 * cells below them, in their columns, down to where the sheet's content may have been pushed.
 * If these no longer hold what the grid holds, the sheet is read again (shiftedBelow).
 */
function verifyBelow(grid: SheetGrid, ranges: CellRange[]): CellRange | undefined {
  if (!ranges.length) return undefined;
  const top = Math.max(...ranges.map((r) => r.bottom)) + 1;
  const span = Math.max(...ranges.map((r) => r.bottom - r.top + 1));
  const bottom = gridBottom(grid) + span;
  const left = Math.min(...ranges.map((r) => r.left));
  const right = Math.max(...ranges.map((r) => r.right));
  return top <= bottom ? { top, left, bottom, right } : undefined;
}

function same(a: CellValue, b: CellValue): boolean {
  if (isBlank(a) || isBlank(b)) return isBlank(a) && isBlank(b);
  if (isCellError(a) || isCellError(b)) return isCellError(a) && isCellError(b) && a.error === b.error;
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  return a === b;
}

/** Whether the cells read below an edit differ from the grid: cells were shifted, positions moved. */
export function shiftedBelow(grid: SheetGrid | null, verify: CellRange | undefined, values: CellValue[][] | undefined): boolean {
  if (!grid || !verify || !values) return false;
  for (let r = verify.top; r <= verify.bottom; r++) {
    for (let c = verify.left; c <= verify.right; c++) if (!same(gridValue(grid, r, c), values[r - verify.top]?.[c - verify.left] ?? null)) return true;
  }
  return false;
}
