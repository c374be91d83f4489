/* Messages: the sheet's own headers, the law of the ledger, the clerk's own text rewritten, one problem per cell. */
import { Kind } from '../../src/ledger/columns';
import { RULE_BY_ID } from '../../src/validation/rules';
import { checkWorkbook } from '../../src/validation/workbook';
import { GOOD, Row, TODAY, checkRows, ledgerGrid } from '../helpers/ledger';

function issuesOf(kind: Kind, row: Row, headers: Record<string, string> = {}, today = TODAY) {
  const res = checkWorkbook([ledgerGrid(kind, [{ ...GOOD[kind], ...row }], '台账', '天宁镇综合行政执法队', headers)], { today });
  return res.ledgers[0].records[0].issues;
}
const message = (kind: Kind, row: Row, rule: string, headers: Record<string, string> = {}) => issuesOf(kind, row, headers).find((i) => i.rule === rule)?.message ?? '';

describe('a column is named as the sheet names it', () => {
  test('a coercion sheet headed 解除时间 is never told about 「结案时间」', () => {
    const headers = { closedOn: '解除时间', startedOn: '实施日期' };
    const rows: Row[] = [{ closedOn: '2023年9月19日' }, { startedOn: '2023年8月1日', closedOn: '2023年10月10日' }, { result: '' }];
    for (const row of rows) {
      const issues = issuesOf('coercion', row, headers);
      expect(issues.length).toBeGreaterThan(0);
      for (const i of issues) {
        expect(i.message).not.toContain('结案时间');
        expect(i.message).not.toContain('「实施时间」');
      }
    }
    const i = issuesOf('coercion', { closedOn: '2023年9月19日' }, headers).find((x) => x.rule === 'coercion-close-before-start')!;
    expect([i.column, i.message]).toEqual(['解除时间', 'I3「解除时间」：解除时间“2023年9月19日”早于「实施日期」（2023年9月20日）。请核对两个日期。']);
  });
  test('the columns a message asks to look at are the sheet’s own too', () => {
    const m = message('coercion', { category: '行政强制措施', measure: '代履行', term: '' }, 'coercion-measure-invalid', { category: '强制类型', measure: '强制措施种类' });
    expect(m).toBe('F3「强制措施种类」：“代履行”属于行政强制执行的方式，与「强制类型」“行政强制措施”不符。请核对「强制类型」或「强制措施种类」。');
    expect(message('penalty', { decisionNo: '天综执罚决〔2024〕15号' }, 'doc-no-year-future', { remarks: '备注说明' })).toContain('请在「备注说明」中说明');
    expect(message('penalty', { receiptNo: '' }, 'receipt-missing', { remarks: '附注', outcome: '处罚结果' })).toMatch(/^J3「罚没票据号」：「处罚结果」中有罚没款.*尚未缴纳的在附注中注明。$/);
  });
  test('headers with line breaks and spaces, and aliases', () => {
    expect(message('penalty', { decisionNo: '天综执罚决[2023]15号' }, 'doc-no-brackets', { decisionNo: '行政处罚\n决定书' })).toMatch(/^B3「行政处罚决定书」：/);
    expect(message('inspection', { recheckOn: '2023年10月15日' }, 'recheck-before-inspection', { recheckOn: '复查日期', inspectedOn: '检查日期' })).toBe(
      'M4「复查日期」：复查日期“2023年10月15日”早于「检查日期」（2023年10月16日）。请核对两个日期。',
    );
    expect(message('inspection', { rechecker: '' }, 'required', { rechecker: '复查人员' })).toContain('已复检，「复查人员」应当填写。请补填复查人员。');
  });
});

describe('the law of the ledger', () => {
  test('two officers: 处罚法 for penalties, 强制法 for coercion, and for inspections what applies to them', () => {
    const pen = message('penalty', { officers: '王明' }, 'persons-min-two');
    const coe = message('coercion', { officers: '王明' }, 'persons-min-two');
    const ins = message('inspection', { inspectors: '张三' }, 'persons-min-two');
    expect(pen).toContain('《中华人民共和国行政处罚法》第四十二条');
    expect(pen).not.toContain('行政强制法');
    expect(coe).toContain('《中华人民共和国行政强制法》第十八条');
    expect(coe).not.toContain('行政处罚法');
    expect(ins).not.toContain('行政强制法');
    expect(ins).toContain('检查、复检的执法人员不得少于两人');
  });
  test('receipts: 第六十七条 for payment at a bank, 第七十条 for 当场收缴', () => {
    const bank = message('penalty', { receiptNo: '' }, 'receipt-missing');
    expect(bank).toContain('第六十七条');
    expect(bank).not.toContain('第七十条');
    const spot = message('penalty', { receiptNo: '', outcome: '罚款50元', remarks: '当场收缴' }, 'receipt-missing');
    expect(spot).toContain('第七十条');
    expect(spot).not.toContain('第六十七条');
  });
  test('发文字号 is clause 7.2.5 of GB/T 9704-2012', () => {
    for (const id of ['doc-no-format', 'doc-no-brackets']) expect(RULE_BY_ID.get(id)!.source).toBe('GB/T 9704-2012《党政机关公文格式》7.2.5 发文字号');
  });
});

