import { CellValue, cellAddress, cellText, columnLetter, isBlank, isCellError } from '../ledger/cell';
import { ColumnDef, Kind, LEDGERS, columnDef } from '../ledger/columns';
import { CountParse, NONE_WORDS, parseCount } from '../ledger/count';
import { IsoDate, addDays, diffDays, formatChineseDate, monthOf, parseDate } from '../ledger/dates';
import { LedgerLayout } from '../ledger/detect';
import { MarkParse, parseMark } from '../ledger/marks';
import { findAmounts } from '../ledger/money';
import { PersonsParse, parsePersons } from '../ledger/persons';
import { RawRecord, layoutColumns } from '../ledger/records';
import { TypedRecord } from '../ledger/schema';
import { compact, parseAnyInt, quote, toHalfWidth } from '../ledger/text';
import { addWorkdays, unknownYearsNote } from '../ledger/workdays';
import * as law from './law';
import { RULE_BY_ID, RuleId, Severity } from './rules';

export interface Issue {
  sheet: string;
  row: number;
  cell: string;
  column: string;
  rule: RuleId;
  severity: Severity;
  message: string;
}

export type Status = 'ok' | 'invalid' | 'pending';

export interface RecordResult {
  sheet: string;
  row: number;
  kind: Kind;
  status: Status;
  /** `YYYY-MM`, or null when pending or the deciding date is unreadable. */
  reportMonth: string | null;
  /** The date that decides the month; rows are sorted by it in the report. */
  decidingDate: IsoDate | null;
  pending: boolean;
  readonly fields: TypedRecord;
  /** Text to print per field: as written, dates as `2023年10月9日`, marks as `√`. */
  readonly display: Record<string, string>;
  issues: Issue[];
}

export interface CheckOptions {
  /** Today, `YYYY-MM-DD`: dates after it are errors. */
  today: IsoDate;
  /** The workbook uses the 1904 date system. */
  date1904?: boolean;
}

export interface LedgerResult {
  layout: LedgerLayout;
  records: RecordResult[];
  /** Issues about the sheet itself (a missing required column), on the header row. */
  sheetIssues: Issue[];
}

export interface WorkbookCheck {
  today: IsoDate;
  ledgers: LedgerResult[];
}

/** A rule finding on one cell value, before it is placed in a sheet. */
interface Finding {
  rule: RuleId;
  /** The message body (after `A1「列」：`). */
  body: string;
}

/** What one cell value means for one column: parsed value and the single-cell rules' findings. */
interface FieldAnalysis {
  blank: boolean;
  error: boolean;
  /** The text as written (trimmed); dates as `2023年10月9日`. */
  full: string;
  /** `full` cut to what rules read (real cells are short; keeps every regex linear on huge text). */
  text: string;
  date: IsoDate | null;
  persons: PersonsParse | null;
  count: CountParse | null;
  mark: MarkParse | null;
  docYear: DocYear | null;
  /** 处罚情况: money imposed (元) and how it was written; no penalty at all. */
  money: number;
  moneyText: string;
  noPenalty: boolean;
  /** 强制类别 */
  category: 'measure' | 'enforcement' | null;
  findings: readonly Finding[];
}

interface DocYear {
  year: number;
  open: string;
  close: string;
}

const MAX_RULE_TEXT = 2000;
const MEMO_LIMIT = 50_000;
const DOC_YEAR = /([〔[【(（])\s*((?:19|20)\d{2})\s*([〕\]】)）])/;
const DOC_CANONICAL = /〔((?:19|20)\d{2})〕第?\d{1,8}号/;
const ANY_YEAR = /(?:19|20)\d{2}/;
const DOC_SEQ = /[0-9零〇一二三四五六七八九十百]{1,8}\s?号/;
const MAYBE_PLACEHOLDER = /[xXＸｘ]/;
const PLACEHOLDERS: RegExp[] = [/第\s?[xXＸｘ]{1,4}\s?条/, /(?:^|[^A-Za-z])([xXＸｘ]{2,})(?![A-Za-z])/, /[\u4e00-\u9fff][xXＸｘ](?![A-Za-z0-9光射])/];
const MAYBE_WHITESPACE = /[\s\u3000]/;

function columnTitle(def: ColumnDef): string {
  return def.group ? `${def.group}/${def.header}` : def.header;
}

function finding(rule: RuleId, def: ColumnDef, text: string, detail = '', value = text): Finding {
  return { rule, body: RULE_BY_ID.get(rule)!.message({ column: columnTitle(def), value: quote(value), detail }) };
}

