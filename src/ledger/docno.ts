/*
 * Document numbers (文号) as GB/T 9704-2012 7.2.5 writes them: 机关代字, the year in full in
 * hexagonal brackets 〔〕, the sequence number without 第 and without leading zeros, then 号.
 */
import { compact, toHalfWidth } from './text';

export interface DocNoParse {
  /** The year in brackets (any bracket style), or null. */
  year: number | null;
  open: string;
  close: string;
  /** Some four-digit year anywhere. */
  hasYear: boolean;
  /** A sequence number before 号. */
  hasSeq: boolean;
  /** The number rewritten with 〔〕 around the year (the rest as written). */
  canonical: string;
}

const DOC_YEAR = /([〔[【(（〖［])\s*((?:19|20)\d{2})\s*([〕\]】)）〗］])/;
const ANY_YEAR = /(?:19|20)\d{2}/;
const DOC_SEQ = /[0-9零〇一二三四五六七八九十百]{1,8}\s?号/;

export function parseDocNo(text: string): DocNoParse {
  const m = DOC_YEAR.exec(text);
  const t = toHalfWidth(text);
  return {
    year: m ? Number(m[2]) : null,
    open: m ? m[1] : '',
    close: m ? m[3] : '',
    hasYear: !!m || ANY_YEAR.test(t),
    hasSeq: DOC_SEQ.test(t),
    canonical: m ? text.slice(0, m.index) + `〔${m[2]}〕` + text.slice(m.index + m[0].length) : text,
  };
}

const KEY_ODD = /[\s\u3000[\]【】()（）〖〗\uFF01-\uFF5E第]/;

/** A sequence number with a leading zero (`〔2023〕024号`). */
function leadingZero(text: string): boolean {
  for (let at = text.indexOf('0'); at >= 0; at = text.indexOf('0', at + 1)) {
    const before = text.charCodeAt(at - 1);
    const after = text.charCodeAt(at + 1);
    if (!(before >= 48 && before <= 57) && after >= 48 && after <= 57) return true;
  }
  return false;
}

/**
 * The number as duplicates are compared: half-width, no spaces, one bracket style, no 第 before
 * the sequence number, no leading zeros (`〔2023〕第024号` and `(2023)24号` are one number).
 */
export function docNoKey(text: string): string {
  if (!KEY_ODD.test(text) && !leadingZero(text)) return text;
  return compact(text)
    .replace(/[[【(（〖〔]/g, '〔')
    .replace(/[\]】)）〗〕]/g, '〕')
    .replace(/第(?=\d)/g, '')
    .replace(/(^|\D)0+(?=\d)/g, '$1');
}
