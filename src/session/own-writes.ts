/* Cells and sheets the add-in wrote: change events for them are its own, not the clerk's (for hosts that do not say so themselves). */
import type { CellRange } from '../ledger/cell';

export class OwnWrites {
  private list: { sheetId: string; range: CellRange; until: number }[] = [];
  private readonly whole = new Map<string, number>();

  constructor(
    private readonly now: () => number,
    private readonly windowMs: number,
  ) {}

  /** Ranges about to be written (ignored until `seal` plus the window). */
  note(own: { id: string; range: CellRange }[]): void {
    const now = this.now();
    this.list = this.list.filter((w) => w.until > now);
    for (const o of own) this.list.push({ sheetId: o.id, range: o.range, until: Infinity });
  }

  /** The writes are done: their events may still arrive for `windowMs`. */
  seal(): void {
    const until = this.now() + this.windowMs;
    for (const w of this.list) if (w.until === Infinity) w.until = until;
  }

  /** Sheets the add-in made (all their events are its own until `until`: by default the window from now). */
  sheets(ids: string[], until = this.now() + this.windowMs): void {
    for (const id of ids) this.whole.set(id, until);
  }

  /** An event of this sheet is the add-in's own. */
  coversSheet(sheetId: string, now = this.now()): boolean {
    return (this.whole.get(sheetId) ?? -Infinity) > now;
  }

  covers(sheetId: string, r: CellRange, now = this.now()): boolean {
    return this.list.some((w) => w.sheetId === sheetId && w.until > now && r.top >= w.range.top && r.bottom <= w.range.bottom && r.left >= w.range.left && r.right <= w.range.right);
  }
}
