/* The add-in's 报送月份 column (pure): where it goes and what each row shows. */
import { CellRange, SheetGrid, cellAddress, cellText, columnLetter, gridValue, isBlank } from '../ledger/cell';
import { REPORT_MONTH_HEADER } from '../ledger/columns';
import { LedgerLayout } from '../ledger/detect';
import { RecordResult } from '../validation/check';

/**
 * The text for a record: `YYYY-MM`; `待复检` (inspection awaiting recheck) or `未结案` (coercion
 * still running, a penalty its row says is open) when pending; `缺日期` for a penalty whose
 * 结案时间 is empty and not said to be open; otherwise why there is no month: `缺日期` when the deciding date
 * is not filled, `日期有误` when it is filled but no date (text, a day that does not exist, or an
 * error value such as `#VALUE!`, which only the layout tells from an empty cell);
 * `缺隐患数` / `隐患数有误` when the inspection's hazard count decides nothing yet.
 */
export function reportMonthText(r: RecordResult, layout?: LedgerLayout): string {
  if (r.reportMonth) return r.reportMonth;
  // A penalty with an empty 结案时间 that its row does not say is open: the date is missing.
  if (r.pending) return r.kind === 'inspection' ? '待复检' : r.pendingState === 'unconfirmed' ? '缺日期' : '未结案';
  const filled = (key: string) => {
    if (r.display[key]) return true;
    const col = layout?.columns[key];
    const cell = col ? cellAddress(r.row, col) : null;
    return r.issues.some((i) => i.cell === cell && (i.rule === 'cell-error' || i.rule === 'formula-no-result'));
  };
  let key = 'closedOn';
  if (r.kind === 'inspection') {
    const count = r.fields.hazardCount;
    if (typeof count !== 'number') return filled('hazardCount') ? '隐患数有误' : '缺隐患数';
    key = count > 0 ? 'recheckOn' : 'inspectedOn';
  }
  return filled(key) ? '日期有误' : '缺日期';
}

/** The existing 报送月份 column of a ledger (from the header), or null. */
export function existingReportColumn(layout: LedgerLayout): number | null {
  return layout.extras.find((e) => e.header === REPORT_MONTH_HEADER)?.col ?? null;
}

/** Where the 报送月份 column goes: the existing one, else the first column right of the table and its extra columns. */
export function reportColumn(layout: LedgerLayout): { col: number; existing: boolean } {
  const existing = existingReportColumn(layout);
  if (existing !== null) return { col: existing, existing: true };
  const right = Math.max(layout.tableRight, ...layout.extras.map((e) => e.col));
  return { col: right + 1, existing: false };
}

/** The value of each data row (1-based row → text; '' for rows that are no record). */
export function reportMonthValues(layout: LedgerLayout, records: readonly RecordResult[], rows?: Iterable<number>): Map<number, string> {
  const steps = reportMonthSteps(layout, records, rows);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** Rows between two steps of reportMonthSteps. */
const MONTH_STEP = 2000;

/** reportMonthValues in steps, for a caller that must not block (yields the rows done so far). */
export function* reportMonthSteps(layout: LedgerLayout, records: readonly RecordResult[], rows?: Iterable<number>): Generator<number, Map<number, string>> {
  const byRow = new Map(records.map((r) => [r.row, r]));
  const out = new Map<number, string>();
  const put = (row: number) => {
    if (row < layout.firstDataRow || row > layout.lastDataRow) return;
    const rec = byRow.get(row);
    out.set(row, rec ? reportMonthText(rec, layout) : '');
  };
  let n = 0;
  if (rows) {
    for (const r of rows) {
      put(r);
      if (++n % MONTH_STEP === 0) yield n;
    }
  } else {
    for (let r = layout.firstDataRow; r <= layout.lastDataRow; r++) {
      put(r);
      if (++n % MONTH_STEP === 0) yield n;
    }
  }
  return out;
}

/** The grid's current text in a cell ('' for blank). */
export function currentText(grid: SheetGrid, row: number, col: number): string {
  const v = gridValue(grid, row, col);
  return isBlank(v) ? '' : cellText(v);
}

/** Sorted runs of consecutive rows. */
export function runsOf(rows: Iterable<number>): { top: number; bottom: number }[] {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const out: { top: number; bottom: number }[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r === last.bottom + 1) last.bottom = r;
    else out.push({ top: r, bottom: r });
  }
  return out;
}

/** Row → text as runs of consecutive rows, for one write each. */
export function textRuns(values: Map<number, string>): { top: number; values: string[] }[] {
  return runsOf(values.keys()).map((r) => ({ top: r.top, values: Array.from({ length: r.bottom - r.top + 1 }, (_, i) => values.get(r.top + i) ?? '') }));
}

/**
 * Why the 报送月份 column cannot be written (a Chinese sentence), or null: a new column must be
 * empty from the header down; an existing 报送月份 column may hold text but no formula.
 */
export function occupiedReason(sheet: string, letter: string, top: number, cells: unknown[], existing: boolean, layout: LedgerLayout): string | null {
  for (let i = 0; i < cells.length; i++) {
    const row = top + i;
    const v = cells[i];
    if (v === '' || v === null || v === undefined) continue;
    const text = String(v);
    if (existing) {
      if (row < layout.firstDataRow) continue; // the header
      if (text.startsWith('=')) return `「${sheet}」的「${REPORT_MONTH_HEADER}」列（${letter} 列）中有公式（如 ${letter}${row}：${text.slice(0, 40)}），为免覆盖，没有填写。如要由本工具填写，请先删除该列的公式。`;
      continue;
    }
    return `「${sheet}」表格右侧的 ${letter} 列已有内容（${letter}${row}：“${text.slice(0, 20)}”），为免覆盖，没有填写报送月份。请把这些内容移走，或在表格右侧留出一列空列后再试。`;
  }
  return null;
}

/**
 * Why the 报送月份 column cannot be written because of merged cells (a Chinese sentence), or
 * null. The column is written row by row; a merged area reaching into it from the side, or
 * merging rows of it, would make the write fail for the whole sheet or lose rows' values (a
 * merged area keeps only its top-left cell). Only the add-in's own header (the column's header
 * rows merged, nothing else) is allowed.
 */
export function mergeReason(sheet: string, col: number, layout: LedgerLayout, merges: readonly CellRange[]): string | null {
  const top = layout.headerRow;
  const headerBottom = layout.headerRow + layout.headerRows - 1;
  const bottom = Math.max(layout.lastDataRow, headerBottom);
  const letter = columnLetter(col);
  for (const m of merges) {
    if (m.left > col || m.right < col || m.bottom < top || m.top > bottom) continue;
    if (m.left === col && m.right === col && m.top >= top && m.bottom <= headerBottom) continue; // the header
    const area = m.top === m.bottom && m.left === m.right ? cellAddress(m.top, m.left) : `${cellAddress(m.top, m.left)}:${cellAddress(m.bottom, m.right)}`;
    return `「${sheet}」的 ${letter} 列（报送月份要写的列）中有合并单元格 ${area}，报送月份要逐行填写，为免出错，这张表没有填写报送月份（其他内容和标记不受影响）。请先取消这些单元格的合并（“开始 → 合并后居中 → 取消单元格合并”），或在表格右侧留出一列没有合并单元格的空列后再试。`;
  }
  return null;
}
