/* The official ledger sheets (and the 执法人员名单) written with exceljs (browser-capable: the offline page's copy uses addTemplateSheet too). */
import ExcelJS from 'exceljs';
import { columnLetter } from '../ledger/cell';
import { KINDS } from '../ledger/columns';
import { DATE_NUMBER_FORMAT, TemplateSheet, ValidationSpec, templateSheet } from '../ledger/template';

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

function validation(spec: ValidationSpec): ExcelJS.DataValidation {
  const common = { allowBlank: true, showErrorMessage: true, showInputMessage: true, prompt: spec.prompt, error: spec.error, errorStyle: 'stop' as const };
  switch (spec.type) {
    case 'date':
      return { ...common, type: 'date', operator: 'between', formulae: [new Date(spec.min), new Date(spec.max)] };
    case 'whole':
      return { ...common, type: 'whole', operator: 'between', formulae: [spec.min, spec.max] };
    case 'list':
      return { ...common, type: 'list', formulae: [`"${spec.values.join(',')}"`] };
  }
}

/** Adds one official sheet (a ledger or the roster) to an exceljs workbook. */
export function addTemplateSheet(wb: ExcelJS.Workbook, t: TemplateSheet): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(t.name, { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  const width = t.widths.length;
  ws.columns = t.widths.map((w) => ({ width: w }));
  const title = ws.getCell(1, 1);
  title.value = t.title;
  title.font = { name: '宋体', size: 16, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 32;
  t.headerRows.forEach((texts, i) => {
    const row = ws.getRow(t.headerRow + i);
    row.height = 30;
    texts.forEach((text, c) => {
      const cell = row.getCell(c + 1);
      if (text) cell.value = text;
      cell.font = { name: '宋体', size: 11, bold: true };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.border = THIN;
    });
  });
  for (let r = t.firstDataRow; r < t.footnoteRow; r++) {
    for (let c = 1; c <= width; c++) {
      const cell = ws.getCell(r, c);
      cell.border = THIN;
      cell.alignment = { vertical: 'middle', wrapText: true };
      if (t.dateColumns.includes(c)) cell.numFmt = DATE_NUMBER_FORMAT;
    }
  }
  const foot = ws.getCell(t.footnoteRow, 1);
  foot.value = t.footnote;
  foot.alignment = { wrapText: true, vertical: 'top' };
  ws.getRow(t.footnoteRow).height = 36;
  for (const m of t.merges) ws.mergeCells(m.top, m.left, m.bottom, m.right);
  for (const v of t.validations) {
    const range = `${columnLetter(v.col)}${t.firstDataRow}:${columnLetter(v.col)}${t.footnoteRow - 1}`;
    (ws as unknown as { dataValidations: { add(r: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(range, validation(v.spec));
  }
  ws.views = [{ state: 'frozen', ySplit: t.firstDataRow - 1 }];
  return ws;
}

/** A blank workbook with the three official ledger sheets (and, with `roster`, the 执法人员名单 after them). */
export function templateWorkbook(team: string | null = null, options: { roster?: boolean } = {}): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = '执法台账助手';
  for (const kind of KINDS) addTemplateSheet(wb, templateSheet(kind, team));
  if (options.roster) addTemplateSheet(wb, templateSheet('roster', team));
  return wb;
}
