/* Amounts as clerks write them, and what 处罚情况 says: penalties, money per penalty, transfers, late-payment penalties. */
import { findAmounts, parseMoney } from '../../src/ledger/money';
import { lateFeeOver, parseOutcome, splitTransfer } from '../../src/ledger/outcome';
import { parsePersons } from '../../src/ledger/persons';

describe('amounts (issue 17)', () => {
  test.each([
    ['罚款¥1,000.00', 1000, false],
    ['罚款￥1000元', 1000, false],
    ['罚款人民币2,000元', 2000, false],
    ['罚款2000.00元', 2000, false],
    ['罚款2千元', 2000, false],
    ['罚款RMB 500', 500, false],
    ['罚款2000', 2000, true],
    ['罚款：2000', 2000, true],
    ['罚款2万', 20000, true],
    ['罚款二千', 2000, true],
    ['没收违法所得500，罚款2000元', 500, true],
    ['罚款2000（已缴）', 2000, true],
  ])('%s → %d元 (bare: %s)', (text, yuan, bare) => {
    const [a] = findAmounts(text);
    expect([a.yuan, a.bare]).toEqual([yuan, bare]);
    expect(parseMoney(text)).toBe(yuan);
  });
  test.each(['罚款200平方米', '罚款一次', '货值2000', '罚款十日内缴纳', '处以罚款'])('%s has no amount', (text) => {
    expect(findAmounts(text)).toEqual([]);
  });
  test('one amount is read once, however it is written', () => {
    expect(findAmounts('罚款人民币2,000元').map((a) => a.text)).toEqual(['人民币2,000元']);
    expect(findAmounts('没收违法所得¥300.5，并处罚款5000元').map((a) => a.yuan)).toEqual([300.5, 5000]);
  });
});

describe('处罚情况', () => {
  test('each money penalty takes its own amount: the fine’s is not the confiscation’s', () => {
    expect(parseOutcome('没收违法所得并处罚款2000元')).toMatchObject({ withoutAmount: ['没收违法所得'], fine: 2000, money: 2000 });
    expect(parseOutcome('没收违法所得500元并处罚款2000元')).toMatchObject({ withoutAmount: [], fine: 2000, money: 2500 });
    expect(parseOutcome('警告，处5000元罚款')).toMatchObject({ withoutAmount: [], fine: 5000, kinds: ['警告', '罚款'] });
    expect(parseOutcome('处以罚款，计5000元')).toMatchObject({ withoutAmount: [], fine: 5000 });
    expect(parseOutcome('罚款2000')).toMatchObject({ withoutAmount: [], fine: 2000, bare: ['2000'] });
  });
  test('加处罚款 is no fine', () => {
    expect(parseOutcome('罚款2000元，逾期加处罚款3000元')).toMatchObject({ fine: 2000, money: 2000, lateFees: [3000], withoutAmount: [] });
    expect(parseOutcome('罚款2000元，逾期不缴纳的每日按罚款数额的3%加处罚款')).toMatchObject({ fine: 2000, withoutAmount: [], lateFees: [] });
    expect(lateFeeOver('罚款2000元，加处罚款2500元')).toEqual({ fine: 2000, late: 2500 });
    expect(lateFeeOver('加处2500元罚款，原罚款2000元')).toEqual({ fine: 2000, late: 2500 });
    expect(lateFeeOver('应缴纳排污费2000元，滞纳金2500元')).toBeNull(); // no fine written: nothing to compare
    expect(lateFeeOver('罚款2000元')).toBeNull();
  });
  test.each(['不予行政处罚', '不予处罚', '不再给予行政处罚', '违法行为轻微并及时改正，没有造成危害后果，不予以行政处罚', '免予处罚', '免于行政处罚', '首违不罚'])('%s is no penalty', (t) => {
    expect(parseOutcome(t).noPenalty).toBe(true);
  });
  test('a transfer: what another body decided is not the team’s', () => {
    expect(parseOutcome('移送公安机关，由公安机关予以行政拘留5日')).toMatchObject({ transferred: true, detention: false, kinds: [] });
    expect(parseOutcome('罚款500元，并移送公安机关处理')).toMatchObject({ transferred: true, kinds: ['罚款'], fine: 500 });
    expect(parseOutcome('公安机关行政拘留10日')).toMatchObject({ transferred: true, detention: false });
    expect(parseOutcome('行政拘留5日')).toMatchObject({ transferred: false, detention: true });
    // An internal step is no transfer.
    expect(splitTransfer('经移送法制审核，罚款500元')).toEqual({ own: '经移送法制审核，罚款500元', transferred: false });
    expect(splitTransfer('移交县市场监管局处理')).toEqual({ own: '', transferred: true });
  });
});

describe('who is an 执法人员 (issue 17)', () => {
  test.each([
    ['王明、李强（协管员）', ['王明', '李强'], ['李强'], 1],
    ['王明、李强、赵刚（协管员）', ['王明', '李强', '赵刚'], ['赵刚'], 2],
    ['王明、辅警张伟', ['王明', '张伟'], ['张伟'], 1],
    ['王明 协管员 李强', ['王明', '李强'], ['李强'], 1],
    ['王明、网格员', ['王明', '网格员'], ['网格员'], 1],
    ['执法人员：王明、李强；临时工：张三', ['王明', '李强', '张三'], ['张三'], 2],
    ['王明(辅助执法人员)、李强(14010002)', ['王明', '李强'], ['王明'], 1],
    ['王明（队长）、李强（14010002）', ['王明', '李强'], [], 2],
    ['王明、李强（系辅警，证号0012）', ['王明', '李强'], ['李强'], 1],
    // A bracket that tells of someone else is no role of the name before it.
    ['王明、李强（执法辅助人员陪同）', ['王明', '李强'], [], 2],
  ])('%s', (text, names, auxiliary, count) => {
    const p = parsePersons(text);
    expect([p.names, p.auxiliary, p.count]).toEqual([names, auxiliary, count]);
  });
});
