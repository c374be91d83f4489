/*
 * Table boundaries as a county reviewer reads them (issue 16 §2): dividers, totals, notes,
 * styled-empty rows and repeated headers are no cases and end nothing; a continuation row joins
 * the case above; a real case with missing fields stays a case; what is left is named once.
 */
import { CellRange, CellValue, SheetGrid } from '../../src/ledger/cell';
import { isDividerText, isNoteText, isTotalText } from '../../src/ledger/row-kinds';
import { ledgerIssues } from '../../src/validation/check';
import { checkWorkbook } from '../../src/validation/workbook';

const TITLE = '天宁镇综合行政执法队2023年10月1日--2023年12月31日行政处罚案件台账';
const HEADER = ['序号', '行政处罚决定书', '案由', '行政相对人名称', '主要违法事实', '结案时间', '处罚情况', '处罚依据', '执法人员', '罚没票据号', '备注'];
const rec = (n: number, month = 10, change: Partial<Record<number, CellValue>> = {}): CellValue[] => {
  const r: CellValue[] = [n, `天综执罚决〔2023〕${n}号`, '占道经营案', `李某${n}`, '当事人在天宁街占道摆摊经营', `2023年${month}月${(n % 27) + 1}日`, '罚款200元', '《城市市容和环境卫生管理条例》第三十六条', '王明、李强', `晋非税2023-${n}`, null];
  for (const [i, v] of Object.entries(change)) r[Number(i)] = v!;
  return r;
};
const row = (at: Record<number, CellValue>): CellValue[] => Array.from({ length: 11 }, (_, i) => at[i] ?? null);
const across = (r: number): CellRange => ({ top: r, left: 1, bottom: r, right: 11 });
const sheet = (rows: CellValue[][], merges: CellRange[] = [], name = '处罚台账'): SheetGrid => ({ name, top: 1, left: 1, rows, merges });
const check = (...grids: SheetGrid[]) => checkWorkbook(grids, { today: '2024-01-15' }).ledgers;

describe('rows that are no cases, and end nothing', () => {
  test.each(['2023年11月', '十一月份', '第四季度', '补录', '2023年11月（补录）', '——2023年11月——', '以下为2023年12月补录案件', '二〇二三年十一月', '2023.11', '11月份案件', '2023年11月1日--2023年11月30日'])('a divider: %s', (text) => {
    expect(isDividerText(text)).toBe(true);
    const merged = check(sheet([[TITLE], HEADER, rec(1), [text], rec(2, 11)], [across(4)]))[0];
    expect(merged.records.map((r) => r.row)).toEqual([3, 5]);
    expect(ledgerIssues(merged)).toEqual([]);
    // Typed into one cell, not merged, in 序号's or 文号's column.
    for (const col of [0, 1]) {
      const plain = check(sheet([[TITLE], HEADER, rec(1), row({ [col]: text }), rec(2, 11)]))[0];
      expect(plain.records.map((r) => r.row)).toEqual([3, 5]);
      expect(ledgerIssues(plain)).toEqual([]);
    }
  });

  test.each(['2023年11月12日', '李某', '天综执罚决〔2023〕9号', '占道经营案', '11月份有3件案件未结'])('not a divider: %s', (text) => {
    expect(isDividerText(text)).toBe(false);
  });

  test('合计, 小计, 共N件 rows (with amounts) are no cases, and ask the clerk to invent nothing', () => {
    expect(['合计', '小  计', '共20件', '本月合计', '总计：', '罚没款合计36,080元', '件数合计', '本页小计'].every(isTotalText)).toBe(true);
    const l = check(sheet([[TITLE], HEADER, rec(1), rec(2), row({ 0: '合计', 1: '共2件', 6: '罚没款合计400元' }), row({ 0: '小计', 6: 400 }), rec(3, 11)]))[0];
    expect(l.records.map((r) => r.row)).toEqual([3, 4, 7]);
    expect(ledgerIssues(l)).toEqual([]);
  });

  test('notes and sign-off lines: 填表说明, 注：, 说明：, 制表人, 以下空白, 本期无…案件', () => {
    for (const t of ['填表说明：日期写到日', '注：1.罚没款单位为元', '说明：本表由执法队填写', '制表人：张三　审核人：李四', '以下空白', '本期无行政处罚案件', '报送单位（盖章）：天宁镇综合行政执法队', '第2页', '附：处罚决定书']) expect(isNoteText(t)).toBe(true);
    const l = check(sheet([[TITLE], HEADER, rec(1), ['注：1.罚没款单位为元'], row({ 1: '制表人：张三', 6: '审核人：李四' }), rec(2), ['以下空白']]))[0];
    expect(l.records.map((r) => r.row)).toEqual([3, 6]);
    expect(ledgerIssues(l)).toEqual([]);
  });

  test('rows that only carry borders or styles (blank in the grid) and the template pre-fill', () => {
    const l = check(sheet([[TITLE], HEADER, rec(1), [], [null, null, null], [3], row({ 0: 4, 10: '/' }), rec(5)]))[0];
    expect(l.records.map((r) => r.row)).toEqual([3, 8]);
    expect(ledgerIssues(l)).toEqual([]);
  });

  test("the ledger's header and title repeated below (a month block, a printout) are skipped", () => {
    const l = check(sheet([[TITLE], HEADER, rec(1), [], [TITLE.replace('10月1日', '11月1日')], HEADER, rec(2, 11), HEADER, rec(3, 12)], [across(5)]))[0];
    expect(l.layout.repeatedHeaderRows).toEqual([6, 8]);
    expect(l.records.map((r) => r.row)).toEqual([3, 7, 9]);
    expect(ledgerIssues(l)).toEqual([]);
  });
});

