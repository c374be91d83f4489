/*
 * A fake of the Office.js objects the adapter uses (src/excel), over a FakeWorkbook.
 * Proxies queue their work until `context.sync()`, like Office.js: reading a property that was
 * not loaded and synced throws PropertyNotLoaded; a failing command rejects the sync. The host
 * counts syncs, estimates each sync's request/response payload (and can enforce Excel on the
 * web's 5 MB limit), records which API sets were used, and delivers events.
 * No Node APIs: this file is also bundled into a browser page.
 */
import { MAX_COLS, MAX_ROWS, Rect, cellsOf, contains, intersect, parseA1, rectA1, sheetPrefix, splitList, utf8Length } from './a1';
import { isTagged, requirementOf, versionLe } from './api-sets';
// One turn of the page's event loop (a MessageChannel message: nested timers would wait ≥ 4 ms each).
import { yieldToHost } from '../../src/taskpane/pause';
import { ChangedDetails, EventName, FakeConditionalFormat, FakeSheet, FakeWorkbook, RawEvent, Style } from './model';
import { Snapshot, UndoStep, undoUnsupported } from './undo';

export interface FakeOfficeOptions {
  /** Highest version per requirement set (`ExcelApi`, `SharedRuntime`, `DialogApi`, …); see profiles.ts. */
  sets?: Record<string, string>;
  /** Shorthand for `sets.ExcelApi` (default 1.14, Excel 2021). */
  apiVersion?: string;
  /** Office.context.diagnostics.platform (default `PC`). */
  platform?: string;
  /** Office.context.diagnostics.version. */
  officeVersion?: string;
  /** Reject a sync whose request or response exceeds this many bytes (default: 5 MB on `OfficeOnline`, none elsewhere). */
  payloadLimit?: number | null;
  /** getMergedAreasOrNullObject fails above this many areas (512, as documented). */
  mergeAreaLimit?: number;
  /** The host ignores context.runtime.enableEvents (to test the adapter's own guard). */
  ignoreEnableEvents?: boolean;
  /** How ConditionalFormat ids behave (see the conditional formats below); default `priority`, as documented. */
  cfIds?: 'priority' | 'stable';
  /** Loading a collection whose range carries two non-custom rules fails (office-js#6827). */
  failStackedRules?: boolean;
  /** The host does not honour Excel.run's delayForCellEdit (fails in cell-edit mode anyway, like office-js#3019 did on the web). */
  ignoreDelayForCellEdit?: boolean;
  /** The manifest's ExcelApi: a member above it used without an isSetSupported check first is recorded in `host.unguarded`. */
  declaredMin?: string;
  /**
   * Give the page's event loop a turn between the commands of a sync, and before the response
   * is handed over. Excel runs a batch in its own process while the pane's thread stays free; a
   * fake running in the pane's page would otherwise block it for the whole batch. Each command's
   * work is recorded as a `fake-excel` User Timing measure, so that a browser bench can tell the
   * pane's own time from the fake host's.
   */
  yieldBetweenOps?: boolean;
}

export interface SyncRecord {
  n: number;
  ops: number;
  requestBytes: number;
  responseBytes: number;
  error?: string;
}

export class FakeOfficeError extends Error {
  readonly debugInfo: { code: string; message: string };
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
    this.debugInfo = { code, message };
  }
}

