/*
 * One operation's WorkbookIO on Excel: everything inside one `Excel.run` (one RequestContext),
 * so the conditional formats a read found can be deleted by the write that follows — never by an
 * id kept from an earlier operation.
 */
import type { TemplateSheet } from '../ledger/template';
import type { FullRequest, MarksFound, NewSheet, ReadRequest, ReadResult, SheetInfo, SheetWrite, View, WorkbookIO, WorkbookInfo, WriteResult } from '../session/driver';
import { SheetBook } from '../session/sheets';
import { excelApiSupported } from './office';
import { FoundMark, readMarkCells } from './marks';
import { MergeMode, ReadBudget, isHidden, readSheets } from './read';
import { queueTemplateSheet } from './template-sheet';
import { readView } from './view';
import { withoutEvents, writeSheets } from './write';

type Sync = () => Promise<void>;

export class ExcelIO implements WorkbookIO {
  /** Marks found by this operation's reads, per sheet. */
  private readonly found = new Map<string, FoundMark[]>();

  constructor(
    private readonly ctx: Excel.RequestContext,
    private readonly sync: Sync,
    private readonly budget: ReadBudget,
    /** How each sheet's merged areas were read last time (a sheet with many starts banded). */
    private readonly mergeModes: Map<string, MergeMode>,
  ) {}

  async listSheets(): Promise<WorkbookInfo> {
    const list = this.ctx.workbook.worksheets;
    // Worksheet.visibility (ExcelApi 1.1): "Visible" | "Hidden" | "VeryHidden"
    // (https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-visibility-member).
    list.load('items/id,items/name,items/position,items/protection/protected,items/visibility');
    // DATE(1904,1,1) is 1462 in the 1900 date system and 0 in the 1904 system.
    const probe = this.ctx.workbook.functions.date(1904, 1, 1);
    probe.load('value');
    await this.sync();
    return {
      sheets: list.items.map((w) => ({ id: w.id, name: w.name, position: w.position, protected: w.protection.protected, hidden: isHidden(w.visibility) })),
      date1904: probe.value === 0,
    };
  }

  async read(req: ReadRequest): Promise<ReadResult> {
    const full: FullRequest[] = req.full ?? [];
    const rows = req.rows ?? [];
    const formulas = new Map<string, unknown[][]>();
    const marks = new Map<string, MarksFound>();
    if (full.length || rows.length || req.marks?.length) {
      const ids = [...full.map((f) => f.id), ...rows.map((r) => r.id)];
      const out = await readSheets(this.ctx, this.sync, full, rows, {
        budget: this.budget,
        merges: this.mergeMode(ids),
        marks: req.marks ?? [],
        wantsRest: req.wantsRest ?? SheetBook.wantsRest,
        progress: req.progress,
        pause: req.pause,
      });
      for (const f of out.full) this.mergeModes.set(f.id, f.merges);
      const found = new Map<string, FoundMark[]>();
      for (const [id, m] of out.marks) {
        if (Array.isArray(m)) found.set(id, m);
        else marks.set(id, { failed: m });
      }
      const cells = await readMarkCells(this.sync, found);
      for (const [id, m] of found) {
        this.found.set(id, m);
        marks.set(id, { count: m.length, cells: cells.get(id) });
      }
      if (!req.formulas?.length) return { full: out.full, rows: out.rows, marks, formulas };
      const f = await this.readFormulas(req.formulas);
      return { full: out.full, rows: out.rows, marks, formulas: f };
    }
    return { full: [], rows: [], marks, formulas: req.formulas?.length ? await this.readFormulas(req.formulas) : formulas };
  }

  private async readFormulas(reqs: NonNullable<ReadRequest['formulas']>): Promise<Map<string, unknown[][]>> {
    const ranges = reqs.map((r) => {
      const range = this.ctx.workbook.worksheets.getItem(r.id).getRangeByIndexes(r.range.top - 1, r.range.left - 1, r.range.bottom - r.range.top + 1, r.range.right - r.range.left + 1);
      range.load('formulas');
      return { id: r.id, range };
    });
    await this.sync();
    return new Map(ranges.map((r) => [r.id, r.range.formulas]));
  }

  write(plan: SheetWrite[]): Promise<WriteResult> {
    return writeSheets(this.ctx, this.sync, plan, this.found);
  }

  async insertSheets(sheets: { name: string; template: TemplateSheet }[]): Promise<SheetInfo[]> {
    const list = this.ctx.workbook.worksheets;
    const made: Excel.Worksheet[] = [];
    await withoutEvents(this.ctx, this.sync, () => {
      for (const s of sheets) {
        const ws = list.add(s.name);
        queueTemplateSheet(ws, s.template);
        ws.load('id,name,position');
        made.push(ws);
      }
    });
    for (const ws of made) this.mergeModes.set(ws.id, 'sheet');
    return made.map((ws) => ({ id: ws.id, name: ws.name, position: ws.position, protected: false, hidden: false }));
  }

  /** New sheets of values (add-sheets.ts, loaded with the 县局汇总 view's chunk), in syncs within the payload budget. */
  async addSheets(sheets: NewSheet[]): Promise<SheetInfo[]> {
    const { addValueSheets } = await import(/* webpackChunkName: "rollup-view" */ './add-sheets');
    const added = await addValueSheets(this.ctx, this.sync, sheets, this.budget.bytes);
    for (const a of added) this.mergeModes.set(a.id, 'sheet');
    return added;
  }

  /** The active sheet and the rows the clerk sees (view.ts); one sync. */
  view(): Promise<View> {
    return readView(this.ctx, this.sync);
  }

  async select(sheetId: string, cell: string): Promise<void> {
    await withoutEvents(this.ctx, this.sync, () => {
      const ws = this.ctx.workbook.worksheets.getItem(sheetId);
      ws.activate();
      ws.getRange(cell).select();
    });
  }

  /** Merged areas: none before ExcelApi 1.13; banded when one of the sheets needed it. */
  private mergeMode(ids: string[]): MergeMode {
    if (!excelApiSupported('1.13')) return 'none';
    const modes = new Set(ids.map((id) => this.mergeModes.get(id)));
    return modes.has('none') ? 'none' : modes.has('banded') ? 'banded' : 'sheet';
  }
}
