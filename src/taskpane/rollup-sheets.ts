/*
 * The roll-up's sheets (src/rollup summaryWorkbook: title, header rows, rows) as new sheets of
 * values for the open workbook (WorkbookIO.addSheets), laid out as summaryXlsx lays out the
 * .xlsx: title across row 1, header below it, then the rows; money as `#,##0.00`.
 */
import type { NewSheet } from '../session/driver';
import type { SheetModel } from '../rollup/summary';

export const MONEY_FORMAT = '#,##0.00';
export const NONE = '（无）';

export function newSheetOf(m: SheetModel): NewSheet {
  const width = Math.max(1, m.widths.length, ...m.header.map((h) => h.length), ...m.rows.map((r) => r.length));
  const first = 2 + m.header.length;
  const rows: NewSheet['rows'] = [[m.title], ...m.header.map((h) => [...h]), ...(m.rows.length ? m.rows.map((r) => [...r]) : [[NONE]])];
  const merges = [...(width > 1 ? [{ top: 1, left: 1, bottom: 1, right: width }] : []), ...m.merges.map((g) => ({ ...g }))];
  if (!m.rows.length && width > 1) merges.push({ top: first, left: 1, bottom: first, right: width });
  return {
    name: m.name,
    rows,
    merges,
    widths: [...m.widths],
    title: true,
    header: m.header.length ? { top: 2, bottom: first - 1 } : null,
    bold: m.strong.map((i) => first + i),
    table: { top: 2, bottom: rows.length },
    numberFormats: m.money.map((c) => ({ col: c + 1, format: MONEY_FORMAT })),
  };
}
