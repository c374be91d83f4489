/*
 * What a host must do for the workbook session: the WorkbookDriver interface. The session
 * (session.ts) decides what to read, what to check and what to write; a driver only performs it
 * on one host. Three drivers implement it:
 *   - Excel (src/excel): Office.js, batched, asynchronous, one `Excel.run` per operation;
 *   - WPS 表格 (src/wps): its VBA-like JS API (`Application.ActiveWorkbook`, `Range.Value2`), synchronous;
 *   - the offline page's file driver (src/offline): a workbook from the bounded reader, no marks
 *     (`capabilities.marks` false), 报送月份 written into a copy the clerk saves.
 * Everything here is plain data: no Office, DOM or Node types (tsconfig.session.json).
 */
import type { CellRange, CellValue, SheetGrid } from '../ledger/cell';
import type { TemplateSheet } from '../ledger/template';
import type { MarkCells, MarkPlan } from './marks';
import type { SelfTestReport } from './selftest';

/** A host error: a stable code (Office.js: `AccessDenied`, `InvalidOperationInCellEditMode`, `ItemNotFound` …) and the host's message. */
export interface HostFailure {
  code: string;
  message: string;
}

export interface SheetInfo {
  id: string;
  name: string;
  /** 0-based order of the tabs. */
  position: number;
  /** Worksheet protection is on: the session writes nothing there. */
  protected: boolean;
  /**
   * The sheet is hidden or very hidden in the workbook: still read and checked, and the pane
   * says so (often last year's copy). Absent: the host cannot tell (the grid's own flag stands).
   */
  hidden?: boolean;
}

export interface WorkbookInfo {
  sheets: SheetInfo[];
  /** The workbook uses the 1904 date system. */
  date1904: boolean;
}

/** Read a whole sheet. */
export interface FullRequest {
  id: string;
  /** Its size last time (top row, bottom row, width), to read it in one go. */
  known?: { top?: number; bottom: number; width: number };
  /** Only the top rows are needed (a sheet known not to be a ledger: is it one now?). */
  probe?: boolean;
}

/** Read some rows of a sheet (live checking). */
export interface RowsRequest {
  id: string;
  /** Row runs (1-based, inclusive). */
  runs: { top: number; bottom: number }[];
  left: number;
  right: number;
  /**
   * Cells below the edit to read as well (a host that reports inserted or deleted cells like an
   * edit, WPS): if they no longer hold what the session knows, cells were shifted up or down.
   */
  verify?: CellRange;
}

export interface ReadRequest {
  full?: FullRequest[];
  rows?: RowsRequest[];
  /** Sheets whose add-in marks to find, so that a `write` in the same operation can replace them. */
  marks?: string[];
  /** Formulas (or values) of ranges: the 报送月份 column before it is filled. */
  formulas?: { id: string; range: CellRange }[];
  /** Given the first rows of a sheet read in part, whether its remaining rows are needed (it is a ledger). */
  wantsRest?: (partial: SheetGrid) => boolean;
  /** Called as rows arrive, when a driver reads in several steps: rows read so far of the rows of all `full` sheets. Optional for drivers. */
  progress?: (done: number, total: number) => void;
  /** Gives the host's thread a turn between the steps of a long read (converting one sheet's rows, say). Optional for drivers. */
  pause?: () => Promise<void>;
}

/** What the clerk sees: the active sheet and its rows in the window (1-based, inclusive). */
export interface View {
  sheetId: string;
  top: number;
  bottom: number;
}

export interface SheetRead extends SheetInfo {
  /** The rows read; all of them when `complete`. */
  grid: SheetGrid;
  /** Used range bottom row and width (0 when empty). */
  bottom: number;
  width: number;
  complete: boolean;
}

export interface RowsRead {
  id: string;
  /** Row → values from `left`. */
  rows: Map<number, CellValue[]>;
  left: number;
  /** Merged areas starting in the rows read, when the host reports them (else undefined: keep what is known). */
  merges?: CellRange[];
  /** The cells of `RowsRequest.verify`, row by row. */
  verify?: CellValue[][];
}

/**
 * What a read found of the add-in's marks on one sheet: how many formats, and the cells they
 * apply to as the host reads them back (absent: the host could not say, so they count as unknown).
 */
export type MarksFound = { count: number; cells?: MarkCells } | { failed: HostFailure };

export interface ReadResult {
  full: SheetRead[];
  rows: RowsRead[];
  marks: Map<string, MarksFound>;
  /** Keyed by sheet id: the cells of the requested range, row by row (formulas as `=…`). */
  formulas: Map<string, unknown[][]>;
}

/** Text written into cells, formatted as text (the 报送月份 column): runs of rows in one column. */
export interface TextWrite {
  col: number;
  runs: { top: number; values: string[] }[];
}

/** A new 报送月份 header: text in `row`, merged over `rows` rows, bold and centred; the column `width` characters wide. */
export interface HeaderWrite {
  row: number;
  rows: number;
  col: number;
  text: string;
  width: number;
  /** The data rows below get centred text. */
  dataRows?: { top: number; bottom: number };
}

export interface SheetWrite {
  id: string;
  /** Replace the add-in's marks (those found by this operation's read) with these; NO_MARKS removes them. */
  marks?: MarkPlan;
  /** Add these marks beside those an earlier write of this operation made (a later step of a paced write, steps.ts); nothing is removed. */
  addMarks?: MarkPlan;
  header?: HeaderWrite;
  text?: TextWrite;
}

/**
 * A new sheet of plain values (the county's 汇总 tables): written after the last sheet, never
 * over an existing one. Strings are written as text — never read as a formula (`=…`, `+…`,
 * `-…`, `@…`), a number or a date — and numbers as numbers.
 */
