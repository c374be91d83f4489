/** @jest-environment jsdom */
/*
 * The task pane's states with a fake LedgerService over real check results: no ledger, clean,
 * with errors, pending, package refused, package ready; plus the form, the toolbar and a
 * long issue list.
 */
import { FakeService, check, fakeService, renderPane, stateOf } from './helpers';
import * as React from 'react';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { COUNTY_MAILBOX } from '../../src/submission/options';
import { MAX_PERIOD_MONTHS } from '../../src/ledger/options';
import { DEFAULT_RECIPIENT, monthChoices } from '../../src/taskpane/form';
import { ROW_PAGE } from '../../src/taskpane/IssueList';
import { GOOD, Row, ledgerGrid } from '../helpers/ledger';
import { TEAM, rosterGrid } from '../helpers/roster';
import type { SheetGrid } from '../../src/ledger/cell';

const P = '行政处罚案件台账';
const I = '行政检查案件台账';
const C = '行政强制案件台账';

function workbook(penalty: Row[], inspection: Row[] = [GOOD.inspection], coercion: Row[] = [GOOD.coercion]): SheetGrid[] {
  return [ledgerGrid('penalty', penalty, P), ledgerGrid('inspection', inspection, I), ledgerGrid('coercion', coercion, C)];
}

/** A ceiling, not a wait: building the Word file in jsdom takes seconds, more on a loaded machine (the suite's limit is 60 s per test). */
const BUILD_WAIT = 45_000;

const BAD_OFFICERS: Row = { ...GOOD.penalty, decisionNo: '天综执罚决〔2023〕16号', officers: '王明' };
const BAD_DATE: Row = { ...GOOD.penalty, decisionNo: '天综执罚决〔2023〕17号', closedOn: '2023年2月30日' };

/** The issues of one row (`第4行`) or of the header row: the block under its heading. */
function rowBlock(name: string): HTMLElement {
  return screen.getByRole('heading', { level: 3, name }).parentElement!;
}

/** The check's results are on screen: the ledgers' cards (the tabs are there from the first drawing). */
async function shown(): Promise<void> {
  await screen.findByRole('list', { name: '本工作簿中的台账' });
}

async function openSubmission(user: ReturnType<typeof userEvent.setup>): Promise<void> {
  await user.click(await screen.findByRole('tab', { name: '月度报送' }));
}

async function fillContact(user: ReturnType<typeof userEvent.setup>): Promise<void> {
  await user.type(screen.getByRole('textbox', { name: /姓名/ }), '张三');
  await user.type(screen.getByRole('textbox', { name: /职务/ }), '综合执法队队员');
  await user.type(screen.getByRole('textbox', { name: /电话/ }), '13812345678');
}

test('the form’s zod-free defaults agree with the core', () => {
  expect(DEFAULT_RECIPIENT).toBe(COUNTY_MAILBOX);
  expect(MAX_PERIOD_MONTHS).toBe(12);
  expect(monthChoices('2024-01-15', 3)).toEqual(['2024-01', '2023-12', '2023-11']);
});

test('no ledger: says what to do and inserts the official sheets', async () => {
  const user = userEvent.setup();
  const svc = fakeService(check([{ name: '人员名单', top: 1, left: 1, rows: [['姓名', '职务'], ['张三', '队员']], merges: [] }]));
  renderPane(svc);
  expect(await screen.findByText('没有找到台账')).toBeInTheDocument();
  expect(screen.getByText(/台账按标题/)).toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: '插入官方台账表' }));
  expect(svc.insertOfficialSheets).toHaveBeenCalledWith(null);
  expect(await screen.findByText(/已插入：行政处罚案件台账、行政检查案件台账、行政强制案件台账/)).toBeInTheDocument();
  await waitFor(() => expect(svc.checkAll).toHaveBeenCalledTimes(2)); // re-checked after inserting
  expect(svc.startLive).toHaveBeenCalled();
});

