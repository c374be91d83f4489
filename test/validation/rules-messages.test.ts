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

describe('the rules of issue 17 say what is wrong and what to write', () => {
  const ENF: Row = { category: '行政强制执行', measure: '强制拆除违法建筑', term: '', closedOn: '2023年10月20日', result: '已拆除' };
  test('协管员 are no officers: who, how many remain, and the law of the ledger', () => {
    expect(message('penalty', { officers: '王明、李强（协管员）' }, 'persons-auxiliary')).toBe(
      'I3「执法人员」：“王明、李强（协管员）”中“李强”是辅助人员，不是行政执法人员，执法人员只有王明一人。执法人员不得少于两人（《中华人民共和国行政处罚法》第四十二条），协管员、辅警、网格员等辅助人员不算。请填写两名以上持证执法人员，辅助人员写在「备注」中。',
    );
    const coe = message('coercion', { officers: '网格员张三、辅警李四' }, 'persons-auxiliary');
    expect(coe).toContain('“张三”、“李四”是辅助人员，不是行政执法人员，执法人员一人也没有');
    expect(coe).toContain('《中华人民共和国行政强制法》第十八条');
    expect(issuesOf('penalty', { officers: '王明、李强（协管员）' }).map((i) => i.rule)).toEqual(['persons-auxiliary']); // not also persons-min-two
  });
  test('a 规范性文件 as the only basis names the document and the articles', () => {
    expect(message('penalty', { basis: '《交城县城乡环境卫生管理办法》第十条' }, 'basis-normative-document')).toBe(
      'H3「处罚依据」：“《交城县城乡环境卫生管理办法》第十条”只写了《交城县城乡环境卫生管理办法》，这是规范性文件，不是法律、法规或规章，不得设定行政处罚（《中华人民共和国行政处罚法》第十六条、第三十八条）。请写明设定处罚的法律、法规或规章的名称和条款，如“《中华人民共和国食品安全法》第一百二十四条”。',
    );
    expect(issuesOf('penalty', { basis: '《交城县城乡环境卫生管理办法》第十条' }).map((i) => i.rule)).toEqual(['basis-normative-document']); // a name is written: not also basis-no-law
  });
  test('night and holiday enforcement: when, and what clears it', () => {
    expect(message('coercion', { ...ENF, startedOn: '2023年10月2日 22:30' }, 'coercion-night-holiday')).toBe(
      'G3「实施时间」：强制执行于2023年10月2日22时30分实施，当天是法定节假日，且在夜间（22时至次日6时）。不得在夜间或者法定节假日实施行政强制执行，情况紧急的除外（《中华人民共和国行政强制法》第四十三条第一款）。请核对；情况紧急的请在「备注」中写明。',
    );
    expect(message('coercion', { ...ENF, startedOn: '2023年10月9日凌晨5时' }, 'coercion-night-holiday')).toContain('强制执行于2023年10月9日5时00分实施，在夜间（22时至次日6时）');
    expect(issuesOf('coercion', { ...ENF, startedOn: '2023年10月9日凌晨5时' }).find((i) => i.rule === 'coercion-night-holiday')!.severity).toBe('warning');
  });
  test('a late-payment penalty above the fine, on the cell that says so', () => {
    const i = issuesOf('coercion', { category: '行政强制执行', measure: '加处罚款', term: '', result: '原罚款2000元，加处罚款2500元，已执行' }).find((x) => x.rule === 'late-payment-exceeds')!;
    expect([i.cell, i.severity]).toEqual(['J3', 'error']);
    expect(i.message).toBe(
      'J3「处理结果」：加处罚款（滞纳金）2500元，超过罚款2000元。加处罚款或者滞纳金的数额不得超出金钱给付义务的数额（《中华人民共和国行政强制法》第四十五条第二款；《中华人民共和国行政处罚法》第七十二条第一款第一项）。请核对金额；确有超出的，应依法纠正。',
    );
  });
  test('a note in a date cell and a bare amount: read, with an info', () => {
    const d = issuesOf('penalty', { closedOn: '2023年11月8日（已缴纳罚款）' }, {}, '2023-12-01');
    expect(d.map((i) => [i.rule, i.severity])).toEqual([['date-remark', 'info']]);
    expect(d[0].message).toBe('F3「结案时间」：“2023年11月8日（已缴纳罚款）”中除日期外还写了“已缴纳罚款”，已按日期读取。请把说明写到「备注」中，本栏只写日期。');
    const m = issuesOf('penalty', { outcome: '罚款2000' });
    expect(m.map((i) => [i.rule, i.severity])).toEqual([['fine-amount-unit', 'info']]);
    expect(m[0].message).toBe('G3「处罚情况」：“罚款2000”中的金额“2000”没有写单位，已按2000元读取。请写明单位，如“2000元”。');
  });
  test('a testing period written as a range is subtracted with its real length', () => {
    const m = message('coercion', { startedOn: '2023年8月1日', closedOn: '2023年9月30日', remarks: '鉴定期间2023年9月8日至9月22日（共15日）' }, 'coercion-term-exceeded');
    expect(m).toContain('共45日（不计检测、检验等期间15日），超过30日（期限至2023年9月15日）');
  });
});
