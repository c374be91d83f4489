/* The issue list: severity filter, one collapsible group per sheet (its name a heading), rows incrementally. */
import * as React from 'react';
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  Caption1,
  ToggleButton,
  makeStyles,
  mergeClasses,
  tokens,
  useArrowNavigationGroup,
} from '@fluentui/react-components';
import type { Issue } from '../validation/check';
import { thousands } from '../ledger/numbers';
import { RULE_BY_ID, SEVERITY_LABEL, Severity } from '../validation/rules';
import { BADGE_CLASS, ON_CLASS, useEntryStyles, useSeverityStyles } from './entry-styles';
import { SEVERITIES, SheetGroup, filterGroup, issueCount, messageBody, totalCounts } from './issues';

/** Rows rendered per sheet at first and per "显示更多". */
export const ROW_PAGE = 30;

export type SelectCell = (sheet: string, cell: string) => void;

const useStyles = makeStyles({
  filters: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center', marginBottom: tokens.spacingVerticalS },
  header: { minWidth: 0, overflowWrap: 'anywhere', fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  headerCount: { color: tokens.colorNeutralForeground3, whiteSpace: 'nowrap', fontWeight: tokens.fontWeightRegular },
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, paddingBottom: tokens.spacingVerticalM },
  rowTitle: {
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
    margin: `${tokens.spacingVerticalXS} 0 0`,
  },
  rowIssues: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, margin: 0, padding: 0, listStyleType: 'none' },
  entryHead: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, minWidth: 0 },
  pending: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, alignItems: 'center' },
  more: { alignSelf: 'flex-start' },
});

/** The severity's badge, coloured as its bar and its marks. */
export function SeverityBadge({ severity, children, size = 'small' }: { severity: Severity; children: React.ReactNode; size?: 'small' | 'medium' }): React.ReactElement {
  const v = useSeverityStyles();
  return (
    <Badge appearance="tint" shape="rounded" size={size} className={mergeClasses(v[BADGE_CLASS[severity]], v.badge)}>
      {children}
    </Badge>
  );
}

/** One issue; a button that selects its cell in Excel. */
export const IssueEntry = React.memo(function IssueEntry({ issue, onSelect }: { issue: Issue; onSelect: SelectCell }) {
  const s = useStyles();
  const e = useEntryStyles();
  return (
    <button type="button" className={mergeClasses(e.entry, e[issue.severity])} onClick={() => onSelect(issue.sheet, issue.cell)} title={`在表格中选中 ${issue.cell}`}>
      <span className={s.entryHead}>
        <SeverityBadge severity={issue.severity}>{SEVERITY_LABEL[issue.severity]}</SeverityBadge>
        <span className={e.where}>
          {issue.cell}「{issue.column}」
        </span>
      </span>
      <span className={e.message}>{messageBody(issue)}</span>
      <span className={e.rule}>{RULE_BY_ID.get(issue.rule)?.title ?? issue.rule}</span>
    </button>
  );
});