const notLoaded = (p: string) =>
  new FakeOfficeError('PropertyNotLoaded', `The property '${p}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);

/** Load specs: `'a,b'`, `['a','b']`, `'items/a,items/b/c'`, or `{ a: true, b: { c: true } }`. */
type LoadTree = { [k: string]: true | LoadTree };

function loadTree(spec: unknown): LoadTree {
  const tree: LoadTree = {};
  const addPath = (path: string) => {
    const parts = path.trim().split('/').filter(Boolean);
    let t = tree;
    parts.forEach((p, i) => {
      if (i === parts.length - 1) {
        if (t[p] === undefined) t[p] = true;
      } else {
        if (t[p] === undefined || t[p] === true) t[p] = {};
        t = t[p] as LoadTree;
      }
    });
  };
  if (typeof spec === 'string') spec.split(',').forEach(addPath);
  else if (Array.isArray(spec)) spec.forEach((s) => addPath(String(s)));
  else if (spec && typeof spec === 'object') {
    const o = spec as Record<string, unknown>;
    if (typeof o.select === 'string') o.select.split(',').forEach(addPath);
    for (const [k, v] of Object.entries(o)) {
      if (k === 'select' || k === 'expand' || k.startsWith('$')) continue;
      if (v === true) tree[k] = true;
      else if (v && typeof v === 'object') tree[k] = loadTree(v);
    }
  }
  return tree;
}

interface Op {
  /** Runs the command; returns the bytes of its response and, for loads, what to commit once the response arrives. */
  run: (sync: number) => { bytes: number; commit?: () => void } | void;
  requestBytes: number;
}

type Handler = (args: unknown) => unknown;

type HostOptions = Required<Omit<FakeOfficeOptions, 'payloadLimit' | 'apiVersion' | 'declaredMin'>> & { payloadLimit: number | null; declaredMin: string | null };

export class FakeHost {
  readonly options: HostOptions;
  readonly syncs: SyncRecord[] = [];
  /** Members used → their requirement (`ExcelApi 1.9`). */
  readonly apiUsed = new Map<string, string>();
  /** Members above `declaredMin` used before the code asked isSetSupported for their version. */
  readonly unguarded: string[] = [];
  /** The highest version asked per set (isSetSupported). */
  readonly asked = new Map<string, string>();
  readonly handlers = new Map<EventName, Set<{ fn: Handler; ctx: FakeContext; sheetId?: string }>>();
  /** Events waiting for delivery (delivered asynchronously, like Excel). */
  private pendingDeliveries = 0;
  settingsFail = false;
  /** Called at the start of every sync with its number (tests change the workbook between syncs). */
  onSync: ((n: number) => void) | null = null;
  /**
   * The user is typing in a cell. Excel.run fails with InvalidOperationInCellEditMode unless
   * called with delayForCellEdit: true, which waits until the edit ends
   * (https://learn.microsoft.com/javascript/api/excel/excel.runoptions; office-js#625, #3388).
   */
  private cellEdit: { waiters: (() => void)[] } | null = null;

  constructor(
    readonly wb: FakeWorkbook,
    options: FakeOfficeOptions = {},
  ) {
    const platform = options.platform ?? 'PC';
    const sets = { ExcelApi: '1.14', SharedRuntime: '1.1', DialogApi: '1.2', ...(platform === 'OfficeOnline' ? {} : { OpenBrowserWindowApi: '1.1' }), ...options.sets };
    if (options.apiVersion) sets.ExcelApi = options.apiVersion;
    this.options = {
      sets,
      platform,
      officeVersion: options.officeVersion ?? (platform === 'Mac' ? '16.35.20030802' : platform === 'OfficeOnline' ? '16.0.17928.41020' : '16.0.14332.20000'),
      payloadLimit: options.payloadLimit !== undefined ? options.payloadLimit : platform === 'OfficeOnline' ? 5 * 1024 * 1024 : null,
      mergeAreaLimit: options.mergeAreaLimit ?? 512,
      ignoreEnableEvents: options.ignoreEnableEvents ?? false,
      cfIds: options.cfIds ?? 'priority',
      failStackedRules: options.failStackedRules ?? false,
      ignoreDelayForCellEdit: options.ignoreDelayForCellEdit ?? false,
      declaredMin: options.declaredMin ?? null,
      yieldBetweenOps: options.yieldBetweenOps ?? false,
    };
    wb.dispatch = (e) => this.deliver(e);
  }

  get syncCount(): number {
    return this.syncs.length;
  }

  /** Office.context.requirements.isSetSupported (recorded: the code asked before using newer members). */
  isSetSupported(name: string, version = '1.1'): boolean {
    const prev = this.asked.get(name);
    if (!prev || versionLe(prev, version)) this.asked.set(name, version);
    return this.supportsSet(name, version);
  }

  supportsSet(name: string, version = '1.1'): boolean {
    const have = this.options.sets[name];
    return !!have && versionLe(version, have);
  }

  /** ExcelApi at `version`. */
  supports(version: string): boolean {
    return this.supportsSet('ExcelApi', version);
  }

  /** Highest ExcelApi version the code used. */
  maxApiUsed(): string {
    let max = '1.1';
    for (const v of this.apiUsed.values()) {
      const [set, ver] = v.split(' ');
      if (set === 'ExcelApi' && versionLe(max, ver)) max = ver;
    }
    return max;
  }

  /**
   * Records a member's use (`Worksheet.getRanges`; `Office.UI.openBrowserWindow`); when the host
   * lacks its requirement set the next sync fails with ApiNotFound, like Office.js. Only members
   * the typings tag can be modelled.
   */
  api(ctx: FakeContext | null, member: string, setter = false, load = false): void {
    const req = requirementOf(member, setter);
    if (!req) throw new Error(`fake Excel: @types/office-js tags no requirement set for ${member}`);
    const [set, version] = req;
    this.apiUsed.set(member, `${set} ${version}`);
    // Loading a property reads it; setting it or calling the method is what cannot be undone.
    if (ctx && !load && undoUnsupported(member, this.options.platform)) ctx.undoUnsupported.push(member);
    const min = this.options.declaredMin;
    if (set === 'ExcelApi' && min && !versionLe(version, min)) {
      const asked = this.asked.get('ExcelApi');
      if (!asked || !versionLe(version, asked)) if (!this.unguarded.includes(member)) this.unguarded.push(member);
    }
    if (!this.supportsSet(set, version)) {
      const err = () => new FakeOfficeError('ApiNotFound', `The API you are trying to use could not be found. It may be available in a newer version of Excel. (${member}, ${set} ${version})`);
      if (ctx) ctx.enqueue(() => {
        throw err();
      });
      else throw err();
    }
  }

  /** Records the top-level properties of a load on `cls` (`Range`, `ConditionalFormat`…). */
  apiProps(ctx: FakeContext, cls: string, tree: LoadTree): void {
    for (const k of Object.keys(tree)) {
      if (k === 'items' || k.startsWith('$')) continue;
      if (isTagged(`${cls}.${k}`)) this.api(ctx, `${cls}.${k}`, false, true);
    }
  }

  /** A write on a protected sheet fails with AccessDenied (https://learn.microsoft.com/javascript/api/excel/excel.worksheetprotection). */
  checkWritable(sheet: FakeSheet, what: string): void {
    if (sheet.protected) throw new FakeOfficeError('AccessDenied', `The cell or chart you're trying to change is on a protected sheet. (${sheet.name}: ${what})`);
    this.touch(sheet);
  }

  // ---- undo (undo.ts) ----

  /** Excel keeps add-ins' writes in the undo history (ExcelApi 1.20). */
  get undoSupported(): boolean {
    return this.supports('1.20');
  }

  /** The sheets a sync is changing, as they were before it (null: the sync writes nothing yet). */
  private recording: Snapshot | null = null;

  /** A command is about to change `sheet`: keep its state from before the sync. */
  touch(sheet: FakeSheet): void {
    if (this.recording && !this.recording.sheets.has(sheet.id)) this.recording.sheets.set(sheet.id, FakeWorkbook.cloneSheet(sheet));
  }

  /** A command added the sheet `id` (undoing the step removes it). */
  touchNew(id: string): void {
    if (this.recording && !this.recording.sheets.has(id)) this.recording.sheets.set(id, null);
  }

  /** After a sync: its writes become an undo step (or join the run's group), or clear the history. */
  private settleUndo(ctx: FakeContext, rec: Snapshot, unsupported: string[], n: number): void {
    if (!rec.sheets.size && !unsupported.length) return;
    const undo = this.wb.undo;
    if (!this.undoSupported) return undo.clear(`add-in write, sync ${n} (no undo support before ExcelApi 1.20)`);
    if (unsupported.length) return undo.clear(`${unsupported.join(', ')} cannot be undone`);
    const group = ctx.undoGroup;
    if (group?.step) {
      for (const [id, sheet] of rec.sheets) if (!group.step.before.sheets.has(id)) group.step.before.sheets.set(id, sheet);
      return;
    }
    const step: UndoStep = { by: 'add-in', label: `sync ${n}`, before: rec };
    undo.push(step);
    if (group) group.step = step;
  }

  /** The user starts typing in a cell (cell-edit mode). */
  enterCellEdit(): void {
    if (!this.cellEdit) this.cellEdit = { waiters: [] };
  }

  /** The user presses Enter: delayed batches run. */
  exitCellEdit(): void {
    const c = this.cellEdit;
    this.cellEdit = null;
    for (const w of c?.waiters ?? []) w();
  }

  get inCellEdit(): boolean {
    return this.cellEdit !== null;
  }

  /** URLs passed to Office.context.ui.openBrowserWindow. */
  readonly opened: string[] = [];
  readonly visibilityHandlers: ((a: { visibilityMode: string }) => void)[] = [];

  /** Ribbon commands' functions (Office.actions.associate, SharedRuntime 1.1). */
  readonly actions = new Map<string, (event: { completed(): void }) => unknown>();
  /** Times Office.addin.showAsTaskpane was called. */
  shownByCode = 0;

  /**
   * The clerk clicks a ribbon button whose action is ExecuteFunction: Office calls the function
   * associated with its FunctionName; resolves when the function calls event.completed()
   * (https://learn.microsoft.com/javascript/api/manifest/action: it times out after 5 minutes otherwise).
   */
  runCommand(name: string): Promise<void> {
    const fn = this.actions.get(name);
    if (!fn) return Promise.reject(new Error(`no function associated with ${name}`));
    return new Promise((resolve) => void fn({ completed: () => resolve() }));
  }

  /**
   * The clerk opens (`Taskpane`) or closes (`Hidden`) the pane: Office.addin.onVisibilityModeChanged
   * (SharedRuntime 1.1; https://learn.microsoft.com/office/dev/add-ins/develop/show-hide-add-in — the
   * shared runtime keeps running while the pane is hidden). Delivered asynchronously, like events.
   */
  setVisibility(mode: 'Taskpane' | 'Hidden'): void {
    for (const h of this.visibilityHandlers) setTimeout(() => h({ visibilityMode: mode }), 0);
  }

  async run<T>(a: unknown, b?: unknown): Promise<T> {
    const batch = (typeof a === 'function' ? a : b) as (ctx: FakeContext) => Promise<T>;
    const opts = typeof a === 'object' && a !== null && !(a as { sync?: unknown }).sync && !(a as { context?: unknown }).context ? (a as { delayForCellEdit?: boolean; previousObjects?: unknown }) : {};
    // Excel.run(context | object | { previousObjects }, batch) reuses that object's RequestContext.
    const prev = (opts as { previousObjects?: unknown }).previousObjects ?? (opts === a ? undefined : a);
    const contextOf = (o: unknown): FakeContext | undefined => (o && typeof o === 'object' ? ((o as { sync?: unknown }).sync ? (o as FakeContext) : (o as { context?: FakeContext }).context) : undefined);
    const given = contextOf(Array.isArray(prev) ? prev[0] : prev);
    if (this.cellEdit && opts.delayForCellEdit && !this.options.ignoreDelayForCellEdit) {
      const c = this.cellEdit;
      await new Promise<void>((resolve) => c.waiters.push(resolve));
    }
    const ctx = given ?? new FakeContext(this);
    if ((opts as { mergeUndoGroup?: boolean }).mergeUndoGroup) {
      // RunOptions.mergeUndoGroup is ExcelApi 1.20.
      if (!this.undoSupported) throw new FakeOfficeError('ApiNotFound', 'The API you are trying to use could not be found. (RunOptions.mergeUndoGroup, ExcelApi 1.20)');
      ctx.undoGroup = { step: null };
    }
    const result = await batch(ctx);
    if (ctx.queue.length) await ctx.sync(); // Excel.run syncs what is left
    return result;
  }

  async sync(ctx: FakeContext): Promise<void> {
    await Promise.resolve();
    const ops = ctx.queue;
    ctx.queue = [];
    const rec: SyncRecord = { n: this.syncs.length + 1, ops: ops.length, requestBytes: 0, responseBytes: 0 };
    this.syncs.push(rec);
    this.onSync?.(rec.n);
    if (this.cellEdit) {
      rec.error = 'InvalidOperationInCellEditMode';
      throw new FakeOfficeError('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.');
    }
    const unsupported = ctx.undoUnsupported;
    ctx.undoUnsupported = [];
    if (ctx.undoGroup && unsupported.length) {
      rec.error = 'UndoNotSupported';
      throw new FakeOfficeError('UndoNotSupported', `The operation cannot be grouped for undo: ${unsupported.join(', ')} does not support undo.`);
    }
    rec.requestBytes = ops.reduce((n, op) => n + op.requestBytes, 0) + ops.length * 48;
    const limit = this.options.payloadLimit;
    if (limit !== null && rec.requestBytes > limit) {
      rec.error = 'RequestPayloadSizeLimitExceeded';
      throw new FakeOfficeError('RequestPayloadSizeLimitExceeded', 'The request payload size has exceeded the limit.');
    }
    const commits: (() => void)[] = [];
    this.ownEvents = [];
    const recording: Snapshot = { order: this.wb.sheets.map((x) => x.id), sheets: new Map() };
    this.recording = recording;
    try {
      const yielding = this.options.yieldBetweenOps && typeof performance !== 'undefined' && typeof performance.measure === 'function';
      for (const op of ops) {
        if (yielding) await yieldToHost();
        const start = yielding ? performance.now() : 0;
        const r = op.run(rec.n);
        if (yielding) performance.measure('fake-excel', { start, end: performance.now() });
        if (r) {
          rec.responseBytes += r.bytes;
          if (r.commit) commits.push(r.commit);
        }
      }
      if (yielding) await yieldToHost();
    } catch (e) {
      const err = e instanceof FakeOfficeError ? e : new FakeOfficeError((e as { code?: string }).code ?? 'GeneralException', (e as Error).message);
      rec.error = err.code;
      this.recording = null;
      // What ran before the failing command stays written (and in the history, or clears it).
      this.settleUndo(ctx, recording, unsupported, rec.n);
      this.flushOwnEvents();
      throw err;
    }
    this.recording = null;
    this.settleUndo(ctx, recording, unsupported, rec.n);
    if (limit !== null && rec.responseBytes > limit) {
      rec.error = 'ResponsePayloadSizeLimitExceeded';
      this.flushOwnEvents();
      throw new FakeOfficeError('ResponsePayloadSizeLimitExceeded', 'The response payload size has exceeded the limit.');
    }
    for (const c of commits) c();
    this.flushOwnEvents();
  }

  private ownEvents: RawEvent[] = [];

  /** A command changed the workbook in a way that raises an event (if events are enabled). */
  raise(e: RawEvent): void {
    if (this.wb.enableEvents || this.options.ignoreEnableEvents) this.ownEvents.push(e);
  }

  private flushOwnEvents(): void {
    const evs = this.ownEvents;
    this.ownEvents = [];
    for (const e of evs) this.wb.emitOwn(e);
  }

  private deliver(e: RawEvent): void {
    const hs = this.handlers.get(e.name);
    if (!hs) return;
    for (const h of [...hs]) {
      if (h.sheetId && h.sheetId !== e.worksheetId) continue;
      this.pendingDeliveries++;
      const args = this.eventArgs(e, h.ctx);
      setTimeout(() => {
        this.pendingDeliveries--;
        void h.fn(args);
      }, 0);
    }
  }

  /** True while events are on their way to handlers. */
  get delivering(): boolean {
    return this.pendingDeliveries > 0;
  }

  private eventArgs(e: RawEvent, ctx: FakeContext): unknown {
    const types: Record<EventName, string> = {
      changed: 'WorksheetChanged',
      activated: 'WorksheetActivated',
      added: 'WorksheetAdded',
      deleted: 'WorksheetDeleted',
      rowSorted: 'WorksheetRowSorted',
      columnSorted: 'WorksheetColumnSorted',
    };
    // WorksheetChangedEventArgs.source (ExcelApi 1.7): "local or remote (through co-authoring)".
    const args: Record<string, unknown> = { type: types[e.name], worksheetId: e.worksheetId, source: e.remote ? 'Remote' : 'Local' };
    if (e.name === 'changed' || e.name === 'rowSorted' || e.name === 'columnSorted') {
      args.address = e.address;
      if (e.name === 'changed') {
        args.changeType = e.changeType;
        if (e.details && this.supports('1.9')) args.details = e.details as ChangedDetails;
        if (this.supports('1.14')) args.triggerSource = e.own ? 'ThisLocalAddin' : 'Unknown';
        const wb = this.wb;
        args.getRange = (c: FakeContext) => new RangeP(c ?? ctx, () => ({ sheet: wb.sheet(e.worksheetId), rect: parseA1(e.address!) }));
      }
    }
    return args;
  }
}

