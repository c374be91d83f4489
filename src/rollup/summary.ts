/**
 * The summary workbook as plain data (sheets of rows, header merges, widths): the CLI writes it
 * with exceljs (summary-xlsx.ts); a task-pane view can write the same rows as new sheets.
 */
import { CellRange } from '../ledger/cell';
import { KINDS, Kind, LEDGERS, officialColumns } from '../ledger/columns';
import { monthLabel } from './team';
import { ReportStatus, Rollup, TownshipMonth } from './types';
import { ENFORCEMENT_NAMES, Figures, MEASURE_NAMES, PENALTY_KIND_NAMES } from './stats';
import { chinaTime } from './time';
import { REVIEW_GROUPS } from './groups';

export type Value = string | number | null;

export interface SheetModel {
  name: string;
  /** Row 1, across the table. */
  title: string;
  /** Header rows (one or two), below the title. */
  header: Value[][];
  /** Merged header cells, in sheet coordinates. */
  merges: CellRange[];
  rows: Value[][];
  /** Rows (0-based in `rows`) to print bold: totals and block titles. */
  strong: number[];
  /** Column widths in characters. */
  widths: number[];
  /** Columns (0-based) holding money. */
  money: number[];
}

export const STATUS_TEXT: Record<ReportStatus, string> = { 'on-time': '按时', late: '逾期', missing: '未报', submitted: '已报（时间不明）', unreadable: '已收到但无法读取' };

/** `按时` / `逾期 3 天` / `未报（已逾期 5 天）` / `已报（时间不明）` / `已收到但无法读取` */
export function statusText(t: Pick<TownshipMonth, 'status' | 'lateDays'>): string {
  if (t.status === 'late') return `逾期 ${t.lateDays} 天`;
  if (t.status === 'missing') return t.lateDays ? `未报（已逾期 ${t.lateDays} 天）` : '未报';
  return STATUS_TEXT[t.status];
}

/** The counted mail's time; the first report's too when a resend was counted; why none. */
export function receivedText(t: Pick<TownshipMonth, 'status' | 'received' | 'firstReceived'>): string {
  if (!t.received) return t.status === 'submitted' ? '（收到时间不明）' : '';
  return `${chinaTime(t.received).text}${t.firstReceived ? `（首次报送 ${chinaTime(t.firstReceived).text}）` : ''}`;
}

interface Col {
  group?: string;
  header: string;
  width: number;
  money?: boolean;
  value(f: Figures): number;
}

const width = (k: string) => Math.max(6, Math.ceil(k.length * 1.6));

/**
 * The statistics columns in the national tables' order; of the kinds (处罚种类, 强制措施 and
 * 执行方式), only those counted somewhere in the roll-up, so the sheet fits a page (the JSON
 * has every figure).
 */
function figureCols(all: Figures[]): Col[] {
  const used = (pick: (f: Figures) => Record<string, number>, k: string) => all.some((f) => pick(f)[k]);
  return [
    { group: '行政处罚（件）', header: '合计', width: 6, value: (f) => f.penalty.cases },
    ...PENALTY_KIND_NAMES.filter((k) => used((f) => f.penalty.byKind, k)).map((k): Col => ({ group: '行政处罚（件）', header: k, width: width(k), value: (f) => f.penalty.byKind[k] ?? 0 })),
    { group: '行政处罚（件）', header: '不予处罚', width: 6, value: (f) => f.penalty.noPenalty },
    ...(all.some((f) => f.penalty.transferred) ? [{ group: '行政处罚（件）', header: '移送（另计）', width: 8, value: (f: Figures) => f.penalty.transferred ?? 0 }] : []),
    { group: '行政处罚（件）', header: '罚没金额（元）', width: 12, money: true, value: (f) => f.penalty.amountYuan },
    { group: '行政强制（件）', header: '合计', width: 6, value: (f) => f.coercion.cases },
    ...MEASURE_NAMES.filter((k) => used((f) => f.coercion.measures, k)).map((k): Col => ({ group: '行政强制（件）', header: `措施·${k}`, width: width(`措施${k}`), value: (f) => f.coercion.measures[k] ?? 0 })),
    ...ENFORCEMENT_NAMES.filter((k) => used((f) => f.coercion.enforcement, k)).map((k): Col => ({ group: '行政强制（件）', header: `执行·${k}`, width: width(`执行${k}`), value: (f) => f.coercion.enforcement[k] ?? 0 })),
    ...COMMON_COLS,
  ];
}

