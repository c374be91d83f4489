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
import { PersonsParse, personKey } from '../ledger/persons';
import { RosterEntry, RosterRead } from '../ledger/roster';
import { ROSTER, ROSTER_TITLE } from '../ledger/roster-columns';
import { compact, quote } from '../ledger/text';
import type { Issue, RosterCertificate, RosterResult } from './check';
import { SAME_AS_INSPECTORS } from './inspection';
import { CheckedRecord, ownHeader } from './record';
import { RULE_BY_ID, RuleId } from './rules';

/** How far ahead the pane warns of certificates running out. */
export const ROSTER_SOON_DAYS = 60;

/** What the roster says of one persons cell on one day: the names by finding (empty lists: nothing). */
export interface CellVerdict {
  missing: string[];
  left: { name: string; on: IsoDate }[];
  expired: { name: string; until: IsoDate }[];
  noCert: { name: string; auxiliary: boolean }[];
  /** The cell's own count is two or more, and without those holding no certificate fewer than two remain. */
  tooFewCertified: boolean;
}

const CLEAN: CellVerdict = Object.freeze({ missing: [], left: [], expired: [], noCert: [], tooFewCertified: false }) as CellVerdict;

/** The roster's entries by name key; verdicts remembered per persons cell (its parse, shared by equal values) and day. */
export class RosterIndex {
  readonly byKey = new Map<string, RosterEntry[]>();
  private readonly verdicts = new WeakMap<PersonsParse, { dated: boolean; days: Map<string, CellVerdict> }>();
  constructor(readonly entries: readonly RosterEntry[]) {
    for (const e of entries) {
      const list = this.byKey.get(e.key);
      if (list) list.push(e);
      else this.byKey.set(e.key, [e]);
    }
  }

  /** The roster's verdict on a persons cell for an act on `act` (null: the day is not known). */
  verdict(p: PersonsParse, act: IsoDate | null): CellVerdict {
    let c = this.verdicts.get(p);
    if (!c) {
      // Names whose entries give no day (no 有效期至, no departure), or none at all: the same verdict every day.
      const dated = p.names.some((n) => this.byKey.get(personKey(n))?.some((e) => e.validUntil || e.left));
      this.verdicts.set(p, (c = { dated, days: new Map() }));
    }
    const day = c.dated ? act ?? '' : '';
    let v = c.days.get(day);
    if (!v) c.days.set(day, (v = this.judgeCell(p, c.dated ? act : null)));
    return v;
  }

  private judgeCell(p: PersonsParse, act: IsoDate | null): CellVerdict {
    let out: CellVerdict | null = null;
    const get = () => (out ??= { missing: [], left: [], expired: [], noCert: [], tooFewCertified: false });
    for (const name of p.names) {
      if (p.auxiliary.includes(name) || p.runTogether.includes(name)) continue;
      const v = judge(this.byKey.get(personKey(name)), act);
      if (v.kind === 'not-listed') get().missing.push(name);
      else if (v.kind === 'left') get().left.push({ name, on: v.on });
      else if (v.kind === 'expired') get().expired.push({ name, until: v.until });
      else if (v.kind === 'no-cert') get().noCert.push({ name, auxiliary: v.auxiliary });
    }
    const o = out as CellVerdict | null;
    if (!o) return CLEAN;
    // Fewer than two on the cell's own reading is persons-min-two's (or persons-auxiliary's) finding.
    o.tooFewCertified = o.noCert.length > 0 && p.count >= 2 && p.count - o.noCert.length < 2;
    return o;
  }
}

/** Persons columns of each ledger and the date of the act they did: the first of `dates` the row has. */
export const ACT_DATES: Record<Kind, readonly { persons: string; dates: readonly string[]; dated?: boolean; sameAs?: string }[]> = {
  // Penalties: the decision when the ledger has a 决定时间 column (the officers acted before it), else 结案时间.
  penalty: [{ persons: 'officers', dates: ['decidedOn', 'closedOn'] }],
  inspection: [
    { persons: 'inspectors', dates: ['inspectedOn'] },
    // 复检人 only once rechecked (as persons-min-two); `同上` names the inspectors, on the recheck day.
    { persons: 'rechecker', dates: ['recheckOn'], dated: true, sameAs: 'inspectors' },
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

type Body = [RuleId, string];
/** Message bodies by verdict (one persons value on one day), sheet and column: rows that share them build only their cell's address. */
const BODIES = new WeakMap<CellVerdict, WeakMap<LedgerLayout, Map<string, Body[]>>>();

function bodyOf(layout: LedgerLayout, key: string, text: string, rule: RuleId, detail: string): Body {
  const column = ownHeader(layout, key);
  return [rule, RULE_BY_ID.get(rule)!.message({ column, value: quote(text), detail, kind: layout.kind, header: (k) => ownHeader(layout, k) })];
}

function bodiesOf(v: CellVerdict, layout: LedgerLayout, text: string, persons: string, actKey: string, act: IsoDate | null): Body[] {
  let bySheet = BODIES.get(v);
  if (!bySheet) BODIES.set(v, (bySheet = new WeakMap()));
  let byColumn = bySheet.get(layout);
  if (!byColumn) bySheet.set(layout, (byColumn = new Map()));
  const at = `${persons}|${actKey}|${text}`;
  let out = byColumn.get(at);
  if (out) return out;
  out = [];
  const when = act ? `${ownHeader(layout, actKey)}（${cn(act)}）` : '';
  const missing = [...v.missing.map((n) => `“${n}”`), ...v.left.map((x) => `“${x.name}”（名单中注明已于${cn(x.on)}调离，早于${when}）`)];
  if (missing.length) out.push(bodyOf(layout, persons, text, 'roster-not-listed', `${missing.join('、')}不在「${ROSTER_TITLE}」中`));
  if (v.expired.length) out.push(bodyOf(layout, persons, text, 'roster-cert-expired', v.expired.map((x) => `${x.name}的执法证有效期至${cn(x.until)}，早于${when}`).join('；')));
  if (v.tooFewCertified) out.push(bodyOf(layout, persons, text, 'roster-no-cert', v.noCert.map((x) => `${x.name}（名单中${x.auxiliary ? '注明为协管员等辅助人员' : '没有执法证号'}）`).join('、')));
  byColumn.set(at, out);
  return out;
}

/** The roster's findings on one record's persons cells. */
export function rosterIssues(layout: LedgerLayout, r: CheckedRecord, index: RosterIndex): Issue[] {
  let out: Issue[] | null = null;
  for (const { persons, dates, dated, sameAs } of ACT_DATES[layout.kind]) {
    let a = r.analysisOf(persons);
    if (!a || a.blank || a.error || a.placeholder) continue;
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
    if (dated && !act) continue;
    if (sameAs && SAME_AS_INSPECTORS.test(compact(a.text))) a = r.analysisOf(sameAs);
    const p = a?.persons;
    if (!a || !p || a.blank || a.error || a.placeholder) continue;
    const v = index.verdict(p, act);
    if (v === CLEAN) continue;
    const column = ownHeader(layout, persons);
    const cell = cellAddress(r.row, layout.columns[persons]);
    for (const [rule, body] of bodiesOf(v, layout, r.fieldText(persons), persons, actKey, act)) {
      (out ??= []).push({ sheet: r.sheet, row: r.row, cell, column, rule, severity: RULE_BY_ID.get(rule)!.severity, message: `${cell}「${column}」：${body}` });
    }
  }
  return out ?? [];
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