test('doc-no-brackets rewrites the clerk’s own number', () => {
  expect(message('penalty', { decisionNo: '天综执罚决（2022）45号' }, 'doc-no-brackets')).toContain('请写作“天综执罚决〔2022〕45号”');
  expect(message('inspection', { docNo: '天综执检[2021]7号' }, 'doc-no-brackets')).toContain('请写作“天综执检〔2021〕7号”');
});

describe('one cell, one problem', () => {
  test.each([
    [{ basis: '《食品安全法》第X条' }, 'H3'],
    [{ basis: '食品安全法第X条' }, 'H3'],
    [{ outcome: '警告，并处以罚款XX元' }, 'G3'],
    [{ closedOn: 'XX年XX月XX日' }, 'F3'],
    [{ closedOn: 'x年x月x日' }, 'F3'],
    [{ decisionNo: '天综执罚决〔2023〕XX号' }, 'B3'],
  ] as [Row, string][])('%p: only the placeholder', (row, cell) => {
    const rules = issuesOf('penalty', row)
      .filter((i) => i.cell === cell)
      .map((i) => i.rule);
    expect(rules).toEqual(['placeholder']);
  });
  test('a placeholder that is the whole cell reads naturally', () => {
    expect(message('penalty', { party: 'XX' }, 'placeholder')).toBe('D3「行政相对人名称」：“XX”是模板占位符。请改为实际内容（当事人名称、日期、金额、条款号、人员姓名）。');
  });
});

describe('natural wording', () => {
  test('an amount missing from the whole cell', () => {
    const m = message('penalty', { outcome: '没收违法所得' }, 'fine-amount-missing');
    expect(m).toBe('G3「处罚情况」：“没收违法所得”没有写金额。请按行政处罚决定书写明金额，如“没收违法所得5000元”。');
    expect(message('penalty', { outcome: '警告，并处罚款' }, 'fine-amount-missing')).toContain('“警告，并处罚款”中的“罚款”没有写金额');
  });
  test('责令改正 is told it is no penalty, without a penalty suggested', () => {
    const m = message('penalty', { outcome: '责令改正', receiptNo: '' }, 'penalty-correction-only');
    expect(m).toContain('不是行政处罚');
    expect(m).toContain('第二十八条');
    expect(m).not.toMatch(/如“[^”]*(警告|罚款)/);
    expect(message('penalty', { outcome: '批评教育', receiptNo: '' }, 'penalty-type-unknown')).not.toMatch(/如“[^”]*(警告|罚款)/);
  });
});

describe('coercion terms: what the clerk is asked to do', () => {
  test('a closed measure is not told to lift it', () => {
    const m = message('coercion', { startedOn: '2023年8月1日', closedOn: '2023年10月10日' }, 'coercion-term-exceeded');
    expect(m).toContain('自2023年8月1日实施，至「结案时间」2023年10月10日共70日，超过30日（期限至2023年8月31日）');
    expect(m).not.toContain('及时解除');
  });
  test('a running one is', () => {
    expect(message('coercion', { startedOn: '2023年9月1日', closedOn: '', result: '' }, 'coercion-term-exceeded')).toContain('请及时解除查封、扣押或依法作出处理决定');
  });
  test('an extended one is not asked to note an extension again', () => {
    const m = message('coercion', { startedOn: '2023年7月1日', closedOn: '2023年10月10日', remarks: '经批准延长30日' }, 'coercion-term-exceeded');
    expect(m).toContain('超过60日');
    expect(m).not.toContain('写明“经批准延长”');
  });
  test('a lawful term raises nothing', () => {
    expect(checkRows('coercion', [{ ...GOOD.coercion, startedOn: '2023年9月1日', closedOn: '2023年10月7日' }])[0].issues).toEqual([]);
  });
});
