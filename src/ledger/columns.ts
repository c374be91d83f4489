/** The three ledgers of the county notice (交司字〔2023〕65号, 附件1–3), declared once as data. */

export type Kind = 'penalty' | 'inspection' | 'coercion';
export const KINDS: readonly Kind[] = ['penalty', 'inspection', 'coercion'];

/** Every table the add-in recognises: the three ledgers and the 执法人员名单 (src/ledger/roster-columns.ts). */
export type TableKind = Kind | 'roster';

/**
 * How a column's cells are read:
 * text — free text; docNo — a document number; date — one calendar date; persons — names;
 * count — a whole number ≥ 0; mark — a `√` mark; seq — 序号.
 */
export type FieldType = 'text' | 'docNo' | 'date' | 'persons' | 'count' | 'mark' | 'seq';

export interface ColumnDef {
  key: string;
  /** Official header text (for a sub-column, the second-row text). */
  header: string;
  /** Official group header over a sub-column (`整改结果`). */
  group?: string;
  aliases: readonly string[];
  type: FieldType;
  /** Always required; conditional requirements live in the rules. */
  required: boolean;
  /** A value here makes the row a case record (spec §1.4). */
  identifying: boolean;
  /** Long free text where line breaks are normal. */
  long: boolean;
  /** Values differ on every row (文号, 当事人): not worth remembering between rows. */
  unique: boolean;
  /** A date left empty while the case is open (结案时间): the row is pending, not missing a required value. */
  pendingWhenEmpty?: boolean;
  /** In the official template and the Word table; false for tolerated variants. */
  official: boolean;
  /** Relative width in the Word table and the template (Excel character units). */
  width: number;
}

/** A table declared as data: its columns (headers and aliases), how its sheet is named in the template. */
export interface TableDef {
  kind: TableKind;
  /** 行政处罚 / 行政检查 / 行政强制 / 执法人员名单 */
  name: string;
  /** The sheet name the template uses. */
  sheetName: string;
  columns: readonly ColumnDef[];
  /** The template's footnote. */
  footnote: string;
}

export interface LedgerDef extends TableDef {
  kind: Kind;
  /** Name used in the Word file's and the e-mail's "本期无…案件". */
  caseWord: string;
  /** The date whose month is the reporting month and by which rows are sorted. */
  decidingKey: string;
  /** The seed's 附件 number. */
  annex: number;
}

export type ColSpec = Partial<ColumnDef> & Pick<ColumnDef, 'key' | 'header' | 'type' | 'width'>;

export function col(spec: ColSpec): ColumnDef {
  return {
    aliases: [],
    required: false,
    identifying: false,
    long: false,
    unique: false,
    official: true,
    ...spec,
  };
}

const seq = col({ key: 'seq', header: '序号', aliases: ['编号'], type: 'seq', unique: true, width: 6 });
const remarks = col({ key: 'remarks', header: '备注', aliases: ['备注说明', '附注'], type: 'text', long: true, width: 10 });

export const PENALTY: LedgerDef = {
  kind: 'penalty',
  name: '行政处罚',
  caseWord: '行政处罚案件',
  sheetName: '行政处罚案件台账',
  annex: 1,
  decidingKey: 'closedOn',
  footnote: '报送要求：行政处罚案件以结案时间为标准报送，如：立案时间为9月，但结案时间为10月，该案件以10月份案件报送。',
  columns: [
    seq,
    col({
      key: 'decisionNo',
      header: '行政处罚决定书',
      aliases: ['行政处罚决定书文号', '决定书文号', '处罚决定书号', '行政处罚决定书号', '处罚决定书文号', '行政处罚决定书编号'],
      type: 'docNo',
      required: true,
      identifying: true,
      unique: true,
      width: 16,
    }),
    col({ key: 'cause', header: '案由', type: 'text', required: true, identifying: true, width: 16 }),
    col({
      key: 'party',
      header: '行政相对人名称',
      aliases: ['行政相对人', '当事人', '当事人名称', '相对人名称', '相对人'],
      type: 'text',
      required: true,
      identifying: true,
      unique: true,
      width: 14,
    }),
    col({
      key: 'facts',
      header: '主要违法事实',
      aliases: ['违法事实'],
      type: 'text',
      required: true,
      identifying: true,
      long: true,
      width: 22,
    }),
    col({ key: 'closedOn', header: '结案时间', aliases: ['结案日期'], type: 'date', required: true, identifying: true, pendingWhenEmpty: true, width: 12 }),
    col({
      key: 'outcome',
      header: '处罚情况',
      aliases: ['处罚结果', '处罚内容', '处罚种类'],
      type: 'text',
      required: true,
      long: true,
      width: 16,
    }),
    col({ key: 'basis', header: '处罚依据', aliases: ['法律依据'], type: 'text', required: true, long: true, width: 20 }),
    col({
      key: 'officers',
      header: '执法人员',
      aliases: ['办案人员', '承办人', '承办人员'],
      type: 'persons',
      required: true,
      identifying: true,
      width: 10,
    }),
    col({ key: 'receiptNo', header: '罚没票据号', aliases: ['罚没票据号码', '票据号', '罚没收据号', '票据号码'], type: 'text', unique: true, width: 12 }),
    remarks,
    // Columns some teams add; read when present (case-dates-order, decision-overdue, summary-procedure-limit).
    col({ key: 'filedOn', header: '立案时间', aliases: ['立案日期'], type: 'date', official: false, width: 12 }),
    col({
      key: 'decidedOn',
      header: '决定时间',
      aliases: ['决定日期', '处罚决定时间', '处罚决定日期', '作出决定时间', '作出决定日期', '决定作出时间', '决定书日期'],
      type: 'date',
      official: false,
      width: 12,
    }),
    col({ key: 'procedure', header: '适用程序', aliases: ['程序', '处罚程序', '办案程序', '案件程序', '程序类型'], type: 'text', official: false, width: 10 }),
  ],
};

