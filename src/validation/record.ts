/*
 * Checking one record: its fields' analyses (fields.ts), then its ledger's row rules
 * (penalty.ts, inspection.ts, coercion.ts). Messages are written here, with the sheet's own
 * headers. A row checker is reused row after row of one sheet.
 */
import { CellValue, cellAddress, cellText, isCellError } from '../ledger/cell';
import { ColumnDef, Kind, LEDGERS, columnDef } from '../ledger/columns';
import { IsoDate, formatChineseDate, monthOf } from '../ledger/dates';
import { LedgerLayout } from '../ledger/detect';
import { docNoKey } from '../ledger/docno';
import { RawRecord, layoutColumns } from '../ledger/records';
import { TypedRecord } from '../ledger/schema';
import { quote } from '../ledger/text';
import type { CheckOptions, Issue, PendingState, RecordResult, Status } from './check';
import { checkCoercion } from './coercion';
import { KindMemo } from './fields';
import { Detail, FieldAnalysis, Finding, MAX_RULE_TEXT } from './findings';
import { Deadline, checkInspection, rectifyDeadline } from './inspection';
import { checkPenalty } from './penalty';
import { RULE_BY_ID, RuleDef, RuleId } from './rules';

/** What a ledger's row rules decide besides issues. */
export interface RowVerdict {
  pending: boolean;
  /** Why it is pending (see PendingState). */
  state?: PendingState;
  /** The date whose month is the reporting month. */
  deciding: IsoDate | null;
}

const ROW_RULES: Record<Kind, (rc: RecordChecker) => RowVerdict> = { penalty: checkPenalty, inspection: checkInspection, coercion: checkCoercion };

const MEMO_LIMIT = 50_000;

/**
 * Remembers field analyses by column and value for one check (cells repeat a lot: the same
 * law, outcome, officers or date on many rows), so each distinct value is analysed once.
 */
export class CheckMemo {
  readonly kinds: Record<Kind, KindMemo>;
  /** By 整改措施 text, then inspection date. */
  private readonly deadlines = new Map<string, Map<IsoDate, Deadline>>();
  private readonly checkers = new WeakMap<LedgerLayout, RecordChecker>();
  constructor(readonly opts: CheckOptions) {
    this.kinds = { penalty: new KindMemo('penalty', opts), inspection: new KindMemo('inspection', opts), coercion: new KindMemo('coercion', opts) };
  }

  field(kind: Kind, i: number, value: CellValue): FieldAnalysis {
    return this.kinds[kind].get(i, value);
  }

  /** The reusable row checker of a layout. */
  checker(layout: LedgerLayout, cols: (number | undefined)[]): RecordChecker {
    let c = this.checkers.get(layout);
    if (!c || c.cols !== cols) this.checkers.set(layout, (c = new RecordChecker(layout, cols, this)));
    return c;
  }

  deadline(measures: string, inspectedOn: IsoDate): Deadline {
    let byDate = this.deadlines.get(measures);
    if (!byDate) {
      if (this.deadlines.size >= MEMO_LIMIT) this.deadlines.clear();
      this.deadlines.set(measures, (byDate = new Map()));
    }
    let d = byDate.get(inspectedOn);
    if (!d) {
      if (byDate.size >= MEMO_LIMIT) byDate.clear();
      d = rectifyDeadline(measures, inspectedOn);
      byDate.set(inspectedOn, d);
    }
    return d;
  }
}

/** Shared by every record without issues; frozen so that nothing adds to it by mistake. */
const NO_ISSUES = Object.freeze([]) as unknown as Issue[];

const KEY_INDEX: Record<Kind, Record<string, number>> = {
  penalty: Object.fromEntries(LEDGERS.penalty.columns.map((c, i) => [c.key, i])),
  inspection: Object.fromEntries(LEDGERS.inspection.columns.map((c, i) => [c.key, i])),
  coercion: Object.fromEntries(LEDGERS.coercion.columns.map((c, i) => [c.key, i])),
};

/** The official header of a column (`整改结果/已完成` for a sub-column). */
function officialHeader(def: ColumnDef): string {
  return def.group ? `${def.group}/${def.header}` : def.header;
}

/** A field's header as the sheet writes it (without spaces and line breaks); the official one when the sheet has no such column. */
export function ownHeader(layout: LedgerLayout, key: string): string {
  const written = layout.columns[key] !== undefined ? layout.headers[key] : undefined;
  const def = columnDef(layout.kind, key);
  return written ? written.replace(/[\s\u3000]+/g, '') : def ? officialHeader(def) : key;
}

/** A message cached on a shared finding, for the headers (sheet) it was last written with. */
interface Cached extends Finding {
  owner?: readonly string[];
  body?: string;
}

