/*
 * The Excel driver's writes: the add-in's marks (replacing those found by the operation's read,
 * or, in a later step of a paced write, added beside them) and its 报送月份 cells, for many
 * sheets in one batch with events off. If the batch fails (a
 * protected sheet, a conditional format Excel refuses to delete, office-js#5222, cells that
 * reach into a merged area), each sheet's marks and its cells are tried again on their own —
 * the marks after reading them afresh, since part of the batch may have run and a conditional
 * format is addressed by its position — so a failure costs only that sheet's marks or cells.
 */
import { columnLetter } from '../ledger/cell';
import type { HeaderWrite, SheetWrite, TextWrite, WriteFailure, WriteResult } from '../session/driver';
import { failureOf } from '../session/errors';
import { MARK_STYLE, MarkPlan } from '../session/marks';
import { FoundMark, cfsOf, deleteMarks, foundMarks } from './marks';
import { widthPoints } from './template-sheet';

type Sync = () => Promise<void>;

/** Replaces the marks found (deleted lowest priority first) with `plan`; with `found` null, only adds (a later step of a paced write). */
function queueMarks(ws: Excel.Worksheet, found: FoundMark[] | null, plan: MarkPlan): void {
  if (found) deleteMarks(found);
  for (const sev of ['warning', 'error'] as const) {
    for (const address of plan[sev]) {
      // Each new format is set up right after its add(), before the next add moves it down.
      const cf = ws.getRanges(address).conditionalFormats.add(Excel.ConditionalFormatType.custom);
      cf.custom.rule.formula = MARK_STYLE[sev].formula;
      cf.custom.format.fill.color = MARK_STYLE[sev].fill;
      cf.custom.format.font.color = MARK_STYLE[sev].font;
    }
  }
}

function queueHeader(ws: Excel.Worksheet, h: HeaderWrite): void {
  const header = ws.getRangeByIndexes(h.row - 1, h.col - 1, h.rows, 1);
  if (h.rows > 1) header.merge(false);
  ws.getRangeByIndexes(h.row - 1, h.col - 1, 1, 1).values = [[h.text]];
  header.format.font.bold = true;
  header.format.horizontalAlignment = 'Center';
  header.format.verticalAlignment = 'Center';
  header.format.wrapText = true;
  const letter = columnLetter(h.col);
  ws.getRange(`${letter}:${letter}`).format.columnWidth = widthPoints(h.width);
}

function queueText(ws: Excel.Worksheet, t: TextWrite): void {
  for (const run of t.runs) {
    const n = run.values.length;
    const range = ws.getRangeByIndexes(run.top - 1, t.col - 1, n, 1);
    // Text format first: Excel would read `2023-10` as a date.
    range.numberFormat = Array.from({ length: n }, () => ['@']);
    range.values = run.values.map((v) => [v]);
  }
}

function queueSheet(ctx: Excel.RequestContext, w: SheetWrite, found: FoundMark[], what: 'all' | 'marks' | 'cells' = 'all'): void {
  const ws = ctx.workbook.worksheets.getItem(w.id);
  if (w.marks && what !== 'cells') queueMarks(ws, found, w.marks);
  if (w.addMarks && what !== 'cells') queueMarks(ws, null, w.addMarks);
  if (what === 'marks') return;
  if (w.header) queueHeader(ws, w.header);
  if (w.text) queueText(ws, w.text);
  if (w.header?.dataRows) {
    const d = w.header.dataRows;
    ws.getRangeByIndexes(d.top - 1, w.header.col - 1, d.bottom - d.top + 1, 1).format.horizontalAlignment = 'Center';
  }
}

/** Runs `queue` in one sync with events off (the add-in's own writes are not re-checked); events go back on even when the sync fails. */
export async function withoutEvents(ctx: Excel.RequestContext, sync: Sync, queue: () => void): Promise<void> {
  ctx.runtime.enableEvents = false;
  queue();
  ctx.runtime.enableEvents = true;
  try {
    await sync();
  } catch (e) {
    try {
      ctx.runtime.enableEvents = true;
      await ctx.sync();
    } catch {
      // nothing more to do
    }
    throw e;
  }
}

const hasMarks = (w: SheetWrite) => !!(w.marks || w.addMarks);

/**
 * Performs the writes; `found` holds the marks this operation read (per sheet), used up by the
 * write that replaces a sheet's marks (the positions they were found at no longer hold after it).
 */
export async function writeSheets(ctx: Excel.RequestContext, sync: Sync, writes: SheetWrite[], found: Map<string, FoundMark[]>): Promise<WriteResult> {
  if (!writes.length) return { failed: [] };
  const usedUp = () => writes.forEach((w) => w.marks && found.delete(w.id));
  try {
    await withoutEvents(ctx, sync, () => {
      for (const w of writes) queueSheet(ctx, w, found.get(w.id) ?? []);
    });
    usedUp();
    return { failed: [] };
  } catch (e) {
    usedUp();
    const single = writes.length === 1 && !(hasMarks(writes[0]) && (writes[0].header || writes[0].text));
    if (failureOf(e).code === 'InvalidOperationInCellEditMode' || single) return { failed: writes.flatMap((w) => failuresOf(w, e)) };
  }
  const failed: WriteFailure[] = [];
  for (const w of writes) {
    if (hasMarks(w)) {
      try {
        // Replacing: the marks as they are now (part of the batch may have run); adding: nothing to find.
        let marks: FoundMark[] = [];
        if (w.marks) {
          const cfs = cfsOf(ctx.workbook.worksheets.getItem(w.id));
          await sync();
          marks = foundMarks(cfs);
        }
        await withoutEvents(ctx, sync, () => queueSheet(ctx, w, marks, 'marks'));
      } catch (e) {
        failed.push(...failuresOf(w, e, 'marks'));
      }
    }
    if (w.header || w.text) {
      try {
        await withoutEvents(ctx, sync, () => queueSheet(ctx, w, [], 'cells'));
      } catch (e) {
        failed.push(...failuresOf(w, e, 'cells'));
      }
    }
  }
  return { failed };
}

function failuresOf(w: SheetWrite, e: unknown, what: 'all' | 'marks' | 'cells' = 'all'): WriteFailure[] {
  const error = failureOf(e);
  const out: WriteFailure[] = [];
  if (hasMarks(w) && what !== 'cells') out.push({ id: w.id, what: 'marks', error });
  if ((w.header || w.text) && what !== 'marks') out.push({ id: w.id, what: 'cells', error });
  return out;
}
