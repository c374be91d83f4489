import { CellValue, isCellError, isValidDate } from './cell';
import { CN_NUMERAL_CHARS, parseAnyInt, quote } from './text';

/** A calendar date as `YYYY-MM-DD` (no time zone). */
export type IsoDate = string;

const DAY_MS = 86_400_000;
const EXCEL_EPOCH_1900 = Date.UTC(1899, 11, 30);
/** Days between the 1900 and 1904 date systems. */
const DATE1904_OFFSET = 1462;
export const MIN_SERIAL = 36526; // 2000-01-01
export const MAX_SERIAL = 73050; // 2099-12-31

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

export function isoFromParts(y: number, m: number, d: number): IsoDate {
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

/** Today's date in the local time zone. */
export function localToday(now = new Date()): IsoDate {
  return isoFromParts(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

export function partsOf(iso: IsoDate): [number, number, number] {
  return [Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10))];
}

function toUtc(iso: IsoDate): number {
  const [y, m, d] = partsOf(iso);
  return Date.UTC(y, m - 1, d);
}

function fromUtc(ms: number): IsoDate {
  const dt = new Date(ms);
  return isoFromParts(dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate());
}

export function addDays(iso: IsoDate, n: number): IsoDate {
  return fromUtc(toUtc(iso) + n * DAY_MS);
}

/** Whole days from `a` to `b` (positive when b is later). */
export function diffDays(a: IsoDate, b: IsoDate): number {
  return Math.round((toUtc(b) - toUtc(a)) / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(iso: IsoDate): number {
  return new Date(toUtc(iso)).getUTCDay();
}

export function monthOf(iso: IsoDate): string {
  return iso.slice(0, 7);
}

export function isRealDate(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  if (m < 1 || m > 12 || d < 1 || d > 31) return false;
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** `2023年10月9日` as in the official ledgers. */
export function formatChineseDate(iso: IsoDate): string {
  const [y, m, d] = partsOf(iso);
  return `${y}年${m}月${d}日`;
}

export function serialFromIso(iso: IsoDate, date1904 = false): number {
  return (toUtc(iso) - EXCEL_EPOCH_1900) / DAY_MS - (date1904 ? DATE1904_OFFSET : 0);
}

export function isoFromSerial(serial: number, date1904 = false): IsoDate {
  return fromUtc(EXCEL_EPOCH_1900 + (Math.floor(serial) + (date1904 ? DATE1904_OFFSET : 0)) * DAY_MS);
}

/** The first day of the month after `YYYY-MM`. */
export function nextMonthStart(month: string): IsoDate {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? isoFromParts(y + 1, 1, 1) : isoFromParts(y, m + 1, 1);
}

export function lastDayOfMonth(month: string): IsoDate {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return isoFromParts(y, m, daysInMonth(y, m));
}

export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return !!m && isRealDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

export type DateParse =
  /** `remark`: a note written after the date (`2023年11月8日（已缴纳罚款）`), read past. */
  | { ok: true; date: IsoDate; twoDigitYear: boolean; remark?: string }
  | { ok: false; reason: string; placeholder: boolean };

export const DATE_EXAMPLE = '2023年10月9日';

const fail = (reason: string, placeholder = false): DateParse => ({ ok: false, reason, placeholder });

const N = `[0-9${CN_NUMERAL_CHARS}]`;
const CN_DATE = new RegExp(`^(${N}{2}|${N}{4})年(${N}{1,3})月(${N}{1,3})[日号]?`);
const SEP_DATE = /^(\d{4}|\d{2})([-/.])(\d{1,2})\2(\d{1,2})(?!\d)/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})(?!\d)/;
// What may follow a date: a time of day, 上午/下午, an ISO time.
const TIME_TAIL = /^(?:T|[上下中]午|早上|晚上|凌晨)?[\d:：时点分秒.]*(?:[上下中]午)?(?:Z|[+-]\d{2}:?\d{2})?$/;
/** A weekday in brackets, or a full stop, after the date (`2023年10月12日（星期四）`). */
const WEEKDAY_TAIL = /^(?:[(（](?:星期|周|礼拜)[一二三四五六日天][)）])?[。.，,；;]?$/;
const RANGE_SEP = /^[-~～至到—–]+/;
/** A note after the date, in brackets or after a comma: `（已缴纳罚款）`, `，当事人已履行`. */
const REMARK_TAIL = /^(?:[(（【[]([^()（）【】[\]]{1,40})[)）】\]]|[，,；;：:]?([^()（）【】[\]]{1,40}?))[。.]?$/;
/** Notes that make the date no fact (`前`, `左右`, `预计`, `至今`) or another date. */
const UNSURE_REMARK = /^(?:前|后|以前|之前|以后|之后|左右|上下|起|止|至|到|或|及|和|、)|预计|预定|拟|暂定|待定|计划|大约|约为|估计|截止|到期|期限|之间|改期|推迟|\d{1,4}\s?[年月日号点时:：.\/-]|[年月]\d|[一二三四五六七八九十]月/;
const HAN_CHAR = /[\u3400-\u9fff]/;
const PLACEHOLDER = /[xX×]/;

function fromParts(ys: string, ms: string, ds: string, text: string): DateParse {
  const y0 = parseAnyInt(ys);
  const m = parseAnyInt(ms);
  const d = parseAnyInt(ds);
  if (y0 === null || m === null || d === null) return fail(`${quote(text)}无法识别为日期`);
  const twoDigitYear = ys.length === 2;
  const y = twoDigitYear ? 2000 + y0 : y0;
  if (y < 1900 || y > 2099) return fail(`${quote(text)}的年份${y}不合理`);
  if (m < 1 || m > 12) return fail(`${quote(text)}中没有${m}月`);
  if (!isRealDate(y, m, d)) return fail(`${quote(text)}不存在（${y}年${m}月只有${daysInMonth(y, m)}天）`);
  return { ok: true, date: isoFromParts(y, m, d), twoDigitYear };
}

/** Longest text (without spaces) a date with its time of day or a range can take. */
const MAX_DATE_TEXT = 80;

function isSpace(c: number): boolean {
  return c <= 32 || c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200b) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0xfeff;
}

/**
 * The text without spaces, half-width; a space between two digits becomes `T` (a date and its
 * time). Text longer than any date gets a trailing `…` so that it is never read as one: the
 * answer depends on what is written, not on how much padding sits between its parts.
 */
function squeeze(raw: string): string {
  let out = '';
  let gap = false;
  for (let i = 0; i < raw.length; i++) {
    let c = raw.charCodeAt(i);
    if (isSpace(c)) {
      gap = out !== '';
      continue;
    }
    if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0;
    if (gap && c >= 48 && c <= 57) {
      const p = out.charCodeAt(out.length - 1);
      if (p >= 48 && p <= 57) out += 'T';
    }
    gap = false;
    if (out.length >= MAX_DATE_TEXT) return out + '…';
    out += String.fromCharCode(c);
  }
  return out;
}

/** Reads a date from text; never throws. */
export function parseDateText(raw: string): DateParse {
  const text = raw.length > 200 ? raw.slice(0, 200) : raw;
  const t = squeeze(raw);
  if (!t) return fail('日期为空');
  if (PLACEHOLDER.test(t) && /[年月日]|^[xX×]+$/.test(t)) return fail(`${quote(text)}是模板占位符，不是实际日期`, true);
  const m = CN_DATE.exec(t) ?? null;
  const s = m ? null : SEP_DATE.exec(t);
  const c = m || s ? null : COMPACT.exec(t);
  const hit = m ?? s ?? c;
  if (hit) {
    const rest = t.slice(hit[0].length);
    if (RANGE_SEP.test(rest) && /\d|[一二三四五六七八九十]/.test(rest)) return fail(`${quote(text)}是一个日期范围，只能填写一个日期`);
    let remark: string | undefined;
    if (rest && !TIME_TAIL.test(rest) && !WEEKDAY_TAIL.test(rest)) {
      const r = REMARK_TAIL.exec(rest);
      const note = r ? (r[1] ?? r[2] ?? '') : '';
      if (!note || !HAN_CHAR.test(note) || UNSURE_REMARK.test(note)) return fail(`${quote(text)}无法识别为日期`);
      remark = note;
    }
    const p = m ? fromParts(m[1], m[2], m[3], text) : s ? fromParts(s[1], s[3], s[4], text) : fromParts(c![1], c![2], c![3], text);
    return remark && p.ok ? { ...p, remark } : p;
  }
  if (new RegExp(`^${N}{1,2}月${N}{1,3}[日号]?[-~～至到—–]`).test(t)) return fail(`${quote(text)}是一个日期范围，只能填写一个日期`);
  if (new RegExp(`^(${N}{2}|${N}{4})年${N}{1,2}月?$`).test(t) || /^\d{4}[-/.]\d{1,2}$/.test(t)) {
    return fail(`${quote(text)}只写到月份，缺少日`);
  }
  if (new RegExp(`^${N}{1,2}月${N}{1,3}[日号]?$`).test(t) || /^\d{1,2}[-/.]\d{1,2}$/.test(t)) {
    return fail(`${quote(text)}缺少年份`);
  }
  return fail(`${quote(text)}无法识别为日期`);
}

/** Reads a date from any cell value; never throws. */
export function parseDate(v: CellValue, date1904 = false): DateParse {
  try {
    if (v === null || v === undefined) return fail('日期为空');
    if (typeof v === 'string') return parseDateText(v);
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) return fail('不是有效的数字日期');
      if (Number.isInteger(v) && v >= 19000101 && v <= 20991231) return parseDateText(String(v));
      const serial = Math.floor(v) + (date1904 ? DATE1904_OFFSET : 0);
      if (serial < MIN_SERIAL || serial > MAX_SERIAL) {
        return fail(`数字${v}作为Excel日期超出2000年至2099年的范围`);
      }
      return { ok: true, date: isoFromSerial(serial), twoDigitYear: false };
    }
    if (v instanceof Date) {
      // A cell's date-time arrives as a Date whose UTC fields are the wall-clock value written
      // in the cell (exceljs's convention): read the UTC fields, never the local ones, so that
      // `2024/1/31 16:00` is 31 January in every time zone.
      if (!isValidDate(v)) return fail('不是有效日期');
      const y = v.getUTCFullYear();
      if (y < 1900 || y > 2099) return fail(`年份${y}不合理`);
      return { ok: true, date: isoFromParts(y, v.getUTCMonth() + 1, v.getUTCDate()), twoDigitYear: false };
    }
    if (typeof v === 'boolean') return fail(`${v ? 'TRUE' : 'FALSE'}不是日期`);
    if (isCellError(v)) return fail(v.formula !== undefined ? '单元格是公式，文件里没有保存它的计算结果' : `单元格是错误值${v.error}`);
    return fail('无法识别为日期');
  } catch {
    return fail('无法识别为日期');
  }
}

