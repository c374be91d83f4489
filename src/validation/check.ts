import { CellValue, SheetGrid, cellAddress, cellText, columnLetter, isBlank, isCellError } from '../ledger/cell';
import { ColumnDef, Kind, LEDGERS, columnDef } from '../ledger/columns';
import { IsoDate, addDays, diffDays, formatChineseDate, monthOf, parseDate } from '../ledger/dates';
import { LedgerLayout, MergeIndex, detectLedger } from '../ledger/detect';
import { parseMark } from '../ledger/marks';
import { findAmounts } from '../ledger/money';
import { PersonsParse, parsePersons } from '../ledger/persons';
import { RawRecord, readRecords, readRow } from '../ledger/records';
import { TypedRecord } from '../ledger/schema';
import { NONE_WORDS, parseCount } from '../ledger/count';
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
  fields: TypedRecord;
  /** Text to print per field: as written, dates as `2023年10月9日`, marks as `√`. */
  display: Record<string, string>;
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

interface Field {
  def: ColumnDef;
  col: number | undefined;
  value: CellValue;
  /** The cell's text as written (trimmed). */
  full: string;
  /** `full`, cut to what rules read (real cells are short; keeps regexes linear on huge text). */
  text: string;
  blank: boolean;
  error: boolean;
}

const MAX_RULE_TEXT = 2000;
const DOC_YEAR = /([〔[【(（])\s*((?:19|20)\d{2})\s*([〕\]】)）])/;
const ANY_YEAR = /(?:19|20)\d{2}/;
const DOC_SEQ = /[0-9零〇一二三四五六七八九十百]{1,8}\s?号/;
const PLACEHOLDERS: RegExp[] = [/第\s?[xXＸｘ]{1,4}\s?条/, /(?:^|[^A-Za-z])([xXＸｘ]{2,})(?![A-Za-z])/, /[\u4e00-\u9fff][xXＸｘ](?![A-Za-z0-9光射])/];

/** Collects the issues of one record. */
class RecordChecker {
  readonly issues: Issue[] = [];
  readonly fields: Record<string, Field> = {};
  constructor(
    readonly layout: LedgerLayout,
    readonly raw: RawRecord,
    readonly opts: CheckOptions,
  ) {
    for (const def of LEDGERS[layout.kind].columns) {
      const cell = raw.cells[def.key];
      const value = cell ? cell.value : null;
      const error = isCellError(value);
      const asDate = def.type === 'date' && (value instanceof Date || typeof value === 'number') ? parseDate(value, opts.date1904) : null;
      const full = error ? '' : asDate && asDate.ok ? formatChineseDate(asDate.date) : cellText(value).trim();
      const text = full.length > MAX_RULE_TEXT ? full.slice(0, MAX_RULE_TEXT) : full;
      this.fields[def.key] = { def, col: layout.columns[def.key], value, full, text, blank: !error && isBlank(value), error };
    }
  }

  f(key: string): Field {
    return this.fields[key];
  }

  /** Adds an issue on a field's cell (or, when the column is absent, on `fallbackKey`'s). */
  add(id: RuleId, key: string, detail = '', value?: string, fallbackKey?: string): void {
    const rule = RULE_BY_ID.get(id)!;
    let field = this.f(key);
    if (field.col === undefined && fallbackKey) field = this.f(fallbackKey);
    const col = field.col ?? this.layout.tableLeft;
    const column = columnTitle(field.def);
    const cell = cellAddress(this.raw.row, col);
    const body = rule.message({ column, value: quote(value ?? field.text), detail });
    this.issues.push({
      sheet: this.layout.sheet,
      row: this.raw.row,
      cell,
      column,
      rule: id,
      severity: rule.severity,
      message: `${cell}「${column}」：${body}`,
    });
  }

  has(severity: Severity): boolean {
    return this.issues.some((i) => i.severity === severity);
  }
}

function columnTitle(def: ColumnDef): string {
  return def.group ? `${def.group}/${def.header}` : def.header;
}

