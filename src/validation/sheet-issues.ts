/* Issues about a ledger sheet itself, not one of its cases: a required column missing from the header, rows with content read as no case, another table below. */
import { cellAddress, columnLetter } from '../ledger/cell';
import { columnDef } from '../ledger/columns';
import { LedgerLayout } from '../ledger/detect';
import { UnreadRow } from '../ledger/rows';
import { quote } from '../ledger/text';
import type { Issue } from './check';
import { RULE_BY_ID } from './rules';

/** Issues about the sheet itself: required columns missing from the header; rows with content read as no case, and another table below. */
export function sheetIssues(layout: LedgerLayout, unread: UnreadRow[] = []): Issue[] {
  const rule = RULE_BY_ID.get('required')!;
  const out: Issue[] = layout.missing.map((key, i) => {
    const def = columnDef(layout.kind, key)!;
    const cell = cellAddress(layout.headerRow, layout.tableRight + 1 + i);
    const detail = `表头中没有「${def.header}」列（可在第${layout.headerRow}行 ${columnLetter(layout.tableRight + 1 + i)} 列补上）`;
    return {
      sheet: layout.sheet,
      row: layout.headerRow,
      cell,
      column: def.header,
      rule: 'required',
      severity: rule.severity,
      message: `${cell}「${def.header}」：${rule.message({ column: def.header, value: '', detail, kind: layout.kind, header: (k) => columnDef(layout.kind, k)?.header ?? k })}`,
    };
  });
  const notRead = notReadIssue(layout, unread);
  if (notRead) out.push(notRead);
  return out;
}

/** `第16–23行、第30行` */
export function rowRanges(rows: number[], max = 8): string {
  const ranges: [number, number][] = [];
  for (const r of rows) {
    const last = ranges[ranges.length - 1];
    if (last && r === last[1] + 1) last[1] = r;
    else ranges.push([r, r]);
  }
  const shown = ranges.slice(0, max).map(([a, b]) => (a === b ? `第${a}行` : `第${a}–${b}行`));
  return shown.join('、') + (ranges.length > max ? `等${rows.length}行` : '');
}

/** One `rows-not-read` warning for the sheet, on the first such row. */
function notReadIssue(layout: LedgerLayout, unread: UnreadRow[]): Issue | null {
  const other = layout.otherTable;
  if (!unread.length && !other) return null;
  const rule = RULE_BY_ID.get('rows-not-read')!;
  const parts: string[] = [];
  if (unread.length) {
    const u = unread[0];
    const sample = quote(u.text.trim(), 24);
    parts.push(
      `${rowRanges(unread.map((x) => x.row))}有内容，但没有作为案件读取（如第${u.row}行 ${cellAddress(u.row, u.col)} ${sample}）：这些行没有文号、案由、当事人、违法事实、日期或执法人员，也不是合计、说明、月份分隔行或上一行的续行。是案件的，请在本行补全这些栏目；不是的，请删除或移到表格之外`,
    );
  }
  if (other) parts.push(`第${other.row}行起是另一张表（${quote(other.text.trim(), 30)}），没有作为本台账的案件读取，请把它移到单独的工作表`);
  const row = unread.length ? unread[0].row : other!.row;
  const col = unread.length ? unread[0].col : layout.tableLeft;
  const cell = cellAddress(row, col);
  const key = Object.keys(layout.columns).find((k) => layout.columns[k] === col);
  const column = key ? layout.headers[key] ?? columnDef(layout.kind, key)?.header ?? '' : layout.extras.find((e) => e.col === col)?.header ?? `${columnLetter(col)}列`;
  const detail = parts.join('；');
  return {
    sheet: layout.sheet,
    row,
    cell,
    column,
    rule: 'rows-not-read',
    severity: rule.severity,
    message: `${cell}「${column}」：${rule.message({ column, value: '', detail, kind: layout.kind, header: (k) => columnDef(layout.kind, k)?.header ?? k })}`,
  };
}