test('a clean check published again (a live edit) keeps its note on screen through every render; a check with an error takes it away at once', async () => {
  const svc = fakeService(check(workbook([GOOD.penalty])));
  renderPane(svc);
  await shown();
  await screen.findByText('没有发现问题，台账可以报送。');
  // Watch every DOM change: the note must never leave while the list catches up in its transition.
  let gone = 0;
  const seen = new MutationObserver((records) => {
    for (const r of records) for (const n of r.removedNodes) if (n.textContent?.includes('没有发现问题')) gone++;
  });
  seen.observe(document.body, { childList: true, subtree: true, characterData: true });
  await act(async () => svc.emit(stateOf(check(workbook([GOOD.penalty, { ...GOOD.penalty, decisionNo: '天综执罚决〔2023〕18号' }])), svc.current().version + 1)));
  await waitFor(() => expect(within(screen.getByRole('list', { name: '本工作簿中的台账' })).getByText('2 条记录')).toBeInTheDocument());
  seen.disconnect();
  expect(gone).toBe(0);
  expect(screen.getByText('没有发现问题，台账可以报送。')).toBeInTheDocument();
  // An error in the new check: the cards say so in the same render, and the note is gone with it.
  act(() => svc.emit(stateOf(check(workbook([GOOD.penalty, BAD_OFFICERS])), svc.current().version + 1)));
  expect(screen.queryByText('没有发现问题，台账可以报送。')).toBeNull();
});

test('while the first check still runs, the three pages are there: 月度报送 opens with its form, the results follow on 检查结果', async () => {
  const user = userEvent.setup();
  const svc = fakeService(check(workbook([GOOD.penalty])));
  let finish!: () => void;
  const first = new Promise<void>((r) => (finish = r));
  svc.checkAll.mockImplementationOnce(async () => {
    svc.emit(stateOf(null, 1));
    await first;
    svc.emit(stateOf(check(workbook([GOOD.penalty])), 2));
    return svc.current();
  });
  renderPane(svc);
  expect(screen.getAllByRole('tab')).toHaveLength(3);
  for (const name of ['检查结果', '月度报送', '县局汇总']) expect(screen.getByRole('tab', { name })).toBeInTheDocument();
  expect(screen.queryByRole('list', { name: '本工作簿中的台账' })).toBeNull();
  await openSubmission(user);
  expect(await screen.findByRole('textbox', { name: /姓名/ })).toBeInTheDocument();
  await act(async () => finish());
  await user.click(screen.getByRole('tab', { name: '检查结果' }));
  await shown();
  expect(within(screen.getByRole('listitem', { name: P })).getByText('1 条记录')).toBeInTheDocument();
});

test('clean: each ledger with its counts, and no issues', async () => {
  const svc = fakeService(check(workbook([GOOD.penalty])));
  renderPane(svc);
  await shown();
  const list = screen.getByRole('list', { name: '本工作簿中的台账' });
  const cards = within(list).getAllByRole('listitem');
  expect(cards.map((c) => c.getAttribute('aria-label'))).toEqual([P, I, C]);
  expect(within(cards[0]).getByText('1 条记录')).toBeInTheDocument();
  expect(within(cards[0]).getByText('错误 0')).toBeInTheDocument();
  expect(screen.getByText('没有发现问题，台账可以报送。')).toBeInTheDocument();
  expect(screen.queryByRole('group', { name: '按级别显示或隐藏问题' })).toBeNull();
});

test('a ledger and a roster on hidden sheets: checked and counted, their cards say the sheet is hidden', async () => {
  const COPY = '2022年行政处罚案件台账';
  const copy: SheetGrid = { ...ledgerGrid('penalty', [{ ...GOOD.penalty, decisionNo: '天综执罚决〔2023〕18号' }, BAD_OFFICERS], COPY), hidden: true };
  const roster: SheetGrid = { ...rosterGrid(TEAM), hidden: true };
  renderPane(fakeService(check([...workbook([GOOD.penalty]), copy, roster])));
  await shown();
  const list = screen.getByRole('list', { name: '本工作簿中的台账' });
  const card = within(list).getByRole('listitem', { name: COPY });
  expect(within(card).getByText('（隐藏的工作表）')).toBeInTheDocument();
  expect(within(card).getByText(/这张工作表在工作簿中是隐藏的，常是往年的副本；它的案件也照样检查、计入报送/)).toBeInTheDocument();
  // Checked like any other: its cases and its error are counted.
  expect(within(card).getByText('2 条记录')).toBeInTheDocument();
  expect(within(card).getByText('错误 1')).toBeInTheDocument();
  // The visible sheets say nothing of it.
  for (const name of [P, I, C]) expect(within(within(list).getByRole('listitem', { name })).queryByText(/隐藏/)).toBeNull();
  const rosterCard = await screen.findByRole('listitem', { name: '执法人员名单' });
  expect(within(rosterCard).getByText('（隐藏的工作表）')).toBeInTheDocument();
});

