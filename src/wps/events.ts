/*
 * The clerk's changes as WPS reports them (`Application.ApiEvent`), for the workbook the pane
 * is bound to (events are application-wide: another open workbook's are dropped):
 * - SheetChange(Sh, Target): cells edited or pasted; rows or columns inserted or deleted arrive
 *   the same way with whole rows or columns as Target (as VBA's Worksheet_Change), which moves
 *   positions. Cells inserted or deleted with a shift arrive as a plain range, like an edit:
 *   every edit is marked `mayShift`, and the session reads the cells below it to tell (live.ts).
 *   et-jsapi-declare types Target as a sheet: it is the changed Range.
 * - The workbook is recognised by identity (the same object, else the same FullName: path and
 *   file name), never by its Name alone — two open files may share a name, and Save As renames.
 * - SheetActivate, WorkbookNewSheet, SheetBeforeDelete: a sheet shown, added, deleted.
 * The add-in writes with EnableEvents off; the session also drops edits of cells it just wrote.
 */
import { rangesOf } from '../session/addresses';
import type { HostChange } from '../session/driver';
import type { EtApp } from './et';
import { idOf } from './sheets';

const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;

type Listener = [name: string, fn: (...args: unknown[]) => void];

/** What one SheetChange means for the session. */
export function changesOf(sheetId: string, address: string): HostChange[] {
  const ranges = rangesOf(address);
  if (!ranges.length) return [{ kind: 'edit', sheetId, range: null }];
  if (ranges.some((r) => (r.left === 1 && r.right === MAX_COL) || (r.top === 1 && r.bottom === MAX_ROW))) return [{ kind: 'structure', sheetId }];
  return ranges.map((range) => ({ kind: 'edit', sheetId, range, mayShift: true }));
}

/** Whether two workbook objects are the same open file: the same object, or the same full path (FullName). */
export function sameWorkbook(a: Et.Workbook | null | undefined, b: Et.Workbook | null | undefined): boolean {
  if (!a || !b) return false;
  if (a === b) return true;
  try {
    const fa = String(a.FullName ?? '');
    const fb = String(b.FullName ?? '');
    return fa !== '' && fa === fb;
  } catch {
    return false;
  }
}

/** Registers the listeners; returns a function that removes them. */
export function addListeners(app: EtApp, wb: Et.Workbook, sink: (c: HostChange) => void): () => void {
  const api = app.ApiEvent as unknown as {
    AddApiEventListener(name: string, fn: (...args: unknown[]) => void): void;
    RemoveApiEventListener(name: string, fn?: (...args: unknown[]) => void): void;
  };
  const ours = (ws: Et.Worksheet) => {
    try {
      return sameWorkbook(ws.Parent as Et.Workbook, wb);
    } catch {
      return false;
    }
  };
  const safely =
    (f: (...a: unknown[]) => void) =>
    (...a: unknown[]): void => {
      try {
        f(...a);
      } catch {
        // an event about an object that went away: the next check reads the workbook again
      }
    };
  const listeners: Listener[] = [
    [
      'SheetChange',
      safely((sh, target) => {
        const ws = sh as Et.Worksheet;
        if (!ours(ws)) return;
        const id = idOf(wb, ws);
        for (const c of changesOf(id, String((target as Et.Range).Address(false, false)))) sink(c);
      }),
    ],
    [
      'SheetActivate',
      safely((sh) => {
        const ws = sh as Et.Worksheet;
        if (ours(ws)) sink({ kind: 'activated', sheetId: idOf(wb, ws) });
      }),
    ],
    [
      'WorkbookNewSheet',
      safely((book, sh) => {
        if (sameWorkbook(book as Et.Workbook, wb)) sink({ kind: 'added', sheetId: idOf(wb, sh as Et.Worksheet) });
      }),
    ],
    [
      'SheetBeforeDelete',
      safely((sh) => {
        const ws = sh as Et.Worksheet;
        if (ours(ws)) sink({ kind: 'deleted', sheetId: idOf(wb, ws) });
      }),
    ],
  ];
  for (const [name, fn] of listeners) api.AddApiEventListener(name, fn);
  return () => {
    for (const [name, fn] of listeners) {
      try {
        api.RemoveApiEventListener(name, fn);
      } catch {
        // already gone with the workbook
      }
    }
  };
}
