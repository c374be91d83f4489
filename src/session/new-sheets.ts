/*
 * New sheets of values (the county's 汇总 tables) added to the open workbook: valid names that
 * clash with no sheet (`汇总（2）`), written after the last sheet. Existing sheets are never
 * touched: a name in use gets a suffix, it is never replaced.
 */
import type { NewSheet, SheetInfo, WorkbookIO } from './driver';

/** Excel's limit on a sheet name (Rename a worksheet: "cannot exceed 31 characters"). */
export const SHEET_NAME_MAX = 31;
/** Characters a sheet name cannot contain (same page: / \ ? * : [ ]). */
const FORBIDDEN = /[\\/?*:[\]]/g;

/** The name made valid: forbidden characters become `_`, no apostrophe at either end, at most 31 characters, `History` (reserved by Excel) avoided. */
export function validSheetName(raw: string): string {
  let n = raw.replace(FORBIDDEN, '_').replace(/[\u0000-\u001f]/g, '').trim();
  n = n.replace(/^'+|'+$/g, '');
  n = [...n].slice(0, SHEET_NAME_MAX).join('').trim();
  if (!n) n = '工作表';
  if (n.toLowerCase() === 'history') n = `${n}_`;
  return n;
}

/** `base`, or `base（2）`, `base（3）` … — cut so the suffix fits in 31 characters — when a sheet has that name (case-insensitive). */
export function newSheetName(raw: string, taken: Set<string>): string {
  const base = validSheetName(raw);
  if (!taken.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const suffix = `（${i}）`;
    const n = [...base].slice(0, SHEET_NAME_MAX - suffix.length).join('') + suffix;
    if (!taken.has(n.toLowerCase())) return n;
  }
}

/** Adds the sheets under free names (after listing the workbook's sheets in the same operation); resolves with them as added. */
export async function addNewSheets(io: WorkbookIO, sheets: NewSheet[]): Promise<SheetInfo[]> {
  if (!io.addSheets) throw new Error('这里不能在工作簿中添加工作表，请改用“保存汇总表（.xlsx）”。');
  const info = await io.listSheets();
  const taken = new Set(info.sheets.map((s) => s.name.toLowerCase()));
  const named = sheets.map((s) => {
    const name = newSheetName(s.name, taken);
    taken.add(name.toLowerCase());
    return { ...s, name };
  });
  if (!named.length) return [];
  const added = await io.addSheets(named);
  // The first one is shown (where the host can show a sheet: not the offline page).
  if (added.length) await io.select(added[0].id, 'A1').catch(() => undefined);
  return added;
}