test('with errors: grouped by sheet and row; a click selects the cell; the severity filter hides errors', async () => {
  const user = userEvent.setup();
  const svc = fakeService(check(workbook([GOOD.penalty, BAD_OFFICERS, BAD_DATE])));
  renderPane(svc);
  await shown();
  const card = screen.getByRole('listitem', { name: P });
  expect(within(card).getByText('3 条记录')).toBeInTheDocument();
  expect(within(card).getByText('错误 2')).toBeInTheDocument();

  // Sheet names are headings (h2) over their rows (h3).
  expect(screen.getByRole('heading', { level: 2, name: new RegExp(`^${P}`) })).toHaveTextContent('2 行有问题');
  const row4 = rowBlock('第4行');
  const entry = within(row4).getByRole('button', { name: /I4「执法人员」/ });
  expect(entry).toHaveTextContent('错误');
  expect(entry).toHaveTextContent('“王明”只有一人');
  expect(entry).toHaveTextContent('执法人员不足两人'); // the rule title from RULES
  await user.click(entry);
  expect(svc.selectCell).toHaveBeenCalledWith(P, 'I4');

  // Keyboard: the entry is a focusable button; Enter selects too.
  const dateEntry = within(rowBlock('第5行')).getByRole('button', { name: /F5「结案时间」/ });
  dateEntry.focus();
  await user.keyboard('{Enter}');
  expect(svc.selectCell).toHaveBeenLastCalledWith(P, 'F5');

  // On and off say so in words, not only in colour; a sheet whose issues are all hidden says how many.
  const errors = screen.getByRole('button', { name: '✓ 错误 2' });
  expect(errors).toHaveAttribute('aria-pressed', 'true');
  await user.click(errors);
  expect(errors).toHaveAttribute('aria-pressed', 'false');
  expect(errors).toHaveAccessibleName('错误 2（已隐藏）');
  expect(screen.queryByRole('button', { name: /I4「执法人员」/ })).toBeNull();
  expect(screen.getByRole('heading', { level: 2, name: new RegExp(`^${P}`) })).toHaveTextContent('2 条已隐藏');
  expect(screen.getByText('所选级别没有问题。')).toBeInTheDocument();
});

test('a missing header column is shown on the header row', async () => {
  const grid = ledgerGrid('penalty', [GOOD.penalty], P);
  const header = grid.rows[1];
  header[header.indexOf('处罚依据')] = '其他';
  renderPane(fakeService(check([grid])));
  await screen.findByRole('heading', { level: 3, name: '表头（第2行）' });
  expect(within(rowBlock('表头（第2行）')).getByRole('button')).toHaveTextContent('处罚依据');
});

test('pending: counted per sheet and listed; a click selects the 复检日期 cell', async () => {
  const user = userEvent.setup();
  const waiting: Row = { ...GOOD.inspection, docNo: '天综执检〔2023〕41号', rectifyDone: '', recheckOn: '', rechecker: '' };
  const svc = fakeService(check(workbook([GOOD.penalty], [GOOD.inspection, waiting])));
  renderPane(svc);
  await shown();
  expect(within(screen.getByRole('listitem', { name: I })).getByText('待办 1')).toBeInTheDocument();
  const pending = screen.getByRole('button', { name: '第5行 待复检' });
  await user.click(pending);
  expect(svc.selectCell).toHaveBeenCalledWith(I, 'M5');
});

