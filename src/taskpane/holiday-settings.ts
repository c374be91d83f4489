/*
 * The holiday arrangements a clerk added in the pane (Excel, WPS, the offline page): the JSON
 * text as typed, kept in the browser's local storage of the add-in's (or page's) origin, read
 * and checked with zod at start-up and installed for the checks and the TZ functions of this
 * page (src/ledger/workdays.ts). Loaded lazily in the Excel pane (zod stays out of the first
 * download): see holiday-start.ts.
 */
import { YearArrangement, parseHolidayText } from '../ledger/holiday-file';
import { installArrangements } from '../ledger/workdays';
import { HOLIDAY_KEY, HolidayStorage } from './holiday-start';

export type HolidaySave = { ok: true; years: YearArrangement[] } | { ok: false; problems: string[] };

/** Installs the stored arrangements; the problems (Chinese) when the stored text no longer passes. */
export function applyStoredHolidays(storage: HolidayStorage): string[] {
  const text = storage?.getItem(HOLIDAY_KEY);
  if (!text) return [];
  const r = parseHolidayText(text);
  if (!r.ok) {
    installArrangements([]);
    return r.problems;
  }
  installArrangements(r.years);
  return [];
}

/** Checks and keeps a new text (the whole set of added years), then installs it. */
export function saveHolidayText(storage: HolidayStorage, text: string): HolidaySave {
  const r = parseHolidayText(text);
  if (!r.ok) return r;
  try {
    storage?.setItem(HOLIDAY_KEY, text);
  } catch {
    return { ok: false, problems: ['浏览器不允许本页面保存设置（可能处于无痕模式或空间已满），安排没有保存。'] };
  }
  if (!storage) return { ok: false, problems: ['这里无法保存设置，安排没有保存。'] };
  installArrangements(r.years);
  return { ok: true, years: r.years };
}

/** Removes the added years (back to the built-in data). */
export function removeHolidayText(storage: HolidayStorage): void {
  try {
    storage?.removeItem(HOLIDAY_KEY);
  } finally {
    installArrangements([]);
  }
}
