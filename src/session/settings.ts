/*
 * What the pane remembers in the workbook: the keys, and the 报送月份 columns (pure: the store is
 * the driver's). The values are validated with the core's zod schemas in settings-check.ts,
 * loaded on first use (zod is ≈ 20 KB gzip the pane does not need to show its first result).
 */

/** The settings key of the pane's values. */
export const SETTINGS_KEY = 'taizhang.pane';
/** The 报送月份 columns this add-in filled: sheet name → column letter. */
export const REPORT_COLUMNS_KEY = 'taizhang.reportMonthColumns';

/** The zod checks of settings and team names (a lazy chunk in the add-in). */
export const settingsCheck = () => import(/* webpackChunkName: "settings" */ './settings-check');

/** Sheet name → column letter of the 报送月份 columns the add-in filled, from the stored value. */
export function reportColumns(raw: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (raw && typeof raw === 'object') {
    for (const [k, v] of Object.entries(raw as Record<string, unknown>)) if (typeof v === 'string' && /^[A-Z]{1,3}$/.test(v)) out[k] = v;
  }
  return out;
}
