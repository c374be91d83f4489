/*
 * The workbook session: the task pane's LedgerService over any host's WorkbookDriver. It holds
 * the workbook's check state (SheetBook, over the same WorkbookChecker as the CLI), decides what
 * to read, re-checks what changed, plans marks and 报送月份, and remembers settings; the driver
 * only performs reads and writes. One operation at a time (a promise chain), so a live re-check
 * never interleaves with a button's operation. Live checking writes nothing (writer.ts says when
 * the marks are written); while the pane is hidden nothing happens at all. Host-neutral: no
 * Office types.
 */
import type { TableKind } from '../ledger/columns';
import { templateSheet } from '../ledger/template';
import type { DocumentStore, HostChange, NewSheet, WorkbookDriver } from './driver';
import { CELL_EDIT, describeFailure, failureOf } from './errors';
import { PendingChanges, planLiveRead, shiftedBelow } from './live';
import { fillReportColumns, rememberColumns } from './report-fill';
import type { SelfTestReport } from './selftest';
import type { LedgerService, PaneProgress, PaneState, ReportMonthResult } from './service';
import { REPORT_COLUMNS_KEY, reportColumns, settingsCheck } from './settings';
import { SheetBook } from './sheets';
import { clearMarks } from './clear';
import { insertTemplates } from './insert';
import { addNewSheets } from './new-sheets';
import { OwnWrites } from './own-writes';
import { Pacer } from './pacer';
import { SessionOptions, resolveSessionOptions } from './session-options';
import { paneState } from './summary';
import { SessionCore } from './session-core';
import { Selections } from './selection';
import { WriteWhen, Writer, pendingNote } from './writer';
import { planAllSteps } from './plan';

type Phase = PaneState['phase'];

export class WorkbookSession extends SessionCore implements LedgerService {
  private readonly book: SheetBook;
  private checked = false;
  private date1904 = false;
  private marksWanted = true;
  private listening = false;
  private readonly pending = new PendingChanges();
  private timer: unknown = null;
  private readonly own: OwnWrites;
  /** 报送月份 columns this add-in filled: sheet name → column letter (also in the document settings). */
  private owned: Record<string, string> = {};
  private busyNote: string | null = null;
  /** Changes put back after Excel refused to be read (cell-edit mode): they wait for the next event. */
  private parked = false;
  private readonly pacer: Pacer;
  private readonly writer: Writer;
  /** The pane is hidden (its runtime keeps running): changes are not followed, nothing is written. */
  private hidden = false;
  /** The clerk's own changes seen so far, and their number when the running operation began (a write stops when it grows). */
  private edits = 0;
  private editsAtStart = 0;
  /** Operations asked for that write the marks again themselves (a paced write gives way to them). */
  private newer = 0;
  private readonly selections: Selections;
  /** A check's marks are being written: the pane shows the results, no pending line yet. */
  private writing = false;

  constructor(driver: WorkbookDriver, options: SessionOptions) {
    super(driver, resolveSessionOptions(options));
    this.book = new SheetBook({ today: this.o.today() });
    this.own = new OwnWrites(this.o.now, this.o.ownWriteWindowMs);
    this.pacer = new Pacer(this.o.now, this.o.pause, (progress) => this.notify({ ...this.state, progress, version: this.state.version + 1 }));
    this.writer = new Writer({
      book: this.book,
      own: this.own,
      driver,
      pacer: this.pacer,
      owned: () => this.owned,
      marksWanted: () => this.marksWanted,
      stop: () => (this.hidden ? 'hidden' : this.edits !== this.editsAtStart ? 'edit' : this.newer > 0 ? 'newer' : null),
      between: (io) => this.selections.take(io),
    });
    this.selections = new Selections({ book: this.book, driver, enqueue: (fn) => this.enqueue(fn), marking: () => this.writer.marking, now: this.o.now, windowMs: this.o.ownWriteWindowMs });
    const probe = driver.selfTest?.bind(driver);
    if (probe) this.selfTest = () => this.runSelfTest(probe);
  }

  // ---- LedgerService ----

  checkAll(options: { resultsOnly?: boolean } = {}): Promise<PaneState> {
    if (!options.resultsOnly) return this.enqueueNewer(() => this.doCheckAll('now'));
    return new Promise((resolve, reject) => void this.enqueueNewer(() => this.doCheckAll('now', resolve)).then(resolve, reject));
  }

