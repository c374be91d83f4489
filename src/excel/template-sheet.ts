/* The official ledger sheet through Office.js (the same layout as `taizhang template`, src/cli/template.ts; its grid: src/session/insert.ts). */
import { columnLetter } from '../ledger/cell';
import { DATE_NUMBER_FORMAT, TemplateSheet, ValidationSpec } from '../ledger/template';
import { rangeAddress } from '../session/addresses';

const EDGES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideHorizontal', 'InsideVertical'] as const;

/** Excel character units (what exceljs and the template use) to points (what Office.js uses): 7 px a character plus 5 px padding, 0.75 pt a pixel. */
export function widthPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

function thinBorders(range: Excel.Range): void {
  for (const edge of EDGES) {
    const b = range.format.borders.getItem(edge);
    b.style = 'Continuous';
    b.weight = 'Thin';
  }
}

export function validationRule(spec: ValidationSpec): Excel.DataValidationRule {
  switch (spec.type) {
    case 'date':
      return { date: { formula1: spec.min, formula2: spec.max, operator: 'Between' } };
    case 'whole':
      return { wholeNumber: { formula1: spec.min, formula2: spec.max, operator: 'Between' } };
    case 'list':
      return { list: { inCellDropDown: true, source: spec.values.join(',') } };
  }
}

/** Queues one official sheet's content and formatting on a new worksheet (no sync). */
export function queueTemplateSheet(ws: Excel.Worksheet, t: TemplateSheet): void {
  const width = t.widths.length;
  const last = columnLetter(width);
  t.widths.forEach((w, i) => {
    const c = columnLetter(i + 1);
    ws.getRange(`${c}:${c}`).format.columnWidth = widthPoints(w);
  });

  ws.getRange('A1').values = [[t.title]];
  const title = ws.getRange(`A1:${last}1`);
  title.format.font.name = '宋体';
  title.format.font.size = 16;
  title.format.font.bold = true;
  title.format.horizontalAlignment = 'Center';
  title.format.verticalAlignment = 'Center';
  ws.getRange('1:1').format.rowHeight = 32;

  const headerEnd = t.headerRow + t.headerRows.length - 1;
  const header = ws.getRange(`A${t.headerRow}:${last}${headerEnd}`);
  header.values = t.headerRows.map((r) => [...r]);
  header.format.font.name = '宋体';
  header.format.font.size = 11;
  header.format.font.bold = true;
  header.format.horizontalAlignment = 'Center';
  header.format.verticalAlignment = 'Center';
  header.format.wrapText = true;
  thinBorders(header);
  ws.getRange(`${t.headerRow}:${headerEnd}`).format.rowHeight = 30;

  const data = ws.getRange(`A${t.firstDataRow}:${last}${t.footnoteRow - 1}`);
  thinBorders(data);
  data.format.verticalAlignment = 'Center';
  data.format.wrapText = true;
  for (const c of t.dateColumns) {
    const l = columnLetter(c);
    ws.getRange(`${l}${t.firstDataRow}:${l}${t.footnoteRow - 1}`).numberFormat = Array.from({ length: t.dataRows }, () => [DATE_NUMBER_FORMAT]);
  }

  ws.getRange(`A${t.footnoteRow}`).values = [[t.footnote]];
  const foot = ws.getRange(`A${t.footnoteRow}:${last}${t.footnoteRow}`);
  foot.format.wrapText = true;
  foot.format.verticalAlignment = 'Top';
  ws.getRange(`${t.footnoteRow}:${t.footnoteRow}`).format.rowHeight = 36;

  for (const m of t.merges) ws.getRange(rangeAddress(m)).merge(false);

  for (const v of t.validations) {
    const l = columnLetter(v.col);
    const dv = ws.getRange(`${l}${t.firstDataRow}:${l}${t.footnoteRow - 1}`).dataValidation;
    dv.rule = validationRule(v.spec);
    dv.ignoreBlanks = true;
    dv.prompt = { showPrompt: true, title: '填写提示', message: v.spec.prompt };
    dv.errorAlert = { showAlert: true, style: 'Stop', title: '输入有误', message: v.spec.error };
  }

  ws.freezePanes.freezeRows(t.firstDataRow - 1);
  ws.pageLayout.orientation = 'Landscape';
  ws.pageLayout.paperSize = 'A4';
}
