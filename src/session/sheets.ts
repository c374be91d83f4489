/*
 * The session's picture of the workbook: every sheet the host listed, the incremental checker
 * (the same WorkbookChecker behind the CLI's checkWorkbook) holding the ledgers' cells and
 * results, and what the add-in last wrote on each sheet. Pure: reads come in, nothing goes out.
 */
import type { CellRange, CellValue, SheetGrid } from '../ledger/cell';
import { findsTable } from '../ledger/detect';
import type { LedgerLayout } from '../ledger/detect';
import type { CheckOptions, LedgerResult, WorkbookCheck } from '../validation/check';
import { WorkbookChecker } from '../validation/workbook';
import type { FullRequest, RowsRead, SheetInfo, SheetRead } from './driver';

export interface Entry extends SheetInfo {
  /** Used range top and bottom row and width at the last read. */
  extent?: { top: number; bottom: number; width: number };
  /** The ledger result the marks and 报送月份 were last planned for (compared by reference: any change, also from another sheet, makes a new object). */
  planned?: LedgerResult | null;
  /** The marks this sheet shows as last read or written: which cells (marks.ts cellsKey) and how many formats; null while unknown. */
  marks: { key: string; count: number } | null;
  /** Why the marks here are not up to date (one Chinese line), or null. */
  note: string | null;
  /** The result changed through the clerk's own edits (not only a co-author's) since the last write. */
  local?: boolean;
}

/** Row → values from `left`, patched into a grid (rows grow as needed). */
export function patchRows(grid: SheetGrid, rows: Map<number, CellValue[]>, left: number): void {
  for (const [row, vals] of rows) {
    const ri = row - grid.top;
    if (ri < 0) continue;
    while (grid.rows.length <= ri) grid.rows.push([]);
    const next = grid.rows[ri].slice();
    const off = left - grid.left;
    for (let j = 0; j < off; j++) if (next[j] === undefined) next[j] = null;
    vals.forEach((v, j) => (next[off + j] = v));
    grid.rows[ri] = next;
  }
}

/** Sets one cell of a grid (the add-in's own write, mirrored without reading it back). */
export function setCell(grid: SheetGrid, row: number, col: number, v: CellValue): void {
  const ri = row - grid.top;
  if (ri < 0 || col < grid.left) return;
  while (grid.rows.length <= ri) grid.rows.push([]);
  const r = grid.rows[ri];
  r[col - grid.left] = v;
  for (let j = 0; j < r.length; j++) if (r[j] === undefined) r[j] = null;
}

export class SheetBook {
  readonly entries = new Map<string, Entry>();
  private checker: WorkbookChecker;

  constructor(opts: CheckOptions) {
    this.checker = new WorkbookChecker(opts);
  }

  get options(): CheckOptions {
    return this.checker.options;
  }

  /** Another day or date system: every ledger is checked again (from memory). */
  setOptions(opts: CheckOptions): void {
    this.checker.setOptions(opts);
  }

  entry(id: string): Entry | undefined {
    return this.entries.get(id);
  }

  byName(name: string): Entry | undefined {
    return [...this.entries.values()].find((e) => e.name === name);
  }

  /** Sheets in tab order. */
  sorted(): Entry[] {
    return [...this.entries.values()].sort((a, b) => a.position - b.position);
  }

  ledger(id: string): LedgerResult | null {
    return this.checker.ledger(id);
  }

  layout(id: string): LedgerLayout | null {
    return this.checker.layout(id);
  }

  grid(id: string): SheetGrid | null {
    return this.checker.layout(id) ? this.checker.grid(id) : null;
  }

  result(): WorkbookCheck {
    return this.checker.result();
  }

  ledgers(): LedgerResult[] {
    return this.result().ledgers;
  }

  /** A sheet the host listed (new ones start unknown). */
  upsert(info: SheetInfo): Entry {
    let e = this.entries.get(info.id);
    if (!e) this.entries.set(info.id, (e = { ...info, marks: null, note: null }));
    else Object.assign(e, info);
    this.checker.setPosition(info.id, info.position);
    return e;
  }

  /** Sheets no longer in the workbook. */
  keepOnly(ids: Set<string>): void {
    for (const id of [...this.entries.keys()]) if (!ids.has(id)) this.forget(id);
  }

  forget(id: string): boolean {
    this.checker.removeSheet(id);
    return this.entries.delete(id);
  }

  /** A whole sheet read: finds its ledger and checks every row. Sheets that are no ledger keep only their size. */
  applyFull(read: SheetRead): Entry {
    const steps = this.applyFullSteps(read);
    for (let r = steps.next(); ; r = steps.next()) if (r.done) return r.value;
  }

