/*
 * One `<c>` element's value as the core sees it (ECMA-376 Part 1, 18.3.1.4 and 18.18.11
 * ST_CellType): numbers (dates when the style formats them as dates), shared and inline strings,
 * booleans, errors, ISO 8601 dates (`t="d"`), formulas by their cached result. What exceljs gave
 * for the same cell stays what a cell reads as (test/input); the differences are improvements:
 * ISO dates, `_xHHHH_` escapes in inline strings, a formula whose result was never saved, and
 * pictures in cells (WPS's `=DISPIMG`, Excel's rich-value pictures), read as `[图片]`.
 */
import { CellValue, PICTURE_TEXT, isPictureFormula } from '../ledger/cell';

export { PICTURE_TEXT } from '../ledger/cell';

export interface CellXml {
  /** `t`, the cell type; undefined for a number. */
  t: string | undefined;
  /** `s`, the style index. */
  s: number;
  /** `<v>` text, or null when the cell has no `<v>`. */
  v: string | null;
  /** `<is>` text (phonetic runs left out), or null. */
  inline: string | null;
  /** `<f>` text, or null when the cell has no formula. */
  f: string | null;
  /** `vm`: the cell's value is a rich value (Excel's picture placed in a cell is one, stored as `#VALUE!`). */
  vm: boolean;
}

export interface ValueContext {
  sharedStrings: (string | null)[];
  dateStyles: boolean[];
  date1904: boolean;
}

/** The error code of a formula whose result the file does not hold (see `formula-no-result`). */
export const NO_RESULT = '#无计算结果';

/** exceljs's utils.excelToDate: a serial as the JavaScript date whose UTC fields are the cell's. */
export function serialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

const ISO = /^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(?:Z|[+-]\d{2}(?::?\d{2})?)?\s*$/;

/**
 * An ISO 8601 date (`t="d"`) as the date a cell written with a serial gives: the written year,
 * month, day and time as UTC fields (a zone offset, if any, is not applied: the cell means the
 * day written). A date that does not exist stays text, and the checker says so.
 */
export function isoToDate(s: string): Date | string | null {
  const m = ISO.exec(s);
  if (!m) return s.trim() === '' ? null : s;
  const [y, mo, d, h = '0', mi = '0', sec = '0', frac = ''] = m.slice(1);
  const ms = frac ? Math.round(Number(`0.${frac}`) * 1000) : 0;
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(sec), ms));
  if (date.getUTCFullYear() !== Number(y) || date.getUTCMonth() !== Number(mo) - 1 || date.getUTCDate() !== Number(d)) return s;
  return date;
}

export function cellValue(c: CellXml, ctx: ValueContext): CellValue {
  if (c.f !== null && isPictureFormula(c.f)) return PICTURE_TEXT;
  // Excel's "place in cell" picture: an error value pointing at a rich value (ECMA-376 Part 1, 18.3.1.4 `vm`; the picture is in xl/richData).
  if (c.vm && c.t === 'e') return PICTURE_TEXT;
  if (c.inline !== null || c.t === 'inlineStr') return c.inline;
  const v = c.v;
  if (v === null) return c.f !== null ? { error: NO_RESULT, formula: c.f } : null;
  switch (c.t) {
    case 's': {
      const s = ctx.sharedStrings[parseInt(v, 10)];
      return s === undefined ? null : s;
    }
    case 'str':
      return v === '' ? null : v.trimStart().startsWith('=') && isPictureFormula(v) ? PICTURE_TEXT : v;
    case 'b':
      return v.trim() === '' ? null : parseInt(v, 10) !== 0;
    case 'e':
      return v.trim() === '' ? null : { error: v.trim() };
    case 'd':
      return isoToDate(v);
    default: {
      if (v.trim() === '') return null;
      const n = parseFloat(v);
      if (Number.isNaN(n)) return null;
      return ctx.dateStyles[c.s] ? serialToDate(n, ctx.date1904) : n;
    }
  }
}
