import ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import * as path from 'path';
import { parseArgs } from 'util';
import { columnLetter } from '../ledger/cell';
import { firstMessage } from '../ledger/options';
import { KINDS } from '../ledger/columns';
import { DATE_NUMBER_FORMAT, TemplateSheet, ValidationSpec, templateSheet } from '../ledger/template';
import { teamSchema } from '../submission/options';
import { Io, UserError } from './common';
import { writeOutFiles } from './out-files';

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

/** Adds one official ledger sheet to an exceljs workbook. */
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

/** A blank workbook with the three official ledger sheets. */
export function templateWorkbook(team: string | null = null): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = '执法台账助手';
  for (const kind of KINDS) addTemplateSheet(wb, templateSheet(kind, team));
  return wb;
}

/** `taizhang template --out FILE.xlsx [--team 单位] [--force]`; the team is checked as `submit --team` is. */
export async function runTemplate(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { out: { type: 'string' }, team: { type: 'string' }, force: { type: 'boolean' } },
    allowPositionals: true,
  });
  if (positionals.length) throw new UserError(`多余的参数：${positionals.join(' ')}`);
  if (!values.out) throw new UserError('请用 --out 指定要生成的文件，如：taizhang template --out 台账.xlsx');
  const out = values.out;
  if (!/\.xlsx$/i.test(out)) throw new UserError('--out 的文件名应以 .xlsx 结尾');
  let team: string | null = null;
  if (values.team !== undefined && values.team.trim() !== '') {
    const r = teamSchema.safeParse(values.team);
    if (!r.success) throw new UserError(`--team：${firstMessage(r.error)}`);
    team = r.data;
  }
  const dir = path.dirname(path.resolve(out));
  if (!(await fs.stat(dir).then((st) => st.isDirectory(), () => false))) throw new UserError(`无法写入 ${out}：目录 ${path.dirname(out)} 不存在`);
  const data = new Uint8Array((await templateWorkbook(team).xlsx.writeBuffer()) as ArrayBuffer);
  // Whole or absent, never through a link (out-files.ts); an existing file only with --force.
  await writeOutFiles(dir, [{ name: path.basename(out), data }], !!values.force);
  io.out(`已生成 ${out}：行政处罚、行政检查、行政强制三张官方台账表。`);
  return 0;
}
