/* Small React hooks for the pane. */
import * as React from 'react';
import type { LedgerService, PaneState } from '../session/service';

/** The service's latest state, re-rendering on every change. */
export function usePaneState(service: LedgerService): PaneState {
  // Called as methods: a class-based service needs its `this`.
  const subscribe = React.useCallback((l: () => void) => service.subscribe(l), [service]);
  const current = React.useCallback(() => service.current(), [service]);
  return React.useSyncExternalStore(subscribe, current);
}

/** True once `active` has stayed true for `delay` ms (progress only for slow work). */
export function useDelayedFlag(active: boolean, delay = 300): boolean {
  const [shown, setShown] = React.useState(false);
  React.useEffect(() => {
    if (!active) {
      setShown(false);
      return;
    }
    const t = setTimeout(() => setShown(true), delay);
    return () => clearTimeout(t);
  }, [active, delay]);
  return active && shown;
}

/**
 * Focus on `ref` once a dialog has opened: its safe choice, whatever Fluent's focus trap picked
 * first (a parent's effect runs after the dialog surface's own).
 */
export function useOpenFocus(open: boolean, ref: React.RefObject<HTMLElement>): void {
  React.useEffect(() => {
    if (open) ref.current?.focus();
  }, [open, ref]);
}

/** A message without its closing full stop, to go inside a sentence of the pane's own (no “。。”). */
export function sentence(text: string): string {
  return text.trim().replace(/[。．.！!；;，,\s]+$/u, '');
}

/** Chinese text of a thrown value. */
export function errorText(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  return m || '未知错误';
}

/** Runs one async action at a time; `busy` while it runs. Results after unmount are dropped. */
export function useAction(): { busy: boolean; run: <T>(f: () => Promise<T>) => Promise<T | undefined> } {
  const [busy, setBusy] = React.useState(false);
  const alive = React.useRef(true);
  React.useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);
  const run = React.useCallback(async <T,>(f: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    try {
      return await f();
    } finally {
      if (alive.current) setBusy(false);
    }
  }, []);
  return { busy, run };
}
