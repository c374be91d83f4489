/** The summary workbook as an .xlsx (exceljs; runs in the browser too): A4 landscape, one page wide, header repeated. */
import ExcelJS from 'exceljs';
import { SheetModel } from './summary';

const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEAD_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } };
const FONT = '宋体';
const LINE_PT = 13;

/** Display width of text in Excel character units (CJK characters count two). */
function textWidth(s: string): number {
  let n = 0;
  for (const ch of s) n += /[\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\ud800-\udbff]/.test(ch) ? 2 : 1;
  return n;
}

/** Rows tall enough for their wrapped text: exceljs writes no heights, and neither Excel nor LibreOffice grows rows on opening. */
function rowHeight(values: readonly unknown[], widths: number[]): number {
  let lines = 1;
  values.forEach((v, i) => {
    if (v === null || v === undefined) return;
    const room = Math.max(1, (widths[i] ?? 10) - 1);
    const n = String(v)
      .split('\n')
      .reduce((a, l) => a + Math.max(1, Math.ceil(textWidth(l) / room)), 0);
    lines = Math.max(lines, n);
  });
  return lines * LINE_PT + 4;
}

function addSheet(wb: ExcelJS.Workbook, m: SheetModel): void {
  const cols = Math.max(m.widths.length, 1);
  const headRows = m.header.length;
  const ws = wb.addWorksheet(m.name, {
    views: [{ state: 'frozen', xSplit: 1, ySplit: 1 + headRows }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `2:${1 + headRows}`,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '第 &P 页，共 &N 页' },
  });
  ws.columns = m.widths.map((w) => ({ width: w }));
  ws.addRow([m.title]);
  ws.mergeCells(1, 1, 1, cols);
  const title = ws.getRow(1);
  title.height = 28;
  title.getCell(1).font = { name: FONT, size: 14, bold: true };
  title.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' };
  for (const h of m.header) {
    const row = ws.addRow(h);
    row.height = rowHeight(h.map((v, i) => (m.merges.some((g) => g.left <= i + 1 && g.right > i + 1 && g.top === row.number) ? null : v)), m.widths);
    for (let c = 1; c <= cols; c++) {
      const cell = row.getCell(c);
      cell.font = { name: FONT, size: 10, bold: true };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.fill = HEAD_FILL;
      cell.border = BORDER;
    }
  }
  for (const r of m.merges) ws.mergeCells(r.top, r.left, r.bottom, r.right);
  const strong = new Set(m.strong);
  m.rows.forEach((values, i) => {
    const row = ws.addRow(values);
    row.height = rowHeight(values, m.widths);
    const blank = values.every((v) => v === null || v === '');
    for (let c = 1; c <= cols; c++) {
      const cell = row.getCell(c);
      cell.font = { name: FONT, size: 10, bold: strong.has(i) };
      cell.alignment = { vertical: 'middle', wrapText: true, horizontal: typeof values[c - 1] === 'number' ? 'right' : 'left' };
      if (!blank) cell.border = BORDER;
    }
    for (const c of m.money) row.getCell(c + 1).numFmt = '#,##0.00';
  });
  if (!m.rows.length) {
    const row = ws.addRow(['（无）']);
    ws.mergeCells(row.number, 1, row.number, cols);
    row.getCell(1).alignment = { horizontal: 'center' };
    row.getCell(1).border = BORDER;
  }
}

export async function summaryXlsx(sheets: SheetModel[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '执法台账助手';
  for (const s of sheets) addSheet(wb, s);
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