function checkGeneric(rc: RecordChecker): { dates: Record<string, IsoDate | null>; persons: Record<string, PersonsParse> } {
  const dates: Record<string, IsoDate | null> = {};
  const persons: Record<string, PersonsParse> = {};
  for (const key of Object.keys(rc.fields)) {
    const fld = rc.f(key);
    const { def } = fld;
    if (fld.col === undefined) continue;
    if (fld.error) {
      rc.add('cell-error', key, (fld.value as { error: string }).error, (fld.value as { error: string }).error);
      continue;
    }
    if (def.required && fld.blank) rc.add('required', key);
    if (typeof fld.value === 'string' && def.type !== 'seq') {
      checkPlaceholder(rc, key, fld.value);
      checkWhitespace(rc, key, fld.value, def);
    }
    if (fld.blank) continue;
    if (def.type === 'date') dates[key] = checkDate(rc, key, fld);
    else if (def.type === 'persons') persons[key] = checkPersons(rc, key, fld.text);
    else if (def.type === 'docNo') checkDocNo(rc, key, fld.text);
  }
  return { dates, persons };
}

function checkPlaceholder(rc: RecordChecker, key: string, value: string): void {
  const v = value.length > 5000 ? value.slice(0, 5000) : value;
  for (const re of PLACEHOLDERS) {
    const m = re.exec(v);
    if (m) {
      rc.add('placeholder', key, (m[1] ?? m[0]).replace(/^[^xXＸｘ第\u4e00-\u9fff]/, ''));
      return;
    }
  }
}

function checkWhitespace(rc: RecordChecker, key: string, value: string, def: ColumnDef): void {
  const problems: string[] = [];
  if (/^[\s\u3000]|[\s\u3000]$/.test(value) && value.trim() !== '') problems.push('开头或结尾有空白');
  if (def.type !== 'persons') {
    if (/ {2,}/.test(value)) problems.push('有连续空格');
    if (/\u3000/.test(value.trim())) problems.push('有全角空格');
  }
  if (!def.long && /[\r\n]/.test(value.trim())) problems.push('有换行');
  if (problems.length) rc.add('whitespace', key, problems.join('、'));
}

function checkDate(rc: RecordChecker, key: string, fld: Field): IsoDate | null {
  const p = parseDate(fld.value, rc.opts.date1904);
  if (!p.ok) {
    rc.add('date-invalid', key, p.reason);
    return null;
  }
  if (p.twoDigitYear) rc.add('date-two-digit-year', key, `${p.date.slice(0, 4)}年`);
  const shown = quote(typeof fld.value === 'string' ? fld.text : formatChineseDate(p.date));
  if (p.date > rc.opts.today) rc.add('date-future', key, `今天是${formatChineseDate(rc.opts.today)}`, unquote(shown));
  else if (p.date < '2015-01-01') rc.add('date-too-old', key, '', unquote(shown));
  return p.date;
}

function unquote(s: string): string {
  return s.slice(1, -1);
}

function checkPersons(rc: RecordChecker, key: string, text: string): PersonsParse {
  const p = parsePersons(text);
  if (p.runTogether.length) rc.add('persons-unseparated', key, p.runTogether[0] === text.trim() ? '' : p.runTogether[0]);
  else if (p.count < 2) rc.add('persons-min-two', key, p.count === 0 ? '没有写出姓名' : '只有一人');
  return p;
}

function docYear(text: string): { year: number; open: string; close: string } | null {
  const m = DOC_YEAR.exec(text);
  return m ? { year: Number(m[2]), open: m[1], close: m[3] } : null;
}

function checkDocNo(rc: RecordChecker, key: string, text: string): void {
  const t = toHalfWidth(text);
  const y = docYear(text);
  const hasYear = !!y || ANY_YEAR.test(t);
  const hasSeq = DOC_SEQ.test(t);
  if (!hasYear || !hasSeq) {
    rc.add('doc-no-format', key, !hasYear && !hasSeq ? '缺少年份和顺序号' : !hasYear ? '缺少年份' : '缺少顺序号（…号）');
  }
  if (y && (y.open !== '〔' || y.close !== '〕')) rc.add('doc-no-brackets', key, `${y.open}${y.close}`);
}

