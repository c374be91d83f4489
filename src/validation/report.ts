import { Kind, LEDGERS } from '../ledger/columns';
import { Issue, RecordResult, RosterCertificate, Status, WorkbookCheck, ledgerIssues } from './check';

/** The `taizhang check --json` object (spec §5.1). */
export interface CheckJson {
  file: string;
  today: string;
  sheets: { name: string; kind: Kind; headerRow: number; records: number; team: string | null; hidden?: true }[];
  records: { sheet: string; row: number; kind: Kind; status: Status; reportMonth: string | null }[];
  issues: Issue[];
  /** Added by issue 21, only when the workbook has a 执法人员名单: its state and its own issues (never a 执法证号). */
  rosters?: { sheet: string; headerRow: number; readable: boolean; people: number; certified: number; expiringSoon: RosterCertificate[]; expired: RosterCertificate[]; issues: Issue[]; hidden?: true }[];
}

const issueJson = (i: Issue): Issue => ({ sheet: i.sheet, row: i.row, cell: i.cell, column: i.column, rule: i.rule, severity: i.severity, message: i.message });

export function toCheckJson(check: WorkbookCheck, file: string): CheckJson {
  const rosters = check.rosters?.map((r) => ({
    sheet: r.sheet,
    headerRow: r.headerRow,
    readable: r.readable,
    people: r.people,
    certified: r.certified,
    expiringSoon: r.expiringSoon,
    expired: r.expired,
    issues: r.issues.map(issueJson),
    ...(r.hidden ? { hidden: true as const } : {}),
  }));
  return {
    file,
    today: check.today,
    sheets: check.ledgers.map((l) => ({
      name: l.layout.sheet,
      kind: l.layout.kind,
      headerRow: l.layout.headerRow,
      records: l.records.length,
      team: l.layout.team,
      ...(l.layout.hidden ? { hidden: true as const } : {}),
    })),
    records: check.ledgers.flatMap((l) =>
      l.records.map((r) => ({ sheet: r.sheet, row: r.row, kind: r.kind, status: r.status, reportMonth: r.reportMonth })),
    ),
    issues: check.ledgers.flatMap((l) => ledgerIssues(l).map(issueJson)),
    ...(rosters ? { rosters } : {}),
  };
}

export interface Counts {
  records: number;
  ok: number;
  invalid: number;
  pending: number;
  error: number;
  warning: number;
  info: number;
}

/**
 * A ledger's counts. `ok` + `invalid` = `records` (without / with an error); `pending` is the one
 * definition of 待办 used everywhere (pane cards, CLI, e-mail): records in no month yet (待复检,
 * 尚未结案), whether or not they also have an error. `issues` are counted by severity, and with
 * `withRecordIssues` the records' own issues too (a ledger's card).
 */
export function countOf(records: RecordResult[], issues: Issue[], withRecordIssues = false): Counts {
  // Plain counters and indexed loops: run once per check over 40,000 records, before the code is optimised.
  let invalid = 0;
  let pending = 0;
  const sev = [0, 0, 0]; // error, warning, info
  const add = (list: readonly Issue[]) => {
    for (let j = 0; j < list.length; j++) sev[list[j].severity === 'error' ? 0 : list[j].severity === 'warning' ? 1 : 2]++;
  };
  for (let k = 0; k < records.length; k++) {
    const r = records[k];
    if (r.status === 'invalid') invalid++;
    if (isTodo(r)) pending++;
    if (withRecordIssues && r.issues.length) add(r.issues);
  }
  add(issues);
  return { records: records.length, ok: records.length - invalid, invalid, pending, error: sev[0], warning: sev[1], info: sev[2] };
}

/** 待办: a record in no month yet (待复检, 尚未结案), with or without errors. */
export function isTodo(r: Pick<RecordResult, 'pending'>): boolean {
  return r.pending;
}

export function hasErrors(check: WorkbookCheck): boolean {
  return check.ledgers.some((l) => ledgerIssues(l).some((i) => i.severity === 'error'));
}

/** The team named in the ledgers' titles (the first one that is set). */
export function teamOf(check: WorkbookCheck): string | null {
  return check.ledgers.map((l) => l.layout.team).find((t) => !!t) ?? null;
}

export function kindLabel(kind: Kind): string {
  return LEDGERS[kind].name;
}
