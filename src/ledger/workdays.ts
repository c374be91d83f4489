import calendar from 'chinese-days/dist/chinese-days.json';
import { IsoDate, addDays, weekday } from './dates';
import type { YearArrangement } from './holiday-file';

// The package's data (holidays and 调休 make-up working days) is used directly: its runtime
// helpers build their tables in local time and shift every date in time zones west of UTC.
const HOLIDAYS: Record<string, string> = calendar.holidays;
const MAKEUP_WORKDAYS: Record<string, string> = calendar.workdays;

const BUILT_IN: ReadonlySet<number> = new Set(Object.keys(HOLIDAYS).map((d) => Number(d.slice(0, 4))));

/**
 * Arrangements added without a software update (holiday-file.ts): the CLI's `--holidays`, the
 * pane's stored text. Kept on the global object under a registered symbol, so that the bundles
 * sharing one page (the Excel task pane and the custom functions in the shared runtime) see the
 * same table. An added year replaces the built-in data for its dates.
 */
interface Added {
  years: Map<number, YearArrangement>;
  /** Date → its status in an added arrangement. */
  days: Map<string, 'off' | 'work'>;
}

const KEY = Symbol.for('taizhang.holiday-arrangements');
const EMPTY: Added = { years: new Map(), days: new Map() };

function added(): Added {
  return ((globalThis as Record<symbol, Added | undefined>)[KEY] ?? EMPTY) as Added;
}

/** Replaces the added arrangements (an empty list removes them). */
export function installArrangements(list: readonly YearArrangement[]): void {
  const years = new Map<number, YearArrangement>();
  const days = new Map<string, 'off' | 'work'>();
  for (const y of list) {
    years.set(y.year, y);
    for (const d of y.holidays) days.set(d, 'off');
    for (const d of y.workdays) days.set(d, 'work');
  }
  (globalThis as Record<symbol, Added>)[KEY] = { years, days };
}

/** The added arrangements, by year. */
export function addedArrangements(): YearArrangement[] {
  return [...added().years.values()].sort((a, b) => a.year - b.year);
}

/** Years whose official holiday schedule is known (built in or added). */
export function scheduleYears(): number[] {
  return [...new Set([...BUILT_IN, ...added().years.keys()])].sort((a, b) => a - b);
}

export function hasSchedule(year: number): boolean {
  return BUILT_IN.has(year) || added().years.has(year);
}

/** A Chinese working day: Mon–Fri unless a public holiday, or a 调休 make-up Saturday/Sunday. */
export function isWorkday(date: IsoDate): boolean {
  const a = added();
  if (a.years.size) {
    const status = a.days.get(date);
    if (status) return status === 'work';
    if (a.years.has(Number(date.slice(0, 4)))) {
      const w = weekday(date);
      return w >= 1 && w <= 5;
    }
  }
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
    if (!hasSchedule(y)) unknown.add(y);
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

/** The same inside a deadline's brackets: `（期限至2027年2月8日；2027年的……）`, or ''. */
export function unknownYearsClause(years: number[]): string {
  if (!years.length) return '';
  return `；${years.join('、')}年的法定节假日安排尚未收录，按周一至周五计算，期限可能有出入`;
}

/** `2004–2026、2028`: the covered years as ranges. */
export function yearsText(years: readonly number[]): string {
  const out: string[] = [];
  for (let i = 0; i < years.length; ) {
    let j = i;
    while (j + 1 < years.length && years[j + 1] === years[j] + 1) j++;
    out.push(i === j ? `${years[i]}` : `${years[i]}–${years[j]}`);
    i = j + 1;
  }
  return out.join('、');
}