/** The remembered analyses of one ledger kind's columns. */
class KindMemo {
  readonly defs: readonly ColumnDef[];
  readonly blanks: FieldAnalysis[];
  private readonly values: Map<string | number, FieldAnalysis>[];
  private readonly dates: Map<string | number, FieldAnalysis>[];
  constructor(
    readonly kind: Kind,
    readonly opts: CheckOptions,
  ) {
    this.defs = LEDGERS[kind].columns;
    this.blanks = this.defs.map(blankAnalysis);
    this.values = this.defs.map(() => new Map());
    this.dates = this.defs.map(() => new Map());
  }

  /**
   * The analysis of a value in column `i`. With `light`, a value of a unique column that can
   * have no finding gets a shared analysis without its text (enough for the rules; the typed
   * record asks again without `light`).
   */
  get(i: number, value: CellValue, light = false): FieldAnalysis {
    if (value === null || value === undefined || value === '') return this.blanks[i];
    const def = this.defs[i];
    let map: Map<string | number, FieldAnalysis>;
    let key: string | number;
    if (typeof value === 'string' || typeof value === 'number') {
      if (def.unique) return (light && this.lightUnique(def, value)) || analyzeField(this.kind, def, value, this.opts);
      map = this.values[i];
      key = value;
    } else if (value instanceof Date) {
      map = this.dates[i];
      key = value.getTime();
    } else {
      return analyzeField(this.kind, def, value, this.opts);
    }
    let a = map.get(key);
    if (a === undefined) {
      if (map.size >= MEMO_LIMIT) map.clear();
      a = analyzeField(this.kind, def, value, this.opts);
      map.set(key, a);
    }
    return a;
  }

  private lightUnique(def: ColumnDef, value: string | number): FieldAnalysis | null {
    if (typeof value === 'string' && (MAYBE_PLACEHOLDER.test(value) || MAYBE_WHITESPACE.test(value))) return null;
    if (def.type === 'seq' || (def.type === 'text' && !FIELD_RULES[this.kind][def.key])) return PLAIN;
    if (def.type !== 'docNo' || typeof value !== 'string' || !DOC_CANONICAL.test(value)) return null;
    const at = value.indexOf('〔');
    const year = Number(value.slice(at + 1, at + 5));
    if (at < 0 || !(year >= 1900 && year <= 2099) || value[at + 5] !== '〕') return null;
    let a = CANONICAL_DOC_NO.get(year);
    if (!a) CANONICAL_DOC_NO.set(year, (a = { ...PLAIN, docYear: { year, open: '〔', close: '〕' } }));
    return a;
  }
}

/** A non-empty value with nothing to report (its text is not kept: see KindMemo.get). */
const PLAIN: FieldAnalysis = Object.freeze({ blank: false, error: false, full: '', text: '', date: null, persons: null, count: null, mark: null, docYear: null, money: 0, moneyText: '', noPenalty: false, category: null, findings: Object.freeze([]) as readonly Finding[] });
/** Canonical document numbers (`…〔2023〕12号`) by year. */
const CANONICAL_DOC_NO = new Map<number, FieldAnalysis>();

/**
 * Remembers field analyses by column and value for one check (cells repeat a lot: the same
 * law, outcome, officers or date on many rows), so each distinct value is analysed once.
 */
export class CheckMemo {
  readonly kinds: Record<Kind, KindMemo>;
  /** By 整改措施 text, then inspection date. */
  private readonly deadlines = new Map<string, Map<IsoDate, Deadline>>();
  constructor(readonly opts: CheckOptions) {
    this.kinds = { penalty: new KindMemo('penalty', opts), inspection: new KindMemo('inspection', opts), coercion: new KindMemo('coercion', opts) };
  }

  field(kind: Kind, i: number, value: CellValue): FieldAnalysis {
    return this.kinds[kind].get(i, value);
  }