/** One record while it is checked: its fields' analyses and the issues found so far. */
export class RecordChecker {
  /** The row's issues; the shared empty list until the first one (most rows have none). */
  issues: Issue[] = NO_ISSUES;
  private issueCols: number[] = [];
  private readonly defs: readonly ColumnDef[];
  private readonly index: Record<string, number>;
  /** Each column's header as this sheet writes it. */
  private readonly headers: string[];
  readonly analyses: FieldAnalysis[];
  private row = 0;
  private values: readonly CellValue[] = [];
  readonly header = (key: string): string => {
    const i = this.index[key];
    return i === undefined ? key : this.headers[i];
  };
  constructor(
    readonly layout: LedgerLayout,
    readonly cols: (number | undefined)[],
    readonly memo: CheckMemo,
  ) {
    this.defs = LEDGERS[layout.kind].columns;
    this.index = KEY_INDEX[layout.kind];
    this.analyses = new Array(this.defs.length);
    this.headers = this.defs.map((d) => ownHeader(layout, d.key));
  }

  /** Starts on a new row (the checker is reused row after row). */
  load(raw: RawRecord): void {
    this.row = raw.row;
    this.values = raw.values;
    this.issues = NO_ISSUES;
    const km = this.memo.kinds[this.layout.kind];
    const values = raw.values;
    for (let i = 0; i < this.defs.length; i++) {
      if (this.cols[i] === undefined) {
        this.analyses[i] = km.blanks[i];
        continue;
      }
      const a = (this.analyses[i] = km.get(i, values[i], true));
      const findings = a.findings;
      for (let k = 0; k < findings.length; k++) this.place(findings[k], i);
    }
  }

  get opts(): CheckOptions {
    return this.memo.opts;
  }

  f(key: string): FieldAnalysis {
    return this.analyses[this.index[key]];
  }

  present(key: string): boolean {
    return this.cols[this.index[key]] !== undefined;
  }

  /** A field's text as written (unique columns' light analyses carry none); '' for an error. */
  text(key: string): string {
    const i = this.index[key];
    const a = this.analyses[i];
    if (a.text || a.blank || a.error) return a.text;
    return cellText(this.values[i]).trim().slice(0, MAX_RULE_TEXT);
  }

  /** A field's cell value as read. */
  value(key: string): CellValue {
    return this.values[this.index[key]];
  }

  quoted(key: string): string {
    return quote(this.text(key));
  }

  private message(rule: RuleDef, i: number, value: string, detail: Detail): string {
    return rule.message({
      column: this.headers[i],
      value: quote(value),
      detail: typeof detail === 'function' ? detail(this.header) : detail,
      kind: this.layout.kind,
      header: this.header,
    });
  }

  /** Places a cell's finding (messages of shared findings are kept per sheet). */
  private place(f: Cached, i: number): void {
    if (f.owner !== this.headers) {
      f.body = this.message(RULE_BY_ID.get(f.rule)!, i, f.value, f.detail);
      f.owner = this.headers;
    }
    this.push(f.rule, i, f.body!);
  }

  private push(rule: RuleId, i: number, body: string): void {
    const column = this.headers[i];
    const col = this.cols[i] ?? this.layout.tableLeft;
    const cell = cellAddress(this.row, col);
    const issue: Issue = { sheet: this.layout.sheet, row: this.row, cell, column, rule, severity: RULE_BY_ID.get(rule)!.severity, message: `${cell}「${column}」：${body}` };
    // Keep issues in column order (row-level rules are added after the cells' own).
    // Most rows have one issue at most: an array of exactly one (a push onto [] makes room for 17).
    if (this.issues === NO_ISSUES) {
      this.issues = [issue];
      this.issueCols = [col];
      return;
    }
    let at = this.issues.length;
    while (at > 0 && this.issueCols[at - 1] > col) at--;
    // Mostly in order already: a push (a splice also makes an array of what it removed, on every call).
    if (at === this.issues.length) {
      this.issues.push(issue);
      this.issueCols.push(col);
    } else {
      this.issues.splice(at, 0, issue);
      this.issueCols.splice(at, 0, col);
    }
  }

  /** Adds a row-level issue on a field's cell (or, when the column is absent, on `fallbackKey`'s). */
  add(rule: RuleId, key: string, detail: Detail = '', value?: string, fallbackKey?: string): void {
    let i = this.index[key];
    if (this.cols[i] === undefined && fallbackKey) i = this.index[fallbackKey];
    const v = value ?? this.text(this.defs[i].key);
    this.push(rule, i, this.message(RULE_BY_ID.get(rule)!, i, v, detail));
  }

  /** Places the findings a field left to the row's rules (a 复检人 once rechecked). */
  addDeferred(key: string): void {
    const i = this.index[key];
    const deferred = this.analyses[i].deferred;
    if (this.cols[i] === undefined || !deferred.length) return;
    for (const f of deferred) this.push(f.rule, i, this.message(RULE_BY_ID.get(f.rule)!, i, f.value, f.detail));
  }
}

interface Typed {
  fields: TypedRecord;
  display: Record<string, string>;
}

