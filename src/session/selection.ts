/*
 * Selecting a cell for the clerk (an issue clicked): an operation of its own, or — while a paced
 * marks write runs (writer.ts) — between two of its steps, in its operation, so the clerk never
 * waits for the marks. The activation the selection causes is the add-in's own, not the clerk's.
 */
import type { WorkbookDriver, WorkbookIO } from './driver';
import { describeFailure } from './errors';
import type { SheetBook } from './sheets';

export interface SelectionHost {
  book: SheetBook;
  driver: WorkbookDriver;
  /** The session's queue of operations. */
  enqueue<T>(fn: () => Promise<T>): Promise<T>;
  /** A paced write is running. */
  marking(): boolean;
  now(): number;
  /** How long the activation event of a selected sheet is ignored. */
  windowMs: number;
}

export class Selections {
  /** Sheet id → until when its activation is the add-in's own. */
  private readonly guards = new Map<string, number>();
  private waiting: { sheet: string; cell: string; done: (e?: unknown) => void }[] = [];

  constructor(private readonly h: SelectionHost) {}

  /** Activates the sheet and selects the cell; rejects in Chinese. */
  request(sheet: string, cell: string): Promise<void> {
    if (this.h.marking()) return new Promise((resolve, reject) => this.waiting.push({ sheet, cell, done: (e) => (e ? reject(new Error(describeFailure(e))) : resolve()) }));
    return this.h.enqueue(async () => {
      try {
        await this.h.driver.operation('selectCell', (io) => this.select(io, sheet, cell));
      } catch (e) {
        throw new Error(describeFailure(e));
      }
    });
  }

  /** The activation of this sheet was caused by the add-in's selection. */
  caused(sheetId: string, now: number): boolean {
    return (this.guards.get(sheetId) ?? 0) > now;
  }

  /** The selections that waited for a paced write: in its operation (`io`), or, when it has ended, each as an operation of its own. */
  async take(io: WorkbookIO | null): Promise<void> {
    for (let s = this.waiting.shift(); s; s = this.waiting.shift()) {
      const { sheet, cell, done } = s;
      if (!io) {
        this.h.enqueue(() => this.h.driver.operation('selectCell', (x) => this.select(x, sheet, cell))).then(() => done(), done);
        continue;
      }
      try {
        await this.select(io, sheet, cell);
        done();
      } catch (e) {
        done(e);
      }
    }
  }

  private async select(io: WorkbookIO, sheet: string, cell: string): Promise<void> {
    // By id when known: the name in the issue list may be stale after a rename.
    const id = this.h.book.byName(sheet)?.id;
    if (id) this.guards.set(id, Infinity);
    try {
      await io.select(id ?? sheet, cell);
    } finally {
      if (id) this.guards.set(id, this.h.now() + this.h.windowMs);
    }
  }
}
