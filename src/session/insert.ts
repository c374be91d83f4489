/* 插入官方台账表: the missing official sheets added after the last one, known to the session without reading them back. */
import type { CellValue, SheetGrid } from '../ledger/cell';
import type { TemplateSheet } from '../ledger/template';
import type { SheetInfo, WorkbookIO } from './driver';
import { NO_MARKS, planKey } from './marks';
import type { SheetBook } from './sheets';

/** `base`, or `base（2）`, `base（3）` … when a sheet already has that name (case-insensitive). */
export function uniqueName(base: string, taken: Set<string>): string {
  if (!taken.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const n = `${base}（${i}）`;
    if (!taken.has(n.toLowerCase())) return n;
  }
}

/** The new sheet as the core reads it (values and merges only). */
export function templateGrid(t: TemplateSheet, name: string): SheetGrid {
  const width = t.widths.length;
  const row = (cells: CellValue[]) => Array.from({ length: width }, (_, i) => (cells[i] === '' ? null : cells[i] ?? null));
  const rows: CellValue[][] = [row([t.title]), ...t.headerRows.map(row)];
  for (let i = 0; i < t.dataRows; i++) rows.push(row([]));
  rows.push(row([t.footnote]));
  return { name, top: 1, left: 1, rows, merges: t.merges.map((m) => ({ ...m })) };
}

export async function insertTemplates(io: WorkbookIO, book: SheetBook, templates: TemplateSheet[]): Promise<SheetInfo[]> {
  const info = await io.listSheets();
  const taken = new Set(info.sheets.map((s) => s.name.toLowerCase()));
  const items = templates.map((template) => {
    const name = uniqueName(template.name, taken);
    taken.add(name.toLowerCase());
    return { name, template };
  });
  const added = await io.insertSheets(items);
  added.forEach((a, i) => {
    const t = items[i].template;
    const e = book.applyGrid(a, templateGrid(t, a.name), t.widths.length);
    e.marks = { key: planKey(NO_MARKS), count: 0 };
    e.planned = book.ledger(a.id);
  });
  return added;
}
