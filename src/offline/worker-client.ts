/*
 * The offline page's side of its worker (worker.ts). The page is one file opened from disk, so
 * the worker's script is inlined in it (`<script type="text/plain" id="tz-worker">`, not run by
 * the page) and started from a Blob URL (the page's CSP allows `worker-src blob:` and nothing
 * else). One worker serves the page; requests carry ids.
 */
import type { CellValue, SheetGrid } from '../ledger/cell';
import type { SubmissionPackage, SubmissionPlan } from '../submission';
import type { OfflineFiles, SheetBand, WorkerReply, WorkerRequest } from './types';
import { WorkbookFile } from './workbook-file';

export const NO_WORKER = '这个浏览器不允许本页面在后台处理文件，无法读取台账。请用新版的 Chrome、Edge，或 360、QQ 浏览器的极速模式打开本页面。';

/** A request before its id (Omit over each member of the union). */
type Request = WorkerRequest extends infer R ? (R extends WorkerRequest ? Omit<R, 'id'> : never) : never;

type Pending = { resolve(v: unknown): void; reject(e: Error): void; progress?(done: number, total: number): void; band?(b: SheetBand): void };

/** The worker's script as the page carries it (null: not in this page). */
export function inlineWorkerSource(doc: Document = document): string | null {
  return doc.getElementById('tz-worker')?.textContent ?? null;
}

/** Sends a request to the page's worker and resolves with its reply's value. */
export type Ask = <T>(req: Request, transfer: Transferable[], hooks?: Omit<Pending, 'resolve' | 'reject'>) => Promise<T>;

/** The page's one worker, started on the first request. */
export function workerChannel(source: () => string | null = () => inlineWorkerSource()): Ask {
  let worker: Worker | null = null;
  let seq = 0;
  const pending = new Map<number, Pending>();

  const fail = (message: string) => {
    for (const p of pending.values()) p.reject(new Error(message));
    pending.clear();
    worker?.terminate();
    worker = null;
  };

  const start = (): Worker => {
    if (worker) return worker;
    const code = source();
    if (!code || typeof Worker === 'undefined') throw new Error(NO_WORKER);
    const url = URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
    try {
      worker = new Worker(url);
    } catch {
      throw new Error(NO_WORKER);
    } finally {
      // The worker has fetched its script once it runs; a later worker gets a new URL.
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    }
    worker.onmessage = (e: MessageEvent<WorkerReply>) => {
      const m = e.data;
      const p = pending.get(m.id);
      if (!p) return;
      if ('progress' in m) p.progress?.(m.progress.done, m.progress.total);
      else if ('band' in m) p.band?.(m.band);
      else {
        pending.delete(m.id);
        if (m.ok) p.resolve(m.value);
        else p.reject(new Error(m.message));
      }
    };
    worker.onerror = (e) => {
      e.preventDefault();
      fail(`后台处理文件时出错${e.message ? `（${e.message}）` : ''}。请刷新页面后重试。`);
    };
    return worker;
  };

  return <T>(req: Request, transfer: Transferable[], hooks: Omit<Pending, 'resolve' | 'reject'> = {}): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = ++seq;
      try {
        const w = start();
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject, ...hooks });
        w.postMessage({ ...req, id }, transfer);
      } catch (e) {
        pending.delete(id);
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    });
}

/** Reading, the copy and the package in the worker. */
export function workerFiles(ask: Ask): OfflineFiles {
  return {
    async open(name, bytes, progress) {
      const grids: SheetGrid[] = [];
      const band = (b: SheetBand) => {
        const g = (grids[b.sheet] ??= { name: b.name, top: b.top, left: b.left, rows: [], merges: b.merges });
        const rows: CellValue[][] = g.rows;
        for (const r of b.rows) rows.push(r);
      };
      // The worker gets a copy: the page keeps the original bytes for the copy it may save.
      const sent = bytes.slice();
      const r = await ask<{ sheets: number; date1904: boolean }>({ op: 'open', name, bytes: sent }, [sent.buffer], { progress, band });
      return new WorkbookFile(
        name,
        bytes,
        Array.from({ length: r.sheets }, (_, i) => ({ id: `s${i + 1}`, grid: grids[i] ?? { name: '', top: 1, left: 1, rows: [], merges: [] } })),
        r.date1904,
      );
    },
    copy(file) {
      const sent = file.bytes.slice();
      return ask<{ name: string; bytes: Uint8Array }>({ op: 'copy', name: file.name, bytes: sent, changes: file.changes }, [sent.buffer]);
    },
    buildPackage(plan: SubmissionPlan) {
      return ask<SubmissionPackage>({ op: 'package', plan }, []);
    },
  };
}
