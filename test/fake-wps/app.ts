/*
 * A fake WPS 表格 `Application` (ET object model) over the fake workbook model, for the WPS
 * driver's tests. Besides range.ts, what it models and from where:
 * - Worksheets(i) 1-based in tab order; Worksheets.Add(Before, After) adds and activates the
 *   new sheet, named Sheet<n> (VBA's Sheets.Add). A sheet added by code reports an empty
 *   CodeName (as VBA, where the code name is assigned by the VBA project; the driver then knows
 *   the sheet by name).
 * - UsedRange: every cell with a value or a format (VBA's UsedRange includes formatted cells).
 * - Application.ApiEvent.AddApiEventListener('SheetChange', fn(Sh, Target)): Target is the
 *   changed Range (et-jsapi-declare types it as a sheet); rows inserted or deleted arrive as
 *   whole rows, as in VBA's Worksheet_Change. SheetActivate, WorkbookNewSheet, SheetBeforeDelete.
 * - CustomDocumentProperties: text values cut at 255 characters (Office's limit for a text
 *   property; WPS documents none).
 * - FileSystem (a map of paths to binary strings) and FileDialog(msoFileDialogFolderPicker):
 *   Show() returns -1 when a folder was picked, 0 when cancelled.
 * - AddCustomFunction(namespace, name, fn, metadata), CreateTaskPane(url, title).
 * - Cells inserted or deleted with a shift (userShiftCells): SheetChange with the range as Target,
 *   indistinguishable from an edit.
 * - Workbook.FullName (path and name): two open files may share a Name.
 * - Worksheet.Visible (XlSheetVisibility), over the model's `visibility` (see worksheet()).
 */
import { CellMap, FakeSheet, FakeWorkbook, MAX_COLS, RawEvent, Rect, key, parseA1 } from '../fake-excel';
import { FakeEtRange, RangeHost } from './range';

type Fn = (...args: unknown[]) => unknown;

export interface FakeEtOptions {
  /** File name (Workbook.Name). */
  name?: string;
  /** Path and file name (Workbook.FullName); default /home/clerk/<name>. */
  fullName?: string;
  /** No ApiEvent (a WPS without add-in events). */
  noEvents?: boolean;
  /** The folder FileDialog returns (null: the clerk cancels). */
  folder?: string | null;
}

interface Property {
  Name: string;
  Value: unknown;
}

export class FakeEtApp implements RangeHost {
  enableEvents = true;
  calls = 0;
  ScreenUpdating = true;
  readonly listeners = new Map<string, Fn[]>();
  readonly properties: Property[] = [];
  readonly files = new Map<string, string>();
  readonly functions = new Map<string, { fn: Fn; metadata: unknown }>();
  readonly panes: { url: string; title?: string; Visible: boolean; Width: number; DockPosition: number; ID: number }[] = [];
  readonly codeNames = new Map<string, string>();
  /** Own writes that raised SheetChange (events left on). */
  ownEvents = 0;
  folder: string | null;
  readonly ActiveWorkbook: Record<string, unknown>;
  readonly ApiEvent?: Record<string, Fn>;
  private readonly window = { SplitRow: 0, SplitColumn: 0, FreezePanes: false };

  constructor(
    readonly wb: FakeWorkbook,
    private readonly o: FakeEtOptions = {},
  ) {
    this.folder = o.folder === undefined ? '/home/clerk/报送' : o.folder;
    wb.sheets.forEach((s, i) => this.codeNames.set(s.id, `Sheet${i + 1}`));
    this.ActiveWorkbook = this.workbook();
    if (!o.noEvents) {
      this.ApiEvent = {
        AddApiEventListener: (name, fn) => this.listeners.set(String(name), [...(this.listeners.get(String(name)) ?? []), fn as Fn]),
        RemoveApiEventListener: (name, fn) => this.listeners.set(String(name), (this.listeners.get(String(name)) ?? []).filter((f) => f !== fn)),
      };
    }
    wb.dispatch = (e) => this.userEvent(e);
  }

  get EnableEvents(): boolean {
    return this.enableEvents;
  }

  set EnableEvents(v: boolean) {
    this.enableEvents = v;
  }

  private fire(name: string, ...args: unknown[]): void {
    for (const fn of this.listeners.get(name) ?? []) fn(...args);
  }

