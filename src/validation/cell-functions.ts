/**
 * Pure logic behind the `TZ.*` custom functions (spec §5.2). Arguments arrive as Excel gives
 * them (date serials in the 1900 system, text, booleans, null for empty); results are plain
 * values or a Chinese message that the wrapper turns into `#VALUE!`.
 */
import { CellValue, cellText, isBlank, isCellError } from '../ledger/cell';
import { parseCount } from '../ledger/count';
import { DATE_EXAMPLE, IsoDate, monthOf, parseDate, serialFromIso } from '../ledger/dates';
import { detectLedger } from '../ledger/detect';
import { quote, toHalfWidth } from '../ledger/text';
import { addWorkdays, isWorkday, scheduleYears } from '../ledger/workdays';
import { checkRowValues } from './row';

export type FnResult<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): FnResult<T> => ({ ok: true, value });
const fail = <T>(message: string): FnResult<T> => ({ ok: false, message });

/** What TZ.REPORT_MONTH returns for a row with hazards and no recheck date. */
export const PENDING_RECHECK = '待复检';
/** What TZ.CHECK_ROW returns for a row without issues. */
export const ROW_OK = '✓';
/** Working days to publish a decision (国办发〔2018〕118号; 交司字〔2023〕65号 §一(一)). */
export const PUBLICITY_DAYS = { penaltyOrLicence: 7, other: 20 } as const;
/** Largest |days| TZ.WORKDAY_CN accepts (about 14 years). */
export const MAX_WORKDAYS = 3660;
/** Excel's limit for text in one cell. */
const MAX_CELL_TEXT = 32767;

/** First and last year whose official holiday schedule is in the data. */
export function holidayDataRange(): { first: number; last: number } {
  const years = scheduleYears();
  return { first: years[0], last: years[years.length - 1] };
}

/** An argument as the core's cell value: Excel errors become CellError, objects text. */
export function toCellValue(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (isCellError(v)) return v;
  const code = typeof v === 'object' ? (v as { code?: unknown }).code : undefined;
  if (typeof code === 'string' && code.startsWith('#')) return { error: code };
  return String(v);
}

type DateArg = { ok: true; date: IsoDate } | { ok: false; message: string } | { blank: true };

/** Reads a date argument; `label` names it in messages. */
function dateArg(label: string, raw: unknown): DateArg {
  const v = toCellValue(raw);
  if (isBlank(v)) return { blank: true };
  const p = parseDate(v);
  if (p.ok) return { ok: true, date: p.date };
  return { ok: false, message: `「${label}」：${p.reason}。请填写一个确切日期，如 ${DATE_EXAMPLE}，或引用日期单元格。` };
}

function requiredDate(label: string, raw: unknown): FnResult<IsoDate> {
  const d = dateArg(label, raw);
  if ('blank' in d) return fail(`「${label}」为空。请填写日期，如 ${DATE_EXAMPLE}，或引用日期单元格。`);
  return d.ok ? ok(d.date) : fail(d.message);
}

/**
 * TZ.REPORT_MONTH: `YYYY-MM` of `date`; with hazards > 0 the month of `recheckDate`, or
 * `待复检` without one. An empty `date` (and no hazards) gives '' so a column can be filled down.
 */
export function reportMonth(date: unknown, hazardCount?: unknown, recheckDate?: unknown): FnResult<string> {
  const countValue = toCellValue(hazardCount);
  let count = 0;
  if (!isBlank(countValue)) {
    const c = parseCount(countValue);
    if (!c.ok) {
      const shown = isCellError(countValue) ? `错误值${countValue.error}` : quote(cellText(countValue));
      return fail(`「发现隐患数」：${shown}不是整数${c.reason}。请填写 0 或正整数，如 0、1、2。`);
    }
    count = c.value;
  }
  const first = dateArg('日期', date);
  if (!('blank' in first) && !first.ok) return fail(first.message);
  if (count > 0) {
    const recheck = dateArg('复检日期', recheckDate);
    if ('blank' in recheck) return ok(PENDING_RECHECK);
    return recheck.ok ? ok(monthOf(recheck.date)) : fail(recheck.message);
  }
  if ('blank' in first) return ok('');
  return ok(monthOf(first.date));
}

function daysArg(raw: unknown): FnResult<number> {
  const v = toCellValue(raw);
  let n = NaN;
  if (typeof v === 'number') n = v;
  else if (typeof v === 'string' && /^\s*[-+]?\d+(\.\d+)?\s*$/.test(toHalfWidth(v))) n = Number(toHalfWidth(v));
  if (isBlank(v)) return fail('「天数」为空。请填写工作日天数，如 7。');
  if (!Number.isFinite(n)) return fail(`「天数」：${quote(cellText(v))}不是数字。请填写工作日天数，如 7。`);
  const days = Math.trunc(n);
  if (Math.abs(days) > MAX_WORKDAYS) return fail(`「天数」：${days}超出范围。请填写 -${MAX_WORKDAYS} 到 ${MAX_WORKDAYS} 之间的整数。`);
  return ok(days);
}

