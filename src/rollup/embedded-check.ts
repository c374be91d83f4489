/*
 * Our embedded data against the Word file's own tables, title and team. The tables win: the
 * data is trusted only where it agrees, and every disagreement is a warning that names it. The
 * per-row comparison is bounded by the tables: past a few rows of difference it is one warning.
 */
import { KINDS, Kind, LEDGERS, officialColumns } from '../ledger/columns';
import { EmbeddedPackage } from '../submission/embedded';
import { xmlSafe } from '../submission/tablexml';
import { RecordResult, WorkbookCheck } from '../validation/check';
import { DocxTable } from './docx-read';
import { monthLabel, monthsBetween, teamKey } from './team';

export interface EmbeddedNote {
  rule: 'embedded-mismatch';
  severity: 'warning';
  table: string;
  row: number | null;
  message: string;
}

/** Rows named one by one per table; more differences are summed up in one warning. */
const NAMED_ROWS = 10;

const norm = (s: string | undefined) =>
  xmlSafe(s ?? '')
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\u3000]+/g, ' ')
    .replace(/\s*\n\s*/g, '\n')
    .trim();

function rowKey(kind: Kind, cells: Record<string, string | undefined>): string {
  return officialColumns(kind)
    .filter((c) => c.key !== 'seq')
    .map((c) => norm(cells[c.key]))
    .join('\u0001');
}

function note(table: string, row: number | null, message: string): EmbeddedNote {
  return { rule: 'embedded-mismatch', severity: 'warning', table, row, message };
}

/** The rows: tables win; rows that differ are named (at most NAMED_ROWS per table). */
export function compareRows(data: EmbeddedPackage, check: WorkbookCheck, tables: Map<string, DocxTable>): EmbeddedNote[] {
  const notes: EmbeddedNote[] = [];
  for (const kind of KINDS) {
    const table = `${LEDGERS[kind].name}表`;
    const records = check.ledgers.filter((x) => x.layout.kind === kind).flatMap((l) => l.records);
    const rows = data.sections.find((s) => s.kind === kind)?.rows ?? [];
    // Bounded by the tables: a data section far longer than its table is one disagreement, not one per row.
    if (rows.length > records.length + NAMED_ROWS) {
      notes.push(note(table, null, `文件生成时的内嵌数据有${rows.length}行${LEDGERS[kind].name}案件，Word 表格中只有${records.length}行（生成后在 Word 中删改过，或内嵌数据不是这个文件的），已按表格统计，请核实`));
      continue;
    }
    const expected = new Map<string, number>();
    for (const r of rows) expected.set(rowKey(kind, r), (expected.get(rowKey(kind, r)) ?? 0) + 1);
    const extra: RecordResult[] = [];
    for (const r of records) {
      const key = rowKey(kind, r.display);
      const n = expected.get(key) ?? 0;
      if (n > 0) expected.set(key, n - 1);
      else extra.push(r);
    }
    const missing = rows.filter((r) => {
      const key = rowKey(kind, r);
      const n = expected.get(key) ?? 0;
      if (n > 0) expected.set(key, n - 1);
      return n > 0;
    });
    for (const r of extra.slice(0, NAMED_ROWS)) {
      const t = tables.get(r.sheet);
      notes.push(note(table, t ? r.row - t.firstRow + 1 : r.row, `Word 表格中的这一行（${norm(r.display.party) || '未填相对人'}）与文件生成时的内嵌数据不同（生成后在 Word 中改过），已按表格统计，请核实`));
    }
    for (const r of missing.slice(0, NAMED_ROWS)) {
      notes.push(note(table, null, `文件生成时有这一行（${norm(r.party) || '未填相对人'}${r.decisionNo || r.docNo ? `，${norm(r.decisionNo || r.docNo)}` : ''}），Word 表格中已没有（生成后在 Word 中删改过），已按表格统计，请核实`));
    }
    const more = Math.max(0, extra.length - NAMED_ROWS) + Math.max(0, missing.length - NAMED_ROWS);
    if (more) notes.push(note(table, null, `另有${more}行与文件生成时的内嵌数据不同，已按表格统计，请核实`));
  }
  return notes;
}

/** The team: the data's only when the file's own (报送单位, titles) is absent or the same township. */
export function agreedTeam(data: EmbeddedPackage, own: string | null): { team: string; note: EmbeddedNote | null } {
  if (!own || teamKey(own) === teamKey(data.team)) return { team: own && own.length > data.team.length ? own : data.team, note: null };
  return { team: own, note: note('', null, `内嵌数据写的报送单位是“${data.team}”，Word 文件中写的是“${own}”，二者不同，按 Word 文件中写的统计，请核实`) };
}

/** The months: the data's only when the tables' titles say the same, or (without titles) every dated row falls in them. */
export function agreedMonths(data: EmbeddedPackage, titled: string[], rowMonths: string[]): { months: string[] | null; note: EmbeddedNote | null } {
  const months = monthsBetween(data.period.from, data.period.to);
  const label = (ms: string[]) => (ms.length > 1 ? `${monthLabel(ms[0])}至${monthLabel(ms[ms.length - 1])}` : monthLabel(ms[0]));
  if (titled.length) {
    if (titled.join() === months.join()) return { months, note: null };
    return { months: titled, note: note('', null, `内嵌数据写的报送期间是${label(months)}，Word 表格标题写的是${label(titled)}，二者不同，按表格标题统计，请核实`) };
  }
  const outside = rowMonths.filter((m) => !months.includes(m));
  if (!outside.length) return { months, note: null };
  return { months: null, note: note('', null, `内嵌数据写的报送期间是${label(months)}，但 Word 表格中有${outside.map(monthLabel).join('、')}的案件，二者不符，按表格统计，请核实`) };
}
