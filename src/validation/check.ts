/*
 * What a check yields: issues, records and ledgers. Where the checking happens:
 *   fields.ts       — one cell value (dates, persons, placeholders, spacing, 文号)
 *   penalty.ts, inspection.ts, coercion.ts — each ledger's own field and row rules
 *   record.ts       — one row: analyses, row rules, messages with the sheet's own headers
 *   duplicates.ts   — across rows and sheets (duplicate-doc-no)
 *   workbook.ts     — a whole workbook, incrementally (CLI and task pane alike)
 * Rules are declared in rules.ts and its rules-*.ts families.
 */
import { Kind } from '../ledger/columns';
import { IsoDate } from '../ledger/dates';
import { LedgerLayout } from '../ledger/detect';
import { TypedRecord } from '../ledger/schema';
import type { RuleId, Severity } from './rules';

export interface Issue {
  sheet: string;
  row: number;
  cell: string;
  /** The column's header as the sheet writes it. */
  column: string;
  rule: RuleId;
  severity: Severity;
  message: string;
}

export type Status = 'ok' | 'invalid' | 'pending';

/**
 * Why a pending record is in no month yet: `recheck` (inspection awaiting its recheck), `open`
 * (a case not closed: coercion still running, or a penalty whose row says it is open), or
 * `unconfirmed` (a penalty with an empty 结案时间 that its row does not say is open: it may be a
 * closed case whose date was not written, and it carries a warning).
 */
export type PendingState = 'recheck' | 'open' | 'unconfirmed';

export interface RecordResult {
  sheet: string;
  row: number;
  kind: Kind;
  status: Status;
  /** `YYYY-MM`, or null when pending or the deciding date is unreadable. */
  reportMonth: string | null;
  /** The date that decides the month; rows are sorted by it in the report. */
  decidingDate: IsoDate | null;
  pending: boolean;
  /** Set when pending. */
  pendingState?: PendingState | null;
  readonly fields: TypedRecord;
  /** Text to print per field: as written, dates as `2023年10月9日`, marks as `√`. */
  readonly display: Record<string, string>;
  issues: Issue[];
}

export interface CheckOptions {
  /** Today, `YYYY-MM-DD`: dates after it are errors. */
  today: IsoDate;
  /** The workbook uses the 1904 date system. */
  date1904?: boolean;
}

export interface LedgerResult {
  layout: LedgerLayout;
  records: RecordResult[];
  /** Issues about the sheet itself (a missing required column), on the header row. */
  sheetIssues: Issue[];
}

/** A certificate as the pane's roster card names it. */
export interface RosterCertificate {
  name: string;
  row: number;
  until: IsoDate;
}

/** One 执法人员名单 sheet: what it holds, and what of it could not be read (its own issues). */
export interface RosterResult {
  sheet: string;
  /** Its header row (or, unreadable, the title's). */
  headerRow: number;
  /** Where to jump to: the first name, or the header (or title) when it has none. */
  cell: string;
  /** False when no 姓名 column was found: the roster is not used. */
  readable: boolean;
  /** Persons listed. */
  people: number;
  /** Of them, holding a 执法证 as far as the roster says (no 协管员 mark, a 执法证号 where the roster has the column, not gone before today). */
  certified: number;
  /** Certificates valid today that expire within ROSTER_SOON_DAYS days, soonest first. */
  expiringSoon: RosterCertificate[];
  /** Certificates of listed officers that expired before today. */
  expired: RosterCertificate[];
  /** Issues about the roster sheet itself (`roster-unreadable`, `roster-entry-unreadable`). */
  issues: Issue[];
  hidden?: true;
}

export interface WorkbookCheck {
  today: IsoDate;
  ledgers: LedgerResult[];
  /** The 执法人员名单 sheets (absent when the workbook has none). */
  rosters?: RosterResult[];
}

/** All issues of a checked ledger in row order. */
export function ledgerIssues(l: LedgerResult): Issue[] {
  return [...l.sheetIssues, ...l.records.flatMap((r) => r.issues)];
}

/** How a pending record is named: `待复检`, `尚未结案`, `结案时间未填`. */
export function pendingLabel(r: Pick<RecordResult, 'kind' | 'pendingState'>): string {
  if (r.kind === 'inspection') return '待复检';
  return r.pendingState === 'unconfirmed' ? '结案时间未填' : '尚未结案';
}