test('toolbar: clear and show marks, fill 报送月份 with what was written and refused', async () => {
  const user = userEvent.setup();
  const svc = fakeService(check(workbook([GOOD.penalty])));
  svc.fillReportMonths.mockResolvedValue({ written: [{ sheet: P, column: 'L', rows: 1 }], refused: [{ sheet: I, reason: '「行政检查案件台账」表格右侧已没有空列，没有填写报送月份。' }] });
  renderPane(svc);
  await shown();
  await user.click(screen.getByRole('button', { name: '清除标记' }));
  expect(svc.setMarks).toHaveBeenCalledWith(false);
  expect(await screen.findByRole('button', { name: '显示标记' })).toBeInTheDocument();
  expect(screen.getByText(/已清除全部标记/)).toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: '填写报送月份' }));
  expect(await screen.findByText(/已在 L 列写入 1 行的报送月份/)).toBeInTheDocument();
  expect(screen.getByText(/「行政检查案件台账」表格右侧已没有空列，没有填写报送月份。/)).toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: '重新检查' }));
  expect(svc.checkAll).toHaveBeenCalledTimes(2);
});

test('a failing action is reported in Chinese, not thrown', async () => {
  const user = userEvent.setup();
  const svc = fakeService(check(workbook([BAD_OFFICERS])));
  svc.selectCell.mockRejectedValue(new Error('工作表已删除'));
  renderPane(svc);
  await shown();
  await user.click(screen.getByRole('button', { name: /I3「执法人员」/ }));
  expect(await screen.findByText(/没能选中 行政处罚案件台账 的 I3：工作表已删除/)).toBeInTheDocument();
});

test('live changes re-render from the subscription', async () => {
  const svc = fakeService(check(workbook([GOOD.penalty])));
  renderPane(svc);
  await shown();
  expect(screen.getByText('没有发现问题，台账可以报送。')).toBeInTheDocument();
  const c = check(workbook([BAD_OFFICERS]));
  act(() => svc.emit({ ...svc.current(), check: c, sheets: require('../../src/session/summary').sheetSummaries(c.ledgers), version: 99 }));
  expect(await screen.findByRole('button', { name: /I3「执法人员」/ })).toBeInTheDocument();
});

test('a reading error ends in one full stop, whatever the message ends with', async () => {
  const svc = fakeService(check(workbook([GOOD.penalty])));
  renderPane(svc);
  await shown();
  act(() => svc.emit({ ...svc.current(), phase: 'error', error: '「行政处罚案件台账」受工作表保护。', version: 99 }));
  expect(await screen.findByText('读取工作簿失败：「行政处罚案件台账」受工作表保护。请点“重新检查”。')).toBeInTheDocument();
  expect(document.body.textContent).not.toContain('。。');
});

test('a long list renders a page of rows per sheet, then more on request', async () => {
  const user = userEvent.setup();
  const rows: Row[] = Array.from({ length: 300 }, (_, k) => ({ ...GOOD.penalty, decisionNo: `天综执罚决〔2023〕${k + 1}号`, officers: '王明' }));
  renderPane(fakeService(check([ledgerGrid('penalty', rows, P)])));
  await shown();
  // Plain selectors: role queries over a big jsdom tree are slow.
  const rowsShown = () => [...document.querySelectorAll('h3')].filter((h) => h.textContent!.startsWith('第')).length;
  expect(rowsShown()).toBe(ROW_PAGE);
  expect(document.querySelectorAll('button[title^="在表格中选中"]').length).toBe(ROW_PAGE);
  expect(document.body.querySelectorAll('*').length).toBeLessThan(2000);
  await user.click(screen.getByText(`显示更多（还有 ${300 - ROW_PAGE} 行）`));
  expect(rowsShown()).toBe(ROW_PAGE * 3);
});