export class FakeContext {
  queue: Op[] = [];
  /** Members queued since the last sync that Excel cannot undo (undo.ts). */
  undoUnsupported: string[] = [];
  /** Excel.run({ mergeUndoGroup: true }): the one undo step of this run, once it wrote. */
  undoGroup: { step: UndoStep | null } | null = null;
  readonly workbook: WorkbookP;
  readonly runtime: RuntimeP;
  readonly trackedObjects = { add: () => undefined, remove: () => undefined };
  constructor(readonly host: FakeHost) {
    this.workbook = new WorkbookP(this);
    this.runtime = new RuntimeP(this);
  }
  get wb(): FakeWorkbook {
    return this.host.wb;
  }
  enqueue(run: Op['run'], requestBytes = 0): void {
    this.queue.push({ run, requestBytes });
  }
  sync(): Promise<void> {
    return this.host.sync(this);
  }
}

const encoder = typeof TextEncoder !== 'undefined' ? new TextEncoder() : null;

/** UTF-8 bytes of a response (the native encoder where there is one: the payload check runs on every load). */
function byteLength(json: string): number {
  return encoder ? encoder.encode(json).length : utf8Length(json);
}

/** Base of all proxies: loaded properties, isNullObject. */
class ProxyBase {
  protected _data: Record<string, unknown> | null = null;
  protected _null: boolean | undefined;
  constructor(readonly context: FakeContext) {}
  get isNullObject(): boolean {
    if (this._null === undefined) throw notLoaded('isNullObject');
    return this._null;
  }
  protected _get<T>(name: string): T {
    if (!this._data || !(name in this._data)) throw notLoaded(name);
    return this._data[name] as T;
  }
  /**
   * Queues a load: `snap` computes the requested data at sync time (null → null object). The data
   * travels as JSON, as Office.js receives it: the add-in gets its own copy, parsed on its thread.
   */
  protected _load(snap: () => Record<string, unknown> | null): void {
    this.context.enqueue(() => {
      const data = snap();
      const json = data ? JSON.stringify(data) : null;
      return {
        bytes: json ? byteLength(json) : 8,
        commit: () => {
          this._null = data === null;
          this._data = { ...(this._data ?? {}), ...(json ? (JSON.parse(json) as Record<string, unknown>) : {}) };
        },
      };
    });
  }
  /** OrNullObject results know whether they are null after the next sync, loaded or not. */
  protected _autoNull(exists: () => boolean): void {
    this.context.enqueue(() => {
      const isNull = !exists();
      return { bytes: 8, commit: () => (this._null = isNull) };
    });
  }
}

type RangeTarget = { sheet: FakeSheet; rect: Rect };
type RangeSpec = () => RangeTarget | null;

function itemNotFound(what: string): FakeOfficeError {
  return new FakeOfficeError('ItemNotFound', `The requested resource doesn't exist. (${what})`);
}

function need<T>(t: T | null, what: string): T {
  if (t === null) throw itemNotFound(what);
  return t;
}

class WorkbookP {
  readonly worksheets: WorksheetCollectionP;
  readonly functions: FunctionsP;
  constructor(readonly context: FakeContext) {
    this.worksheets = new WorksheetCollectionP(context);
    this.functions = new FunctionsP(context);
  }
  get application(): ApplicationP {
    this.context.host.api(this.context, 'Workbook.application');
    return new ApplicationP(this.context);
  }
  /** The active cell: the top-left cell of the active sheet's selection (Workbook.getActiveCell, ExcelApi 1.7). */
  getActiveCell(): RangeP {
    const ctx = this.context;
    ctx.host.api(ctx, 'Workbook.getActiveCell');
    const wb = ctx.wb;
    return new RangeP(ctx, () => {
      const sheet = need(wb.findSheet(wb.activeSheetId ?? '') ?? null, 'active worksheet');
      const sel = parseA1(sheet.selection.split(',')[0]);
      return { sheet, rect: { top: sel.top, left: sel.left, bottom: sel.top, right: sel.left } };
    });
  }
}

/**
 * Application.activeWindow and the window's active sheet and visible range (ExcelApiDesktop 1.1:
 * "Returns a window object that represents the active window"; Window.visibleRange "Gets the
 * visible range of the window"; Windows from Version 2509, Mac from 16.102, not the web —
 * https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-desktop-1-1-requirement-set).
 * The window shows `wb.windowRows` rows from the active sheet's `scrollRow` (FakeWorkbook.visibleRect).
 */
class ApplicationP {
  constructor(readonly context: FakeContext) {}
  get activeWindow(): WindowP {
    this.context.host.api(this.context, 'Application.activeWindow');
    return new WindowP(this.context);
  }
}

class WindowP {
  constructor(readonly context: FakeContext) {}
  private active(): FakeSheet {
    const wb = this.context.wb;
    return need(wb.findSheet(wb.activeSheetId ?? '') ?? null, 'active worksheet');
  }
  get activeWorksheet(): WorksheetP {
    this.context.host.api(this.context, 'Window.activeWorksheet');
    return new WorksheetP(this.context, () => this.active());
  }
  get visibleRange(): RangeP {
    this.context.host.api(this.context, 'Window.visibleRange');
    return new RangeP(this.context, () => {
      const sheet = this.active();
      return { sheet, rect: this.context.wb.visibleRect(sheet) };
    });
  }
}

class RuntimeP {
  constructor(readonly context: FakeContext) {}
  set enableEvents(v: boolean) {
    this.context.host.api(this.context, 'Runtime.enableEvents');
    this.context.enqueue(() => {
      this.context.wb.enableEvents = v;
    });
  }
  get enableEvents(): boolean {
    throw notLoaded('enableEvents');
  }
}

