/**
 * The county's roll-up of one month: per township, which package counts (a corrected resend
 * supersedes the earlier one), whether it came on time, its figures, its cases and its issues;
 * with last month and the year to date when the folder holds them. A township whose ledger came
 * but could not be read is said so (`unreadable`), never counted as 未报 or 零办案.
 */
import { LEDGERS, officialColumns } from '../ledger/columns';
import { IsoDate, diffDays, lastDayOfMonth, nextMonthStart } from '../ledger/dates';
import { periodSchema } from '../ledger/options';
import { RecordResult } from '../validation/check';
import { Attributed, Attribution, Township, attribute, unreadFor } from './attribute';
import { fileEntries } from './file-list';
import { reviewGroup } from './groups';
import { Package, PackageNote, RollupFile, recordsFor } from './package';
import { applyCountyRoster } from './roster';
import { Origin, OtherMail, Unreadable, readSources } from './sources';
import { Figures, addFigures, bump, classifyCoercion, classifyPenalty, emptyFigures, ordered, ENFORCEMENT_NAMES, MEASURE_NAMES, PENALTY_KIND_NAMES } from './stats';
import { monthLabel, teamKey } from './team';
import { chinaTime } from './time';
import { CaseRow, MonthRollup, ReportStatus, Rollup, RollupIssue, RollupOptions, STATUSES, TownshipMonth } from './types';

export { monthLabel, teamKey };
export type { CaseRow, FileEntry, MonthRollup, ReportStatus, Rollup, RollupIssue, RollupOptions, TownshipMonth } from './types';

type Counted = Package & { origin: Origin };

const time = (p: Package) => (p.received ?? p.generatedAt)?.getTime() ?? -Infinity;
const priority = (p: Package) => (p.embedded ? 3 : p.format === 'docx' ? 2 : 1);

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function when(p: Package): string {
  if (p.received) return `${chinaTime(p.received).text} 收到`;
  if (p.generatedAt) return `${chinaTime(p.generatedAt).text} 生成`;
  return '时间不明';
}

function tableOf(p: Package, r: RecordResult): { table: string; row: number } {
  const t = p.tables.get(r.sheet);
  if (t) return { table: `${LEDGERS[r.kind].name}表`, row: r.row - t.firstRow + 1 };
  return { table: r.sheet, row: r.row };
}

function caseOf(team: string, p: Package, r: RecordResult, f: Figures): CaseRow {
  const cells: Record<string, string> = {};
  for (const c of officialColumns(r.kind)) cells[c.key] = r.display[c.key] ?? '';
  const at = tableOf(p, r);
  const row: CaseRow = { team, kind: r.kind, file: p.file, ...at, cells, category: '', amountYuan: null };
  if (r.kind === 'penalty') {
    const c = classifyPenalty(cells.outcome, cells.remarks);
    if (c.transferred) {
      f.penalty.transferred = (f.penalty.transferred ?? 0) + 1;
      row.category = '移送';
      return row;
    }
    f.penalty.cases++;
    row.amountYuan = c.amountYuan;
    f.penalty.amountYuan = Math.round((f.penalty.amountYuan + c.amountYuan) * 100) / 100;
    if (c.noPenalty) {
      f.penalty.noPenalty++;
      row.category = '不予处罚';
    } else {
      bump(f.penalty.byKind, c.kind!);
      row.category = c.kind!;
    }
  } else if (r.kind === 'coercion') {
    const c = classifyCoercion(cells.category, cells.measure);
    f.coercion.cases++;
    for (const k of c.kinds) bump(c.category === 'measure' ? f.coercion.measures : f.coercion.enforcement, k);
    row.category = c.category ? `${c.category === 'measure' ? '强制措施' : '强制执行'}·${c.kinds.join('、')}` : '类别不明';
  } else {
    const hazards = typeof r.fields.hazardCount === 'number' && r.fields.hazardCount > 0;
    f.inspection.count++;
    if (hazards) f.inspection.withHazards++;
    if (hazards && (r.fields.recheckOn || cells.recheckOn)) f.inspection.rechecked++;
    row.category = hazards ? '发现隐患' : '未发现隐患';
  }
  return row;
}

function issueOf(team: string, file: string, n: PackageNote): RollupIssue {
  return { team, group: reviewGroup(n.rule), severity: n.severity, file, table: n.table, row: n.row, column: '', rule: n.rule, message: n.message };
}

/** How the time of a mail was read, when it was not simply its Date; and a forward. */
function timeNotes(o: Origin): string[] {
  const out: string[] = [];
  if (o.forwardedIn) out.push(`“${o.mailFile}”是转发的邮件（在“${o.forwardedIn}”中），按原邮件的发送时间计算`);
  if (o.time?.note) out.push(`“${o.mailFile}”：${o.time.note}`);
  return out;
}

interface MonthItems {
  cands: Counted[];
  unread: (Unreadable & { assumed: boolean })[];
  mails: OtherMail[];
  byName: string[];
}

