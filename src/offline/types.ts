/* What the offline page and its worker (worker.ts, worker-client.ts, rollup-client.ts) say to each other. */
import type { CellRange, CellValue } from '../ledger/cell';
import type { SubmissionPackage, SubmissionPlan } from '../submission';
import type { Change } from './workbook-file';

export type WorkerRequest =
  | { id: number; op: 'open'; name: string; bytes: Uint8Array }
  | { id: number; op: 'copy'; name: string; bytes: Uint8Array; changes: Change[] }
  | { id: number; op: 'package'; plan: SubmissionPlan }
  | RollupRequest;

/** The 县局汇总 view's work (worker-rollup.ts): the picked files themselves cross (File is cloneable), the roll-up stays in the worker. */
export type RollupRequest =
  | { id: number; op: 'rollup'; files: File[]; period: string; today: string; townships?: string[] }
  | { id: number; op: 'rollup-sheets'; handle: number }
  | { id: number; op: 'rollup-file'; handle: number; which: 'xlsx' | 'docx' };

/** Rows of one sheet, a band at a time (each message is a short task for the page to take in). */
export interface SheetBand {
  sheet: number;
  name: string;
  top: number;
  left: number;
  /** In the sheet's first band only. */
  merges: CellRange[];
  rows: CellValue[][];
}

export type WorkerReply =
  | { id: number; progress: { done: number; total: number } }
  | { id: number; band: SheetBand }
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; message: string };

/** The page's heavy work, off its thread: reading the file, the copy with 报送月份, the package. */
export interface OfflineFiles {
  /** Reads an .xlsx (rows read of the rows the sheets hold, as it goes); rejects with one Chinese line. */
  open(name: string, bytes: Uint8Array, progress: (done: number, total: number) => void): Promise<import('./workbook-file').WorkbookFile>;
  /** 保存工作簿副本: the workbook with the page's changes, as a new file. */
  copy(file: import('./workbook-file').WorkbookFile): Promise<{ name: string; bytes: Uint8Array }>;
  /** The Word file and the e-mail draft of a plan (without its rows). */
  buildPackage(plan: SubmissionPlan): Promise<SubmissionPackage>;
}
