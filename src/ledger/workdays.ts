import calendar from 'chinese-days/dist/chinese-days.json';
import { IsoDate, addDays, weekday } from './dates';

// The package's data (holidays and 调休 make-up working days) is used directly: its runtime
// helpers build their tables in local time and shift every date in time zones west of UTC.
const HOLIDAYS: Record<string, string> = calendar.holidays;
const MAKEUP_WORKDAYS: Record<string, string> = calendar.workdays;

const YEARS: ReadonlySet<number> = new Set(Object.keys(HOLIDAYS).map((d) => Number(d.slice(0, 4))));

/** Years whose official holiday schedule is known. */
export function scheduleYears(): number[] {
  return [...YEARS].sort((a, b) => a - b);
}

export function hasSchedule(year: number): boolean {
  return YEARS.has(year);
}

/** A Chinese working day: Mon–Fri unless a public holiday, or a 调休 make-up Saturday/Sunday. */
export function isWorkday(date: IsoDate): boolean {
  if (MAKEUP_WORKDAYS[date]) return true;
  if (HOLIDAYS[date]) return false;
  const w = weekday(date);
  return w >= 1 && w <= 5;
}

export interface WorkdayResult {
  date: IsoDate;
  /** Years crossed whose holiday schedule is unknown (counted as plain Mon–Fri). */
  unknownYears: number[];
}

const MAX_WORKDAYS = 3660;

/**
 * The date `days` working days after `start` (before, when negative); 0 gives `start` itself
 * if it is a working day, else the next working day.
 */
export function addWorkdays(start: IsoDate, days: number): WorkdayResult {
  const n = Math.max(-MAX_WORKDAYS, Math.min(MAX_WORKDAYS, Math.trunc(days)));
  const unknown = new Set<number>();
  const note = (d: IsoDate) => {
    const y = Number(d.slice(0, 4));
    if (!YEARS.has(y)) unknown.add(y);
  };
  let d = start;
  note(d);
  if (n === 0) {
    while (!isWorkday(d)) {
      d = addDays(d, 1);
      note(d);
    }
    return { date: d, unknownYears: [...unknown] };
  }
  const step = n > 0 ? 1 : -1;
  let left = Math.abs(n);
  while (left > 0) {
    d = addDays(d, step);
    note(d);
    if (isWorkday(d)) left--;
  }
  return { date: d, unknownYears: [...unknown].sort() };
}

/** Chinese note for years without an official schedule, or '' when all are known. */
export function unknownYearsNote(years: number[]): string {
  if (!years.length) return '';
  return `（${years.join('、')}年的法定节假日安排尚未收录，按周一至周五计算工作日）`;
}
