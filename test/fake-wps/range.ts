/*
 * A fake ET `Range` over the fake workbook model (test/fake-excel/model.ts, built from the same
 * .xlsx fixtures as the Excel fake). What it models, and from where:
 * - Value2 as VBA documents it (Range.Value2: "the only difference between this property and
 *   Value is that Value2 doesn't use the Currency and Date data types"): dates as serial
 *   numbers, a single cell as a scalar, several cells as an array of rows.
 * - An empty cell is VBA's Empty, handed over as `undefined`; an error value is CVErr as COM
 *   clients receive it, the HRESULT (-2146826246 for #N/A, as pywin32 reports it). How WPS's JS
 *   bridge hands these over is not documented: src/wps/values.ts reads every form.
 * - Formula: `=…` for a formula, the constant as text otherwise, '' for an empty cell (VBA).
 * - Value2 writes go through the Excel fake's model (FakeWorkbook.setValue): a string starting
 *   with `=`, `+` or `-` becomes a formula unless the cell is formatted as Text (`@`), as typing
 *   does; the add-in formats every string cell it writes as Text first, so is safe either way.
 * - MergeCells: false when no cell is merged, true when all are, null for a mix (VBA's
 *   tri-state format properties; the docs do not say) — src/wps/merges.ts is safe either way.
 * - FormatConditions of a range: those whose AppliesTo intersects it (Cells: the whole sheet),
 *   1-based, renumbered after Delete; Interior.Color / Font.Color as BGR longs (VBA RGB()).
 * - Writes to a sheet with ProtectContents raise VBA run-time error 1004.
 * - A write raises SheetChange unless Application.EnableEvents is false (VBA: "EnableEvents …
 *   True if events are enabled").
 */
import { FakeSheet, FakeWorkbook, MAX_COLS, MAX_ROWS, Rect, cellsOf, colLetters, contains, intersect, parseA1, splitList } from '../fake-excel';

export const HRESULT: Record<string, number> = {
  '#NULL!': -2146826288,
  '#DIV/0!': -2146826281,
  '#VALUE!': -2146826273,
  '#REF!': -2146826265,
  '#NAME?': -2146826259,
  '#NUM!': -2146826252,
  '#N/A': -2146826246,
};

/** What the fake host needs from its application object. */
export interface RangeHost {
  wb: FakeWorkbook;
  enableEvents: boolean;
  /** API calls made (Range objects created, properties read or written). */
  calls: number;
  /** Raised for the add-in's own writes when events are on. */
  ownChange(sheet: FakeSheet, r: Rect): void;
  worksheet(sheet: FakeSheet): unknown;
}

function protectedError(): Error {
  return Object.assign(new Error('运行时错误 1004：您试图更改的单元格或图表受保护。'), { number: 1004 });
}

function bgrHex(n: number): string {
  const r = n & 0xff;
  const g = (n >> 8) & 0xff;
  const b = (n >> 16) & 0xff;
  return `#${[r, g, b].map((x) => x.toString(16).padStart(2, '0').toUpperCase()).join('')}`;
}

export class FakeEtRange {
  constructor(
    readonly host: RangeHost,
    readonly sheet: FakeSheet,
    readonly areas: Rect[],
  ) {
    host.calls++;
  }

  static of(host: RangeHost, sheet: FakeSheet, address: string): FakeEtRange {
    const areas = splitList(address).map(parseA1);
    if (!areas.length) throw new Error(`bad address ${address}`);
    return new FakeEtRange(host, sheet, areas);
  }

  private get wb(): FakeWorkbook {
    return this.host.wb;
  }

  private get first(): Rect {
    return this.areas[0];
  }

  get Worksheet(): unknown {
    return this.host.worksheet(this.sheet);
  }

  get Row(): number {
    return this.first.top;
  }

  get Column(): number {
    return this.first.left;
  }

  get Rows(): { Count: number } {
    return { Count: this.first.bottom - this.first.top + 1 };
  }

  get Columns(): { Count: number } {
    return { Count: this.first.right - this.first.left + 1 };
  }

