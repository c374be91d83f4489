/* A transferred case (移送): no township detention, no penalty of its own to name; in the county's statistics a 移送 case, apart from the penalties. */
import { addFigures, classifyPenalty, emptyFigures } from '../../src/rollup/stats';
import { GOOD, checkRows } from '../helpers/ledger';

const issues = (outcome: string, remarks = '') => checkRows('penalty', [{ ...GOOD.penalty, outcome, remarks, receiptNo: '' }])[0].issues.map((i) => i.rule);

describe('the check', () => {
  test.each([
    ['移送公安机关，由公安机关予以行政拘留5日', ''],
    ['移送公安机关处理', ''],
    ['行政拘留10日', '当事人涉嫌违反治安管理，已移送公安机关'],
  ])('%s (备注 %s): no error, no unknown kind', (outcome, remarks) => {
    expect(issues(outcome, remarks)).toEqual([]);
  });
  test('the team’s own detention is still an error, and names the transfer as the way', () => {
    const [r] = checkRows('penalty', [{ ...GOOD.penalty, outcome: '行政拘留5日', receiptNo: '' }]);
    expect(r.issues.map((i) => [i.cell, i.rule, i.severity])).toEqual([['G3', 'penalty-detention', 'error']]);
    expect(r.issues[0].message).toContain('此案应移送公安机关');
  });
  test('a fine and a transfer: the fine is the team’s and needs its receipt', () => {
    expect(issues('罚款500元，并移送公安机关处理')).toEqual(['receipt-missing']);
  });
});

describe('the statistics', () => {
  test('a transfer alone is a 移送 case: no kind, no money', () => {
    expect(classifyPenalty('移送公安机关，由公安机关予以行政拘留5日')).toEqual({ kind: null, named: [], noPenalty: false, amountYuan: 0, transferred: true });
    expect(classifyPenalty('行政拘留5日', '已移送公安机关')).toEqual({ kind: null, named: [], noPenalty: false, amountYuan: 0, transferred: true });
    expect(classifyPenalty('移交县市场监管局处理，由其罚款3000元')).toMatchObject({ transferred: true, amountYuan: 0 });
  });
  test('with a penalty of its own the case counts under that penalty', () => {
    expect(classifyPenalty('罚款500元，并移送公安机关处理')).toEqual({ kind: '罚款', named: ['罚款'], noPenalty: false, amountYuan: 500 });
    expect(classifyPenalty('行政拘留5日')).toMatchObject({ kind: '行政拘留' });
  });
  test('figures add the 移送 count apart (absent when there is none)', () => {
    const a = emptyFigures();
    a.penalty.transferred = 2;
    const total = addFigures(addFigures(emptyFigures(), a), emptyFigures());
    expect(total.penalty).toEqual({ cases: 0, byKind: {}, amountYuan: 0, noPenalty: 0, transferred: 2 });
    expect(addFigures(emptyFigures(), emptyFigures()).penalty).toEqual({ cases: 0, byKind: {}, amountYuan: 0, noPenalty: 0 });
  });
});