  private readonly checkers = new WeakMap<LedgerLayout, RecordChecker>();

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

const NO_FINDINGS: readonly Finding[] = Object.freeze([]);
/** Shared by every record without issues; frozen so that nothing adds to it by mistake. */
const NO_ISSUES = Object.freeze([]) as unknown as Issue[];

function newAnalysis(blank: boolean, error: boolean): FieldAnalysis {
  return { blank, error, full: '', text: '', date: null, persons: null, count: null, mark: null, docYear: null, money: 0, moneyText: '', noPenalty: false, category: null, findings: NO_FINDINGS };
}

function addFinding(a: FieldAnalysis, f: Finding): void {
  if (a.findings === NO_FINDINGS) a.findings = [];
  (a.findings as Finding[]).push(f);
}

const BLANK = new Map<ColumnDef, FieldAnalysis>();

/** The analysis of an empty cell, shared (it only depends on the column). */
function blankAnalysis(def: ColumnDef): FieldAnalysis {
  let a = BLANK.get(def);
  if (!a) {
    a = newAnalysis(true, false);
    if (def.required) addFinding(a, finding('required', def, ''));
    if (def.type === 'mark') a.mark = parseMark(null);
    BLANK.set(def, a);
  }
  return a;
}

function analyzeField(kind: Kind, def: ColumnDef, value: CellValue, opts: CheckOptions): FieldAnalysis {
  const error = isCellError(value);
  const blank = !error && isBlank(value);
  if (blank) return blankAnalysis(def);
  const a = newAnalysis(false, error);
  if (error) {
    const code = (value as { error: string }).error;
    addFinding(a, finding('cell-error', def, code, code));
    return a;
  }
  const dateParse = def.type === 'date' ? parseDate(value, opts.date1904) : null;
  a.full = dateParse?.ok && typeof value !== 'string' ? formatChineseDate(dateParse.date) : cellText(value).trim();
  a.text = a.full.length > MAX_RULE_TEXT ? a.full.slice(0, MAX_RULE_TEXT) : a.full;
  const t = a.text;
  if (typeof value === 'string' && def.type !== 'seq') {
    if (MAYBE_PLACEHOLDER.test(value)) placeholderFinding(a, def, value);
    if (MAYBE_WHITESPACE.test(value)) whitespaceFinding(a, def, value);
  }
  switch (def.type) {
    case 'date':
      dateFindings(a, def, dateParse!, opts);
      break;
    case 'persons': {
      const p = (a.persons = parsePersons(t));
      if (p.runTogether.length) addFinding(a, finding('persons-unseparated', def, t, p.runTogether[0] === t ? '' : p.runTogether[0]));
      else if (p.count < 2) addFinding(a, finding('persons-min-two', def, t, p.count === 0 ? '没有写出姓名' : '只有一人'));
      break;
    }
    case 'docNo':
      docNoFindings(a, def, t);
      break;
    case 'count': {
      const c = (a.count = parseCount(value));
      if (!c.ok) addFinding(a, finding('hazard-count-invalid', def, t, c.reason));
      else if (c.normalized) addFinding(a, finding('hazard-count-normalize', def, t, String(c.value)));
      break;
    }
    case 'mark': {
      const m = (a.mark = parseMark(value));
      if (m.marked && m.nonStandard) addFinding(a, finding('mark-normalize', def, t, m.unknown ? '不是标准标记，已按“已标记”读取' : '已按“√”读取'));
      break;
    }
    default:
      break;
  }
  const fieldRules = FIELD_RULES[kind][def.key];
  if (fieldRules) fieldRules(a, def);
  return a;
}

function placeholderFinding(a: FieldAnalysis, def: ColumnDef, value: string): void {
  const v = value.length > 5000 ? value.slice(0, 5000) : value;
  for (const re of PLACEHOLDERS) {
    const m = re.exec(v);
    if (m) {
      addFinding(a, finding('placeholder', def, a.text, (m[1] ?? m[0]).replace(/^[^xXＸｘ第\u4e00-\u9fff]/, '')));
      return;
    }
  }
}

function whitespaceFinding(a: FieldAnalysis, def: ColumnDef, value: string): void {
  const problems: string[] = [];
  const inner = value.trim();
  if (inner !== '' && inner.length !== value.length) problems.push('开头或结尾有空白');
  if (def.type !== 'persons') {
    if (/ {2,}/.test(value)) problems.push('有连续空格');
    if (/\u3000/.test(inner)) problems.push('有全角空格');
  }
  if (!def.long && /[\r\n]/.test(inner)) problems.push('有换行');
  if (problems.length) addFinding(a, finding('whitespace', def, a.text, problems.join('、')));
}

function dateFindings(a: FieldAnalysis, def: ColumnDef, p: ReturnType<typeof parseDate>, opts: CheckOptions): void {
  if (!p.ok) {
    addFinding(a, finding('date-invalid', def, a.text, p.reason));
    return;
  }
  a.date = p.date;
  if (p.twoDigitYear) addFinding(a, finding('date-two-digit-year', def, a.text, `${p.date.slice(0, 4)}年`));
  if (p.date > opts.today) addFinding(a, finding('date-future', def, a.text, `今天是${formatChineseDate(opts.today)}`));
  else if (p.date < '2015-01-01') addFinding(a, finding('date-too-old', def, a.text));
}

function docYear(text: string): DocYear | null {
  const m = DOC_YEAR.exec(text);
  return m ? { year: Number(m[2]), open: m[1], close: m[3] } : null;
}

function docNoFindings(a: FieldAnalysis, def: ColumnDef, text: string): void {
  const canonical = DOC_CANONICAL.exec(text);
  if (canonical) {
    a.docYear = { year: Number(canonical[1]), open: '〔', close: '〕' };
    return;
  }
  a.docYear = docYear(text);
  const t = toHalfWidth(text);
  const hasYear = !!a.docYear || ANY_YEAR.test(t);
  const hasSeq = DOC_SEQ.test(t);
  if (!hasYear || !hasSeq) {
    addFinding(a, finding('doc-no-format', def, text, !hasYear && !hasSeq ? '缺少年份和顺序号' : !hasYear ? '缺少年份' : '缺少顺序号（…号）'));
  }
  const y = a.docYear;
  if (y && (y.open !== '〔' || y.close !== '〕')) addFinding(a, finding('doc-no-brackets', def, text, `${y.open}${y.close}`));
}

/** Splits text into clauses at Chinese and ASCII punctuation. */
function clauses(text: string): string[] {
  return text.split(/[，,；;。\n]+/).filter((c) => c.trim() !== '');
}

/** Rules that read one column of one ledger kind only. */
type FieldRule = (a: FieldAnalysis, def: ColumnDef) => void;

const FIELD_RULES: Record<Kind, Partial<Record<string, FieldRule>>> = {
  penalty: {
    outcome: (a, def) => {
      const t = toHalfWidth(a.text);
      a.noPenalty = law.NO_PENALTY.test(t);
      const detention = law.DETENTION.test(t);
      if (detention) addFinding(a, finding('penalty-detention', def, a.text));
      const named = law.PENALTY_TYPES.some((p) => t.includes(p)) || law.LICENCE_PENALTY.test(t);
      if (!a.noPenalty && !detention && !named) addFinding(a, finding('penalty-type-unknown', def, a.text));
      if (a.noPenalty) return;
      const parts = clauses(t);
      parts.forEach((part, i) => {
        // The amount follows the penalty in its clause, or opens the next one (`处以罚款，计5000元`).
        const next = parts[i + 1] ?? '';
        const carry = /罚款|没收/.test(next) ? '' : next;
        for (const m of part.matchAll(law.MONEY_PENALTY)) {
          if (!findAmounts(part.slice(m.index ?? 0) + carry).length) addFinding(a, finding('fine-amount-missing', def, a.text, m[0]));
        }
      });
      if (/罚款|没收违法所得/.test(t)) {
        for (const amount of findAmounts(t)) {
          a.money += amount.yuan;
          a.moneyText = a.moneyText || amount.text;
        }
      }
    },
    basis: (a, def) => {
      const t = toHalfWidth(a.text);
      if (!law.ARTICLE.test(t)) addFinding(a, finding('basis-no-article', def, a.text));
      if (!law.LAW_NAME.test(t)) addFinding(a, finding('basis-no-law', def, a.text));
    },
    cause: (a, def) => {
      if (!/案$/.test(compact(a.text))) addFinding(a, finding('cause-format', def, a.text));
    },
  },
  inspection: {},
  coercion: {
    category: (a, def) => {
      a.category = law.COERCION_CATEGORIES[compact(a.text)] ?? null;
      if (!a.category) addFinding(a, finding('coercion-category-invalid', def, a.text));
    },
  },
};

/** One record while it is checked: its fields' analyses and the issues found so far. */
class RecordChecker {
  /** The row's issues; the shared empty list until the first one (most rows have none). */
  issues: Issue[] = NO_ISSUES;
  private issueCols: number[] = [];
  private readonly defs: readonly ColumnDef[];
  private readonly index: Record<string, number>;
  readonly analyses: FieldAnalysis[];
  private row = 0;
  private values: readonly CellValue[] = [];
  constructor(
    readonly layout: LedgerLayout,
    readonly cols: (number | undefined)[],
    readonly memo: CheckMemo,
  ) {
    this.defs = LEDGERS[layout.kind].columns;
    this.index = KEY_INDEX[layout.kind];
    this.analyses = new Array(this.defs.length);
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
      for (let k = 0; k < findings.length; k++) this.push(findings[k].rule, i, findings[k].body);
    }
  }

