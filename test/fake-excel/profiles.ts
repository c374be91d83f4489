/*
 * Host profiles for the fake Excel (Node only: reads manifest.xml). Requirement-set levels per
 * host are Microsoft's tables:
 * - ExcelApi: https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-requirement-sets
 *   (Excel 2021 volume-licensed: 1.14; Mac 16.33 → 1.11, 16.40 → 1.12; the web: all released sets)
 * - SharedRuntime 1.1: Windows 2002, Excel 2021, Mac 16.35, the web
 *   (https://learn.microsoft.com/javascript/api/requirement-sets/common/shared-runtime-requirement-sets)
 * - OpenBrowserWindowApi 1.1: Windows and Mac, not the web
 *   (https://learn.microsoft.com/javascript/api/requirement-sets/common/open-browser-window-api-requirement-sets)
 * - DialogApi 1.2: every host with the shared runtime.
 * `manifest-min` is exactly what manifest.xml declares in <Requirements>: the adapter suite runs
 * under it so the manifest declares the truth.
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
    name: 'excel-2021',
    label: 'Excel 2021 / LTSC 2021（Windows，ExcelApi 1.14）',
    options: { platform: 'PC', sets: { ExcelApi: '1.14', SharedRuntime: '1.1', CustomFunctionsRuntime: '1.3', DialogApi: '1.2', OpenBrowserWindowApi: '1.1' } },
  },
  {
    name: 'mac-16.35',
    label: 'Mac 版 Excel 16.35（ExcelApi 1.11）',
    options: { platform: 'Mac', sets: { ExcelApi: '1.11', SharedRuntime: '1.1', CustomFunctionsRuntime: '1.2', DialogApi: '1.2', OpenBrowserWindowApi: '1.1' } },
  },
  {
    name: 'web',
    label: `Excel 网页版（ExcelApi ${LATEST_EXCEL_API}，5 MB 限制）`,
    options: { platform: 'OfficeOnline', sets: { ExcelApi: LATEST_EXCEL_API, SharedRuntime: '1.2', CustomFunctionsRuntime: '1.5', DialogApi: '1.2' } },
  },
  {
    name: 'm365',
    label: `Microsoft 365（Windows，ExcelApi ${LATEST_EXCEL_API}）`,
    options: { platform: 'PC', sets: { ExcelApi: LATEST_EXCEL_API, SharedRuntime: '1.2', CustomFunctionsRuntime: '1.5', DialogApi: '1.2', OpenBrowserWindowApi: '1.1' } },
  },
];

/** The manifest's ExcelApi: members above it must be guarded by isSetSupported. */
export const DECLARED_MIN = DECLARED_EXCEL_API;

export const DEFAULT_PROFILE = 'excel-2021';

export function profile(name = process.env.TZ_HOST_PROFILE || DEFAULT_PROFILE): HostProfile {
  const p = PROFILES.find((x) => x.name === name);
  if (!p) throw new Error(`unknown host profile ${name} (${PROFILES.map((x) => x.name).join(', ')})`);
  return p;
}
