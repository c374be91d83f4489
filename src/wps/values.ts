/*
 * What `Range.Value2` and `Range.Formula` return in WPS, as the core's cells (pure). Value2 is
 * VBA's: dates as serial numbers, a single cell as a scalar, several cells as rows of values.
 * How ET's JS bridge hands over an empty cell or an error value is not documented, so every
 * plausible form is read the safe way: empty → null; `#N/A`-style text or the VBA error
 * HRESULTs → `{ error }`.
 */
import { CellValue, PICTURE_TEXT, isPictureFormula } from '../ledger/cell';

/** Excel's error literals (what a formula error shows). */
const ERROR_TEXTS = new Set(['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#GETTING_DATA', '#SPILL!', '#CALC!', '#FIELD!', '#BLOCKED!', '#CONNECT!', '#BUSY!', '#UNKNOWN!']);

/** CVErr values as COM hands them over (HRESULT 0x800A07D0 + xlErr…): far from any ledger number. */
const ERROR_HRESULTS = new Map<number, string>([
  [-2146826288, '#NULL!'],
  [-2146826281, '#DIV/0!'],
  [-2146826273, '#VALUE!'],
  [-2146826265, '#REF!'],
  [-2146826259, '#NAME?'],
  [-2146826252, '#NUM!'],
  [-2146826246, '#N/A'],
]);

/** One cell of a Value2 result. */
export function cellOf(v: unknown): CellValue {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'number') {
    const err = ERROR_HRESULTS.get(v);
    if (err) return { error: err };
    return Number.isFinite(v) ? v : { error: '#NUM!' };
  }
  // A WPS in-cell picture shows its formula as text (=DISPIMG("ID_…",1)): a picture, not a formula to print.
  if (typeof v === 'string') return ERROR_TEXTS.has(v) ? { error: v } : v.startsWith('=') && isPictureFormula(v) ? PICTURE_TEXT : v;
  if (typeof v === 'boolean') return v;
  if (v instanceof Date) return v;
  try {
    return String(v);
  } catch {
    return null; // an object without a text form
  }
}

/** A Value2/Formula result as `rows` × `cols` (a scalar for one cell; a flat list for one row or column). */
export function matrix(v: unknown, rows: number, cols: number): unknown[][] {
  if (!Array.isArray(v)) return [[v]];
  if (v.every((r) => Array.isArray(r))) return v as unknown[][];
  if (rows === 1) return [v];
  if (cols === 1) return v.map((x) => [x]);
  return [v];
}

/** A CSS colour `#RRGGBB` as VBA's BGR long (`RGB(r, g, b)`). */
export function bgr(hex: string): number {
  const n = parseInt(hex.replace('#', ''), 16);
  const r = (n >> 16) & 0xff;
  const g = (n >> 8) & 0xff;
  const b = n & 0xff;
  return r + g * 256 + b * 65536;
}
