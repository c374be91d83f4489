/** @jest-environment jsdom */
/*
 * What the clerk reads in the pane (issue 20): counts over 999 with thousands separators in
 * cards, lists and the e-mail; one 待办 number (rows in no month yet, also those with an error)
 * on the card, in the CLI's counts and in the package; group headings that keep the sheet's
 * name apart from the count; where a host can neither mark nor select (the offline page): no
 * 显示标记, and the cell's address shown where the clerk is looking.
 */
import { check, fakeService, renderPane } from './helpers';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GOOD, Row, ledgerGrid } from '../helpers/ledger';
import { periodSchema } from '../../src/ledger/options';
import { planSubmission } from '../../src/submission';
import { emailBody } from '../../src/submission/email';
import { countOf } from '../../src/validation/report';
import { ledgerIssues } from '../../src/validation/check';
import { whereText } from '../../src/taskpane/App';

const P = '处罚12月';
const I = '检查台账';
const ROWS = 1200;

/** A penalty row with one error (a single officer), numbered. */
const badPenalty = (n: number): Row => ({ ...GOOD.penalty, seq: n, decisionNo: `天综执罚决〔2023〕${n}号`, officers: '王明' });
/** An inspection with a hazard and no recheck yet (待复检); odd ones also have an error (one inspector). */
const waiting = (n: number): Row => ({ ...GOOD.inspection, seq: n, docNo: `天综执检〔2023〕${n}号`, rectifyDone: '', recheckOn: '', rechecker: '', inspectors: n % 2 ? '张三' : '张三、李四' });

test('big counts: separators on cards, filters, headings and the e-mail; one 待办 number on the card, in the CLI counts and in the package', async () => {
  const c = check([
    ledgerGrid('penalty', Array.from({ length: ROWS }, (_, i) => badPenalty(i + 1)), P),
    ledgerGrid('inspection', Array.from({ length: 1380 }, (_, i) => waiting(i + 1)), I),
  ]);
  const inspection = c.ledgers[1];
  // Half of the pending rows also have an error: they are 待办 all the same.
  expect(inspection.records.filter((r) => r.status === 'invalid' && r.pending)).toHaveLength(690);
  expect(countOf(inspection.records, ledgerIssues(inspection)).pending).toBe(1380);

  renderPane(fakeService(c));
  const card = await screen.findByRole('listitem', { name: P });
  expect(within(card).getByText('1,200 条记录')).toBeInTheDocument();
  expect(within(card).getByText('错误 1,200')).toBeInTheDocument();
  expect(within(screen.getByRole('listitem', { name: I })).getByText('待办 1,380')).toBeInTheDocument();
  expect(within(screen.getByRole('listitem', { name: I })).getByText('1,380 条记录')).toBeInTheDocument();
  // The list: filter counts and the group heading, the sheet's name kept apart from the count.
  expect(await screen.findByRole('button', { name: /^✓ 错误 1,8\d\d$/ })).toBeInTheDocument();
  expect(screen.getByRole('heading', { level: 2, name: `${P} · 1,200 行有问题` })).toBeInTheDocument();
  expect(screen.getByRole('button', { name: '显示更多（还有 1,170 行）' })).toBeInTheDocument();
  // Every pending row is listed for the inspection sheet, with or without an error.
  expect(within(screen.getByRole('group', { name: `${I}的待办行（尚不计入任何月份）` })).getByText('等 1,380 行')).toBeInTheDocument();

  // The package lists the same 1,380 pending cases, and the e-mail writes the number with a separator.
  const plan = planSubmission(c, { period: periodSchema.parse('2023-10'), team: '天宁镇综合行政执法队', contact: { name: '张三', title: '队员', phone: '13812345678' }, today: '2023-11-05', allowErrors: true });
  if ('refused' in plan) throw new Error(plan.message);
  expect(plan.base.pending).toHaveLength(1380);
  const body = emailBody({ team: '天宁镇综合行政执法队', period: plan.options.period, counts: plan.base.counts, pending: plan.base.pending, contact: plan.options.contact, today: '2023-11-05', docxName: 'x.docx' });
  expect(body).toContain('另有待办案件1,380件');
  expect(body).toContain('行政处罚案件1,200件');
});

test('a host that can neither mark nor select (the offline page): no 显示标记; a click on an issue shows the cell to look for, in view', async () => {
  const user = userEvent.setup();
  const c = check([ledgerGrid('penalty', [GOOD.penalty, badPenalty(2)], P)]);
  const svc = fakeService(c, { features: { functions: false, settingsIn: 'browser', marks: false, select: false } });
  renderPane(svc, { embedded: true });
  await screen.findByRole('listitem', { name: P });
  expect(screen.getByRole('button', { name: '填写报送月份' })).toBeInTheDocument();
  expect(screen.queryByRole('button', { name: /显示标记|清除标记/ })).toBeNull();
  // Inside a page of its own: no h1 and no main of the pane's (the page has them).
  expect(screen.queryByRole('heading', { level: 1 })).toBeNull();
  expect(screen.queryByRole('main')).toBeNull();

  const entry = await screen.findByRole('button', { name: /I4「执法人员」/ });
  await user.click(entry);
  expect(svc.selectCell).not.toHaveBeenCalled();
  const status = screen.getAllByRole('status').find((s) => s.textContent?.includes('名称框'))!;
  expect(status).toHaveTextContent(whereText(P, 'I4'));
  expect(status.textContent).toContain(`切换到工作表「${P}」`);
  expect(status.textContent).toContain('输入 I4 后按回车');
  // Pinned to the window's bottom edge (fixed), so it is on screen wherever the list was scrolled to.
  const box = status.firstElementChild as HTMLElement;
  expect(box).not.toBeNull();
  await user.click(within(status).getByRole('button', { name: '知道了' }));
  await waitFor(() => expect(status).toBeEmptyDOMElement());
});

