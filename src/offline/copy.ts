/*
 * 保存工作簿副本: the opened workbook with the add-in's changes (报送月份 column, official
 * sheets), as a new file; the original's bytes are never changed. exceljs rewrites the whole
 * file: a ledger's cells, formats, merges, validations and column widths come through, while
 * charts, pictures' positions or pivot tables may not — the page says so. A workbook whose
 * merged areas would cost exceljs dearly (far more than a ledger has), or whose cells exceljs
 * reads differently from the reader (copy-check.ts), is not rewritten at all. The copy is made
 * whole in memory and only then handed to the page to save.
 */
import ExcelJS from 'exceljs';
import { addTemplateSheet } from '../cli/template';
import { readXlsx } from '../input/workbook';
import { copyDifferences, differencesText } from './copy-check';
import type { HeaderWrite, NewSheet, TextWrite } from '../session/driver';
import type { WorkbookFile } from './workbook-file';

export const TOO_MANY_MERGES = '这个工作簿的合并单元格太多，离线页面无法生成副本。请在 Excel 或 WPS 中按检查结果手工填写报送月份。';

/** `台账.xlsx` → `台账（已填报送月份）.xlsx` */
export function copyName(name: string): string {
  const base = name.replace(/\.xlsx$/i, '');
  return `${base}（已填报送月份）.xlsx`;
}

function applyHeader(ws: ExcelJS.Worksheet, h: HeaderWrite): void {
  if (h.rows > 1) ws.mergeCells(h.row, h.col, h.row + h.rows - 1, h.col);
  const cell = ws.getCell(h.row, h.col);
  cell.value = h.text;
  cell.font = { ...cell.font, bold: true };
  cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  // exceljs writes no width equal to its default (9 characters): the column then has the sheet's default, near enough.
  ws.getColumn(h.col).width = h.width;
  if (h.dataRows) for (let r = h.dataRows.top; r <= h.dataRows.bottom; r++) ws.getCell(r, h.col).alignment = { ...ws.getCell(r, h.col).alignment, horizontal: 'center' };
}

function applyText(ws: ExcelJS.Worksheet, t: TextWrite): void {
  for (const run of t.runs) {
    run.values.forEach((v, i) => {
      const cell = ws.getCell(run.top + i, t.col);
      cell.numFmt = '@';
      cell.value = v === '' ? null : v;
    });
  }
}

/** A sheet of values (the county's 汇总 tables): strings as text cells (exceljs writes a string as a string, never a formula), numbers with their format. */
function addValues(wb: ExcelJS.Workbook, s: NewSheet): void {
  const ws = wb.addWorksheet(s.name, { views: s.header ? [{ state: 'frozen', ySplit: s.header.bottom }] : undefined, pageSetup: { paperSize: 9, orientation: 'landscape' } });
  ws.columns = s.widths.map((width) => ({ width }));
  const width = Math.max(1, s.widths.length, ...s.rows.map((r) => r.length));
  const formats = new Map(s.numberFormats.map((f) => [f.col, f.format]));
  const bold = new Set(s.bold);
  s.rows.forEach((values, i) => {
    const n = i + 1;
    const head = !!s.header && n >= s.header.top && n <= s.header.bottom;
    const boxed = !!s.table && n >= s.table.top && n <= s.table.bottom;
    for (let c = 1; c <= width; c++) {
      const cell = ws.getCell(n, c);
      const v = values[c - 1] ?? null;
      cell.value = v === '' ? null : v;
      if (typeof v === 'string') cell.numFmt = '@';
      else if (typeof v === 'number' && formats.has(c)) cell.numFmt = formats.get(c)!;
      cell.font = { name: '宋体', size: s.title && n === 1 ? 14 : 10, bold: head || bold.has(n) || (s.title && n === 1) };
      cell.alignment = { vertical: 'middle', wrapText: true, ...(head || (s.title && n === 1) ? { horizontal: 'center' as const } : {}) };
      if (head) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } };
      if (boxed) cell.border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
    }
  });
  for (const m of s.merges) ws.mergeCells(m.top, m.left, m.bottom, m.right);
}

/** The copy's name and bytes; rejects with a Chinese message. */
export async function workbookCopy(file: WorkbookFile): Promise<{ name: string; bytes: Uint8Array }> {
  const read = await readXlsx(file.bytes, file.name);
  if (read.costlyMerges) throw new Error(TOO_MANY_MERGES);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(file.bytes as unknown as ArrayBuffer);
  const differ = copyDifferences(wb, read.sheets, read.date1904);
  if (differ.length) throw new Error(differencesText(differ));
  for (const c of file.changes) {
    if (c.kind === 'insert') {
      addTemplateSheet(wb, { ...c.template, name: c.sheet });
      continue;
    }
    if (c.kind === 'add') {
      addValues(wb, c.values);
      continue;
    }
    // exceljs cuts a name to Excel's 31 characters.
    const ws = wb.getWorksheet(c.sheet) ?? wb.getWorksheet(c.sheet.slice(0, 31));
    if (!ws) throw new Error(`副本中找不到工作表“${c.sheet}”。`);
    if (c.header) applyHeader(ws, c.header);
    if (c.text) applyText(ws, c.text);
  }
  const out = await wb.xlsx.writeBuffer();
  return { name: copyName(file.name), bytes: new Uint8Array(out as ArrayBuffer) };
}
