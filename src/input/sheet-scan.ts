/*
 * One pass over a worksheet's XML (saxes, streaming) before exceljs sees it: the rows and cells
 * it really holds, the range of cells with a value, the `<dimension>` it claims, its merges, and
 * where its `<mergeCells>` element sits so it can be cut out. Browser-capable: no Node APIs.
 */
import { SaxesParser } from 'saxes';
import { CellRange, columnNumber, parseAddress } from '../ledger/cell';

export interface SheetScan {
  /** The last row a `<row>` or `<c>` uses (0 for an empty sheet). */
  lastRow: number;
  /** Each row counted to its last cell (or its number of cells, if larger). */
  cells: number;
  /** The smallest range holding every cell with a value (`<v>`, `<f>` or `<is>`), or null. */
  used: CellRange | null;
  /** What `<dimension ref>` claims; read, never trusted. */
  dimension: CellRange | null;
  /** Merged areas as written. */
  merges: CellRange[];
  /** Byte ranges [start, end) of `<mergeCells>` elements. */
  mergeElements: [number, number][];
}

export type ScanLimit = 'rows' | 'cells' | 'merges';

/** Thrown while scanning when the sheet passes what is left of a limit. */
export class ScanLimitPassed extends Error {
  constructor(
    readonly limit: ScanLimit,
    readonly value: number,
  ) {
    super(`${limit} ${value}`);
  }
}

/** The XML is not well formed, or not UTF-8. */
export class ScanFailed extends Error {}

const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;
const CELL_REF = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

function localName(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

/** UTF-8 length of `s.slice(from, to)`. */
function utf8Length(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < to) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Bytes at the end of `b` that start a UTF-8 sequence not yet complete. */
function incompleteTail(b: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, b.length); back++) {
    const x = b[b.length - back];
    if ((x & 0xc0) === 0x80) continue;
    const need = x >= 0xf0 ? 4 : x >= 0xe0 ? 3 : x >= 0xc0 ? 2 : 1;
    return need > back ? back : 0;
  }
  return 0;
}

interface Piece {
  text: string;
  charStart: number;
  byteStart: number;
}

const PIECE_BYTES = 64 * 1024;

/** Feed a worksheet's bytes with `write`, then `end()` for the result. */
export class SheetScanner {
  private readonly parser = new SaxesParser({ position: true });
  private readonly decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;
  private bytesFed = 0;
  private charsFed = 0;
  private prev: Piece | null = null;
  private cur: Piece | null = null;

  private row = 0;
  private col = 0;
  private rowLastCol = 0;
  private rowCellCount = 0;
  private inRow = false;
  private cellRow = 0;
  private cellCol = 0;
  private inCell = false;
  private cellHasValue = false;
  private mergeStart = -1;
  private readonly scan: SheetScan = { lastRow: 0, cells: 0, used: null, dimension: null, merges: [], mergeElements: [] };

  /** `budget`: what is left of each limit for this sheet. */
  constructor(private readonly budget: Record<ScanLimit, number>) {
    const p = this.parser;
    p.on('error', (e) => {
      throw new ScanFailed(e.message);
    });
    p.on('opentagstart', (t) => {
      if (localName(t.name) === 'mergeCells') this.mergeStart = this.tagStart(t.name);
    });
    p.on('opentag', (t) => this.open(localName(t.name), t.attributes as Record<string, string>));
    p.on('closetag', (t) => this.close(localName(t.name)));
  }

  write(chunk: Uint8Array): void {
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    if (this.pendingBytes >= PIECE_BYTES) this.flush(false);
  }

  end(): SheetScan {
    this.flush(true);
    try {
      this.parser.close();
    } catch (e) {
      if (e instanceof ScanLimitPassed || e instanceof ScanFailed) throw e;
      throw new ScanFailed(String(e));
    }
    if (this.mergeStart >= 0) throw new ScanFailed('unclosed mergeCells');
    return this.scan;
  }

  private flush(final: boolean): void {
    let bytes: Uint8Array;
    if (this.pending.length === 1) bytes = this.pending[0];
    else {
      bytes = new Uint8Array(this.pendingBytes);
      let at = 0;
      for (const c of this.pending) {
        bytes.set(c, at);
        at += c.length;
      }
    }
    const keep = final ? 0 : incompleteTail(bytes);
    const whole = keep ? bytes.subarray(0, bytes.length - keep) : bytes;
    this.pending = keep ? [bytes.slice(bytes.length - keep)] : [];
    this.pendingBytes = keep;
    let text: string;
    try {
      text = this.decoder.decode(whole);
    } catch {
      throw new ScanFailed('not UTF-8');
    }
    this.prev = this.cur;
    this.cur = { text, charStart: this.charsFed, byteStart: this.bytesFed };
    this.charsFed += text.length;
    this.bytesFed += whole.length;
    this.parser.write(text);
  }