function IssueGroup({ title, issues, onSelect }: { title: string; issues: Issue[]; onSelect: SelectCell }): React.ReactElement {
  const s = useStyles();
  return (
    <div>
      <h3 className={s.rowTitle}>{title}</h3>
      <ul className={s.rowIssues}>
        {issues.map((i, k) => (
          <li key={`${i.cell}-${i.rule}-${k}`}>
            <IssueEntry issue={i} onSelect={onSelect} />
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Pending rows: one tab stop, arrow keys inside (as the issue list). */
function PendingRows({ group, onSelect }: { group: SheetGroup; onSelect: SelectCell }): React.ReactElement {
  const s = useStyles();
  const nav = useArrowNavigationGroup({ axis: 'both', memorizeCurrent: true });
  return (
    <div className={s.pending} role="group" aria-label={`${group.sheet}的待办行（尚不计入任何月份）`} {...nav}>
      <Caption1 aria-hidden="true">待办（尚不计入任何月份）：</Caption1>
      {group.pending.slice(0, 50).map((p) => (
        <Button key={p.row} size="small" appearance="subtle" onClick={() => onSelect(group.sheet, p.cell)}>
          第{p.row}行 {p.state}
        </Button>
      ))}
      {group.pending.length > 50 && <Caption1>等 {thousands(group.pending.length)} 行</Caption1>}
    </div>
  );
}

/** The rows of one sheet, ROW_PAGE at a time. */
function SheetIssues({ group, onSelect }: { group: SheetGroup; onSelect: SelectCell }): React.ReactElement {
  const s = useStyles();
  const [limit, setLimit] = React.useState(ROW_PAGE);
  const nav = useArrowNavigationGroup({ axis: 'vertical', memorizeCurrent: true });
  const rest = group.rows.length - limit;
  return (
    <div className={s.panel}>
      <div className={s.panel} {...nav}>
        {group.sheetIssues.length > 0 && <IssueGroup title={group.sheetIssues.every((i) => i.row === group.headerRow) ? `表头（第${group.headerRow}行）` : '整张表'} issues={group.sheetIssues} onSelect={onSelect} />}
        {group.rows.slice(0, limit).map((r) => (
          <IssueGroup key={r.row} title={`第${r.row}行`} issues={r.issues} onSelect={onSelect} />
        ))}
      </div>
      {rest > 0 && (
        <Button className={s.more} size="small" onClick={() => setLimit((n) => n + ROW_PAGE * 2)}>
          显示更多（还有 {thousands(rest)} 行）
        </Button>
      )}
      {group.pending.length > 0 && <PendingRows group={group} onSelect={onSelect} />}
    </div>
  );
}

/** `3 行有问题`, `3 行有问题，2 条已隐藏`, `2 条已隐藏`, `没有问题`. */
export function groupStatus(all: SheetGroup, shown: SheetGroup): string {
  const rows = shown.rows.length + (shown.sheetIssues.length ? 1 : 0);
  const hidden = issueCount(all) - issueCount(shown);
  const parts = [rows ? `${thousands(rows)} 行有问题` : '', hidden ? `${thousands(hidden)} 条已隐藏` : ''].filter(Boolean);
  return parts.join('，') || '没有问题';
}

export interface IssueListProps {
  groups: SheetGroup[];
  onSelect: SelectCell;
}

export const IssueList = React.memo(function IssueList({ groups, onSelect }: IssueListProps): React.ReactElement | null {
  const s = useStyles();
  const v = useSeverityStyles();
  const [shown, setShown] = React.useState<ReadonlySet<Severity>>(() => new Set(SEVERITIES));
  const totals = React.useMemo(() => totalCounts(groups), [groups]);
  const filtered = React.useMemo(() => groups.map((g) => filterGroup(g, shown)), [groups, shown]);
  // Sheets are open unless the user closed them (new sheets open too).
  const [closed, setClosed] = React.useState<ReadonlySet<string>>(() => new Set());
  const open = React.useMemo(() => groups.map((g) => g.sheet).filter((n) => !closed.has(n)), [groups, closed]);
  const onToggle = (value: string) =>
    setClosed((prev) => {
      const next = new Set(prev);
      if (next.has(value)) next.delete(value);
      else next.add(value);
      return next;
    });
  const toggle = (sev: Severity) =>
    setShown((prev) => {
      const next = new Set(prev);
      if (next.has(sev)) next.delete(sev);
      else next.add(sev);
      return next;
    });
  const any = totals.error + totals.warning + totals.info > 0;
  const pending = groups.some((g) => g.pending.length > 0);
  if (!any && !pending) return null;
  return (
    <section aria-label="问题列表">
      {any && (
        <div className={s.filters} role="group" aria-label="按级别显示或隐藏问题">
          <Caption1>显示：</Caption1>
          {SEVERITIES.map((sev) => {
            const on = shown.has(sev);
            return (
              <ToggleButton key={sev} size="small" checked={on} className={on ? v[ON_CLASS[sev]] : v.off} onClick={() => toggle(sev)}>
                {on ? '✓ ' : ''}
                {SEVERITY_LABEL[sev]} {thousands(totals[sev])}
                {on ? '' : '（已隐藏）'}
              </ToggleButton>
            );
          })}
        </div>
      )}
      <Accordion multiple collapsible openItems={open} onToggle={(_, d) => onToggle(String(d.value))}>
        {filtered.map((g, i) => {
          const all = groups[i];
          const hidden = issueCount(all) - issueCount(g);
          const rows = g.rows.length + g.sheetIssues.length;
          return (
            <AccordionItem key={g.sheet} value={g.sheet}>
              <AccordionHeader expandIconPosition="end" as="h2">
                <span className={s.header}>
                  {g.sheet}
                  {/* Words apart from the sheet name, also for a screen reader: “处罚12月 · 1 行有问题”, not “12月1 行”. */}
                  <span className={s.headerCount}>{` · ${groupStatus(all, g)}`}</span>
                </span>
              </AccordionHeader>
              <AccordionPanel collapseMotion={null}>
                {rows === 0 && g.pending.length === 0 ? <Caption1>{hidden ? '所选级别没有问题。' : '没有问题。'}</Caption1> : <SheetIssues group={g} onSelect={onSelect} />}
              </AccordionPanel>
            </AccordionItem>
          );
        })}
      </Accordion>
    </section>
  );
});
