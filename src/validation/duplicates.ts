/*
 * `duplicate-doc-no`: a document number used again, in the same sheet or in an earlier sheet of
 * the same ledger kind (one sheet per month is common). Reported on every later occurrence,
 * naming the first. Numbers are compared by docNoKey (ledger/docno.ts).
 */
import { cellAddress } from '../ledger/cell';
import { Kind } from '../ledger/columns';
import { LedgerLayout } from '../ledger/detect';
import { quote } from '../ledger/text';
import type { Issue, RecordResult } from './check';
import { CheckedRecord, ownHeader } from './record';
import { RULE_BY_ID } from './rules';

/** Where a number was first used: a row of this sheet (`sheet` null) or of an earlier one. */
export interface FirstUse {
  sheet: string | null;
  row: number;
  /** The number as written there. */
  text: string;
}

export const DOC_NO_KEY: Record<Kind, string> = { penalty: 'decisionNo', inspection: 'docNo', coercion: 'decisionNo' };

/** Rows of one sheet by document number key (a number for a key used once: most are). */
export class KeyRows {
  readonly rows = new Map<string, number | number[]>();
  /** Keys used more than once. */
  readonly repeated = new Set<string>();

  add(r: CheckedRecord): void {
    const k = r.docKey();
    if (k === null) return;
    const rows = this.rows.get(k);
    if (rows === undefined) this.rows.set(k, r.row);
    else if (typeof rows === 'number') {
      this.rows.set(k, [rows, r.row]);
      this.repeated.add(k);
    } else rows.push(r.row);
  }

  remove(r: CheckedRecord): void {
    const k = r.docKey();
    if (k === null) return;
    const rows = this.rows.get(k);
    if (rows === undefined) return;
    if (typeof rows === 'number') {
      if (rows === r.row) this.rows.delete(k);
      return;
    }
    const left = rows.filter((x) => x !== r.row);
    this.rows.set(k, left.length === 1 ? left[0] : left);
    if (left.length === 1) this.repeated.delete(k);
  }

  has(k: string): boolean {
    return this.rows.has(k);
  }
}

export interface SheetKeys {
  name: string;
  keys: KeyRows;
  text(row: number): string;
}

/** The later occurrences of each number in `sheet`, given the earlier sheets of its kind in order. */
export function duplicatesOf(sheet: SheetKeys, earlier: readonly SheetKeys[]): Map<number, FirstUse> {
  const out = new Map<number, FirstUse>();
  const visit = (k: string) => {
    const rows = sheet.keys.rows.get(k)!;
    let first: FirstUse | null = null;
    for (const e of earlier) {
      const there = e.keys.rows.get(k);
      if (there !== undefined) {
        const row = typeof there === 'number' ? there : Math.min(...there);
        first = { sheet: e.name, row, text: e.text(row) };
        break;
      }
    }
    const sorted = typeof rows === 'number' ? [rows] : [...rows].sort((a, b) => a - b);
    if (!first && sorted.length < 2) return;
    const f = first ?? { sheet: null, row: sorted[0], text: sheet.text(sorted[0]) };
    for (const r of sorted) if (f.sheet !== null || r !== f.row) out.set(r, f);
  };
  // Alone in its kind, only numbers used twice in the sheet can repeat.
  if (earlier.length) sheet.keys.rows.forEach((_, k) => visit(k));
  else sheet.keys.repeated.forEach(visit);
  return out;
}

export function sameDuplicates(a: Map<number, FirstUse>, b: Map<number, FirstUse>): boolean {
  if (a.size !== b.size) return false;
  for (const [row, x] of a) {
    const y = b.get(row);
    if (!y || y.sheet !== x.sheet || y.row !== x.row || y.text !== x.text) return false;
  }
  return true;
}

function columnOrder(cell: string): number {
  let n = 0;
  for (let i = 0; i < cell.length; i++) {
    const c = cell.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + c - 64;
  }
  return n;
}

/** The records with `duplicate-doc-no` added where `dups` says (inputs are not changed). */
export function applyDuplicates(layout: LedgerLayout, records: CheckedRecord[], dups: Map<number, FirstUse>): RecordResult[] {
  if (!dups.size) return records;
  const key = DOC_NO_KEY[layout.kind];
  const col = layout.columns[key];
  if (col === undefined) return records;
  const header = ownHeader(layout, key);
  const rule = RULE_BY_ID.get('duplicate-doc-no')!;
  return records.map((r) => {
    const first = dups.get(r.row);
    if (!first) return r;
    const text = r.fieldText(key);
    const where = first.sheet !== null ? `工作表「${first.sheet}」第${first.row}行` : `第${first.row}行`;
    const detail = first.text !== text ? `${where}（写作${quote(first.text)}）` : where;
    const cell = cellAddress(r.row, col);
    const issue: Issue = {
      sheet: r.sheet,
      row: r.row,
      cell,
      column: header,
      rule: 'duplicate-doc-no',
      severity: rule.severity,
      message: `${cell}「${header}」：${rule.message({ column: header, value: quote(text), detail, kind: layout.kind, header: (k) => ownHeader(layout, k) })}`,
    };
    const issues = [...r.issues, issue].sort((x, y) => columnOrder(x.cell) - columnOrder(y.cell));
    return r.withIssues(issues);
  });
}
