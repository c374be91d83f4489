import { cellAddress } from '../ledger/cell';
import { KINDS, Kind, LEDGERS } from '../ledger/columns';
import { IsoDate } from '../ledger/dates';
import { LedgerLayout } from '../ledger/detect';
import { Period } from '../ledger/options';
import { ledgerTitle } from '../ledger/template';
import { CN_NUMERAL_CHARS, parseAnyInt, toHalfWidth } from '../ledger/text';
import { LedgerResult, RecordResult, Status, WorkbookCheck, pendingLabel } from '../validation/check';
import { ownHeader } from '../validation/record';
import { isTodo } from '../validation/report';

/** A row of a ledger table in the Word file. */
export interface PeriodRow {
  sheet: string;
  /** Excel row in the workbook. */
  row: number;
  status: Status;
  /** Null for a row whose deciding date names a month of the period but no real day (2023年10月32日). */
  decidingDate: IsoDate | null;
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

/** A row in no month yet: inspection awaiting recheck, a penalty or coercion case not closed. */
export interface PendingItem {
  kind: Kind;
  sheet: string;
  row: number;
  /** `待复检`, `尚未结案`, or `结案时间未填` (a penalty whose row does not say it is open). */
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

/**
 * A case in no month that may belong to the period: the date that decides its month is empty
 * or cannot be read and names no month (`#VALUE!`, `待定`), and no readable date on its row is
 * after the period. It is in no table; the package says so (it may be missing from the file).
 */
export interface UnplacedRow {
  kind: Kind;
  sheet: string;
  row: number;
  /** The cell that decides the month, to select it. */
  cell: string;
  /** Chinese, e.g. `结案时间为错误值 #VALUE!`. */
  text: string;
}

export interface Selection {
  sections: LedgerSection[];
  counts: Record<Kind, number>;
  pending: PendingItem[];
  /** Errors on rows of the period and on the ledgers' headers. */
  blocking: BlockingIssue[];
  unplaced: UnplacedRow[];
}

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
  if (r.kind === 'penalty') {
    const what = d.outcome ? `${short(d.outcome, 20)}，` : '';
    return `${party}，${what}${r.pendingState === 'unconfirmed' ? '结案时间未填写' : '尚未结案'}`;
  }
  const what = d.measure ? `实施${short(d.measure, 20)}` : '实施行政强制';
  const when = d.startedOn ? `${d.startedOn}${what}` : what;
  return `${party}，${when}，尚未结案`;
}

/** The date a pending row started: it is listed only if that is not after the period. */
function startOf(r: RecordResult): IsoDate | null {
  const v = r.kind === 'inspection' ? r.fields.inspectedOn : r.kind === 'coercion' ? r.fields.startedOn : r.fields.decidedOn ?? r.fields.filedOn;
  return typeof v === 'string' ? v : null;
}

const N = `[0-9${CN_NUMERAL_CHARS}]`;
/** A year and month in text (`2023年2月`, `2023-2-30`, `2023.02.30`, `20230230`), with or without a day. */
const YEAR_MONTH = new RegExp(`(${N}{4})年(${N}{1,3})月|(?:^|\\D)(\\d{4})[-/.](\\d{1,2})(?!\\d)|(?:^|\\D)(\\d{4})(\\d{2})\\d{2}(?!\\d)`, 'g');

/**
 * The month a date that cannot be read was meant for: the one year and month it names
 * (`2023年2月30日` → `2023-02`), or null when it names none or several (a range).
 */
export function namedMonth(text: string): string | null {
  const months = new Set<string>();
  for (const m of toHalfWidth(text).replace(/\s+/g, '').matchAll(YEAR_MONTH)) {
    const y = parseAnyInt(m[1] ?? m[3] ?? m[5]);
    const mo = parseAnyInt(m[2] ?? m[4] ?? m[6]);
    if (y === null || mo === null || y < 1900 || y > 2099 || mo < 1 || mo > 12) continue;
    months.add(`${y}-${String(mo).padStart(2, '0')}`);
  }
  return months.size === 1 ? [...months][0] : null;
}

/** The field that decides a record's month, or null when the inspection's hazard count decides nothing yet. */
function decidingKey(r: RecordResult): string | null {
  if (r.kind !== 'inspection') return 'closedOn';
  const n = r.fields.hazardCount;
  return typeof n !== 'number' ? null : n > 0 ? 'recheckOn' : 'inspectedOn';
}

/** The latest readable date on a record's row (its case cannot have ended before it). */
function latestDate(r: RecordResult, layout: LedgerLayout): IsoDate | null {
  let out: IsoDate | null = null;
  for (const c of LEDGERS[r.kind].columns) {
    const v = c.type === 'date' && layout.columns[c.key] ? r.fields[c.key] : null;
    if (typeof v === 'string' && (!out || v > out)) out = v;
  }
  return out;
}

type Placement = { month: string } | { unplaced: UnplacedRow } | null;

/** Where a record in no month goes for the period: a row of the period (its date names a month of it), unplaced, or nowhere. */
function placeUndated(r: RecordResult, l: LedgerResult, period: Period): Placement {
  const key = decidingKey(r);
  const text = key ? r.display[key] : '';
  const month = text ? namedMonth(text) : null;
  if (month) return period.months.includes(month) ? { month } : null;
  const after = latestDate(r, l.layout);
  if (after && after > period.lastDay) return null;
  const col = l.layout.columns[key ?? 'hazardCount'] ?? l.layout.tableLeft;
  const cell = cellAddress(r.row, col);
  // As the issue messages name it: a line break inside the header cell is no line break here.
  const header = ownHeader(l.layout, key ?? 'hazardCount');
  const error = r.issues.find((i) => i.cell === cell && (i.rule === 'cell-error' || i.rule === 'formula-no-result'));
  const what = !key
    ? `${header}${r.display.hazardCount ? `“${r.display.hazardCount}”无法识别` : '没有填写'}，不知道按检查时间还是复检日期报送`
    : r.pending
      ? `${header}没有填写，也没有写明尚未结案（已结案的请填写${header}，尚未结案的请在备注中写明）`
      : error
        ? error.rule === 'formula-no-result'
          ? `${header}是公式，文件里没有保存它的计算结果`
          : `${header}是错误值 ${/#[A-Z0-9/!?.]+/.exec(error.message)?.[0] ?? ''}`.trim()
      : text
        ? `${header}“${short(text, 20)}”无法识别`
        : `${header}没有填写`;
  return { unplaced: { kind: r.kind, sheet: r.sheet, row: r.row, cell, text: what } };
}

/**
 * Picks each ledger's rows of the period, its pending rows and the errors that block the report.
 * A record whose deciding date is filled but no date: when it still names a month
 * (`2023年2月30日`), it is a row of that month, with its error; otherwise it is listed as
 * unplaced for every period it may belong to (see UnplacedRow).
 */
export function selectPeriod(check: WorkbookCheck, period: Period, team: string): Selection {
  const steps = selectSteps(check, period, team);
  for (let r = steps.next(); ; r = steps.next()) if (r.done) return r.value;
}

/** Records between two steps of selectSteps; rows of the period whose texts are built between two steps. */
const STEP_RECORDS = 250;
const STEP_ROWS = 50;

/** selectPeriod in steps (STEP_RECORDS records each). */
export function* selectSteps(check: WorkbookCheck, period: Period, team: string): Generator<void, Selection> {
  const months = new Set(period.months);
  const counts = { penalty: 0, inspection: 0, coercion: 0 } as Record<Kind, number>;
  const pending: PendingItem[] = [];
  const blocking: BlockingIssue[] = [];
  const unplaced: UnplacedRow[] = [];
  const sections: LedgerSection[] = [];
  let seen = 0;
  for (const kind of KINDS) {
    const ledgers = check.ledgers.filter((l) => l.layout.kind === kind);
    const picked: RecordResult[] = [];
    const pick = (r: RecordResult) => {
      picked.push(r);
      for (const i of r.issues) if (i.severity === 'error') blocking.push(toBlocking(i));
    };
    for (const l of ledgers) {
      for (const i of l.sheetIssues) if (i.severity === 'error') blocking.push(toBlocking(i));
      for (const r of l.records) {
        if (++seen % STEP_RECORDS === 0) yield;
        if (r.reportMonth && months.has(r.reportMonth) && r.decidingDate) pick(r);
        else if (isTodo(r)) {
          const start = startOf(r);
          if (!start || start <= period.lastDay) pending.push({ kind, sheet: r.sheet, row: r.row, state: pendingLabel(r), text: pendingText(r) });
          // A penalty with an empty 结案时间 that its row does not say is open may be a closed case of the period.
          if (r.pendingState === 'unconfirmed') {
            const p = placeUndated(r, l, period);
            if (p && 'unplaced' in p) unplaced.push(p.unplaced);
          }
        } else if (!r.reportMonth) {
          const p = placeUndated(r, l, period);
          if (p && 'month' in p) pick(r);
          else if (p) unplaced.push(p.unplaced);
        }
      }
    }
    // Stable: equal dates keep sheet order; rows without a real date after their month's.
    const order = (r: RecordResult) => r.decidingDate ?? `${namedMonth(r.display[decidingKey(r) ?? ''] ?? '')}-99`;
    picked.sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
    const rows: PeriodRow[] = [];
    for (let i = 0; i < picked.length; i++) {
      // A row's texts are its typed record, built on first use: the costly part.
      if (i % STEP_ROWS === STEP_ROWS - 1) yield;
      const r = picked[i];
      rows.push({ sheet: r.sheet, row: r.row, status: r.status, decidingDate: r.decidingDate, cells: { ...r.display, seq: String(i + 1) } });
    }
    counts[kind] = rows.length;
    sections.push({ kind, title: ledgerTitle(kind, team, period.firstDay, period.lastDay), rows, missing: ledgers.length === 0 });
  }
  return { sections, counts, pending, blocking, unplaced };
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