class FunctionsP {
  constructor(readonly context: FakeContext) {}
  date(y: number, m: number, d: number): FunctionResultP {
    this.context.host.api(this.context, 'Functions.date');
    const wb = this.context.wb;
    return new FunctionResultP(this.context, () => Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000) - (wb.date1904 ? 1462 : 0));
  }
}

class FunctionResultP extends ProxyBase {
  constructor(
    ctx: FakeContext,
    private readonly compute: () => number,
  ) {
    super(ctx);
  }
  load(_spec?: unknown): this {
    this._load(() => ({ value: this.compute(), error: null }));
    return this;
  }
  get value(): number {
    return this._get('value');
  }
}

class EventHandlersP {
  /** `sheet`: a worksheet's own event (Worksheet.onChanged), else the collection's. */
  constructor(
    private readonly context: FakeContext,
    private readonly name: EventName,
    private readonly sheet?: () => string,
  ) {}
  add(fn: Handler): EventHandlerResultP {
    const ctx = this.context;
    const ev = `on${this.name[0].toUpperCase()}${this.name.slice(1)}`;
    ctx.host.api(ctx, this.sheet ? `Worksheet.${ev}` : `WorksheetCollection.${ev}`);
    const entry: { fn: Handler; ctx: FakeContext; sheetId?: string } = { fn, ctx };
    const sheet = this.sheet;
    if (sheet) ctx.enqueue(() => void (entry.sheetId = sheet()));
    ctx.enqueue(() => {
      let set = ctx.host.handlers.get(this.name);
      if (!set) ctx.host.handlers.set(this.name, (set = new Set()));
      set.add(entry);
    });
    return new EventHandlerResultP(ctx, () => ctx.host.handlers.get(this.name)?.delete(entry));
  }
}

class EventHandlerResultP {
  constructor(
    readonly context: FakeContext,
    private readonly removeFn: () => void,
  ) {}
  remove(): void {
    // Queued on the context of the Excel.run it is called in (Excel.run(result.context, …)).
    this.context.enqueue(() => {
      this.removeFn();
    });
  }
}

class WorksheetCollectionP extends ProxyBase {
  private _items: WorksheetP[] | null = null;
  readonly onChanged: EventHandlersP;
  readonly onActivated: EventHandlersP;
  readonly onAdded: EventHandlersP;
  readonly onDeleted: EventHandlersP;
  readonly onRowSorted: EventHandlersP;
  readonly onColumnSorted: EventHandlersP;
  constructor(ctx: FakeContext) {
    super(ctx);
    this.onChanged = new EventHandlersP(ctx, 'changed');
    this.onActivated = new EventHandlersP(ctx, 'activated');
    this.onAdded = new EventHandlersP(ctx, 'added');
    this.onDeleted = new EventHandlersP(ctx, 'deleted');
    this.onRowSorted = new EventHandlersP(ctx, 'rowSorted');
    this.onColumnSorted = new EventHandlersP(ctx, 'columnSorted');
  }
  load(spec?: unknown): this {
    const tree = loadTree(spec ?? 'items/name');
    const itemTree = (tree.items === true ? { name: true, id: true, position: true } : tree.items) ?? { name: true, id: true, position: true };
    const wb = this.context.wb;
    this.context.host.apiProps(this.context, 'Worksheet', itemTree as LoadTree);
    this.context.enqueue(() => {
      const sheets = [...wb.sheets];
      const data = sheets.map((s) => WorksheetP.snapshot(wb, s, itemTree as LoadTree));
      return {
        bytes: utf8Length(JSON.stringify(data)),
        commit: () => {
          this._items = sheets.map((s, i) => {
            const p = new WorksheetP(this.context, () => wb.findSheet(s.id) ?? null, s.id);
            p.setLoaded(data[i]);
            return p;
          });
        },
      };
    });
    return this;
  }
  get items(): WorksheetP[] {
    if (!this._items) throw notLoaded('items');
    return this._items;
  }
  getItem(k: string): WorksheetP {
    const wb = this.context.wb;
    return new WorksheetP(this.context, () => need(wb.findSheet(k) ?? null, `worksheet ${k}`));
  }
  getItemOrNullObject(k: string): WorksheetP {
    this.context.host.api(this.context, 'WorksheetCollection.getItemOrNullObject');
    const wb = this.context.wb;
    const p = new WorksheetP(this.context, () => wb.findSheet(k) ?? null);
    p.autoNull();
    return p;
  }
  getActiveWorksheet(): WorksheetP {
    const wb = this.context.wb;
    return new WorksheetP(this.context, () => need(wb.findSheet(wb.activeSheetId ?? '') ?? null, 'active worksheet'));
  }
  add(name?: string): WorksheetP {
    const ctx = this.context;
    const wb = ctx.wb;
    let bound: string | null = null;
    ctx.enqueue(
      (n) => {
        let nm = name;
        for (let i = 1; !nm; i++) if (!wb.findSheet(`Sheet${i}`)) nm = `Sheet${i}`;
        const s = wb.newSheet(nm);
        bound = s.id;
        ctx.host.touchNew(s.id);
        wb.record(n, s, 'sheet.add', '');
        ctx.host.raise({ name: 'added', worksheetId: s.id });
      },
      utf8Length(name ?? ''),
    );
    return new WorksheetP(ctx, () => need(bound ? wb.findSheet(bound) ?? null : null, 'added worksheet'));
  }
}

class WorksheetP extends ProxyBase {
  constructor(
    ctx: FakeContext,
    private readonly spec: () => FakeSheet | null,
    private readonly knownId?: string,
  ) {
    super(ctx);
  }
  static snapshot(wb: FakeWorkbook, s: FakeSheet, tree: LoadTree): Record<string, unknown> {
    const all: Record<string, unknown> = { name: s.name, id: s.id, position: wb.sheets.indexOf(s), visibility: s.visibility ?? 'Visible', protection: { protected: !!s.protected } };
    const keys = Object.keys(tree).length ? Object.keys(tree) : Object.keys(all);
    const out: Record<string, unknown> = {};
    for (const k of keys) if (k in all) out[k] = all[k];
    return out;
  }
  setLoaded(data: Record<string, unknown>): void {
    this._data = data;
    this._null = false;
  }
  autoNull(): void {
    this._autoNull(() => this.spec() !== null);
  }
  private sheet(): FakeSheet {
    return need(this.spec(), `worksheet ${this.knownId ?? ''}`);
  }
  load(spec?: unknown): this {
    const tree = loadTree(spec ?? 'name,id,position');
    const wb = this.context.wb;
    this.context.host.apiProps(this.context, 'Worksheet', tree);
    this._load(() => {
      const s = this.spec();
      return s ? WorksheetP.snapshot(wb, s, tree) : null;
    });
    return this;
  }
  get name(): string {
    return this._get('name');
  }
  get id(): string {
    return this._get('id');
  }
  get position(): number {
    return this._get('position');
  }
  get visibility(): string {
    return this._get('visibility');
  }
  set visibility(v: string) {
    const ctx = this.context;
    ctx.host.api(ctx, 'Worksheet.visibility', true);
    ctx.enqueue((n) => {
      const s = this.sheet();
      ctx.host.touch(s);
      s.visibility = v;
      ctx.wb.record(n, s, 'visibility', v);
    });
  }
  get protection(): WorksheetProtectionP {
    this.context.host.api(this.context, 'Worksheet.protection');
    const loaded = this._data?.protection as Record<string, unknown> | undefined;
    return new WorksheetProtectionP(this.context, () => this.sheet(), loaded);
  }
  get onChanged(): EventHandlersP {
    return new EventHandlersP(this.context, 'changed', () => this.sheet().id);
  }
  delete(): void {
    const ctx = this.context;
    ctx.host.api(ctx, 'Worksheet.delete');
    ctx.enqueue(() => {
      const s = this.sheet();
      ctx.host.touch(s);
      ctx.wb.sheets = ctx.wb.sheets.filter((x) => x !== s);
      ctx.host.raise({ name: 'deleted', worksheetId: s.id });
    });
  }
  private range(f: (s: FakeSheet) => Rect): RangeP {
    return new RangeP(this.context, () => {
      const s = this.spec();
      return s ? { sheet: s, rect: f(s) } : null;
    });
  }
  getRange(address?: string): RangeP {
    return this.range(() => (address ? parseA1(address) : FakeWorkbook.whole()));
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): RangeP {
    this.context.host.api(this.context, 'Worksheet.getRangeByIndexes');
    return this.range(() => {
      if (row < 0 || col < 0 || rows < 1 || cols < 1 || row + rows > MAX_ROWS || col + cols > MAX_COLS) {
        throw new FakeOfficeError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.');
      }
      return { top: row + 1, left: col + 1, bottom: row + rows, right: col + cols };
    });
  }
  getRanges(address: string): AreasP {
    this.context.host.api(this.context, 'Worksheet.getRanges');
    this.context.enqueue(() => {
      // Longer address lists fail (office-js#5198; the limit is in Microsoft's troubleshooting article, office-js-docs-pr#2348).
      if (address.length > 8192) throw new FakeOfficeError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.');
    }, utf8Length(address));
    return new AreasP(this.context, () => {
      const s = this.spec();
      return s ? { sheet: s, rects: splitList(address).map(parseA1) } : null;
    });
  }
  getUsedRangeOrNullObject(valuesOnly = false): RangeP {
    this.context.host.api(this.context, 'Worksheet.getUsedRangeOrNullObject');
    const wb = this.context.wb;
    const p = new RangeP(this.context, () => {
      const s = this.spec();
      const r = s ? wb.usedRect(s, valuesOnly) : null;
      return s && r ? { sheet: s, rect: r } : null;
    });
    p.autoNull();
    return p;
  }
  activate(): void {
    const ctx = this.context;
    ctx.enqueue((n) => {
      const s = this.sheet();
      if (ctx.wb.activeSheetId !== s.id) {
        ctx.wb.activeSheetId = s.id;
        ctx.host.raise({ name: 'activated', worksheetId: s.id });
      }
      ctx.wb.record(n, s, 'activate', '');
    });
  }
  get freezePanes(): { freezeRows(n: number): void } {
    const ctx = this.context;
    ctx.host.api(ctx, 'Worksheet.freezePanes');
    return {
      freezeRows: (n: number) =>
        ctx.enqueue((sn) => {
          const s = this.sheet();
          ctx.host.touch(s);
          s.frozenRows = n;
          ctx.wb.record(sn, s, 'freezeRows', String(n));
        }),
    };
  }
  get pageLayout(): Record<string, unknown> {
    const ctx = this.context;
    ctx.host.api(ctx, 'Worksheet.pageLayout');
    const set = (k: string) => (v: unknown) =>
      ctx.enqueue((sn) => {
        const s = this.sheet();
        ctx.host.touch(s);
        s.pageLayout[k] = JSON.parse(JSON.stringify(v));
        ctx.wb.record(sn, s, 'pageLayout', k);
      });
    const o: Record<string, unknown> = {};
    for (const k of ['orientation', 'paperSize', 'zoom', 'centerHorizontally', 'printGridlines']) {
      Object.defineProperty(o, k, { set: set(k), get: () => { throw notLoaded(k); }, enumerable: true });
    }
    return o;
  }
}

