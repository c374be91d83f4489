/*
 * The session's plumbing: the pane state and its listeners, and the one-at-a-time queue of
 * operations (a live re-check never interleaves with a button's operation).
 */
import { describeFailure } from './errors';
import type { PaneState } from './service';

export class SessionCore {
  protected readonly listeners = new Set<(s: PaneState) => void>();
  protected state: PaneState = { phase: 'idle', check: null, sheets: [], missingKinds: [], date1904: false, marksShown: false, notes: [], version: 0 };
  protected chain: Promise<unknown> = Promise.resolve();
  protected running = 0;

  current(): PaneState {
    return this.state;
  }

  subscribe(listener: (state: PaneState) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  protected enqueue<T>(fn: () => Promise<T>): Promise<T> {
    this.running++;
    const p = this.chain.then(fn, fn);
    this.chain = p.then(
      () => this.running--,
      () => this.running--,
    );
    return p;
  }

  /** Rejects with a Chinese message (host errors are often English). */
  protected async chinese<T>(p: Promise<T>): Promise<T> {
    try {
      return await p;
    } catch (e) {
      throw new Error(describeFailure(e));
    }
  }

  protected notify(state: PaneState): void {
    this.state = state;
    for (const l of [...this.listeners]) {
      try {
        l(this.state);
      } catch {
        // a listener's error is not the session's
      }
    }
  }
}