  get opts(): CheckOptions {
    return this.memo.opts;
  }

  /** Column `i`'s text as written (unique columns' light analyses carry none). */
  private cellText(i: number): string {
    const a = this.analyses[i];
    if (a.text || a.blank || a.error) return a.text;
    return cellText(this.values[i]).trim().slice(0, MAX_RULE_TEXT);
  }

  f(key: string): FieldAnalysis {
    return this.analyses[this.index[key]];
  }

  present(key: string): boolean {
    return this.cols[this.index[key]] !== undefined;
  }

  private push(rule: RuleId, i: number, body: string): void {
    const def = this.defs[i];
    const column = columnTitle(def);
    const col = this.cols[i] ?? this.layout.tableLeft;
    const cell = cellAddress(this.row, col);
    const issue: Issue = { sheet: this.layout.sheet, row: this.row, cell, column, rule, severity: RULE_BY_ID.get(rule)!.severity, message: `${cell}「${column}」：${body}` };
    // Keep issues in column order (row-level rules are added after the cells' own).
    if (this.issues === NO_ISSUES) {
      this.issues = [];
      this.issueCols = [];
    }
    let at = this.issues.length;
    while (at > 0 && this.issueCols[at - 1] > col) at--;
    this.issues.splice(at, 0, issue);
    this.issueCols.splice(at, 0, col);
  }