function itemsOf(key: string, month: string, a: Attribution): MonthItems {
  const mine = <T>(x: Attributed<T>) => x.key === key;
  const cands = a.packages.filter((p) => mine(p) && p.item.months.includes(month)).map((p) => p.item);
  const unread = a.unreadable.filter(mine).flatMap((u) => {
    const m = unreadFor(u.item, month);
    return m.match ? [{ ...u.item, assumed: m.assumed }] : [];
  });
  const mails = a.mails.filter((m) => mine(m) && m.item.kind === 'no-ledger' && (!m.item.months.length || m.item.months.includes(month))).map((m) => m.item);
  const byName = [...a.packages.filter((p) => mine(p) && p.byName && p.item.months.includes(month)).map((p) => p.item.file), ...a.unreadable.filter((u) => mine(u) && u.byName).map((u) => u.item.file)];
  return { cands, unread, mails, byName };
}

/** One township's month. */
function townshipMonth(town: Township, month: string, a: Attribution, today: IsoDate): TownshipMonth {
  const team = town.team;
  const due = nextMonthStart(month);
  const { cands, unread, mails, byName } = itemsOf(town.key, month, a);
  const ranked = cands.map((p, i) => ({ p, i })).sort((x, y) => time(x.p) - time(y.p) || priority(x.p) - priority(y.p) || x.i - y.i);
  const counted = ranked.length ? ranked[ranked.length - 1].p : null;
  const notes: string[] = [];
  for (const { p } of ranked.slice(0, -1)) {
    if (sameBytes(p.bytes, counted!.bytes)) notes.push(`“${p.file}”与“${counted!.file}”内容相同，未重复计算`);
    else if (p.origin.mailFile === counted!.origin.mailFile && p.origin.mailFile !== p.file) notes.push(`同一邮件中有两份台账，按“${counted!.file}”统计，“${p.file}”未计入`);
    else notes.push(`“${counted!.file}”（${when(counted!)}）是更正后重新报送的，取代了“${p.file}”（${when(p)}）`);
  }
  // Timeliness is the first report's: the earliest mail that carried a ledger, readable or not.
  const sent = [...cands.filter((p) => p.fromMail && p.received).map((p) => p.received!), ...unread.filter((u) => u.received).map((u) => u.received!)].sort((x, y) => x.getTime() - y.getTime());
  const first = sent[0] ?? null;
  let status: ReportStatus;
  let lateDays = 0;
  let received: Date | null;
  if (counted) {
    received = counted.received;
    if (first) {
      lateDays = Math.max(0, diffDays(due, chinaTime(first).date));
      status = lateDays > 0 ? 'late' : 'on-time';
    } else status = 'submitted';
  } else if (unread.length) {
    status = 'unreadable';
    received = first;
    lateDays = first ? Math.max(0, diffDays(due, chinaTime(first).date)) : 0;
  } else {
    status = 'missing';
    received = null;
    lateDays = Math.max(0, diffDays(due, today));
  }
  const origins = new Map<string, Origin>();
  for (const x of [...(counted ? [counted] : []), ...ranked.map((r) => r.p), ...unread]) origins.set(x.origin.mailFile, x.origin);
  for (const o of origins.values()) notes.push(...timeNotes(o));
  for (const m of mails) notes.push(`“${m.file}”（主题“${m.origin.subject || '无主题'}”${m.origin.time?.at ? `，${chinaTime(m.origin.time.at).text} 收到` : ''}）没有台账附件，不算报送`);
  for (const f of byName) notes.push(`“${f}”没有写明报送单位，按邮件主题、发件人或文件名中的“${team}”计入`);
  for (const u of unread.filter((x) => x.assumed)) notes.push(`“${u.file}”无法读取，也看不出报送月份，按收到时间计入${monthLabel(month)}`);
  if (counted?.received) {
    const later = unread.filter((u) => u.received && u.received > counted.received!);
    for (const u of later) notes.push(`在“${counted.file}”之后又收到“${u.file}”，但无法读取：汇总用的是较早的“${counted.file}”，请核实`);
  }
  const figures = emptyFigures();
  const cases: CaseRow[] = [];
  const issues: RollupIssue[] = [];
  if (counted) {
    const records = recordsFor(counted, month);
    for (const r of records) {
      cases.push(caseOf(team, counted, r, figures));
      const at = tableOf(counted, r);
      const word = counted.tables.has(r.sheet);
      for (const i of r.issues) {
        if (i.severity === 'info') continue;
        // A Word table has no cell addresses: the message starts at the column.
        const message = word && i.message.startsWith(i.cell) ? i.message.slice(i.cell.length) : i.message;
        issues.push({ team, group: reviewGroup(i.rule, i.column), severity: i.severity, file: counted.file, table: at.table, row: at.row, column: i.column, rule: i.rule, message });
      }
    }
    for (const l of counted.check.ledgers) {
      for (const i of l.sheetIssues) {
        if (i.severity === 'info') continue;
        issues.push({ team, group: reviewGroup(i.rule, i.column), severity: i.severity, file: counted.file, table: counted.tables.has(l.layout.sheet) ? `${LEDGERS[l.layout.kind].name}表` : l.layout.sheet, row: null, column: i.column, rule: i.rule, message: i.message });
      }
    }
    for (const n of counted.notes) issues.push(issueOf(team, counted.file, n));
    if (counted.declared) {
      for (const l of counted.check.ledgers) {
        for (const r of l.records) {
          if (!r.reportMonth || counted.months.includes(r.reportMonth)) continue;
          const at = tableOf(counted, r);
          issues.push(issueOf(team, counted.file, { rule: 'outside-period', severity: 'warning', table: at.table, row: at.row, message: `这条案件按${LEDGERS[r.kind].name === '行政检查' ? '复检或检查' : '结案'}时间属于${monthLabel(r.reportMonth)}，不在本次报送的期间内，未计入统计` }));
        }
      }
    }
    const lastDay = lastDayOfMonth(month);
    figures.inspection.pendingRecheck =
      counted.pendingRecheck ??
      counted.check.ledgers.flatMap((l) => l.records).filter((r) => r.kind === 'inspection' && r.pending && (typeof r.fields.inspectedOn !== 'string' || r.fields.inspectedOn <= lastDay)).length;
  }
  for (const u of unread) issues.push(issueOf(team, u.file, { rule: 'file-unreadable', severity: 'error', table: '', row: null, message: `文件无法读取：${u.reason}` }));
  for (const i of issues) figures.issues[i.severity]++;
  figures.penalty.byKind = ordered(figures.penalty.byKind, PENALTY_KIND_NAMES);
  figures.coercion.measures = ordered(figures.coercion.measures, MEASURE_NAMES);
  figures.coercion.enforcement = ordered(figures.coercion.enforcement, ENFORCEMENT_NAMES);
  const files = [...(counted ? [counted.file] : []), ...ranked.map((x) => x.p.file).filter((f) => f !== counted?.file).reverse(), ...unread.map((u) => u.file)];
  const firstReceived = first && received && first.getTime() !== received.getTime() ? first : null;
  return { team, status, received, firstReceived, lateDays, figures, files, counted, unreadable: unread.map((u) => ({ file: u.file, reason: u.reason })), cases, issues, notes, unlisted: town.unlisted };
}

