/* The add-in's 报送月份 column (pure): where it goes and what each row shows. */
import { SheetGrid, cellText, gridValue, isBlank } from '../ledger/cell';
import { REPORT_MONTH_HEADER } from '../ledger/columns';
import { LedgerLayout } from '../ledger/detect';
import { RecordResult } from '../validation/check';

/**
 * The text for a record: `YYYY-MM`; `待复检` (inspection awaiting recheck) or `未结案` (coercion
 * still running) when pending; otherwise why there is no month: `缺日期` / `日期有误` for a
 * missing or unreadable deciding date, `缺隐患数` / `隐患数有误` when the inspection's hazard count
 * decides nothing yet.
 */
export function reportMonthText(r: RecordResult): string {
  if (r.reportMonth) return r.reportMonth;
  if (r.pending) return r.kind === 'inspection' ? '待复检' : '未结案';
  let key = 'closedOn';
  if (r.kind === 'inspection') {
    const count = r.fields.hazardCount;
    if (typeof count !== 'number') return r.display.hazardCount ? '隐患数有误' : '缺隐患数';
    key = count > 0 ? 'recheckOn' : 'inspectedOn';
  }
  return r.display[key] ? '日期有误' : '缺日期';
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
  const byRow = new Map(records.map((r) => [r.row, r]));
  const out = new Map<number, string>();
  const put = (row: number) => {
    if (row < layout.firstDataRow || row > layout.lastDataRow) return;
    const rec = byRow.get(row);
    out.set(row, rec ? reportMonthText(rec) : '');
  };
  if (rows) for (const r of rows) put(r);
  else for (let r = layout.firstDataRow; r <= layout.lastDataRow; r++) put(r);
  return out;
}

/** The grid's current text in a cell ('' for blank). */
export function currentText(grid: SheetGrid, row: number, col: number): string {
  const v = gridValue(grid, row, col);
  return isBlank(v) ? '' : cellText(v);
}