  private userEvent(e: RawEvent): void {
    const sheet = this.wb.findSheet(e.worksheetId);
    // Deleting goes through userDeleteSheet (WPS asks before the sheet is gone).
    if (e.name === 'deleted') return;
    if (!sheet) return;
    if (e.name === 'changed') this.fire('SheetChange', this.worksheet(sheet), FakeEtRange.of(this, sheet, e.address ?? 'A1'));
    else if (e.name === 'activated') this.fire('SheetActivate', this.worksheet(sheet));
    else if (e.name === 'added') this.fire('WorkbookNewSheet', this.ActiveWorkbook, this.worksheet(sheet));
  }

  /** The clerk deletes a sheet (WPS raises SheetBeforeDelete while it is still there). */
  userDeleteSheet(name: string): void {
    const s = this.wb.sheet(name);
    this.fire('SheetBeforeDelete', this.worksheet(s));
    const d = this.wb.dispatch;
    this.wb.dispatch = null;
    this.wb.userDeleteSheet(name);
    this.wb.dispatch = d;
  }

  /**
   * The clerk inserts (shift down) or deletes (shift up) the cells of `address` — not whole rows:
   * the cells below, in those columns, move. SheetChange's Target is that range, as for an edit
   * (VBA's Worksheet_Change after Insert/Delete Shift:=xlDown/xlUp; assumed the same in WPS).
   */
  userShiftCells(sheetName: string, address: string, how: 'insert' | 'delete'): void {
    const s = this.wb.sheet(sheetName);
    const r = parseA1(address);
    const h = r.bottom - r.top + 1;
    const cells = new CellMap();
    for (const [k, c] of s.cells) {
      const row = Math.floor(k / (MAX_COLS + 1));
      const col = k % (MAX_COLS + 1);
      if (col < r.left || col > r.right || row < r.top) cells.set(k, c);
      else if (how === 'insert') cells.set(key(row + h, col), c);
      else if (row > r.bottom) cells.set(key(row - h, col), c);
    }
    s.cells = cells;
    this.fire('SheetChange', this.worksheet(s), FakeEtRange.of(this, s, address));
  }

  ownChange(sheet: FakeSheet, r: Rect): void {
    this.ownEvents++;
    this.fire('SheetChange', this.worksheet(sheet), new FakeEtRange(this, sheet, [r]));
  }

  worksheet(sheet: FakeSheet): Record<string, unknown> {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const app = this;
    const live = () => this.wb.sheets.find((s) => s.id === sheet.id) ?? sheet;
    return {
      get Name() {
        return live().name;
      },
      set Name(v: string) {
        if (app.wb.sheets.some((s) => s !== live() && s.name.toLowerCase() === v.toLowerCase())) throw new Error('工作表名称已存在');
        live().name = v;
      },
      get CodeName() {
        return app.codeNames.get(sheet.id) ?? '';
      },
      get Index() {
        return app.wb.sheets.indexOf(live()) + 1;
      },
      get ProtectContents() {
        return !!live().protected;
      },
      // XlSheetVisibility: xlSheetVisible -1, xlSheetHidden 0, xlSheetVeryHidden 2; code may set
      // true or false (ET API 文档 Worksheet.Visible, https://airsheet.wps.cn/pydocs/et_api/excel/workbook/Worksheet/属性/Visible 属性.html;
      // VBA's https://learn.microsoft.com/office/vba/api/excel.worksheet.visible). Kept in the shared model's `visibility`.
      get Visible() {
        const v = live().visibility;
        return v === 'Hidden' ? 0 : v === 'VeryHidden' ? 2 : -1;
      },
      set Visible(v: number | boolean) {
        live().visibility = v === 2 ? 'VeryHidden' : v === 0 || v === false ? 'Hidden' : 'Visible';
      },
      get Parent() {
        return app.ActiveWorkbook;
      },
      get UsedRange() {
        const r = app.wb.usedRect(live(), false) ?? { top: 1, left: 1, bottom: 1, right: 1 };
        return new FakeEtRange(app, live(), [r]);
      },
      get Cells() {
        return new FakeEtRange(app, live(), [FakeWorkbook.whole()]);
      },
      Range(address: string) {
        return FakeEtRange.of(app, live(), address);
      },
      Activate() {
        const was = app.wb.activeSheetId;
        app.wb.activeSheetId = sheet.id;
        if (was !== sheet.id && app.enableEvents) app.fire('SheetActivate', app.worksheet(live()));
      },
      PageSetup: {
        set Orientation(v: number) {
          live().pageLayout.orientation = v === 2 ? 'Landscape' : 'Portrait';
        },
        set PaperSize(v: number) {
          live().pageLayout.paperSize = v === 9 ? 'A4' : String(v);
        },
      },
    };
  }

