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

/**
 * Runs `fn` when the ribbon button whose ExecuteFunction action names `name` is clicked
 * (Office.actions.associate, SharedRuntime 1.1); Office is told the command is done when `fn`
 * settles (event.completed(), else Office waits up to 5 minutes). False where Office.actions is missing.
 */
export function associateCommand(name: string, fn: () => Promise<void>): boolean {
  const actions = typeof Office !== 'undefined' ? (Office as unknown as { actions?: { associate?(n: string, f: (event: { completed(): void }) => void): void } }).actions : undefined;
  if (!actions?.associate) return false;
  actions.associate(name, (event) => {
    fn().then(
      () => event.completed(),
      () => event.completed(),
    );
  });
  return true;
}

/** Shows the add-in's task pane (Office.addin.showAsTaskpane, SharedRuntime 1.1); resolves either way. */
export async function showTaskpane(): Promise<void> {
  try {
    await (Office as unknown as { addin?: { showAsTaskpane?(): Promise<void> } }).addin?.showAsTaskpane?.();
  } catch {
    // The pane may already be open, or the host cannot show it from code: the command was still taken.
  }
}
