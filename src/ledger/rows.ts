/*
 * What each row of a ledger table is (README 「台账怎么被识别」): a case record; the continuation
 * of the record above (the second physical line of its long text, joined to it); a row that is
 * no case and says so (blank or only styled, a divider, a total, a note, a repeated header, the
 * template's pre-filled 序号 or 0); or a row with content that is none of these — read as no
 * case, and named in the sheet's `rows-not-read` warning. None of them ends the table.
 */
import { CellValue, cellText, isBlank, isCellError } from './cell';
import { TableKind } from './columns';
import { rosterTitle, titleKind } from './headers';
import { MergeIndex } from './merge-index';
import { TABLES, TABLE_KINDS } from './tables';
import type { RawRecord, TableLayout } from './types';
import { isNotApplicable } from './na';
import { isDividerText, isNoteText, isTotalText } from './row-kinds';


export type RowRole = 'record' | 'continuation' | 'blank' | 'filler' | 'divider' | 'total' | 'note' | 'header' | 'unread';

/** A row with content that is no case (see `rows-not-read`). */
export interface UnreadRow {
  row: number;
  /** Column of its first cell with content. */
  col: number;
  /** That cell's text. */
  text: string;
}

interface KindInfo {
  identifying: boolean[];
  /** Long free text (违法事实, 处罚依据, 隐患内容, 备注 …): the only columns a row can continue. */
  long: boolean[];
  date: boolean[];
  seq: number;
  count: number;
}

const INFO: Record<TableKind, KindInfo> = (() => {
  const out = {} as Record<TableKind, KindInfo>;
  for (const kind of TABLE_KINDS) {
    const cols = TABLES[kind].columns;
    out[kind] = {
      identifying: cols.map((c) => c.identifying),
      long: cols.map((c) => c.long),
      date: cols.map((c) => c.type === 'date'),
      seq: cols.findIndex((c) => c.type === 'seq'),
      count: cols.findIndex((c) => c.type === 'count'),
    };
  }
  return out;
})();

/** At most this many text columns continue on the row below (issue 16: "one or two"). */
const MAX_CONTINUED = 2;
/** A lone merged cell this wide is a banner line, never a case. */
const BANNER_WIDTH = 3;

export interface RowRead {
  role: RowRole;
  /** `record`: the row's values; `continuation`: the values it adds (others null). */
  values?: CellValue[];
  unread?: UnreadRow;
}

/** Reads the rows of one ledger table; `cols` maps the kind's columns to sheet columns. */
export class RowReader {
  private readonly info: KindInfo;
  /** Field index by sheet column (`col - idx.left`), -1 where none. */
  private readonly fieldAt: Int16Array;
  private readonly repeats: Set<number>;

  constructor(
    readonly layout: TableLayout,
    readonly idx: MergeIndex,
    readonly cols: (number | undefined)[],
  ) {
    this.info = INFO[layout.kind];
    this.fieldAt = new Int16Array(Math.max(0, ...cols.map((c) => (c ?? 0) - idx.left + 1))).fill(-1);
    cols.forEach((c, i) => c !== undefined && c >= idx.left && (this.fieldAt[c - idx.left] = i));
    this.repeats = new Set(layout.repeatedHeaderRows ?? []);
  }

  /** The row's own value at a sheet column (a merge's value only in its top-left cell). */
  private own(row: number, col: number, cells: CellValue[] | undefined, merged: boolean): CellValue {
    if (merged) {
      const m = this.idx.merge(row, col);
      if (m && (m.top !== row || m.left !== col)) return null;
    }
    return cells ? cells[col - this.idx.left] ?? null : null;
  }

