/*
 * What the clerk sees, so that a big marks update marks it first (src/session/steps.ts): the
 * active sheet and the rows in its window. Where the host has it, the window's visible range
 * (Application.activeWindow → Window.visibleRange, "Gets the visible range of the window":
 * ExcelApiDesktop 1.1 — Windows from Version 2509, Mac from 16.102, not the web —
 * https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-desktop-1-1-requirement-set);
 * elsewhere the rows around the active cell (Workbook.getActiveCell, ExcelApi 1.7), which the
 * window shows unless the clerk scrolled away from it.
 */
import type { View } from '../session/driver';
import { setSupported } from './office';

/** Rows above and below the active cell taken as seen (a window shows some 30–60 rows). */
export const AROUND_ACTIVE = 60;

export async function readView(ctx: Excel.RequestContext, sync: () => Promise<void>): Promise<View> {
  if (setSupported('ExcelApiDesktop', '1.1')) {
    const win = ctx.workbook.application.activeWindow;
    const ws = win.activeWorksheet;
    ws.load('id');
    const seen = win.visibleRange;
    seen.load('rowIndex,rowCount');
    await sync();
    return { sheetId: ws.id, top: seen.rowIndex + 1, bottom: seen.rowIndex + seen.rowCount };
  }
  const ws = ctx.workbook.worksheets.getActiveWorksheet();
  ws.load('id');
  const cell = ctx.workbook.getActiveCell();
  cell.load('rowIndex');
  await sync();
  const row = cell.rowIndex + 1;
  return { sheetId: ws.id, top: Math.max(1, row - AROUND_ACTIVE), bottom: row + AROUND_ACTIVE };
}
