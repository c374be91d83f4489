/*
 * When the add-in may act. The shared runtime also starts hidden, when a workbook with TZ.*
 * formulas recalculates; then nothing may be read, checked or written. The pane starts once it
 * has been shown in this workbook:
 * - Office.addin.onVisibilityModeChanged reports `Taskpane` (SharedRuntime 1.1,
 *   https://learn.microsoft.com/office/dev/add-ins/develop/show-hide-add-in);
 * - the page is visible and has a size (a pane opened from the ribbon starts that way; a hidden
 *   runtime's page has no size or is hidden);
 * - the clerk clicks or types in it (a hidden page receives no input).
 * Office documents no way to ask whether the runtime started hidden, so where these signals are
 * absent the pane waits for the clerk's click: safe either way.
 */

export interface PaneEnv {
  doc: Pick<Document, 'visibilityState' | 'addEventListener' | 'removeEventListener'>;
  win: Pick<Window, 'innerWidth' | 'innerHeight' | 'addEventListener' | 'removeEventListener'>;
  /** Office.addin (absent before SharedRuntime 1.1 or outside Office). */
  addin?: { onVisibilityModeChanged?: (h: (a: { visibilityMode: string }) => void) => unknown };
}

/** Smaller than any task pane (Office's narrowest is about 320 px). */
const MIN_SIZE = 100;

export function defaultEnv(): PaneEnv {
  let addin: PaneEnv['addin'];
  try {
    addin = typeof Office !== 'undefined' ? (Office as unknown as { addin?: PaneEnv['addin'] }).addin : undefined;
  } catch {
    addin = undefined;
  }
  return { doc: document, win: window, addin };
}

/** Calls `start` once, when the pane is known to be shown; returns a function that starts it now (the clerk's click). */
export function whenPaneShown(start: () => void, env: PaneEnv = defaultEnv()): () => void {
  let started = false;
  const events = ['pointerdown', 'keydown', 'focusin'] as const;
  const go = () => {
    if (started) return;
    started = true;
    env.doc.removeEventListener('visibilitychange', onVisibility);
    for (const e of events) env.win.removeEventListener(e, go, true);
    start();
  };
  const shown = () => env.doc.visibilityState === 'visible' && env.win.innerWidth >= MIN_SIZE && env.win.innerHeight >= MIN_SIZE;
  const onVisibility = () => {
    if (shown()) go();
  };
  try {
    env.addin?.onVisibilityModeChanged?.((a) => {
      if (a.visibilityMode === 'Taskpane') go();
    });
  } catch {
    // not available: the other signals remain
  }
  env.doc.addEventListener('visibilitychange', onVisibility);
  for (const e of events) env.win.addEventListener(e, go, true);
  if (shown()) go();
  return go;
}

/**
 * Calls `onChange(false)` when Office hides the pane and `onChange(true)` when it shows it again
 * (Office.addin.onVisibilityModeChanged, SharedRuntime 1.1: the shared runtime keeps running with
 * the pane closed, so live checking must pause itself). False where the event is missing.
 */
export function onPaneVisibility(onChange: (visible: boolean) => void, env: Pick<PaneEnv, 'addin'> = defaultEnv()): boolean {
  const add = env.addin?.onVisibilityModeChanged;
  if (!add) return false;
  try {
    add((a) => onChange(a.visibilityMode === 'Taskpane'));
    return true;
  } catch {
    return false;
  }
}
