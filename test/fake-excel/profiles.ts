/*
 * Host profiles for the fake Excel (Node only: reads manifest.xml). Requirement-set levels per
 * host are Microsoft's tables (as of their 2026 revisions):
 * - ExcelApi: https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-requirement-sets
 *   (Microsoft 365 and retail perpetual share a column: 1.17 at Version 2302, 1.18 at 2501, 1.20
 *   at 2509; volume-licensed Office 2021: 1.14, Office 2024: 1.17; Mac 16.33 → 1.11, 16.100 → 1.20;
 *   the web: all released sets)
 * - CustomFunctionsRuntime: https://learn.microsoft.com/javascript/api/requirement-sets/excel/custom-functions-requirement-sets
 *   (1.1–1.3 on retail perpetual only from Version 2311, Build 17029.20126; Office 2021 volume from
 *   2108, Build 14332.20011; 1.4/1.5 not on perpetual; Mac 1.2 from 16.34, 1.3 from 16.40)
 * - SharedRuntime: https://learn.microsoft.com/javascript/api/requirement-sets/common/shared-runtime-requirement-sets
 *   (1.1: Windows 2002, Excel 2021 volume 2108, Mac 16.35, the web; 1.2: Windows 2108, Mac 16.52, the web)
 * - ExcelApiDesktop 1.1 (Application.activeWindow, Window.visibleRange): Windows from Version 2509
 *   (Build 19231.20156), Mac from 16.102, not the web or the perpetual versions (the ExcelApi table)
 * - OpenBrowserWindowApi 1.1: Windows and Mac, not the web
 *   (https://learn.microsoft.com/javascript/api/requirement-sets/common/open-browser-window-api-requirement-sets)
 * - DialogApi 1.2: https://learn.microsoft.com/javascript/api/requirement-sets/common/dialog-api-requirement-sets
 *   (Windows 2005, Office 2021, Mac 16.37, the web).
 * Undo of add-ins' writes comes with ExcelApi 1.20 (undo.ts). `manifest-min` is exactly what
 * manifest.xml declares in <Requirements>: the adapter suite runs under it so the manifest
 * declares the truth.
 */
import * as fs from 'fs';
import * as path from 'path';
import { LATEST_EXCEL_API } from './api-sets';
import type { FakeOfficeOptions } from './office';

export interface HostProfile {
  name: string;
  /** How the README's host table names it. */
  label: string;
  options: FakeOfficeOptions;
}

const MANIFEST = path.resolve(__dirname, '..', '..', 'manifest.xml');

/** The `<Set Name MinVersion>` entries of manifest.xml's <Requirements>. */
export function manifestRequirements(file = MANIFEST): Record<string, string> {
  const xml = fs.readFileSync(file, 'utf8');
  const block = /<Requirements>([\s\S]*?)<\/Requirements>/.exec(xml)?.[1] ?? '';
  const out: Record<string, string> = {};
  for (const m of block.matchAll(/<Set\s+Name="([^"]+)"\s+MinVersion="([^"]+)"/g)) out[m[1]] = m[2];
  return out;
}

const declared = manifestRequirements();
const DECLARED_EXCEL_API = declared.ExcelApi ?? '1.1';

