/*
 * The official ledger sheet through ET's object model (the layout of `taizhang template`,
 * src/ledger/template.ts; the other hosts: src/excel/template-sheet.ts, src/cli/template.ts).
 */
import { columnLetter } from '../ledger/cell';
import { DATE_NUMBER_FORMAT, TemplateSheet, ValidationSpec } from '../ledger/template';
import { rangeAddress } from '../session/addresses';
import { EtApp, XL } from './et';

function boxed(r: Et.Range): void {
  for (const edge of XL.edges) {
    const b = r.Borders.Item(edge);
    b.LineStyle = XL.continuous;
    b.Weight = XL.thin;
  }
}

/** `2000-01-01` as a validation bound (`=DATE(2000,1,1)`). */
function dateFormula(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `=DATE(${y},${m},${d})`;
}

function addValidation(r: Et.Range, spec: ValidationSpec): void {
  const v = r.Validation;
  v.Delete();
  if (spec.type === 'date') v.Add(XL.validateDate, XL.alertStop, XL.between, dateFormula(spec.min), dateFormula(spec.max));
  else if (spec.type === 'whole') v.Add(XL.validateWhole, XL.alertStop, XL.between, String(spec.min), String(spec.max));
  else v.Add(XL.validateList, XL.alertStop, XL.between, spec.values.join(','));
  v.IgnoreBlank = true;
  v.InputTitle = '填写提示';
  v.InputMessage = spec.prompt;
  v.ErrorTitle = '输入有误';
  v.ErrorMessage = spec.error;
  v.ShowInput = true;
  v.ShowError = true;
}

/** Fills a new, empty worksheet with one official sheet's content and formatting. */
export function fillTemplateSheet(app: EtApp, ws: Et.Worksheet, t: TemplateSheet): void {
  const width = t.widths.length;
  const last = columnLetter(width);
  const block = (top: number, bottom: number) => ws.Range(rangeAddress({ top, left: 1, bottom, right: width }));
  t.widths.forEach((w, i) => {
    const c = columnLetter(i + 1);
    ws.Range(`${c}:${c}`).ColumnWidth = w;
  });

  ws.Range('A1').Value2 = t.title;
  const title = block(1, 1);
  title.Font.Name = '宋体';
  title.Font.Size = 16;
  title.Font.Bold = true;
  title.HorizontalAlignment = XL.center;
  title.VerticalAlignment = XL.center;
  title.RowHeight = 32;

  const headerEnd = t.headerRow + t.headerRows.length - 1;
  const header = block(t.headerRow, headerEnd);
  header.Value2 = t.headerRows.map((r) => [...r]);
  header.Font.Name = '宋体';
  header.Font.Size = 11;
  header.Font.Bold = true;
  header.HorizontalAlignment = XL.center;
  header.VerticalAlignment = XL.center;
  header.WrapText = true;
  header.RowHeight = 30;
  boxed(header);

  const data = block(t.firstDataRow, t.footnoteRow - 1);
  boxed(data);
  data.VerticalAlignment = XL.center;
  data.WrapText = true;
  for (const c of t.dateColumns) {
    const l = columnLetter(c);
    ws.Range(`${l}${t.firstDataRow}:${l}${t.footnoteRow - 1}`).NumberFormat = DATE_NUMBER_FORMAT;
  }

  ws.Range(`A${t.footnoteRow}`).Value2 = t.footnote;
  const foot = ws.Range(`A${t.footnoteRow}:${last}${t.footnoteRow}`);
  foot.WrapText = true;
  foot.VerticalAlignment = XL.top;
  foot.RowHeight = 36;

  for (const m of t.merges) ws.Range(rangeAddress(m)).Merge();
  for (const v of t.validations) {
    const l = columnLetter(v.col);
    addValidation(ws.Range(`${l}${t.firstDataRow}:${l}${t.footnoteRow - 1}`), v.spec);
  }

  ws.PageSetup.Orientation = XL.landscape;
  ws.PageSetup.PaperSize = XL.paperA4;
  // Freezing panes acts on the active window: the new sheet is active while it is filled.
  ws.Activate();
  const win = app.ActiveWindow;
  win.SplitColumn = 0;
  win.SplitRow = t.firstDataRow - 1;
  win.FreezePanes = true;
}