test('the form: defaults to last month with the titles’ team; field errors in Chinese; nothing prepared', async () => {
  const user = userEvent.setup();
  const svc = fakeService(check(workbook([GOOD.penalty])));
  renderPane(svc);
  await openSubmission(user);
  expect(screen.getByRole('combobox', { name: '开始月份' })).toHaveValue('2023-10');
  expect(screen.getByRole('combobox', { name: '结束月份' })).toHaveValue('2023-10');
  expect(screen.getByRole('textbox', { name: /报送单位/ })).toHaveValue('天宁镇综合行政执法队');
  expect(screen.getByRole('textbox', { name: /收件邮箱/ })).toHaveValue('jiaochengxzfy@163.com');
  expect(screen.getByText('报送截止日期：2023年11月1日（已逾期 4 天）')).toBeInTheDocument();

  await user.selectOptions(screen.getByRole('combobox', { name: '开始月份' }), '2023-11');
  expect(screen.queryByText(/报送截止日期/)).toBeNull(); // out of order: no due date
  await user.type(screen.getByRole('textbox', { name: /电话/ }), '12345');
  await user.clear(screen.getByRole('textbox', { name: /收件邮箱/ }));
  await user.type(screen.getByRole('textbox', { name: /收件邮箱/ }), 'abc');
  await user.click(screen.getByRole('button', { name: '生成报送文件' }));
  // Month errors in the dropdowns' own words; the first field with an error has the focus.
  expect(await screen.findByText('结束月份（2023年10月）早于开始月份（2023年11月），请重新选择。')).toBeInTheDocument();
  await waitFor(() => expect(screen.getByRole('combobox', { name: '开始月份' })).toHaveFocus());
  expect(screen.getByText('请写联系人姓名')).toBeInTheDocument();
  expect(screen.getByText(/电话应为手机号/)).toBeInTheDocument();
  expect(screen.getByText(/收件邮箱“abc”格式不对/)).toBeInTheDocument();
  expect(svc.saveSettings).not.toHaveBeenCalled();
  expect(svc.checkAll).toHaveBeenCalledTimes(1);
});

test('saved settings fill the form', async () => {
  const user = userEvent.setup();
  const svc = fakeService(check(workbook([GOOD.penalty])), {
    settings: { team: '城关镇综合行政执法队', contact: { name: '李四', title: '队长', phone: '0358-1234567' }, to: 'a@example.com' },
  });
  renderPane(svc);
  await openSubmission(user);
  expect(screen.getByRole('textbox', { name: /报送单位/ })).toHaveValue('城关镇综合行政执法队');
  expect(screen.getByRole('textbox', { name: /姓名/ })).toHaveValue('李四');
  expect(screen.getByRole('textbox', { name: /电话/ })).toHaveValue('0358-1234567');
  expect(screen.getByRole('textbox', { name: /收件邮箱/ })).toHaveValue('a@example.com');
});

test('where settings are kept and whether TZ functions exist is said as the host has it: a workbook in Excel, the browser on the offline page', async () => {
  const user = userEvent.setup();
  const excel = fakeService(check(workbook([GOOD.penalty])));
  const { unmount } = renderPane(excel);
  await openSubmission(user);
  expect(screen.getByText(/会记在本工作簿中/)).toBeInTheDocument();
  expect(screen.getByText(/可在单元格中使用 TZ\.REPORT_MONTH/)).toBeInTheDocument();
  unmount();
  const offline = Object.assign(fakeService(check(workbook([GOOD.penalty]))), { features: () => ({ functions: false, settingsIn: 'browser' as const }) });
  renderPane(offline);
  await openSubmission(user);
  expect(screen.getByText(/会记在这台电脑的浏览器中/)).toBeInTheDocument();
  expect(screen.queryByText(/本工作簿中，下次自动填好/)).toBeNull();
  expect(screen.queryByText(/TZ\.REPORT_MONTH/)).toBeNull();
  expect(screen.getByText(/节假日和调休安排收录/)).toBeInTheDocument();
});

/**
 * Waits for what the user waits for: one dialog open, accessible, with focus inside it. (A dialog
 * still closing stays in the page during its exit motion, hidden by Fluent's focus manager: the
 * test waits for it to be gone before opening the next, and asks for the open one each time.)
 */
async function openDialog(): Promise<HTMLElement> {
  let dialog: HTMLElement | null = null;
  await waitFor(() => {
    dialog = screen.getByRole('dialog');
    expect(dialog.contains(document.activeElement)).toBe(true);
  });
  return dialog!;
}