/** Worksheet protection: writes to a protected sheet fail with AccessDenied (see FakeHost.checkWritable). */
class WorksheetProtectionP {
  constructor(
    private readonly context: FakeContext,
    private readonly sheet: () => FakeSheet,
    private readonly loaded: Record<string, unknown> | undefined,
  ) {}
  get protected(): boolean {
    if (!this.loaded || !('protected' in this.loaded)) throw notLoaded('protected');
    return this.loaded.protected as boolean;
  }
  protect(_options?: unknown, _password?: string): void {
    const ctx = this.context;
    ctx.host.api(ctx, 'WorksheetProtection.protect');
    ctx.enqueue(() => {
      ctx.host.touch(this.sheet());
      this.sheet().protected = true;
    });
  }
  unprotect(_password?: string): void {
    const ctx = this.context;
    ctx.host.api(ctx, 'WorksheetProtection.unprotect');
    ctx.enqueue(() => {
      ctx.host.touch(this.sheet());
      this.sheet().protected = false;
    });
  }
}

class RangeP extends ProxyBase {
  constructor(
    ctx: FakeContext,
    readonly spec: RangeSpec,
  ) {
    super(ctx);
  }
  autoNull(): void {
    this._autoNull(() => this.spec() !== null);
  }
  private target(): RangeTarget {
    return need(this.spec(), 'range');
  }
  load(spec?: unknown): this {
    const tree = loadTree(spec ?? 'address,values');
    const ctx = this.context;
    ctx.host.apiProps(ctx, 'Range', tree);
    const wb = ctx.wb;
    this._load(() => {
      const t = this.spec();
      if (!t) return null;
      const { sheet, rect } = t;
      const out: Record<string, unknown> = {};
      const grid = (f: (r: number, c: number) => unknown) => {
        if (cellsOf(rect) > 5_000_000) throw new FakeOfficeError('InvalidOperation', 'A range is limited to five million cells for get operations.');
        const rows: unknown[][] = [];
        for (let r = rect.top; r <= rect.bottom; r++) {
          const row: unknown[] = [];
          for (let c = rect.left; c <= rect.right; c++) row.push(f(r, c));
          rows.push(row);
        }
        return rows;
      };
      for (const k of Object.keys(tree)) {
        switch (k) {
          case 'address':
            out.address = wb.address(sheet, rect);
            break;
          case 'rowIndex':
            out.rowIndex = rect.top - 1;
            break;
          case 'columnIndex':
            out.columnIndex = rect.left - 1;
            break;
          case 'rowCount':
            out.rowCount = rect.bottom - rect.top + 1;
            break;
          case 'columnCount':
            out.columnCount = rect.right - rect.left + 1;
            break;
          case 'cellCount':
            out.cellCount = cellsOf(rect);
            break;
          case 'values':
            out.values = grid((r, c) => wb.valueAt(sheet, r, c));
            break;
          case 'valueTypes':
            out.valueTypes = grid((r, c) => wb.typeAt(sheet, r, c));
            break;
          case 'formulas':
            out.formulas = grid((r, c) => wb.formulaAt(sheet, r, c));
            break;
          case 'numberFormat':
            out.numberFormat = grid((r, c) => wb.cell(sheet, r, c)?.style?.numberFormat ?? 'General');
            break;
          default:
            break; // unknown properties load nothing (reading them throws)
        }
      }
      return out;
    });
    return this;
  }
  get address(): string {
    return this._get('address');
  }
  get rowIndex(): number {
    return this._get('rowIndex');
  }
  get columnIndex(): number {
    return this._get('columnIndex');
  }
  get rowCount(): number {
    return this._get('rowCount');
  }
  get columnCount(): number {
    return this._get('columnCount');
  }
  get values(): unknown[][] {
    return this._get('values');
  }
  get valueTypes(): string[][] {
    return this._get('valueTypes');
  }
  get formulas(): unknown[][] {
    return this._get('formulas');
  }
  get numberFormat(): unknown[][] {
    return this._get('numberFormat');
  }
  private writeGrid(kind: 'values' | 'formulas' | 'numberFormat', v: unknown): void {
    const ctx = this.context;
    ctx.enqueue(
      (n) => {
        const { sheet, rect } = this.target();
        // Part of a merged area cannot be written: Excel refuses with "Cannot change part of a merged
        // cell" (its own message; issue 19 of this project: the write fails, and with it the batch).
        const partial = sheet.merges.find((m) => {
          const x = intersect(m, rect);
          // Its top-left cell alone can be written (that is where a merged area's value lives).
          return x && !contains(rect, m) && !(x.top === m.top && x.left === m.left && x.bottom === m.top && x.right === m.left);
        });
        if (partial) throw new FakeOfficeError('InvalidOperation', `Cannot change part of a merged cell. (${sheet.name}!${rectA1(partial)})`);
        ctx.host.checkWritable(sheet, kind);
        const rows = rect.bottom - rect.top + 1;
        const cols = rect.right - rect.left + 1;
        const grid = Array.isArray(v) ? (v as unknown[][]) : null;
        if (grid && (grid.length !== rows || grid.some((r) => !Array.isArray(r) || r.length !== cols))) {
          throw new FakeOfficeError('InvalidArgument', `The number of rows or columns in the input array doesn't match the size or dimensions of the range. (${rectA1(rect)})`);
        }
        const wb = ctx.wb;
        const changed: string[] = [];
        for (let i = 0; i < rows; i++) {
          for (let j = 0; j < cols; j++) {
            const val = grid ? grid[i][j] : v;
            const r = rect.top + i;
            const c = rect.left + j;
            if (kind === 'numberFormat') {
              wb.style(sheet, r, c).numberFormat = String(val);
            } else {
              const before = JSON.stringify([wb.valueAt(sheet, r, c), wb.cell(sheet, r, c)?.formula ?? null]);
              wb.setValue(sheet, r, c, val);
              if (JSON.stringify([wb.valueAt(sheet, r, c), wb.cell(sheet, r, c)?.formula ?? null]) !== before) changed.push(rectA1({ top: r, left: c, bottom: r, right: c }));
            }
          }
        }
        // A merged area written whole keeps only its top-left value, as merging does.
        if (kind !== 'numberFormat') for (const m of sheet.merges) if (contains(rect, m)) wb.forEachCell(m, (r, c) => (r !== m.top || c !== m.left) && wb.setValue(sheet, r, c, null));
        wb.record(n, sheet, kind, rect, kind === 'numberFormat' ? undefined : changed);
        if (kind !== 'numberFormat' && changed.length) ctx.host.raise({ name: 'changed', worksheetId: sheet.id, address: rectA1(rect), changeType: 'RangeEdited' });
      },
      utf8Length(JSON.stringify(v)),
    );
  }
  set values(v: unknown[][]) {
    this.writeGrid('values', v);
  }
  set formulas(v: unknown[][]) {
    this.writeGrid('formulas', v);
  }
  set numberFormat(v: unknown[][]) {
    this.writeGrid('numberFormat', v);
  }
  getIntersectionOrNullObject(other: RangeP | string): RangeP {
    this.context.host.api(this.context, 'Range.getIntersectionOrNullObject');
    const p = new RangeP(this.context, () => {
      const a = this.spec();
      if (!a) return null;
      const b = typeof other === 'string' ? { sheet: a.sheet, rect: parseA1(other) } : other.spec();
      if (!b || b.sheet !== a.sheet) return null;
      const r = intersect(a.rect, b.rect);
      return r ? { sheet: a.sheet, rect: r } : null;
    });
    p.autoNull();
    return p;
  }
  getUsedRangeOrNullObject(valuesOnly = false): RangeP {
    this.context.host.api(this.context, 'Range.getUsedRangeOrNullObject');
    const wb = this.context.wb;
    const p = new RangeP(this.context, () => {
      const t = this.spec();
      const r = t ? wb.usedRect(t.sheet, valuesOnly, t.rect) : null;
      return t && r ? { sheet: t.sheet, rect: r } : null;
    });
    p.autoNull();
    return p;
  }
  getMergedAreasOrNullObject(): AreasP {
    const ctx = this.context;
    ctx.host.api(ctx, 'Range.getMergedAreasOrNullObject');
    const p = new AreasP(ctx, () => {
      const t = this.spec();
      if (!t) return null;
      const rects = ctx.wb.mergesIn(t.sheet, t.rect);
      if (rects.length > ctx.host.options.mergeAreaLimit) throw new FakeOfficeError('GeneralException', 'There was an internal error while processing the request.');
      return rects.length ? { sheet: t.sheet, rects } : null;
    });
    p.autoNull();
    return p;
  }
  get conditionalFormats(): CfCollectionP {
    this.context.host.api(this.context, 'Range.conditionalFormats');
    return new CfCollectionP(this.context, () => {
      const t = this.spec();
      return t ? { sheet: t.sheet, rects: [t.rect] } : null;
    });
  }
  get format(): FormatP {
    return new FormatP(this.context, () => {
      const t = this.spec();
      return t ? { sheet: t.sheet, rects: [t.rect] } : null;
    });
  }
  get dataValidation(): DataValidationP {
    this.context.host.api(this.context, 'Range.dataValidation');
    return new DataValidationP(this.context, this.spec);
  }
  merge(across = false): void {
    const ctx = this.context;
    ctx.enqueue((n) => {
      const { sheet, rect } = this.target();
      ctx.host.checkWritable(sheet, 'merge');
      const parts: Rect[] = across ? Array.from({ length: rect.bottom - rect.top + 1 }, (_, i) => ({ ...rect, top: rect.top + i, bottom: rect.top + i })) : [rect];
      for (const p of parts) {
        if (cellsOf(p) < 2) continue;
        sheet.merges = sheet.merges.filter((m) => !intersect(m, p));
        sheet.merges.push(p);
      }
      ctx.wb.record(n, sheet, 'merge', rect);
    });
  }
  select(): void {
    const ctx = this.context;
    ctx.enqueue((n) => {
      const { sheet, rect } = this.target();
      sheet.selection = rectA1(rect);
      // Excel brings the selected cells into view (assumed: Range.select only says "Selects the specified range in the Excel UI").
      const seen = ctx.wb.visibleRect(sheet);
      if (rect.top < seen.top || rect.top > seen.bottom) sheet.scrollRow = Math.max(1, rect.top - 5);
      ctx.wb.record(n, sheet, 'select', rect);
    });
  }
}