  /** 更新标记: every sheet's marks and 报送月份 cells read as they are now and brought up to date. */
  refreshMarks(): Promise<void> {
    return this.enqueueNewer(async () => {
      this.editsAtStart = this.edits;
      if (!this.checked) {
        await this.doCheckAll('now');
        return;
      }
      this.publish('checking');
      await this.writer.refresh();
      this.publish('ready');
    });
  }

  /**
   * The pane was hidden or shown (Office.addin.onVisibilityModeChanged: the shared runtime keeps
   * running with the pane closed). Hidden: changes are no longer followed and nothing is
   * written. Shown again: a fresh check (it writes only where a write is one undo step).
   */
  setPaneVisible(visible: boolean): Promise<void> {
    if (!visible) {
      this.hidden = true;
      if (this.timer !== null) this.o.clearTimer(this.timer);
      this.timer = null;
      this.pending.clear();
      return this.chain.then(
        () => undefined,
        () => undefined,
      );
    }
    if (!this.hidden) return Promise.resolve();
    this.hidden = false;
    return this.enqueue(async () => {
      this.pending.clear();
      await this.doCheckAll('undoable');
    });
  }

  startLive(): Promise<void> {
    return this.enqueue(async () => {
      if (this.listening) return;
      await this.driver.listen(this.onChange);
      this.listening = true;
    });
  }

  stopLive(): Promise<void> {
    return this.enqueue(async () => {
      if (!this.listening) return;
      this.listening = false;
      if (this.timer !== null) this.o.clearTimer(this.timer);
      this.timer = null;
      this.pending.clear();
      await this.driver.unlisten();
    });
  }

  selectCell(sheet: string, cell: string): Promise<void> {
    return this.selections.request(sheet, cell);
  }

  /** An operation that writes the marks again itself: a paced write still running stops for it. */
  private enqueueNewer<T>(fn: () => Promise<T>): Promise<T> {
    this.newer++;
    return this.enqueue(() => {
      this.newer--;
      return fn();
    });
  }

  setMarks(shown: boolean): Promise<void> {
    return this.enqueueNewer(async () => {
      this.marksWanted = shown;
      if (shown) {
        await this.doCheckAll('now');
        return;
      }
      this.publish('checking');
      await this.failing(this.driver.operation('clearMarks', (io) => clearMarks(io, this.book)));
      this.publish('ready');
    });
  }

  fillReportMonths(): Promise<ReportMonthResult> {
    return this.enqueue(async () => {
      await this.ensureChecked();
      let result: ReportMonthResult;
      try {
        result = await this.failing(this.driver.operation('fillReportMonths', (io) => fillReportColumns(io, this.book, (own) => this.own.note(own), this.pacer)));
      } finally {
        this.own.seal();
      }
      if (result.written.length) {
        for (const w of result.written) this.owned[w.sheet] = w.column;
        await rememberColumns(this.driver.settings(), result);
      }
      this.publish('ready');
      return result;
    });
  }

  insertOfficialSheets(team: string | null, options: { roster?: boolean } = {}): Promise<string[]> {
    return this.enqueue(async () => {
      const teamName = (await settingsCheck()).parseTeam(team);
      await this.ensureChecked();
      const missing: TableKind[] = [...this.state.missingKinds];
      if (options.roster && !this.state.check?.rosters?.length) missing.push('roster');
      if (!missing.length) return [];
      const added = await this.failing(this.driver.operation('insertOfficialSheets', (io) => insertTemplates(io, this.book, missing.map((k) => templateSheet(k, teamName)))));
      this.own.sheets(added.map((a) => a.id));
      this.publish('ready');
      return added.map((a) => a.name);
    });
  }

  addSheets(sheets: NewSheet[]): Promise<string[]> {
    return this.enqueue(async () => {
      if (!this.driver.capabilities().addSheets) throw new Error('这里不能在工作簿中添加工作表，请改用“保存汇总表（.xlsx）”。');
      const added = await this.chinese(this.driver.operation('addSheets', (io) => addNewSheets(io, sheets)));
      // Their own events (added, activated, edited) are not the clerk's; a later edit there is checked as any sheet.
      this.own.sheets(added.map((a) => a.id));
      return added.map((a) => a.name);
    });
  }

