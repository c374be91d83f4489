/* A 执法人员名单 sheet as a clerk fills in the inserted template, values by field key. */
import { CellValue, SheetGrid } from '../../src/ledger/cell';
import { ROSTER } from '../../src/ledger/roster-columns';
import { templateSheet } from '../../src/ledger/template';

export type Officer = Partial<Record<'seq' | 'name' | 'certNo' | 'issuer' | 'validUntil' | 'remarks' | 'unit' | 'role', CellValue>>;

/** The roster in the template's layout (title, header, rows); optional columns (所属单位, 人员类别) follow when a row uses them. */
export function rosterGrid(officers: Officer[], name = '执法人员名单', team: string | null = '天宁镇综合行政执法队', headers: Record<string, string> = {}): SheetGrid {
  const t = templateSheet('roster', team);
  const official = ROSTER.columns.filter((c) => c.official);
  const extra = ROSTER.columns.filter((c) => !c.official && officers.some((o) => c.key in o));
  const cols = [...official, ...extra];
  const header = cols.map((c) => headers[c.key] ?? c.header);
  const rows: CellValue[][] = [[t.title], header, ...officers.map((o) => cols.map((c) => (o as Record<string, CellValue>)[c.key] ?? null))];
  return { name, top: 1, left: 1, rows, merges: [{ top: 1, left: 1, bottom: 1, right: cols.length }] };
}

/** The officers of test/helpers/ledger.ts's GOOD rows, with certificates valid through 2027. */
export const TEAM: Officer[] = [
  { name: '王明', certNo: '14010001', issuer: '交城县人民政府', validUntil: '2027年12月31日' },
  { name: '李强', certNo: '14010002', issuer: '交城县人民政府', validUntil: '2027年12月31日' },
  { name: '张三', certNo: '14010003', issuer: '交城县人民政府', validUntil: '2027年12月31日' },
  { name: '李四', certNo: '14010004', issuer: '交城县人民政府', validUntil: '2027年12月31日' },
  { name: '王五', certNo: '14010005', issuer: '交城县人民政府', validUntil: '2027年12月31日' },
  { name: '赵六', certNo: '14010006', issuer: '交城县人民政府', validUntil: '2027年12月31日' },
];