type AreasTarget = { sheet: FakeSheet; rects: Rect[] };

class AreasP extends ProxyBase {
  constructor(
    ctx: FakeContext,
    private readonly spec: () => AreasTarget | null,
  ) {
    super(ctx);
  }
  autoNull(): void {
    this._autoNull(() => this.spec() !== null);
  }
  load(spec?: unknown): this {
    const tree = loadTree(spec ?? 'address');
    const wb = this.context.wb;
    this._load(() => {
      const t = this.spec();
      if (!t) return null;
      const out: Record<string, unknown> = {};
      if (tree.address) out.address = t.rects.map((r) => wb.address(t.sheet, r)).join(',');
      if (tree.areaCount) out.areaCount = t.rects.length;
      if (tree.cellCount) out.cellCount = t.rects.reduce((n, r) => n + cellsOf(r), 0);
      return out;
    });
    return this;
  }
  get address(): string {
    return this._get('address');
  }
  get areaCount(): number {
    return this._get('areaCount');
  }
  get conditionalFormats(): CfCollectionP {
    this.context.host.api(this.context, 'RangeAreas.conditionalFormats');
    return new CfCollectionP(this.context, this.spec);
  }
  get format(): FormatP {
    return new FormatP(this.context, this.spec);
  }
}

/*
 * Conditional formats. `ConditionalFormat.id` is documented as "the priority of the conditional
 * format in the current ConditionalFormatCollection" (@types/office-js; the article
 * https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-conditional-formatting reads the
 * first rule with getItemOrNullObject("0")), and ConditionalFormat.priority says "if you change the
 * priority, you have to re-fetch a new copy of the object at that new priority location". So with
 * `cfIds: 'priority'` (the default) a loaded item is addressed by its position in the collection it
 * was loaded from, resolved again when each queued action runs: after an add or a delete earlier in
 * the batch, a stale item hits whatever now sits at that position (or fails with ItemNotFound).
 * `cfIds: 'stable'` models ids that survive (what the add-in must not rely on either).
 * `failStackedRules`: loading the rules of a collection in which one range carries two or more
 * non-custom rules throws (office-js#6827, #6835; deleting there: #5222).
 */
type CfTarget = { sheet: FakeSheet; cf: FakeConditionalFormat };

class CfCollectionP extends ProxyBase {
  private _items: CfP[] | null = null;
  constructor(
    ctx: FakeContext,
    private readonly spec: () => AreasTarget | null,
  ) {
    super(ctx);
  }
  /** The formats this collection holds now, in priority order (`limit`: the first ones). */
  list(limit?: number): { sheet: FakeSheet; cfs: FakeConditionalFormat[] } {
    const t = need(this.spec(), 'range');
    return { sheet: t.sheet, cfs: this.context.wb.cfsIntersecting(t.sheet, t.rects, limit) };
  }
  /** An item addressed as Office.js addresses it: by position (priority ids) or by identity (stable ids). */
  private item(index: number, cf: FakeConditionalFormat | null): () => CfTarget | null {
    const ctx = this.context;
    return () => {
      const byPosition = ctx.host.options.cfIds === 'priority';
      const { sheet, cfs } = this.list(byPosition ? index + 1 : undefined);
      const hit = byPosition ? cfs[index] : cf && cfs.includes(cf) ? cf : undefined;
      return hit ? { sheet, cf: hit } : null;
    };
  }
  load(spec?: unknown): this {
    const tree = loadTree(spec ?? 'items/id');
    const itemTree: LoadTree = tree.items && tree.items !== true ? tree.items : tree;
    const ctx = this.context;
    ctx.host.apiProps(ctx, 'ConditionalFormat', itemTree);
    ctx.enqueue(() => {
      const { sheet, cfs } = this.list();
      if (ctx.host.options.failStackedRules && stackedRules(cfs)) {
        throw new FakeOfficeError('GeneralException', 'There was an internal error while processing the request. (office-js#6827)');
      }
      const data = cfs.map((cf, i) => CfP.snapshot(ctx.host, sheet, cf, i, itemTree));
      return {
        bytes: utf8Length(JSON.stringify(data)),
        commit: () => {
          this._items = cfs.map((cf, i) => {
            const p = new CfP(ctx, this.item(i, cf));
            p.setLoaded(data[i]);
            return p;
          });
        },
      };
    });
    return this;
  }
  get items(): CfP[] {
    if (!this._items) throw notLoaded('items');
    return this._items;
  }
  add(type: string): CfP {
    const ctx = this.context;
    ctx.host.api(ctx, 'ConditionalFormatCollection.add');
    let made: FakeConditionalFormat | null = null;
    ctx.enqueue((n) => {
      const t = need(this.spec(), 'range');
      if (type !== 'Custom') throw new FakeOfficeError('InvalidArgument', `fake: conditional format type ${type} not supported`);
      ctx.host.checkWritable(t.sheet, 'conditional format');
      const cf: FakeConditionalFormat = { id: FakeWorkbook.newId('CF'), type: 'Custom', ranges: t.rects.map((r) => ({ ...r })), formula: '' };
      t.sheet.cfs.unshift(cf); // first/top priority, as documented for add()
      made = cf;
      ctx.wb.record(n, t.sheet, 'cf.add', t.rects.map(rectA1).join(','));
    });
    // The new format is item 0 of this collection right after the add.
    return new CfP(ctx, this.item(0, null), () => made);
  }
  getItemOrNullObject(id: string): CfP {
    this.context.host.api(this.context, 'ConditionalFormatCollection.getItemOrNullObject');
    const ctx = this.context;
    const p = new CfP(ctx, () => {
      const { sheet, cfs } = this.list();
      const hit = ctx.host.options.cfIds === 'priority' ? cfs[Number(id)] : cfs.find((c) => c.id === id);
      return hit ? { sheet, cf: hit } : null;
    });
    p.autoNull();
    return p;
  }
  getCount(): { value: number; load(): void } {
    const ctx = this.context;
    ctx.host.api(ctx, 'ConditionalFormatCollection.getCount');
    let value: number | null = null;
    ctx.enqueue(() => {
      const n = this.list().cfs.length;
      return { bytes: 8, commit: () => (value = n) };
    });
    return {
      get value(): number {
        if (value === null) throw notLoaded('value');
        return value;
      },
      load() {
        return undefined;
      },
    };
  }
}