/** Waits until no dialog is left in the page, closing ones included. */
async function dialogGone(): Promise<void> {
  await waitFor(() => expect(document.querySelector('[role="dialog"]')).toBeNull());
}

async function prepare(svc: FakeService, user: ReturnType<typeof userEvent.setup>) {
  await openSubmission(user);
  await fillContact(user);
  await user.click(screen.getByRole('button', { name: '生成报送文件' }));
}

test('package refused: the blocking rows are listed and clickable; confirming builds it with the errors', async () => {
  const user = userEvent.setup();
  const svc = fakeService(check(workbook([GOOD.penalty, BAD_OFFICERS])));
  renderPane(svc);
  await prepare(svc, user);
  expect(await screen.findByRole('heading', { level: 2, name: '没有生成报送文件' })).toBeInTheDocument();
  const refusal = screen.getByRole('region', { name: '没有生成报送文件' });
  expect(within(refusal).getByText(/2023年10月的台账中有1行存在1处错误/)).toBeInTheDocument();
  // Announced (a live region) and focused.
  expect(document.querySelector('[aria-live="polite"]')).toHaveTextContent(/^没有生成报送文件。2023年10月的台账中有1行存在1处错误/);
  await waitFor(() => expect(screen.getByRole('heading', { level: 2, name: '没有生成报送文件' })).toHaveFocus());
  expect(svc.saveSettings).toHaveBeenCalledWith({
    team: '天宁镇综合行政执法队',
    contact: { name: '张三', title: '综合执法队队员', phone: '13812345678' },
    to: 'jiaochengxzfy@163.com',
  });
  expect(svc.checkAll).toHaveBeenCalledTimes(2); // checked again before building
  const blocking = within(screen.getByRole('list', { name: '有错误的行' })).getAllByRole('button');
  expect(blocking).toHaveLength(1);
  expect(blocking[0]).toHaveTextContent(`${P} 第4行 · I4「执法人员」`);
  expect(blocking[0]).toHaveTextContent('“王明”只有一人');
  expect(blocking[0]).toHaveTextContent('执法人员不足两人');
  await user.click(blocking[0]);
  expect(svc.selectCell).toHaveBeenCalledWith(P, 'I4');

  // Enter twice from the button never ships the errors: the dialog opens on the safe choice.
  screen.getByRole('button', { name: '仍然生成（含错误）' }).focus();
  await user.keyboard('{Enter}');
  const dialog = await openDialog();
  expect(within(dialog).getByText('确认生成含错误的报送文件？')).toBeInTheDocument();
  await waitFor(() => expect(within(dialog).getByRole('button', { name: '返回修改' })).toHaveFocus());
  await user.keyboard('{Enter}');
  await dialogGone();
  expect(screen.queryByText('报送文件已生成')).toBeNull();
  expect(screen.queryByText(/报送文件已生成/)).toBeNull();

  // The page behind a closing dialog stays aria-hidden for a moment: wait until it is usable again.
  await user.click(await screen.findByRole('button', { name: '仍然生成（含错误）' }));
  await openDialog();
  await user.click(await screen.findByRole('button', { name: '仍然生成' }));
  const ready = await screen.findByRole('heading', { level: 2, name: '报送文件已生成（含 1 处错误）' }, { timeout: BUILD_WAIT });
  await waitFor(() => expect(ready).toHaveFocus()); // focus on the result, not the page body
  expect(screen.getByText(/按您的确认，Word 台账中含有 1 处错误；它们列在本页最下面的“文件中含有的错误”中/)).toBeInTheDocument();
  // The save buttons come before the (collapsed) list of errors.
  const save = screen.getByRole('button', { name: '保存 Word 台账' });
  const errors = screen.getByRole('button', { name: '文件中含有的错误（1 处）' });
  expect(save.compareDocumentPosition(errors) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  expect(screen.queryByRole('list', { name: '有错误的行' })).toBeNull();
  await user.click(errors);
  expect(within(await screen.findByRole('list', { name: '有错误的行' })).getAllByRole('button')).toHaveLength(1);
});

test('package ready: Word file, .eml draft, mailto link and copy buttons', async () => {
  const user = userEvent.setup();
  const writeText = jest.fn(async () => undefined);
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
  const svc = fakeService(check(workbook([GOOD.penalty]).slice(0, 2)), { platform: 'Mac' });
  const { deliver } = renderPane(svc);
  await prepare(svc, user);
  const ready = await screen.findByRole('heading', { level: 2, name: '报送文件已生成' }, { timeout: BUILD_WAIT });
  await waitFor(() => expect(ready).toHaveFocus());
  expect(within(screen.getByRole('region', { name: '报送文件' })).getByText(/天宁镇综合行政执法队2023年10月：行政处罚 1 件，行政检查 1 件，行政强制 0 件/)).toBeInTheDocument();
  expect(document.querySelector('[aria-live="polite"]')).toHaveTextContent('报送文件已生成。天宁镇综合行政执法队2023年10月：行政处罚 1 件，行政检查 1 件，行政强制 0 件。');
  expect(screen.getByText(/Word 文件中该表写“本期无行政强制案件”/)).toBeInTheDocument(); // a notice from the package
  expect(screen.getByText('天宁镇综合行政执法队2023年10月行政执法案件台账.docx')).toBeInTheDocument();

  await user.click(screen.getByRole('button', { name: '保存 Word 台账' }));
  expect(deliver).toHaveBeenCalledTimes(1);
  const [carried, platform] = (deliver as jest.Mock).mock.calls[0];
  expect(platform).toBe('Mac');
  expect(carried.primary).toBe(0);
  expect(carried.files.map((f: { name: string }) => f.name)).toEqual([
    '天宁镇综合行政执法队2023年10月行政执法案件台账.docx',
    '天宁镇综合行政执法队2023年10月行政执法案件台账报备.eml',
  ]);
  expect(Buffer.from(carried.files[0].bytes.slice(0, 2)).toString()).toBe('PK');
  expect(await screen.findByText('已开始下载')).toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: '保存邮件草稿（.eml）' }));
  expect((deliver as jest.Mock).mock.calls[1][0].primary).toBe(1);

  const mailto = screen.getByRole('link', { name: '用默认邮件程序打开' });
  expect(mailto.getAttribute('href')).toMatch(/^mailto:jiaochengxzfy@163\.com\?subject=/);
  expect(screen.getByText(/mailto 链接和网页邮箱不能自动带附件/)).toBeInTheDocument();

  await user.click(screen.getByRole('button', { name: '复制主题' }));
  expect(writeText).toHaveBeenCalledWith('天宁镇综合行政执法队2023年10月行政执法案件台账报备');
  expect(await screen.findByText('主题已复制，可以粘贴到邮件中。')).toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: '复制正文' }));
  expect((writeText.mock.calls[1] as unknown as string[])[0]).toContain('县司法局行政复议与应诉股：');
  expect(screen.getByRole('textbox', { name: '正文' })).toHaveValue((writeText.mock.calls[1] as unknown as string[])[0]);
});

test('the submission module is loaded only when a package is prepared', async () => {
  const user = userEvent.setup();
  const load = jest.fn(() => import('../../src/taskpane/submit-api'));
  const svc = fakeService(check(workbook([GOOD.penalty])));
  renderPane(svc, { loadSubmission: load });
  await openSubmission(user);
  await fillContact(user);
  expect(load).not.toHaveBeenCalled();
  await user.click(screen.getByRole('button', { name: '生成报送文件' }));
  await screen.findByRole('heading', { level: 2, name: '报送文件已生成' }, { timeout: BUILD_WAIT });
  expect(load).toHaveBeenCalledTimes(1);
});

test('a period with no penalty cases is flagged', async () => {
  const user = userEvent.setup();
  const svc = fakeService(check(workbook([], [GOOD.inspection])));
  renderPane(svc);
  await prepare(svc, user);
  expect(await screen.findByText(/本期没有行政处罚案件/, {}, { timeout: BUILD_WAIT })).toBeInTheDocument();
});

// Silence React's act() warnings from Fluent's async focus management.
void React;
