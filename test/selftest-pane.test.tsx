/** @jest-environment jsdom */
/* 自检 in the pane: the toolbar button, the dialog, the report and its copy button; the notes line under the results. */
import { check, fakeService, renderPane } from './taskpane/helpers';
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { SelfTestReport } from '../src/session/selftest';
import { formatSelfTestReport } from '../src/session/selftest';
import { GOOD, ledgerGrid } from './helpers/ledger';

/** A ceiling for Fluent's dialog in jsdom on a loaded machine, not a wait. */
const LOAD = 15_000;

const REPORT: SelfTestReport = {
  at: '2023-11-05 10:00',
  host: 'Excel',
  platform: 'PC',
  version: '16.0.14332.20000',
  sets: [
    { name: 'ExcelApi', version: '1.14' },
    { name: 'SharedRuntime', version: '1.1' },
  ],
  probes: [
    { id: 'cf-delete', title: '条件格式：添加 3 条，一批删除其中 2 条', status: 'passed', detail: '剩下 1 条（乙，应为“乙”）' },
    { id: 'protection', title: '受保护的工作表拒绝写入', status: 'failed', detail: '写入时没有报错（应为 AccessDenied）', code: 'GeneralException' },
  ],
};

function pane(report: SelfTestReport | Error) {
  const service = fakeService(check([ledgerGrid('penalty', [GOOD.penalty], '行政处罚案件台账')]));
  const selfTest = jest.fn(async () => {
    if (report instanceof Error) throw report;
    return report;
  });
  Object.assign(service, { selfTest });
  renderPane(service);
  return { service, selfTest };
}

test('自检 from the toolbar: runs the probes, shows the copyable report, says what to do when something failed', async () => {
  const { selfTest } = pane(REPORT);
  const user = userEvent.setup(); // installs its own clipboard: ours goes on top
  const writeText = jest.fn(async () => undefined);
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
  await user.click(await screen.findByRole('button', { name: '自检' }));
  const dialog = await screen.findByRole('dialog', { name: '自检' }, { timeout: LOAD });
  expect(dialog).toHaveTextContent('临时建立一张隐藏工作表');
  expect(selfTest).not.toHaveBeenCalled();
  await user.click(await screen.findByRole('button', { name: '开始自检' }));
  const report = (await screen.findByRole('textbox', { name: '自检报告' })) as HTMLTextAreaElement;
  expect(report.value).toBe(formatSelfTestReport(REPORT));
  expect(report.value).toContain('[失败] 受保护的工作表拒绝写入：写入时没有报错（应为 AccessDenied）（错误代码 GeneralException）');
  expect(await screen.findByText(/有项目没有通过。请点“复制报告”/)).toBeInTheDocument();
  await user.click(await screen.findByRole('button', { name: '复制报告' }));
  expect(writeText).toHaveBeenCalledWith(formatSelfTestReport(REPORT));
  expect(await screen.findByRole('button', { name: '已复制' })).toBeInTheDocument();
  await user.click(await screen.findByRole('button', { name: '关闭' }));
  await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
});

test('a self-test that cannot run says why and can be tried again', async () => {
  pane(new Error('读取或写入工作簿时出错（GeneralException）：boom。'));
  const user = userEvent.setup();
  await user.click(await screen.findByRole('button', { name: '自检' }));
  await user.click(await screen.findByRole('button', { name: '开始自检' }, { timeout: LOAD }));
  expect(await screen.findByText(/自检没能完成：读取或写入工作簿时出错/)).toBeInTheDocument();
  expect(screen.getByRole('button', { name: '开始自检' })).toBeEnabled();
});

test('the session’s notes (marks not updated on a sheet, and why) show under the toolbar, results unchanged', async () => {
  const { service } = pane(REPORT);
  const note = '「行政处罚案件台账」受工作表保护，没有更新标记（检查结果照常列出）。如需写入，请先在“审阅”中撤销工作表保护。';
  await screen.findByRole('list', { name: '本工作簿中的台账' });
  act(() => service.emit({ ...service.current(), notes: [note], version: service.current().version + 1 }));
  expect(await screen.findByText(note)).toBeInTheDocument();
  expect(screen.getByRole('list', { name: '本工作簿中的台账' })).toBeInTheDocument();
});
