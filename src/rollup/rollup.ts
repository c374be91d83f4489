/**
 * The county's roll-up of one month: per township, which package counts (a corrected resend
 * supersedes the earlier one), whether it came on time, its figures, its cases and its issues;
 * with last month and the year to date when the folder holds them.
 */
import { Kind, LEDGERS, officialColumns } from '../ledger/columns';
import { IsoDate, diffDays, lastDayOfMonth, nextMonthStart } from '../ledger/dates';
import { periodSchema } from '../ledger/options';
import { compact, toHalfWidth } from '../ledger/text';
import { RecordResult } from '../validation/check';
import { ReviewGroup, reviewGroup } from './groups';
import { Package, PackageNote, RollupFile, Unreadable, readFiles, recordsFor } from './package';
import { Figures, addFigures, bump, classifyCoercion, classifyPenalty, emptyFigures, ordered, ENFORCEMENT_NAMES, MEASURE_NAMES, PENALTY_KIND_NAMES } from './stats';
import { chinaTime } from './time';

export interface RollupOptions {
  /** `YYYY-MM` */
  period: string;
  /** For townships that have not reported (days overdue) and files without a received time. */
  today: IsoDate;
  /** Townships that must report, in the order to list them; default: every township seen in the files. */
  townships?: string[];
}

export type ReportStatus = 'on-time' | 'late' | 'missing' | 'submitted';

/** A case as the county's master ledger lists it. */
export interface CaseRow {
  team: string;
  kind: Kind;
  file: string;
  table: string;
  row: number;
  /** Text per official column. */
  cells: Record<string, string>;
  /** 统计类别: the heaviest penalty kind, 不予处罚, or 强制措施·扣押 … */
  category: string;
  /** 罚没金额 (penalties only). */
  amountYuan: number | null;
}

export interface RollupIssue {
  team: string;
  group: ReviewGroup;
  severity: 'error' | 'warning';
  file: string;
  table: string;
  /** Excel row, or the row of the Word table (header rows included); null for the file as a whole. */
  row: number | null;
  column: string;
  rule: string;
  message: string;
}

export interface TownshipMonth {
  team: string;
  status: ReportStatus;
  /** The first e-mail that reported the month (timeliness is the first report's). */
  received: Date | null;
  lateDays: number;
  figures: Figures;
  /** Files of this township for the month, the one counted first. */
  files: string[];
  /** The package counted, if any. */
  counted: Package | null;
  cases: CaseRow[];
  issues: RollupIssue[];
  /** Which file superseded which, in Chinese. */
  notes: string[];
  /** Not in the `--townships` list. */
  unlisted: boolean;
}

export interface MonthRollup {
  month: string;
  due: IsoDate;
  townships: TownshipMonth[];
  total: Figures;
  statuses: Record<ReportStatus, number>;
}

export interface FileEntry {
  file: string;
  team: string | null;
  months: string[];
  received: Date | null;
  /** What became of it for the period, in Chinese. */
  use: string;
}

export interface Rollup {
  period: string;
  due: IsoDate;
  today: IsoDate;
  current: MonthRollup;
  /** The month before, when the folder holds it (the 通报's change on last month). */
  lastMonth: MonthRollup | null;
  /** January to the period, when the folder holds earlier months of the year. */
  yearToDate: { from: string; to: string; townships: { team: string; figures: Figures }[]; total: Figures } | null;
  files: FileEntry[];
  notes: string[];
}

/** `天宁镇综合行政执法队` and `天宁镇` are one township. */
export function teamKey(name: string): string {
  return compact(toHalfWidth(name)).replace(/(?:综合行政执法大?队|综合执法大?队|行政执法大?队|执法中队|执法队|人民政府|政府)$/, '');
}

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

