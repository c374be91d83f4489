/*
 * The task pane's LedgerService in Excel: the host-neutral workbook session (src/session) over
 * the Office.js driver. It may be made before Office.onReady: pass `ready`, and it touches
 * Office.js only after that resolves.
 */
import type { IsoDate } from '../ledger/dates';
import { WorkbookSession } from '../session/session';
import { ExcelDriver, ExcelDriverOptions, OpLog } from './driver';
import type { ReadBudget } from './read';

export type { OpLog };

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
  /** Payload budget per sync. */
  budget?: Partial<ReadBudget>;
  /** An edit touching more rows than this re-reads the whole sheet (default 500). */
  liveRowLimit?: number;
  /** How long after its own writes the add-in ignores change events on the cells it wrote (default 2000 ms). */
  ownWriteWindowMs?: number;
  /** Lets the pane's thread paint and take input during a long check (the pane passes one; absent, a check runs in one go). */
  pause?: () => Promise<void>;
  /** Nothing is read or written before it resolves (Office.js ready, the pane shown); the service may be made before. */
  ready?: Promise<unknown>;
}

/** The pane's service in Excel (the session, with `idle()` for tests and the bench). */
export type ExcelLedgerService = WorkbookSession;

export function createLedgerService(options: LedgerServiceOptions = {}): ExcelLedgerService {
  const now = options.now ?? (() => (typeof performance !== 'undefined' ? performance.now() : Date.now()));
  const driverOptions: ExcelDriverOptions = { log: options.log, now, budget: options.budget };
  return new WorkbookSession(new ExcelDriver(driverOptions), {
    setTimer: options.setTimer ?? ((fn, ms) => setTimeout(fn, ms)),
    clearTimer: options.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>)),
    now,
    today: options.today,
    debounceMs: options.debounceMs,
    liveRowLimit: options.liveRowLimit,
    ownWriteWindowMs: options.ownWriteWindowMs,
    tick: () => new Promise<void>((r) => setTimeout(r, 0)),
    pause: options.pause,
    ready: options.ready,
  });
}
