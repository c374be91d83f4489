/*
 * The offline page's worker (inlined in the page, started from a Blob URL): the work that took
 * the page's thread for seconds on a 40,000-row ledger — reading the .xlsx, writing the copy
 * with 报送月份, building the Word file and the e-mail draft — and the 县局汇总 view's reading and
 * building (worker-rollup.ts), so the page's own script stays small enough to start in one short
 * task. Grids go back in bands of rows, bytes are transferred.
 */
import { buildPackage } from '../submission';
import { workbookCopy } from './copy';
import { openWorkbookFile } from './read';
import type { WorkerReply, WorkerRequest } from './types';
import { rollupWork } from './worker-rollup';
import { WorkbookFile } from './workbook-file';

/** Rows per message: a band the page takes in within a few milliseconds. */
export const BAND_ROWS = 2000;

const scope = self as unknown as { onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null; postMessage(m: WorkerReply, transfer?: Transferable[]): void };
const post = (m: WorkerReply, transfer: Transferable[] = []) => scope.postMessage(m, transfer);

async function open(id: number, name: string, bytes: Uint8Array): Promise<unknown> {
  let last = -Infinity;
  const file = await openWorkbookFile(name, bytes, (done, total) => {
    const t = Date.now();
    if (done < total && t - last < 100) return;
    last = t;
    post({ id, progress: { done, total } });
  });
  file.sheets.forEach(({ grid: g }, sheet) => {
    for (let r = 0; r === 0 || r < g.rows.length; r += BAND_ROWS) {
      post({ id, band: { sheet, name: g.name, top: g.top, left: g.left, merges: r === 0 ? g.merges : [], rows: g.rows.slice(r, r + BAND_ROWS) } });
    }
  });
  return { sheets: file.sheets.length, date1904: file.date1904 };
}

scope.onmessage = (e) => {
  const m = e.data;
  const run = async (): Promise<void> => {
    if (m.op === 'open') {
      post({ id: m.id, ok: true, value: await open(m.id, m.name, m.bytes) });
    } else if (m.op === 'copy') {
      const file = new WorkbookFile(m.name, m.bytes, [], false);
      file.changes.push(...m.changes);
      const copy = await workbookCopy(file);
      post({ id: m.id, ok: true, value: copy }, [copy.bytes.buffer]);
    } else if (m.op === 'package') {
      const pkg = await buildPackage(m.plan);
      post({ id: m.id, ok: true, value: { ...pkg, sections: [] } }, [pkg.docx.buffer]);
    } else {
      const { value, transfer } = await rollupWork(m);
      post({ id: m.id, ok: true, value }, transfer);
    }
  };
  run().catch((err: unknown) => post({ id: m.id, ok: false, message: err instanceof Error ? err.message : String(err) }));
};
