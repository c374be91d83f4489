/*
 * A workbook file opened in the offline page: its bytes (kept unchanged: the original is never
 * written), its sheets as the core's grids (read in the page's worker by the one bounded
 * reader, read.ts), and the add-in's changes since it was opened (报送月份 cells, official
 * sheets inserted, the county's 汇总 sheets added), in order, for the copy (copy.ts).
 */
import type { SheetGrid } from '../ledger/cell';
import type { TemplateSheet } from '../ledger/template';
import type { HeaderWrite, NewSheet, TextWrite } from '../session/driver';

export type Change = { kind: 'cells'; sheet: string; header?: HeaderWrite; text?: TextWrite } | { kind: 'insert'; sheet: string; template: TemplateSheet } | { kind: 'add'; sheet: string; values: NewSheet };

export interface FileSheet {
  id: string;
  grid: SheetGrid;
}

export class WorkbookFile {
  readonly changes: Change[] = [];
  private seq: number;

  constructor(
    readonly name: string,
    readonly bytes: Uint8Array,
    readonly sheets: FileSheet[],
    readonly date1904: boolean,
  ) {
    this.seq = sheets.length;
  }

  nextId(): string {
    return `s${++this.seq}`;
  }

  sheet(id: string): FileSheet {
    const s = this.sheets.find((x) => x.id === id);
    if (!s) throw Object.assign(new Error(`工作表已不存在（${id}）`), { code: 'ItemNotFound' });
    return s;
  }
}