  /** Adds a row-level issue on a field's cell (or, when the column is absent, on `fallbackKey`'s). */
  add(rule: RuleId, key: string, detail = '', value?: string, fallbackKey?: string): void {
    let i = this.index[key];
    if (this.cols[i] === undefined && fallbackKey) i = this.index[fallbackKey];
    const def = this.defs[i];
    const body = RULE_BY_ID.get(rule)!.message({ column: columnTitle(def), value: quote(value ?? this.cellText(i)), detail });
    this.push(rule, i, body);
  }
}

const KEY_INDEX: Record<Kind, Record<string, number>> = {
  penalty: Object.fromEntries(LEDGERS.penalty.columns.map((c, i) => [c.key, i])),
  inspection: Object.fromEntries(LEDGERS.inspection.columns.map((c, i) => [c.key, i])),
  coercion: Object.fromEntries(LEDGERS.coercion.columns.map((c, i) => [c.key, i])),
};

function checkPenalty(rc: RecordChecker): { pending: boolean; deciding: IsoDate | null } {
  const outcome = rc.f('outcome');
  const receipt = rc.f('receiptNo');
  if (outcome.money > 0 && (receipt.blank || !rc.present('receiptNo'))) rc.add('receipt-missing', 'receiptNo', outcome.moneyText, undefined, 'outcome');
  if (outcome.money === 0 && !outcome.blank && !receipt.blank && !receipt.error && rc.present('receiptNo')) rc.add('receipt-unexpected', 'receiptNo');
  const y = rc.f('decisionNo').docYear;
  const closed = rc.f('closedOn').date;
  if (y && closed && y.year > Number(closed.slice(0, 4))) {
    rc.add('doc-no-year-after-close', 'decisionNo', `（${y.year}年）晚于结案时间的年份（${closed.slice(0, 4)}年）`);
  }
  return { pending: false, deciding: closed };
}

interface Deadline {
  date: IsoDate;
  label: string;
  written: boolean;
}

/** The rectification deadline written in 整改措施, else 30 days after the inspection. */
export function rectifyDeadline(measures: string, inspectedOn: IsoDate): Deadline {
  const t = toHalfWidth(measures.length > MAX_RULE_TEXT ? measures.slice(0, MAX_RULE_TEXT) : measures);
  const explicit = /((?:19|20)\d{2}年\d{1,2}月\d{1,2}[日号])(?:之?前|以前)/.exec(t);
  if (explicit) {
    const p = parseDate(explicit[1]);
    if (p.ok) return { date: p.date, label: `（${formatChineseDate(p.date)}前）`, written: true };
  }
  const num = '([0-9]{1,4}|[一二两三四五六七八九十百]{1,6})';
  const work = new RegExp(`${num}\\s?个?\\s?工作日`).exec(t);
  if (work) {
    const n = parseAnyInt(work[1]) ?? 0;
    const r = addWorkdays(inspectedOn, n);
    return { date: r.date, label: `（检查后${n}个工作日，至${formatChineseDate(r.date)}${unknownYearsNote(r.unknownYears)}）`, written: true };
  }
  const cal = new RegExp(`${num}\\s?个?\\s?(?:自然)?(?:日|天)(?:内|之内|以内)`).exec(t);
  if (cal) {
    const n = parseAnyInt(cal[1]) ?? 0;
    const d = addDays(inspectedOn, n);
    return { date: d, label: `（检查后${n}日，至${formatChineseDate(d)}）`, written: true };
  }
  const d = addDays(inspectedOn, law.DEFAULT_RECHECK_DAYS);
  return { date: d, label: `（未写明期限，按检查后${law.DEFAULT_RECHECK_DAYS}日计，至${formatChineseDate(d)}）`, written: false };
}

