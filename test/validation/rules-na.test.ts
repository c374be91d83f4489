/* "Not applicable" marks (/ ／ — - 无 不涉及): clean where the field does not apply, `required` where it does. */
import { GOOD, Row, checkRows, rulesOf } from '../helpers/ledger';

const MARKS = ['/', '／', '—', '-', '——', '无', '不涉及', '/ ', ' / ', '\u3000/\u3000', 'N/A'];

describe('an inspection without hazards', () => {
  test.each(MARKS)('%p in the fields that do not apply is clean', (m) => {
    const row: Row = { ...GOOD.inspection, hazardCount: 0, hazards: m, measures: m, rectifyOwner: m, rectifyDone: m, rectifyOpen: m, recheckOn: m, rechecker: m };
    const [r] = checkRows('inspection', [row]);
    expect(r.issues).toEqual([]);
    expect([r.status, r.reportMonth]).toEqual(['ok', '2023-10']);
    // What the clerk wrote is kept for the Word table.
    expect(r.display.recheckOn).toBe(m.trim());
  });
  test('a real entry in one of them is still reported', () => {
    expect(rulesOf('inspection', { ...GOOD.inspection, hazardCount: 0, hazards: '/', measures: '/', rectifyOwner: '/', rectifyDone: '/', recheckOn: '2023年10月20日', rechecker: '/' })).toEqual(['hazard-fields-unexpected']);
  });
});

describe('in a field that applies, a mark is still empty, and the message says the field applies', () => {
  test('always required', () => {
    const [r] = checkRows('penalty', [{ ...GOOD.penalty, basis: '/' }]);
    const issue = r.issues.find((i) => i.rule === 'required')!;
    expect(issue.message).toBe('H3「处罚依据」：“/”表示不适用，但「处罚依据」是每个案件都要填写的。请补填处罚依据。');
    expect(r.status).toBe('invalid');
    expect(r.issues.map((i) => i.rule)).toEqual(['required']); // not also basis-no-article
  });
  test('a penalty’s 结案时间 written “/” is an open case to confirm, not a missing required value', () => {
    const [r] = checkRows('penalty', [{ ...GOOD.penalty, closedOn: '/' }]);
    expect(r.issues.map((i) => i.rule)).toEqual(['penalty-open-unconfirmed']);
    expect(r.issues[0].message).toContain('「结案时间」写的是“/”，本行也没有写明尚未结案');
    expect([r.status, r.reportMonth, r.pendingState]).toEqual(['pending', null, 'unconfirmed']);
  });
  test('required because of hazards', () => {
    const [r] = checkRows('inspection', [{ ...GOOD.inspection, measures: '—' }]);
    expect(r.issues.map((i) => i.message)).toEqual(['I4「整改措施」：「发现隐患数」为1，写的是“—”，「整改措施」应当填写。请补填整改措施。']);
  });
  test('required once rechecked', () => {
    const [r] = checkRows('inspection', [{ ...GOOD.inspection, rechecker: '无' }]);
    expect(r.issues.map((i) => i.rule)).toEqual(['required']);
    expect(r.issues[0].message).toContain('已复检，写的是“无”，「复检人」应当填写');
  });
  test('a rectification owner where hazards were found', () => {
    const [r] = checkRows('inspection', [{ ...GOOD.inspection, rectifyOwner: '/' }]);
    expect(r.issues.map((i) => i.rule)).toEqual(['rectify-owner-missing']);
    expect(r.issues[0].message).toContain('发现了隐患，「整改责任人」却写了“/”');
  });
  test('a closed coercion case without its result', () => {
    expect(rulesOf('coercion', { ...GOOD.coercion, result: '不涉及' })).toEqual(['required']);
    expect(rulesOf('coercion', { ...GOOD.coercion, closedOn: '/', result: '/', startedOn: '2023年10月20日' })).toEqual([]);
  });
  test('a marked 复检日期 on a row with hazards means not rechecked yet', () => {
    const [r] = checkRows('inspection', [{ ...GOOD.inspection, inspectedOn: '2023年11月1日', rectifyDone: '', recheckOn: '/', rechecker: '/' }]);
    expect([r.status, r.issues]).toEqual(['pending', []]);
  });
});

describe('罚没票据号', () => {
  test.each(['/', '无', '—'])('%p without money is not a receipt number', (m) => {
    expect(rulesOf('penalty', { ...GOOD.penalty, outcome: '警告', receiptNo: m })).toEqual([]);
  });
  test.each(['/', '无', '暂无', '未开票'])('%p with a fine is a missing receipt (warning)', (m) => {
    const [r] = checkRows('penalty', [{ ...GOOD.penalty, receiptNo: m }]);
    expect(r.issues.map((i) => [i.rule, i.severity])).toEqual([['receipt-missing', 'warning']]);
    expect(r.status).toBe('ok');
  });
});

test('a row of marks only is no case record', () => {
  const recs = checkRows('penalty', [GOOD.penalty, { seq: 2, decisionNo: '/', cause: '/', party: '/', facts: '/', closedOn: '/', outcome: '/', basis: '/', officers: '/' }]);
  expect(recs.map((r) => r.row)).toEqual([3]);
});
