/*
 * Field analysis: what one cell value means for one column, and the rules that read that value
 * alone (dates, persons, placeholders, spacing, document numbers, and each ledger's own field
 * rules from penalty.ts and coercion.ts). Analyses are remembered by column and value.
 */
import { CellError, CellValue, cellText, isBlank, isCellError } from '../ledger/cell';
import { ColumnDef, Kind, LEDGERS } from '../ledger/columns';
import { parseCount } from '../ledger/count';
import { formatChineseDate, parseDate } from '../ledger/dates';
import { parseDocNo } from '../ledger/docno';
import { parseMark } from '../ledger/marks';
import { isNotApplicable } from '../ledger/na';
import { PersonsParse, parsePersons } from '../ledger/persons';
import { compact, quote } from '../ledger/text';
import type { CheckOptions } from './check';
import { COERCION_FIELD_RULES } from './coercion';
import { FieldAnalysis, Finding, MAX_RULE_TEXT, PLAIN, addFinding, newAnalysis } from './findings';
import * as law from './law';
import { PENALTY_FIELD_RULES } from './penalty';

/** Rules that read one column of one ledger kind only. */
export type FieldRule = (a: FieldAnalysis, def: ColumnDef) => void;

const FIELD_RULES: Record<Kind, Partial<Record<string, FieldRule>>> = {
  penalty: PENALTY_FIELD_RULES,
  inspection: {},
  coercion: COERCION_FIELD_RULES,
};

/** Persons columns whose rules apply only when the row's rules say so (复检人: once rechecked). */
const DEFERRED_PERSONS: Record<Kind, string | null> = { penalty: null, inspection: 'rechecker', coercion: null };

const MEMO_LIMIT = 50_000;
const DOC_CANONICAL = /〔((?:19|20)\d{2})〕第?\d{1,8}号/;
const MAYBE_PLACEHOLDER = /[xXＸｘ×]/;
const PLACEHOLDERS: RegExp[] = [/第\s?[xXＸｘ]{1,4}\s?条/, /(?:^|[^A-Za-z])([xXＸｘ]{2,})(?![A-Za-z])/, /[\u4e00-\u9fff][xXＸｘ](?![A-Za-z0-9光射])/];
const MAYBE_WHITESPACE = /[\s\u3000]/;
/** Either of the two above, in one pass. */
const MAYBE_FINDING = /[xXＸｘ×\s\u3000]/;

/** The remembered analyses of one ledger kind's columns. */
export class KindMemo {
  readonly defs: readonly ColumnDef[];
  readonly blanks: FieldAnalysis[];
  private readonly values: Map<string | number, FieldAnalysis>[];
  private readonly dates: Map<string | number, FieldAnalysis>[];
  private readonly year: number;
  constructor(
    readonly kind: Kind,
    readonly opts: CheckOptions,
  ) {
    this.defs = LEDGERS[kind].columns;
    this.blanks = this.defs.map(blankAnalysis);
    this.values = this.defs.map(() => new Map());
    this.dates = this.defs.map(() => new Map());
    this.year = Number(opts.today.slice(0, 4));
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
    if (typeof value === 'string' && (MAYBE_FINDING.test(value) || isNotApplicable(value))) return null;
    if (def.type === 'seq' || (def.type === 'text' && !FIELD_RULES[this.kind][def.key])) return PLAIN;
    if (def.type !== 'docNo' || typeof value !== 'string' || !DOC_CANONICAL.test(value)) return null;
    const at = value.indexOf('〔');
    const year = Number(value.slice(at + 1, at + 5));
    if (at < 0 || !(year >= 1900 && year <= this.year) || value[at + 5] !== '〕') return null;
    let a = CANONICAL_DOC_NO.get(year);
    if (!a) CANONICAL_DOC_NO.set(year, (a = { ...PLAIN, docNo: { year, open: '〔', close: '〕', hasYear: true, hasSeq: true, canonical: '' } }));
    return a;
  }
}

/** Canonical document numbers (`…〔2023〕12号`) by year. */
const CANONICAL_DOC_NO = new Map<number, FieldAnalysis>();

const BLANK = new Map<ColumnDef, FieldAnalysis>();

/** The analysis of an empty cell, shared (it only depends on the column). */
function blankAnalysis(def: ColumnDef): FieldAnalysis {
  let a = BLANK.get(def);
  if (!a) {
    a = newAnalysis(true, false);
    if (def.required && !def.pendingWhenEmpty) addFinding(a, 'required', '');
    if (def.type === 'mark') a.mark = parseMark(null);
    BLANK.set(def, a);
  }
  return a;
}

/** A not-applicable mark: read as empty; a required column says it does apply. */
function naAnalysis(def: ColumnDef, text: string): FieldAnalysis {
  const a = newAnalysis(true, false);
  a.na = true;
  a.full = a.text = text.trim();
  if (def.type === 'mark') a.mark = parseMark(null);
  if (def.required && !def.pendingWhenEmpty) addFinding(a, 'required', text, (h) => `${quote(a.text)}表示不适用，但「${h(def.key)}」是每个案件都要填写的`);
  return a;
}

