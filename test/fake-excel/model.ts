/*
 * The in-memory workbook behind the fake Office.js: cells (values, errors, formulas, number
 * formats, fill/font/alignment/border formats), merges, conditional formats, data validations,
 * column widths, events and document settings. Plain TypeScript, no Node APIs (it is also
 * bundled into a browser page).
 */
import { MAX_COLS, MAX_ROWS, Rect, cellsOf, colLetters, contains, intersect, parseA1, rectA1, sheetPrefix, splitList } from './a1';
import { Snapshot, UndoHistory, UndoStep } from './undo';

export type Primitive = string | number | boolean | null;

export interface FontStyle {
  name?: string;
  size?: number;
  bold?: boolean;
  italic?: boolean;
  color?: string;
}

/** A cell's own formats (what 清除标记 must leave exactly as it was). */
export interface Style {
  numberFormat?: string;
  fill?: string;
  font?: FontStyle;
  hAlign?: string;
  vAlign?: string;
  wrap?: boolean;
  borders?: Partial<Record<'top' | 'bottom' | 'left' | 'right', string>>;
}

export interface FakeCell {
  value: Primitive;
  /** An Excel error value (`#N/A`); `value` is then the code as Office.js reports it. */
  error?: string;
  /** A formula; `value` is its cached result. */
  formula?: string;
  style?: Style;
}

export interface FakeConditionalFormat {
  id: string;
  type: 'Custom' | 'CellValue' | 'ContainsText';
  ranges: Rect[];
  /** The custom rule's formula (`=...`). */
  formula: string;
  fill?: string;
  fontColor?: string;
}

export interface FakeValidation {
  range: Rect;
  rule: unknown;
  prompt?: unknown;
  errorAlert?: unknown;
  ignoreBlanks?: boolean;
}

export interface FakeSheet {
  id: string;
  name: string;
  cells: CellMap;
  merges: Rect[];
  cfs: FakeConditionalFormat[];
  validations: FakeValidation[];
  columnWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  frozenRows: number;
  pageLayout: Record<string, unknown>;
  selection: string;
  /** The first row the window shows on this sheet (the clerk's scroll position; 1 at the top). */
  scrollRow?: number;
  /** Worksheet protection is on: writes fail with AccessDenied. */
  protected?: boolean;
  /** Worksheet.visibility: `Visible` (absent), `Hidden` or `VeryHidden` (ExcelApi 1.1, https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-visibility-member). */
  visibility?: string;
}

// ---- JSON model -------------------------------------------------------------------------

/** A cell in the JSON model: a plain value, or an object with formats. */
export type CellJson =
  | Primitive
  | { v?: Primitive; error?: string; f?: string; nf?: string; fill?: string; font?: FontStyle; hAlign?: string; vAlign?: string; wrap?: boolean; borders?: Style['borders'] };

export interface SheetJson {
  name: string;
  id?: string;
  /** Rows from A1 down (or from `origin`). */
  rows?: CellJson[][];
  origin?: string;
  /** Single cells by address (applied after `rows`). */
  cells?: Record<string, CellJson>;
  merges?: string[];
  conditionalFormats?: { ranges: string; formula: string; fill?: string; fontColor?: string; type?: FakeConditionalFormat['type'] }[];
  validations?: { range: string; rule: unknown; prompt?: unknown; errorAlert?: unknown }[];
  columnWidths?: Record<string, number>;
  rowHeights?: Record<string, number>;
  protected?: boolean;
  visibility?: 'Visible' | 'Hidden' | 'VeryHidden';
}

export interface WorkbookJson {
  date1904?: boolean;
  sheets: SheetJson[];
  /** Office.context.document.settings as saved in the file. */
  settings?: Record<string, unknown>;
  activeSheet?: string;
}

// ---- events ------------------------------------------------------------------------------

export type EventName = 'changed' | 'activated' | 'added' | 'deleted' | 'rowSorted' | 'columnSorted';

export interface ChangedDetails {
  valueBefore: unknown;
  valueAfter: unknown;
  valueTypeBefore: string;
  valueTypeAfter: string;
}