function checkInspection(rc: RecordChecker): { pending: boolean; deciding: IsoDate | null } {
  const countParse = rc.f('hazardCount').count;
  const count = countParse?.ok ? countParse.value : null;
  const recheck = rc.f('recheckOn');
  const inspected = rc.f('inspectedOn').date;
  const recheckOn = recheck.date;
  let done = rc.f('rectifyDone').mark ?? parseMark(null);
  let open = rc.f('rectifyOpen').mark ?? parseMark(null);
  const result = rc.f('rectifyResult');
  if (rc.present('rectifyResult') && !result.blank && !rc.present('rectifyDone')) {
    const t = compact(result.text);
    open = { marked: /未/.test(t), nonStandard: false, unknown: false };
    done = { marked: !open.marked && /完成|已整改|√/.test(t), nonStandard: false, unknown: false };
  }
  if (rc.present('docNo') && rc.f('docNo').blank) rc.add('doc-no-missing', 'docNo');
  if (count === null) return { pending: false, deciding: null };
  if (count === 0) {
    const filled: string[] = [];
    let first: string | null = null;
    const note = (key: string, label: string, yes: boolean) => {
      if (!yes) return;
      filled.push(label);
      first = first ?? key;
    };
    const hz = rc.f('hazards');
    const me = rc.f('measures');
    note('hazards', '隐患内容', !hz.blank && !NONE_WORDS.test(compact(hz.text)));
    note('measures', '整改措施', !me.blank && !NONE_WORDS.test(compact(me.text)));
    note('rectifyDone', '整改结果', done.marked || open.marked);
    note('recheckOn', '复检日期', !recheck.blank);
    note('rechecker', '复检人', !rc.f('rechecker').blank);
    if (first) rc.add('hazard-fields-unexpected', first, filled.join('、'));
    return { pending: false, deciding: inspected };
  }

  for (const key of ['hazards', 'measures'] as const) {
    if (rc.f(key).blank) rc.add('required', key, `发现隐患数为${count}，「${columnDef('inspection', key)!.header}」不能为空`);
  }
  if (rc.f('rectifyOwner').blank) rc.add('rectify-owner-missing', 'rectifyOwner', '', undefined, 'hazardCount');

  const deadline = inspected ? rc.memo.deadline(rc.f('measures').text, inspected) : null;
  if (recheck.blank) {
    if (deadline && rc.opts.today > deadline.date) rc.add('recheck-overdue', 'recheckOn', deadline.label, '', 'hazardCount');
    return { pending: true, deciding: null };
  }
  if (rc.f('rechecker').blank) rc.add('required', 'rechecker', '已复检，「复检人」不能为空', undefined, 'recheckOn');
  if (done.marked && open.marked) rc.add('rectify-both-marked', 'rectifyOpen', '', undefined, 'rectifyResult');
  else if (!done.marked && !open.marked) rc.add('rectify-unmarked', 'rectifyDone', '', undefined, rc.present('rectifyResult') ? 'rectifyResult' : 'recheckOn');
  else if (open.marked) rc.add('rectify-open', 'rectifyOpen', '', undefined, 'rectifyResult');
  if (recheckOn && inspected) {
    if (recheckOn < inspected) rc.add('recheck-before-inspection', 'recheckOn', `检查时间为${formatChineseDate(inspected)}`);
    else if (deadline && deadline.written && recheckOn > deadline.date) rc.add('recheck-after-deadline', 'recheckOn', deadline.label);
  }
  return { pending: false, deciding: recheckOn };
}

const MEASURE_NOT_A_MEASURE =
  '不是法定的行政强制措施种类。行政强制措施为：查封场所、设施或者财物，扣押财物，以及法律、行政法规规定的其他行政强制措施（《中华人民共和国行政强制法》第九条）。请按法定名称填写，如“扣押财物”。';
