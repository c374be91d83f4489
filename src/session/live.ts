/*
 * Live checking, host-neutral: the changes reported since the last re-check, per sheet, and
 * what to read for them. Edits re-read just their rows (plus the rows of merged areas they
 * touch); anything that moves positions, a sheet shown, a new sheet, or an edit too large or
 * outside the known table re-reads the sheet. Pure.
 */
import type { CellRange } from '../ledger/cell';
import { gridRight } from '../ledger/cell';
import type { FullRequest, HostChange, RowsRequest } from './driver';
import { runsOf } from './report-month';
import type { SheetBook } from './sheets';

interface Pending {
  ranges: CellRange[];
  full: boolean;
  activated: boolean;
  added: boolean;
  deleted: boolean;
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
    if (c.kind === 'edit') {
      if (c.range) p.ranges.push(c.range);
      else p.full = true;
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
    if (!p) this.pending.set(id, (p = { ranges: [], full: false, activated: false, added: false, deleted: false }));
    return p;
  }
}

export interface LiveRead {
  full: FullRequest[];
  rows: RowsRequest[];
  /** Sheets that were deleted. */
  deleted: string[];
}

/** What to read for a batch of changes. */
export function planLiveRead(batch: Map<string, Pending>, book: SheetBook, liveRowLimit: number): LiveRead {
  const out: LiveRead = { full: [], rows: [], deleted: [] };
  for (const [id, p] of batch) {
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
    out.rows.push({ id, runs: runsOf(rows), left: grid.left, right });
  }
  return out;
}