  /** What row `row` is; `open` is the record the row above belongs to (its own row or a continuation), or null. */
  read(row: number, open: RawRecord | null): RowRead {
    const idx = this.idx;
    const cells = idx.rowValues(row);
    if (!cells || !cells.length) return { role: 'blank' };
    const merged = idx.rowHasMerge(row);
    const info = this.info;
    let n = 0;
    let firstCol = 0;
    let first: CellValue = null;
    let outside = false;
    let onlyFiller = true;
    let onlyLong = true;
    let longCount = 0;
    let identified = false;
    for (let j = 0; j < cells.length; j++) {
      const col = idx.left + j;
      const v = this.own(row, col, cells, merged);
      if (isBlank(v) && !isCellError(v)) continue;
      n++;
      if (n === 1) {
        firstCol = col;
        first = v;
      }
      const f = j < this.fieldAt.length ? this.fieldAt[j] : -1;
      if (f < 0) {
        outside = true;
        onlyFiller = false;
        onlyLong = false;
        continue;
      }
      const na = isNotApplicable(v);
      if (info.identifying[f] && !na) identified = true;
      if (!(na || f === info.seq || (f === info.count && (v === 0 || v === '0')))) onlyFiller = false;
      if (info.long[f] && !na) longCount++;
      else if (!na) onlyLong = false;
    }
    if (n === 0) return { role: 'blank' };
    if (this.repeats.has(row)) return { role: 'header' };
    const text = typeof first === 'string' ? first : '';
    if (text && isNoteText(text)) return { role: 'note' };
    if (text && isTotalText(text)) return { role: 'total' };
    if (n === 1 && text && (isDividerText(text) || (titleKind(text) ?? rosterTitle(text)) === this.layout.kind) && !this.dateCell(row, firstCol, merged)) return { role: 'divider' };
    if (open && !outside && onlyLong && longCount >= 1 && longCount <= MAX_CONTINUED) {
      const add = this.continuation(row, cells, merged, open);
      if (add) return { role: 'continuation', values: add };
    }
    const unread = (): RowRead => ({ role: 'unread', unread: { row, col: firstCol, text: cellText(first) } });
    if (n === 1 && merged && this.bannerWidth(row, firstCol) >= BANNER_WIDTH) return unread();
    if (identified) return { role: 'record', values: this.values(row, cells, merged) };
    if (onlyFiller) return { role: 'filler' };
    return unread();
  }

  /** A lone month written in a date column, not merged across: a case being entered (its date-invalid says why), not a divider. */
  private dateCell(row: number, col: number, merged: boolean): boolean {
    const j = col - this.idx.left;
    const f = j >= 0 && j < this.fieldAt.length ? this.fieldAt[j] : -1;
    if (f < 0 || !this.info.date[f] || col === this.layout.tableLeft) return false;
    return !(merged && this.bannerWidth(row, col) > 1);
  }

  private bannerWidth(row: number, col: number): number {
    const m = this.idx.merge(row, col);
    return m && m.top === row && m.left === col ? m.right - m.left + 1 : 1;
  }

  /** The values a continuation row adds, or null when a column it fills is empty in the record above (then it is no continuation). */
  private continuation(row: number, cells: CellValue[], merged: boolean, open: RawRecord): CellValue[] | null {
    const add: CellValue[] = new Array(this.cols.length).fill(null);
    for (let i = 0; i < this.cols.length; i++) {
      const col = this.cols[i];
      if (col === undefined) continue;
      const v = this.own(row, col, cells, merged);
      if (isBlank(v) || isNotApplicable(v)) continue;
      const above = open.values[i];
      if (isBlank(above) || isCellError(above) || isNotApplicable(above)) return null;
      add[i] = v;
    }
    return add;
  }

  /** A record's values: vertical merges spread their value down, the rest of a horizontal merge is empty. */
  values(row: number, cells: CellValue[] | undefined, merged: boolean): CellValue[] {
    const cols = this.cols;
    const out: CellValue[] = new Array(cols.length);
    const left = this.idx.left;
    for (let i = 0; i < cols.length; i++) {
      const col = cols[i];
      if (col === undefined) {
        out[i] = null;
        continue;
      }
      const m = merged ? this.idx.merge(row, col) : undefined;
      if (m && (m.top !== row || m.left !== col)) out[i] = m.left === col && m.top < row ? this.idx.raw(m.top, m.left) : null;
      else out[i] = cells ? cells[col - left] ?? null : null;
    }
    return out;
  }
}

/** Appends a continuation row's text to its record (no separator: a clerk breaks a line mid-sentence). */
export function joinContinuation(rec: RawRecord, row: number, add: CellValue[]): void {
  for (let i = 0; i < add.length; i++) {
    if (add[i] === null || add[i] === undefined) continue;
    rec.values[i] = cellText(rec.values[i]) + cellText(add[i]);
  }
  (rec.joined ??= []).push(row);
}

export interface TableRead {
  records: RawRecord[];
  unread: UnreadRow[];
  /** Continuation row → the row of its record. */
  joined: Map<number, number>;
}

/** Reads rows `from`..`to` in order, `open` being the record the row before `from` belongs to. */
export function readTableRows(reader: RowReader, from: number, to: number, open: RawRecord | null = null, onRow?: (row: number) => void): TableRead {
  const out: TableRead = { records: [], unread: [], joined: new Map() };
  for (let r = from; r <= to; r++) {
    const x = reader.read(r, open);
    switch (x.role) {
      case 'record':
        open = { row: r, values: x.values! };
        out.records.push(open);
        break;
      case 'continuation':
        joinContinuation(open!, r, x.values!);
        out.joined.set(r, open!.row);
        break;
      case 'unread':
        out.unread.push(x.unread!);
        open = null;
        break;
      default:
        open = null;
    }
    onRow?.(r);
  }
  return out;
}