  private workbook(): Record<string, unknown> {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const app = this;
    const props = this.properties;
    const worksheets = {
      get Count() {
        return app.wb.sheets.length;
      },
      Item(i: number | string) {
        const s = typeof i === 'number' ? app.wb.sheets[i - 1] : app.wb.findSheet(i);
        if (!s) throw new Error(`Worksheets(${i}): 下标越界`);
        return app.worksheet(s);
      },
      Add(before?: { Index: number }, after?: { Index: number }) {
        let n = app.wb.sheets.length + 1;
        while (app.wb.findSheet(`Sheet${n}`)) n++;
        const s = app.wb.newSheet(`Sheet${n}`);
        app.wb.sheets.pop();
        const at = before ? before.Index - 1 : after ? after.Index : app.wb.sheets.length;
        app.wb.sheets.splice(at, 0, s);
        app.wb.activeSheetId = s.id;
        if (app.enableEvents) app.fire('WorkbookNewSheet', app.ActiveWorkbook, app.worksheet(s));
        return app.worksheet(s);
      },
    };
    return {
      get Name() {
        return app.o.name ?? '台账.xlsx';
      },
      get FullName() {
        return app.o.fullName ?? `/home/clerk/${app.o.name ?? '台账.xlsx'}`;
      },
      get Date1904() {
        return app.wb.date1904;
      },
      Worksheets: worksheets,
      Sheets: worksheets,
      CustomDocumentProperties: {
        get Count() {
          return props.length;
        },
        Item(i: number | string) {
          const p = typeof i === 'number' ? props[i - 1] : props.find((x) => x.Name === i);
          if (!p) throw new Error(`CustomDocumentProperties(${i}): 无效的过程调用或参数`);
          return { Name: p.Name, Value: p.Value, Delete: () => props.splice(props.indexOf(p), 1) };
        },
        Add(name: string, _link: boolean, type: number, value: unknown) {
          if (props.some((x) => x.Name === name)) throw new Error(`属性 ${name} 已存在`);
          const v = type === 4 ? String(value).slice(0, 255) : value;
          props.push({ Name: name, Value: v });
          return { Name: name, Value: v };
        },
      },
    };
  }

  get ActiveSheet(): Record<string, unknown> | null {
    const s = this.wb.sheets.find((x) => x.id === this.wb.activeSheetId);
    return s ? this.worksheet(s) : null;
  }

  get ActiveWindow(): Record<string, unknown> {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const app = this;
    return {
      set SplitRow(v: number) {
        app.window.SplitRow = v;
      },
      set SplitColumn(v: number) {
        app.window.SplitColumn = v;
      },
      set FreezePanes(v: boolean) {
        const s = app.wb.sheets.find((x) => x.id === app.wb.activeSheetId);
        if (s) s.frozenRows = v ? app.window.SplitRow : 0;
      },
    };
  }

  get FileSystem(): Record<string, unknown> {
    const files = this.files;
    return {
      Exists: (p: string) => files.has(p),
      existsSync: (p: string) => files.has(p),
      writeAsBinaryString: (p: string, data: string) => {
        if (!p.startsWith('/') || /[\u0100-\uffff]/.test(data)) return false;
        files.set(p, data);
        return true;
      },
      stat: (p: string) => ({ size: files.get(p)?.length ?? 0, isFile: () => files.has(p) }),
    };
  }

  FileDialog(type: number): Record<string, unknown> {
    if (type !== 4) throw new Error('only msoFileDialogFolderPicker is modelled');
    const folder = this.folder;
    return {
      Title: '',
      InitialFileName: '',
      Show: () => (folder ? -1 : 0),
      SelectedItems: { Count: folder ? 1 : 0, Item: () => folder },
    };
  }

  AddCustomFunction(namespace: string, name: string, fn: Fn, metadata: unknown): void {
    this.functions.set(`${namespace}.${name}`, { fn, metadata });
  }

  CreateTaskPane(url: string, title?: string): Record<string, unknown> {
    const pane = { url, title, Visible: false, Width: 0, DockPosition: 0, ID: this.panes.length + 1 };
    this.panes.push(pane);
    return pane;
  }

  GetTaskPane(id: number): unknown {
    return this.panes.find((p) => p.ID === id) ?? null;
  }

  /** A cell's address parsed (helper for tests). */
  static rect = parseA1;
}
