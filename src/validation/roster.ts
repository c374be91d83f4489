/*
 * The 执法人员名单 against the cases (issue 21), across sheets like duplicate document numbers:
 * every officer named on a case is looked up by name (persons.ts personKey) among the roster's
 * entries, as of the day of the act. Where the workbook (or the county) keeps no roster, or it
 * lists nobody, nothing is checked; an unreadable roster is said once, on the roster.
 */
import { cellAddress, columnLetter, columnNumber } from '../ledger/cell';
import { Kind } from '../ledger/columns';
import { IsoDate, addDays, formatChineseDate } from '../ledger/dates';
import { LedgerLayout } from '../ledger/detect';
import { personKey } from '../ledger/persons';
import { RosterEntry, RosterRead } from '../ledger/roster';
import { ROSTER, ROSTER_TITLE } from '../ledger/roster-columns';
import { quote } from '../ledger/text';
import type { Issue, RosterCertificate, RosterResult } from './check';
import { CheckedRecord, ownHeader } from './record';
import { RULE_BY_ID, RuleId } from './rules';

/** How far ahead the pane warns of certificates running out. */
export const ROSTER_SOON_DAYS = 60;

/** The roster's entries by name key. */
export class RosterIndex {
  readonly byKey = new Map<string, RosterEntry[]>();
  constructor(readonly entries: readonly RosterEntry[]) {
    for (const e of entries) {
      const list = this.byKey.get(e.key);
      if (list) list.push(e);
      else this.byKey.set(e.key, [e]);
    }
  }
}

/** Persons columns of each ledger and the date of the act they did: the first of `dates` the row has. */
export const ACT_DATES: Record<Kind, readonly { persons: string; dates: readonly string[] }[]> = {
  // Penalties: the decision when the ledger has a 决定时间 column (the officers acted before it), else 结案时间.
  penalty: [{ persons: 'officers', dates: ['decidedOn', 'closedOn'] }],
  inspection: [
    { persons: 'inspectors', dates: ['inspectedOn'] },
    { persons: 'rechecker', dates: ['recheckOn'] },
  ],
  coercion: [{ persons: 'officers', dates: ['startedOn'] }],
};

export type Verdict =
  | { kind: 'ok' }
  | { kind: 'not-listed' }
  | { kind: 'left'; on: IsoDate }
  | { kind: 'no-cert'; auxiliary: boolean }
  | { kind: 'expired'; until: IsoDate };

/** One person on the day of the act (`act` null: not known) by the roster's entries for that name (any entry that allows the act is enough). */
export function judge(entries: readonly RosterEntry[] | undefined, act: IsoDate | null): Verdict {
  if (!entries || !entries.length) return { kind: 'not-listed' };
  const present = act ? entries.filter((e) => !e.left || e.left >= act) : entries;
  if (!present.length) return { kind: 'left', on: entries.reduce((m, e) => (e.left! > m ? e.left! : m), entries[0].left!) };
  const certified = present.filter((e) => !e.auxiliary && !e.noCert);
  if (!certified.length) return { kind: 'no-cert', auxiliary: present.some((e) => e.auxiliary) };
  if (!act || certified.some((e) => !e.validUntil || e.validUntil >= act)) return { kind: 'ok' };
  return { kind: 'expired', until: certified.reduce((m, e) => (e.validUntil! > m ? e.validUntil! : m), certified[0].validUntil!) };
}

const cn = formatChineseDate;

function issueOn(layout: LedgerLayout, r: CheckedRecord, key: string, rule: RuleId, detail: string): Issue {
  const column = ownHeader(layout, key);
  const cell = cellAddress(r.row, layout.columns[key]);
  const def = RULE_BY_ID.get(rule)!;
  const body = def.message({ column, value: quote(r.fieldText(key)), detail, kind: layout.kind, header: (k) => ownHeader(layout, k) });
  return { sheet: r.sheet, row: r.row, cell, column, rule, severity: def.severity, message: `${cell}「${column}」：${body}` };
}

