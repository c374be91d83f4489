/* A1 address helpers for Office.js address strings (pure). */
import { CellRange, cellAddress, columnLetter, parseAddress } from '../ledger/cell';

/** Splits an address list (`Sheet1!A1:B2,'a,b'!C3`) at commas outside quoted sheet names. */
export function splitAddressList(address: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (const ch of address) {
    if (ch === "'") quoted = !quoted;
    if (ch === ',' && !quoted) {
      if (cur.trim()) out.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

/** The ranges of an address list; pieces that are no address are skipped. */
export function rangesOf(address: string | null | undefined): CellRange[] {
  if (!address) return [];
  const out: CellRange[] = [];
  for (const piece of splitAddressList(address)) {
    const r = parseAddress(piece);
    if (r) out.push(r);
  }
  return out;
}

/** `F6` or `F6:F9` (sheet-relative). */
export function rangeAddress(r: CellRange): string {
  const a = cellAddress(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? a : `${a}:${columnLetter(r.right)}${r.bottom}`;
}

/**
 * Joins addresses into comma lists of at most `maxChars` characters and `maxAreas` areas each:
 * long RangeAreas addresses fail in Office.js (around 8,000 characters, office-js#5198).
 */
export function chunkAddresses(parts: string[], maxChars = 2000, maxAreas = 200): string[] {
  const out: string[] = [];
  let cur: string[] = [];
  let len = 0;
  for (const p of parts) {
    if (cur.length && (len + 1 + p.length > maxChars || cur.length >= maxAreas)) {
      out.push(cur.join(','));
      cur = [];
      len = 0;
    }
    cur.push(p);
    len += (cur.length > 1 ? 1 : 0) + p.length;
  }
  if (cur.length) out.push(cur.join(','));
  return out;
}

export function intersects(a: CellRange, b: CellRange): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}
