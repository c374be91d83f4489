/* Types shared inside src/ledger (detect, records, rows), so that its files never import each other in a circle. */
import { CellValue } from './cell';
import { Kind, TableKind } from './columns';

/** Where a table (a ledger, the roster) sits in a sheet and which column holds which field. */
export interface TableLayout<K extends TableKind = TableKind> {
  sheet: string;
  kind: K;
  title: string | null;
  titleRow: number | null;
  /** Team (单位) from the title; null when missing or still a placeholder (XX). */
  team: string | null;
  /** First header row (1-based). */
  headerRow: number;
  /** 1 or 2 header rows. */
  headerRows: number;
  /** Field key → 1-based column. */
  columns: Record<string, number>;
  /** Field key → header text as written (group and sub-header joined with `/`). */
  headers: Record<string, string>;
  firstDataRow: number;
  /**
   * Last row of the table: the sheet's last row, or the row before another table (another
   * ledger's title or header block) begins. Notes, totals and dividers do not end it.
   */
  lastDataRow: number;
  /** Rows below the header that repeat it (or the ledger's title): read as no case. */
  repeatedHeaderRows: number[];
  /** Where another table begins below this one (not read as this ledger's cases), or null. */
  otherTable: { row: number; text: string } | null;
  tableLeft: number;
  tableRight: number;
  /** Columns whose header is not a ledger field (kept, ignored), e.g. the add-in's 报送月份. */
  extras: { col: number; header: string }[];
  /** Required fields with no column. */
  missing: string[];
  /** The sheet is hidden in the workbook (still read and checked). */
  hidden?: boolean;
}

/** Where a ledger sits in a sheet. */
export type LedgerLayout = TableLayout<Kind>;
/** Where the 执法人员名单 sits in a sheet. */
export type RosterLayout = TableLayout<'roster'>;

/** One case of a ledger (one officer of the roster) before parsing: `values[i]` belongs to `TABLES[kind].columns[i]`. */
export interface RawRecord {
  row: number;
  values: CellValue[];
  /** Rows below `row` whose text continued this case's and was joined to it. */
  joined?: number[];
}