export interface RawEvent {
  name: EventName;
  worksheetId: string;
  address?: string;
  changeType?: string;
  details?: ChangedDetails;
  /** The add-in's own write (→ `triggerSource: 'ThisLocalAddin'`). */
  own?: boolean;
  /** A co-author's change in another client (→ `source: 'Remote'`). */
  remote?: boolean;
}

/** One write by the add-in, for the "no user value is ever written" assertions. */
export interface WriteRecord {
  sync: number;
  sheet: string;
  kind: string;
  address: string;
  /** The cells whose value or formula changed (`values`/`formulas` writes only). */
  valueCells?: string[];
}

export const key = (row: number, col: number): number => row * (MAX_COLS + 1) + col;
const rowOf = (k: number) => Math.floor(k / (MAX_COLS + 1));
const colOf = (k: number) => k % (MAX_COLS + 1);

/**
 * The cells of a sheet by key (`key(row, col)`), kept as row → column → cell, so that the used
 * range of a band of rows costs the band, not the sheet (the driver asks for one per 1,000-row
 * band; scanning every cell each time made the fake quadratic on big sheets, which Excel is not),
 * and a 40,000-row sheet costs no more memory than it must. The Map methods the tests use.
 */
export class CellMap {
  readonly rows = new Map<number, Map<number, FakeCell>>();
  private count = 0;
  /** The used range of the values, while no cell was set or deleted since (a value changes only through set). */
  usedValues: { rect: Rect | null } | null = null;
  get size(): number {
    return this.count;
  }
  get(k: number): FakeCell | undefined {
    return this.rows.get(rowOf(k))?.get(colOf(k));
  }
  has(k: number): boolean {
    return this.get(k) !== undefined;
  }
  set(k: number, c: FakeCell): this {
    this.usedValues = null;
    const r = rowOf(k);
    let cols = this.rows.get(r);
    if (!cols) this.rows.set(r, (cols = new Map()));
    if (!cols.has(colOf(k))) this.count++;
    cols.set(colOf(k), c);
    return this;
  }
  delete(k: number): boolean {
    const cols = this.rows.get(rowOf(k));
    if (!cols || !cols.delete(colOf(k))) return false;
    this.usedValues = null;
    this.count--;
    if (!cols.size) this.rows.delete(rowOf(k));
    return true;
  }
  clear(): void {
    this.usedValues = null;
    this.rows.clear();
    this.count = 0;
  }
  *entries(): IterableIterator<[number, FakeCell]> {
    for (const [r, cols] of this.rows) for (const [c, cell] of cols) yield [key(r, c), cell];
  }
  *keys(): IterableIterator<number> {
    for (const [k] of this.entries()) yield k;
  }
  *values(): IterableIterator<FakeCell> {
    for (const cols of this.rows.values()) yield* cols.values();
  }
  [Symbol.iterator](): IterableIterator<[number, FakeCell]> {
    return this.entries();
  }
}

function isEmptyValue(c: FakeCell | undefined): boolean {
  return !c || ((c.value === null || c.value === '') && !c.error && !c.formula);
}

function sortKeys(o: unknown): unknown {
  if (Array.isArray(o)) return o.map(sortKeys);
  if (o && typeof o === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(o as object).sort()) {
      const v = (o as Record<string, unknown>)[k];
      if (v !== undefined) out[k] = sortKeys(v);
    }
    return out;
  }
  return o;
}

/**
 * Whether a rect meets any of `rects`: narrow rects by column, each column's rows sorted with the
 * running maximum of their bottoms (binary search); wide ones one by one.
 */
