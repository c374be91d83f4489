/* Every table the add-in recognises, by kind: the three ledgers (columns.ts) and the roster (roster-columns.ts). */
import { ColumnDef, LEDGERS, TableDef, TableKind } from './columns';
import { ROSTER } from './roster-columns';

export const TABLES: Record<TableKind, TableDef> = { ...LEDGERS, roster: ROSTER };
export const TABLE_KINDS: readonly TableKind[] = ['penalty', 'inspection', 'coercion', 'roster'];

export function tableColumn(kind: TableKind, key: string): ColumnDef | undefined {
  return TABLES[kind].columns.find((c) => c.key === key);
}