/** Splits text into clauses at Chinese and ASCII punctuation. */
function clauses(text: string): string[] {
  return text.split(/[，,；;。\n]+/).filter((c) => c.trim() !== '');
}

function checkPenalty(rc: RecordChecker, dates: Record<string, IsoDate | null>): void {
  const outcome = rc.f('outcome');
  let money = 0;
  let moneyText = '';
  if (!outcome.blank && !outcome.error) {
    const t = toHalfWidth(outcome.text);
    const none = law.NO_PENALTY.test(t);
    const detention = law.DETENTION.test(t);
    if (detention) rc.add('penalty-detention', 'outcome');
    const named = law.PENALTY_TYPES.some((p) => t.includes(p)) || law.LICENCE_PENALTY.test(t);
    if (!none && !detention && !named) rc.add('penalty-type-unknown', 'outcome');
    if (!none) {
      const parts = clauses(t);
      parts.forEach((part, i) => {
        // The amount follows the penalty in its clause, or opens the next one (`处以罚款，计5000元`).
        const next = parts[i + 1] ?? '';
        const carry = /罚款|没收/.test(next) ? '' : next;
        for (const m of part.matchAll(law.MONEY_PENALTY)) {
          if (!findAmounts(part.slice(m.index ?? 0) + carry).length) rc.add('fine-amount-missing', 'outcome', m[0]);
        }
      });
      if (/罚款|没收违法所得/.test(t)) {
        for (const a of findAmounts(t)) {
          money += a.yuan;
          moneyText = moneyText ? moneyText : a.text;
        }
      }
    }
  }
  const receipt = rc.f('receiptNo');
  if (money > 0 && (receipt.blank || receipt.col === undefined)) rc.add('receipt-missing', 'receiptNo', moneyText, undefined, 'outcome');
  if (money === 0 && !receipt.blank && !receipt.error && receipt.col !== undefined && !outcome.blank) rc.add('receipt-unexpected', 'receiptNo');

  const basis = rc.f('basis');
  if (!basis.blank && !basis.error) {
    const t = toHalfWidth(basis.text);
    if (!law.ARTICLE.test(t)) rc.add('basis-no-article', 'basis');
    if (!law.LAW_NAME.test(t)) rc.add('basis-no-law', 'basis');
  }
  const cause = rc.f('cause');
  if (!cause.blank && !cause.error && !/案$/.test(compact(cause.text))) rc.add('cause-format', 'cause');

  const y = docYear(rc.f('decisionNo').text);
  const closed = dates.closedOn;
  if (y && closed && y.year > Number(closed.slice(0, 4))) {
    rc.add('doc-no-year-after-close', 'decisionNo', `（${y.year}年）晚于结案时间的年份（${closed.slice(0, 4)}年）`);
  }
}

interface Deadline {
  date: IsoDate;
  label: string;
  written: boolean;
}

/** The rectification deadline written in 整改措施, else 30 days after the inspection. */
export function rectifyDeadline(measures: string, inspectedOn: IsoDate): Deadline {
  const t = toHalfWidth(measures);
  const explicit = /((?:19|20)\d{2}年\d{1,2}月\d{1,2}[日号])(?:之?前|以前)/.exec(t);
  if (explicit) {
    const p = parseDate(explicit[1]);
    if (p.ok) return { date: p.date, label: `（${formatChineseDate(p.date)}前）`, written: true };
  }
  const num = '([0-9]{1,4}|[一二两三四五六七八九十百]{1,6})';
  const work = new RegExp(`${num}\\s*个?\\s*工作日`).exec(t);
  if (work) {
    const n = parseAnyInt(work[1]) ?? 0;
    const r = addWorkdays(inspectedOn, n);
    return { date: r.date, label: `（检查后${n}个工作日，至${formatChineseDate(r.date)}${unknownYearsNote(r.unknownYears)}）`, written: true };
  }
  const cal = new RegExp(`${num}\\s*个?\\s*(?:自然)?(?:日|天)(?:内|之内|以内)`).exec(t);
  if (cal) {
    const n = parseAnyInt(cal[1]) ?? 0;
    const d = addDays(inspectedOn, n);
    return { date: d, label: `（检查后${n}日，至${formatChineseDate(d)}）`, written: true };
  }
  const d = addDays(inspectedOn, law.DEFAULT_RECHECK_DAYS);
  return { date: d, label: `（未写明期限，按检查后${law.DEFAULT_RECHECK_DAYS}日计，至${formatChineseDate(d)}）`, written: false };
}