function rectIndex(rects: Rect[]): (r: Rect) => boolean {
  if (rects.length < 8) return (r) => rects.some((x) => intersect(x, r));
  const wide = rects.filter((x) => x.right - x.left > 16);
  const cols = new Map<number, { tops: number[]; maxBottom: number[] }>();
  const byCol = new Map<number, Rect[]>();
  for (const x of rects) {
    if (x.right - x.left > 16) continue;
    for (let c = x.left; c <= x.right; c++) {
      const list = byCol.get(c) ?? [];
      list.push(x);
      byCol.set(c, list);
    }
  }
  for (const [c, list] of byCol) {
    list.sort((a, b) => a.top - b.top);
    let m = 0;
    cols.set(c, { tops: list.map((x) => x.top), maxBottom: list.map((x) => (m = Math.max(m, x.bottom))) });
  }
  return (r) => {
    if (wide.some((x) => intersect(x, r))) return true;
    if (r.right - r.left > 64) return rects.some((x) => intersect(x, r));
    for (let c = r.left; c <= r.right; c++) {
      const col = cols.get(c);
      if (!col) continue;
      // The last rect starting at or above r.bottom; any of those reaching r.top meets r.
      let lo = 0;
      let hi = col.tops.length - 1;
      let at = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (col.tops[mid] <= r.bottom) {
          at = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      if (at >= 0 && col.maxBottom[at] >= r.top) return true;
    }
    return false;
  };
}

let idSeq = 0;
const newId = (prefix: string) => `{${prefix}-${(++idSeq).toString(16).padStart(8, '0')}}`;

export class FakeWorkbook {
  sheets: FakeSheet[] = [];
  date1904 = false;
  activeSheetId: string | null = null;
  /** Rows and columns the window shows (Window.visibleRange: from the sheet's scrollRow; a partly shown row counts). */
  windowRows = 40;
  windowCols = 15;
  /** Settings as saved in the file (what a new session reads). */
  savedSettings: Record<string, unknown> = {};
  /** Events enabled for the add-in (context.runtime.enableEvents). */
  enableEvents = true;
  writes: WriteRecord[] = [];
  /** Set by the fake host: delivers events to the registered handlers. */
  dispatch: ((e: RawEvent) => void) | null = null;
  /** Excel's undo history (undo.ts): the clerk's actions and, where supported, the add-in's writes. */
  readonly undo = new UndoHistory();

  /** A deep copy of a sheet (an undo step keeps the sheets as they were). */
  static cloneSheet(s: FakeSheet): FakeSheet {
    const cells = new CellMap();
    for (const [k, c] of s.cells) {
      const copy: FakeCell = { ...c };
      if (c.style) copy.style = JSON.parse(JSON.stringify(c.style)) as Style;
      cells.set(k, copy);
    }
    return {
      ...s,
      cells,
      merges: s.merges.map((m) => ({ ...m })),
      cfs: s.cfs.map((cf) => ({ ...cf, ranges: cf.ranges.map((r) => ({ ...r })) })),
      validations: JSON.parse(JSON.stringify(s.validations)) as FakeValidation[],
      columnWidths: new Map(s.columnWidths),
      rowHeights: new Map(s.rowHeights),
      pageLayout: JSON.parse(JSON.stringify(s.pageLayout)) as Record<string, unknown>,
    };
  }

  /** The sheets as they are now, for an undo step. */
  snapshotOf(sheets: FakeSheet[]): Snapshot {
    return { order: this.sheets.map((s) => s.id), sheets: new Map(sheets.map((s) => [s.id, FakeWorkbook.cloneSheet(s)])) };
  }

  /** Puts the sheets of a snapshot back as they were (a sheet that did not exist is removed). */
  restore(snap: Snapshot): void {
    for (const [id, copy] of snap.sheets) {
      const i = this.sheets.findIndex((s) => s.id === id);
      if (!copy) {
        if (i >= 0) this.sheets.splice(i, 1);
      } else if (i >= 0) this.sheets[i] = FakeWorkbook.cloneSheet(copy);
      else this.sheets.push(FakeWorkbook.cloneSheet(copy));
    }
    const pos = (id: string) => {
      const p = snap.order.indexOf(id);
      return p < 0 ? Infinity : p;
    };
    this.sheets.sort((a, b) => pos(a.id) - pos(b.id));
  }

  private recordClerk(label: string, sheets: FakeSheet[], event?: UndoStep['event']): void {
    this.undo.push({ by: 'clerk', label, before: this.snapshotOf(sheets), event });
  }

  /**
   * The clerk presses Ctrl+Z: the last step (the clerk's or, where Excel keeps them, the
   * add-in's) is undone. Returns it, or null when there is nothing to undo ("Can't undo").
   */
  userUndo(): UndoStep | null {
    const step = this.undo.steps.pop();
    if (!step) return null;
    this.restore(step.before);
    if (step.event && this.findSheet(step.event.sheetId)) this.emit({ name: 'changed', worksheetId: step.event.sheetId, address: step.event.address, changeType: 'RangeEdited' });
    return step;
  }

  static fromJson(json: WorkbookJson): FakeWorkbook {
    const wb = new FakeWorkbook();
    wb.date1904 = !!json.date1904;
    wb.savedSettings = JSON.parse(JSON.stringify(json.settings ?? {}));
    for (const s of json.sheets) wb.loadSheet(s);
    wb.activeSheetId = (json.activeSheet ? wb.sheet(json.activeSheet).id : wb.sheets[0]?.id) ?? null;
    return wb;
  }

  /** Adds a sheet from its JSON model (no events: it was there when the file was opened). */
  loadSheet(s: SheetJson): FakeSheet {
    const sheet = this.newSheet(s.name, s.id);
    const origin = s.origin ? parseA1(s.origin) : { top: 1, left: 1 };
    (s.rows ?? []).forEach((row, i) => row.forEach((c, j) => this.putJson(sheet, origin.top + i, origin.left + j, c)));
    for (const [a, c] of Object.entries(s.cells ?? {})) {
      const r = parseA1(a);
      this.putJson(sheet, r.top, r.left, c);
    }
    for (const m of s.merges ?? []) sheet.merges.push(parseA1(m));
    for (const cf of s.conditionalFormats ?? []) {
      sheet.cfs.push({ id: newId('CF'), type: cf.type ?? 'Custom', ranges: splitList(cf.ranges).map(parseA1), formula: cf.formula, fill: cf.fill, fontColor: cf.fontColor });
    }
    for (const v of s.validations ?? []) sheet.validations.push({ range: parseA1(v.range), rule: v.rule, prompt: v.prompt, errorAlert: v.errorAlert });
    for (const [c, w] of Object.entries(s.columnWidths ?? {})) sheet.columnWidths.set(parseA1(`${c}1`).left, w);
    for (const [r, h] of Object.entries(s.rowHeights ?? {})) sheet.rowHeights.set(Number(r), h);
    if (s.protected) sheet.protected = true;
    if (s.visibility) sheet.visibility = s.visibility;
    return sheet;
  }

  private putJson(sheet: FakeSheet, row: number, col: number, c: CellJson): void {
    if (c === null || typeof c !== 'object') {
      if (c === null || c === '') return;
      sheet.cells.set(key(row, col), { value: c });
      return;
    }
    const style: Style = {};
    if (c.nf !== undefined) style.numberFormat = c.nf;
    if (c.fill !== undefined) style.fill = c.fill;
    if (c.font) style.font = { ...c.font };
    if (c.hAlign) style.hAlign = c.hAlign;
    if (c.vAlign) style.vAlign = c.vAlign;
    if (c.wrap !== undefined) style.wrap = c.wrap;
    if (c.borders) style.borders = { ...c.borders };
    const cell: FakeCell = { value: c.error ? c.error : c.v ?? null };
    if (c.error) cell.error = c.error;
    if (c.f) cell.formula = c.f;
    if (Object.keys(style).length) cell.style = style;
    sheet.cells.set(key(row, col), cell);
  }

  newSheet(name: string, id?: string): FakeSheet {
    if (this.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) {
      throw Object.assign(new Error(`A worksheet named ${name} already exists.`), { code: 'ItemAlreadyExists' });
    }
    const sheet: FakeSheet = {
      id: id ?? newId('WS'),
      name,
      cells: new CellMap(),
      merges: [],
      cfs: [],
      validations: [],
      columnWidths: new Map(),
      rowHeights: new Map(),
      frozenRows: 0,
      pageLayout: {},
      selection: 'A1',
    };
    this.sheets.push(sheet);
    return sheet;
  }

  sheet(nameOrId: string): FakeSheet {
    const s = this.findSheet(nameOrId);
    if (!s) throw new Error(`no sheet ${nameOrId}`);
    return s;
  }

  findSheet(nameOrId: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.id === nameOrId) ?? this.sheets.find((s) => s.name.toLowerCase() === nameOrId.toLowerCase());
  }

  // ---- cell access ----

  cell(sheet: FakeSheet, row: number, col: number): FakeCell | undefined {
    return sheet.cells.rows.get(row)?.get(col);
  }

  /** The value as Office.js reports it in `values`. */
  valueAt(sheet: FakeSheet, row: number, col: number): Primitive {
    const c = this.cell(sheet, row, col);
    if (!c) return '';
    if (c.error) return c.error;
    return c.value === null ? '' : c.value;
  }

  typeAt(sheet: FakeSheet, row: number, col: number): string {
    const c = this.cell(sheet, row, col);
    if (!c) return 'Empty';
    if (c.error) return 'Error';
    if (c.value === null || c.value === '') return 'Empty';
    if (typeof c.value === 'number') return 'Double';
    if (typeof c.value === 'boolean') return 'Boolean';
    return 'String';
  }

  formulaAt(sheet: FakeSheet, row: number, col: number): Primitive {
    const c = this.cell(sheet, row, col);
    if (!c) return '';
    if (c.formula) return c.formula;
    return this.valueAt(sheet, row, col);
  }

  /** Bounding box of the cells with a value (valuesOnly) or with anything, within `within`. */
  usedRect(sheet: FakeSheet, valuesOnly: boolean, within?: Rect): Rect | null {
    if (valuesOnly && !within) {
      const cached = sheet.cells.usedValues ?? (sheet.cells.usedValues = { rect: this.scanUsed(sheet, true) });
      return cached.rect && { ...cached.rect };
    }
    return this.scanUsed(sheet, valuesOnly, within);
  }

  private scanUsed(sheet: FakeSheet, valuesOnly: boolean, within?: Rect): Rect | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = -Infinity;
    let right = -Infinity;
    const visit = (r: number, col: number, c: FakeCell) => {
      if (valuesOnly ? isEmptyValue(c) : isEmptyValue(c) && !c.style) return;
      if (within && (r < within.top || r > within.bottom || col < within.left || col > within.right)) return;
      if (r < top) top = r;
      if (r > bottom) bottom = r;
      if (col < left) left = col;
      if (col > right) right = col;
    };
    // A band of rows: its rows only (the index); otherwise every cell.
    if (within && within.bottom - within.top + 1 < sheet.cells.rows.size) {
      for (let r = within.top; r <= within.bottom; r++) for (const [col, c] of sheet.cells.rows.get(r) ?? []) visit(r, col, c);
    } else for (const [r, cols] of sheet.cells.rows) for (const [col, c] of cols) visit(r, col, c);
    return top === Infinity ? null : { top, left, bottom, right };
  }

  /** Writes one cell's value as Excel would store a typed value (text that looks like a number or a month becomes a number unless the cell is text-formatted). */
  setValue(sheet: FakeSheet, row: number, col: number, v: unknown): void {
    const k = key(row, col);
    const c = sheet.cells.get(k) ?? { value: null };
    delete c.error;
    delete c.formula;
    const text = c.style?.numberFormat === '@';
    // Range.values: "If the returned value starts with a plus ("+"), minus ("-"), or equal sign ("="), Excel interprets
    // this value as a formula" (learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-values) — unless
    // the cell is formatted as Text, which keeps what is entered as typed (Microsoft Support, "Format numbers as text").
    // `@…` is not documented either way: the add-in writes every string into a Text cell.
    if (typeof v === 'string' && !text && (v.startsWith('=') || (/^[+-]./s.test(v) && !/^[+-]?\d+(\.\d+)?$/.test(v.trim())))) {
      c.formula = v.startsWith('=') ? v : `=${v}`;
      c.value = null;
    } else if (typeof v === 'string' && /^#(N\/A|VALUE!|REF!|DIV\/0!|NAME\?|NUM!|NULL!)$/.test(v) && !text) {
      c.value = v;
      c.error = v;
    } else if (typeof v === 'string' && !text && /^-?\d+(\.\d+)?$/.test(v.trim())) {
      c.value = Number(v);
    } else if (typeof v === 'string' && !text && /^(\d{4})-(\d{1,2})$/.test(v.trim())) {
      // Excel reads `2023-10` as the date 2023-10-01 (a serial number).
      const [, y, m] = /^(\d{4})-(\d{1,2})$/.exec(v.trim())!;
      c.value = Math.round((Date.UTC(+y, +m - 1, 1) - Date.UTC(1899, 11, 30)) / 86400000) - (this.date1904 ? 1462 : 0);
      c.style = { ...c.style, numberFormat: 'mmm-yy' };
    } else if (v === '' || v === null || v === undefined) {
      c.value = null;
    } else if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') {
      c.value = v;
    } else {
      c.value = String(v);
    }
    if (isEmptyValue(c) && !c.style) sheet.cells.delete(k);
    else sheet.cells.set(k, c);
  }

  style(sheet: FakeSheet, row: number, col: number): Style {
    const k = key(row, col);
    let c = sheet.cells.get(k);
    if (!c) sheet.cells.set(k, (c = { value: null }));
    if (!c.style) c.style = {};
    return c.style;
  }

  forEachCell(r: Rect, f: (row: number, col: number) => void): void {
    if (cellsOf(r) > 5_000_000) throw Object.assign(new Error('range too large for the fake'), { code: 'InvalidOperation' });
    for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) f(row, col);
  }

  address(sheet: FakeSheet, r: Rect): string {
    return `${sheetPrefix(sheet.name)}!${rectA1(r)}`;
  }

  record(sync: number, sheet: FakeSheet, kind: string, r: Rect | string, valueCells?: string[]): void {
    this.writes.push({ sync, sheet: sheet.name, kind, address: typeof r === 'string' ? r : rectA1(r), valueCells });
  }

  // ---- snapshots for assertions ----

  /** Every cell's value and formula, by sheet and address (what "no user value written" compares). */
  valueSnapshot(): Record<string, Record<string, unknown>> {
    const out: Record<string, Record<string, unknown>> = {};
    for (const s of this.sheets) {
      const cells: Record<string, unknown> = {};
      for (const k of [...s.cells.keys()].sort((a, b) => a - b)) {
        const c = s.cells.get(k)!;
        if (isEmptyValue(c)) continue;
        cells[`${colLetters(colOf(k))}${rowOf(k)}`] = c.error ? { error: c.error } : c.formula ? { f: c.formula, v: c.value } : c.value;
      }
      out[s.name] = cells;
    }
    return out;
  }

  /**
   * The sheets' own formatting as one string: cell formats, merges, conditional formats,
   * data validations, column widths, row heights, frozen rows, page layout.
   * `excludeCf` drops conditional formats matching it (e.g. the add-in's marks).
   */
  formatSnapshot(excludeCf?: (cf: FakeConditionalFormat) => boolean): string {
    const sheets = this.sheets.map((s) => ({
      name: s.name,
      cells: [...s.cells.entries()]
        .filter(([, c]) => c.style && Object.keys(c.style).length)
        .sort(([a], [b]) => a - b)
        .map(([k, c]) => [`${colLetters(colOf(k))}${rowOf(k)}`, c.style]),
      merges: s.merges.map(rectA1).sort(),
      cfs: s.cfs.filter((cf) => !excludeCf?.(cf)).map((cf) => ({ ...cf, ranges: cf.ranges.map(rectA1) })),
      validations: s.validations.map((v) => ({ ...v, range: rectA1(v.range) })),
      widths: [...s.columnWidths.entries()].sort(([a], [b]) => a - b),
      heights: [...s.rowHeights.entries()].sort(([a], [b]) => a - b),
      frozenRows: s.frozenRows,
      pageLayout: s.pageLayout,
    }));
    return JSON.stringify(sortKeys(sheets));
  }

  /** Conditional formats covering a cell, in priority order. */
  cfsAt(sheetName: string, address: string): FakeConditionalFormat[] {
    const s = this.sheet(sheetName);
    const r = parseA1(address);
    return s.cfs.filter((cf) => cf.ranges.some((x) => intersect(x, r)));
  }

  /**
   * The fill a cell shows: the first conditional format whose rule is true (the fake
   * evaluates constant rules like `="text"<>""` only), else the cell's own fill.
   */
  shownFill(sheetName: string, address: string): string | undefined {
    const s = this.sheet(sheetName);
    const r = parseA1(address);
    for (const cf of this.cfsAt(sheetName, address)) {
      if (cf.fill && /^="[^"]*"<>""$/.test(cf.formula)) return cf.fill;
    }
    return this.cell(s, r.top, r.left)?.style?.fill;
  }

  // ---- user actions (fire events like Excel) ----

  private emit(e: RawEvent): void {
    this.dispatch?.(e);
  }

  /** The user types or pastes `values` at `address` (a single value for a single cell). */
  userEdit(sheetName: string, address: string, values: unknown, remote = false): void {
    const s = this.sheet(sheetName);
    const r = parseA1(address);
    if (!remote) this.recordClerk(`edit ${address}`, [s], { sheetId: s.id, address: rectA1(r) });
    const grid: unknown[][] = Array.isArray(values) ? (values as unknown[][]) : [[values]];
    const before = { v: this.valueAt(s, r.top, r.left), t: this.typeAt(s, r.top, r.left) };
    for (let i = 0; i <= r.bottom - r.top; i++) {
      for (let j = 0; j <= r.right - r.left; j++) this.setValue(s, r.top + i, r.left + j, grid[i]?.[j] ?? '');
    }
    // `details` only for a one-cell change: "If the changed event is triggered on multiple cells, this property cannot be
    // retrieved" (https://learn.microsoft.com/javascript/api/excel/excel.worksheetchangedeventargs, ExcelApi 1.9).
    const single = r.top === r.bottom && r.left === r.right;
    this.emit({
      name: 'changed',
      worksheetId: s.id,
      address: rectA1(r),
      changeType: 'RangeEdited',
      details: single ? { valueBefore: before.v, valueAfter: this.valueAt(s, r.top, r.left), valueTypeBefore: before.t, valueTypeAfter: this.typeAt(s, r.top, r.left) } : undefined,
      remote,
    });
  }

  /**
   * A co-author changes cells in another client (Excel on the web, a OneDrive/SharePoint file):
   * the change event says `source: 'Remote'` (WorksheetChangedEventArgs.source, ExcelApi 1.7:
   * "It can be local or remote (through co-authoring)"), and it is not on this clerk's undo stack.
   */
  remoteEdit(sheetName: string, address: string, values: unknown): void {
    this.userEdit(sheetName, address, values, true);
  }

  /**
   * The user merges (or unmerges) cells: Excel reports it through onChanged as a plain
   * `RangeEdited` of the range, without details (issue 8 of this project; the change-event
   * docs list no merge change type: https://learn.microsoft.com/javascript/api/excel/excel.datachangetype).
   */
  userMerge(sheetName: string, address: string, merge = true): void {
    const s = this.sheet(sheetName);
    const r = parseA1(address);
    this.recordClerk(`${merge ? 'merge' : 'unmerge'} ${address}`, [s], { sheetId: s.id, address: rectA1(r) });
    s.merges = s.merges.filter((m) => !intersect(m, r));
    if (merge) {
      // Like Excel: only the top-left value is kept.
      for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) if (row !== r.top || col !== r.left) this.setValue(s, row, col, null);
      s.merges.push(r);
    }
    this.emit({ name: 'changed', worksheetId: s.id, address: rectA1(r), changeType: 'RangeEdited' });
  }

  /** Inserts `count` empty rows before `at` (formats, merges, CFs and validations shift down). */
  userInsertRows(sheetName: string, at: number, count = 1): void {
    const s = this.sheet(sheetName);
    this.recordClerk(`insert rows ${at}`, [s], { sheetId: s.id, address: `${at}:${at + count - 1}` });
    this.shiftRows(s, at, count);
    this.emit({ name: 'changed', worksheetId: s.id, address: `${at}:${at + count - 1}`, changeType: 'RowInserted' });
  }

  userDeleteRows(sheetName: string, at: number, count = 1): void {
    const s = this.sheet(sheetName);
    this.recordClerk(`delete rows ${at}`, [s], { sheetId: s.id, address: `${at}:${at + count - 1}` });
    this.shiftRows(s, at, -count);
    this.emit({ name: 'changed', worksheetId: s.id, address: `${at}:${at + count - 1}`, changeType: 'RowDeleted' });
  }

  private shiftRows(s: FakeSheet, at: number, delta: number): void {
    const cells = new CellMap();
    for (const [k, c] of s.cells) {
      const r = rowOf(k);
      if (delta < 0 && r >= at && r < at - delta) continue;
      cells.set(r >= at ? key(r + delta, colOf(k)) : k, c);
    }
    s.cells = cells;
    const move = (x: Rect): Rect | null => {
      if (delta < 0) {
        const lo = at;
        const hi = at - delta - 1;
        if (x.top >= lo && x.bottom <= hi) return null;
        const top = x.top > hi ? x.top + delta : x.top >= lo ? lo : x.top;
        const bottom = x.bottom > hi ? x.bottom + delta : x.bottom >= lo ? lo - 1 : x.bottom;
        return bottom >= top ? { ...x, top, bottom } : null;
      }
      return { ...x, top: x.top >= at ? x.top + delta : x.top, bottom: x.bottom >= at ? x.bottom + delta : x.bottom };
    };
    s.merges = s.merges.map(move).filter((m): m is Rect => !!m && (m.bottom > m.top || m.right > m.left));
    for (const cf of s.cfs) cf.ranges = cf.ranges.map(move).filter((m): m is Rect => !!m);
    s.cfs = s.cfs.filter((cf) => cf.ranges.length);
    s.validations = s.validations.map((v) => ({ ...v, range: move(v.range)! })).filter((v) => !!v.range);
  }

  /** The user adds a sheet (optionally with content). */
  userAddSheet(json: SheetJson): FakeSheet {
    const s = this.loadSheet(json);
    this.emit({ name: 'added', worksheetId: s.id });
    return s;
  }

  userDeleteSheet(sheetName: string): void {
    const s = this.sheet(sheetName);
    this.sheets = this.sheets.filter((x) => x !== s);
    this.emit({ name: 'deleted', worksheetId: s.id });
  }

  userActivate(sheetName: string): void {
    const s = this.sheet(sheetName);
    this.activeSheetId = s.id;
    this.emit({ name: 'activated', worksheetId: s.id });
  }

  /** The clerk scrolls the window so that `row` is its first row (Office.js has no scroll event). */
  userScroll(sheetName: string, row: number): void {
    this.sheet(sheetName).scrollRow = Math.max(1, row);
  }

  /** The cells the window shows on a sheet (Window.visibleRange). */
  visibleRect(sheet: FakeSheet): Rect {
    const top = sheet.scrollRow ?? 1;
    return { top, left: 1, bottom: top + this.windowRows - 1, right: this.windowCols };
  }

  /** Values change without any event (e.g. while the pane was closed, or an event was lost). */
  silentEdit(sheetName: string, address: string, values: unknown): void {
    const d = this.dispatch;
    this.dispatch = null;
    try {
      this.userEdit(sheetName, address, values);
    } finally {
      this.dispatch = d;
    }
  }

  /** Events raised by the add-in's own writes (with events enabled, or a host that ignores enableEvents). */
  ownEventsRaised = 0;

  /** Fired by the fake host after a sync in which the add-in wrote with events enabled. */
  emitOwn(e: RawEvent): void {
    this.ownEventsRaised++;
    this.emit({ ...e, own: true });
  }

  // ---- helpers used by the host ----

  /** getMergedAreasOrNullObject reports the areas whose top-left cell is in the range (office-js#3611). */
  mergesIn(sheet: FakeSheet, r: Rect): Rect[] {
    // Like Excel: only merged areas whose top-left cell lies in the range.
    return sheet.merges.filter((m) => m.top >= r.top && m.top <= r.bottom && m.left >= r.left && m.left <= r.right);
  }

  /**
   * The formats of a sheet that apply to any of `rects`, in priority order (`limit`: the first
   * ones only). Excel answers this from its own index; the fake indexes `rects` by column so that
   * a collection of 200 areas on a sheet with a hundred 200-area formats is not 4 million checks.
   */
  cfsIntersecting(sheet: FakeSheet, rects: Rect[], limit = Infinity): FakeConditionalFormat[] {
    const hit = rectIndex(rects);
    const out: FakeConditionalFormat[] = [];
    for (const cf of sheet.cfs) {
      if (!cf.ranges.some(hit)) continue;
      out.push(cf);
      if (out.length >= limit) break;
    }
    return out;
  }


  static whole(): Rect {
    return { top: 1, left: 1, bottom: MAX_ROWS, right: MAX_COLS };
  }

  static contains = contains;
  static newId = newId;
}
