import { promises as fs } from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { CellRange, CellValue, SheetGrid, parseAddress } from '../ledger/cell';

export class UserError extends Error {}

export interface WorkbookData {
  sheets: SheetGrid[];
  date1904: boolean;
}

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** An exceljs value as the core sees it: formulas by result, rich text and links by text. */
export function fromExcelJs(v: unknown, depth = 0): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v !== 'object' || depth > 3) return null;
  const o = v as Record<string, unknown>;
  if (typeof o.error === 'string') return { error: o.error };
  if ('formula' in o || 'sharedFormula' in o) return fromExcelJs(o.result, depth + 1);
  if (Array.isArray(o.richText)) return (o.richText as { text?: unknown }[]).map((r) => (typeof r.text === 'string' ? r.text : '')).join('');
  if ('hyperlink' in o || 'text' in o) return fromExcelJs(o.text, depth + 1);
  return null;
}

/** Dense copy (no holes): the checker reads these arrays row after row. */
function packed<T>(sparse: (T | undefined)[], empty: () => T): T[] {
  const out: T[] = [];
  for (let i = 0; i < sparse.length; i++) out.push(sparse[i] ?? empty());
  return out;
}

function sheetToGrid(ws: ExcelJS.Worksheet): SheetGrid {
  const sparseRows: (CellValue[] | undefined)[] = [];
  ws.eachRow({ includeEmpty: true }, (row, rn) => {
    const cells: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, cn) => {
      cells[cn - 1] = cell.type === ExcelJS.ValueType.Merge ? null : fromExcelJs(cell.value);
    });
    sparseRows[rn - 1] = packed(cells, () => null);
  });
  const rows = packed(sparseRows, () => []);
  const merges: CellRange[] = [];
  const model = ws.model as unknown as { merges?: string[] };
  for (const m of model.merges ?? []) {
    const r = parseAddress(m);
    if (r) merges.push(r);
  }
  return { name: ws.name, top: 1, left: 1, rows, merges };
}

async function sniff(file: string): Promise<Buffer> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(file, 'r');
    const buf = Buffer.alloc(8);
    await handle.read(buf, 0, 8, 0);
    return buf;
  } finally {
    await handle?.close();
  }
}

/** Reads an .xlsx into grids; a file it cannot read becomes a UserError with a Chinese message. */
export async function readWorkbook(file: string): Promise<WorkbookData> {
  const name = path.basename(file);
  let stat;
  try {
    stat = await fs.stat(file);
  } catch {
    throw new UserError(`找不到文件：${file}`);
  }
  if (stat.isDirectory()) throw new UserError(`${file} 是文件夹，请指定一个 .xlsx 文件`);
  const ext = path.extname(file).toLowerCase();
  const head = await sniff(file).catch(() => {
    throw new UserError(`无法打开文件：${file}（没有读取权限？）`);
  });
  if (head.subarray(0, 8).equals(OLE)) {
    if (ext === '.xlsx' || ext === '.xlsm') {
      throw new UserError(`${name} 设置了打开密码（已加密），无法读取。请在 Excel 中取消密码（文件→信息→保护工作簿）后另存为 .xlsx 再试`);
    }
    throw new UserError(`${name} 是旧版 Excel（.xls）或 WPS（.et）格式。请在 Excel 或 WPS 中“另存为” Excel 工作簿（.xlsx）后再试`);
  }
  if (!head.subarray(0, 4).equals(ZIP)) {
    if (ext === '.et' || ext === '.xls') throw new UserError(`${name} 不是 .xlsx 文件。请在 Excel 或 WPS 中“另存为” Excel 工作簿（.xlsx）后再试`);
    throw new UserError(`${name} 不是 Excel 工作簿（.xlsx），无法读取。请用 Excel 或 WPS 另存为 .xlsx 后再试`);
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(file);
  } catch {
    throw new UserError(`${name} 无法读取，文件可能已损坏。请用 Excel 打开后另存为 .xlsx 再试`);
  }
  const sheets: SheetGrid[] = [];
  wb.eachSheet((ws) => {
    sheets.push(sheetToGrid(ws));
  });
  return { sheets, date1904: !!wb.properties?.date1904 };
}