export const PROFILES: HostProfile[] = [
  {
    name: 'manifest-min',
    label: `manifest.xml 的最低要求（ExcelApi ${DECLARED_EXCEL_API}）`,
    options: { platform: 'PC', sets: { ...declared, ExcelApi: DECLARED_EXCEL_API } },
  },
  {
    // Volume-licensed Office LTSC 2021 (the townships' usual Excel), fully updated: ExcelApi 1.14, no undo of add-ins' writes.
    name: 'ltsc-2021',
    label: 'Excel LTSC 2021 / 2021 批量许可版（Windows，ExcelApi 1.14）',
    options: { platform: 'PC', officeVersion: '16.0.14332.20011', sets: { ExcelApi: '1.14', SharedRuntime: '1.1', CustomFunctionsRuntime: '1.3', DialogApi: '1.2', OpenBrowserWindowApi: '1.1' } },
  },
  {
    // Retail perpetual (Office 2016/2019/2021 bought once, Click-to-Run) at the first build that gets the manifest's
    // CustomFunctionsRuntime: Version 2311 (Build 17029.20126). ExcelApi then is 1.17 (1.18 needs 2501); no undo (1.20, 2509).
    name: 'retail-perpetual',
    label: '零售版（即点即用）Office 2016/2019/2021，版本 2311（Windows，ExcelApi 1.17）',
    options: { platform: 'PC', officeVersion: '16.0.17029.20126', sets: { ExcelApi: '1.17', SharedRuntime: '1.2', CustomFunctionsRuntime: '1.3', DialogApi: '1.2', OpenBrowserWindowApi: '1.1' } },
  },
  {
    name: 'mac-16.35',
    label: 'Mac 版 Excel 16.35（ExcelApi 1.11）',
    options: { platform: 'Mac', sets: { ExcelApi: '1.11', SharedRuntime: '1.1', CustomFunctionsRuntime: '1.2', DialogApi: '1.1', OpenBrowserWindowApi: '1.1' } },
  },
  {
    name: 'web',
    label: `Excel 网页版（ExcelApi ${LATEST_EXCEL_API}，5 MB 限制）`,
    options: { platform: 'OfficeOnline', sets: { ExcelApi: LATEST_EXCEL_API, SharedRuntime: '1.2', CustomFunctionsRuntime: '1.5', DialogApi: '1.2' } },
  },
  {
    name: 'm365',
    label: `Microsoft 365（Windows，ExcelApi ${LATEST_EXCEL_API}）`,
    options: { platform: 'PC', sets: { ExcelApi: LATEST_EXCEL_API, ExcelApiDesktop: '1.1', SharedRuntime: '1.2', CustomFunctionsRuntime: '1.5', DialogApi: '1.2', OpenBrowserWindowApi: '1.1' } },
  },
];

/** The manifest's ExcelApi: members above it must be guarded by isSetSupported. */
export const DECLARED_MIN = DECLARED_EXCEL_API;

export const DEFAULT_PROFILE = 'ltsc-2021';

/**
 * Hosts the manifest must not claim: their sets, from the same tables. Office activates an
 * add-in only where every <Requirements> set is supported ("If the Office application or platform
 * doesn't support the requirement sets … specified in the Requirements element of the manifest,
 * the add-in won't run in that application or platform, and it won't display in … My Add-ins",
 * excel-api-requirement-sets).
 */
export const NOT_ACTIVATED: { name: string; sets: Record<string, string> }[] = [
  // Retail perpetual 2002–2310: the shared runtime, but no custom functions runtime yet.
  { name: 'retail-perpetual-2002', sets: { ExcelApi: '1.11', SharedRuntime: '1.1', DialogApi: '1.1', OpenBrowserWindowApi: '1.1' } },
  // Volume-licensed Office 2019: ExcelApi 1.8 at most (1.7 at Version 1801), no shared runtime, no custom functions.
  { name: 'volume-2019', sets: { ExcelApi: '1.7', DialogApi: '1.1' } },
  // Volume-licensed Office 2016: ExcelApi 1.1 only.
  { name: 'volume-2016', sets: { ExcelApi: '1.1', DialogApi: '1.1' } },
];

/** Whether Office activates the add-in on a host with these sets, and which requirements it lacks. */
export function activation(sets: Record<string, string>, requirements = manifestRequirements()): { activates: boolean; missing: string[] } {
  const le = (a: string, b: string) => {
    const [a1, a2 = 0] = a.split('.').map(Number);
    const [b1, b2 = 0] = b.split('.').map(Number);
    return a1 < b1 || (a1 === b1 && a2 <= b2);
  };
  const missing = Object.entries(requirements)
    .filter(([set, min]) => !sets[set] || !le(min, sets[set]))
    .map(([set, min]) => `${set} ${min}`);
  return { activates: missing.length === 0, missing };
}

export function profile(name = process.env.TZ_HOST_PROFILE || DEFAULT_PROFILE): HostProfile {
  const p = PROFILES.find((x) => x.name === name);
  if (!p) throw new Error(`unknown host profile ${name} (${PROFILES.map((x) => x.name).join(', ')})`);
  return p;
}