export function monthLabel(month: string): string {
  return `${Number(month.slice(0, 4))}年${Number(month.slice(5, 7))}月`;
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

interface Sources {
  packages: Package[];
  unreadable: Unreadable[];
}

function issueOf(team: string, file: string, n: PackageNote): RollupIssue {
  return { team, group: reviewGroup(n.rule), severity: n.severity, file, table: n.table, row: n.row, column: '', rule: n.rule, message: n.message };
}

/** One township's month. */
function townshipMonth(team: string, key: string, month: string, src: Sources, today: IsoDate, unlisted: boolean): TownshipMonth {
  const due = nextMonthStart(month);
  const cands = src.packages.filter((p) => p.team && teamKey(p.team) === key && p.months.includes(month));
  const unread = src.unreadable.filter((u) => u.team && teamKey(u.team) === key && u.months.includes(month));
  const ranked = cands.map((p, i) => ({ p, i })).sort((a, b) => time(a.p) - time(b.p) || priority(a.p) - priority(b.p) || a.i - b.i);
  const counted = ranked.length ? ranked[ranked.length - 1].p : null;
  const notes: string[] = [];
  for (const { p } of ranked.slice(0, -1)) {
    if (sameBytes(p.bytes, counted!.bytes)) notes.push(`“${p.file}”与“${counted!.file}”内容相同，未重复计算`);
    else if (p.received && counted!.received && p.received.getTime() === counted!.received.getTime()) notes.push(`同一邮件中有两份台账，按“${counted!.file}”统计，“${p.file}”未计入`);
    else notes.push(`“${counted!.file}”（${when(counted!)}）是更正后重新报送的，取代了“${p.file}”（${when(p)}）`);
  }
  const mails = [...cands.filter((p) => p.fromMail && p.received).map((p) => p.received!), ...unread.filter((u) => u.received).map((u) => u.received!)].sort((a, b) => a.getTime() - b.getTime());
  let status: ReportStatus;
  let lateDays = 0;
  const received = mails[0] ?? null;
  if (received) {
    lateDays = Math.max(0, diffDays(due, chinaTime(received).date));
    status = lateDays > 0 ? 'late' : 'on-time';
  } else if (cands.length || unread.length) {
    status = 'submitted';
  } else {
    status = 'missing';
    lateDays = Math.max(0, diffDays(due, today));
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
  return { team, status, received, lateDays, figures, files, counted, cases, issues, notes, unlisted };
}

interface Township {
  team: string;
  key: string;
  unlisted: boolean;
}

function monthRollup(month: string, towns: Township[], src: Sources, today: IsoDate): MonthRollup {
  const townships = towns.map((t) => townshipMonth(t.team, t.key, month, src, today, t.unlisted));
  const total = emptyFigures();
  const statuses: Record<ReportStatus, number> = { 'on-time': 0, late: 0, missing: 0, submitted: 0 };
  for (const t of townships) {
    addFigures(total, t.figures);
    statuses[t.status]++;
  }
  return { month, due: nextMonthStart(month), townships, total, statuses };
}

/** The townships to list: the given list, then any other township that sent something. */
function townshipsOf(src: Sources, listed: string[] | undefined): Township[] {
  const seen = new Map<string, Map<string, number>>();
  for (const name of [...src.packages.map((p) => p.team), ...src.unreadable.map((u) => u.team)]) {
    if (!name) continue;
    const k = teamKey(name);
    const names = seen.get(k) ?? new Map<string, number>();
    names.set(name, (names.get(name) ?? 0) + 1);
    seen.set(k, names);
  }
  const out: Township[] = [];
  const keys = new Set<string>();
  for (const raw of listed ?? []) {
    const team = raw.trim();
    const key = teamKey(team);
    if (!team || keys.has(key)) continue;
    keys.add(key);
    out.push({ team, key, unlisted: false });
  }
  const rest = [...seen.entries()]
    .filter(([k]) => !keys.has(k))
    .map(([key, names]) => {
      const team = [...names.entries()].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length)[0][0];
      return { team, key, unlisted: !!listed };
    })
    .sort((a, b) => a.team.localeCompare(b.team, 'zh-CN'));
  return [...out, ...rest];
}

function previousMonth(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

function fileEntries(src: Sources, current: MonthRollup, period: string): FileEntry[] {
  const counted = new Map<Package, string>();
  for (const t of current.townships) if (t.counted) counted.set(t.counted, t.team);
  const entries: FileEntry[] = src.packages.map((p) => {
    let use: string;
    if (counted.has(p)) use = `已计入${monthLabel(period)}`;
    else if (!p.team) use = '无法确定报送单位（标题、报送单位都没有写明），未计入';
    else if (!p.months.length) use = '无法确定报送期间，未计入';
    else if (p.months.includes(period)) use = '被同一乡镇的另一份文件取代，未计入（见说明）';
    else use = `${p.months.map(monthLabel).join('、')}的报送，不属于本月`;
    return { file: p.file, team: p.team, months: p.months, received: p.received, use };
  });
  for (const u of src.unreadable) entries.push({ file: u.file, team: u.team, months: u.months, received: u.received, use: `无法读取：${u.reason}` });
  return entries.sort((a, b) => a.file.localeCompare(b.file, 'zh-CN'));
}

/** Reads the files and rolls up the period. Pure: bytes in, figures out. */
export async function rollUp(files: RollupFile[], o: RollupOptions): Promise<Rollup> {
  const p = periodSchema.safeParse(o.period);
  if (!p.success || p.data.months.length !== 1) throw new RangeError('汇总月份应写作 YYYY-MM，如 2023-10');
  const period = p.data.from;
  const src = await readFiles(files, o.today);
  const towns = townshipsOf(src, o.townships);
  const current = monthRollup(period, towns, src, o.today);
  const covers = (m: string) => src.packages.some((x) => x.months.includes(m));
  const prev = previousMonth(period);
  const lastMonth = covers(prev) ? monthRollup(prev, towns, src, o.today) : null;
  const year = period.slice(0, 4);
  const months = Array.from({ length: Number(period.slice(5, 7)) }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
  let yearToDate: Rollup['yearToDate'] = null;
  if (months.slice(0, -1).some(covers)) {
    const per = months.map((m) => (m === period ? current : m === prev && lastMonth ? lastMonth : monthRollup(m, towns, src, o.today)));
    // 待复检 is a state at the end of the period, not a sum of months.
    const townships = towns.map((t, i) => {
      const figures = per.reduce((f, m) => addFigures(f, m.townships[i].figures), emptyFigures());
      figures.inspection.pendingRecheck = current.townships[i].figures.inspection.pendingRecheck;
      return { team: t.team, figures };
    });
    yearToDate = { from: months[0], to: period, townships, total: townships.reduce((f, t) => addFigures(f, t.figures), emptyFigures()) };
  }
  const notes = current.townships.flatMap((t) => t.notes.map((n) => `${t.team}：${n}`));
  for (const t of current.townships) if (t.unlisted) notes.push(`${t.team}不在乡镇名单中，已照样列出，请核对名称`);
  return { period, due: current.due, today: o.today, current, lastMonth, yearToDate, files: fileEntries(src, current, period), notes };
}
