/**
 * An Excel error value (`#N/A`, `#VALUE!` …) as read from a cell; or, with `formula`, a formula
 * whose result the file does not hold (written by a program that does not calculate), which
 * cannot be read either.
 */
export interface CellError {
  readonly error: string;
  readonly formula?: string;
}

/**
 * A cell value as the core sees it: what exceljs or Office.js give after the reader has
 * resolved formulas, rich text and hyperlinks to their value/text.
 */
export type CellValue = string | number | boolean | Date | CellError | null | undefined;

/** A rectangle in 1-based Excel coordinates (inclusive). */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * One worksheet as plain data. `rows[i][j]` is the cell at Excel row `top + i`, column `left + j`.
 * Merged cells carry their value in the top-left cell only (as Office.js reports them).
 */
export interface SheetGrid {
  name: string;
  top: number;
  left: number;
  rows: CellValue[][];
  merges: CellRange[];
  /** The sheet is hidden in the workbook (still read and checked). */
  hidden?: boolean;
}

/** What a WPS in-cell picture (`=DISPIMG("ID_…",1)`) reads as: a cell holding a picture, not text to check or print. */
export const PICTURE_TEXT = '[图片]';

/** WPS's in-cell picture as its formula, or as the text WPS shows for it (`=DISPIMG(…)`). */
export function isPictureFormula(s: string): boolean {
  return s.length < 4000 && /^\s*=?\s*(_xlfn\.)?DISPIMG\s*\(/i.test(s);
}

export function isCellError(v: unknown): v is CellError {
  return typeof v === 'object' && v !== null && !(v instanceof Date) && typeof (v as CellError).error === 'string';
}

export function isValidDate(v: unknown): v is Date {
  return v instanceof Date && !Number.isNaN(v.getTime());
}

/** True when the cell holds nothing a clerk typed (null, empty or whitespace-only text). */
export function isBlank(v: CellValue): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v === 'string') return v.trim() === '';
  if (typeof v === 'number') return Number.isNaN(v);
  if (v instanceof Date) return Number.isNaN(v.getTime());
  return false;
}

/** The text of a cell as a clerk would read it (dates as ISO, errors as their code). */
export function cellText(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return isValidDate(v) ? v.toISOString().slice(0, 10) : '';
  if (isCellError(v)) return v.error;
  return '';
}

/** Column number (1-based) to letters: 1 → A, 27 → AA. */
export function columnLetter(col: number): string {
  let n = Math.max(1, Math.floor(col));
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function cellAddress(row: number, col: number): string {
  return `${columnLetter(col)}${row}`;
}

/** Letters to column number: A → 1, AA → 27. Returns 0 for anything else. */
export function columnNumber(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return 0;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Parses `B7`, `$B$7:C9`, `3:5`, `B:D` (a sheet prefix is ignored) into a range. */
export function parseAddress(address: string): CellRange | null {
  const a = (address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address).replace(/\$/g, '').trim();
  const [p1, p2 = p1, extra] = a.split(':');
  if (extra !== undefined || !p1) return null;
  const cell = /^([A-Za-z]{1,3})(\d+)$/;
  const c1 = cell.exec(p1);
  const c2 = cell.exec(p2);
  let range: CellRange | null = null;
  if (c1 && c2) {
    range = { top: Number(c1[2]), left: columnNumber(c1[1]), bottom: Number(c2[2]), right: columnNumber(c2[1]) };
  } else if (/^\d+$/.test(p1) && /^\d+$/.test(p2)) {
    range = { top: Number(p1), left: 1, bottom: Number(p2), right: 16384 };
  } else if (/^[A-Za-z]{1,3}$/.test(p1) && /^[A-Za-z]{1,3}$/.test(p2)) {
    range = { top: 1, left: columnNumber(p1), bottom: 1048576, right: columnNumber(p2) };
  }
  if (!range || range.top < 1 || range.bottom < 1) return null;
  return {
    top: Math.min(range.top, range.bottom),
    left: Math.min(range.left, range.right),
    bottom: Math.max(range.top, range.bottom),
    right: Math.max(range.left, range.right),
  };
}

/** Value at 1-based Excel coordinates, or null outside the grid. */
export function gridValue(grid: SheetGrid, row: number, col: number): CellValue {
  const r = grid.rows[row - grid.top];
  if (!r) return null;
  return r[col - grid.left] ?? null;
}

export function gridBottom(grid: SheetGrid): number {
  return grid.top + grid.rows.length - 1;
}

export function gridRight(grid: SheetGrid): number {
  return grid.left + widestOf(grid, grid.rows.length) - 1;
}

/** The last column holding a value in the rows down to `bottom`, or covered by a merged area starting there (a header search needs no more: 40,000 rows below it do not widen it). */
export function rightOfRows(grid: SheetGrid, bottom: number): number {
  let right = grid.left + widestOf(grid, Math.min(grid.rows.length, bottom - grid.top + 1)) - 1;
  for (const m of grid.merges) if (m.top <= bottom && m.right > right) right = m.right;
  return right;
}

/** Cells in the longest of the grid's first `n` rows (a row never filled counts none). */
function widestOf(grid: SheetGrid, n: number): number {
  let w = 0;
  for (let i = 0; i < n; i++) if (grid.rows[i]?.length > w) w = grid.rows[i].length;
  return w;
}