function readHazardCount(rc: RecordChecker): number | null {
  const fld = rc.f('hazardCount');
  if (fld.blank || fld.error || fld.col === undefined) return null;
  const p = parseCount(fld.value);
  if (!p.ok) {
    rc.add('hazard-count-invalid', 'hazardCount', p.reason);
    return null;
  }
  if (p.normalized) rc.add('hazard-count-normalize', 'hazardCount', String(p.value));
  return p.value;
}

function checkInspection(rc: RecordChecker, dates: Record<string, IsoDate | null>): { pending: boolean; deciding: IsoDate | null } {
  const count = readHazardCount(rc);
  const recheck = rc.f('recheckOn');
  const inspected = dates.inspectedOn ?? null;
  const recheckOn = dates.recheckOn ?? null;
  let done = parseMark(rc.f('rectifyDone').value);
  let open = parseMark(rc.f('rectifyOpen').value);
  for (const key of ['rectifyDone', 'rectifyOpen'] as const) {
    const m = key === 'rectifyDone' ? done : open;
    if (m.marked && m.nonStandard && !rc.f(key).error) {
      rc.add('mark-normalize', key, m.unknown ? '不是标准标记，已按“已标记”读取' : '已按“√”读取');
    }
  }
  const result = rc.f('rectifyResult');
  if (result.col !== undefined && !result.blank && rc.f('rectifyDone').col === undefined) {
    const t = compact(result.text);
    open = { marked: /未/.test(t), nonStandard: false, unknown: false };
    done = { marked: !open.marked && /完成|已整改|√/.test(t), nonStandard: false, unknown: false };
  }

  if (rc.f('docNo').blank && rc.f('docNo').col !== undefined) rc.add('doc-no-missing', 'docNo');
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
    note('hazards', '隐患内容', !hz.blank && !NONE_WORDS.test(compact(hz.text)));
    note('measures', '整改措施', !rc.f('measures').blank && !NONE_WORDS.test(compact(rc.f('measures').text)));
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

  const deadline = inspected ? rectifyDeadline(rc.f('measures').text, inspected) : null;
  if (recheck.blank) {
    if (deadline && rc.opts.today > deadline.date) rc.add('recheck-overdue', 'recheckOn', deadline.label, '', 'hazardCount');
    return { pending: true, deciding: null };
  }
  if (rc.f('rechecker').blank) rc.add('required', 'rechecker', '已复检，「复检人」不能为空', undefined, 'recheckOn');
  if (done.marked && open.marked) rc.add('rectify-both-marked', 'rectifyOpen', '', undefined, 'rectifyResult');
  else if (!done.marked && !open.marked) rc.add('rectify-unmarked', 'rectifyDone', '', undefined, rc.f('rectifyResult').col !== undefined ? 'rectifyResult' : 'recheckOn');
  else if (open.marked) rc.add('rectify-open', 'rectifyOpen', '', undefined, 'rectifyResult');
  if (recheckOn && inspected) {
    if (recheckOn < inspected) rc.add('recheck-before-inspection', 'recheckOn', `检查时间为${formatChineseDate(inspected)}`);
    else if (deadline && deadline.written && recheckOn > deadline.date) rc.add('recheck-after-deadline', 'recheckOn', deadline.label);
  }
  return { pending: false, deciding: recheckOn };
}

