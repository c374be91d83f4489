/*
 * Worksheets of the workbook the pane is bound to: their ids and how to find them again.
 * VBA gives a worksheet no id; its CodeName (`Sheet3`) stays the same when the clerk renames
 * the tab, so it is the id where the host reports one. A sheet added by code may have none until
 * the file is saved (as in Excel's VBA), and two sheets must never share an id: those sheets
 * are known by their name (`name:…`).
 */
import type { SheetInfo } from '../session/driver';
import { hostError } from './et';

export function worksheets(wb: Et.Workbook): Et.Worksheet[] {
  const list = wb.Worksheets;
  const out: Et.Worksheet[] = [];
  for (let i = 1; i <= list.Count; i++) out.push(list.Item(i) as Et.Worksheet);
  return out;
}

function codeName(ws: Et.Worksheet): string {
  try {
    const c = ws.CodeName;
    return typeof c === 'string' ? c.trim() : '';
  } catch {
    return '';
  }
}

/** Each sheet's id, in tab order (CodeName where it is present and unique, else the name). */
export function sheetIds(sheets: Et.Worksheet[]): string[] {
  const codes = sheets.map(codeName);
  const seen = new Map<string, number>();
  for (const c of codes) if (c) seen.set(c, (seen.get(c) ?? 0) + 1);
  return sheets.map((ws, i) => (codes[i] && seen.get(codes[i]) === 1 ? `code:${codes[i]}` : `name:${ws.Name}`));
}

export function sheetInfo(ws: Et.Worksheet, id: string): SheetInfo {
  let prot = false;
  try {
    prot = !!ws.ProtectContents;
  } catch {
    prot = false;
  }
  return { id, name: ws.Name, position: ws.Index - 1, protected: prot, hidden: sheetHidden(ws) };
}

/**
 * Worksheet.Visible is an XlSheetVisibility: xlSheetVisible -1, xlSheetHidden 0,
 * xlSheetVeryHidden 2 (et-jsapi-declare lib.et.d.ts; as VBA's,
 * https://learn.microsoft.com/office/vba/api/excel.worksheet.visible). Code may also set it to
 * true or false, so a boolean false reads as hidden too. Unreadable: treated as visible.
 */
function sheetHidden(ws: Et.Worksheet): boolean {
  try {
    const v: unknown = ws.Visible;
    return v === 0 || v === 2 || v === false;
  } catch {
    return false;
  }
}

/** The sheet with this id; rejects with `ItemNotFound` when it is gone. */
export function findSheet(wb: Et.Workbook, id: string): Et.Worksheet {
  const sheets = worksheets(wb);
  const ids = sheetIds(sheets);
  const i = ids.indexOf(id);
  if (i < 0) throw hostError('ItemNotFound', `工作表已不存在（${id.replace(/^(code|name):/, '')}）`);
  return sheets[i];
}

/** The id a sheet has now (for events, which hand over the Worksheet object). */
export function idOf(wb: Et.Workbook, ws: Et.Worksheet): string {
  const sheets = worksheets(wb);
  const ids = sheetIds(sheets);
  const name = ws.Name;
  const i = sheets.findIndex((s) => s.Name === name);
  return i >= 0 ? ids[i] : `name:${name}`;
}