const COMMON_COLS: Col[] = [
  { group: '行政检查（次）', header: '检查', width: 6, value: (f) => f.inspection.count },
  { group: '行政检查（次）', header: '发现隐患', width: 6, value: (f) => f.inspection.withHazards },
  { group: '行政检查（次）', header: '已复检', width: 6, value: (f) => f.inspection.rechecked },
  { group: '行政检查（次）', header: '待复检', width: 6, value: (f) => f.inspection.pendingRecheck },
  { group: '台账问题（处）', header: '错误', width: 6, value: (f) => f.issues.error },
  { group: '台账问题（处）', header: '警告', width: 6, value: (f) => f.issues.warning },
];

/** Two header rows: single headers merged down, groups merged across, starting at sheet row `top`. */
function twoRowHeader(cols: { group?: string; header: string }[], top: number): { header: Value[][]; merges: CellRange[] } {
  const a: Value[] = [];
  const b: Value[] = [];
  const merges: CellRange[] = [];
  cols.forEach((c, i) => {
    const col = i + 1;
    if (!c.group) {
      a.push(c.header);
      b.push(null);
      merges.push({ top, left: col, bottom: top + 1, right: col });
      return;
    }
    b.push(c.header);
    if (i > 0 && cols[i - 1].group === c.group) {
      a.push(null);
      merges[merges.length - 1].right = col;
      return;
    }
    a.push(c.group);
    merges.push({ top, left: col, bottom: top, right: col });
  });
  return { header: [a, b], merges: merges.filter((m) => m.bottom > m.top || m.right > m.left) };
}

function summarySheet(r: Rollup): SheetModel {
  const lead: { header: string; width: number }[] = [
    { header: '乡镇', width: 20 },
    { header: '报送情况', width: 14 },
    { header: '收到时间', width: 15 },
  ];
  const FIGURE_COLS = figureCols([r.current.total, ...(r.yearToDate ? [r.yearToDate.total] : [])]);
  const cols = [...lead, ...FIGURE_COLS];
  const { header, merges } = twoRowHeader(cols, 2);
  const rows: Value[][] = [];
  const strong: number[] = [];
  // A township whose ledger could not be read has no figures: blank, never 0.
  const line = (name: string, status: string, received: string, f: Figures | null) => [name, status, received, ...FIGURE_COLS.map((c) => (f ? c.value(f) : null))];
  const block = (label: string) => {
    strong.push(rows.length);
    rows.push([label, ...cols.slice(1).map(() => null)]);
  };
  const withYear = !!r.yearToDate;
  if (withYear) block(`${monthLabel(r.period)}（本月）`);
  for (const t of r.current.townships) {
    rows.push(line(t.team, statusText(t), receivedText(t), t.status === 'unreadable' ? null : t.figures));
  }
  const s = r.current.statuses;
  strong.push(rows.length);
  rows.push(line('合计', `按时${s['on-time']} 逾期${s.late} 未报${s.missing}${s.submitted ? ` 时间不明${s.submitted}` : ''}${s.unreadable ? ` 无法读取${s.unreadable}` : ''}`, '', r.current.total));
  if (r.yearToDate) {
    rows.push(cols.map(() => null));
    block(`${monthLabel(r.yearToDate.from)}至${Number(r.period.slice(5, 7))}月（本年累计）`);
    for (const t of r.yearToDate.townships) rows.push(line(t.team, t.unread ? '有月份的台账无法读取，未计入' : '', '', t.figures));
    strong.push(rows.length);
    rows.push(line('合计', '', '', r.yearToDate.total));
  }
  return {
    name: '汇总',
    title: `${monthLabel(r.period)}乡镇行政执法案件统计汇总表（报送截止 ${Number(r.due.slice(5, 7))}月${Number(r.due.slice(8, 10))}日）`,
    header,
    merges,
    rows,
    strong,
    widths: cols.map((c) => c.width),
    money: cols.map((c, i) => ((c as Col).money ? i : -1)).filter((i) => i >= 0),
  };
}

