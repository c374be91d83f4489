/*
 * What the pane remembers in the workbook: the keys, and the 报送月份 columns (pure: the store is
 * the driver's). The values are validated with the core's zod schemas in settings-check.ts,
 * loaded on first use (zod is ≈ 20 KB gzip the pane does not need to show its first result).
 */

import type { DocumentStore, DriverCapabilities } from './driver';
import type { HostFeatures, PaneSettings } from './service';

/** The settings key of the pane's values. */
export const SETTINGS_KEY = 'taizhang.pane';
/** The 报送月份 columns this add-in filled: sheet name → column letter. */
export const REPORT_COLUMNS_KEY = 'taizhang.reportMonthColumns';

/** The zod checks of settings and team names (a lazy chunk in the add-in). */
export const settingsCheck = () => import(/* webpackChunkName: "settings" */ './settings-check');

/** The pane's values saved in the workbook that still pass the schemas. */
export async function loadPaneSettings(store: DocumentStore | null): Promise<PaneSettings> {
  return (await settingsCheck()).sanitizeSettings(store?.get(SETTINGS_KEY));
}

export async function savePaneSettings(store: DocumentStore | null, settings: PaneSettings): Promise<void> {
  const valid = (await settingsCheck()).validateSettings(settings);
  if (!store) throw new Error('不在 Excel 中运行，无法保存设置。');
  store.set(SETTINGS_KEY, valid);
  await store.save();
}

export function hostFeatures(caps: DriverCapabilities): HostFeatures {
  return { functions: caps.functions !== false, settingsIn: caps.settingsIn ?? 'workbook', marks: caps.marks, select: caps.select !== false };
}

/** Sheet name → column letter of the 报送月份 columns the add-in filled, from the stored value. */
export function reportColumns(raw: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (raw && typeof raw === 'object') {
    for (const [k, v] of Object.entries(raw as Record<string, unknown>)) if (typeof v === 'string' && /^[A-Z]{1,3}$/.test(v)) out[k] = v;
  }
  return out;
}