  /** 自检 (only where the driver can probe its host). */
  readonly selfTest?: () => Promise<SelfTestReport>;

  private runSelfTest(run: () => Promise<SelfTestReport>): Promise<SelfTestReport> {
    return this.enqueue(async () => {
      const report = await run();
      // Its scratch sheet's events are not the clerk's edits.
      const id = report.scratchSheetId;
      if (id) {
        this.own.sheets([id], Infinity);
        this.pending.drop(id);
      }
      return report;
    });
  }

  protected quiet(): boolean {
    return this.timer === null && (this.pending.size === 0 || this.parked);
  }

  protected tick(): Promise<void> {
    return this.o.tick();
  }

  // ---- checking ----

  /** `onResults`: called with the state once the results are published (before the marks are written). */
  private async doCheckAll(when: WriteWhen, onResults?: (s: PaneState) => void): Promise<PaneState> {
    const writes = this.writer.writes(when);
    this.editsAtStart = this.edits;
    this.publish('checking', undefined, { step: 'reading', done: 0, total: 0 });
    try {
      this.owned = { ...reportColumns(this.driver.settings()?.get(REPORT_COLUMNS_KEY)), ...this.owned };
      const follow = await this.driver.operation('checkAll', async (io) => {
        const info = await io.listSheets();
        this.date1904 = info.date1904;
        this.syncOptions();
        this.book.keepOnly(new Set(info.sheets.map((s) => s.id)));
        for (const s of info.sheets) this.book.upsert(s);
        const marks = this.canMark() && writes ? this.book.marksScope(this.marksWanted) : [];
        const progress = (done: number, total: number) => this.pacer.progress({ step: 'reading', done, total });
        const read = await io.read({ full: info.sheets.map((s) => this.book.fullRequest(s.id)), marks, wantsRest: SheetBook.wantsRest, progress, pause: this.o.pause });
        await this.pacer.applyAll(this.book, read.full);
        if (!writes) return [];
        // The results first, then the marks (in paced steps on a big workbook, the progress says how far).
        await this.pacer.results(this.book);
        this.checked = true;
        this.writing = true;
        this.publish('ready');
        onResults?.(this.state);
        try {
          return await this.writer.write(io, read, new Set(info.sheets.map((s) => s.id)));
        } finally {
          this.writing = false;
        }
      });
      this.checked = true;
      this.busyNote = null;
      this.publish('ready');
      if (follow.length) {
        await this.writer.refresh(follow, 'refreshMarks');
        this.publish('ready');
      }
    } catch (e) {
      this.publish('error', describeFailure(e));
    }
    return this.state;
  }

  /** Checks first when nothing was checked yet; rejects with the check's message when that fails. */
  private async ensureChecked(): Promise<void> {
    if (this.checked) return;
    await this.doCheckAll('now');
    if (!this.checked) throw new Error(this.state.error ?? '无法读取工作簿。');
  }

  private syncOptions(): void {
    this.book.setOptions({ today: this.o.today(), date1904: this.date1904 });
  }

  private canMark(): boolean {
    return this.driver.capabilities().marks;
  }

  // ---- live checking ----

  private readonly onChange = (c: HostChange): void => {
    if (this.hidden) return;
    const now = this.o.now();
    if (this.own.coversSheet(c.sheetId, now)) return;
    if (c.kind === 'edit' && c.range && this.own.covers(c.sheetId, c.range, now)) return;
    if (c.kind === 'activated' && this.selections.caused(c.sheetId, now)) return;
    if (!c.remote && c.kind !== 'activated') this.edits++;
    this.pending.add(c);
    this.parked = false;
    this.schedule();
  };

  private schedule(): void {
    if (this.timer !== null) this.o.clearTimer(this.timer);
    this.timer = this.o.setTimer(() => {
      this.timer = null;
      // The batch is taken when its turn comes, so that operations before it can drop changes.
      void this.enqueue(() => this.processLive()).catch(() => undefined);
    }, this.o.debounceMs);
  }

