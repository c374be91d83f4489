/*
 * One pass over a worksheet's XML (saxes, streaming as it inflates): every cell's value, the rows
 * and cells it really holds (counted against what is left of the limits as it goes), the range of
 * cells with a value, the `<dimension>` it claims and its merges. What is counted is what is read.
 * Rows and cells without the optional `r` attribute take the next position (ECMA-376 Part 1,
 * 18.3.1.73 row, 18.3.1.4 c). Browser-capable: no Node APIs.
 */
import { CellRange, CellValue, parseAddress } from '../ledger/cell';
import { CellXml, ValueContext, cellValue } from './cell-value';
import { RichTextCollector } from './strings';
import { Attrs, XmlStream } from './xml';

export interface SheetRead {
  /** Values by row (index 0 is row 1), each row from column 1; holes are empty cells. */
  rows: (CellValue[] | undefined)[];
  /** The last row a `<row>` or `<c>` uses (0 for an empty sheet). */
  lastRow: number;
  /** Each row counted to its last cell (or its number of cells, if larger). */
  cells: number;
  /** The smallest range holding every cell with a value, or null. */
  used: CellRange | null;
  /** What `<dimension ref>` claims; read, never trusted. */
  dimension: CellRange | null;
  /** Merged areas as written. */
  merges: CellRange[];
}

export type ScanLimit = 'rows' | 'cells' | 'merges';

/** Thrown while reading when the sheet passes what is left of a limit. */
export class ScanLimitPassed extends Error {
  constructor(
    readonly limit: ScanLimit,
    readonly value: number,
  ) {
    super(`${limit} ${value}`);
  }
}

const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;

/** Column of a cell reference (`B7`, `$B$7`), 0 when it has none. */
function refColumn(ref: string | undefined): number {
  if (!ref) return 0;
  let c = 0;
  for (let i = 0; i < ref.length; i++) {
    const k = ref.charCodeAt(i);
    if (k >= 65 && k <= 90) c = c * 26 + k - 64;
    else if (k >= 97 && k <= 122) c = c * 26 + k - 96;
    else if (k !== 36) break;
    if (c > MAX_COL) return 0;
  }
  return c;
}

const enum Capture {
  None,
  V,
  F,
}

/** Feed a worksheet's bytes with `write`, then `end()` for the result. */
export class SheetReader {
  private readonly xml: XmlStream;
  private readonly out: SheetRead = { rows: [], lastRow: 0, cells: 0, used: null, dimension: null, merges: [] };

  private depthSheetData = 0;
  private row = 0;
  private rowCells: CellValue[] | null = null;
  private col = 0;
  private rowLastCol = 0;
  private rowCellCount = 0;

  /** The row the pass has reached (for progress). */
  get rowReached(): number {
    return this.row;
  }

  private inCell = false;
  private cell: CellXml = { t: undefined, s: 0, v: null, inline: null, f: null, vm: false };
  private capture = Capture.None;
  private inIs = false;
  private readonly rich = new RichTextCollector();

  /** `budget`: what is left of each limit for this sheet. */
  constructor(
    private readonly ctx: ValueContext,
    private readonly budget: Record<ScanLimit, number>,
  ) {
    this.xml = new XmlStream({ open: (n, a) => this.open(n, a), close: (n) => this.close(n), text: (t) => this.text(t) });
  }

  write(chunk: Uint8Array): void {
    this.xml.write(chunk);
  }

  end(): SheetRead {
    this.xml.end();
    return this.out;
  }

  private limit(which: ScanLimit, value: number): void {
    if (value > this.budget[which]) throw new ScanLimitPassed(which, value);
  }

  private open(name: string, a: Attrs): void {
    if (this.inCell) {
      this.openInCell(name);
      return;
    }
    switch (name) {
      case 'sheetData':
        this.depthSheetData++;
        return;
      case 'row': {
        if (!this.depthSheetData) return;
        const r = Number(a.r);
        this.row = Number.isInteger(r) && r >= 1 && r <= MAX_ROW ? r : this.row + 1;
        if (this.row > MAX_ROW) this.row = MAX_ROW;
        this.rowCells = null;
        this.col = 0;
        this.rowLastCol = 0;
        this.rowCellCount = 0;
        if (this.row > this.out.lastRow) {
          this.out.lastRow = this.row;
          this.limit('rows', this.row);
        }
        return;
      }
      case 'c': {
        if (!this.depthSheetData || !this.row) return;
        const c = refColumn(a.r);
        this.col = c >= 1 ? c : Math.min(this.col + 1, MAX_COL);
        this.rowCellCount++;
        if (this.col > this.rowLastCol) this.rowLastCol = this.col;
        this.inCell = true;
        const cell = this.cell;
        cell.t = a.t;
        cell.s = a.s === undefined ? 0 : Number(a.s) || 0;
        cell.v = null;
        cell.inline = null;
        cell.f = null;
        cell.vm = a.vm !== undefined;
        return;
      }
      case 'dimension':
        this.out.dimension = parseAddress(a.ref ?? '');
        return;
      case 'mergeCell': {
        const m = parseAddress(a.ref ?? '');
        if (!m) return;
        this.limit('merges', this.out.merges.length + 1);
        this.out.merges.push(m);
        return;
      }
    }
  }

  private openInCell(name: string): void {
    if (this.inIs) {
      this.rich.open(name);
      return;
    }
    switch (name) {
      case 'v':
        this.capture = Capture.V;
        this.cell.v ??= '';
        return;
      case 'f':
        this.capture = Capture.F;
        this.cell.f ??= '';
        return;
      case 'is':
        this.inIs = true;
        this.rich.reset();
        return;
    }
  }

  private text(t: string): void {
    if (!this.inCell) return;
    if (this.inIs) this.rich.text(t);
    else if (this.capture === Capture.V) this.cell.v += t;
    else if (this.capture === Capture.F) this.cell.f += t;
  }

  private close(name: string): void {
    if (this.inCell) {
      if (name === 'c') this.endCell();
      else if (this.inIs) {
        if (name === 'is') {
          this.inIs = false;
          this.cell.inline = this.rich.value() ?? '';
        } else this.rich.close(name);
      } else if (name === 'v' || name === 'f') this.capture = Capture.None;
      return;
    }
    if (name === 'row' && this.depthSheetData && this.row) {
      this.out.cells += Math.max(this.rowLastCol, this.rowCellCount);
      this.limit('cells', this.out.cells);
    } else if (name === 'sheetData') this.depthSheetData--;
  }

  private endCell(): void {
    this.inCell = false;
    this.capture = Capture.None;
    this.inIs = false;
    const cell = this.cell;
    if (cell.inline === '') cell.inline = null;
    const v = cellValue(cell, this.ctx);
    if (v === null || v === undefined) return;
    let cells = this.rowCells;
    if (!cells) cells = this.rowCells = this.out.rows[this.row - 1] ??= [];
    cells[this.col - 1] = v;
    const r = this.row;
    const c = this.col;
    const u = this.out.used;
    if (!u) this.out.used = { top: r, left: c, bottom: r, right: c };
    else {
      if (r < u.top) u.top = r;
      if (r > u.bottom) u.bottom = r;
      if (c < u.left) u.left = c;
      if (c > u.right) u.right = c;
    }
  }
}
