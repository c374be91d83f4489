/*
 * The big workbook the offline page is tried on (its Chromium test and `npm run bench -- offline`):
 * 20,000 penalty + 20,000 inspection rows in the official layout, every 20th with a typical
 * mistake, as the pane bench's book — written once as .xlsx into the temp folder.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { benchGrid } from '../../bench/core.bench';

export const BIG_ROWS = 20_000;

/** Path of the 40,000-row .xlsx (written on first use; reused while it exists). */
export async function bigBook(rows = BIG_ROWS): Promise<string> {
  const file = path.join(os.tmpdir(), `tz-offline-big-${rows}x2-v1.xlsx`);
  if (fs.existsSync(file)) return file;
  const wb = new ExcelJS.Workbook();
  for (const g of [benchGrid('penalty', rows), benchGrid('inspection', rows)]) {
    const ws = wb.addWorksheet(g.name);
    for (const r of g.rows) ws.addRow(r.map((v) => (v === undefined ? null : v)));
    for (const m of g.merges) ws.mergeCells(m.top, m.left, m.bottom, m.right);
  }
  const tmp = `${file}.${process.pid}.tmp`;
  await wb.xlsx.writeFile(tmp);
  fs.renameSync(tmp, file);
  return file;
}
