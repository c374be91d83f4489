/*
 * What a workbook may hold before the reader refuses it: far above any township's ledger
 * (a busy one writes a few thousand rows a year), low enough that reading stays within a
 * clerk's PC's memory. Checked before exceljs parses anything; see README “命令行工具”.
 */

const MB = 1024 * 1024;

export interface Limits {
  /** The file as stored. */
  fileBytes: number;
  /** Parts in the zip (worksheets, images, styles …). */
  entries: number;
  /** One part, as actually inflated (declared sizes are checked too but never trusted). */
  partBytes: number;
  /** All parts together, inflated. */
  totalBytes: number;
  /** Rows of all worksheets together, each worksheet counted to the last row it uses. */
  rows: number;
  /** Cells of all worksheets together, each row counted to its last cell. */
  cells: number;
  /** `<mergeCell>`s of all worksheets together. */
  merges: number;
}

export const LIMITS: Readonly<Limits> = {
  fileBytes: 100 * MB,
  entries: 10_000,
  partBytes: 50 * MB,
  totalBytes: 100 * MB,
  rows: 200_000,
  cells: 4_000_000,
  merges: 200_000,
};

export type InputReason = 'too-large' | 'not-xlsx' | 'encrypted' | 'old-format' | 'damaged';

/** A file the reader will not read: one Chinese line saying what it is or which limit it passes, and what to do. */
export class InputError extends Error {
  override readonly name = 'InputError';
  constructor(
    message: string,
    readonly reason: InputReason,
  ) {
    super(message);
  }
}

/** `50 MB`, `100 MB` */
export function mbText(bytes: number): string {
  return `${Math.round(bytes / MB)} MB`;
}

/** `200000` → `20万`, `4000000` → `400万`, smaller numbers as they are. */
export function countText(n: number): string {
  return n >= 10_000 && n % 10_000 === 0 ? `${n / 10_000}万` : String(n);
}

/** What to do when a limit is passed. */
export const SPLIT_HINT = '请删除表格下方和右侧多余的行列、不需要的工作表和图片，或把台账按年度分成几个文件后分别检查';
