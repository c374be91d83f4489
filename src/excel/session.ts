/*
 * The Excel side of the task pane: LedgerService over Office.js. Reads the workbook in few
 * syncs (read.ts), checks with the core, marks problem cells with conditional formats owned by
 * the add-in (marks.ts), fills the 报送月份 column, inserts official sheets, re-checks live on
 * edits, and remembers the pane's settings in the workbook. All Excel work runs one operation
 * at a time; every operation logs `op, syncs, ms`.
 */
import { CellRange, CellValue, SheetGrid, columnLetter, gridRight, parseAddress } from '../ledger/cell';
import { Kind, REPORT_MONTH_HEADER } from '../ledger/columns';
import { IsoDate } from '../ledger/dates';
import { LedgerLayout, detectLedger } from '../ledger/detect';
import { localToday } from '../ledger/options';
import { templateSheet } from '../ledger/template';
import { LedgerResult, WorkbookCheck } from '../validation/check';
import { WorkbookChecker } from '../validation/workbook';
import { teamSchema } from '../submission/options';
import { excelApiSupported } from './office';
import { MARK_STYLE, MarkPlan, NO_MARKS, planKey, planMarks } from './marks';
import { DEFAULT_BUDGET, FoundMark, FullRead, FullRequest, MergeMode, ReadBudget, RowsRead, RowsRequest, cfsOf, deleteMarks, foundMarks, readSheets } from './read';
import { currentText, existingReportColumn, reportColumn, reportMonthValues } from './report-month';
import type { LedgerService, PaneSettings, PaneState, ReportMonthResult } from './service';
import { missingKinds, sheetSummaries } from './summary';
import { REPORT_COLUMNS_KEY, SETTINGS_KEY, documentSettings, reportColumns, sanitizeSettings, saveDocumentSettings, validateSettings } from './settings';
import { queueTemplateSheet, templateGrid, widthPoints } from './template-sheet';

/** One line of the debug log: an operation, its context.sync() calls and its duration. */
export interface OpLog {
  op: string;
  syncs: number;
  ms: number;
  detail?: string;
}

export interface LedgerServiceOptions {
  /** Debug log (default: console.debug). */
  log?: (entry: OpLog) => void;
  /** Quiet time before live changes are re-checked (default 300 ms). */
  debounceMs?: number;
  /** Timer functions (default: setTimeout/clearTimeout). */
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  /** Milliseconds clock (default: performance.now). */
  now?: () => number;
  /** Today (default: the computer's local date). */
  today?: () => IsoDate;
  /** Payload budget per sync (default: 3.5 MB estimated on Excel on the web, 14 MB on the desktop, where no 5 MB limit applies). */
  budget?: Partial<ReadBudget>;
  /** An edit touching more rows than this re-reads the whole sheet (default 500). */
  liveRowLimit?: number;
  /** How long after its own writes the add-in ignores change events on the cells it wrote (default 2000 ms). */
  ownWriteWindowMs?: number;
}

interface Entry {
  id: string;
  name: string;
  position: number;
  /** The sheet's values (ledgers only). */
  grid: SheetGrid | null;
  layout: LedgerLayout | null;
  result: LedgerResult | null;
  /** Used range top and bottom row and width at the last read. */
  extent: { top: number; bottom: number; width: number } | undefined;
  /** How merged areas were read last time (a sheet with many starts banded). */
  merges: MergeMode;
  /** What the add-in last wrote as marks here: the plan and how many conditional formats. */
  marks: { key: string; count: number } | null;
}

interface Pending {
  ranges: CellRange[];
  full: boolean;
  activated: boolean;
  added: boolean;
  deleted: boolean;
}

/** A queued write: runs before the sync, returns what to do once it succeeded. */
type Write = (ctx: Excel.RequestContext) => (() => void) | void;

type Sync = () => Promise<void>;

const WEB_BUDGET: ReadBudget = DEFAULT_BUDGET;
const DESKTOP_BUDGET: ReadBudget = { ...DEFAULT_BUDGET, bytes: 14_000_000 };
/** Rows at the top of a non-ledger sheet's content where typing may create a ledger header. */
const HEADER_ZONE = 40;
const REPORT_COLUMN_WIDTH = 9;
function describe(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  if (/[\u4e00-\u9fff]/.test(msg)) return msg;
  const code = (e as { code?: string })?.code;
  return `读取或写入工作簿时出错${code ? `（${code}）` : ''}：${msg}。请点“重新检查”再试；如果一直出错，请关闭任务窗格后重新打开。`;
}