  private async processLive(): Promise<void> {
    const batch = this.pending.take();
    if (!batch.size || this.hidden) return;
    if (!this.checked) {
      await this.doCheckAll('never');
      return;
    }
    this.syncOptions();
    this.editsAtStart = this.edits;
    const plan = planLiveRead(batch, this.book, this.o.liveRowLimit);
    for (const id of plan.deleted) this.book.forget(id);
    // Leaving a sheet: where a write is one undo step, the sheets the clerk changed and left are written.
    const leaving = plan.activated && this.writer.undo() !== 'clears' && this.canMark() ? plan.activated : null;
    const candidates = leaving ? [...new Set([...this.writer.leftBehind(leaving), ...[...plan.local].filter((id) => id !== leaving)])] : [];
    if (!plan.full.length && !plan.rows.length && !candidates.length) {
      if (plan.deleted.length) this.publish('ready');
      return;
    }
    this.publish('checking');
    const before = new Map(this.book.sorted().map((e) => [e.id, this.book.ledger(e.id)]));
    try {
      await this.driver.operation(plan.full.length ? 'recheckSheets' : plan.rows.length ? 'recheckRows' : 'leaveSheet', async (io) => {
        const marks = candidates.filter((id) => !this.book.entry(id)?.protected);
        const read = await io.read({ full: plan.full, rows: plan.rows, marks, wantsRest: SheetBook.wantsRest, pause: this.o.pause });
        // Cells inserted or deleted with a shift, reported as an edit: read the sheet again.
        const shifted = read.rows.filter((r) => shiftedBelow(this.book.grid(r.id), plan.rows.find((q) => q.id === r.id)?.verify, r.verify)).map((r) => r.id);
        const again = shifted.length ? await io.read({ full: shifted.map((id) => this.book.fullRequest(id)), wantsRest: SheetBook.wantsRest }) : null;
        await this.pacer.applyAll(this.book, [...read.full, ...(again?.full ?? [])]);
        for (const r of read.rows) if (!shifted.includes(r.id)) this.book.applyRows(r);
        for (const e of this.book.sorted()) if (plan.local.size && this.book.ledger(e.id) !== before.get(e.id)) e.local = true;
        // The pending line compares each changed sheet's plan with its marks: plans made in slices, not in the publish.
        if (this.marksWanted && this.canMark()) await this.pacer.slices(planAllSteps(this.book));
        if (!leaving) return;
        const only = new Set(this.writer.leftBehind(leaving).filter((id) => marks.includes(id)));
        if (only.size) await this.writer.write(io, read, only, { only });
      });
      this.busyNote = null;
      this.publish('ready');
    } catch (e) {
      if (failureOf(e).code === CELL_EDIT) {
        // Nothing is lost: the changes wait for the next event (the clerk pressing Enter raises one).
        this.pending.restore(batch);
        this.parked = true;
        this.busyNote = 'Excel 正在编辑单元格：结束编辑（按 Enter 或 Esc）后，刚才的修改会重新检查。';
        this.publish('ready');
        return;
      }
      // A sheet vanished or the read failed: start over with a full check (it writes nothing).
      await this.doCheckAll('never');
    }
  }

  // ---- plumbing ----

  /** An operation's failure: the error phase with its Chinese message, and the rejection. */
  private async failing<T>(p: Promise<T>): Promise<T> {
    try {
      return await p;
    } catch (e) {
      this.publish('error', describeFailure(e));
      throw new Error(describeFailure(e));
    }
  }

  private publish(phase: Phase, error?: string, progress?: PaneProgress): void {
    const caps = this.driver.capabilities();
    const waiting = this.checked && phase !== 'checking' && !this.writing ? this.writer.pending().map((e) => e.name) : [];
    const pendingMarks = waiting.length ? { sheets: waiting, note: pendingNote(waiting, this.writer.undo(), this.driver.host === 'wps' ? 'WPS' : 'Excel')! } : undefined;
    const state = paneState(this.state, this.book, { phase, error, checked: this.checked, date1904: this.date1904, marksShown: this.marksWanted && this.checked && caps.marks, merges: caps.merges, busyNote: this.busyNote, pendingMarks });
    if (progress) this.pacer.shown(progress);
    this.notify(progress ? { ...state, progress } : state);
  }
}

export type { DocumentStore, SessionOptions };
