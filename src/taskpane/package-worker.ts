/*
 * The Web Worker that builds a package (package-client.ts): a plan in, the package out — the Word
 * file's bytes transferred, not copied, and without the plan's rows (the pane has them, and needs
 * only the files and texts: a big period's rows would be copied back for nothing).
 */
import { SubmissionPlan, buildPackage } from '../submission';

const scope = self as unknown as { onmessage: ((e: MessageEvent<SubmissionPlan>) => void) | null; postMessage(m: unknown, transfer?: Transferable[]): void };

scope.onmessage = (e) => {
  buildPackage(e.data).then(
    (pkg) => scope.postMessage({ ok: true, pkg: { ...pkg, sections: [] } }, [pkg.docx.buffer]),
    (err: unknown) => scope.postMessage({ ok: false, message: err instanceof Error ? err.message : String(err) }),
  );
};
