/* The roll-up's result types, shared by the files of src/rollup. */
import { Kind } from '../ledger/columns';
import { IsoDate } from '../ledger/dates';
import { ReviewGroup } from './groups';
import { Package } from './package';
import { Figures } from './stats';

export interface RollupOptions {
  /** `YYYY-MM` */
  period: string;
  /** For townships that have not reported (days overdue), implausible mail dates, and files without a received time. */
  today: IsoDate;
  /** Townships that must report, in the order to list them; default: every township seen in the files. */
  townships?: string[];
}

/**
 * `on-time` / `late`: a ledger was read, and its first report came by mail in time or not;
 * `submitted`: a ledger was read but when it came is not known (a loose file, a mail without a
 * usable Date or Received line); `unreadable`: a mail or file carrying the township's ledger
 * came but could not be read; `missing`: nothing came.
 */
export type ReportStatus = 'on-time' | 'late' | 'missing' | 'submitted' | 'unreadable';

export const STATUSES: ReportStatus[] = ['on-time', 'late', 'missing', 'submitted', 'unreadable'];

/** A case as the county's master ledger lists it. */
export interface CaseRow {
  team: string;
  kind: Kind;
  file: string;
  table: string;
  row: number;
  /** Text per official column. */
  cells: Record<string, string>;
  /** 统计类别: the heaviest penalty kind, 不予处罚, or 强制措施·扣押 … */
  category: string;
  /** 罚没金额 (penalties only). */
  amountYuan: number | null;
}

export interface RollupIssue {
  team: string;
  group: ReviewGroup;
  severity: 'error' | 'warning';
  file: string;
  table: string;
  /** Excel row, or the row of the Word table (header rows included); null for the file as a whole. */
  row: number | null;
  column: string;
  rule: string;
  message: string;
}

export interface TownshipMonth {
  team: string;
  status: ReportStatus;
  /** When the mail that was counted came (or, with nothing readable, the first mail that carried the unreadable ledger). */
  received: Date | null;
  /** When the first report came (timeliness is the first report's), when it differs from `received`. */
  firstReceived: Date | null;
  lateDays: number;
  figures: Figures;
  /** Files of this township for the month, the one counted first. */
  files: string[];
  /** The package counted, if any. */
  counted: Package | null;
  /** The ledgers that came but could not be read: file and reason. */
  unreadable: { file: string; reason: string }[];
  cases: CaseRow[];
  issues: RollupIssue[];
  /** Which file superseded which, how times were read, mails without a ledger; in Chinese. */
  notes: string[];
  /** Not in the `--townships` list. */
  unlisted: boolean;
}

export interface MonthRollup {
  month: string;
  due: IsoDate;
  townships: TownshipMonth[];
  /** The figures of the townships whose ledgers were read. */
  total: Figures;
  statuses: Record<ReportStatus, number>;
}

export interface FileEntry {
  file: string;
  team: string | null;
  months: string[];
  received: Date | null;
  /** How `received` was found: the Date header, the topmost Received line, Outlook's submit time, the forward; null: no mail or unknown. */
  timeSource: 'date' | 'received' | 'submitted' | 'forward' | null;
  /** What became of it for the period, in Chinese. */
  use: string;
}

export interface Rollup {
  period: string;
  due: IsoDate;
  today: IsoDate;
  current: MonthRollup;
  /** The month before, when the folder holds it (the 通报's change on last month). */
  lastMonth: MonthRollup | null;
  /** January to the period, when the folder holds earlier months of the year; `unread`: a month of it could not be read. */
  yearToDate: { from: string; to: string; townships: { team: string; figures: Figures; unread: boolean }[]; total: Figures } | null;
  files: FileEntry[];
  notes: string[];
}