function typedRecord(analyses: readonly FieldAnalysis[], defs: readonly ColumnDef[]): Typed {
  const fields: TypedRecord = {};
  const display: Record<string, string> = {};
  for (let i = 0; i < defs.length; i++) {
    const def = defs[i];
    const a = analyses[i];
    let v: string | number | boolean | string[] | null;
    switch (def.type) {
      case 'date':
        v = a.date;
        break;
      case 'persons':
        v = a.persons?.names ?? [];
        break;
      case 'count':
        v = a.count?.ok ? a.count.value : null;
        break;
      case 'mark':
        v = !!a.mark?.marked;
        break;
      default:
        v = a.blank || a.error ? null : a.full;
    }
    fields[def.key] = v;
    display[def.key] = def.type === 'date' && v ? formatChineseDate(v as string) : def.type === 'mark' ? (v ? '√' : '') : def.type === 'count' && v !== null ? String(v) : a.full;
  }
  return { fields, display };
}

const DOC_KEY: Record<Kind, string> = { penalty: 'decisionNo', inspection: 'docNo', coercion: 'decisionNo' };
const HAS_DIGIT = /[0-9０-９]/;

/** The row's document number as duplicates compare it (docNoKey); null when there is none to compare. */
function docKeyOf(rc: RecordChecker, values: readonly CellValue[]): string | null {
  const key = DOC_KEY[rc.layout.kind];
  if (!rc.present(key)) return null;
  const a = rc.f(key);
  if (a.blank || a.error || a.placeholder) return null;
  const v = values[KEY_INDEX[rc.layout.kind][key]];
  // A canonical number's shared analysis: the value is its own key.
  if (a.docNo && !a.text && typeof v === 'string') return docNoKey(v);
  const text = rc.text(key);
  return text.length <= 200 && HAS_DIGIT.test(text) ? docNoKey(text) : null;
}

/** A checked record; its typed fields are built when first read (most records are only counted). */
export class CheckedRecord implements RecordResult {
  status: Status = 'ok';
  reportMonth: string | null = null;
  private typed: Typed | undefined;
  constructor(
    readonly sheet: string,
    readonly row: number,
    readonly kind: Kind,
    readonly decidingDate: IsoDate | null,
    readonly pending: boolean,
    readonly pendingState: PendingState | null,
    public issues: Issue[],
    private readonly values: readonly CellValue[],
    private readonly cols: readonly (number | undefined)[],
    private readonly memo: CheckMemo,
    private readonly key: string | null,
  ) {}
  private analysis(i: number): FieldAnalysis {
    return this.memo.field(this.kind, i, this.cols[i] === undefined ? null : this.values[i]);
  }
  get fields(): TypedRecord {
    return this.typedRecord().fields;
  }
  get display(): Record<string, string> {
    return this.typedRecord().display;
  }
  private typedRecord(): Typed {
    if (!this.typed) this.typed = typedRecord(LEDGERS[this.kind].columns.map((_, i) => this.analysis(i)), LEDGERS[this.kind].columns);
    return this.typed;
  }
  /** A field's analysis (remembered by value: cheap), or null when the sheet has no such column. */
  analysisOf(key: string): FieldAnalysis | null {
    const i = KEY_INDEX[this.kind][key];
    return i === undefined || this.cols[i] === undefined ? null : this.analysis(i);
  }
  /** A field's text as written, without analysing it again. */
  fieldText(key: string): string {
    const i = KEY_INDEX[this.kind][key];
    const v = this.cols[i] === undefined ? null : this.values[i];
    return isCellError(v) ? '' : cellText(v).trim();
  }
  /** The document number as duplicates compare it; null when there is none to compare. */
  docKey(): string | null {
    return this.key;
  }
  withIssues(issues: Issue[]): CheckedRecord {
    const c = new CheckedRecord(this.sheet, this.row, this.kind, this.decidingDate, this.pending, this.pendingState, issues, this.values, this.cols, this.memo, this.key);
    c.typed = this.typed;
    return finalize(c);
  }
}

/** Checks one record on its own (every rule but duplicate document numbers, see duplicates.ts). */
export function checkRecord(layout: LedgerLayout, raw: RawRecord, opts: CheckOptions | CheckMemo, cols = layoutColumns(layout)): CheckedRecord {
  const memo = opts instanceof CheckMemo ? opts : new CheckMemo(opts);
  const rc = memo.checker(layout, cols);
  rc.load(raw);
  const r = ROW_RULES[layout.kind](rc);
  const state = r.pending ? r.state ?? (layout.kind === 'inspection' ? 'recheck' : 'open') : null;
  return finalize(new CheckedRecord(layout.sheet, raw.row, layout.kind, r.pending ? null : r.deciding, r.pending, state, rc.issues, raw.values, rc.cols, rc.memo, docKeyOf(rc, raw.values)));
}

export function finalize<T extends RecordResult>(r: T): T {
  const invalid = r.issues.some((i) => i.severity === 'error');
  r.status = invalid ? 'invalid' : r.pending ? 'pending' : 'ok';
  r.reportMonth = r.pending || !r.decidingDate ? null : monthOf(r.decidingDate);
  return r;
}
