/*
 * Files carried in a URL fragment (or dialog messages) from the task pane to download.html.
 * Pure; shared by the pane (src/excel/delivery.ts) and the page (src/download/download.ts).
 *
 *   v=1&p=0&n0=<name>&t0=<type>&d0=<base64url>&n1=…&t1=…&d1=…&e1=0
 *
 * `e1=0`: file 1 is text (the .eml) whose attachment block, the 76-column base64 of file 0
 * (the .docx), was taken out and replaced by EMBED; the page puts it back. That keeps the
 * Word file in the payload once instead of twice (4/3 × 4/3 for the copy inside the .eml).
 */

export interface CarriedFile {
  name: string;
  type: string;
  bytes: Uint8Array;
}

export interface Carried {
  files: CarriedFile[];
  /** The file the user asked for (offered first). */
  primary: number;
}

export const EMBED = '\uFFFC'; // OBJECT REPLACEMENT CHARACTER: never in a 7-bit .eml
const VERSION = '1';

/** Bytes as a binary string (one character per byte). */
export function toBinary(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode.apply(null, Array.from(bytes.subarray(i, i + 0x8000)));
  return s;
}

function fromBinary(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

export function base64(bytes: Uint8Array): string {
  return btoa(toBinary(bytes));
}

export function base64url(bytes: Uint8Array): string {
  return base64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64url(s: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(s)) throw new Error('bad base64url');
  const b = s.replace(/-/g, '+').replace(/_/g, '/');
  return fromBinary(atob(b + '==='.slice((b.length + 3) % 4)));
}

/** Base64 in 76-character lines joined by CRLF, as MIME writes an attachment. */
export function mimeBase64(bytes: Uint8Array): string {
  return base64(bytes).replace(/.{76}(?=.)/g, '$&\r\n');
}

const utf8 = (s: string) => new TextEncoder().encode(s);
const fromUtf8 = (b: Uint8Array) => new TextDecoder('utf-8', { fatal: true }).decode(b);

/** The fragment (without `#`) carrying the files. */
export function encodeCarried({ files, primary }: Carried): string {
  const parts = [`v=${VERSION}`, `p=${primary}`];
  const blocks = files.map((f) => mimeBase64(f.bytes));
  files.forEach((f, i) => {
    let data = f.bytes;
    let embed = -1;
    if (f.type.startsWith('message/')) {
      const text = fromUtf8(f.bytes);
      embed = blocks.findIndex((b, j) => j !== i && b.length > 0 && text.indexOf(b) >= 0 && text.indexOf(b) === text.lastIndexOf(b));
      if (embed >= 0 && !text.includes(EMBED)) data = utf8(text.replace(blocks[embed], EMBED));
      else embed = -1;
    }
    parts.push(`n${i}=${encodeURIComponent(f.name)}`, `t${i}=${encodeURIComponent(f.type)}`, `d${i}=${base64url(data)}`);
    if (embed >= 0) parts.push(`e${i}=${embed}`);
  });
  return parts.join('&');
}

/** The files from a fragment (with or without `#`); throws on anything malformed. */
export function decodeCarried(fragment: string): Carried {
  const map = new Map<string, string>();
  for (const kv of fragment.replace(/^#/, '').split('&')) {
    const at = kv.indexOf('=');
    if (at > 0) map.set(kv.slice(0, at), decodeURIComponent(kv.slice(at + 1)));
  }
  if (map.get('v') !== VERSION) throw new Error('unknown version');
  const files: CarriedFile[] = [];
  for (let i = 0; map.has(`d${i}`); i++) {
    files.push({ name: map.get(`n${i}`) || `file${i}`, type: map.get(`t${i}`) || 'application/octet-stream', bytes: fromBase64url(map.get(`d${i}`)!) });
  }
  files.forEach((f, i) => {
    const e = map.get(`e${i}`);
    if (e === undefined) return;
    const src = files[Number(e)];
    if (!src || Number(e) === i) throw new Error('bad embed');
    const text = fromUtf8(f.bytes);
    if (text.split(EMBED).length !== 2) throw new Error('bad embed');
    f.bytes = utf8(text.replace(EMBED, mimeBase64(src.bytes)));
  });
  if (!files.length) throw new Error('no files');
  const p = Number(map.get('p'));
  return { files, primary: Number.isInteger(p) && p >= 0 && p < files.length ? p : 0 };
}