  Address(rowAbs = true, colAbs = true): string {
    const c = (n: number) => `${colAbs ? '$' : ''}${colLetters(n)}`;
    const r = (n: number) => `${rowAbs ? '$' : ''}${n}`;
    return this.areas
      .map((a) => {
        if (a.left === 1 && a.right === MAX_COLS) return `${r(a.top)}:${r(a.bottom)}`;
        if (a.top === 1 && a.bottom === MAX_ROWS) return `${c(a.left)}:${c(a.right)}`;
        const tl = `${c(a.left)}${r(a.top)}`;
        return a.top === a.bottom && a.left === a.right ? tl : `${tl}:${c(a.right)}${r(a.bottom)}`;
      })
      .join(',');
  }

  private write(f: (r: Rect) => void): void {
    if (this.sheet.protected) throw protectedError();
    for (const a of this.areas) f(a);
    if (this.host.enableEvents) for (const a of this.areas) this.host.ownChange(this.sheet, a);
  }

  private cellValue(row: number, col: number): unknown {
    this.host.calls++;
    const c = this.wb.cell(this.sheet, row, col);
    if (!c) return undefined;
    if (c.error) return HRESULT[c.error] ?? HRESULT['#VALUE!'];
    return c.value === null || c.value === '' ? undefined : c.value;
  }

  private grid<T>(f: (row: number, col: number) => T): T | T[][] {
    const r = this.first;
    if (cellsOf(r) > 5_000_000) throw new Error('range too large for the fake');
    if (r.top === r.bottom && r.left === r.right) return f(r.top, r.left);
    const out: T[][] = [];
    for (let row = r.top; row <= r.bottom; row++) {
      const line: T[] = [];
      for (let col = r.left; col <= r.right; col++) line.push(f(row, col));
      out.push(line);
    }
    return out;
  }

  get Value2(): unknown {
    return this.grid((row, col) => this.cellValue(row, col));
  }

  set Value2(v: unknown) {
    this.write((r) => {
      const rows = Array.isArray(v) ? (v as unknown[][]) : null;
      for (let row = r.top; row <= r.bottom; row++) {
        for (let col = r.left; col <= r.right; col++) this.wb.setValue(this.sheet, row, col, rows ? rows[row - r.top]?.[col - r.left] ?? null : v);
      }
      this.wb.record(0, this.sheet, 'values', r);
    });
  }

  get Formula(): unknown {
    return this.grid((row, col) => {
      const c = this.wb.cell(this.sheet, row, col);
      if (!c) return '';
      if (c.formula) return c.formula;
      if (c.error) return c.error;
      return c.value === null ? '' : String(c.value);
    });
  }

  get Text(): unknown {
    return this.grid((row, col) => String(this.wb.valueAt(this.sheet, row, col)));
  }

  get NumberFormat(): unknown {
    return this.wb.cell(this.sheet, this.first.top, this.first.left)?.style?.numberFormat ?? 'General';
  }

  set NumberFormat(f: unknown) {
    this.write((r) => {
      this.wb.forEachCell(r, (row, col) => (this.wb.style(this.sheet, row, col).numberFormat = String(f)));
      this.wb.record(0, this.sheet, 'numberFormat', r);
    });
  }

  get MergeCells(): boolean | null {
    let merged = 0;
    let total = 0;
    this.wb.forEachCell(this.first, (row, col) => {
      total++;
      if (this.sheet.merges.some((m) => m.top <= row && m.bottom >= row && m.left <= col && m.right >= col)) merged++;
    });
    return merged === 0 ? false : merged === total ? true : null;
  }

  get MergeArea(): FakeEtRange {
    const r = this.first;
    const m = this.sheet.merges.find((x) => x.top <= r.top && x.bottom >= r.top && x.left <= r.left && x.right >= r.left);
    return new FakeEtRange(this.host, this.sheet, [m ?? { top: r.top, left: r.left, bottom: r.top, right: r.left }]);
  }