function caseSheet(r: Rollup, kind: Kind): SheetModel {
  const official = officialColumns(kind);
  const extra = kind === 'penalty' ? ['统计类别', '罚没金额（元）'] : ['统计类别'];
  const cols = [{ header: '乡镇', width: 20 }, ...official.map((c) => ({ header: c.header, group: c.group, width: c.width })), ...extra.map((h) => ({ header: h, width: 12 })), { header: '来源（文件、表格、行）', width: 28 }];
  const twoRows = official.some((c) => c.group);
  const h = twoRows ? twoRowHeader(cols, 2) : { header: [cols.map((c) => c.header)], merges: [] };
  const rows: Value[][] = [];
  for (const t of r.current.townships) {
    for (const c of t.cases.filter((x) => x.kind === kind)) {
      const tail: Value[] = kind === 'penalty' ? [c.category, c.amountYuan] : [c.category];
      rows.push([t.team, ...official.map((o) => c.cells[o.key] || null), ...tail, `${c.file.split(' › ')[0]}，${c.table}第${c.row}行`]);
    }
  }
  return {
    name: LEDGERS[kind].name,
    title: `${monthLabel(r.period)}${LEDGERS[kind].name}案件汇总台账（共${rows.length}件）`,
    header: h.header,
    merges: h.merges,
    rows,
    strong: [],
    widths: cols.map((c) => c.width),
    money: kind === 'penalty' ? [official.length + 2] : [],
  };
}

function issuesSheet(r: Rollup): SheetModel {
  const cols = [
    { header: '乡镇', width: 20 },
    { header: '问题类别', width: 9 },
    { header: '级别', width: 6 },
    { header: '文件', width: 30 },
    { header: '台账', width: 12 },
    { header: '行', width: 5 },
    { header: '栏目', width: 12 },
    { header: '问题和改正方法', width: 70 },
    { header: '规则', width: 18 },
  ];
  const rows: Value[][] = [];
  // Per township, grouped by review group (主体 first), in the order found within a group.
  const order = (g: string) => REVIEW_GROUPS.indexOf(g as (typeof REVIEW_GROUPS)[number]);
  for (const t of r.current.townships) {
    const sorted = t.issues.map((i, n) => ({ i, n })).sort((x, y) => order(x.i.group) - order(y.i.group) || x.n - y.n);
    for (const { i } of sorted) rows.push([t.team, i.group, i.severity === 'error' ? '错误' : '警告', i.file, i.table || null, i.row, i.column || null, i.message, i.rule]);
  }
  return { name: '问题', title: `${monthLabel(r.period)}各乡镇台账存在的问题（错误、警告，共${rows.length}处）`, header: [cols.map((c) => c.header)], merges: [], rows, strong: [], widths: cols.map((c) => c.width), money: [] };
}

function filesSheet(r: Rollup): SheetModel {
  const cols = [
    { header: '文件', width: 48 },
    { header: '乡镇', width: 20 },
    { header: '报送期间', width: 16 },
    { header: '收到时间', width: 17 },
    { header: '处理情况', width: 50 },
  ];
  const rows: Value[][] = r.files.map((f) => [f.file, f.team, f.months.map(monthLabel).join('、') || null, f.received ? chinaTime(f.received).text : null, f.use]);
  for (const n of r.notes) rows.push([null, null, null, null, n]);
  return { name: '文件', title: `读取的文件（${r.files.length}个）`, header: [cols.map((c) => c.header)], merges: [], rows, strong: [], widths: cols.map((c) => c.width), money: [] };
}

/** Sheets: 汇总, one per ledger (the county's master ledger), 问题, 文件. */
export function summaryWorkbook(r: Rollup): SheetModel[] {
  return [summarySheet(r), ...KINDS.map((k) => caseSheet(r, k)), issuesSheet(r), filesSheet(r)];
}
