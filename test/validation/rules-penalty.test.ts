/* The penalty ledger's procedure rules: 简易程序 and 当场收缴, the order of its dates, the 文号 year. */
import { GOOD, Row, checkRows } from '../helpers/ledger';

const issues = (row: Row, today?: string) => checkRows('penalty', [{ ...GOOD.penalty, receiptNo: '', ...row }], today ? { today } : {})[0].issues;
const find = (row: Row, rule: string, today?: string) => issues(row, today).find((i) => i.rule === rule);

describe('简易程序 (第五十一条)', () => {
  test.each([
    [{ party: '张三', outcome: '罚款300元', remarks: '简易程序' }, '本案标明适用简易程序（当场处罚），但对公民罚款300元，超过200元'],
    [{ party: '李某某', outcome: '警告，并处罚款201元', procedure: '简易程序' }, '对公民罚款201元，超过200元'],
    [{ party: '交城县某食品有限公司', outcome: '罚款3500元', remarks: '当场作出行政处罚决定' }, '对法人或者其他组织罚款3500元，超过3000元'],
    [{ party: '老王烧烤', outcome: '罚款3500元', remarks: '简易程序' }, '但罚款3500元，超过3000元'],
    [{ party: '张三', outcome: '没收违法所得100元，罚款50元', remarks: '简易程序' }, '但处罚有没收违法所得'],
  ] as [Row, string][])('%p fires', (row, detail) => {
    const i = find(row, 'summary-procedure-limit');
    expect(i?.severity).toBe('warning');
    expect(i?.cell).toBe('G3');
    expect(i?.message).toContain(detail);
  });
  test.each([
    { party: '张三', outcome: '罚款200元', remarks: '简易程序' },
    { party: '交城县某食品有限公司', outcome: '罚款3000元', remarks: '简易程序' },
    { party: '老王烧烤', outcome: '罚款500元', remarks: '简易程序' }, // who the party is is unclear: the 3000元 limit
    { party: '张三', outcome: '警告', remarks: '当场处罚' },
    { party: '张三', outcome: '罚款2000元', remarks: '不适用简易程序' },
    { party: '张三', outcome: '罚款2000元', remarks: '' },
  ] as Row[])('%p does not', (row) => {
    expect(find(row, 'summary-procedure-limit')).toBeUndefined();
  });
});

describe('当场收缴 (第六十八条、第六十九条)', () => {
  test('over 100元 without a ground: on the cell that says so', () => {
    const i = find({ party: '张三', outcome: '罚款150元', remarks: '简易程序，当场收缴' }, 'on-the-spot-collection');
    expect(i?.cell).toBe('K3');
    expect(i?.message).toContain('写明当场收缴，但罚款150元超过一百元');
  });
  test.each([
    { outcome: '罚款100元', remarks: '当场收缴' },
    { outcome: '罚款500元', remarks: '当场收缴，不当场收缴事后难以执行' },
    { outcome: '罚款500元', remarks: '边远地区，当事人提出，当场收缴' },
    { outcome: '罚款500元', remarks: '当事人到银行缴纳' },
  ] as Row[])('%p is lawful', (row) => {
    expect(find(row, 'on-the-spot-collection')).toBeUndefined();
  });
});

describe('立案、决定、结案 (第六十条)', () => {
  test('closure before filing names both columns', () => {
    const i = find({ filedOn: '2023年10月15日', decidedOn: '2023年10月16日' }, 'case-dates-order')!;
    expect(i.severity).toBe('error');
    expect(i.message).toBe('F3「结案时间」：「结案时间」2023年10月12日早于「立案时间」2023年10月15日和「决定时间」2023年10月16日。请核对这几个日期。');
  });
  test('a decision more than ninety days after filing', () => {
    const i = find({ filedOn: '2023年6月1日', decidedOn: '2023年9月1日' }, 'decision-overdue')!;
    expect(i.severity).toBe('warning');
    expect(i.message).toContain('「立案时间」2023年6月1日，「决定时间」2023年9月1日，相隔92日，超过九十日（期限至2023年8月30日）');
  });
  test.each(['经批准延长', '案件中止调查30日', '依照《市场监督管理行政处罚程序规定》另有规定', '听证期间不计入'])('%s in 备注 puts the ninety days aside', (remarks) => {
    expect(find({ filedOn: '2023年6月1日', decidedOn: '2023年9月1日', remarks }, 'decision-overdue')).toBeUndefined();
  });
  test('without those columns nothing is said', () => {
    expect(issues({ outcome: '警告' })).toEqual([]);
  });
});

describe('文号 year later than this year', () => {
  test('a warning, not an error (the number may be printed so on the decision itself)', () => {
    const i = find({ decisionNo: '天综执罚决〔2024〕15号' }, 'doc-no-year-future')!;
    expect(i.severity).toBe('warning');
    expect(i.message).toBe('B3「行政处罚决定书」：文号“天综执罚决〔2024〕15号”的年份（2024年）晚于今年（2023年）。文号中的年份是作出文书的年份，不会晚于今年。请对照文书核对年份；如果文书上印的就是这个年份，请在「备注」中说明。');
    expect(issues({ decisionNo: '天综执罚决〔2024〕15号' }).filter((x) => x.cell === 'B3').map((x) => x.rule)).toEqual(['doc-no-year-future']); // not also after the closing year
  });
  test('this year is fine; a year after the closing year but not after today is the other warning', () => {
    expect(find({ decisionNo: '天综执罚决〔2023〕15号' }, 'doc-no-year-future')).toBeUndefined();
    expect(issues({ decisionNo: '天综执罚决〔2024〕1号' }, '2024-06-01').filter((x) => x.cell === 'B3').map((x) => x.rule)).toEqual(['doc-no-year-after-close']);
  });
});