  Merge(): void {
    this.write((r) => {
      this.sheet.merges = this.sheet.merges.filter((m) => !intersect(m, r));
      this.wb.forEachCell(r, (row, col) => {
        if (row !== r.top || col !== r.left) this.wb.setValue(this.sheet, row, col, null);
      });
      this.sheet.merges.push(r);
      this.wb.record(0, this.sheet, 'merge', r);
    });
  }

  /** `Cells.Item(row, col)`, relative to this range's top-left cell. */
  Item(row: number, col: number): FakeEtRange {
    const top = this.first.top + row - 1;
    const left = this.first.left + col - 1;
    return new FakeEtRange(this.host, this.sheet, [{ top, left, bottom: top, right: left }]);
  }

  /** Ctrl+arrow (xlUp = -4162): the edge of the block of filled cells, or the sheet's first row. */
  End(direction: number): FakeEtRange {
    if (direction !== -4162) throw new Error('only xlUp is modelled');
    const col = this.first.left;
    const filled = (row: number) => this.wb.typeAt(this.sheet, row, col) !== 'Empty';
    let row = this.first.top;
    if (row > 1 && filled(row) && filled(row - 1)) while (row > 1 && filled(row - 1)) row--;
    else {
      row--;
      while (row > 1 && !filled(row)) row--;
    }
    row = Math.max(1, row);
    return new FakeEtRange(this.host, this.sheet, [{ top: row, left: col, bottom: row, right: col }]);
  }

  Select(): void {
    this.host.wb.activeSheetId = this.sheet.id;
    this.sheet.selection = this.Address(false, false);
  }

  get FormatConditions(): FakeFormatConditions {
    return new FakeFormatConditions(this);
  }

  get Font(): Record<string, unknown> {
    const set = (k: 'bold' | 'name' | 'size' | 'color', v: unknown) =>
      this.write((r) => this.wb.forEachCell(r, (row, col) => {
        const s = this.wb.style(this.sheet, row, col);
        s.font = { ...s.font, [k]: k === 'color' ? bgrHex(Number(v)) : v };
      }));
    return {
      set Bold(v: boolean) {
        set('bold', v);
      },
      set Name(v: string) {
        set('name', v);
      },
      set Size(v: number) {
        set('size', v);
      },
      set Color(v: number) {
        set('color', v);
      },
    };
  }

  /** Interior.Color: a BGR long (VBA RGB()), stored as `#RRGGBB` like the Excel fake's fill. */
  get Interior(): Record<string, unknown> {
    const set = (v: unknown) => this.write((r) => this.wb.forEachCell(r, (row, col) => (this.wb.style(this.sheet, row, col).fill = bgrHex(Number(v)))));
    return {
      set Color(v: number) {
        set(v);
      },
    };
  }

  private styleSetter(k: 'hAlign' | 'vAlign' | 'wrap', v: unknown): void {
    const names: Record<number, string> = { [-4108]: 'Center', [-4160]: 'Top' };
    this.write((r) => this.wb.forEachCell(r, (row, col) => ((this.wb.style(this.sheet, row, col) as Record<string, unknown>)[k] = k === 'wrap' ? !!v : names[Number(v)] ?? String(v))));
  }

  set HorizontalAlignment(v: number) {
    this.styleSetter('hAlign', v);
  }

  set VerticalAlignment(v: number) {
    this.styleSetter('vAlign', v);
  }

  set WrapText(v: boolean) {
    this.styleSetter('wrap', v);
  }

  /** VBA's ColumnWidth: characters. */
  set ColumnWidth(w: number) {
    this.write((r) => {
      for (let c = r.left; c <= r.right; c++) this.sheet.columnWidths.set(c, w);
    });
  }

  set RowHeight(h: number) {
    this.write((r) => {
      for (let row = r.top; row <= Math.min(r.bottom, r.top + 10_000); row++) this.sheet.rowHeights.set(row, h);
    });
  }

