/*
 * The one way to check a workbook, whole or incrementally: each sheet's rows are checked on
 * their own and kept, then the rules across rows (duplicate document numbers) run over the
 * kept results. The CLI adds every sheet once; the task pane's session patches edited rows
 * into a sheet's grid and re-checks just those.
 */
import { SheetGrid } from '../ledger/cell';
import { LedgerLayout, MergeIndex, detectLedger } from '../ledger/detect';
import { layoutColumns, readRecords, readRow } from '../ledger/records';
import { CheckMemo, CheckOptions, LedgerResult, RecordResult, WorkbookCheck, applyCrossRowRules, checkRecord, sheetIssues } from './check';

interface SheetState {
  id: string;
  position: number;
  grid: SheetGrid;
  layout: LedgerLayout | null;
  /** Row → its own result, before the cross-row rules. */
  own: Map<number, RecordResult>;
  /** With the cross-row rules, until the next change. */
  result: LedgerResult | null;
}

const STRUCTURE_KEYS: (keyof LedgerLayout)[] = ['sheet', 'kind', 'title', 'titleRow', 'team', 'headerRow', 'headerRows', 'columns', 'headers', 'firstDataRow', 'lastDataRow', 'footnoteRow', 'tableLeft', 'tableRight', 'extras', 'missing'];

function structureKey(l: LedgerLayout): string {
  return JSON.stringify(STRUCTURE_KEYS.map((k) => l[k]));
}

export class WorkbookChecker {
  private readonly sheets = new Map<string, SheetState>();
  private memo: CheckMemo;

  constructor(opts: CheckOptions) {
    this.memo = new CheckMemo(opts);
  }

  get options(): CheckOptions {
    return this.memo.opts;
  }

  /** New options (another day, the 1904 date system) re-check every sheet. */
  setOptions(opts: CheckOptions): void {
    if (opts.today === this.memo.opts.today && !!opts.date1904 === !!this.memo.opts.date1904) return;
    this.memo = new CheckMemo(opts);
    for (const s of this.sheets.values()) this.checkAll(s, s.layout ? detectLedger(s.grid) : null);
  }

  /** Adds or replaces a sheet: finds its ledger and checks every row. Returns the ledger's layout, or null. */
  setSheet(id: string, grid: SheetGrid, position = this.sheets.get(id)?.position ?? this.sheets.size): LedgerLayout | null {
    const s: SheetState = { id, position, grid, layout: null, own: new Map(), result: null };
    this.sheets.set(id, s);
    this.checkAll(s, detectLedger(grid));
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
      return undefined;
    }
    const edited = [...new Set(rows)];
    const affected = new Set(edited);
    for (const m of s.grid.merges) {
      if (edited.some((r) => r >= m.top && r <= m.bottom)) for (let r = m.top; r <= m.bottom; r++) affected.add(r);
    }
    const cols = layoutColumns(before);
    const idx = new MergeIndex(s.grid);
    for (const r of affected) {
      const raw = r >= before.firstDataRow && r <= before.lastDataRow ? readRow(before, idx, r, cols) : null;
      if (raw) s.own.set(r, checkRecord(before, raw, this.memo, cols));
      else s.own.delete(r);
    }
    s.result = null;
    return affected;
  }

  setPosition(id: string, position: number): void {
    const s = this.sheets.get(id);
    if (s) s.position = position;
  }

  removeSheet(id: string): boolean {
    return this.sheets.delete(id);
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

  /** One sheet's ledger with the cross-row rules applied, or null when it is no ledger. */
  ledger(id: string): LedgerResult | null {
    const s = this.sheets.get(id);
    if (!s || !s.layout) return null;
    if (!s.result) {
      const own = [...s.own.values()].sort((a, b) => a.row - b.row);
      s.result = { layout: s.layout, records: applyCrossRowRules(s.layout, own), sheetIssues: sheetIssues(s.layout) };
    }
    return s.result;
  }

  /** Every ledger in sheet order. */
  result(): WorkbookCheck {
    const ordered = [...this.sheets.values()].sort((a, b) => a.position - b.position);
    const ledgers: LedgerResult[] = [];
    for (const s of ordered) {
      const l = this.ledger(s.id);
      if (l) ledgers.push(l);
    }
    return { today: this.memo.opts.today, ledgers };
  }

  private checkAll(s: SheetState, layout: LedgerLayout | null): void {
    s.layout = layout;
    s.own = new Map();
    s.result = null;
    if (!layout) return;
    const cols = layoutColumns(layout);
    for (const raw of readRecords(s.grid, layout, new MergeIndex(s.grid))) s.own.set(raw.row, checkRecord(layout, raw, this.memo, cols));
  }
}

/** Finds and checks every ledger in a workbook. */
export function checkWorkbook(grids: SheetGrid[], opts: CheckOptions): WorkbookCheck {
  const checker = new WorkbookChecker(opts);
  grids.forEach((g, i) => checker.setSheet(String(i), g, i));
  return checker.result();
}