/**
 * TZ.WORKDAY_CN: the date `days` Chinese working days after `start` (before, when negative),
 * as an Excel serial. The start day itself is not counted; with 0, `start` if it is a working
 * day, else the next one. Years without a schedule count Mon–Fri.
 */
export function workdayCn(start: unknown, days: unknown): FnResult<number> {
  const s = requiredDate('开始日期', start);
  if (!s.ok) return s;
  const n = daysArg(days);
  if (!n.ok) return n;
  return ok(serialFromIso(addWorkdays(s.value, n.value).date));
}

/** TZ.IS_WORKDAY_CN: a Chinese working day (holidays off, 调休 make-up weekend days on). */
export function isWorkdayCn(date: unknown): FnResult<boolean> {
  const d = requiredDate('日期', date);
  return d.ok ? ok(isWorkday(d.value)) : d;
}

const SHORT_KINDS = /处罚|许可|penalty|licen[cs]e|permit/i;
const LONG_KINDS = /检查|强制|征收|征用|给付|确认|裁决|奖励|备案|其他|其它|inspection|coercion|other/i;

/** Working days for a decision kind: 7 for 处罚/许可 (also when empty), 20 for others. */
export function publicityDays(kind: unknown): FnResult<number> {
  const v = toCellValue(kind);
  if (isBlank(v)) return ok(PUBLICITY_DAYS.penaltyOrLicence);
  const t = cellText(v).trim();
  if (SHORT_KINDS.test(t)) return ok(PUBLICITY_DAYS.penaltyOrLicence);
  if (LONG_KINDS.test(t)) return ok(PUBLICITY_DAYS.other);
  return fail(
    `「类别」：${quote(t)}无法识别。请填写“处罚”或“许可”（${PUBLICITY_DAYS.penaltyOrLicence}个工作日），` +
      `或“检查”“强制”“其他”（${PUBLICITY_DAYS.other}个工作日）；留空按行政处罚计算。`,
  );
}

/**
 * TZ.PUBLICITY_DUE: the last day to publish a decision made on `decisionDate`, as an Excel
 * serial. The decision day is not counted (期间开始的当日不计入, 《民法典》第二百零一条); the
 * period ends on the 7th (or 20th) working day after it.
 */
export function publicityDue(decisionDate: unknown, kind?: unknown): FnResult<number> {
  const d = requiredDate('决定日期', decisionDate);
  if (!d.ok) return d;
  const n = publicityDays(kind);
  if (!n.ok) return n;
  return ok(serialFromIso(addWorkdays(d.value, n.value).date));
}

function asMatrix(v: unknown): unknown[][] {
  if (Array.isArray(v)) return v.map((r) => (Array.isArray(r) ? r : [r]));
  return [[v]];
}

/**
 * TZ.CHECK_ROW: checks one data row against its header row(s) (one, or two for 行政检查;
 * a title row above may be included). `✓` when clean, '' for a row that is no record,
 * else `规则: 说明` joined by `；`.
 */
export function checkRow(row: unknown, headerRow: unknown, today: IsoDate): FnResult<string> {
  const rows = asMatrix(row);
  const headers = asMatrix(headerRow);
  if (rows.length !== 1) return fail(`「行」应为台账中的一行（如 A3:K3），现在选了${rows.length}行。`);
  if (headers.length > 3) return fail(`「表头」最多三行（标题行和一到两行表头，如 A1:O3），现在选了${headers.length}行。`);
  const width = rows[0].length;
  const bad = headers.find((h) => h.length !== width);
  if (bad) {
    return fail(`「行」有${width}列，「表头」有${bad.length}列。请选择同样的列范围，如行 A3:K3 配表头 A2:K2。`);
  }
  const data = rows[0].map(toCellValue);
  const head = headers.map((h) => h.map(toCellValue));
  const r = checkRowValues(head, data, { today });
  if (!r) {
    const layout = detectLedger({ name: '', top: 1, left: 1, rows: [...head, data.map(() => null)], merges: [] });
    if (!layout) {
      return fail('「表头」不是行政处罚、行政检查或行政强制台账的表头。请选择台账的表头行（行政检查台账选两行表头，如 A2:O3），并用 $ 固定，如 $A$2:$O$3。');
    }
    if (layout.firstDataRow !== head.length + 1) {
      return fail('「表头」的行数与台账不符：行政检查台账的表头有两行（“整改结果”下分“已完成”“未完成”），请两行一起选中，如 $A$2:$O$3。');
    }
    return ok('');
  }
  if (!r.issues.length) return ok(ROW_OK);
  // `；` separates issues, so one inside a message becomes `，`.
  const text = r.issues.map((i) => `${i.rule}: ${i.message.replace(/。$/, '').replace(/；/g, '，')}`).join('；');
  return ok(text.length > MAX_CELL_TEXT ? text.slice(0, MAX_CELL_TEXT - 1) + '…' : text);
}
