import { KINDS, Kind, LEDGERS } from '../ledger/columns';
import { IsoDate } from '../ledger/dates';
import { Period } from '../ledger/options';
import { ledgerTitle } from '../ledger/template';
import { RecordResult, Status, WorkbookCheck } from '../validation/check';

/** A row of a ledger table in the Word file. */
export interface PeriodRow {
  sheet: string;
  /** Excel row in the workbook. */
  row: number;
  status: Status;
  decidingDate: IsoDate;
  /** Text per field key (dates as `2023年10月9日`, marks as `√`); `seq` renumbered from 1. */
  cells: Record<string, string>;
}

export interface LedgerSection {
  kind: Kind;
  /** `{单位}{起}--{止}{…}案件台账` for the period's first and last day. */
  title: string;
  rows: PeriodRow[];
  /** The workbook has no sheet of this ledger. */
  missing: boolean;
}

/** A row in no month yet: inspection awaiting recheck, coercion not closed. */
export interface PendingItem {
  kind: Kind;
  sheet: string;
  row: number;
  /** `待复检` or `尚未结案`. */
  state: string;
  /** One line for the e-mail body, without the sheet and row. */
  text: string;
}

/** An error that blocks the package. */
export interface BlockingIssue {
  sheet: string;
  row: number;
  cell: string;
  column: string;
  rule: string;
  message: string;
}

export interface Selection {
  sections: LedgerSection[];
  counts: Record<Kind, number>;
  pending: PendingItem[];
  /** Errors on rows of the period and on the ledgers' headers. */
  blocking: BlockingIssue[];
  /** Records whose month is unknown (deciding date unreadable): in no table. */
  undated: { kind: Kind; sheet: string; row: number }[];
}

const STATE: Partial<Record<Kind, string>> = { inspection: '待复检', coercion: '尚未结案' };

function short(s: string, max = 40): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > max ? one.slice(0, max) + '…' : one;
}

function pendingText(r: RecordResult): string {
  const d = r.display;
  const party = short(d.party || '（未填相对人）');
  if (r.kind === 'inspection') {
    const when = d.inspectedOn ? `${d.inspectedOn}检查` : '检查时间未填';
    const n = d.hazardCount ? `，发现隐患${d.hazardCount}处` : '';
    return `${party}，${when}${n}，待复检`;
  }
  const what = d.measure ? `实施${short(d.measure, 20)}` : '实施行政强制';
  const when = d.startedOn ? `${d.startedOn}${what}` : what;
  return `${party}，${when}，尚未结案`;
}

/** The date a pending row started: it is listed only if that is not after the period. */
function startOf(r: RecordResult): IsoDate | null {
  const v = r.kind === 'inspection' ? r.fields.inspectedOn : r.fields.startedOn;
  return typeof v === 'string' ? v : null;
}

/** Picks each ledger's rows of the period, its pending rows and the errors that block the report. */
export function selectPeriod(check: WorkbookCheck, period: Period, team: string): Selection {
  const months = new Set(period.months);
  const counts = { penalty: 0, inspection: 0, coercion: 0 } as Record<Kind, number>;
  const pending: PendingItem[] = [];
  const blocking: BlockingIssue[] = [];
  const undated: Selection['undated'] = [];
  const sections = KINDS.map((kind): LedgerSection => {
    const ledgers = check.ledgers.filter((l) => l.layout.kind === kind);
    const picked: RecordResult[] = [];
    for (const l of ledgers) {
      for (const i of l.sheetIssues) if (i.severity === 'error') blocking.push(toBlocking(i));
      for (const r of l.records) {
        if (r.reportMonth && months.has(r.reportMonth) && r.decidingDate) {
          picked.push(r);
          for (const i of r.issues) if (i.severity === 'error') blocking.push(toBlocking(i));
        } else if (r.pending) {
          const start = startOf(r);
          if (!start || start <= period.lastDay) pending.push({ kind, sheet: r.sheet, row: r.row, state: STATE[kind] ?? '待办', text: pendingText(r) });
        } else if (!r.reportMonth) {
          undated.push({ kind, sheet: r.sheet, row: r.row });
        }
      }
    }
    // Stable: equal dates keep sheet order.
    picked.sort((a, b) => (a.decidingDate! < b.decidingDate! ? -1 : a.decidingDate! > b.decidingDate! ? 1 : 0));
    const rows = picked.map((r, i): PeriodRow => ({
      sheet: r.sheet,
      row: r.row,
      status: r.status,
      decidingDate: r.decidingDate!,
      cells: { ...r.display, seq: String(i + 1) },
    }));
    counts[kind] = rows.length;
    return { kind, title: ledgerTitle(kind, team, period.firstDay, period.lastDay), rows, missing: ledgers.length === 0 };
  });
  return { sections, counts, pending, blocking, undated };
}

function toBlocking(i: BlockingIssue): BlockingIssue {
  return { sheet: i.sheet, row: i.row, cell: i.cell, column: i.column, rule: i.rule, message: i.message };
}

/** `行政处罚4件，行政检查5件，行政强制3件` */
export function countsText(counts: Record<Kind, number>): string {
  return KINDS.map((k) => `${LEDGERS[k].name}${counts[k]}件`).join('，');
}

/** `本期无行政处罚案件` */
export function noneText(kind: Kind): string {
  return `本期无${LEDGERS[kind].caseWord}`;
}