export interface NewSheet {
  /** A valid, unused sheet name (the session picks it: newSheetName in new-sheets.ts). */
  name: string;
  /** Values from A1, row by row (rows may be shorter than the table). */
  rows: (string | number | null)[][];
  merges: CellRange[];
  /** Column widths in characters. */
  widths: number[];
  /** Row 1 is a title across the table (large, bold, centred). */
  title: boolean;
  /** The header rows (1-based, inclusive): bold, centred, wrapped, shaded; also frozen. */
  header: { top: number; bottom: number } | null;
  /** Other rows (1-based) printed bold: totals, block titles. */
  bold: number[];
  /** The table's rows with thin borders (1-based, inclusive), or null. */
  table: { top: number; bottom: number } | null;
  /** Number formats of numeric cells by column (1-based), e.g. money `#,##0.00`. */
  numberFormats: { col: number; format: string }[];
}

export interface WriteFailure {
  id: string;
  what: 'marks' | 'cells';
  error: HostFailure;
}

export interface WriteResult {
  /** Sheets whose writes did not happen (the others did). */
  failed: WriteFailure[];
}

/** One operation's access to the workbook: reads and writes in it may share a connection (Excel: one RequestContext). */
export interface WorkbookIO {
  listSheets(): Promise<WorkbookInfo>;
  read(req: ReadRequest): Promise<ReadResult>;
  write(plan: SheetWrite[]): Promise<WriteResult>;
  /** Adds sheets laid out as the official templates (after the last sheet), in order; returns them as listed. */
  insertSheets(sheets: { name: string; template: TemplateSheet }[]): Promise<SheetInfo[]>;
  /** Activates the sheet and selects the cell (`F6`). */
  select(sheetId: string, cell: string): Promise<void>;
  /** The active sheet and the rows in the window (or around the active cell), where the host can tell; for drivers with `pacedMarks`. */
  view?(): Promise<View | null>;
  /** Adds sheets of values after the last sheet, in order (names already unique); absent where the host cannot. */
  addSheets?(sheets: NewSheet[]): Promise<SheetInfo[]>;
}

/**
 * A change the clerk made, as the session needs to know it. The driver drops the add-in's own
 * writes where the host tells them apart. `remote`: made by a co-author in another client
 * (Excel's co-authoring); such a change is re-checked but never causes a write.
 */
export type HostChange =
  /** Cells edited or pasted (`range` null: somewhere on the sheet). `mayShift`: the host reports cells inserted or deleted with a shift the same way (WPS). */
  | { kind: 'edit'; sheetId: string; range: CellRange | null; remote?: boolean; mayShift?: boolean }
  /** Rows or cells inserted, deleted or sorted: positions moved. */
  | { kind: 'structure'; sheetId: string; remote?: boolean }
  | { kind: 'activated' | 'added' | 'deleted'; sheetId: string; remote?: boolean };

/** Key–value settings stored in the workbook file (Office: document settings). */
export interface DocumentStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  /** Persists into the file; rejects with a Chinese message. */
  save(): Promise<void>;
}

export interface DriverCapabilities {
  /** Marks can be shown as conditional formats. */
  marks: boolean;
  /** Changes are reported while the pane is open (otherwise: why not, in Chinese). */
  live: true | string;
  /** 报送月份 can be written into the workbook. */
  reportMonths: boolean;
  /** Merged areas are read (otherwise a merged cell's value shows only in its first row). */
  merges: boolean;
  insertSheets: boolean;
  /** The TZ.* functions can be used in this host's cells (absent: yes). */
  functions?: boolean;
  /** Where the pane's settings are kept (absent: in the workbook). */
  settingsIn?: 'workbook' | 'browser';
  /** New sheets of values can be added (WorkbookIO.addSheets); absent: no. */
  addSheets?: boolean;
  /** A cell can be selected for the clerk (absent: yes). */
  select?: boolean;
  /**
   * What a write does to the host's undo history: `grouped` — each operation becomes one undo
   * step (Excel with ExcelApi 1.20, Excel.run's mergeUndoGroup); `clears` — every write empties
   * it (Excel before undo support, WPS as VBA macros); `none` — nothing to undo (a copy in memory).
   * Absent: `clears`. Live checking writes nothing on any host; where writes are one undo step,
   * the marks of a sheet the clerk leaves are brought up to date.
   */
  undo?: 'grouped' | 'clears' | 'none';
  /**
   * Big marks updates go in several writes (SheetWrite.addMarks), the rows the clerk sees
   * first (WorkbookIO.view): the pane's thread and the host stay responsive, and the session
   * can stop between writes (the clerk edits, the pane is hidden). Absent: one write.
   */
  pacedMarks?: boolean;
}

export interface WorkbookDriver {
  /** `excel`, `wps`, `file`. */
  readonly host: string;
  /** The platform as the host names it (`PC`, `Mac`, `OfficeOnline`), or null. */
  platform(): string | null;
  capabilities(): DriverCapabilities;
  /** Runs one operation (logged by the driver under `name`). Failures reject with the host's error (with a `code`). */
  operation<T>(name: string, body: (io: WorkbookIO) => Promise<T>): Promise<T>;
  /** Starts reporting changes; rejects with a Chinese message when the host cannot. */
  listen(sink: (change: HostChange) => void): Promise<void>;
  unlisten(): Promise<void>;
  /** The workbook's settings, or null outside a workbook. */
  settings(): DocumentStore | null;
  /** Probes the host behaviours the add-in relies on (自检). */
  selfTest?(): Promise<SelfTestReport>;
}
