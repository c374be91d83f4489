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

export interface WorkbookCheck {
  today: IsoDate;
  ledgers: LedgerResult[];
}

/** All issues of a checked ledger in row order. */
export function ledgerIssues(l: LedgerResult): Issue[] {
  return [...l.sheetIssues, ...l.records.flatMap((r) => r.issues)];
}
