/*
 * Periods as the Civil Code counts them (《民法典》第二百零一条至第二百零三条): the day a period
 * starts is not counted; a period in months or years ends on the corresponding day of the last
 * month (its last day when there is none); a last day that is a 法定休假日 — a public holiday, or a
 * weekend day that is no 调休 working day — moves to the next working day. Working-day periods
 * count working days of the official calendar (see workdays.ts).
 */
import { IsoDate, addDays, daysInMonth, isoFromParts, parseDateText, partsOf, weekday } from './dates';
import { parseAnyInt, toHalfWidth } from './text';
import { addWorkdays, hasSchedule, isWorkday } from './workdays';

export type PeriodUnit = 'workday' | 'day' | 'week' | 'month' | 'year';

export interface PeriodEnd {
  /** The period's last day. */
  date: IsoDate;
  /** The last day before a holiday moved it (equal to `date` when it did not). */
  nominal: IsoDate;
  /** Years crossed whose holiday schedule is unknown (counted Mon–Fri). */
  unknownYears: number[];
}

function addMonths(start: IsoDate, months: number): IsoDate {
  const [y, m, d] = partsOf(start);
  const total = y * 12 + (m - 1) + months;
  const ty = Math.floor(total / 12);
  const tm = (total % 12) + 1;
  return isoFromParts(ty, tm, Math.min(d, daysInMonth(ty, tm)));
}

/** The last day of a period of `n` units starting on `start` (which is not counted). */
export function periodEnd(start: IsoDate, n: number, unit: PeriodUnit): PeriodEnd {
  const count = Math.max(0, Math.min(3660, Math.trunc(n)));
  if (unit === 'workday') {
    const r = addWorkdays(start, count);
    return { date: r.date, nominal: r.date, unknownYears: r.unknownYears };
  }
  const nominal =
    unit === 'day' ? addDays(start, count) : unit === 'week' ? addDays(start, 7 * count) : addMonths(start, unit === 'month' ? count : 12 * count);
  // In a year without a known arrangement a weekday may still be a holiday: the end is then uncertain too.
  const year = Number(nominal.slice(0, 4));
  if (isWorkday(nominal)) return { date: nominal, nominal, unknownYears: hasSchedule(year) ? [] : [year] };
  const r = addWorkdays(nominal, 0);
  return { date: r.date, nominal, unknownYears: r.unknownYears };
}

/** A deadline written in text: a period (`5个工作日内`, `30日内`, `一周内`, `一个月内`) or a date (`2023年10月20日前`). */
export type WrittenDeadline = { n: number; unit: PeriodUnit; text: string } | { date: IsoDate; text: string };

const NUM = '([0-9]{1,4}|[一二两三四五六七八九十百]{1,6})';
const WITHIN = '(?:内|之内|以内)';
const PATTERNS: [PeriodUnit, RegExp][] = [
  ['workday', new RegExp(`${NUM}\\s?个?\\s?工作日`, 'g')],
  ['day', new RegExp(`${NUM}\\s?个?\\s?(?:自然)?(?:日|天)${WITHIN}|限期?\\s?${NUM}\\s?个?\\s?(?:自然)?(?:日|天)`, 'g')],
  ['week', new RegExp(`${NUM}\\s?个?\\s?(?:周|星期|礼拜)${WITHIN}|限期?\\s?${NUM}\\s?个?\\s?(?:周|星期|礼拜)`, 'g')],
  ['month', new RegExp(`${NUM}\\s?个\\s?月${WITHIN}|限期?\\s?${NUM}\\s?个\\s?月`, 'g')],
  ['year', new RegExp(`${NUM}\\s?年${WITHIN}`, 'g')],
];
/** `2023年10月20日前`, `10月20日之前` (the year of `start`, or the next one when that is earlier). */
const EXPLICIT = /(?:((?:19|20)\d{2})\s?年)?\s?(\d{1,2})\s?月\s?(\d{1,2})\s?[日号]?\s?(?:之?前|以前)/g;

/** Every deadline written in a text (整改措施), in no particular order. Never throws. */
export function findDeadlines(raw: string, start: IsoDate): WrittenDeadline[] {
  let text = toHalfWidth(raw.length > 2000 ? raw.slice(0, 2000) : raw);
  const out: WrittenDeadline[] = [];
  for (const m of text.matchAll(EXPLICIT)) {
    const y0 = m[1] ? Number(m[1]) : Number(start.slice(0, 4));
    const p = parseDateText(`${y0}年${m[2]}月${m[3]}日`);
    if (!p.ok) continue;
    const date = !m[1] && p.date < start ? addMonths(p.date, 12) : p.date;
    out.push({ date, text: m[0] });
  }
  // Digits of a date are no period.
  if (out.length) text = text.replace(EXPLICIT, (s) => ' '.repeat(s.length));
  for (const [unit, re] of PATTERNS) {
    for (const m of text.matchAll(re)) {
      const n = parseAnyInt(m[1] ?? m[2] ?? '');
      if (n !== null && n > 0 && (unit !== 'year' || n <= 10)) out.push({ n, unit, text: m[0] });
    }
  }
  return out;
}

const RUN_LIMIT = 15;

/**
 * A day off in an official holiday arrangement (法定节假日 and the days off around it): a day that is
 * no working day, in a run of days off that has a Monday–Friday in it. A plain weekend is none; a
 * year without a known schedule has none. Decided by isWorkday alone, so that every schedule
 * workdays.ts knows counts.
 */
export function inHolidayBreak(date: IsoDate): boolean {
  if (isWorkday(date)) return false;
  const offWeekday = (d: IsoDate) => {
    const w = weekday(d);
    return w >= 1 && w <= 5;
  };
  if (offWeekday(date)) return true;
  for (const step of [-1, 1]) {
    let d = date;
    for (let i = 0; i < RUN_LIMIT; i++) {
      d = addDays(d, step);
      if (isWorkday(d)) break;
      if (offWeekday(d)) return true;
    }
  }
  return false;
}
