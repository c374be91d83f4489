/* Office.js start-up and capability checks. src/excel is the only module that touches Office.js. */

export interface HostInfo {
  /** `Excel`, or null outside Office (page opened in a plain browser). */
  host: string | null;
  /** `PC`, `Mac`, `OfficeOnline` … or null. */
  platform: string | null;
}

/** Resolves once Office.js is initialised; outside Office (no Office global) at once with nulls. */
export function officeReady(): Promise<HostInfo> {
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') {
    return Promise.resolve({ host: null, platform: null });
  }
  return Office.onReady().then((info) => ({
    host: info.host ? String(info.host) : null,
    platform: info.platform ? String(info.platform) : null,
  }));
}

/** True when the host supports requirement set `name` at `version` (false outside Office). */
export function setSupported(name: string, version: string): boolean {
  try {
    return typeof Office !== 'undefined' && Office.context.requirements.isSetSupported(name, version);
  } catch {
    return false;
  }
}

/** True when the host supports `ExcelApi` at `version` (false outside Office). */
export function excelApiSupported(version: string): boolean {
  return setSupported('ExcelApi', version);
}

/** `Office.context.diagnostics.platform` (`PC`, `Mac`, `OfficeOnline`, …) or null outside Office. */
export function officePlatform(): string | null {
  try {
    const p = typeof Office !== 'undefined' ? Office.context?.diagnostics?.platform : undefined;
    return p ? String(p) : null;
  } catch {
    return null;
  }
}