function runsOf(rows: Iterable<number>): { top: number; bottom: number }[] {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const out: { top: number; bottom: number }[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r === last.bottom + 1) last.bottom = r;
    else out.push({ top: r, bottom: r });
  }
  return out;
}

function uniqueName(base: string, taken: Set<string>): string {
  if (!taken.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const n = `${base}（${i}）`;
    if (!taken.has(n.toLowerCase())) return n;
  }
}

function setCell(grid: SheetGrid, row: number, col: number, v: CellValue): void {
  const ri = row - grid.top;
  if (ri < 0 || col < grid.left) return;
  while (grid.rows.length <= ri) grid.rows.push([]);
  const r = grid.rows[ri];
  r[col - grid.left] = v;
  for (let j = 0; j < r.length; j++) if (r[j] === undefined) r[j] = null;
}

export class ExcelLedgerService implements LedgerService {
  private readonly entries = new Map<string, Entry>();
  private readonly listeners = new Set<(s: PaneState) => void>();
  private state: PaneState = { phase: 'idle', check: null, sheets: [], missingKinds: [], date1904: false, marksShown: false, version: 0 };
  private checked = false;
  private date1904 = false;
  private marksWanted = true;
  private checkerState: WorkbookChecker | null = null;
  private chain: Promise<unknown> = Promise.resolve();
  private running = 0;
  private handlers: OfficeExtension.EventHandlerResult<unknown>[] | null = null;
  private pending = new Map<string, Pending>();
  private timer: unknown = null;
  private ownWrites: { sheetId: string; range: CellRange; until: number }[] = [];
  private activationGuard = new Map<string, number>();
  /** 报送月份 columns this add-in filled: sheet name → column letter (also in the document settings). */
  private reportOwned: Record<string, string> = {};
  private readonly o: Required<Omit<LedgerServiceOptions, 'budget' | 'today'>> & { budget: ReadBudget; today: () => IsoDate };