const MEASURE_IS_ENFORCEMENT = '属于行政强制执行的方式，与强制类别“行政强制措施”不符。请核对强制类别或强制方式。';
const MEANS_NOT_A_MEANS =
  '不是法定的行政强制执行方式。行政强制执行方式为：加处罚款或者滞纳金，划拨存款、汇款，拍卖或者依法处理查封、扣押的场所、设施或者财物，排除妨碍、恢复原状，代履行（《中华人民共和国行政强制法》第十二条）。请按法定名称填写。';
const MEANS_IS_MEASURE = '属于行政强制措施的种类，与强制类别“行政强制执行”不符。请核对强制类别或强制方式。';

function checkCoercion(rc: RecordChecker): { pending: boolean; deciding: IsoDate | null } {
  const cat = rc.f('category');
  const measure = rc.f('measure');
  const mtext = compact(measure.text);
  const ctext = compact(cat.text);
  const inMeasure = law.NOT_PERMITTED.find((n) => n.pattern.test(mtext));
  const forbidden = inMeasure ?? law.NOT_PERMITTED.find((n) => n.pattern.test(ctext));
  if (forbidden) rc.add('coercion-not-permitted', inMeasure ? 'measure' : 'category', `${forbidden.label}${forbidden.article}`);
  if (cat.category && !measure.blank && !measure.error && !forbidden) {
    const isMeasure = law.COERCIVE_MEASURES.test(mtext);
    const isEnforcement = law.ENFORCEMENT_MEANS.test(mtext);
    if (cat.category === 'measure' && !isMeasure) rc.add('coercion-measure-invalid', 'measure', isEnforcement ? MEASURE_IS_ENFORCEMENT : MEASURE_NOT_A_MEASURE);
    else if (cat.category === 'enforcement' && !isEnforcement) rc.add('coercion-measure-invalid', 'measure', isMeasure ? MEANS_IS_MEASURE : MEANS_NOT_A_MEANS);
  }
  const started = rc.f('startedOn').date;
  const closedField = rc.f('closedOn');
  const closed = closedField.date;
  if (!closedField.blank && rc.f('result').blank) rc.add('required', 'result', '已结案，「处理结果」不能为空', undefined, 'closedOn');
  if (started && closed && closed < started) rc.add('coercion-close-before-start', 'closedOn', `实施时间为${formatChineseDate(started)}`);
  if (started && law.SEIZURE.test(mtext)) {
    const notes = compact(rc.f('remarks').text) + compact(rc.f('term').text);
    const limit = law.EXTENDED.test(notes) ? law.SEIZURE_DAYS_EXTENDED : law.SEIZURE_DAYS;
    const end = closed ?? (closedField.blank ? rc.opts.today : null);
    const days = end && end >= started ? diffDays(started, end) : 0;
    const termDays = /(\d{1,5})\s?(日|天)/.exec(toHalfWidth(rc.f('term').text));
    const written = termDays ? Number(termDays[1]) : 0;
    if (days > limit) {
      rc.add('coercion-term-exceeded', closed ? 'closedOn' : 'startedOn', `自${formatChineseDate(started)}实施，${closed ? '至解除' : '至今'}已${days}日，超过${limit}日`);
    } else if (written > limit) {
      rc.add('coercion-term-exceeded', 'term', `写明的期限${written}日超过${limit}日`);
    }
  }
  if (closedField.blank) return { pending: true, deciding: null };
  return { pending: false, deciding: closed };
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

/** A checked record; its typed fields are built when first read (most records are only counted). */
class CheckedRecord implements RecordResult {
  status: Status = 'ok';
  reportMonth: string | null = null;
  private typed: Typed | undefined;
  constructor(
    readonly sheet: string,
    readonly row: number,
    readonly kind: Kind,
    readonly decidingDate: IsoDate | null,
    readonly pending: boolean,
    public issues: Issue[],
    private readonly values: readonly CellValue[],
    private readonly cols: readonly (number | undefined)[],
    private readonly memo: CheckMemo,
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
  /** A field's text as written, without analysing it again. */
  fieldText(key: string): string {
    const i = KEY_INDEX[this.kind][key];
    const v = this.cols[i] === undefined ? null : this.values[i];
    return isCellError(v) ? '' : cellText(v).trim();
  }
  withIssues(issues: Issue[]): CheckedRecord {
    const c = new CheckedRecord(this.sheet, this.row, this.kind, this.decidingDate, this.pending, issues, this.values, this.cols, this.memo);
    c.typed = this.typed;
    return finalize(c);
  }
}

/** Checks one record on its own (every rule but the cross-row `duplicate-doc-no`). */
export function checkRecord(layout: LedgerLayout, raw: RawRecord, opts: CheckOptions | CheckMemo, cols = layoutColumns(layout)): RecordResult {
  const memo = opts instanceof CheckMemo ? opts : new CheckMemo(opts);
  return checkWith(memo.checker(layout, cols), raw);
}

function checkWith(rc: RecordChecker, raw: RawRecord): RecordResult {
  const layout = rc.layout;
  rc.load(raw);
  const r = layout.kind === 'penalty' ? checkPenalty(rc) : layout.kind === 'inspection' ? checkInspection(rc) : checkCoercion(rc);
  return finalize(new CheckedRecord(layout.sheet, raw.row, layout.kind, r.pending ? null : r.deciding, r.pending, rc.issues, raw.values, rc.cols, rc.memo));
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

function finalize<T extends RecordResult>(r: T): T {
  const invalid = r.issues.some((i) => i.severity === 'error');
  r.status = invalid ? 'invalid' : r.pending ? 'pending' : 'ok';
  r.reportMonth = r.pending || !r.decidingDate ? null : monthOf(r.decidingDate);
  return r;
}

const DOC_KEY_ODD = /[\s\u3000[\]【】()（）\uFF01-\uFF5E]/;

/** Normalised document number for duplicate detection. */
export function docNoKey(text: string): string {
  if (!DOC_KEY_ODD.test(text)) return text;
  const c = compact(text);
  return /[[\]【】()（）]/.test(c) ? c.replace(/[[【(（〔]/g, '〔').replace(/[\]】)）〕]/g, '〕') : c;
}

/** `duplicate-doc-no`: remembers the document numbers seen so far in one ledger, in row order. */
class DocNoTracker {
  private readonly key: string;
  readonly col: number | undefined;
  private readonly seen = new Map<string, number>();
  constructor(private readonly layout: LedgerLayout) {
    this.key = layout.kind === 'inspection' ? 'docNo' : 'decisionNo';
    this.col = layout.columns[this.key];
  }

  /** The record, or a copy with the issue when its number was used by an earlier row. */
  apply(r: RecordResult): RecordResult {
    if (this.col === undefined) return r;
    const text = r instanceof CheckedRecord ? r.fieldText(this.key) : r.display[this.key] ?? '';
    if (!text) return r;
    const k = docNoKey(text);
    const first = this.seen.get(k);
    if (first === undefined) {
      this.seen.set(k, r.row);
      return r;
    }
    const header = columnDef(this.layout.kind, this.key)!.header;
    const rule = RULE_BY_ID.get('duplicate-doc-no')!;
    const cell = cellAddress(r.row, this.col);
    const issue: Issue = {
      sheet: r.sheet,
      row: r.row,
      cell,
      column: header,
      rule: 'duplicate-doc-no',
      severity: rule.severity,
      message: `${cell}「${header}」：${rule.message({ column: header, value: quote(text), detail: String(first) })}`,
    };
    const issues = [...r.issues, issue].sort((x, y) => columnOrder(x.cell) - columnOrder(y.cell));
    return r instanceof CheckedRecord ? r.withIssues(issues) : finalize({ ...r, issues });
  }
}

/** Adds `duplicate-doc-no` across the rows of one ledger; returns new results (inputs are not changed). */
export function applyCrossRowRules(layout: LedgerLayout, records: RecordResult[]): RecordResult[] {
  const tracker = new DocNoTracker(layout);
  return tracker.col === undefined ? records : records.map((r) => tracker.apply(r));
}

/** Issues about the sheet itself: required columns missing from the header. */
export function sheetIssues(layout: LedgerLayout): Issue[] {
  const rule = RULE_BY_ID.get('required')!;
  return layout.missing.map((key, i) => {
    const def = columnDef(layout.kind, key)!;
    const cell = cellAddress(layout.headerRow, layout.tableRight + 1 + i);
    const detail = `表头中没有「${def.header}」列（可在第${layout.headerRow}行 ${columnLetter(layout.tableRight + 1 + i)} 列补上）`;
    return {
      sheet: layout.sheet,
      row: layout.headerRow,
      cell,
      column: def.header,
      rule: 'required',
      severity: rule.severity,
      message: `${cell}「${def.header}」：${rule.message({ column: def.header, value: '', detail })}`,
    };
  });
}

/** All issues of a checked ledger in row order. */
export function ledgerIssues(l: LedgerResult): Issue[] {
  return [...l.sheetIssues, ...l.records.flatMap((r) => r.issues)];
}
