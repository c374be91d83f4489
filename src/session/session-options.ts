/* How a workbook session is set up by its host: timers, clock, today, live-check tuning, pauses. */
import { IsoDate, localToday } from '../ledger/dates';

export interface SessionOptions {
  /** Timers and clock (the host's: setTimeout, performance.now). */
  setTimer: (fn: () => void, ms: number) => unknown;
  clearTimer: (handle: unknown) => void;
  now: () => number;
  /** Today (default: the computer's local date). */
  today?: () => IsoDate;
  /** Quiet time before live changes are re-checked (default 300 ms). */
  debounceMs?: number;
  /** An edit touching more rows than this re-reads the whole sheet (default 500). */
  liveRowLimit?: number;
  /** How long after its own writes the add-in ignores change events on the cells it wrote (default 2000 ms). */
  ownWriteWindowMs?: number;
  /** Yields to the host's event loop once (idle() waits with it; default: a resolved promise). */
  tick?: () => Promise<void>;
  /**
   * Gives the host's event loop a turn during long work (a task pane's thread: input and
   * painting), e.g. a MessageChannel round trip. Absent, a check runs in one go.
   */
  pause?: () => Promise<void>;
  /**
   * Operations wait for it: the pane is drawn while Office.js starts, and reads nothing before the
   * host is ready and the pane is shown (default: ready at once).
   */
  ready?: Promise<unknown>;
}

export type ResolvedSessionOptions = Required<Omit<SessionOptions, 'pause' | 'ready'>> & Pick<SessionOptions, 'pause' | 'ready'>;

export function resolveSessionOptions(o: SessionOptions): ResolvedSessionOptions {
  return {
    setTimer: o.setTimer,
    clearTimer: o.clearTimer,
    now: o.now,
    today: o.today ?? (() => localToday()),
    debounceMs: o.debounceMs ?? 300,
    liveRowLimit: o.liveRowLimit ?? 500,
    ownWriteWindowMs: o.ownWriteWindowMs ?? 2000,
    tick: o.tick ?? (() => Promise.resolve()),
    pause: o.pause,
    ready: o.ready,
  };
}
