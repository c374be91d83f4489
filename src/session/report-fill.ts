/*
 * 填写报送月份: the 报送月份 column right of each ledger, refused (with a reason) wherever it
 * would overwrite something; the cells written are mirrored into the session's grids.
 */
import type { CellRange } from '../ledger/cell';
import { columnLetter, gridRight } from '../ledger/cell';
import { REPORT_MONTH_HEADER } from '../ledger/columns';
import type { DocumentStore, SheetWrite, WorkbookIO } from './driver';
import { sheetNote } from './errors';
import { monthValueSteps } from './plan';
import { mergeReason, occupiedReason, reportColumn, reportMonthSteps } from './report-month';
import type { ReportMonthResult } from './service';
import { REPORT_COLUMNS_KEY, reportColumns } from './settings';
import { SheetBook, setCell } from './sheets';

/** The column's width in characters. */
export const REPORT_COLUMN_WIDTH = 9;
const MAX_COLUMN = 16384;

/** Rows set in the grid between two steps of the mirror. */
const MIRROR_STEP = 2000;

/** Runs steps to their end in one go (a host without a thread to keep free). */
function runAll<T>(steps: Generator<unknown, T>): Promise<T> {
  for (;;) {
    const r = steps.next();
    if (r.done) return Promise.resolve(r.value);
  }
}

/** Where the work goes in slices: the session's Pacer (none: in one go). */
export interface FillPacer {
  slices<T>(steps: Generator<unknown, T>): Promise<T>;
  pause?: () => Promise<void>;
}

/**
 * `pacer` runs the planning and the work after the write (the cells mirrored into the grids, each
 * filled sheet checked again) with pauses between its steps (Pacer.slices), and gives the thread a
 * turn between the read, the plan, the write and the mirror, so a big ledger does not block the
 * page's thread (each is a task of its own, not one long one).
 */
export async function fillReportColumns(
  io: WorkbookIO,
  book: SheetBook,
  noteOwn: (own: { id: string; range: CellRange }[]) => void,
  pacer: FillPacer = { slices: runAll },
): Promise<ReportMonthResult> {
  const turn = async () => pacer.pause?.();
  const result: ReportMonthResult = { written: [], refused: [] };
  const probes = book
    .sorted()
    .filter((e) => book.layout(e.id) && book.grid(e.id))
    .map((e) => {
      const layout = book.layout(e.id)!;
      const { col, existing } = reportColumn(layout);
      const top = layout.headerRow;
      const bottom = Math.max(layout.lastDataRow, layout.headerRow + layout.headerRows - 1);
      return { e, layout, col, existing, top, bottom };
    });
  if (!probes.length) return result;
  const readable = probes.filter((p) => p.col <= MAX_COLUMN && !p.e.protected);
  const read = await io.read({ formulas: readable.map((p) => ({ id: p.e.id, range: { top: p.top, left: p.col, bottom: p.bottom, right: p.col } })) });
  const writes: SheetWrite[] = [];
  const own: { id: string; range: CellRange }[] = [];
  const apply = new Map<string, () => Generator<unknown, void>>();
  await turn();
  // Planned in steps: a 20,000-row ledger's texts are a task of their own otherwise.
  await pacer.slices(
    (function* plan(): Generator<number, void> {
      for (const p of probes) {
        const { e, layout, col, existing } = p;
        if (e.protected) {
          result.refused.push({ sheet: e.name, reason: `「${e.name}」受工作表保护，没有填写报送月份。请先在“审阅”中撤销工作表保护后再试。` });
          continue;
        }
        if (col > MAX_COLUMN) {
          result.refused.push({ sheet: e.name, reason: `「${e.name}」表格右侧已没有空列，没有填写报送月份。` });
          continue;
        }
        const letter = columnLetter(col);
        const cells = (read.formulas.get(e.id) ?? []).map((r) => r[0]);
        // A merged area reaching into the column reads as empty cells but fails the write (issue 19).
        const reason = occupiedReason(e.name, letter, p.top, cells, existing, layout) ?? mergeReason(e.name, col, layout, book.grid(e.id)?.merges ?? []);
        if (reason) {
          result.refused.push({ sheet: e.name, reason });
          continue;
        }
        const values = yield* reportMonthSteps(layout, book.ledger(e.id)?.records ?? []);
        result.written.push({ sheet: e.name, column: letter, rows: [...values.values()].filter((v) => v !== '').length });
        const n = layout.lastDataRow - layout.firstDataRow + 1;
        const data = n > 0 ? { top: layout.firstDataRow, bottom: layout.lastDataRow } : undefined;
        const w: SheetWrite = { id: e.id };
        if (!existing) {
          w.header = { row: layout.headerRow, rows: layout.headerRows, col, text: REPORT_MONTH_HEADER, width: REPORT_COLUMN_WIDTH, dataRows: data };
          own.push({ id: e.id, range: { top: layout.headerRow, left: col, bottom: layout.headerRow, right: col } });
        }
        if (data) {
          w.text = { col, runs: [{ top: data.top, values: Array.from({ length: n }, (_, i) => values.get(data.top + i) ?? '') }] };
          own.push({ id: e.id, range: { top: data.top, left: col, bottom: data.bottom, right: col } });
        }
        writes.push(w);
        apply.set(e.id, function* () {
          const grid = book.grid(e.id)!;
          if (!existing) {
            setCell(grid, layout.headerRow, col, REPORT_MONTH_HEADER);
            if (layout.headerRows > 1) grid.merges.push({ top: layout.headerRow, left: col, bottom: layout.headerRow + layout.headerRows - 1, right: col });
          }
          let n = 0;
          for (const [r, t] of values) {
            setCell(grid, r, col, t === '' ? null : t);
            if (++n % MIRROR_STEP === 0) yield n;
          }
          // The header now names the column: find the ledger again (no host call).
          yield* book.recheckSteps(e.id);
          // The new result's texts, which the publish after compares with the column.
          yield* monthValueSteps(book, (x) => x.id === e.id);
          e.extent = { top: grid.top, bottom: Math.max(e.extent?.bottom ?? 0, layout.lastDataRow), width: Math.max(e.extent?.width ?? 0, gridRight(grid) - grid.left + 1) };
        });
      }
    })(),
  );
  if (!writes.length) return result;
  noteOwn(own);
  await turn();
  const res = await io.write(writes);
  await turn();
  await pacer.slices(
    (function* mirror(): Generator<unknown, void> {
      for (const w of writes) {
        const e = book.entry(w.id)!;
        const failed = res.failed.find((f) => f.id === w.id);
        if (!failed) {
          yield* apply.get(w.id)!();
          continue;
        }
        result.written = result.written.filter((x) => x.sheet !== e.name);
        result.refused.push({ sheet: e.name, reason: sheetNote(e.name, failed.error, 'cells') });
      }
    })(),
  );
  await turn();
  return result;
}

/** Remembers in the workbook which columns the add-in filled (so later sessions keep them up to date). A failed save is not fatal. */
export async function rememberColumns(store: DocumentStore | null, result: ReportMonthResult): Promise<void> {
  if (!store || !result.written.length) return;
  store.set(REPORT_COLUMNS_KEY, { ...reportColumns(store.get(REPORT_COLUMNS_KEY)), ...Object.fromEntries(result.written.map((w) => [w.sheet, w.column])) });
  await store.save().catch(() => undefined);
}
