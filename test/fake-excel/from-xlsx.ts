/* Test-side (Node) helper: an .xlsx as the fake's JSON model, via exceljs (dates become serials, as Office.js reports them). */
import ExcelJS from 'exceljs';
import { colLetters } from './a1';
import { CellJson, FontStyle, SheetJson, WorkbookJson } from './model';

const DAY = 86_400_000;
const EPOCH = Date.UTC(1899, 11, 30);

function argb(c: unknown): string | undefined {
  const v = (c as { argb?: string } | undefined)?.argb;
  return typeof v === 'string' && v.length === 8 ? `#${v.slice(2)}` : undefined;
}

function valueOf(v: unknown, date1904: boolean): { v?: string | number | boolean | null; error?: string; f?: string } {
  if (v === null || v === undefined) return { v: null };
  if (v instanceof Date) return { v: Math.round((v.getTime() - EPOCH) / DAY) - (date1904 ? 1462 : 0) };
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return { v };
  const o = v as Record<string, unknown>;
  if (typeof o.error === 'string') return { error: o.error };
  if ('formula' in o || 'sharedFormula' in o) {
    const r = valueOf(o.result, date1904);
    return { ...r, f: `=${String(o.formula ?? o.sharedFormula)}` };
  }
  if (Array.isArray(o.richText)) return { v: (o.richText as { text?: string }[]).map((t) => t.text ?? '').join('') };
  if ('text' in o) return valueOf(o.text, date1904);
  return { v: null };
}

/** The workbook at `file` as a WorkbookJson for FakeWorkbook.fromJson. */
export async function modelFromXlsx(file: string): Promise<WorkbookJson> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const date1904 = !!wb.properties?.date1904;
  const sheets: SheetJson[] = [];
  wb.eachSheet((ws) => {
    const cells: Record<string, CellJson> = {};
    ws.eachRow({ includeEmpty: true }, (row) => {
      row.eachCell({ includeEmpty: true }, (cell) => {
        if (cell.type === ExcelJS.ValueType.Merge) return;
        const val = valueOf(cell.value, date1904);
        const c: Exclude<CellJson, string | number | boolean | null> = {};
        if (val.error) c.error = val.error;
        else if (val.v !== null && val.v !== undefined && val.v !== '') c.v = val.v;
        if (val.f) c.f = val.f;
        if (cell.numFmt) c.nf = cell.numFmt;
        const fill = cell.fill as { type?: string; pattern?: string; fgColor?: unknown } | undefined;
        if (fill?.type === 'pattern' && fill.pattern === 'solid' && argb(fill.fgColor)) c.fill = argb(fill.fgColor);
        if (cell.font && Object.keys(cell.font).length) {
          const f: FontStyle = {};
          if (cell.font.name) f.name = cell.font.name;
          if (cell.font.size) f.size = cell.font.size;
          if (cell.font.bold) f.bold = true;
          if (cell.font.italic) f.italic = true;
          const col = argb(cell.font.color);
          if (col) f.color = col;
          if (Object.keys(f).length) c.font = f;
        }
        if (cell.alignment?.horizontal) c.hAlign = cell.alignment.horizontal;
        if (cell.alignment?.vertical) c.vAlign = cell.alignment.vertical;
        if (cell.alignment?.wrapText) c.wrap = true;
        if (cell.border) {
          const b: Record<string, string> = {};
          for (const side of ['top', 'bottom', 'left', 'right'] as const) {
            const s = cell.border[side]?.style;
            if (s) b[side] = s;
          }
          if (Object.keys(b).length) c.borders = b;
        }
        if (Object.keys(c).length) cells[cell.address] = c;
      });
    });
    const model = ws.model as unknown as { merges?: string[] };
    const widths: Record<string, number> = {};
    (ws.columns ?? []).forEach((col, i) => {
      if (col?.width) widths[colLetters(i + 1)] = col.width;
    });
    // exceljs reads <sheet state="hidden|veryHidden"> into Worksheet.state.
    const visibility = ws.state === 'hidden' ? 'Hidden' : ws.state === 'veryHidden' ? 'VeryHidden' : undefined;
    sheets.push({ name: ws.name, cells, merges: model.merges ?? [], columnWidths: widths, ...(visibility ? { visibility } : {}) });
  });
  return { date1904, sheets };
}
