import { CellRange } from './cell';
import { Kind, LEDGERS, TableKind } from './columns';
import { formatChineseDate } from './dates';
import { MARK } from './marks';
import { ROSTER_TITLE } from './roster-columns';
import { TABLES } from './tables';

/** Excel data validation for a template column, in host-neutral terms. */
export type ValidationSpec =
  | { type: 'date'; min: string; max: string; prompt: string; error: string }
  | { type: 'whole'; min: number; max: number; prompt: string; error: string }
  | { type: 'list'; values: string[]; prompt: string; error: string };

/** The official sheet of one ledger (or the 执法人员名单): what `taizhang template` and the task pane insert. */
export interface TemplateSheet {
  kind: TableKind;
  name: string;
  title: string;
  /** Header rows, each a full row of texts ('' under a merge). */
  headerRows: string[][];
  /** Merges in 1-based coordinates: title, header cells, footnote. */
  merges: CellRange[];
  /** Column widths in Excel character units. */
  widths: number[];
  /** Data validation per 1-based column, for the blank data rows. */
  validations: { col: number; spec: ValidationSpec }[];
  /** Columns holding dates (number format `yyyy"年"m"月"d"日"`). */
  dateColumns: number[];
  titleRow: 1;
  headerRow: 2;
  firstDataRow: number;
  /** Blank, bordered data rows before the footnote. */
  dataRows: number;
  footnoteRow: number;
  footnote: string;
}

export const DATE_NUMBER_FORMAT = 'yyyy"年"m"月"d"日"';
export const TEMPLATE_DATA_ROWS = 20;

/** The title of a ledger for a team and a period (placeholders when not given). */
export function ledgerTitle(kind: Kind, team: string | null, first?: string, last?: string): string {
  const unit = team || 'XX综合行政执法队';
  const span = first && last ? `${formatChineseDate(first)}--${formatChineseDate(last)}` : 'x年x月x日--x年x月x日';
  return `${unit}${span}${LEDGERS[kind].name}案件台账`;
}

/** The 执法人员名单's title: `天宁镇综合行政执法队执法人员名单`, or `执法人员名单` without a team. */
export function rosterTitleFor(team: string | null): string {
  return `${team ?? ''}${ROSTER_TITLE}`;
}

export function templateSheet(kind: TableKind, team: string | null = null): TemplateSheet {
  const def = TABLES[kind];
  const cols = def.columns.filter((c) => c.official);
  const width = cols.length;
  const twoRows = cols.some((c) => c.group);
  const top = cols.map((c) => c.group ?? c.header);
  const headerRows = twoRows ? [top.map((t, i) => (i > 0 && cols[i].group && cols[i].group === cols[i - 1].group ? '' : t)), cols.map((c) => (c.group ? c.header : ''))] : [top];
  const merges: CellRange[] = [{ top: 1, left: 1, bottom: 1, right: width }];
  if (twoRows) {
    cols.forEach((c, i) => {
      if (!c.group) merges.push({ top: 2, left: i + 1, bottom: 3, right: i + 1 });
      else if (i === 0 || cols[i - 1].group !== c.group) {
        const span = cols.filter((x) => x.group === c.group).length;
        merges.push({ top: 2, left: i + 1, bottom: 2, right: i + span });
      }
    });
  }
  const firstDataRow = 2 + headerRows.length;
  const footnoteRow = firstDataRow + TEMPLATE_DATA_ROWS;
  merges.push({ top: footnoteRow, left: 1, bottom: footnoteRow, right: width });
  const validations: { col: number; spec: ValidationSpec }[] = [];
  const dateColumns: number[] = [];
  cols.forEach((c, i) => {
    if (c.type === 'date') {
      dateColumns.push(i + 1);
      validations.push({
        col: i + 1,
        spec: { type: 'date', min: '2015-01-01', max: '2099-12-31', prompt: `请填写日期，如 2023年10月9日`, error: `「${c.header}」应为日期，如 2023年10月9日。` },
      });
    } else if (c.type === 'count') {
      validations.push({ col: i + 1, spec: { type: 'whole', min: 0, max: 9999, prompt: '请填写整数，没有隐患填 0', error: '发现隐患数应为不小于 0 的整数。' } });
    } else if (c.type === 'mark') {
      validations.push({ col: i + 1, spec: { type: 'list', values: [MARK], prompt: '完成情况请打“√”', error: '这里只能填“√”。' } });
    }
  });
  return {
    kind,
    name: def.sheetName,
    title: kind === 'roster' ? rosterTitleFor(team) : ledgerTitle(kind, team),
    headerRows,
    merges,
    widths: cols.map((c) => c.width),
    validations,
    dateColumns,
    titleRow: 1,
    headerRow: 2,
    firstDataRow,
    dataRows: TEMPLATE_DATA_ROWS,
    footnoteRow,
    footnote: def.footnote,
  };
}
