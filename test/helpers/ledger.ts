import { CellValue, SheetGrid } from '../../src/ledger/cell';
import { Kind, LEDGERS, officialColumns } from '../../src/ledger/columns';
import { CheckOptions, Issue, RecordResult } from '../../src/validation/check';
import { checkWorkbook } from '../../src/validation/workbook';
import { templateSheet } from '../../src/ledger/template';

export type Row = Record<string, CellValue>;

/**
 * A ledger sheet in the official layout (title, header rows, data rows), values by field key.
 * Columns some teams add (立案时间, 决定时间, 适用程序) follow the official ones when a row uses them;
 * `headers` renames columns as a sheet of one's own would.
 */
export function ledgerGrid(kind: Kind, rows: Row[], name = '台账', team = '天宁镇综合行政执法队', headers: Record<string, string> = {}): SheetGrid {
  const t = templateSheet(kind, team);
  const official = officialColumns(kind);
  const extra = LEDGERS[kind].columns.filter((c) => !c.official && rows.some((r) => c.key in r));
  const cols = [...official, ...extra];
  const headerRows = t.headerRows.map((r, n) => [...r, ...extra.map((c) => (n === 0 ? c.header : ''))]);
  const merges = t.merges.filter((m) => m.top < t.firstDataRow);
  if (t.headerRows.length === 2) extra.forEach((_, i) => merges.push({ top: 2, left: official.length + i + 1, bottom: 3, right: official.length + i + 1 }));
  for (const [key, text] of Object.entries(headers)) {
    const at = cols.findIndex((c) => c.key === key);
    const row = cols[at].group ? 1 : 0;
    headerRows[row][at] = text;
  }
  const grid: CellValue[][] = [[t.title], ...headerRows];
  for (const r of rows) grid.push(cols.map((c) => (c.key in r ? r[c.key] : null)));
  return { name, top: 1, left: 1, rows: grid, merges };
}

export const TODAY = '2023-11-05';

export function checkRows(kind: Kind, rows: Row[], opts: Partial<CheckOptions> = {}): RecordResult[] {
  const res = checkWorkbook([ledgerGrid(kind, rows)], { today: TODAY, ...opts });
  return res.ledgers[0]?.records ?? [];
}

/** Rule IDs that fire on the single given row. */
export function rulesOf(kind: Kind, row: Row, opts: Partial<CheckOptions> = {}): string[] {
  const recs = checkRows(kind, [row], opts);
  if (recs.length !== 1) throw new Error(`expected one record, got ${recs.length}`);
  return recs[0].issues.map((i: Issue) => i.rule);
}

export const GOOD: Record<Kind, Row> = {
  penalty: {
    seq: 1,
    decisionNo: '天综执罚决〔2023〕15号',
    cause: '生产不符合食品安全标准的食品案',
    party: '交城县某食品有限公司',
    facts: '该公司生产的月饼菌落总数超标',
    closedOn: '2023年10月12日',
    outcome: '警告，并处罚款5000元',
    basis: '《中华人民共和国食品安全法》第一百二十四条第一款',
    officers: '王明、李强',
    receiptNo: '晋非税2023-0012345',
    remarks: '',
  },
  inspection: {
    seq: 1,
    docNo: '天综执检〔2023〕40号',
    inspectedOn: '2023年10月16日',
    inspectors: '张三、李四',
    party: '某小吃店',
    method: '现场检查',
    hazardCount: 1,
    hazards: '灭火器过期',
    measures: '5日内整改',
    rectifyOwner: '赵五',
    rectifyDone: '√',
    rectifyOpen: '',
    recheckOn: '2023年10月20日',
    rechecker: '张三、李四',
    remarks: '',
  },
  coercion: {
    seq: 1,
    decisionNo: '天综执强〔2023〕2号',
    cause: '涉嫌无证经营案',
    party: '某废品收购站',
    category: '行政强制措施',
    measure: '扣押财物',
    startedOn: '2023年9月20日',
    term: '30日',
    closedOn: '2023年10月18日',
    result: '解除扣押，退还物品',
    basis: '《无证无照经营查处办法》第十一条',
    officers: '王明、李强',
    remarks: '',
  },
};
