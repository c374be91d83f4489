/*
 * Builds the Word file and the e-mail draft off the pane's thread: in a Web Worker running
 * package-worker.js (a webpack entry beside taskpane.html), so that the pane stays responsive
 * for the seconds a big package takes. Where no worker starts (a page opened from a file, a
 * host that refuses workers), the package is built here instead.
 */
import type { SubmissionPackage, SubmissionPlan } from '../submission';

declare const __webpack_hash__: string | undefined;

/** The worker script, with the build's hash so that a cached older one is never used (Office caches add-in files hard). */
export const WORKER_URL = `package-worker.js${typeof __webpack_hash__ === 'string' ? `?h=${__webpack_hash__}` : ''}`;

type Reply = { ok: true; pkg: SubmissionPackage } | { ok: false; message: string };

/** The worker could not start or run: build here. */
class NoWorker extends Error {}

function inWorker(plan: SubmissionPlan): Promise<SubmissionPackage> {
  if (typeof Worker === 'undefined') return Promise.reject(new NoWorker('no Worker'));
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(WORKER_URL);
    } catch (e) {
      reject(new NoWorker(String(e)));
      return;
    }
    worker.onmessage = (e: MessageEvent<Reply>) => {
      worker.terminate();
      if (e.data.ok) resolve(e.data.pkg);
      else reject(new Error(e.data.message));
    };
    worker.onerror = (e) => {
      e.preventDefault();
      worker.terminate();
      reject(new NoWorker(e.message));
    };
    worker.postMessage(plan);
  });
}

/** The package of a plan, as the pane keeps it: files and texts, without the rows (`sections` empty). */
export async function buildPackage(plan: SubmissionPlan): Promise<SubmissionPackage> {
  try {
    return await inWorker(plan);
  } catch (e) {
    if (!(e instanceof NoWorker)) throw e;
    // The builder (docx, the MIME builder) in a chunk of its own, fetched only now.
    const { buildPackage: buildHere } = await import(/* webpackChunkName: "package" */ '../submission');
    return { ...(await buildHere(plan)), sections: [] };
  }
}