function monthRollup(month: string, a: Attribution, today: IsoDate): MonthRollup {
  const townships = a.towns.map((t) => townshipMonth(t, month, a, today));
  const total = emptyFigures();
  const statuses = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<ReportStatus, number>;
  for (const t of townships) {
    addFigures(total, t.figures);
    statuses[t.status]++;
  }
  return { month, due: nextMonthStart(month), townships, total, statuses };
}

function previousMonth(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** Reads the files and rolls up the period. Pure: bytes in, figures out. */
export async function rollUp(files: RollupFile[], o: RollupOptions): Promise<Rollup> {
  const p = periodSchema.safeParse(o.period);
  if (!p.success || p.data.months.length !== 1) throw new RangeError('汇总月份应写作 YYYY-MM，如 2023-10');
  const period = p.data.from;
  const src = await readSources(files, o.today);
  const a = attribute(src, o.townships);
  const roster = applyCountyRoster(src.rosters, a);
  const current = monthRollup(period, a, o.today);
  const covers = (m: string) => src.packages.some((x) => x.months.includes(m));
  const prev = previousMonth(period);
  const lastMonth = covers(prev) ? monthRollup(prev, a, o.today) : null;
  const year = period.slice(0, 4);
  const months = Array.from({ length: Number(period.slice(5, 7)) }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
  let yearToDate: Rollup['yearToDate'] = null;
  if (months.slice(0, -1).some(covers)) {
    const per = months.map((m) => (m === period ? current : m === prev && lastMonth ? lastMonth : monthRollup(m, a, o.today)));
    // 待复检 is a state at the end of the period, not a sum of months.
    const townships = a.towns.map((t, i) => {
      const figures = per.reduce((f, m) => addFigures(f, m.townships[i].figures), emptyFigures());
      figures.inspection.pendingRecheck = current.townships[i].figures.inspection.pendingRecheck;
      return { team: t.team, figures, unread: per.some((m) => m.townships[i].status === 'unreadable') };
    });
    yearToDate = { from: months[0], to: period, townships, total: townships.reduce((f, t) => addFigures(f, t.figures), emptyFigures()) };
  }
  const notes = current.townships.flatMap((t) => t.notes.map((n) => `${t.team}：${n}`));
  for (const t of current.townships) if (t.unlisted) notes.push(`${t.team}不在乡镇名单中，已照样列出，请核对名称`);
  notes.push(...roster.notes);
  const listed = [...fileEntries(a, current, period), ...roster.files].sort((x, y) => x.file.localeCompare(y.file, 'zh-CN'));
  return { period, due: current.due, today: o.today, current, lastMonth, yearToDate, files: listed, notes };
}