/** Two or more non-custom rules on one range (what office-js#6827 reports as unreadable). */
function stackedRules(cfs: FakeConditionalFormat[]): boolean {
  const seen = new Map<string, number>();
  for (const cf of cfs) {
    if (cf.type === 'Custom') continue;
    const k = cf.ranges.map(rectA1).join(',');
    seen.set(k, (seen.get(k) ?? 0) + 1);
    if (seen.get(k)! > 1) return true;
  }
  return false;
}

class CfP extends ProxyBase {
  /**
   * `find` resolves the format when an action runs (by position or identity, see above);
   * `justAdded` is the format created by add(), for the add's own property sets in stable mode.
   */
  constructor(
    ctx: FakeContext,
    private readonly locate: () => CfTarget | null,
    private readonly justAdded?: () => FakeConditionalFormat | null,
  ) {
    super(ctx);
  }
  static snapshot(host: FakeHost, sheet: FakeSheet, cf: FakeConditionalFormat, index: number, tree: LoadTree): Record<string, unknown> {
    const custom = { rule: { formula: cf.formula }, format: { fill: { color: cf.fill ?? null }, font: { color: cf.fontColor ?? null } } };
    const pick = (src: Record<string, unknown>, t: LoadTree | true): unknown => {
      if (t === true) return src;
      const out: Record<string, unknown> = {};
      for (const [k, sub] of Object.entries(t)) if (k in src) out[k] = sub === true ? src[k] : pick(src[k] as Record<string, unknown>, sub);
      return out;
    };
    const out: Record<string, unknown> = {};
    const keys = Object.keys(tree).length ? Object.keys(tree) : ['id', 'type', 'priority', 'stopIfTrue'];
    for (const k of keys) {
      if (k === 'id') out.id = host.options.cfIds === 'priority' ? String(index) : cf.id;
      else if (k === 'type') out.type = cf.type;
      else if (k === 'priority') out.priority = index;
      else if (k === 'stopIfTrue') out.stopIfTrue = false;
      else if (k === 'customOrNullObject') out.customOrNullObject = cf.type === 'Custom' ? { isNullObject: false, ...(pick(custom, tree[k]) as object) } : { isNullObject: true };
      else if (k === 'custom') {
        if (cf.type !== 'Custom') throw new FakeOfficeError('InvalidOperation', 'The conditional format is not a custom format.');
        out.custom = pick(custom, tree[k]);
      }
    }
    void sheet;
    return out;
  }
  setLoaded(d: Record<string, unknown>): void {
    this._data = d;
    this._null = false;
  }
  autoNull(): void {
    this._autoNull(() => this.find() !== null);
  }
  private find(): CfTarget | null {
    const made = this.justAdded?.();
    if (made && this.context.host.options.cfIds === 'stable') {
      const sheet = this.context.wb.sheets.find((s) => s.cfs.includes(made));
      return sheet ? { sheet, cf: made } : null;
    }
    return this.locate();
  }
  load(spec?: unknown): this {
    const tree = loadTree(spec ?? 'id,type');
    this.context.host.apiProps(this.context, 'ConditionalFormat', tree);
    this._load(() => {
      const f = this.find();
      if (!f) return null;
      const index = this.context.wb.cfsIntersecting(f.sheet, f.cf.ranges).indexOf(f.cf);
      return CfP.snapshot(this.context.host, f.sheet, f.cf, index, tree);
    });
    return this;
  }
  get id(): string {
    return this._get('id');
  }
  get type(): string {
    return this._get('type');
  }
  get priority(): number {
    return this._get('priority');
  }
  get customOrNullObject(): CustomCfP {
    return new CustomCfP(this.context, () => this.find(), this._data?.customOrNullObject as Record<string, unknown> | undefined, true);
  }
  get custom(): CustomCfP {
    return new CustomCfP(this.context, () => this.find(), this._data?.custom as Record<string, unknown> | undefined, false);
  }
  /** The areas the format applies to (ConditionalFormat.getRanges, ExcelApi 1.9), resolved when the sync runs. */
  getRanges(): AreasP {
    const ctx = this.context;
    ctx.host.api(ctx, 'ConditionalFormat.getRanges');
    return new AreasP(ctx, () => {
      const f = need(this.find(), 'conditional format');
      return { sheet: f.sheet, rects: f.cf.ranges.map((r) => ({ ...r })) };
    });
  }
  delete(): void {
    const ctx = this.context;
    ctx.enqueue((n) => {
      const f = need(this.find(), 'conditional format');
      ctx.host.checkWritable(f.sheet, 'conditional format');
      f.sheet.cfs = f.sheet.cfs.filter((c) => c !== f.cf);
      ctx.wb.record(n, f.sheet, 'cf.delete', f.cf.ranges.map(rectA1).join(','));
    });
  }
}

class CustomCfP {
  constructor(
    private readonly context: FakeContext,
    private readonly find: () => { sheet: FakeSheet; cf: FakeConditionalFormat } | null,
    private readonly loaded: Record<string, unknown> | undefined,
    private readonly orNull: boolean,
  ) {}
  get isNullObject(): boolean {
    if (!this.loaded || !('isNullObject' in this.loaded)) throw notLoaded('isNullObject');
    return this.loaded.isNullObject as boolean;
  }
  private set(f: (cf: FakeConditionalFormat) => void, what: string): void {
    const ctx = this.context;
    ctx.enqueue((n) => {
      const t = need(this.find(), 'conditional format');
      ctx.host.checkWritable(t.sheet, 'conditional format');
      f(t.cf);
      ctx.wb.record(n, t.sheet, 'cf.set', what);
    });
  }
  get rule(): { formula: string } {
    const loaded = this.loaded?.rule as Record<string, unknown> | undefined;
    const self = this;
    return {
      get formula(): string {
        if (self.orNull && self.loaded?.isNullObject) throw new FakeOfficeError('InvalidObjectPath', 'The object is a null object.');
        if (!loaded || !('formula' in loaded)) throw notLoaded('formula');
        return loaded.formula as string;
      },
      set formula(v: string) {
        self.set((cf) => (cf.formula = v), 'formula');
      },
    };
  }
  get format(): { fill: { color: string }; font: { color: string } } {
    const self = this;
    return {
      fill: {
        get color(): string {
          throw notLoaded('color');
        },
        set color(v: string) {
          self.set((cf) => (cf.fill = v), 'fill');
        },
      },
      font: {
        get color(): string {
          throw notLoaded('color');
        },
        set color(v: string) {
          self.set((cf) => (cf.fontColor = v), 'font');
        },
      },
    };
  }
}

const EDGES: Record<string, keyof NonNullable<Style['borders']> | 'insideH' | 'insideV'> = {
  EdgeTop: 'top',
  EdgeBottom: 'bottom',
  EdgeLeft: 'left',
  EdgeRight: 'right',
  InsideHorizontal: 'insideH',
  InsideVertical: 'insideV',
};

