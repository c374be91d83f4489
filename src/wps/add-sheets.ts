/*
 * New sheets of values through ET's object model (the county's 汇总 tables; Excel:
 * src/excel/add-sheets.ts): `Worksheets.Add(, last sheet)`, then the cells by Value2. Strings go
 * into cells formatted as Text (`NumberFormat = "@"`) first, so that `=…`, `+…`, `-…` stay text
 * and `2023-10` stays no date, as typed into a Text cell; numbers keep General or their format.
 * ET sets one NumberFormat per range, so the Text format is set per column on runs of rows.
 */
import { columnLetter } from '../ledger/cell';
import type { NewSheet } from '../session/driver';
import { rangeAddress } from '../session/addresses';
import { EtApp, XL } from './et';

const HEAD_FILL_BGR = 0xe6e6e7; // #E7E6E6 as VBA's RGB() long (blue, green, red)

function boxed(r: Et.Range): void {
  for (const edge of XL.edges) {
    const b = r.Borders.Item(edge);
    b.LineStyle = XL.continuous;
    b.Weight = XL.thin;
  }
}

/** Runs of rows (1-based) in column `j` whose cells satisfy `test`. */
function runs(rows: NewSheet['rows'], j: number, test: (v: string | number | null | undefined) => boolean): { top: number; bottom: number }[] {
  const out: { top: number; bottom: number }[] = [];
  rows.forEach((r, i) => {
    if (!test(r[j])) return;
    const last = out[out.length - 1];
    if (last && last.bottom === i) last.bottom = i + 1;
    else out.push({ top: i + 1, bottom: i + 1 });
  });
  return out;
}

/** Fills a new, empty worksheet with one sheet of values and its layout. */
export function fillValueSheet(app: EtApp, ws: Et.Worksheet, s: NewSheet): void {
  const width = Math.max(1, s.widths.length, ...s.rows.map((r) => r.length));
  const last = columnLetter(width);
  const block = (top: number, bottom: number) => ws.Range(rangeAddress({ top, left: 1, bottom, right: width }));
  s.widths.forEach((w, i) => {
    const c = columnLetter(i + 1);
    ws.Range(`${c}:${c}`).ColumnWidth = w;
  });
  const fmt = new Map(s.numberFormats.map((f) => [f.col, f.format]));
  for (let j = 0; j < width; j++) {
    const c = columnLetter(j + 1);
    for (const r of runs(s.rows, j, (v) => typeof v === 'string')) ws.Range(`${c}${r.top}:${c}${r.bottom}`).NumberFormat = '@';
    const f = fmt.get(j + 1);
    if (f) for (const r of runs(s.rows, j, (v) => typeof v === 'number')) ws.Range(`${c}${r.top}:${c}${r.bottom}`).NumberFormat = f;
  }
  if (s.rows.length) {
    const all = block(1, s.rows.length);
    all.Value2 = s.rows.map((r) => Array.from({ length: width }, (_, j) => r[j] ?? ''));
    all.Font.Name = '宋体';
    all.Font.Size = 10;
    all.VerticalAlignment = XL.center;
    all.WrapText = true;
  }
  if (s.title) {
    const t = block(1, 1);
    t.Font.Size = 14;
    t.Font.Bold = true;
    t.HorizontalAlignment = XL.center;
    t.RowHeight = 28;
  }
  if (s.header) {
    const h = block(s.header.top, s.header.bottom);
    h.Font.Bold = true;
    h.HorizontalAlignment = XL.center;
    h.Interior.Color = HEAD_FILL_BGR;
  }
  if (s.table) boxed(block(s.table.top, s.table.bottom));
  for (const r of s.bold) ws.Range(`A${r}:${last}${r}`).Font.Bold = true;
  for (const m of s.merges) ws.Range(rangeAddress(m)).Merge();
  ws.PageSetup.Orientation = XL.landscape;
  ws.PageSetup.PaperSize = XL.paperA4;
  if (s.header) {
    // Freezing panes acts on the active window: the new sheet is active while it is filled.
    ws.Activate();
    const win = app.ActiveWindow;
    win.SplitColumn = 0;
    win.SplitRow = s.header.bottom;
    win.FreezePanes = true;
  }
}
