/*
 * The add-in's marks in Excel: its conditional formats, found by the tag in their formula (never
 * by an id), the cells they apply to read back, and their deletion by position.
 */
import type { CellRange } from '../ledger/cell';
import { MarkCells, MarkSeverity, isMarkFormula, markSeverity } from '../session/marks';
import { rangesOf } from '../session/addresses';

/** A conditional format written by the add-in (found by the tag in its formula, never by its id). */
export interface FoundMark {
  cf: Excel.ConditionalFormat;
  /** Its position in the collection it was loaded from (what Office.js addresses it by). */
  priority: number;
  severity: MarkSeverity;
}

/** Loads every conditional format of a sheet: its priority and, for custom ones, the formula (and the ids, for the self-test's report). */
export function cfsOf(ws: Excel.Worksheet, withIds = false): Excel.ConditionalFormatCollection {
  const cfs = ws.getRange().conditionalFormats;
  cfs.load({ ...(withIds ? { id: true } : {}), priority: true, customOrNullObject: { rule: { formula: true } } } as Excel.Interfaces.ConditionalFormatCollectionLoadOptions);
  return cfs;
}

export function foundMarks(cfs: Excel.ConditionalFormatCollection): FoundMark[] {
  const out: FoundMark[] = [];
  for (const cf of cfs.items) {
    const custom = cf.customOrNullObject;
    if (custom.isNullObject) continue;
    const f = custom.rule.formula;
    if (isMarkFormula(f)) out.push({ cf, priority: cf.priority, severity: markSeverity(f) });
  }
  return out;
}

/**
 * Deletes found marks in one batch, lowest priority first: Office.js addresses a loaded
 * conditional format by its position (`ConditionalFormat.id` is "the priority of the conditional
 * format in the current collection"), so deleting from the bottom up leaves the positions of the
 * marks still to delete, and of every other format, as they were loaded.
 */
export function deleteMarks(found: FoundMark[]): void {
  for (const m of [...found].sort((a, b) => b.priority - a.priority)) m.cf.delete();
}

/**
 * The cells each found mark applies to (`ConditionalFormat.getRanges`, ExcelApi 1.9), in one
 * sync for all sheets: what the sheet shows is compared with the plan by these cells, so an undo
 * of the add-in's write, a mark copied by the clerk or a format deleted by hand is seen.
 */
export async function readMarkCells(sync: () => Promise<void>, found: Map<string, FoundMark[]>): Promise<Map<string, MarkCells>> {
  const queued: { id: string; m: FoundMark; areas: Excel.RangeAreas }[] = [];
  for (const [id, list] of found) {
    for (const m of list) {
      const areas = m.cf.getRanges();
      areas.load('address');
      queued.push({ id, m, areas });
    }
  }
  const out = new Map<string, MarkCells>([...found.keys()].map((id) => [id, { error: [], warning: [] }]));
  if (!queued.length) return out;
  await sync();
  for (const q of queued) {
    const cells: CellRange[] = rangesOf(q.areas.address);
    out.get(q.id)![q.m.severity].push(...cells);
  }
  return out;
}
