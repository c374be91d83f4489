/*
 * The WPS driver's writes, a sheet at a time with events off (`Application.EnableEvents`), so a
 * failure (a protected sheet: VBA error 1004) costs only that sheet: the add-in's marks as
 * conditional formats (its own, found by the tag; deleted from the last index down, since VBA
 * renumbers the collection after each Delete) and its 报送月份 cells (text format first, then
 * the values).
 */
import { columnLetter } from '../ledger/cell';
import { chunkAddresses, rangeAddress, splitAddressList } from '../session/addresses';
import type { HeaderWrite, SheetWrite, TextWrite, WriteFailure, WriteResult } from '../session/driver';
import { ACCESS_DENIED, failureOf } from '../session/errors';
import { MARK_STYLE, MarkPlan } from '../session/marks';
import { EtApp, XL } from './et';
import { markIndices } from './read';
import { bgr } from './values';

/** VBA's `Range("…")` takes addresses of at most 255 characters. */
export const ADDRESS_LIMIT = 255;

function writeMarks(ws: Et.Worksheet, plan: MarkPlan): void {
  const fcs = ws.Cells.FormatConditions;
  for (const i of markIndices(ws).reverse()) (fcs.Item(i) as Et.FormatCondition).Delete();
  for (const sev of ['warning', 'error'] as const) {
    const parts = plan[sev].flatMap(splitAddressList);
    for (const address of chunkAddresses(parts, ADDRESS_LIMIT)) {
      const fc = ws.Range(address).FormatConditions.Add(XL.expression, undefined, MARK_STYLE[sev].formula) as Et.FormatCondition;
      fc.Interior.Color = bgr(MARK_STYLE[sev].fill);
      fc.Font.Color = bgr(MARK_STYLE[sev].font);
    }
  }
}

function writeHeader(ws: Et.Worksheet, h: HeaderWrite): void {
  const header = ws.Range(rangeAddress({ top: h.row, left: h.col, bottom: h.row + h.rows - 1, right: h.col }));
  if (h.rows > 1) header.Merge();
  ws.Range(rangeAddress({ top: h.row, left: h.col, bottom: h.row, right: h.col })).Value2 = h.text;
  header.Font.Bold = true;
  header.HorizontalAlignment = XL.center;
  header.VerticalAlignment = XL.center;
  header.WrapText = true;
  const letter = columnLetter(h.col);
  // VBA's ColumnWidth is in characters, as the plan gives it.
  ws.Range(`${letter}:${letter}`).ColumnWidth = h.width;
  if (h.dataRows) ws.Range(rangeAddress({ top: h.dataRows.top, left: h.col, bottom: h.dataRows.bottom, right: h.col })).HorizontalAlignment = XL.center;
}

function writeText(ws: Et.Worksheet, t: TextWrite): void {
  for (const run of t.runs) {
    const range = ws.Range(rangeAddress({ top: run.top, left: t.col, bottom: run.top + run.values.length - 1, right: t.col }));
    // Text format first: WPS, like Excel, would read `2023-10` as a date.
    range.NumberFormat = '@';
    range.Value2 = run.values.map((v) => [v]);
  }
}

/** Runs `body` with the host's events and screen updates off, restoring both. */
export function quietly<T>(app: EtApp, body: () => T): T {
  const events = app.EnableEvents;
  const screen = app.ScreenUpdating;
  app.EnableEvents = false;
  app.ScreenUpdating = false;
  try {
    return body();
  } finally {
    app.EnableEvents = events !== false;
    app.ScreenUpdating = screen !== false;
  }
}

function failuresOf(w: SheetWrite, e: unknown, prot: boolean): WriteFailure[] {
  const error = prot ? { code: ACCESS_DENIED, message: failureOf(e).message } : failureOf(e);
  const out: WriteFailure[] = [];
  if (w.marks) out.push({ id: w.id, what: 'marks', error });
  if (w.header || w.text) out.push({ id: w.id, what: 'cells', error });
  return out;
}

/** Performs the writes, each sheet on its own; `sheetOf` finds a sheet by id (rejecting with ItemNotFound). */
export function writeSheets(app: EtApp, writes: SheetWrite[], sheetOf: (id: string) => Et.Worksheet): WriteResult {
  const failed: WriteFailure[] = [];
  if (!writes.length) return { failed };
  quietly(app, () => {
    for (const w of writes) {
      let prot = false;
      try {
        const ws = sheetOf(w.id);
        prot = !!ws.ProtectContents;
        if (prot) throw new Error('工作表受保护');
        if (w.marks) writeMarks(ws, w.marks);
        if (w.header) writeHeader(ws, w.header);
        if (w.text) writeText(ws, w.text);
      } catch (e) {
        failed.push(...failuresOf(w, e, prot));
      }
    }
  });
  return { failed };
}