export function analyzeField(kind: Kind, def: ColumnDef, value: CellValue, opts: CheckOptions): FieldAnalysis {
  const error = isCellError(value);
  const blank = !error && isBlank(value);
  if (blank) return blankAnalysis(def);
  // `无` as 发现隐患数 is a count (0), not a not-applicable mark.
  if (isNotApplicable(value) && !(def.type === 'count' && parseCount(value).ok)) return naAnalysis(def, value as string);
  const a = newAnalysis(false, error);
  if (error) {
    const e = value as CellError;
    // A formula whose result the file does not hold: unreadable, said as such (序号 is renumbered: no matter).
    if (e.formula !== undefined) {
      if (def.type !== 'seq') addFinding(a, 'formula-no-result', '', quote(`=${e.formula}`, 40));
    } else addFinding(a, 'cell-error', e.error, e.error);
    return a;
  }
  const dateParse = def.type === 'date' ? parseDate(value, opts.date1904) : null;
  a.full = dateParse?.ok && typeof value !== 'string' ? formatChineseDate(dateParse.date) : cellText(value).trim();
  a.text = a.full.length > MAX_RULE_TEXT ? a.full.slice(0, MAX_RULE_TEXT) : a.full;
  const t = a.text;
  if (typeof value === 'string' && def.type !== 'seq') {
    if (MAYBE_PLACEHOLDER.test(value)) placeholderFinding(a, value);
    if (dateParse && !dateParse.ok && dateParse.placeholder && !a.placeholder) {
      a.placeholder = true;
      addFinding(a, 'placeholder', t, t);
    }
    if (MAYBE_WHITESPACE.test(value)) whitespaceFinding(a, def, value);
  }
  switch (def.type) {
    case 'date':
      // `尚未结案` in 结案时间: the case is open (the row's rules decide), no date is missing.
      if (def.pendingWhenEmpty && !dateParse!.ok && typeof value === 'string' && law.OPEN_DATE_TEXT.test(compact(t))) a.open = true;
      else if (!a.placeholder) dateFindings(a, dateParse!, opts);
      break;
    case 'persons': {
      const p = (a.persons = parsePersons(t));
      const f = personsFinding(p, t, a.placeholder);
      if (f && DEFERRED_PERSONS[kind] === def.key) a.deferred = [f];
      else if (f) addFinding(a, f.rule, f.value, f.detail);
      break;
    }
    case 'docNo':
      a.docNo = parseDocNo(t);
      if (!a.placeholder) docNoFindings(a, opts);
      break;
    case 'count': {
      const c = (a.count = parseCount(value));
      if (a.placeholder) break;
      if (!c.ok) addFinding(a, 'hazard-count-invalid', t, c.reason);
      else if (c.normalized) addFinding(a, 'hazard-count-normalize', t, String(c.value));
      break;
    }
    case 'mark': {
      const m = (a.mark = parseMark(value));
      if (m.marked && m.nonStandard) addFinding(a, 'mark-normalize', t, m.unknown ? '不是标准标记，已按“已标记”读取' : '已按“√”读取');
      break;
    }
    default:
      break;
  }
  const fieldRules = FIELD_RULES[kind][def.key];
  if (fieldRules) fieldRules(a, def);
  return a;
}

function personsFinding(p: PersonsParse, t: string, placeholder: boolean): Finding | null {
  if (p.runTogether.length) return { rule: 'persons-unseparated', value: t, detail: p.runTogether[0] === t ? '' : p.runTogether[0] };
  if (p.count < 2 && !placeholder && p.auxiliary.length) {
    const officers = p.names.filter((n) => !p.auxiliary.includes(n));
    const who = p.auxiliary.map((n) => `“${n}”`).join('、');
    return { rule: 'persons-auxiliary', value: t, detail: `${who}是辅助人员，不是行政执法人员，执法人员${officers.length ? `只有${officers.join('、')}一人` : '一人也没有'}` };
  }
  if (p.count < 2 && !placeholder) return { rule: 'persons-min-two', value: t, detail: p.count === 0 ? '没有写出姓名' : p.repeated ? '只有一人（同一人写了两次）' : '只有一人' };
  return null;
}

function placeholderFinding(a: FieldAnalysis, value: string): void {
  const v = value.length > 5000 ? value.slice(0, 5000) : value;
  for (const re of PLACEHOLDERS) {
    const m = re.exec(v);
    if (m) {
      a.placeholder = true;
      addFinding(a, 'placeholder', a.text, (m[1] ?? m[0]).replace(/^[^xXＸｘ第\u4e00-\u9fff]/, ''));
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
  // A line break parts names: no problem in a persons cell.
  if (!def.long && def.type !== 'persons' && /[\r\n]/.test(inner)) problems.push('有换行');
  if (problems.length) addFinding(a, 'whitespace', a.text, problems.join('、'));
}

function dateFindings(a: FieldAnalysis, p: ReturnType<typeof parseDate>, opts: CheckOptions): void {
  if (!p.ok) {
    addFinding(a, 'date-invalid', a.text, p.reason);
    return;
  }
  a.date = p.date;
  if (p.remark) addFinding(a, 'date-remark', a.text, p.remark);
  if (p.twoDigitYear) addFinding(a, 'date-two-digit-year', a.text, `${p.date.slice(0, 4)}年`);
  if (p.date > opts.today) addFinding(a, 'date-future', a.text, `今天是${formatChineseDate(opts.today)}`);
  else if (p.date < '2015-01-01') addFinding(a, 'date-too-old', a.text);
}

function docNoFindings(a: FieldAnalysis, opts: CheckOptions): void {
  const d = a.docNo!;
  const text = a.text;
  if (!d.hasYear || !d.hasSeq) {
    addFinding(a, 'doc-no-format', text, !d.hasYear && !d.hasSeq ? '缺少年份和顺序号' : !d.hasYear ? '缺少年份' : '缺少顺序号（…号）');
  }
  if (d.year !== null && (d.open !== '〔' || d.close !== '〕')) addFinding(a, 'doc-no-brackets', text, d.canonical);
  const thisYear = Number(opts.today.slice(0, 4));
  if (d.year !== null && d.year > thisYear) addFinding(a, 'doc-no-year-future', text, `（${d.year}年）晚于今年（${thisYear}年）`);
}