describe('a row continuing the case above is joined to it', () => {
  test('主要违法事实 and 处罚依据 written on a second physical line (序号 and dates empty)', () => {
    const l = check(sheet([[TITLE], HEADER, rec(1), row({ 4: '，经责令改正拒不改正', 7: '、第三十八条' }), row({ 10: '已缴纳' }), rec(2)]))[0];
    // Row 5 continues 备注, which is empty in the case above: it is no continuation, and named.
    expect(l.records.map((r) => [r.row, r.display.facts, r.display.basis])).toEqual([
      [3, '当事人在天宁街占道摆摊经营，经责令改正拒不改正', '《城市市容和环境卫生管理条例》第三十六条、第三十八条'],
      [6, '当事人在天宁街占道摆摊经营', '《城市市容和环境卫生管理条例》第三十六条'],
    ]);
    expect(ledgerIssues(l).map((i) => [i.rule, i.row])).toEqual([['rows-not-read', 5]]);
  });

  test('a vertically merged two-line case is one case', () => {
    const merges = [0, 1, 2, 3, 5, 6, 7, 8, 9, 10].map((c) => ({ top: 3, left: c + 1, bottom: 4, right: c + 1 }));
    const l = check(sheet([[TITLE], HEADER, rec(1), row({ 4: '（续）拒不改正' }), rec(2)], merges))[0];
    expect(l.records.map((r) => [r.row, r.display.facts])).toEqual([
      [3, '当事人在天宁街占道摆摊经营（续）拒不改正'],
      [5, '当事人在天宁街占道摆摊经营'],
    ]);
    expect(ledgerIssues(l)).toEqual([]);
  });

  test('never a real case with missing fields: 当事人 + 案由, a date, a document number, or facts under a case without facts', () => {
    const l = check(
      sheet([
        [TITLE],
        HEADER,
        rec(1),
        row({ 2: '违法搭建案', 3: '王某' }),
        rec(2, 10, { 4: null }),
        row({ 4: '当事人未经批准搭建彩钢棚' }),
        rec(3),
        row({ 5: '2023年10月20日' }),
        rec(4),
        row({ 1: '天综执罚决〔2023〕9号' }),
        rec(5),
        row({ 4: '一', 7: '二', 10: '三' }),
      ]),
    )[0];
    expect(l.records.map((r) => r.row)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    // Each is told what to fill in: they are cases.
    for (const r of [4, 6, 8, 10, 12]) expect(l.records.find((x) => x.row === r)!.issues.some((i) => i.rule === 'required')).toBe(true);
  });

  test('a lone month in the date column is a case being entered (its date is reported), not a divider', () => {
    const l = check(sheet([[TITLE], HEADER, rec(1), row({ 5: '2023年11月' })]))[0];
    expect(l.records.map((r) => r.row)).toEqual([3, 4]);
    expect(l.records[1].issues.map((i) => i.rule)).toContain('date-invalid');
  });
});

describe('content that is none of these is named, once per sheet', () => {
  test('rows 16–23 with content but no case', () => {
    const rows: CellValue[][] = [[TITLE], HEADER];
    for (let i = 1; i <= 12; i++) rows.push(rec(i));
    rows.push([]);
    for (let r = 16; r <= 23; r++) rows.push(row({ 9: `晋非税2023-9${r}` }));
    // Beside the table, below it.
    rows.push([], [null, null, null, null, null, null, null, null, null, null, null, null, '已核对']);
    const [l] = check(sheet(rows));
    expect(l.records).toHaveLength(12);
    const warn = ledgerIssues(l).filter((i) => i.rule === 'rows-not-read');
    expect(warn).toHaveLength(1);
    expect([warn[0].severity, warn[0].row, warn[0].cell, warn[0].column]).toEqual(['warning', 16, 'J16', '罚没票据号']);
    expect(warn[0].message).toMatch(/^J16「罚没票据号」：第16–23行、第25行有内容，但没有作为案件读取（如第16行 J16 “晋非税2023-916”）/);
  });

  test('a banner across the table that names nothing known', () => {
    const [l] = check(sheet([[TITLE], HEADER, rec(1), ['以下为已撤销的案件'], rec(2)], [across(4)]));
    expect(l.records.map((r) => r.row)).toEqual([3, 5]);
    expect(ledgerIssues(l).map((i) => [i.rule, i.row])).toEqual([['rows-not-read', 4]]);
  });

  test('another ledger below ends the table, and is named', () => {
    const insp = ['序号', '行政检查文书号', '检查时间', '检查人员', '行政相对人名称', '检查方法', '发现隐患数', '隐患内容', '整改措施', '整改责任人', '复检日期'];
    const [l] = check(sheet([[TITLE], HEADER, rec(1), [], ['天宁镇综合行政执法队行政检查案件台账'], insp, [1, '天综执检〔2023〕1号', '2023年10月9日', '王明、李强', '某店', '现场检查', 0]], [across(5)]));
    expect([l.layout.lastDataRow, l.layout.otherTable]).toEqual([4, { row: 5, text: '天宁镇综合行政执法队行政检查案件台账' }]);
    expect(l.records.map((r) => r.row)).toEqual([3]);
    const warn = ledgerIssues(l).filter((i) => i.rule === 'rows-not-read');
    expect(warn.map((i) => i.message)).toEqual([expect.stringContaining('第5行起是另一张表（“天宁镇综合行政执法队行政检查案件台账”），没有作为本台账的案件读取')]);
  });
});
