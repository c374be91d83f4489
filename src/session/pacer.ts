/*
 * Long work on the host's thread in slices (a task pane's thread must take input and paint), and
 * its progress for the pane. Without a pause from the host, everything runs in one go.
 */
import type { SheetRead } from './driver';
import type { PaneProgress } from './service';
import type { SheetBook } from './sheets';
import { sheetSummary } from './summary';

/** Longest stretch of checking between two pauses. */
const SLICE_MS = 30;
/** Least time between two progress updates. */
const PROGRESS_MS = 100;

export class Pacer {
  private shownAt = -Infinity;

  constructor(
    private readonly now: () => number,
    /** One turn of the host's event loop (absent: no slices). */
    readonly pause: (() => Promise<void>) | undefined,
    /** Publishes a progress (only the progress: a check still running has no results to show). */
    private readonly show: (p: PaneProgress) => void,
  ) {}

  private last: PaneProgress | undefined;

  /** A progress went out with the state just now. */
  shown(p: PaneProgress): void {
    this.shownAt = this.now();
    this.last = p;
  }

  /**
   * Shows a progress, at most every PROGRESS_MS — except a new step or a new total (the first
   * real figures of a read): dropped, it could stay unseen for as long as the next sync takes.
   */
  progress(p: PaneProgress): void {
    const t = this.now();
    const news = !this.last || this.last.step !== p.step || this.last.total !== p.total;
    if (!news && t - this.shownAt < PROGRESS_MS) return;
    this.shownAt = t;
    this.last = p;
    this.show(p);
  }

  /** Checks sheets read in full, pausing about every SLICE_MS with the rows checked so far. */
  async applyAll(book: SheetBook, reads: SheetRead[]): Promise<void> {
    const total = reads.reduce((n, r) => n + (r.complete ? r.grid.rows.length : 0), 0);
    let before = 0;
    // A fresh task for the check (the read's last conversion may have just used up a slice).
    if (reads.length) await this.pause?.();
    let t = this.now();
    for (const r of reads) {
      const steps = book.applyFullSteps(r);
      for (let x = steps.next(); !x.done; x = steps.next()) {
        if (!this.pause || this.now() - t < SLICE_MS) continue;
        this.progress({ step: 'checking', done: before + x.value, total });
        await this.pause();
        t = this.now();
      }
      before += r.grid.rows.length;
    }
    if (reads.length) await this.pause?.();
  }

  /** Runs steps to their end, pausing about every SLICE_MS (in one go without a pause). */
  async slices<T>(steps: Generator<unknown, T>): Promise<T> {
    let t = this.now();
    for (;;) {
      const r = steps.next();
      if (r.done) return r.value;
      if (this.pause && this.now() - t >= SLICE_MS) {
        await this.pause();
        t = this.now();
      }
    }
  }

  /** Each ledger's result (its duplicates across rows) in a task of its own, before a plan reads them all. */
  async results(book: SheetBook): Promise<void> {
    if (!this.pause) return;
    for (const e of book.sorted()) {
      const l = book.isLedger(e.id) ? book.ledger(e.id) : null;
      if (!l) continue;
      await this.pause();
      sheetSummary(l); // its card, in a task of its own too
      await this.pause();
    }
  }
}
