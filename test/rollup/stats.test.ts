/* The statistics rules case by case (《行政处罚情况统计表》填表说明 3–5; docs/dev/rollup.md). */
import { reviewGroup } from '../../src/rollup/groups';
import { classifyCoercion, classifyPenalty, moneyOf } from '../../src/rollup/stats';

describe('a penalty counts once, under its heaviest kind (第九条 order, light to heavy)', () => {
  test.each([
    ['警告', '警告', ['警告']],
    ['警告，并处罚款5000元', '罚款', ['警告', '罚款']],
    // The rules' own example: “没收违法所得，并处罚款” counts as 没收违法所得.
    ['没收违法所得1200元，并处罚款3000元', '没收违法所得', ['罚款', '没收违法所得']],
    ['罚款2000元，没收用于违法生产的工具', '没收非法财物', ['罚款', '没收非法财物']],
    ['罚款10000元，吊销食品经营许可证', '吊销许可证件', ['罚款', '吊销许可证件']],
    ['暂扣营业执照三个月', '暂扣许可证件', ['暂扣许可证件']],
    ['责令停产停业，并处罚款20000元', '责令停产停业', ['罚款', '责令停产停业']],
    ['责令停业整顿', '责令停产停业', ['责令停产停业']],
    ['责令关闭，罚款5万元', '责令关闭', ['罚款', '责令关闭']],
    ['通报批评', '通报批评', ['通报批评']],
    ['限制从业三年，罚款1000元', '限制从业', ['罚款', '限制从业']],
    // Named and “other”: the named kind. No named kind: 其他.
    ['罚款500元，并处其他行政处罚', '罚款', ['罚款']],
    ['责令改正', '其他', []],
    ['', '其他', []],
  ])('%s → %s', (outcome, kind, named) => {
    const c = classifyPenalty(outcome);
    expect(c.noPenalty).toBe(false);
    expect(c.kind).toBe(kind);
    expect(c.named).toEqual(named);
  });

  test.each(['不予行政处罚', '不予处罚，责令改正', '免予处罚'])('%s is counted apart, with no kind and no money', (outcome) => {
    expect(classifyPenalty(outcome)).toEqual({ kind: null, named: [], noPenalty: true, amountYuan: 0 });
  });
});

describe('罚没金额: fines, and confiscations only where the decision states the amount', () => {
  test.each([
    ['警告，并处罚款5000元', 5000],
    ['罚款5,000元', 5000],
    ['罚款0.5万元', 5000],
    ['罚款伍仟元', 5000],
    ['处5000元罚款', 5000],
    ['处以罚款，计3000元', 3000],
    ['没收违法所得1200元，并处罚款3000元', 4200],
    ['罚款5000元没收违法所得1000元', 6000],
    ['没收非法财物（价值800元），罚款200元', 1000],
    // Amount not stated: the confiscation adds nothing.
    ['没收违法所得，罚款2000元', 2000],
    ['没收非法财物，罚款2000元', 2000],
    // Amounts that are no penalty are not counted.
    ['货值金额3000元，罚款6000元', 6000],
    ['警告', 0],
    ['罚款5000元（已缴纳5000元）', 5000],
  ])('%s → %d 元', (outcome, yuan) => {
    expect(moneyOf(outcome)).toBe(yuan);
    expect(classifyPenalty(outcome).amountYuan).toBe(yuan);
  });
});

describe('行政强制: measures and means of enforcement, each kind the case names', () => {
  test.each([
    ['行政强制措施', '扣押财物', 'measure', ['扣押']],
    ['行政强制措施', '查封场所、扣押财物', 'measure', ['查封', '扣押']],
    ['强制措施', '先行登记保存', 'measure', ['其他']],
    ['行政强制执行', '加处罚款', 'enforcement', ['加处罚款或滞纳金']],
    ['行政强制执行', '代履行清除障碍物', 'enforcement', ['代履行']],
    ['行政强制执行', '强制拆除违法建筑', 'enforcement', ['排除妨碍恢复原状']],
    ['行政强制执行', '拍卖扣押的财物', 'enforcement', ['拍卖或处理']],
    ['强制执行', '其他强制执行', 'enforcement', ['其他']],
    // 强制类别 unreadable: the 强制方式 decides.
    ['强制', '查封', 'measure', ['查封']],
    ['', '', null, []],
  ])('%s / %s', (category, measure, cat, kinds) => {
    expect(classifyCoercion(category, measure)).toEqual({ category: cat, kinds });
  });
});

describe('review groups', () => {
  test.each([
    ['persons-min-two', '执法人员', '主体'],
    ['required', '执法人员', '主体'],
    ['required', '主要违法事实', '事实证据'],
    ['required', '处罚依据', '依据'],
    ['required', '行政处罚决定书', '文书'],
    ['basis-no-article', '处罚依据', '依据'],
    ['rectify-open', '', '程序'],
    ['recheck-overdue', '', '期限'],
    ['coercion-term-exceeded', '', '期限'],
    ['duplicate-doc-no', '', '文书'],
    ['embedded-mismatch', '', '文书'],
    ['a-rule-added-later', '', '文书'],
  ])('%s on 「%s」 → %s', (rule, column, group) => {
    expect(reviewGroup(rule, column)).toBe(group);
  });
});
