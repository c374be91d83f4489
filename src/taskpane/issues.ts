/* What the issue list shows, derived from a WorkbookCheck (pure, no React). */
import { cellAddress } from '../ledger/cell';
import { Kind } from '../ledger/columns';
import { Issue, WorkbookCheck, pendingLabel } from '../validation/check';
import { isTodo } from '../validation/report';
import { Severity } from '../validation/rules';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export type SeverityCounts = Record<Severity, number>;

export interface RowGroup {
  row: number;
  /** Errors first, then warnings, then infos (column order within each). */
  issues: Issue[];
}

export interface PendingRow {
  row: number;
  /** The cell that decides the month (复检日期 / 结案时间), to select it. */
  cell: string;
  /** `待复检` / `尚未结案` / `结案时间未填` */
  state: string;
}

export interface SheetGroup {
  sheet: string;
  kind: Kind;
  headerRow: number;
  /** Issues about the sheet itself (a missing header column). */
  sheetIssues: Issue[];
  rows: RowGroup[];
  pending: PendingRow[];
  counts: SeverityCounts;
}

export function emptyCounts(): SeverityCounts {
  return { error: 0, warning: 0, info: 0 };
}

const bySeverity = (a: Issue, b: Issue) => RANK[a.severity] - RANK[b.severity];

/** One group per ledger sheet, rows in sheet order; only rows with issues. */
export function groupIssues(check: WorkbookCheck | null): SheetGroup[] {
  if (!check) return [];
  return check.ledgers.map((l) => {
    const counts = emptyCounts();
    const rows: RowGroup[] = [];
    const pending: PendingRow[] = [];
    for (const i of l.sheetIssues) counts[i.severity]++;
    const decidingCol = l.layout.kind === 'inspection' ? l.layout.columns.recheckOn : l.layout.columns.closedOn;
    for (const r of l.records) {
      if (isTodo(r)) {
        pending.push({
          row: r.row,
          cell: cellAddress(r.row, decidingCol ?? l.layout.tableLeft),
          state: pendingLabel(r),
        });
      }
      if (!r.issues.length) continue;
      for (const i of r.issues) counts[i.severity]++;
      rows.push({ row: r.row, issues: [...r.issues].sort(bySeverity) });
    }
    rows.sort((a, b) => a.row - b.row);
    return {
      sheet: l.layout.sheet,
      kind: l.layout.kind,
      headerRow: l.layout.headerRow,
      sheetIssues: [...l.sheetIssues].sort(bySeverity),
      rows,
      pending,
      counts,
    };
  });
}

export function totalCounts(groups: readonly SheetGroup[]): SeverityCounts {
  const c = emptyCounts();
  for (const g of groups) for (const s of SEVERITIES) c[s] += g.counts[s];
  return c;
}

/** Issues in a group (sheet and rows). */
export function issueCount(g: SheetGroup): number {
  return g.sheetIssues.length + g.rows.reduce((n, r) => n + r.issues.length, 0);
}

/** The group with only the issues of the shown severities (rows without any are dropped). */
export function filterGroup(group: SheetGroup, shown: ReadonlySet<Severity>): SheetGroup {
  if (SEVERITIES.every((s) => shown.has(s))) return group;
  const keep = (i: Issue) => shown.has(i.severity);
  const rows: RowGroup[] = [];
  for (const r of group.rows) {
    const issues = r.issues.filter(keep);
    if (issues.length) rows.push(issues.length === r.issues.length ? r : { row: r.row, issues });
  }
  return { ...group, sheetIssues: group.sheetIssues.filter(keep), rows };
}

/** The message without its `F6「结案时间」：` prefix (the entry shows the cell and column itself). */
export function messageBody(issue: Pick<Issue, 'cell' | 'column' | 'message'>): string {
  const prefix = `${issue.cell}「${issue.column}」：`;
  return issue.message.startsWith(prefix) ? issue.message.slice(prefix.length) : issue.message;
}
