/* Giving the pane's thread a turn during long work. */

/**
 * One turn of the event loop for input and painting: a MessageChannel message is a task of its
 * own, without the ≥ 4 ms a nested setTimeout waits.
 */
export function yieldToHost(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return new Promise((r) => setTimeout(r, 0));
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      ch.port1.close();
      resolve();
    };
    ch.port2.postMessage(null);
  });
}

/** Longest stretch of work between two turns. */
export const SLICE_MS = 12;

/** Runs a generator to its end, giving the thread a turn about every SLICE_MS. */
export async function runInSlices<T>(steps: Generator<unknown, T>, pause: () => Promise<void> = yieldToHost, now: () => number = () => performance.now()): Promise<T> {
  let t = now();
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    if (now() - t >= SLICE_MS) {
      await pause();
      t = now();
    }
  }
}
