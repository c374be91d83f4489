/*
 * One operation's WorkbookIO in WPS 表格: the API is synchronous, so each method does its work
 * at once (sheet by sheet, yielding to the pane between sheets) and resolves.
 */
import type { TemplateSheet } from '../ledger/template';
import type { MarksFound, NewSheet, ReadRequest, ReadResult, SheetInfo, SheetRead, SheetWrite, WorkbookIO, WorkbookInfo, WriteResult } from '../session/driver';
import { SheetBook } from '../session/sheets';
import { fillValueSheet } from './add-sheets';
import { EtApp, hostError } from './et';
import { Tick, contentExtent, countMarks, formulas, readFull, readRows } from './read';
import { sheetIds, sheetInfo, worksheets } from './sheets';
import { fillTemplateSheet } from './template-sheet';
import { quietly, writeSheets } from './write';

export class WpsIO implements WorkbookIO {
  private index: Map<string, Et.Worksheet> | null = null;

  constructor(
    private readonly app: EtApp,
    private readonly wb: Et.Workbook,
    private readonly tick: Tick,
  ) {}

  /** The sheet with this id (rejects with ItemNotFound). */
  sheet(id: string): Et.Worksheet {
    if (!this.index) {
      const sheets = worksheets(this.wb);
      const ids = sheetIds(sheets);
      this.index = new Map(sheets.map((ws, i) => [ids[i], ws]));
    }
    const ws = this.index.get(id);
    if (!ws) throw hostError('ItemNotFound', `工作表已不存在（${id.replace(/^(code|name):/, '')}）`);
    return ws;
  }

  async listSheets(): Promise<WorkbookInfo> {
    const sheets = worksheets(this.wb);
    const ids = sheetIds(sheets);
    this.index = new Map(sheets.map((ws, i) => [ids[i], ws]));
    return { sheets: sheets.map((ws, i) => sheetInfo(ws, ids[i])), date1904: !!this.wb.Date1904 };
  }

  async read(req: ReadRequest): Promise<ReadResult> {
    const full: SheetRead[] = [];
    // Progress over the rows the sheets hold (a sheet read only at its top counts as read in full).
    const extents = (req.full ?? []).map((f) => contentExtent(this.sheet(f.id)));
    const total = extents.reduce((n, e) => n + (e ? e.bottom - e.top + 1 : 0), 0);
    let done = 0;
    for (const [i, f] of (req.full ?? []).entries()) {
      const read = await readFull(this.sheet(f.id), f.id, f, req.wantsRest ?? SheetBook.wantsRest, this.tick, (n) => req.progress?.((done += n), total), extents[i]);
      full.push(read);
      if (!read.complete) req.progress?.((done = Math.min(total, done + read.bottom - read.grid.top + 1 - read.grid.rows.length)), total);
      await this.tick();
    }
    const rows = (req.rows ?? []).map((r) => readRows(this.sheet(r.id), r));
    const marks = new Map<string, MarksFound>();
    for (const id of req.marks ?? []) marks.set(id, countMarks(this.sheet(id)));
    const f = new Map((req.formulas ?? []).map((x) => [x.id, formulas(this.sheet(x.id), x.range)] as [string, unknown[][]]));
    return { full, rows, marks, formulas: f };
  }

  async write(plan: SheetWrite[]): Promise<WriteResult> {
    return writeSheets(this.app, plan, (id) => this.sheet(id));
  }

  async insertSheets(items: { name: string; template: TemplateSheet }[]): Promise<SheetInfo[]> {
    const before = this.app.ActiveSheet as Et.Worksheet | null;
    const made = quietly(this.app, () => {
      const out: Et.Worksheet[] = [];
      for (const it of items) {
        const list = this.wb.Worksheets;
        const ws = list.Add(undefined, list.Item(list.Count)) as Et.Worksheet;
        ws.Name = it.name;
        fillTemplateSheet(this.app, ws, it.template);
        out.push(ws);
      }
      // Back to the sheet the clerk was on.
      before?.Activate();
      return out;
    });
    await this.listSheets();
    const byName = new Map([...this.index!].map(([id, ws]) => [ws.Name, id]));
    return made.map((ws) => sheetInfo(ws, byName.get(ws.Name) ?? `name:${ws.Name}`));
  }

  /** New sheets of values after the last one (add-sheets.ts), events off while they are filled. */
  async addSheets(items: NewSheet[]): Promise<SheetInfo[]> {
    const before = this.app.ActiveSheet as Et.Worksheet | null;
    const made: Et.Worksheet[] = [];
    quietly(this.app, () => {
      for (const it of items) {
        const list = this.wb.Worksheets;
        const ws = list.Add(undefined, list.Item(list.Count)) as Et.Worksheet;
        ws.Name = it.name;
        fillValueSheet(this.app, ws, it);
        made.push(ws);
      }
      before?.Activate();
    });
    await this.listSheets();
    const byName = new Map([...this.index!].map(([id, ws]) => [ws.Name, id]));
    return made.map((ws) => sheetInfo(ws, byName.get(ws.Name) ?? `name:${ws.Name}`));
  }

  async select(sheetId: string, cell: string): Promise<void> {
    const ws = this.sheet(sheetId);
    ws.Activate();
    ws.Range(cell).Select();
  }
}