  constructor(options: LedgerServiceOptions = {}) {
    const platform = this.platform();
    this.o = {
      log: options.log ?? ((e) => console.debug(`[执法台账助手] ${e.op}: ${e.syncs} sync, ${e.ms} ms${e.detail ? ` (${e.detail})` : ''}`)),
      debounceMs: options.debounceMs ?? 300,
      setTimer: options.setTimer ?? ((fn, ms) => setTimeout(fn, ms)),
      clearTimer: options.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>)),
      now: options.now ?? (() => (typeof performance !== 'undefined' ? performance.now() : Date.now())),
      today: options.today ?? (() => localToday()),
      budget: { ...(platform === 'OfficeOnline' ? WEB_BUDGET : DESKTOP_BUDGET), ...options.budget },
      liveRowLimit: options.liveRowLimit ?? 500,
      ownWriteWindowMs: options.ownWriteWindowMs ?? 2000,
    };
  }

  // ---- LedgerService ----

  checkAll(): Promise<PaneState> {
    return this.enqueue(() => this.doCheckAll());
  }

  current(): PaneState {
    return this.state;
  }

  subscribe(listener: (state: PaneState) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  startLive(): Promise<void> {
    return this.enqueue(async () => {
      if (this.handlers) return;
      if (!excelApiSupported('1.9')) throw new Error('边填边查需要 Excel 2021 或更新版本。修改台账后请点“重新检查”。');
      await this.chinese(this.run('startLive', async (ctx, sync) => {
        const ws = ctx.workbook.worksheets;
        const hs: OfficeExtension.EventHandlerResult<unknown>[] = [
          ws.onChanged.add(this.onChanged),
          ws.onActivated.add(this.onActivated),
          ws.onAdded.add(this.onAdded),
          ws.onDeleted.add(this.onDeleted),
        ];
        if (excelApiSupported('1.10')) hs.push(ws.onRowSorted.add(this.onSorted), ws.onColumnSorted.add(this.onSorted));
        await sync();
        this.handlers = hs;
      }));
    });
  }

  stopLive(): Promise<void> {
    return this.enqueue(async () => {
      const hs = this.handlers;
      this.handlers = null;
      if (this.timer !== null) this.o.clearTimer(this.timer);
      this.timer = null;
      this.pending.clear();
      if (!hs?.length) return;
      const t0 = this.o.now();
      await Excel.run(hs[0].context, async (ctx) => {
        for (const h of hs) h.remove();
        await ctx.sync();
      });
      this.o.log({ op: 'stopLive', syncs: 1, ms: Math.round(this.o.now() - t0) });
    });
  }

  selectCell(sheet: string, cell: string): Promise<void> {
    return this.enqueue(() =>
      this.chinese(this.run('selectCell', async (ctx, sync) => {
        // By id when known: the name in the issue list may be stale after a rename.
        const id = [...this.entries.values()].find((e) => e.name === sheet)?.id;
        const ws = ctx.workbook.worksheets.getItem(id ?? sheet);
        const events = excelApiSupported('1.8');
        if (events) ctx.runtime.enableEvents = false;
        ws.activate();
        ws.getRange(cell).select();
        if (events) ctx.runtime.enableEvents = true;
        if (id) this.activationGuard.set(id, this.o.now() + this.o.ownWriteWindowMs);
        await this.guardedSync(ctx, sync, events);
      })),
    );
  }

  setMarks(shown: boolean): Promise<void> {
    return this.enqueue(async () => {
      this.marksWanted = shown;
      if (shown) {
        await this.doCheckAll();
        return;
      }
      this.publish('checking');
      try {
        await this.run('clearMarks', async (ctx, sync) => {
          const list = ctx.workbook.worksheets;
          list.load('items/id');
          await sync();
          const found = list.items.map((ws) => ({ id: ws.id, cfs: cfsOf(ws) }));
          await sync();
          const writes: Write[] = [];
          for (const f of found) {
            const marks = foundMarks(f.cfs);
            const entry = this.entries.get(f.id);
            if (entry) entry.marks = { key: planKey(NO_MARKS), count: 0 };
            if (marks.length) writes.push(() => deleteMarks(marks));
          }
          await this.write(ctx, sync, writes);
        });
        this.publish('ready');
      } catch (e) {
        this.publish('error', describe(e));
        throw new Error(describe(e));
      }
    });
  }

  fillReportMonths(): Promise<ReportMonthResult> {
    return this.enqueue(async () => {
      await this.ensureChecked();
      const result: ReportMonthResult = { written: [], refused: [] };
      const targets = this.sorted().filter((e) => e.layout && e.grid);
      if (!targets.length) return result;
      try {
        await this.run('fillReportMonths', async (ctx, sync) => {
          const probes = targets.map((e) => {
            const layout = e.layout!;
            const { col, existing } = reportColumn(layout);
            const top = layout.headerRow;
            const bottom = Math.max(layout.lastDataRow, layout.headerRow + layout.headerRows - 1);
            const ws = ctx.workbook.worksheets.getItem(e.id);
            const range = col <= 16384 ? ws.getRangeByIndexes(top - 1, col - 1, bottom - top + 1, 1) : null;
            range?.load('formulas');
            return { e, layout, col, existing, top, ws, range };
          });
          await sync();
          const writes: Write[] = [];
          for (const p of probes) {
            const letter = columnLetter(p.col);
            if (!p.range) {
              result.refused.push({ sheet: p.e.name, reason: `「${p.e.name}」表格右侧已没有空列，没有填写报送月份。` });
              continue;
            }
            const cells = p.range.formulas.map((r) => r[0]);
            const reason = this.occupied(p.e.name, letter, p.top, cells, p.existing, p.layout);
            if (reason) {
              result.refused.push({ sheet: p.e.name, reason });
              continue;
            }
            const values = reportMonthValues(p.layout, p.e.result?.records ?? []);
            result.written.push({ sheet: p.e.name, column: letter, rows: [...values.values()].filter((v) => v !== '').length });
            writes.push(() => this.queueReportColumn(p.ws, p.e, p.layout, p.col, p.existing, values));
          }
          await this.write(ctx, sync, writes);
        });
      } catch (e) {
        this.publish('error', describe(e));
        throw new Error(describe(e));
      }
      if (result.written.length) {
        for (const w of result.written) this.reportOwned[w.sheet] = w.column;
        const settings = documentSettings();
        if (settings) {
          settings.set(REPORT_COLUMNS_KEY, { ...reportColumns(settings), ...Object.fromEntries(result.written.map((w) => [w.sheet, w.column])) });
          await saveDocumentSettings(settings).catch(() => undefined);
        }
      }
      this.publish('ready');
      return result;
    });
  }

  insertOfficialSheets(team: string | null): Promise<string[]> {
    return this.enqueue(async () => {
      let teamName: string | null = null;
      if (team && team.trim()) {
        const r = teamSchema.safeParse(team);
        if (!r.success) throw new Error(r.error.issues[0]?.message ?? '报送单位名称无效');
        teamName = r.data;
      }
      await this.ensureChecked();
      const missing = this.state.missingKinds;
      if (!missing.length) return [];
      try {
        const names = await this.run('insertOfficialSheets', async (ctx, sync) => {
          const list = ctx.workbook.worksheets;
          list.load('items/name');
          await sync();
          const taken = new Set(list.items.map((w) => w.name.toLowerCase()));
          const made = missing.map((kind: Kind) => {
            const t = templateSheet(kind, teamName);
            const name = uniqueName(t.name, taken);
            taken.add(name.toLowerCase());
            return { t, name, ws: null as Excel.Worksheet | null };
          });
          const events = excelApiSupported('1.8');
          if (events) ctx.runtime.enableEvents = false;
          for (const m of made) {
            m.ws = list.add(m.name);
            queueTemplateSheet(m.ws, m.t);
            m.ws.load('id,name,position');
          }
          if (events) ctx.runtime.enableEvents = true;
          await this.guardedSync(ctx, sync, events);
          for (const m of made) {
            const ws = m.ws!;
            const entry = this.newEntry(ws.id, ws.name, ws.position);
            entry.grid = templateGrid(m.t, ws.name);
            entry.extent = { top: 1, bottom: entry.grid.rows.length, width: m.t.widths.length };
            entry.merges = 'sheet';
            entry.marks = { key: planKey(NO_MARKS), count: 0 };
            this.recheckEntry(entry);
            this.entries.set(entry.id, entry);
          }
          return made.map((m) => m.ws!.name);
        });
        this.publish('ready');
        return names;
      } catch (e) {
        this.publish('error', describe(e));
        throw new Error(describe(e));
      }
    });
  }

  loadSettings(): PaneSettings {
    return sanitizeSettings(documentSettings()?.get(SETTINGS_KEY));
  }

  async saveSettings(settings: PaneSettings): Promise<void> {
    const valid = validateSettings(settings);
    const s = documentSettings();
    if (!s) throw new Error('不在 Excel 中运行，无法保存设置。');
    s.set(SETTINGS_KEY, valid);
    await saveDocumentSettings(s);
  }

  platform(): string | null {
    try {
      const p = typeof Office !== 'undefined' ? Office.context?.diagnostics?.platform : undefined;
      return p ? String(p) : null;
    } catch {
      return null;
    }
  }

  today(): IsoDate {
    return this.o.today();
  }

  /** Resolves once queued live changes and operations are done (for tests and the bench). */
  async idle(): Promise<void> {
    let quiet = 0;
    for (let i = 0; i < 10_000 && quiet < 3; i++) {
      await new Promise((r) => setTimeout(r, 0));
      await this.chain;
      quiet = this.timer === null && this.pending.size === 0 && this.running === 0 ? quiet + 1 : 0;
    }
  }

  // ---- checking ----

  private async doCheckAll(): Promise<PaneState> {
    this.publish('checking');
    try {
      this.reportOwned = { ...reportColumns(documentSettings()), ...this.reportOwned };
      await this.run('checkAll', async (ctx, sync) => {
        const list = ctx.workbook.worksheets;
        list.load('items/id');
        // DATE(1904,1,1) is 1462 in the 1900 date system and 0 in the 1904 system.
        const probe = ctx.workbook.functions.date(1904, 1, 1);
        probe.load('value');
        await sync();
        this.date1904 = probe.value === 0;
        const ids = list.items.map((w) => w.id);
        const out = await readSheets(ctx, sync, ids.map((id) => this.fullRequest(id)), [], this.readerOptions(ids));
        for (const id of [...this.entries.keys()]) if (!ids.includes(id)) this.forget(id);
        const writes: Write[] = [];
        for (const read of out.full) writes.push(...this.entryWrites(this.applyFull(read), read.marks));
        await this.write(ctx, sync, writes);
      });
      this.checked = true;
      this.publish('ready');
    } catch (e) {
      this.publish('error', describe(e));
    }
    return this.state;
  }

  /** Checks first when nothing was checked yet; rejects with the check's message when that fails. */
  private async ensureChecked(): Promise<void> {
    if (this.checked) return;
    await this.doCheckAll();
    if (!this.checked) throw new Error(this.state.error ?? '无法读取工作簿。');
  }

  /** The workbook's check state (shared with the CLI's checkWorkbook), on today's date. */
  private checker(): WorkbookChecker {
    const opts = { today: this.o.today(), date1904: this.date1904 };
    if (!this.checkerState) this.checkerState = new WorkbookChecker(opts);
    else if (this.checkerState.options.today !== opts.today || !!this.checkerState.options.date1904 !== opts.date1904) {
      this.checkerState.setOptions(opts);
      for (const e of this.entries.values()) e.result = this.checkerState.ledger(e.id);
    }
    return this.checkerState;
  }

  private newEntry(id: string, name: string, position: number): Entry {
    return { id, name, position, grid: null, layout: null, result: null, extent: undefined, merges: 'sheet', marks: null };
  }

  private applyFull(read: FullRead): Entry {
    const entry = this.entries.get(read.id) ?? this.newEntry(read.id, read.name, read.position);
    entry.name = read.name;
    entry.position = read.position;
    entry.extent = { top: read.grid.top, bottom: read.bottom, width: read.width };
    entry.merges = read.merges;
    entry.grid = read.complete ? read.grid : null;
    this.recheckEntry(entry);
    if (!entry.layout) entry.grid = null; // keep values of ledgers only
    this.entries.set(entry.id, entry);
    return entry;
  }

  /** Finds the ledger in the entry's grid and checks every row (pure: no Excel calls). */
  private recheckEntry(entry: Entry): void {
    const checker = this.checker();
    entry.layout = entry.grid ? checker.setSheet(entry.id, entry.grid, entry.position) : null;
    if (!entry.layout) checker.removeSheet(entry.id);
    entry.result = checker.ledger(entry.id);
  }

  /** Patches rows read after an edit into the grid; re-checks those rows (or the sheet when its structure changed). Returns the rows to refresh in the 报送月份 column, or undefined for all. */
  private applyRows(entry: Entry, read: RowsRead): Set<number> | undefined {
    const grid = entry.grid!;
    for (const [row, vals] of read.rows) {
      const ri = row - grid.top;
      while (grid.rows.length <= ri) grid.rows.push([]);
      const next = grid.rows[ri].slice();
      const off = read.left - grid.left;
      for (let j = 0; j < off; j++) if (next[j] === undefined) next[j] = null;
      vals.forEach((v, j) => (next[off + j] = v));
      grid.rows[ri] = next;
    }
    const checker = this.checker();
    const affected = checker.updateRows(entry.id, read.rows.keys());
    entry.layout = checker.layout(entry.id);
    if (!entry.layout) {
      checker.removeSheet(entry.id);
      entry.grid = null;
    }
    entry.result = checker.ledger(entry.id);
    return affected;
  }

  /** Ledgers are read in full (their size known from last time); other known sheets only at the top. */
  private fullRequest(id: string): FullRequest {
    const e = this.entries.get(id);
    if (!e || !e.extent) return { id };
    return e.layout ? { id, known: e.extent } : { id, known: e.extent, probe: true };
  }

  private readerOptions(ids: string[] = []) {
    const modes = new Set(ids.map((id) => this.entries.get(id)?.merges));
    const merges: MergeMode = !excelApiSupported('1.13') || modes.has('none') ? 'none' : modes.has('banded') ? 'banded' : 'sheet';
    return {
      budget: this.o.budget,
      merges,
      marks: excelApiSupported('1.6'),
      wantsRest: (g: SheetGrid) => detectLedger(g) !== null,
    };
  }

  // ---- writing ----

  /** The writes an entry needs after a check: its marks and its 报送月份 cells (`rows`, or all). */
  private entryWrites(entry: Entry, found: FoundMark[], rows?: Iterable<number>): Write[] {
    const out: Write[] = [];
    const marks = this.marksWrite(entry, found);
    if (marks) out.push(marks);
    const report = this.reportWrite(entry, rows);
    if (report) out.push(report);
    return out;
  }

  private marksWrite(entry: Entry, found: FoundMark[]): Write | null {
    if (!excelApiSupported('1.9')) return null;
    const plan: MarkPlan = this.marksWanted && entry.result ? planMarks(entry.result.records, entry.grid) : NO_MARKS;
    const key = planKey(plan);
    const count = plan.error.length + plan.warning.length;
    // Unchanged when this session wrote this plan and exactly that many marks are there.
    if (entry.marks && entry.marks.key === key && entry.marks.count === found.length) return null;
    if (!found.length && !plan.cells) {
      entry.marks = { key, count: 0 };
      return null;
    }
    return (ctx) => {
      deleteMarks(found);
      const ws = ctx.workbook.worksheets.getItem(entry.id);
      for (const sev of ['warning', 'error'] as const) {
        for (const address of plan[sev]) {
          // Each new format is set up right after its add(), before the next add moves it down.
          const cf = ws.getRanges(address).conditionalFormats.add('Custom');
          cf.custom.rule.formula = MARK_STYLE[sev].formula;
          cf.custom.format.fill.color = MARK_STYLE[sev].fill;
          cf.custom.format.font.color = MARK_STYLE[sev].font;
        }
      }
      return () => {
        entry.marks = { key, count };
      };
    };
  }

  /** The 报送月份 column the add-in filled on this sheet (its header is still there), or null. */
  private ownedReportColumn(entry: Entry): number | null {
    const col = entry.layout ? existingReportColumn(entry.layout) : null;
    return col !== null && this.reportOwned[entry.name] === columnLetter(col) ? col : null;
  }

  private reportWrite(entry: Entry, rows?: Iterable<number>): Write | null {
    const col = this.ownedReportColumn(entry);
    if (col === null || !entry.layout || !entry.grid) return null;
    const grid = entry.grid;
    const values = reportMonthValues(entry.layout, entry.result?.records ?? [], rows);
    const changed = [...values].filter(([r, t]) => currentText(grid, r, col) !== t);
    if (!changed.length) return null;
    return (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(entry.id);
      const byRow = new Map(changed);
      for (const run of runsOf(byRow.keys())) {
        const n = run.bottom - run.top + 1;
        const range = ws.getRangeByIndexes(run.top - 1, col - 1, n, 1);
        range.numberFormat = Array.from({ length: n }, () => ['@']);
        range.values = Array.from({ length: n }, (_, i) => [byRow.get(run.top + i) ?? '']);
        this.noteOwnWrite(entry.id, { top: run.top, left: col, bottom: run.bottom, right: col });
      }
      return () => {
        for (const [r, t] of changed) setCell(grid, r, col, t === '' ? null : t);
      };
    };
  }

  /** Why the 报送月份 column cannot be written, or null. */
  private occupied(sheet: string, letter: string, top: number, cells: unknown[], existing: boolean, layout: LedgerLayout): string | null {
    for (let i = 0; i < cells.length; i++) {
      const row = top + i;
      const v = cells[i];
      if (v === '' || v === null || v === undefined) continue;
      const text = String(v);
      if (existing) {
        if (row < layout.firstDataRow) continue; // the header
        if (text.startsWith('=')) return `「${sheet}」的「${REPORT_MONTH_HEADER}」列（${letter} 列）中有公式（如 ${letter}${row}：${text.slice(0, 40)}），为免覆盖，没有填写。如要由本工具填写，请先删除该列的公式。`;
        continue;
      }
      return `「${sheet}」表格右侧的 ${letter} 列已有内容（${letter}${row}：“${text.slice(0, 20)}”），为免覆盖，没有填写报送月份。请把这些内容移走，或在表格右侧留出一列空列后再试。`;
    }
    return null;
  }

  private queueReportColumn(ws: Excel.Worksheet, entry: Entry, layout: LedgerLayout, col: number, existing: boolean, values: Map<number, string>): () => void {
    const letter = columnLetter(col);
    if (!existing) {
      const header = ws.getRangeByIndexes(layout.headerRow - 1, col - 1, layout.headerRows, 1);
      if (layout.headerRows > 1) header.merge(false);
      ws.getRangeByIndexes(layout.headerRow - 1, col - 1, 1, 1).values = [[REPORT_MONTH_HEADER]];
      header.format.font.bold = true;
      header.format.horizontalAlignment = 'Center';
      header.format.verticalAlignment = 'Center';
      header.format.wrapText = true;
      ws.getRange(`${letter}:${letter}`).format.columnWidth = widthPoints(REPORT_COLUMN_WIDTH);
      this.noteOwnWrite(entry.id, { top: layout.headerRow, left: col, bottom: layout.headerRow, right: col });
    }
    const n = layout.lastDataRow - layout.firstDataRow + 1;
    if (n > 0) {
      const data = ws.getRangeByIndexes(layout.firstDataRow - 1, col - 1, n, 1);
      data.numberFormat = Array.from({ length: n }, () => ['@']);
      data.values = Array.from({ length: n }, (_, i) => [values.get(layout.firstDataRow + i) ?? '']);
      if (!existing) data.format.horizontalAlignment = 'Center';
      this.noteOwnWrite(entry.id, { top: layout.firstDataRow, left: col, bottom: layout.lastDataRow, right: col });
    }
    return () => {
      const grid = entry.grid!;
      if (!existing) {
        setCell(grid, layout.headerRow, col, REPORT_MONTH_HEADER);
        if (layout.headerRows > 1) grid.merges.push({ top: layout.headerRow, left: col, bottom: layout.headerRow + layout.headerRows - 1, right: col });
      }
      for (const [r, t] of values) setCell(grid, r, col, t === '' ? null : t);
      // The header now names the column: detect again (cheap, no Excel call).
      this.recheckEntry(entry);
      entry.extent = { top: grid.top, bottom: Math.max(entry.extent?.bottom ?? 0, layout.lastDataRow), width: Math.max(entry.extent?.width ?? 0, gridRight(grid) - grid.left + 1) };
    };
  }

  /** Runs queued writes in one sync with events off (the add-in's own writes are not re-checked). */
  private async write(ctx: Excel.RequestContext, sync: Sync, writes: Write[]): Promise<void> {
    if (!writes.length) return;
    const events = excelApiSupported('1.8');
    if (events) ctx.runtime.enableEvents = false;
    const after = writes.map((w) => w(ctx));
    if (events) ctx.runtime.enableEvents = true;
    await this.guardedSync(ctx, sync, events);
    for (const a of after) if (a) a();
  }

  /** Syncs; if the batch failed after turning events off, turns them on again. */
  private async guardedSync(ctx: Excel.RequestContext, sync: Sync, events: boolean): Promise<void> {
    try {
      await sync();
    } catch (e) {
      if (events) {
        try {
          ctx.runtime.enableEvents = true;
          await ctx.sync();
        } catch {
          // nothing more to do
        }
      }
      throw e;
    } finally {
      const until = this.o.now() + this.o.ownWriteWindowMs;
      for (const w of this.ownWrites) if (w.until === Infinity) w.until = until;
    }
  }

  private noteOwnWrite(sheetId: string, range: CellRange): void {
    const now = this.o.now();
    this.ownWrites = this.ownWrites.filter((w) => w.until > now);
    this.ownWrites.push({ sheetId, range, until: Infinity });
  }

  private isOwnWrite(sheetId: string, r: CellRange): boolean {
    const now = this.o.now();
    return this.ownWrites.some((w) => w.sheetId === sheetId && w.until > now && r.top >= w.range.top && r.bottom <= w.range.bottom && r.left >= w.range.left && r.right <= w.range.right);
  }

  // ---- live checking ----

  private readonly onChanged = async (e: Excel.WorksheetChangedEventArgs): Promise<void> => {
    if ((e.triggerSource as string | undefined) === 'ThisLocalAddin') return;
    const r = parseAddress(e.address ?? '');
    if (r && this.isOwnWrite(e.worksheetId, r)) return;
    const p = this.pendingFor(e.worksheetId);
    if (e.changeType === 'RangeEdited' && r) p.ranges.push(r);
    else p.full = true; // inserted/deleted rows or cells: positions moved
    this.schedule();
  };

  private readonly onActivated = async (e: Excel.WorksheetActivatedEventArgs): Promise<void> => {
    const until = this.activationGuard.get(e.worksheetId);
    if (until !== undefined && until > this.o.now()) return;
    this.pendingFor(e.worksheetId).activated = true;
    this.schedule();
  };

  private readonly onAdded = async (e: Excel.WorksheetAddedEventArgs): Promise<void> => {
    this.pendingFor(e.worksheetId).added = true;
    this.schedule();
  };

  private readonly onDeleted = async (e: Excel.WorksheetDeletedEventArgs): Promise<void> => {
    this.pendingFor(e.worksheetId).deleted = true;
    this.schedule();
  };

  private readonly onSorted = async (e: { worksheetId: string }): Promise<void> => {
    this.pendingFor(e.worksheetId).full = true;
    this.schedule();
  };

  private pendingFor(id: string): Pending {
    let p = this.pending.get(id);
    if (!p) this.pending.set(id, (p = { ranges: [], full: false, activated: false, added: false, deleted: false }));
    return p;
  }

  private schedule(): void {
    if (this.timer !== null) this.o.clearTimer(this.timer);
    this.timer = this.o.setTimer(() => {
      this.timer = null;
      const batch = this.pending;
      this.pending = new Map();
      void this.enqueue(() => this.processLive(batch)).catch(() => undefined);
    }, this.o.debounceMs);
  }

  private async processLive(batch: Map<string, Pending>): Promise<void> {
    if (!this.checked) {
      await this.doCheckAll();
      return;
    }
    const full: FullRequest[] = [];
    const rows: RowsRequest[] = [];
    let removed = false;
    for (const [id, p] of batch) {
      const e = this.entries.get(id);
      if (p.deleted) {
        removed = this.forget(id) || removed;
        continue;
      }
      if (!e || p.full || p.activated) {
        full.push(this.fullRequest(id));
        continue;
      }
      if (!p.ranges.length) continue;
      const top = Math.min(...p.ranges.map((r) => r.top));
      if (!e.grid || !e.layout) {
        // Not a ledger: typing a header near the top of its content may make it one.
        if (!e.extent || e.extent.bottom === 0 || top <= e.extent.top + HEADER_ZONE) full.push(this.fullRequest(id));
        continue;
      }
      const set = new Set<number>();
      for (const r of p.ranges) for (let i = r.top; i <= r.bottom && set.size <= this.o.liveRowLimit; i++) set.add(i);
      const left = Math.min(...p.ranges.map((r) => r.left));
      if (set.size > this.o.liveRowLimit || top < e.grid.top || left < e.grid.left) {
        full.push(this.fullRequest(id));
        continue;
      }
      const right = Math.max(gridRight(e.grid), Math.min(Math.max(...p.ranges.map((r) => r.right)), e.layout.tableRight + 30));
      rows.push({ id, runs: runsOf(set), left: e.grid.left, right });
    }
    if (!full.length && !rows.length) {
      if (removed) this.publish('ready');
      return;
    }
    this.publish('checking');
    try {
      await this.run(full.length ? 'recheckSheets' : 'recheckRows', async (ctx, sync) => {
        const out = await readSheets(ctx, sync, full, rows, this.readerOptions(full.map((f) => f.id)));
        const writes: Write[] = [];
        for (const read of out.full) writes.push(...this.entryWrites(this.applyFull(read), read.marks));
        for (const read of out.rows) {
          const e = this.entries.get(read.id);
          if (!e || !e.grid || !e.layout) continue;
          const changedRows = this.applyRows(e, read);
          writes.push(...this.entryWrites(e, read.marks, changedRows));
        }
        await this.write(ctx, sync, writes);
      });
      this.publish('ready');
    } catch {
      // A sheet vanished or the read failed: start over with a full check.
      await this.doCheckAll();
    }
  }

  // ---- plumbing ----

  private enqueue<T>(fn: () => Promise<T>): Promise<T> {
    this.running++;
    const p = this.chain.then(fn, fn);
    this.chain = p.then(
      () => this.running--,
      () => this.running--,
    );
    return p;
  }

  /** Rejects with a Chinese message (Office.js errors are English). */
  private async chinese<T>(p: Promise<T>): Promise<T> {
    try {
      return await p;
    } catch (e) {
      throw new Error(describe(e));
    }
  }

  private async run<T>(op: string, body: (ctx: Excel.RequestContext, sync: Sync) => Promise<T>): Promise<T> {
    const t0 = this.o.now();
    let syncs = 0;
    try {
      return await Excel.run(async (ctx) =>
        body(ctx, async () => {
          syncs++;
          await ctx.sync();
        }),
      );
    } finally {
      this.o.log({ op, syncs, ms: Math.round(this.o.now() - t0) });
    }
  }

  private forget(id: string): boolean {
    this.checkerState?.removeSheet(id);
    return this.entries.delete(id);
  }

  private sorted(): Entry[] {
    return [...this.entries.values()].sort((a, b) => a.position - b.position);
  }

  private publish(phase: PaneState['phase'], error?: string): void {
    const ledgers = this.sorted()
      .filter((e) => e.result)
      .map((e) => e.result!);
    const check: WorkbookCheck | null = this.checked || phase === 'ready' ? { today: this.checker().options.today, ledgers } : this.state.check;
    const fresh = this.checked || phase === 'ready';
    this.state = {
      phase,
      check,
      sheets: sheetSummaries(ledgers),
      missingKinds: fresh ? missingKinds(ledgers) : this.state.missingKinds,
      date1904: this.date1904,
      marksShown: this.marksWanted && this.checked && excelApiSupported('1.9'),
      ...(error ? { error } : {}),
      version: this.state.version + 1,
    };
    for (const l of [...this.listeners]) {
      try {
        l(this.state);
      } catch {
        // a listener's error is not the adapter's
      }
    }
  }
}

/** The adapter behind the task pane. */
export function createLedgerService(options: LedgerServiceOptions = {}): ExcelLedgerService {
  return new ExcelLedgerService(options);
}
