/* The task pane's LedgerService in WPS 表格: the host-neutral workbook session over the WPS driver. */
import type { IsoDate } from '../ledger/dates';
import { WorkbookSession } from '../session/session';
import type { EtApp } from './et';
import { WpsDriver } from './driver';
import type { Tick } from './read';

export interface WpsServiceOptions {
  today?: () => IsoDate;
  /** Quiet time before live changes are re-checked (default 300 ms). */
  debounceMs?: number;
  now?: () => number;
  tick?: Tick;
  log?: (entry: { op: string; ms: number }) => void;
}

export function createWpsService(app: EtApp, o: WpsServiceOptions = {}): WorkbookSession {
  const now = o.now ?? (() => (typeof performance !== 'undefined' ? performance.now() : Date.now()));
  const tick = o.tick ?? (() => new Promise<void>((r) => setTimeout(r, 0)));
  return new WorkbookSession(new WpsDriver({ app, now, tick, log: o.log }), {
    setTimer: (fn, ms) => setTimeout(fn, ms),
    clearTimer: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
    now,
    today: o.today,
    debounceMs: o.debounceMs,
    tick,
    // The check in slices too, with the same turns the reads give the pane.
    pause: tick,
  });
}