class FormatP {
  constructor(
    private readonly context: FakeContext,
    private readonly spec: () => AreasTarget | null,
  ) {}
  private apply(kind: string, f: (s: Style, row: number, col: number, rect: Rect) => void): void {
    const ctx = this.context;
    ctx.enqueue((n) => {
      const t = need(this.spec(), 'range');
      ctx.host.checkWritable(t.sheet, kind);
      for (const rect of t.rects) {
        ctx.wb.forEachCell(rect, (r, c) => f(ctx.wb.style(t.sheet, r, c), r, c, rect));
        ctx.wb.record(n, t.sheet, kind, rect);
      }
    });
  }
  private onSheet(kind: string, f: (sheet: FakeSheet, rect: Rect) => void): void {
    const ctx = this.context;
    ctx.enqueue((n) => {
      const t = need(this.spec(), 'range');
      ctx.host.checkWritable(t.sheet, kind);
      for (const rect of t.rects) {
        f(t.sheet, rect);
        ctx.wb.record(n, t.sheet, kind, rect);
      }
    });
  }
  get fill(): { color: string; clear(): void } {
    const self = this;
    return {
      get color(): string {
        throw notLoaded('color');
      },
      set color(v: string) {
        self.apply('format.fill', (s) => (s.fill = v));
      },
      clear() {
        self.apply('format.fill', (s) => delete s.fill);
      },
    };
  }
  get font(): Record<string, unknown> {
    const o: Record<string, unknown> = {};
    for (const k of ['name', 'size', 'bold', 'italic', 'color']) {
      Object.defineProperty(o, k, {
        set: (v: unknown) => this.apply('format.font', (s) => (s.font = { ...s.font, [k]: v })),
        get: () => {
          throw notLoaded(k);
        },
      });
    }
    return o;
  }
  set horizontalAlignment(v: string) {
    this.apply('format.alignment', (s) => (s.hAlign = v));
  }
  set verticalAlignment(v: string) {
    this.apply('format.alignment', (s) => (s.vAlign = v));
  }
  set wrapText(v: boolean) {
    this.apply('format.wrap', (s) => (s.wrap = v));
  }
  set columnWidth(v: number) {
    this.onSheet('columnWidth', (sheet, r) => {
      for (let c = r.left; c <= r.right; c++) sheet.columnWidths.set(c, v);
    });
  }
  set rowHeight(v: number) {
    this.onSheet('rowHeight', (sheet, r) => {
      if (r.bottom - r.top > 100_000) throw new FakeOfficeError('InvalidOperation', 'fake: too many rows');
      for (let i = r.top; i <= r.bottom; i++) sheet.rowHeights.set(i, v);
    });
  }
  get borders(): { getItem(edge: string): Record<string, unknown> } {
    return {
      getItem: (edge: string) => {
        const side = EDGES[edge];
        if (!side) throw new FakeOfficeError('InvalidArgument', `fake: border ${edge}`);
        const o: Record<string, unknown> = {};
        const setStyle = (v: unknown) =>
          this.apply('format.borders', (s, r, c, rect) => {
            const b = (s.borders = { ...s.borders });
            const val = String(v);
            if (side === 'insideH') {
              if (r > rect.top) b.top = val;
              if (r < rect.bottom) b.bottom = val;
            } else if (side === 'insideV') {
              if (c > rect.left) b.left = val;
              if (c < rect.right) b.right = val;
            } else if ((side === 'top' && r === rect.top) || (side === 'bottom' && r === rect.bottom) || (side === 'left' && c === rect.left) || (side === 'right' && c === rect.right)) {
              b[side] = val;
            }
          });
        Object.defineProperty(o, 'style', { set: setStyle, get: () => { throw notLoaded('style'); } });
        for (const k of ['weight', 'color']) Object.defineProperty(o, k, { set: () => undefined, get: () => { throw notLoaded(k); } });
        return o;
      },
    };
  }
}

class DataValidationP {
  constructor(
    private readonly context: FakeContext,
    private readonly spec: RangeSpec,
  ) {}
  private upd(kind: string, f: (v: { rule: unknown; prompt?: unknown; errorAlert?: unknown; ignoreBlanks?: boolean }) => void): void {
    const ctx = this.context;
    ctx.enqueue((n) => {
      const { sheet, rect } = need(this.spec(), 'range');
      ctx.host.checkWritable(sheet, 'dataValidation');
      let v = sheet.validations.find((x) => rectA1(x.range) === rectA1(rect));
      if (!v) {
        sheet.validations = sheet.validations.filter((x) => !intersect(x.range, rect));
        sheet.validations.push((v = { range: rect, rule: null }));
      }
      f(v);
      ctx.wb.record(n, sheet, `dataValidation.${kind}`, rect);
    }, 64);
  }
  set rule(r: unknown) {
    this.upd('rule', (v) => (v.rule = JSON.parse(JSON.stringify(r))));
  }
  set prompt(p: unknown) {
    this.upd('prompt', (v) => (v.prompt = JSON.parse(JSON.stringify(p))));
  }
  set errorAlert(e: unknown) {
    this.upd('errorAlert', (v) => (v.errorAlert = JSON.parse(JSON.stringify(e))));
  }
  set ignoreBlanks(b: boolean) {
    this.upd('ignoreBlanks', (v) => (v.ignoreBlanks = b));
  }
}

// ---- Office.context.document.settings ----

class FakeSettings {
  private data: Record<string, unknown>;
  constructor(private readonly host: FakeHost) {
    this.data = JSON.parse(JSON.stringify(host.wb.savedSettings));
  }
  get(name: string): unknown {
    return name in this.data ? JSON.parse(JSON.stringify(this.data[name])) : null;
  }
  set(name: string, value: unknown): void {
    this.data[name] = JSON.parse(JSON.stringify(value));
  }
  remove(name: string): void {
    delete this.data[name];
  }
  saveAsync(a?: unknown, b?: unknown): void {
    const cb = (typeof a === 'function' ? a : b) as ((r: { status: string; error?: { message: string } }) => void) | undefined;
    setTimeout(() => {
      if (this.host.settingsFail) cb?.({ status: 'failed', error: { message: 'save failed' } });
      else {
        this.host.wb.savedSettings = JSON.parse(JSON.stringify(this.data));
        cb?.({ status: 'succeeded' });
      }
    }, 0);
  }
}

export interface InstalledOffice {
  host: FakeHost;
  /** Removes the globals again. */
  uninstall(): void;
}

/** Sets `Office` and `Excel` on `globalObject` (window or globalThis) for `workbook`. */
export function installFakeOffice(globalObject: Record<string, unknown>, workbook: FakeWorkbook, options: FakeOfficeOptions = {}): InstalledOffice {
  const host = new FakeHost(workbook, options);
  const settings = new FakeSettings(host);
  const before = { Office: globalObject.Office, Excel: globalObject.Excel };
  const ui: Record<string, unknown> = {};
  if (host.supportsSet('DialogApi', '1.1')) ui.displayDialogAsync = (_url: string, _o: unknown, cb?: (r: unknown) => void) => setTimeout(() => cb?.({ status: 'failed', error: { code: 12007, message: 'fake: no dialog' } }), 0);
  if (host.supportsSet('OpenBrowserWindowApi', '1.1')) ui.openBrowserWindow = (url: string) => void host.opened.push(url);
  globalObject.Office = {
    onReady: (cb?: (i: unknown) => void) => {
      const info = { host: 'Excel', platform: host.options.platform };
      cb?.(info);
      return Promise.resolve(info);
    },
    context: {
      requirements: { isSetSupported: (name: string, v?: string) => host.isSetSupported(name, v ?? '1.1') },
      diagnostics: { platform: host.options.platform, host: 'Excel', version: host.options.officeVersion },
      document: { settings },
      ui,
    },
    // SharedRuntime 1.1: the pane is shown or hidden (host.setVisibility).
    addin: host.supportsSet('SharedRuntime', '1.1')
      ? {
          onVisibilityModeChanged: (h: (a: { visibilityMode: string }) => void) => {
            host.visibilityHandlers.push(h);
            return Promise.resolve(() => Promise.resolve());
          },
          // Shows the add-in's task pane (https://learn.microsoft.com/office/dev/add-ins/develop/show-hide-add-in).
          showAsTaskpane: () => {
            host.shownByCode++;
            host.setVisibility('Taskpane');
            return Promise.resolve();
          },
          hide: () => {
            host.setVisibility('Hidden');
            return Promise.resolve();
          },
        }
      : undefined,
    // Functions run by ExecuteFunction ribbon buttons in the shared runtime (host.runCommand).
    actions: host.supportsSet('SharedRuntime', '1.1') ? { associate: (name: string, fn: (event: { completed(): void }) => unknown) => void host.actions.set(name, fn) } : undefined,
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    HostType: { Excel: 'Excel' },
    VisibilityMode: { taskpane: 'Taskpane', hidden: 'Hidden' },
  };
  globalObject.Excel = {
    run: (a: unknown, b?: unknown) => host.run(a, b),
    ConditionalFormatType: { custom: 'Custom' },
    SheetVisibility: { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' },
    EventTriggerSource: { thisLocalAddin: 'ThisLocalAddin', unknown: 'Unknown' },
  };
  return {
    host,
    uninstall() {
      globalObject.Office = before.Office;
      globalObject.Excel = before.Excel;
    },
  };
}

export { sheetPrefix };