test('a host that can select (Excel): the click selects, 显示标记 is offered, the pane is the page’s main with its h1', async () => {
  const user = userEvent.setup();
  const svc = fakeService(check([ledgerGrid('penalty', [GOOD.penalty, badPenalty(2)], P)]));
  renderPane(svc);
  await user.click(await screen.findByRole('button', { name: /I4「执法人员」/ }));
  expect(svc.selectCell).toHaveBeenCalledWith(P, 'I4');
  expect(screen.getByRole('button', { name: '清除标记' })).toBeInTheDocument();
  expect(screen.getByRole('heading', { level: 1, name: '执法台账助手' })).toBeInTheDocument();
  expect(screen.getByRole('main')).toBeInTheDocument();
});

test('节假日安排: the footer says which years are covered; a 2027 arrangement added in the dialog is kept, installed and checked with', async () => {
  const user = userEvent.setup();
  const items = new Map<string, string>();
  const storage = { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v), removeItem: (k: string) => void items.delete(k) };
  const svc = fakeService(check([ledgerGrid('penalty', [GOOD.penalty], P)]));
  renderPane(svc, { holidays: { storage, problems: [] }, year: 2026 });
  await screen.findByRole('listitem', { name: P });
  expect(screen.getByText(/节假日和调休安排收录 2004–2026 年，其他年份按周一至周五计算工作日/)).toHaveTextContent('2027年的安排公布后（通常在2026年11–12月），点“节假日安排”添加即可，不用更新加载项。');
  const checks = svc.checkAll.mock.calls.length;

  await user.click(screen.getByRole('button', { name: '节假日安排' }));
  const dialog = await screen.findByRole('dialog');
  // A dialog that has just opened may still be aria-hidden for a moment (Fluent's focus trap settling): wait for it.
  const text = await within(dialog).findByRole('textbox', { name: '安排（JSON 文字）' });
  await user.click(text);
  await user.paste('{ "年份": 2027, "假期": [ { "名称": "春节", "放假": "2027-02-06", "至": "2027-02-12", "上班": ["2027-02-15"] } ] }');
  await user.click(within(dialog).getByRole('button', { name: '保存' }));
  expect(await within(dialog).findByRole('alert', { name: '安排中的问题' })).toHaveTextContent('上班日 2027-02-15：不是星期六或星期日');
  expect(items.size).toBe(0);

  await user.clear(text);
  await user.click(text);
  await user.paste('{ "年份": 2027, "依据": "测试用的虚构安排", "假期": [ { "名称": "春节", "放假": "2027-02-06", "至": "2027-02-12", "上班": ["2027-02-14"] } ] }');
  await user.click(within(dialog).getByRole('button', { name: '保存' }));
  await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  expect(items.get('taizhang.holidays')).toContain('"年份": 2027');
  expect(screen.getByText('已添加 2027 年的节假日安排，已按新的安排重新检查。')).toBeInTheDocument();
  expect(screen.getByText(/节假日和调休安排收录 2004–2027 年（其中 2027 年为在本机添加的安排）/)).toBeInTheDocument();
  await waitFor(() => expect(svc.checkAll.mock.calls.length).toBe(checks + 1));
  const { isWorkday, installArrangements } = await import('../../src/ledger/workdays');
  expect(isWorkday('2027-02-08')).toBe(false);
  installArrangements([]);
});

test('a header with a line break inside its cell is named as one word, as the issue messages name it (pane, CLI, e-mail)', () => {
  const c = check([ledgerGrid('penalty', [GOOD.penalty, { ...GOOD.penalty, seq: 2, decisionNo: '天综执罚决〔2023〕99号', closedOn: '待定' }], P, '天宁镇综合行政执法队', { closedOn: '结案\n时间' })]);
  expect(c.ledgers[0].records[1].issues.map((i) => i.column)).toContain('结案时间');
  const plan = planSubmission(c, { period: periodSchema.parse('2023-10'), team: '天宁镇综合行政执法队', contact: { name: '张三', title: '队员', phone: '13812345678' }, today: '2023-11-05', allowErrors: true });
  if ('refused' in plan) throw new Error(plan.message);
  expect(plan.base.unplaced.map((u) => u.text)).toEqual(['结案时间“待定”无法识别']);
});
