/** @jest-environment jsdom */
/*
 * The 执法人员名单 on the 检查结果 tab (issue 21), over real check results: its card (持证执法人员
 * n 人, certificates expiring within 60 days and expired, 转到名单), its own issues, the cases'
 * roster findings in the issue list; and the opt-in insert, with the ledgers or alone.
 */
import { check, fakeService, renderPane } from './helpers';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GOOD, ledgerGrid } from '../helpers/ledger';
import { TEAM, rosterGrid } from '../helpers/roster';

const P = '行政处罚案件台账';
const R = '执法人员名单';

test('the roster card: officers, certificates expiring within 60 days and expired, a jump to the sheet, its own issues', async () => {
  const user = userEvent.setup();
  const officers = TEAM.map((o) => (o.name === '李四' ? { ...o, validUntil: '2023年12月1日' } : o.name === '张三' ? { ...o, validUntil: '2024年1月4日' } : o.name === '赵六' ? { ...o, validUntil: '2023年10月1日' } : o));
  const svc = fakeService(check([ledgerGrid('penalty', [GOOD.penalty], P), rosterGrid([...officers, { name: '周八', remarks: '协管员' }, { name: '孙十', certNo: '9', validUntil: '待定' }])]));
  renderPane(svc);
  const card = await screen.findByRole('listitem', { name: R });
  expect(within(card).getByText('持证执法人员 7 人')).toBeInTheDocument();
  expect(within(card).getByText('（名单共 8 人）')).toBeInTheDocument();
  expect(within(card).getByText('60 天内到期 2')).toBeInTheDocument();
  expect(within(card).getByText(/即将到期：李四 2023年12月1日、张三 2024年1月4日/)).toBeInTheDocument();
  expect(within(card).getByText('已过期 1')).toBeInTheDocument();
  expect(within(card).getByText(/已过期：赵六 2023年10月1日/)).toBeInTheDocument();
  // The roster's own issue (an unreadable 有效期至), a click away from its cell.
  const issues = within(card).getByRole('list', { name: `${R}中的问题` });
  await user.click(within(issues).getByRole('button', { name: /孙十/ }));
  expect(svc.selectCell).toHaveBeenLastCalledWith(R, 'D10');
  await user.click(within(card).getByRole('button', { name: '转到名单' }));
  expect(svc.selectCell).toHaveBeenLastCalledWith(R, 'A3');
  // The roster never shows a 执法证号.
  expect(card.textContent).not.toMatch(/1401000/);
  // No offer to insert another one.
  expect(screen.queryByRole('button', { name: '插入执法人员名单' })).toBeNull();
});

test('the cases’ roster findings are in the issue list like any other', async () => {
  const svc = fakeService(check([ledgerGrid('penalty', [{ ...GOOD.penalty, officers: '王明、钱七' }], P), rosterGrid(TEAM)]));
  renderPane(svc);
  expect(await screen.findByText(/“钱七”不在「执法人员名单」中/)).toBeInTheDocument();
  expect(screen.getByText('执法人员不在名单中')).toBeInTheDocument();
});

test('an empty roster says how to fill it; an unreadable one says so once', async () => {
  const svc = fakeService(check([ledgerGrid('penalty', [GOOD.penalty], P), rosterGrid([])]));
  renderPane(svc);
  const card = await screen.findByRole('listitem', { name: R });
  expect(within(card).getByText(/还没有填写。一人一行填写姓名、执法证号、发证机关、有效期至/)).toBeInTheDocument();
  const broken = rosterGrid(TEAM);
  broken.rows[1] = ['编号', '执法证号', '发证机关', '有效期至', '备注'];
  svc.checkAll.mockImplementation(async () => {
    svc.emit({ ...svc.current(), check: check([ledgerGrid('penalty', [GOOD.penalty], P), broken]), version: svc.current().version + 1 });
    return svc.current();
  });
  await userEvent.setup().click(screen.getByRole('button', { name: '重新检查' }));
  expect(await screen.findByText(/找不到「姓名」列，本次没有按名单核对执法人员/)).toBeInTheDocument();
});

test('no roster: a one-line offer inserts it (with the team of the titles); no ledger: the ledgers alone or with the roster', async () => {
  const user = userEvent.setup();
  const svc = fakeService(check([ledgerGrid('penalty', [GOOD.penalty], P)]));
  renderPane(svc);
  await user.click(await screen.findByRole('button', { name: '插入执法人员名单' }));
  expect(svc.insertOfficialSheets).toHaveBeenLastCalledWith('天宁镇综合行政执法队', { roster: true });
  await waitFor(() => expect(svc.checkAll).toHaveBeenCalledTimes(2));
});

test('no ledger: 插入台账表和执法人员名单 inserts the four sheets', async () => {
  const user = userEvent.setup();
  const svc = fakeService(check([{ name: 'Sheet1', top: 1, left: 1, rows: [], merges: [] }]));
  renderPane(svc);
  await user.click(await screen.findByRole('button', { name: '插入台账表和执法人员名单' }));
  expect(svc.insertOfficialSheets).toHaveBeenLastCalledWith(null, { roster: true });
  expect(await screen.findByText(/已插入：行政处罚案件台账、行政检查案件台账、行政强制案件台账、执法人员名单/)).toBeInTheDocument();
});
