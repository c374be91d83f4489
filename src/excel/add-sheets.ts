/*
 * New sheets of values through Office.js (the county's 汇总 tables, src/session/new-sheets.ts):
 * added after the last sheet, formatted, their cells written in bands so that no sync's request
 * passes the payload budget (Excel on the web refuses requests over 5 MB). Every string goes into
 * a cell formatted as Text (`@`) first: Range.values reads a string starting with `=`, `+` or `-`
 * as a formula (learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-values),
 * and `2023-10` or `1/2` as a date. All members are ExcelApi 1.1–1.9 (the manifest's 1.9).
 */
import { columnLetter } from '../ledger/cell';
import type { NewSheet, SheetInfo } from '../session/driver';
import { widthPoints } from './template-sheet';
import { withoutEvents } from './write';

type Sync = () => Promise<void>;

const EDGES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideHorizontal', 'InsideVertical'] as const;
const FONT = '宋体';
const HEAD_FILL = '#E7E6E6';

/** Estimated request bytes of a value (UTF-8 of its JSON; CJK text 3 bytes a character). */
function bytesOf(v: unknown): number {
  return typeof v === 'string' ? v.length * 3 + 6 : 12;
}

/** The sheet's cells as Office.js grids: values (`''` for empty) and number formats (`@` for every string). */
export function cellGrids(s: NewSheet): { width: number; values: (string | number)[][]; formats: string[][] } {
  const width = Math.max(1, s.widths.length, ...s.rows.map((r) => r.length));
  const fmt = new Map(s.numberFormats.map((f) => [f.col, f.format]));
  const values = s.rows.map((r) => Array.from({ length: width }, (_, j) => r[j] ?? ''));
  const formats = values.map((r) => r.map((v, j) => (typeof v === 'number' ? fmt.get(j + 1) ?? 'General' : '@')));
  return { width, values, formats };
}

function borders(range: Excel.Range): void {
  for (const edge of EDGES) {
    const b = range.format.borders.getItem(edge);
    b.style = 'Continuous';
    b.weight = 'Thin';
  }
}

/** Queues one sheet's layout (widths, fonts, borders, merges, frozen header); no values. */
function queueLayout(ws: Excel.Worksheet, s: NewSheet, width: number): void {
  const last = columnLetter(width);
  s.widths.forEach((w, i) => {
    const c = columnLetter(i + 1);
    ws.getRange(`${c}:${c}`).format.columnWidth = widthPoints(w);
  });
  const height = s.rows.length;
  if (height) {
    const all = ws.getRange(`A1:${last}${height}`);
    all.format.font.name = FONT;
    all.format.font.size = 10;
    all.format.verticalAlignment = 'Center';
    all.format.wrapText = true;
  }
  if (s.title) {
    const t = ws.getRange(`A1:${last}1`);
    t.format.font.size = 14;
    t.format.font.bold = true;
    t.format.horizontalAlignment = 'Center';
    ws.getRange('1:1').format.rowHeight = 28;
  }
  if (s.header) {
    const h = ws.getRange(`A${s.header.top}:${last}${s.header.bottom}`);
    h.format.font.bold = true;
    h.format.horizontalAlignment = 'Center';
    h.format.fill.color = HEAD_FILL;
  }
  if (s.table) borders(ws.getRange(`A${s.table.top}:${last}${s.table.bottom}`));
  for (const r of s.bold) ws.getRange(`A${r}:${last}${r}`).format.font.bold = true;
  for (const m of s.merges) ws.getRangeByIndexes(m.top - 1, m.left - 1, m.bottom - m.top + 1, m.right - m.left + 1).merge(false);
  if (s.header) ws.freezePanes.freezeRows(s.header.bottom);
  ws.pageLayout.orientation = 'Landscape';
  ws.pageLayout.paperSize = 'A4';
}

/**
 * Adds the sheets (names already free) and writes them: as few syncs as the budget allows —
 * one for a county's month — each request estimated under `budget` bytes.
 */
export async function addValueSheets(ctx: Excel.RequestContext, sync: Sync, sheets: NewSheet[], budget: number): Promise<SheetInfo[]> {
  const list = ctx.workbook.worksheets;
  const made: Excel.Worksheet[] = [];
  const batches: (() => void)[][] = [[]];
  let used = 0;
  const queue = (bytes: number, op: () => void) => {
    if (used + bytes > budget && batches[batches.length - 1].length) {
      batches.push([]);
      used = 0;
    }
    batches[batches.length - 1].push(op);
    used += bytes;
  };
  sheets.forEach((s, k) => {
    const { width, values, formats } = cellGrids(s);
    queue(2_000 + s.merges.length * 80 + s.bold.length * 120, () => {
      const ws = list.add(s.name);
      ws.load('id,name,position');
      made[k] = ws;
      queueLayout(ws, s, width);
    });
    // Bands of rows: formats, then values, each band within the budget.
    let top = 0;
    while (top < values.length) {
      let bytes = 0;
      let end = top;
      while (end < values.length) {
        const row = values[end].reduce((n: number, v) => n + bytesOf(v) + 6, 0);
        if (end > top && bytes + row > budget / 2) break;
        bytes += row;
        end++;
      }
      const from = top;
      queue(bytes + (end - from) * width * 6, () => {
        const range = made[k].getRangeByIndexes(from, 0, end - from, width);
        range.numberFormat = formats.slice(from, end);
        range.values = values.slice(from, end);
      });
      top = end;
    }
  });
  for (const batch of batches) await withoutEvents(ctx, sync, () => batch.forEach((op) => op()));
  return made.map((ws) => ({ id: ws.id, name: ws.name, position: ws.position, protected: false }));
}