/** The roster's findings on one record's persons cells. */
export function rosterIssues(layout: LedgerLayout, r: CheckedRecord, index: RosterIndex): Issue[] {
  const out: Issue[] = [];
  for (const { persons, dates } of ACT_DATES[layout.kind]) {
    const a = r.analysisOf(persons);
    const p = a?.persons;
    if (!a || !p || a.blank || a.error || a.placeholder) continue;
    let act: IsoDate | null = null;
    let actKey = dates[dates.length - 1];
    for (const k of dates) {
      const d = r.analysisOf(k)?.date ?? null;
      if (d) {
        act = d;
        actKey = k;
        break;
      }
    }
    const when = act ? `${ownHeader(layout, actKey)}（${cn(act)}）` : '';
    const skip = new Set([...p.auxiliary, ...p.runTogether]);
    const missing: string[] = [];
    const expired: string[] = [];
    const noCert: string[] = [];
    for (const name of p.names) {
      if (skip.has(name)) continue;
      const v = judge(index.byKey.get(personKey(name)), act);
      if (v.kind === 'not-listed') missing.push(`“${name}”`);
      else if (v.kind === 'left') missing.push(`“${name}”（名单中注明已于${cn(v.on)}调离，早于${when}）`);
      else if (v.kind === 'expired') expired.push(`${name}的执法证有效期至${cn(v.until)}，早于${when}`);
      else if (v.kind === 'no-cert') noCert.push(`${name}（名单中${v.auxiliary ? '注明为协管员等辅助人员' : '没有执法证号'}）`);
    }
    if (missing.length) out.push(issueOn(layout, r, persons, 'roster-not-listed', `${missing.join('、')}不在「${ROSTER_TITLE}」中`));
    if (expired.length) out.push(issueOn(layout, r, persons, 'roster-cert-expired', expired.join('；')));
    // Fewer than two on the cell's own reading is persons-min-two's (or persons-auxiliary's) finding.
    if (noCert.length && p.count >= 2 && p.count - noCert.length < 2) out.push(issueOn(layout, r, persons, 'roster-no-cert', noCert.join('、')));
  }
  return out;
}

const columnOf = (cell: string) => columnNumber(/^[A-Z]+/.exec(cell)?.[0] ?? 'A');

/** The record with the roster's findings added (in column order), or itself when there are none. */
export function withRosterIssues(r: CheckedRecord, extra: readonly Issue[]): CheckedRecord {
  if (!extra.length) return r;
  return r.withIssues([...r.issues, ...extra].sort((x, y) => columnOf(x.cell) - columnOf(y.cell)));
}

const rosterRule = (id: 'roster-unreadable' | 'roster-entry-unreadable') => RULE_BY_ID.get(id)!;

function sheetIssue(sheet: string, row: number, col: number, column: string, id: 'roster-unreadable' | 'roster-entry-unreadable', detail: string): Issue {
  const rule = rosterRule(id);
  const cell = cellAddress(row, col);
  const body = rule.message({ column, value: '', detail, kind: 'penalty', header: (k) => ROSTER.columns.find((c) => c.key === k)?.header ?? k });
  return { sheet, row, cell, column, rule: id, severity: rule.severity, message: `${cell}「${column}」：${body}` };
}

/** What the pane and `check --json` say of one roster sheet, as of `today`. */
export function rosterResult(read: RosterRead, today: IsoDate): RosterResult {
  const hidden = read.hidden ? { hidden: true as const } : {};
  if (!read.layout) {
    const row = read.unreadable?.row ?? 1;
    const what = read.unreadable?.title ? `工作表「${read.sheet}」是执法人员名单（${quote(read.unreadable.title, 30)}），但找不到「姓名」列` : `工作表「${read.sheet}」像是执法人员名单（表头有执法证号、有效期至等），但找不到「姓名」列`;
    const issue = sheetIssue(read.sheet, row, 1, read.unreadable?.title ? '标题' : '表头', 'roster-unreadable', what);
    return { sheet: read.sheet, headerRow: row, cell: cellAddress(row, 1), readable: false, people: 0, certified: 0, expiringSoon: [], expired: [], issues: [issue], ...hidden };
  }
  const layout = read.layout;
  const soon = addDays(today, ROSTER_SOON_DAYS);
  const expiringSoon: RosterCertificate[] = [];
  const expired: RosterCertificate[] = [];
  let certified = 0;
  for (const e of read.entries) {
    if (e.auxiliary || e.noCert || (e.left && e.left < today)) continue;
    certified++;
    if (!e.validUntil) continue;
    const c = { name: e.name, row: e.row, until: e.validUntil };
    if (e.validUntil < today) expired.push(c);
    else if (e.validUntil <= soon) expiringSoon.push(c);
  }
  expiringSoon.sort((a, b) => (a.until < b.until ? -1 : a.until > b.until ? 1 : a.row - b.row));
  const header = (col: number) => Object.entries(layout.columns).find(([, c]) => c === col)?.[0];
  const issues = read.problems.map((p) => {
    const key = header(p.col);
    const column = key ? (layout.headers[key] ?? ROSTER.columns.find((c) => c.key === key)?.header ?? key).replace(/[\s\u3000]+/g, '') : `${columnLetter(p.col)}列`;
    return sheetIssue(read.sheet, p.row, p.col, column, 'roster-entry-unreadable', p.text);
  });
  const first = read.entries[0];
  const cell = cellAddress(first ? first.row : layout.headerRow, first ? layout.columns.name : layout.tableLeft);
  return { sheet: read.sheet, headerRow: layout.headerRow, cell, readable: true, people: read.entries.length, certified, expiringSoon, expired, issues, ...hidden };
}
