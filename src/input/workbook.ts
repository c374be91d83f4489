/*
 * The one reader of .xlsx files (the CLI's check and submit; the add-in's file paths and the
 * county roll-up use it too): `inspectXlsx` refuses what is no .xlsx or passes a limit before
 * exceljs parses anything; exceljs then reads the worksheets, those with costly merges without
 * them (its merge handling costs the merged area, and time growing with the square of their
 * number), and the merges, cut to the cells with values, go to the grids directly.
 */
import ExcelJS from 'exceljs';
import { SheetGrid } from '../ledger/cell';
import { sheetToGrid } from './grid';
import { damaged, inspectXlsx } from './inspect';
import { LIMITS, Limits } from './limits';
import { reportSheetProgress } from './load-progress';

export interface WorkbookData {
  sheets: SheetGrid[];
  date1904: boolean;
}

/**
 * An .xlsx's worksheets as grids, or an `InputError` (one Chinese line: what the file is, or
 * which limit it passes and what to do) for anything else.
 */
export async function readXlsx(bytes: Uint8Array, name: string, limits: Limits = LIMITS, progress?: (done: number, total: number) => void): Promise<WorkbookData> {
  const { xlsx, merges, rows } = await inspectXlsx(bytes, name, limits);
  const wb = new ExcelJS.Workbook();
  if (progress) reportSheetProgress(wb, rows, progress);
  try {
    await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
  } catch {
    throw damaged(name);
  }
  const grids: SheetGrid[] = [];
  wb.eachSheet((ws) => {
    grids.push(sheetToGrid(ws, merges.get(ws.name) ?? []));
  });
  return { sheets: grids, date1904: !!wb.properties?.date1904 };
}