export const INSPECTION: LedgerDef = {
  kind: 'inspection',
  name: '行政检查',
  caseWord: '行政检查案件',
  sheetName: '行政检查案件台账',
  annex: 2,
  decidingKey: 'inspectedOn',
  footnote:
    '报送要求：①有隐患的案件以复检时间为标准报送，如：检查时间为9月，但复检时间为10月，该案件以10月份案件报送；②无隐患案件以初次检查时间为标准报送。',
  columns: [
    seq,
    col({
      key: 'docNo',
      header: '行政检查文书号',
      aliases: ['检查文书号', '行政检查文书编号', '检查文书编号', '文书号'],
      type: 'docNo',
      identifying: true,
      unique: true,
      width: 14,
    }),
    col({ key: 'inspectedOn', header: '检查时间', aliases: ['检查日期'], type: 'date', required: true, identifying: true, width: 12 }),
    col({
      key: 'inspectors',
      header: '检查人员',
      aliases: ['执法人员', '检查人'],
      type: 'persons',
      required: true,
      identifying: true,
      width: 10,
    }),
    col({
      key: 'party',
      header: '行政相对人名称',
      aliases: ['行政相对人', '检查对象', '被检查单位', '相对人名称'],
      type: 'text',
      required: true,
      identifying: true,
      unique: true,
      width: 14,
    }),
    col({ key: 'method', header: '检查方法', aliases: ['检查方式'], type: 'text', required: true, width: 10 }),
    col({ key: 'hazardCount', header: '发现隐患数', aliases: ['隐患数', '发现问题数', '隐患数量'], type: 'count', required: true, width: 8 }),
    col({ key: 'hazards', header: '隐患内容', aliases: ['存在问题', '发现问题'], type: 'text', long: true, width: 18 }),
    col({ key: 'measures', header: '整改措施', aliases: ['整改要求'], type: 'text', long: true, width: 18 }),
    col({ key: 'rectifyOwner', header: '整改责任人', type: 'text', width: 10 }),
    col({ key: 'rectifyDone', header: '已完成', group: '整改结果', aliases: ['整改结果已完成', '整改已完成'], type: 'mark', width: 7 }),
    col({ key: 'rectifyOpen', header: '未完成', group: '整改结果', aliases: ['整改结果未完成', '整改未完成'], type: 'mark', width: 7 }),
    col({ key: 'rectifyResult', header: '整改结果', aliases: ['整改情况'], type: 'text', official: false, width: 10 }),
    col({ key: 'recheckOn', header: '复检日期', aliases: ['复查日期', '复检时间', '复查时间'], type: 'date', identifying: true, width: 12 }),
    col({ key: 'rechecker', header: '复检人', aliases: ['复查人', '复检人员', '复查人员'], type: 'persons', width: 10 }),
    remarks,
  ],
};

export const COERCION: LedgerDef = {
  kind: 'coercion',
  name: '行政强制',
  caseWord: '行政强制案件',
  sheetName: '行政强制案件台账',
  annex: 3,
  decidingKey: 'closedOn',
  footnote: '报送要求：行政强制案件以结案（解除或执行完毕）时间为标准报送。',
  columns: [
    seq,
    col({
      key: 'decisionNo',
      header: '行政强制决定书文号',
      aliases: ['行政强制决定书', '强制措施决定书', '查封扣押决定书文号', '行政强制决定书号', '强制决定书文号'],
      type: 'docNo',
      required: true,
      identifying: true,
      unique: true,
      width: 16,
    }),
    col({ key: 'cause', header: '案由', type: 'text', required: true, identifying: true, width: 14 }),
    col({
      key: 'party',
      header: '行政相对人名称',
      aliases: ['行政相对人', '当事人', '当事人名称', '相对人名称'],
      type: 'text',
      required: true,
      identifying: true,
      unique: true,
      width: 14,
    }),
    col({ key: 'category', header: '强制类别', aliases: ['强制类型'], type: 'text', required: true, width: 11 }),
    col({ key: 'measure', header: '强制方式', aliases: ['强制措施', '措施种类', '强制措施种类'], type: 'text', required: true, width: 12 }),
    col({ key: 'startedOn', header: '实施时间', aliases: ['实施日期'], type: 'date', required: true, identifying: true, width: 12 }),
    col({ key: 'term', header: '期限', aliases: ['强制期限'], type: 'text', width: 7 }),
    col({
      key: 'closedOn',
      header: '结案时间',
      aliases: ['解除时间', '执行完毕时间', '结案日期'],
      type: 'date',
      identifying: true,
      pendingWhenEmpty: true,
      width: 12,
    }),
    col({ key: 'result', header: '处理结果', aliases: ['处理情况'], type: 'text', long: true, width: 14 }),
    col({ key: 'basis', header: '强制依据', aliases: ['法律依据'], type: 'text', required: true, long: true, width: 18 }),
    col({ key: 'officers', header: '执法人员', aliases: ['办案人员', '承办人'], type: 'persons', required: true, identifying: true, width: 10 }),
    remarks,
  ],
};

export const LEDGERS: Record<Kind, LedgerDef> = { penalty: PENALTY, inspection: INSPECTION, coercion: COERCION };

export function columnDef(kind: Kind, key: string): ColumnDef | undefined {
  return LEDGERS[kind].columns.find((c) => c.key === key);
}

/** The columns of the official template, in official order. */
export function officialColumns(kind: Kind): ColumnDef[] {
  return LEDGERS[kind].columns.filter((c) => c.official);
}

/** Name of the add-in's own column to the right of each table. */
export const REPORT_MONTH_HEADER = '报送月份';
