/*
 * An mbox file (RFC 4155; Thunderbird's folder files, a mail program's export): messages each
 * introduced by a `From ` line, body lines that began with `From ` escaped as `>From `.
 * Works on bytes, so 8-bit message text and attachments pass unchanged. Browser-capable.
 */

const NL = 0x0a;
const FROM = [0x46, 0x72, 0x6f, 0x6d, 0x20]; // "From "

function at(b: Uint8Array, i: number, sig: number[]): boolean {
  for (let k = 0; k < sig.length; k++) if (b[i + k] !== sig[k]) return false;
  return true;
}

function lineEnd(b: Uint8Array, i: number): number {
  const n = b.indexOf(NL, i);
  return n < 0 ? b.length : n + 1;
}

/** A header line (`Name:`) starts at `i`. */
function headerAt(b: Uint8Array, i: number): boolean {
  let k = i;
  while (k < b.length && k - i < 80 && b[k] >= 0x21 && b[k] <= 0x7e && b[k] !== 0x3a) k++;
  return k > i && b[k] === 0x3a;
}

/** Body lines `>From `, `>>From ` … lose one `>` (mboxrd; Thunderbird's mboxo escapes the same way). */
function unescape(b: Uint8Array): Uint8Array {
  const out = new Uint8Array(b.length);
  let n = 0;
  for (let i = 0; i < b.length; ) {
    const end = lineEnd(b, i);
    let k = i;
    while (b[k] === 0x3e) k++;
    const skip = k > i && at(b, k, FROM) ? 1 : 0;
    out.set(b.subarray(i + skip, end), n);
    n += end - i - skip;
    i = end;
  }
  return out.subarray(0, n);
}

/** The line before `i` is empty (or `i` starts the file). */
function afterBlank(b: Uint8Array, i: number): boolean {
  return i === 0 || (i >= 2 && b[i - 2] === NL) || (i >= 3 && b[i - 2] === 0x0d && b[i - 3] === NL) || i === 1;
}

/** `From sender Mon Oct 30 17:20:00 2023` (RFC 4155 envelope: a time and a year). */
function envelopeAt(b: Uint8Array, i: number): boolean {
  const line = String.fromCharCode(...b.subarray(i, Math.min(lineEnd(b, i), i + 200)));
  return /^From \S+ .*\d{1,2}:\d{2}(:\d{2})? .*\d{4}\s*$/.test(line) || /^From \S+ .*\d{4} \d{1,2}:\d{2}/.test(line);
}

/**
 * Each message of the mbox, without its `From ` line. A `From ` line starts a message when a
 * header line follows it and it comes after an empty line (RFC 4155) or reads as an envelope.
 */
export function splitMbox(b: Uint8Array, max: number): { messages: Uint8Array[]; more: boolean } {
  const starts: number[] = [];
  for (let i = 0; i < b.length; i = lineEnd(b, i)) {
    if (!at(b, i, FROM) || !headerAt(b, lineEnd(b, i))) continue;
    if (starts.length && !afterBlank(b, i) && !envelopeAt(b, i)) continue;
    if (starts.length === max) return { messages: slices(b, starts), more: true };
    starts.push(i);
  }
  return { messages: slices(b, starts), more: false };
}

function slices(b: Uint8Array, starts: number[]): Uint8Array[] {
  return starts.map((s, i) => unescape(b.subarray(lineEnd(b, s), i + 1 < starts.length ? starts[i + 1] : b.length)));
}
