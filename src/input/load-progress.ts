/*
 * Progress of exceljs's load in rows (the offline page's 读取 n/N 行): exceljs parses each
 * worksheet part from a stream of 16 KB pieces it has written in full beforehand (xlsx.js
 * `load` → `_processWorksheetEntry(stream, …, path)`, whose parser takes any async iterable).
 * This workbook's method is wrapped to count the pieces as they are parsed; rows are that
 * share of the part's rows, which the inspection counted. Where exceljs does not look like
 * this, nothing is reported until the end.
 */
import type ExcelJS from 'exceljs';

type Entry = (stream: unknown, model: unknown, sheetNo: unknown, options: unknown, path: string) => Promise<void>;
type Piece = AsyncIterable<unknown> & { readableLength?: number; writableLength?: number };

export function reportSheetProgress(wb: ExcelJS.Workbook, rows: Map<string, number>, progress: (done: number, total: number) => void): void {
  const total = [...rows.values()].reduce((n, r) => n + r, 0);
  let done = 0;
  progress(0, total);
  const x = wb.xlsx as unknown as { _processWorksheetEntry?: Entry };
  const parse = x._processWorksheetEntry;
  if (typeof parse !== 'function') return;
  x._processWorksheetEntry = async function (stream, model, sheetNo, options, path) {
    const s = stream as Piece;
    const sheetRows = rows.get(path) ?? 0;
    // All pieces are written before the parse: those past the readable side's high-water mark wait on the writable side.
    const pieces = (typeof s.readableLength === 'number' ? s.readableLength : 0) + (typeof s.writableLength === 'number' ? s.writableLength : 0);
    if (!pieces || typeof s[Symbol.asyncIterator] !== 'function') {
      await parse.call(this, stream, model, sheetNo, options, path);
    } else {
      let seen = 0;
      const counted = {
        async *[Symbol.asyncIterator]() {
          for await (const piece of s) {
            yield piece;
            seen++;
            if (seen % 8 === 0) progress(done + Math.min(sheetRows, Math.floor((sheetRows * seen) / pieces)), total);
          }
        },
      };
      await parse.call(this, counted, model, sheetNo, options, path);
    }
    done += sheetRows;
    progress(Math.min(done, total), total);
  };
}
