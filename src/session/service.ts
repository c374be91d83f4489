/*
 * The contract between the task pane UI (src/taskpane) and the workbook session (session.ts,
 * over a host's driver). Types only: the UI depends on this interface, the session implements
 * it, and component tests implement it with plain objects.
 */
import type { Kind } from '../ledger/columns';
import type { IsoDate } from '../ledger/dates';
import type { Contact } from '../ledger/options';
import type { WorkbookCheck } from '../validation/check';
import type { NewSheet } from './driver';
import type { SelfTestReport } from './selftest';

/** One ledger sheet as the pane lists it. */
export interface SheetSummary {
  name: string;
  kind: Kind;
  /** Team from the title, or null while it is a placeholder. */
  team: string | null;
  headerRow: number;
  records: number;
  errors: number;
  warnings: number;
  infos: number;
  /** Rows with status `pending` (待复检 / 尚未结案). */
  pending: number;
  /** The sheet is hidden in the workbook (checked and reported all the same). */
  hidden?: true;
}

/**
 * How far a long read or check has come: rows read or checked of the rows there are (total 0: not
 * known yet); or, once the results are shown (phase `ready`), how many areas of marks of a big
 * update are written (`marking`).
 */
export interface PaneProgress {
  step: 'reading' | 'checking' | 'marking';
  done: number;
  total: number;
}

export interface PaneState {
  /** `checking` while a full or partial check runs. */
  phase: 'idle' | 'checking' | 'ready' | 'error';
  /** While a whole workbook is read and checked (from its start, updated about every 100 ms), and while its marks are written in steps; absent otherwise. */
  progress?: PaneProgress;
  /** The latest result; null before the first check. Issues are in `ledgers[i].records[j].issues` and `sheetIssues`. */
  check: WorkbookCheck | null;
  sheets: SheetSummary[];
  /** Ledger kinds with no sheet in the workbook (offer 插入官方台账表). */
  missingKinds: Kind[];
  /** The workbook uses the 1904 date system. */
  date1904: boolean;
  /** Problem cells are currently marked in the sheets. */
  marksShown: boolean;
  /** Chinese, when phase is `error` (the last results stay in `check`). */
  error?: string;
  /**
   * One Chinese line each for what could not be done while the results are complete, e.g.
   * marks not updated on a protected sheet, or Excel busy in cell-edit mode.
   */
  notes?: string[];
  /**
   * Sheets whose marks (or 报送月份 cells) still show the state before the latest edits: live
   * checking never writes (the clerk's Ctrl+Z stays theirs). `note` says in Chinese when they are
   * brought up to date on this host; the pane offers 更新标记 (LedgerService.refreshMarks).
   */
  pendingMarks?: { sheets: string[]; note: string };
  /** Increases with every state change (cheap change detection for the UI). */
  version: number;
}

/** What the pane remembers in the workbook (Office.context.document.settings). */
export interface PaneSettings {
  team?: string;
  contact?: Partial<Contact>;
  /** Recipients as typed, e.g. `jiaochengxzfy@163.com`. */
  to?: string;
  /** The last month of the last package built from this workbook (`YYYY-MM`): the next one is due from the month after. */
  lastPeriod?: string;
}

export interface HostFeatures {
  /** The TZ.* functions can be used in cells. */
  functions: boolean;
  /** Where the form's team, contact and recipients are remembered. */
  settingsIn: 'workbook' | 'browser';
  /** Problem cells can be marked in the sheets (absent: yes): 显示标记 / 清除标记 only then. */
  marks?: boolean;
  /** Clicking an issue can select its cell (absent: yes); otherwise the pane says where to look. */
  select?: boolean;
}

export interface ReportMonthResult {
  /** Sheets whose 报送月份 column was written, with its column letter and rows written. */
  written: { sheet: string; column: string; rows: number }[];
  /** Sheets left alone, with a Chinese reason (e.g. the column to the right holds other data). */
  refused: { sheet: string; reason: string }[];
}

export interface LedgerService {
  /**
   * Reads every sheet, finds the ledgers, checks them, updates marks when shown. Resolves when
   * all is done, or — `resultsOnly` — as soon as the results are there (the marks of a big
   * workbook follow in the same operation, in steps; `progress` says how far).
   */
  checkAll(options?: { resultsOnly?: boolean }): Promise<PaneState>;
  /** The latest state without reading the workbook. */
  current(): PaneState;
  /** Called on every state change, also those from live checking. Returns an unsubscribe function. */
  subscribe(listener: (state: PaneState) => void): () => void;
  /** Listens to edits, pastes, row inserts/deletes, sheet activation and new sheets; re-checks what changed. */
  startLive(): Promise<void>;
  stopLive(): Promise<void>;
  /** Activates the sheet and selects the cell (e.g. `F6`). */
  selectCell(sheet: string, cell: string): Promise<void>;
  /** Shows (true) or removes (false) the add-in's marks; removing restores the sheets' own look exactly. */
  setMarks(shown: boolean): Promise<void>;
  /** 更新标记: brings every sheet's marks and 报送月份 cells up to date with the results (absent where nothing waits). */
  refreshMarks?(): Promise<void>;
  /** The pane was hidden (nothing is followed or written) or shown again (a fresh check). */
  setPaneVisible?(visible: boolean): Promise<void>;
  /** Fills the add-in's 报送月份 column to the right of each ledger table. */
  fillReportMonths(): Promise<ReportMonthResult>;
  /**
   * Adds the missing official ledger sheets (as `taizhang template`), and with `roster` the
   * 执法人员名单 when the workbook has none (as `taizhang template --roster`); resolves with the names added.
   */
  insertOfficialSheets(team: string | null, options?: { roster?: boolean }): Promise<string[]>;
  /** The values saved in the workbook that still pass the schemas (invalid ones are dropped). */
  loadSettings(): Promise<PaneSettings>;
  saveSettings(settings: PaneSettings): Promise<void>;
  /** `Office.context.diagnostics.platform` (`PC`, `Mac`, `OfficeOnline`, …) or null outside Office. */
  platform(): string | null;
  /** Today in the clerk's time zone. */
  today(): IsoDate;
  /** What the host offers beside the check (absent: the TZ.* functions, settings in the workbook). */
  features?(): HostFeatures;
  /** Adds sheets of values (the county's 汇总 tables) after the last sheet, under free names; resolves with the names given. Absent (or rejecting in Chinese) where the host cannot. */
  addSheets?(sheets: NewSheet[]): Promise<string[]>;
  /** 自检: probes the host on a temporary hidden sheet; absent where the host cannot. */
  selfTest?(): Promise<SelfTestReport>;
}
