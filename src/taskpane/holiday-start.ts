/*
 * Start-up of the added holiday arrangements (holiday-settings.ts) without zod in the first
 * download: only when a text is stored is the checking module loaded, before the first check.
 */
export const HOLIDAY_KEY = 'taizhang.holidays';

export type HolidayStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null;

/** The page's local storage, or null where there is none (some file:// pages, private windows). */
export function holidayStorage(): HolidayStorage {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** The stored text, if any (never throws). */
export function storedHolidayText(storage: HolidayStorage): string | null {
  try {
    return storage?.getItem(HOLIDAY_KEY) ?? null;
  } catch {
    return null;
  }
}

/** What the pane says about the added arrangements at start-up: problems of a stored text that no longer passes. */
export interface HolidayStartup {
  storage: HolidayStorage;
  problems: string[];
}

/** Loads and installs the stored arrangements; `load` imports holiday-settings.ts (lazily in the Excel pane). */
export async function startHolidays(storage: HolidayStorage, load: () => Promise<typeof import('./holiday-settings')>): Promise<HolidayStartup> {
  if (!storedHolidayText(storage)) return { storage, problems: [] };
  try {
    return { storage, problems: (await load()).applyStoredHolidays(storage) };
  } catch (e) {
    return { storage, problems: [`没能读取添加的节假日安排（${e instanceof Error ? e.message : String(e)}）`] };
  }
}
