/* A1 addresses for the fake (independent of src/ so the adapter is not tested against itself). */

/** 1-based inclusive rectangle. */
export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

export function colLetters(col: number): string {
  let n = col;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** `B7`, `$B$7:C9`, `3:5`, `B:D`, with an optional (quoted) sheet prefix. Throws on anything else. */
export function parseA1(address: string): Rect {
  const bang = address.lastIndexOf('!');
  const a = (bang >= 0 ? address.slice(bang + 1) : address).replace(/\$/g, '').trim().toUpperCase();
  const [p1, p2 = p1, extra] = a.split(':');
  const cell = /^([A-Z]{1,3})(\d{1,7})$/;
  let r: Rect | null = null;
  const c1 = cell.exec(p1);
  const c2 = cell.exec(p2);
  if (extra === undefined && c1 && c2) r = { top: +c1[2], left: colNumber(c1[1]), bottom: +c2[2], right: colNumber(c2[1]) };
  else if (extra === undefined && /^\d+$/.test(p1) && /^\d+$/.test(p2)) r = { top: +p1, left: 1, bottom: +p2, right: MAX_COLS };
  else if (extra === undefined && /^[A-Z]{1,3}$/.test(p1) && /^[A-Z]{1,3}$/.test(p2)) r = { top: 1, left: colNumber(p1), bottom: MAX_ROWS, right: colNumber(p2) };
  if (!r || r.top < 1 || r.left < 1 || r.bottom > MAX_ROWS || r.right > MAX_COLS) {
    throw Object.assign(new Error(`The argument is invalid or missing or has an incorrect format. (${address})`), { code: 'InvalidArgument' });
  }
  return { top: Math.min(r.top, r.bottom), left: Math.min(r.left, r.right), bottom: Math.max(r.top, r.bottom), right: Math.max(r.left, r.right) };
}

/** Splits `A1:B2, 'x,y'!C3` at commas outside quotes. */
export function splitList(address: string): string[] {
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

export function rectA1(r: Rect): string {
  if (r.left === 1 && r.right === MAX_COLS) return `${r.top}:${r.bottom}`;
  if (r.top === 1 && r.bottom === MAX_ROWS) return `${colLetters(r.left)}:${colLetters(r.right)}`;
  const a = `${colLetters(r.left)}${r.top}`;
  return r.top === r.bottom && r.left === r.right ? a : `${a}:${colLetters(r.right)}${r.bottom}`;
}

export function sheetPrefix(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function intersect(a: Rect, b: Rect): Rect | null {
  const r = { top: Math.max(a.top, b.top), left: Math.max(a.left, b.left), bottom: Math.min(a.bottom, b.bottom), right: Math.min(a.right, b.right) };
  return r.top <= r.bottom && r.left <= r.right ? r : null;
}

export function contains(outer: Rect, inner: Rect): boolean {
  return inner.top >= outer.top && inner.bottom <= outer.bottom && inner.left >= outer.left && inner.right <= outer.right;
}

export function cellsOf(r: Rect): number {
  return (r.bottom - r.top + 1) * (r.right - r.left + 1);
}

/** UTF-8 byte length of a string (the payload the web host would carry). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