function checkCoercion(rc: RecordChecker, dates: Record<string, IsoDate | null>): { pending: boolean; deciding: IsoDate | null } {
  const cat = rc.f('category');
  const measure = rc.f('measure');
  const category = cat.blank || cat.error ? null : law.COERCION_CATEGORIES[compact(cat.text)] ?? null;
  if (!cat.blank && !cat.error && !category) rc.add('coercion-category-invalid', 'category');
  const mtext = compact(measure.text);
  const forbidden = law.NOT_PERMITTED.find((n) => n.pattern.test(mtext) || n.pattern.test(compact(cat.text)));
  if (forbidden) rc.add('coercion-not-permitted', law.NOT_PERMITTED.some((n) => n.pattern.test(mtext)) ? 'measure' : 'category', `${forbidden.label}${forbidden.article}`);
  if (category && !measure.blank && !measure.error && !forbidden) {
    const isMeasure = law.COERCIVE_MEASURES.test(mtext);
    const isEnforcement = law.ENFORCEMENT_MEANS.test(mtext);
    if (category === 'measure' && !isMeasure) {
      rc.add('coercion-measure-invalid', 'measure', isEnforcement
        ? '属于行政强制执行的方式，与强制类别“行政强制措施”不符。请核对强制类别或强制方式。'
        : '不是法定的行政强制措施种类。行政强制措施为：查封场所、设施或者财物，扣押财物，以及法律、行政法规规定的其他行政强制措施（《中华人民共和国行政强制法》第九条）。请按法定名称填写，如“扣押财物”。');
    } else if (category === 'enforcement' && !isEnforcement) {
      rc.add('coercion-measure-invalid', 'measure', isMeasure
        ? '属于行政强制措施的种类，与强制类别“行政强制执行”不符。请核对强制类别或强制方式。'
        : '不是法定的行政强制执行方式。行政强制执行方式为：加处罚款或者滞纳金，划拨存款、汇款，拍卖或者依法处理查封、扣押的场所、设施或者财物，排除妨碍、恢复原状，代履行（《中华人民共和国行政强制法》第十二条）。请按法定名称填写。');
    }
  }
  const started = dates.startedOn ?? null;
  const closed = dates.closedOn ?? null;
  const closedField = rc.f('closedOn');
  if (!closedField.blank && rc.f('result').blank) rc.add('required', 'result', '已结案，「处理结果」不能为空', undefined, 'closedOn');
  if (started && closed && closed < started) rc.add('coercion-close-before-start', 'closedOn', `实施时间为${formatChineseDate(started)}`);
  if (started && law.SEIZURE.test(mtext)) {
    const remarks = compact(rc.f('remarks').text) + compact(rc.f('term').text);
    const limit = law.EXTENDED.test(remarks) ? law.SEIZURE_DAYS_EXTENDED : law.SEIZURE_DAYS;
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

function typedRecord(rc: RecordChecker, dates: Record<string, IsoDate | null>, persons: Record<string, PersonsParse>, count: number | null): TypedRecord {
  const out: TypedRecord = {};
  for (const key of Object.keys(rc.fields)) {
    const fld = rc.f(key);
    switch (fld.def.type) {
      case 'date':
        out[key] = dates[key] ?? null;
        break;
      case 'persons':
        out[key] = persons[key]?.names ?? [];
        break;
      case 'count':
        out[key] = count;
        break;
      case 'mark':
        out[key] = parseMark(fld.value).marked;
        break;
      default:
        out[key] = fld.blank || fld.error ? null : fld.full;
    }
  }
  return out;
}

function displayOf(rc: RecordChecker, fields: TypedRecord): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of Object.keys(rc.fields)) {
    const fld = rc.f(key);
    const v = fields[key];
    if (fld.def.type === 'date' && typeof v === 'string') out[key] = formatChineseDate(v);
    else if (fld.def.type === 'mark') out[key] = v ? '√' : '';
    else if (fld.def.type === 'count' && typeof v === 'number') out[key] = String(v);
    else out[key] = fld.full;
  }
  return out;
}

