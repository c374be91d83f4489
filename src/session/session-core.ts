/*
 * The session's plumbing: the pane state and its listeners, the one-at-a-time queue of
 * operations (a live re-check never interleaves with a button's operation), and what is passed
 * through to the host (settings, features, platform, today).
 */
import type { IsoDate } from '../ledger/dates';
import type { WorkbookDriver } from './driver';
import { describeFailure } from './errors';
import type { HostFeatures, PaneSettings, PaneState } from './service';
import type { ResolvedSessionOptions } from './session-options';
import { hostFeatures, loadPaneSettings, savePaneSettings } from './settings';

export abstract class SessionCore {
  protected readonly listeners = new Set<(s: PaneState) => void>();
  protected state: PaneState = { phase: 'idle', check: null, sheets: [], missingKinds: [], date1904: false, marksShown: false, notes: [], version: 0 };
  protected chain: Promise<unknown>;
  protected running = 0;

  constructor(
    protected readonly driver: WorkbookDriver,
    protected readonly o: ResolvedSessionOptions,
  ) {
    this.chain = o.ready ?? Promise.resolve();
  }

  loadSettings(): Promise<PaneSettings> {
    return loadPaneSettings(this.driver.settings());
  }

  saveSettings(settings: PaneSettings): Promise<void> {
    return savePaneSettings(this.driver.settings(), settings);
  }

  features(): HostFeatures {
    return hostFeatures(this.driver.capabilities());
  }

  platform(): string | null {
    return this.driver.platform();
  }

  today(): IsoDate {
    return this.o.today();
  }

  current(): PaneState {
    return this.state;
  }

  subscribe(listener: (state: PaneState) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  /** Nothing waits to be re-checked (besides the queue). */
  protected abstract quiet(): boolean;
  /** One turn of the host's event loop. */
  protected abstract tick(): Promise<void>;

  /** Resolves once queued live changes and operations are done (for tests and the bench). */
  async idle(): Promise<void> {
    let quiet = 0;
    for (let i = 0; i < 10_000 && quiet < 3; i++) {
      await this.tick();
      await this.chain;
      quiet = this.quiet() && this.running === 0 ? quiet + 1 : 0;
    }
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
