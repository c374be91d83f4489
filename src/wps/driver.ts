/*
 * The WPS 表格 driver: WorkbookDriver over ET's JS API, bound to the workbook that was active
 * when the pane started (the pane starts a new session when the clerk switches workbooks).
 * Operations run one at a time (the session queues them); each is logged as `op, ms`.
 */
import type { DocumentStore, DriverCapabilities, HostChange, WorkbookDriver, WorkbookIO } from '../session/driver';
import { EtApp, hostError } from './et';
import { addListeners } from './events';
import { WpsIO } from './io';
import type { Tick } from './read';
import { workbookStore } from './settings';

export interface WpsDriverOptions {
  app: EtApp;
  /** Milliseconds clock. */
  now: () => number;
  /** Yields to the page between sheets and bands (default: a zero timeout). */
  tick?: Tick;
  /** Debug log (default: console.debug). */
  log?: (entry: { op: string; ms: number }) => void;
}

export const NO_EVENTS = '这个版本的 WPS 不报告表格的改动：改动后请点“重新检查”。';
export const NO_WORKBOOK = '没有打开的工作簿：请先在 WPS 表格中打开台账，再点“重新检查”。';

export class WpsDriver implements WorkbookDriver {
  readonly host = 'wps';
  private readonly wb: Et.Workbook | null;
  private readonly tick: Tick;
  private readonly log: (e: { op: string; ms: number }) => void;
  private remove: (() => void) | null = null;
  private store: DocumentStore | null = null;

  constructor(private readonly o: WpsDriverOptions) {
    this.wb = o.app.ActiveWorkbook ?? null;
    this.tick = o.tick ?? (() => new Promise<void>((r) => setTimeout(r, 0)));
    this.log = o.log ?? ((e) => console.debug(`[执法台账助手] ${e.op}: ${e.ms} ms`));
  }

  /** The workbook's file name (the pane shows which workbook it checks). */
  workbookName(): string | null {
    return this.wb ? String(this.wb.Name) : null;
  }

  platform(): string | null {
    return 'WPS';
  }

  capabilities(): DriverCapabilities {
    // undo: WPS documents nothing; as with VBA macros, a write from code is assumed to empty the undo list.
    return { marks: true, live: this.o.app.ApiEvent ? true : NO_EVENTS, reportMonths: true, insertSheets: true, addSheets: true, merges: true, undo: 'clears' };
  }

  async operation<T>(name: string, body: (io: WorkbookIO) => Promise<T>): Promise<T> {
    if (!this.wb) throw hostError('ItemNotFound', NO_WORKBOOK);
    const t0 = this.o.now();
    try {
      return await body(new WpsIO(this.o.app, this.wb, this.tick));
    } finally {
      this.log({ op: name, ms: Math.round(this.o.now() - t0) });
    }
  }

  async listen(sink: (c: HostChange) => void): Promise<void> {
    if (this.remove) return;
    if (!this.o.app.ApiEvent) throw new Error(NO_EVENTS);
    if (!this.wb) throw new Error(NO_WORKBOOK);
    this.remove = addListeners(this.o.app, this.wb, sink);
  }

  async unlisten(): Promise<void> {
    const r = this.remove;
    this.remove = null;
    r?.();
  }

  settings(): DocumentStore | null {
    if (!this.wb) return null;
    this.store ??= workbookStore(this.wb);
    return this.store;
  }
}