  /** Borders.Item(xlEdge…): setting LineStyle draws that side (inside borders: every cell's sides). */
  get Borders(): { Item(i: number): Record<string, unknown> } {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const range = this;
    const sides: Record<number, ('left' | 'top' | 'bottom' | 'right')[]> = { 7: ['left'], 8: ['top'], 9: ['bottom'], 10: ['right'], 11: ['left', 'right'], 12: ['top', 'bottom'] };
    return {
      Item: (i: number) => ({
        set LineStyle(_v: number) {
          range.write((r) =>
            range.wb.forEachCell(r, (row, col) => {
              const s = range.wb.style(range.sheet, row, col);
              s.borders = { ...s.borders, ...Object.fromEntries((sides[i] ?? []).map((x) => [x, 'thin'])) };
            }),
          );
        },
        set Weight(_v: number) {},
      }),
    };
  }

  get Validation(): Record<string, unknown> {
    const range = this;
    const current = () => range.sheet.validations.find((v) => contains(v.range, range.first) && contains(range.first, v.range));
    return {
      Delete() {
        range.sheet.validations = range.sheet.validations.filter((v) => !intersect(v.range, range.first));
      },
      Add(type: number, alert: number, op: number, f1?: string, f2?: string) {
        range.write((r) => range.sheet.validations.push({ range: r, rule: { type, alert, op, f1, f2 }, ignoreBlanks: false }));
      },
      set IgnoreBlank(v: boolean) {
        const x = current();
        if (x) x.ignoreBlanks = v;
      },
      set InputTitle(v: string) {
        const x = current();
        if (x) x.prompt = { ...(x.prompt as object), title: v };
      },
      set InputMessage(v: string) {
        const x = current();
        if (x) x.prompt = { ...(x.prompt as object), message: v };
      },
      set ErrorTitle(v: string) {
        const x = current();
        if (x) x.errorAlert = { ...(x.errorAlert as object), title: v };
      },
      set ErrorMessage(v: string) {
        const x = current();
        if (x) x.errorAlert = { ...(x.errorAlert as object), message: v };
      },
      set ShowInput(_v: boolean) {},
      set ShowError(_v: boolean) {},
    };
  }

  /** A BGR long as the model's `#RRGGBB`. */
  static hexOf = bgrHex;
}

/** `Range.FormatConditions`: those intersecting the range, 1-based. */
export class FakeFormatConditions {
  constructor(private readonly range: FakeEtRange) {}

  private list() {
    const { sheet, areas } = this.range;
    return sheet.cfs.filter((cf) => cf.ranges.some((x) => areas.some((a) => intersect(x, a))));
  }

  get Count(): number {
    this.range.host.calls++;
    return this.list().length;
  }

  Item(i: number): Record<string, unknown> {
    this.range.host.calls++;
    const cf = this.list()[i - 1];
    if (!cf) throw new Error(`FormatConditions.Item(${i}): 下标越界`);
    const { sheet, host } = this.range;
    return {
      get Formula1() {
        return cf.formula;
      },
      // VBA FormatCondition.AppliesTo: the range the format applies to.
      get AppliesTo() {
        return new FakeEtRange(host, sheet, cf.ranges.map((r) => ({ ...r })));
      },
      get Type() {
        return 2;
      },
      Delete: () => {
        if (sheet.protected) throw protectedError();
        sheet.cfs = sheet.cfs.filter((x) => x !== cf);
      },
      Interior: {
        set Color(v: number) {
          cf.fill = bgrHex(v);
        },
      },
      Font: {
        set Color(v: number) {
          cf.fontColor = bgrHex(v);
        },
      },
    };
  }

  Add(type: number, _op: unknown, formula1: string): Record<string, unknown> {
    const { sheet, areas } = this.range;
    if (sheet.protected) throw protectedError();
    if (type !== 2) throw new Error('only xlExpression is modelled');
    const cf = { id: FakeWorkbook.newId('CF'), type: 'Custom' as const, ranges: areas.map((a) => ({ ...a })), formula: formula1 };
    sheet.cfs.push(cf);
    const i = this.list().indexOf(cf) + 1;
    return this.Item(i);
  }
}