  /** applyFull in steps (WorkbookChecker.setSheetSteps): yields the rows checked so far. */
  *applyFullSteps(read: SheetRead): Generator<number, Entry> {
    const e = this.upsert(read);
    e.extent = { top: read.grid.top, bottom: read.bottom, width: read.width };
    // The sheet's visibility as the host last listed or read it goes with its cells into the check (LedgerLayout.hidden).
    if (e.hidden !== undefined) {
      if (e.hidden) read.grid.hidden = true;
      else delete read.grid.hidden;
    }
    const layout = read.complete ? yield* this.checker.setSheetSteps(read.id, read.grid, read.position) : null;
    if (!layout && !(read.complete && this.checker.isRoster(read.id))) this.checker.removeSheet(read.id);
    return e;
  }

  /** A sheet the add-in created from a template grid (no read needed). */
  applyGrid(info: SheetInfo, grid: SheetGrid, width: number): Entry {
    const e = this.upsert(info);
    e.extent = { top: grid.top, bottom: grid.top + grid.rows.length - 1, width };
    if (!this.checker.setSheet(info.id, grid, info.position) && !this.checker.isRoster(info.id)) this.checker.removeSheet(info.id);
    return e;
  }

  /** Finds the ledger again in a grid the add-in changed in memory (a header it wrote). */
  recheck(id: string): void {
    const steps = this.recheckSteps(id);
    while (!steps.next().done);
  }

  /** recheck in steps (WorkbookChecker.setSheetSteps): yields the rows checked so far. */
  *recheckSteps(id: string): Generator<number, void> {
    const g = this.checker.grid(id);
    const e = this.entries.get(id);
    if (g && e && !(yield* this.checker.setSheetSteps(id, g, e.position))) this.checker.removeSheet(id);
  }

  /**
   * Rows read after an edit, patched into the ledger's grid (with the merged areas starting in
   * them, when the host reported those); re-checks those rows, or the sheet when its structure
   * changed. Returns the rows whose 报送月份 to refresh, or undefined for all.
   */
  applyRows(read: RowsRead): Set<number> | undefined {
    const grid = this.grid(read.id);
    if (!grid) return undefined;
    patchRows(grid, read.rows, read.left);
    // Merged areas starting in the rows read replace those known there (a merge is reported as a plain edit).
    if (read.merges) grid.merges = grid.merges.filter((m) => !read.rows.has(m.top)).concat(read.merges.map((m) => ({ ...m })));
    const affected = this.checker.updateRows(read.id, read.rows.keys());
    if (!this.checker.layout(read.id)) this.checker.removeSheet(read.id);
    return affected;
  }

  /** Sheets whose add-in marks a full check looks for: ledgers, sheets not classified yet, sheets that had marks; never protected ones. */
  marksScope(wanted: boolean): string[] {
    return this.sorted()
      .filter((e) => !e.protected && (e.marks === null || e.marks.count > 0 || (wanted && (!e.extent || this.isLedger(e.id)))))
      .map((e) => e.id);
  }

  /** What to ask the host for a sheet: ledgers and rosters in full at their known size, other known sheets only at the top. */
  fullRequest(id: string): FullRequest {
    const e = this.entries.get(id);
    if (!e || !e.extent) return { id };
    return this.checker.layout(id) || this.checker.isRoster(id) ? { id, known: e.extent } : { id, known: e.extent, probe: true };
  }

  /** Merged areas of a ledger that touch rows `top..bottom`. */
  mergesTouching(id: string, top: number, bottom: number): CellRange[] {
    return this.grid(id)?.merges.filter((m) => m.top <= bottom && m.bottom >= top) ?? [];
  }

  /** Whether typing in `row` of a sheet that is no ledger may have made it one (near the top of its content). */
  nearTop(id: string, row: number, zone: number): boolean {
    const e = this.entries.get(id);
    return !e?.extent || e.extent.bottom === 0 || row <= e.extent.top + zone;
  }

  isLedger(id: string): boolean {
    return this.checker.layout(id) !== null;
  }

  /** The sheet is a 执法人员名单: read whole again on any change (the ledgers are checked against it). */
  isRoster(id: string): boolean {
    return this.checker.isRoster(id);
  }

  /** For a partial read: is this sheet a ledger or a roster (so its remaining rows are needed)? */
  static wantsRest(g: SheetGrid): boolean {
    return findsTable(g);
  }
}
