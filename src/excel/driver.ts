/*
 * The Excel driver: WorkbookDriver over Office.js. Each operation is one `Excel.run`, started
 * with `delayForCellEdit: true` (otherwise a batch fails while the clerk is typing in a cell,
 * https://learn.microsoft.com/javascript/api/excel/excel.runoptions, office-js#625, #3388); its
 * syncs are counted and logged as `op, syncs, ms`.
 */
import type { DocumentStore, DriverCapabilities, HostChange, WorkbookDriver, WorkbookIO } from '../session/driver';
import type { SelfTestReport } from '../session/selftest';
import { Handlers, addHandlers } from './events';
import { ExcelIO } from './io';
import { excelApiSupported, officePlatform } from './office';

/**
 * Excel keeps add-ins' writes in the undo history, one step per Excel.run with mergeUndoGroup
 * (ExcelApi 1.20, https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-undo-capabilities).
 * Before that, a write clears the history (office-js#3788: "most of the set operation of Excel
 * API will disable undo/redo operation, it's a by-design behavior").
 */
export function undoGrouped(): boolean {
  return excelApiSupported('1.20');
}
import { DEFAULT_BUDGET, MergeMode, ReadBudget } from './read';
import { documentStore } from './settings';

/** One line of the debug log: an operation, its context.sync() calls and its duration. */
export interface OpLog {
  op: string;
  syncs: number;
  ms: number;
  detail?: string;
}

export interface ExcelDriverOptions {
  /** Debug log (default: console.debug). */
  log?: (entry: OpLog) => void;
  /** Milliseconds clock. */
  now: () => number;
  /**
   * Payload budget per sync (default: 3.5 MB estimated on Excel on the web, whose limit is 5 MB;
   * 10 MB on the desktop, where no such limit applies but Office.js parses each response on the
   * pane's thread in one task — the budget still reads a 5,000-row ledger next to two others in
   * one sync, and keeps that task to ≈ 30–60 ms).
   */
  budget?: Partial<ReadBudget>;
}

const WEB_BUDGET: ReadBudget = DEFAULT_BUDGET;
const DESKTOP_BUDGET: ReadBudget = { ...DEFAULT_BUDGET, bytes: 10_000_000 };

export class ExcelDriver implements WorkbookDriver {
  readonly host = 'excel';
  private handlers: Handlers | null = null;
  private readonly mergeModes = new Map<string, MergeMode>();
  private budgetOf: ReadBudget | null = null;
  private readonly log: (e: OpLog) => void;

  constructor(private readonly o: ExcelDriverOptions) {
    this.log = o.log ?? ((e) => console.debug(`[执法台账助手] ${e.op}: ${e.syncs} sync, ${e.ms} ms${e.detail ? ` (${e.detail})` : ''}`));
  }

  platform(): string | null {
    return officePlatform();
  }

  /** Asked by the pane before Office.onReady too: the set checks then read false (setSupported catches office.js's error), and the pane's features use none of them. */
  capabilities(): DriverCapabilities {
    return { marks: true, live: true, reportMonths: true, insertSheets: true, addSheets: true, merges: excelApiSupported('1.13'), undo: undoGrouped() ? 'grouped' : 'clears', pacedMarks: true };
  }

  /** Known once Office.js is ready (the platform decides it); the driver may be made before. */
  private get budget(): ReadBudget {
    return (this.budgetOf ??= { ...(officePlatform() === 'OfficeOnline' ? WEB_BUDGET : DESKTOP_BUDGET), ...this.o.budget });
  }

  operation<T>(name: string, body: (io: WorkbookIO) => Promise<T>): Promise<T> {
    return this.run(name, (ctx, sync) => body(new ExcelIO(ctx, sync, this.budget, this.mergeModes)));
  }

  async listen(sink: (c: HostChange) => void): Promise<void> {
    if (this.handlers) return;
    await this.run('startLive', async (ctx, sync) => {
      const hs = addHandlers(ctx, sink);
      await sync();
      this.handlers = hs;
    });
  }

  async unlisten(): Promise<void> {
    const hs = this.handlers;
    this.handlers = null;
    if (!hs?.length) return;
    const t0 = this.o.now();
    await Excel.run({ delayForCellEdit: true, previousObjects: hs[0].context }, async (ctx) => {
      for (const h of hs) h.remove();
      await ctx.sync();
    });
    this.log({ op: 'stopLive', syncs: 1, ms: Math.round(this.o.now() - t0) });
  }

  settings(): DocumentStore | null {
    return documentStore();
  }

  /**
   * The probes load with the pane's 自检 dialog (their own chunk), not with the pane. They run
   * without an undo group: deleting their scratch sheet is an API Excel cannot undo, which fails
   * a grouped run (UndoNotSupported); the dialog tells the clerk beforehand.
   */
  async selfTest(): Promise<SelfTestReport> {
    const { runSelfTest } = await import(/* webpackChunkName: "selftest" */ './selftest');
    return runSelfTest((name, body, grouped) => this.run(name, body, grouped ?? false));
  }

  /**
   * One `Excel.run`. Where Excel keeps add-ins' writes in its undo history (ExcelApi 1.20), the
   * whole operation is one undo step (`mergeUndoGroup`: "all context.sync() calls in a single
   * Excel.run are merged into one undo group"; without it each sync is a step of its own).
   */
  private async run<T>(op: string, body: (ctx: Excel.RequestContext, sync: () => Promise<void>) => Promise<T>, grouped = undoGrouped()): Promise<T> {
    const t0 = this.o.now();
    let syncs = 0;
    try {
      return await Excel.run(grouped ? { delayForCellEdit: true, mergeUndoGroup: true } : { delayForCellEdit: true }, async (ctx) =>
        body(ctx, async () => {
          syncs++;
          await ctx.sync();
        }),
      );
    } finally {
      this.log({ op, syncs, ms: Math.round(this.o.now() - t0) });
    }
  }
}