/** Checks one record on its own (every rule but the cross-row `duplicate-doc-no`). */
export function checkRecord(layout: LedgerLayout, raw: RawRecord, opts: CheckOptions): RecordResult {
  const rc = new RecordChecker(layout, raw, opts);
  const { dates, persons } = checkGeneric(rc);
  let pending = false;
  let deciding: IsoDate | null = null;
  let count: number | null = null;
  if (layout.kind === 'penalty') {
    checkPenalty(rc, dates);
    deciding = dates.closedOn ?? null;
  } else if (layout.kind === 'inspection') {
    const r = checkInspection(rc, dates);
    pending = r.pending;
    deciding = r.deciding;
    const c = parseCount(rc.f('hazardCount').value);
    count = c.ok ? c.value : null;
  } else {
    const r = checkCoercion(rc, dates);
    pending = r.pending;
    deciding = r.deciding;
  }
  const fields = typedRecord(rc, dates, persons, count);
  const issues = rc.issues.sort((a, b) => columnOrder(a.cell) - columnOrder(b.cell));
  return finalize({
    sheet: layout.sheet,
    row: raw.row,
    kind: layout.kind,
    status: 'ok',
    reportMonth: null,
    decidingDate: pending ? null : deciding,
    pending,
    fields,
    display: displayOf(rc, fields),
    issues,
  });
}

function columnOrder(cell: string): number {
  const letters = /^[A-Z]+/.exec(cell)?.[0] ?? '';
  let n = 0;
  for (const ch of letters) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

function finalize(r: RecordResult): RecordResult {
  const invalid = r.issues.some((i) => i.severity === 'error');
  r.status = invalid ? 'invalid' : r.pending ? 'pending' : 'ok';
  r.reportMonth = r.pending || !r.decidingDate ? null : monthOf(r.decidingDate);
  return r;
}

/** Normalised document number for duplicate detection. */
export function docNoKey(text: string): string {
  return compact(text).replace(/[[【(（〔]/g, '〔').replace(/[\]】)）〕]/g, '〕');
}

/** Adds `duplicate-doc-no` across the rows of one ledger; returns new results (inputs are not changed). */
export function applyCrossRowRules(layout: LedgerLayout, records: RecordResult[]): RecordResult[] {
  const key = layout.kind === 'inspection' ? 'docNo' : 'decisionNo';
  const col = layout.columns[key];
  if (col === undefined) return records;
  const def = columnDef(layout.kind, key)!;
  const rule = RULE_BY_ID.get('duplicate-doc-no')!;
  const seen = new Map<string, number>();
  return records.map((r) => {
    const text = r.display[key] ?? '';
    if (!text) return r;
    const k = docNoKey(text);
    const first = seen.get(k);
    if (first === undefined) {
      seen.set(k, r.row);
      return r;
    }
    const cell = cellAddress(r.row, col);
    const issue: Issue = {
      sheet: r.sheet,
      row: r.row,
      cell,
      column: def.header,
      rule: 'duplicate-doc-no',
      severity: rule.severity,
      message: `${cell}「${def.header}」：${rule.message({ column: def.header, value: quote(text), detail: String(first) })}`,
    };
    const issues = [...r.issues, issue].sort((a, b) => columnOrder(a.cell) - columnOrder(b.cell));
    return finalize({ ...r, issues });
  });
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

/** Checks every record of a detected ledger. */
export function checkLedger(grid: SheetGrid, layout: LedgerLayout, opts: CheckOptions): LedgerResult {
  const idx = new MergeIndex(grid);
  const own = readRecords(grid, layout, idx).map((raw) => checkRecord(layout, raw, opts));
  return { layout, records: applyCrossRowRules(layout, own), sheetIssues: sheetIssues(layout) };
}

/** Re-reads and checks a single row (for live checking); null when the row is no record. */
export function checkGridRow(grid: SheetGrid, layout: LedgerLayout, row: number, opts: CheckOptions, idx = new MergeIndex(grid)): RecordResult | null {
  if (row < layout.firstDataRow || row > layout.lastDataRow) return null;
  const raw = readRow(layout, idx, row);
  return raw ? checkRecord(layout, raw, opts) : null;
}

/** Finds and checks every ledger in a workbook. */
export function checkWorkbook(grids: SheetGrid[], opts: CheckOptions): WorkbookCheck {
  const ledgers: LedgerResult[] = [];
  for (const grid of grids) {
    const layout = detectLedger(grid);
    if (layout) ledgers.push(checkLedger(grid, layout, opts));
  }
  return { today: opts.today, ledgers };
}

/** All issues of a checked ledger in row order. */
export function ledgerIssues(l: LedgerResult): Issue[] {
  return [...l.sheetIssues, ...l.records.flatMap((r) => r.issues)];
}
