/* 清除标记: every sheet's add-in marks removed (the clerk's own formats untouched), as one operation. */
import type { SheetWrite, WorkbookIO } from './driver';
import { PROTECTED, sheetNote } from './errors';
import { NO_MARKS, planKey } from './marks';
import type { SheetBook } from './sheets';

const NONE = planKey(NO_MARKS);

export async function clearMarks(io: WorkbookIO, book: SheetBook): Promise<void> {
  const info = await io.listSheets();
  book.keepOnly(new Set(info.sheets.map((s) => s.id)));
  for (const s of info.sheets) book.upsert(s);
  // Every sheet: marks the clerk copied elsewhere go too.
  const read = await io.read({ marks: info.sheets.map((s) => s.id) });
  const writes: SheetWrite[] = [];
  for (const s of info.sheets) {
    const e = book.entry(s.id)!;
    const f = read.marks.get(s.id);
    if (!f) continue;
    if ('failed' in f) {
      e.marks = null;
      e.note = sheetNote(e.name, f.failed, 'clear');
    } else if (!f.count) {
      e.marks = { key: NONE, count: 0 };
      e.note = null;
      e.planned = book.ledger(s.id);
    } else if (e.protected) {
      e.marks = null;
      e.note = sheetNote(e.name, PROTECTED, 'clear');
    } else writes.push({ id: s.id, marks: NO_MARKS });
  }
  if (!writes.length) return;
  const res = await io.write(writes);
  for (const w of writes) {
    const e = book.entry(w.id)!;
    const failed = res.failed.find((f) => f.id === w.id);
    if (failed) {
      e.marks = null;
      e.note = sheetNote(e.name, failed.error, 'clear');
    } else {
      e.marks = { key: NONE, count: 0 };
      e.note = null;
      e.planned = book.ledger(w.id);
    }
  }
}