/** A time of day written after a date: `22:30`, `22时30分`, `晚上10点`, `凌晨2时`. */
const TIME_OF_DAY = /^T?(上午|下午|中午|早上|早晨|傍晚|晚上|夜间|夜里|深夜|凌晨)?([0-9]{1,2}|[零〇一二两三四五六七八九十]{1,3})[:：时点](?:([0-9]{1,2}|[零〇一二三四五六七八九十]{1,3})分?)?/;
const AFTERNOON = /下午|傍晚|晚上|夜间|夜里|深夜/;

/**
 * The time of day a cell gives with its date, in minutes after midnight; null when it gives
 * none. A date at exactly 00:00 counts as none (a date cell without a time reads so). Never throws.
 */
export function parseTimeOfDay(v: CellValue): number | null {
  try {
    let minutes: number | null = null;
    if (v instanceof Date) {
      if (isValidDate(v)) minutes = v.getUTCHours() * 60 + v.getUTCMinutes();
    } else if (typeof v === 'number') {
      if (Number.isFinite(v) && v > 0 && v < 1e7) minutes = Math.round((v - Math.floor(v)) * 1440) % 1440;
    } else if (typeof v === 'string') {
      const t = squeeze(v.length > 200 ? v.slice(0, 200) : v);
      const hit = CN_DATE.exec(t) ?? SEP_DATE.exec(t) ?? COMPACT.exec(t);
      const m = hit ? TIME_OF_DAY.exec(t.slice(hit[0].length)) : null;
      if (m) {
        let h = parseAnyInt(m[2]);
        const min = m[3] ? parseAnyInt(m[3]) : 0;
        if (h !== null && m[1] && AFTERNOON.test(m[1]) && h < 12) h += 12;
        if (h !== null && m[1] === '凌晨' && h === 12) h = 0;
        if (h !== null && min !== null && h <= 24 && min < 60) minutes = (h % 24) * 60 + min;
      }
    }
    return minutes ? minutes : null;
  } catch {
    return null;
  }
}