  private charAt(pos: number): string {
    for (const p of [this.cur, this.prev]) if (p && pos >= p.charStart && pos < p.charStart + p.text.length) return p.text[pos - p.charStart];
    return '';
  }

  private byteOffset(pos: number): number {
    for (const p of [this.cur, this.prev]) if (p && pos >= p.charStart && pos <= p.charStart + p.text.length) return p.byteStart + utf8Length(p.text, 0, pos - p.charStart);
    throw new ScanFailed('position out of reach');
  }

  /** Byte offset of the `<` that opened the tag whose name saxes just read. */
  private tagStart(name: string): number {
    // saxes has read the name and one more character (a CR LF pair counts as two).
    const pos = this.parser.position;
    for (let k = pos - name.length - 2; k >= pos - name.length - 3; k--) if (this.charAt(k) === '<') return this.byteOffset(k);
    throw new ScanFailed('tag start not found');
  }

  private limit(which: ScanLimit, value: number): void {
    if (value > this.budget[which]) throw new ScanLimitPassed(which, value);
  }

  private open(name: string, attrs: Record<string, string>): void {
    switch (name) {
      case 'row': {
        const r = Number(attrs.r);
        this.row = Number.isInteger(r) && r >= 1 && r <= MAX_ROW ? r : this.row + 1;
        this.inRow = true;
        this.col = 0;
        this.rowLastCol = 0;
        this.rowCellCount = 0;
        this.seeRow(this.row);
        return;
      }
      case 'c': {
        if (!this.inRow) return;
        const m = CELL_REF.exec(attrs.r ?? '');
        const c = m ? columnNumber(m[1]) : 0;
        this.col = c >= 1 && c <= MAX_COL ? c : this.col + 1;
        this.cellRow = this.row;
        this.cellCol = this.col;
        this.inCell = true;
        this.cellHasValue = false;
        this.rowCellCount++;
        if (this.col > this.rowLastCol) this.rowLastCol = this.col;
        return;
      }
      case 'v':
      case 'f':
      case 'is':
        if (this.inCell) this.cellHasValue = true;
        return;
      case 'dimension':
        this.scan.dimension = parseAddress(attrs.ref ?? '');
        return;
      case 'mergeCell': {
        const m = parseAddress(attrs.ref ?? '');
        if (!m) return;
        this.limit('merges', this.scan.merges.length + 1);
        this.scan.merges.push(m);
        return;
      }
    }
  }

  private close(name: string): void {
    switch (name) {
      case 'c':
        if (this.inCell && this.cellHasValue) this.seeValue(this.cellRow, this.cellCol);
        this.inCell = false;
        return;
      case 'row':
        if (!this.inRow) return;
        this.inRow = false;
        this.scan.cells += Math.max(this.rowLastCol, this.rowCellCount);
        this.limit('cells', this.scan.cells);
        return;
      case 'mergeCells':
        if (this.mergeStart < 0) return;
        this.scan.mergeElements.push([this.mergeStart, this.byteOffset(this.parser.position)]);
        this.mergeStart = -1;
        return;
    }
  }

  private seeRow(r: number): void {
    if (r > this.scan.lastRow) {
      this.scan.lastRow = r;
      this.limit('rows', r);
    }
  }

  private seeValue(r: number, c: number): void {
    const u = this.scan.used;
    if (!u) this.scan.used = { top: r, left: c, bottom: r, right: c };
    else {
      if (r < u.top) u.top = r;
      if (r > u.bottom) u.bottom = r;
      if (c < u.left) u.left = c;
      if (c > u.right) u.right = c;
    }
  }
}

/**
 * Merges as the ledger core needs them: cut at the bottom and right of the cells with values
 * (the top-left cell, which holds a merge's value, never moves); merges that cover no cell with
 * a value, or only their own top-left cell, are left out. Their area is then what the rows cost.
 */
export function clipMerges(merges: CellRange[], used: CellRange | null): CellRange[] {
  if (!used) return [];
  const out: CellRange[] = [];
  for (const m of merges) {
    if (m.top > used.bottom || m.left > used.right) continue;
    const c = { top: m.top, left: m.left, bottom: Math.min(m.bottom, used.bottom), right: Math.min(m.right, used.right) };
    if (c.bottom > c.top || c.right > c.left) out.push(c);
  }
  return out;
}

export function area(r: CellRange): number {
  return (r.bottom - r.top + 1) * (r.right - r.left + 1);
}

/** Removes byte ranges (sorted, not overlapping) from `bytes`. */
export function cutRanges(bytes: Uint8Array, ranges: [number, number][]): Uint8Array {
  const removed = ranges.reduce((n, [s, e]) => n + (e - s), 0);
  const out = new Uint8Array(bytes.length - removed);
  let from = 0;
  let at = 0;
  for (const [s, e] of ranges) {
    out.set(bytes.subarray(from, s), at);
    at += s - from;
    from = e;
  }
  out.set(bytes.subarray(from), at);
  return out;
}
