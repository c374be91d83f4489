/** @jest-environment jsdom */
/*
 * The offline page in a clerk's hands (issue 20), with its worker's work done in process: focus
 * after choosing a file (on the result's heading, or on the message when it cannot be read);
 * Excel's ~$ lock files, empty files and files gone or locked after choosing, named in Chinese;
 * changes not saved as a copy are never dropped without asking (another file, closing the tab).
 */
import { testRenderer } from '../taskpane/helpers';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FluentProvider, RendererProvider, webLightTheme } from '@fluentui/react-components';
import { OfflinePage } from '../../src/offline/OfflinePage';
import type { OfflineFiles } from '../../src/offline/types';
import { WorkbookFile } from '../../src/offline/workbook-file';
import type { SubmissionApi } from '../../src/taskpane/SubmissionPanel';
import type { RollupApi } from '../../src/taskpane/RollupPanel';
import { GOOD, ledgerGrid } from '../helpers/ledger';

/** A chosen file: its name, size and how reading it goes. */
function chosen(name: string, size = 100, read: () => Promise<ArrayBuffer> = async () => new ArrayBuffer(size)): File {
  return { name, size, type: '', arrayBuffer: read } as unknown as File;
}

/** The worker's work in process: any file is a one-sheet penalty ledger named after it. */
function fakeFiles() {
  const files = {
    open: jest.fn(async (name: string, bytes: Uint8Array, progress: (d: number, t: number) => void) => {
      progress(0, 3);
      progress(3, 3);
      return new WorkbookFile(name, bytes, [{ id: 's1', grid: ledgerGrid('penalty', [GOOD.penalty], '行政处罚案件台账') }], false);
    }),
    copy: jest.fn(async (f: WorkbookFile) => ({ name: `${f.name}（已填报送月份）.xlsx`, bytes: new Uint8Array([1, 2, 3]) })),
    buildPackage: jest.fn(async () => {
      throw new Error('not in this test');
    }),
  };
  return files as typeof files & OfflineFiles;
}

const noSubmission = (): Promise<SubmissionApi> => Promise.reject(new Error('not in this test'));
const noRollup = (): Promise<RollupApi> => Promise.reject(new Error('not in this test'));

function renderPage(files: OfflineFiles, win: EventTarget) {
  const items = new Map<string, string>();
  const storage = { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v) };
  return render(
    <RendererProvider renderer={testRenderer()}>
      <FluentProvider theme={webLightTheme}>
        <OfflinePage loadSubmission={noSubmission} loadRollup={noRollup} files={files} storage={storage} win={win as unknown as Window} />
      </FluentProvider>
    </RendererProvider>,
  );
}

function choose(f: File): void {
  const input = document.querySelector('input[type=file][aria-label="选择台账文件"]') as HTMLInputElement;
  fireEvent.change(input, { target: { files: [f] } });
}

/** Whether closing the tab now would ask first. */
function leaveAsks(win: EventTarget): boolean {
  const e = new Event('beforeunload', { cancelable: true });
  win.dispatchEvent(e);
  return e.defaultPrevented;
}

beforeAll(() => {
  Object.assign(URL, { createObjectURL: jest.fn(() => 'blob:x'), revokeObjectURL: jest.fn() });
  jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
});

test('choosing a file: one h1, landmarks, focus on the result’s heading; unreadable files named in Chinese with what to do, the message focused', async () => {
  const user = userEvent.setup();
  const files = fakeFiles();
  const win = new EventTarget();
  renderPage(files, win);
  expect(screen.getAllByRole('heading', { level: 1 }).map((h) => h.textContent)).toEqual(['执法台账助手（离线版）']);
  expect(screen.getByRole('banner')).toBeInTheDocument();
  expect(screen.getByRole('main')).toBeInTheDocument();

  // The button is chosen with the keyboard; the browser's file dialog answers with a file.
  const button = screen.getByRole('button', { name: '选择台账文件' });
  button.focus();
  await user.keyboard('{Enter}');
  choose(chosen('台账.xlsx'));
  const heading = await screen.findByRole('heading', { level: 2, name: '正在检查：台账.xlsx' });
  await waitFor(() => expect(heading).toHaveFocus());
  expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
  expect(screen.getAllByRole('main')).toHaveLength(1);
  await screen.findByRole('listitem', { name: '行政处罚案件台账' });

  const message = async (f: File) => {
    choose(f);
    const alert = await screen.findByRole('alert');
    await waitFor(() => expect(alert).toHaveFocus());
    return alert.textContent ?? '';
  };
  expect(await message(chosen('~$台账.xlsx', 165))).toBe('「~$台账.xlsx」是 Excel 或 WPS 打开台账时自动生成的临时锁定文件，不是台账本身。请选择同一文件夹中不带“~$”的那个文件（「台账.xlsx」）。');
  expect(await message(chosen('空的.xlsx', 0))).toMatch(/^「空的\.xlsx」是空文件（0 字节）/);
  const gone = await message(chosen('移走了.xlsx', 100, () => Promise.reject(new DOMException('A requested file or directory could not be found at the time an operation was processed.', 'NotFoundError'))));
  expect(gone).toBe('找不到「移走了.xlsx」了：选择之后，它被移动、改名或删除了。请重新选择文件。');
  const locked = await message(chosen('在保存.xlsx', 100, () => Promise.reject(new DOMException('The requested file could not be read, typically due to permission problems that have occurred after a reference to a file was acquired.', 'NotReadableError'))));
  expect(locked).toMatch(/^读不了「在保存\.xlsx」：选择之后，这个文件被修改了，或者正被别的程序占用/);
  expect(locked).not.toMatch(/permission|requested|could not/); // no English from the browser
  // A reader's refusal (the worker's Chinese line) is shown as it is.
  files.open.mockRejectedValueOnce(new Error('台账.ods 是 OpenDocument 表格（.ods），不是 Excel 工作簿。'));
  expect(await message(chosen('台账.ods'))).toContain('OpenDocument');
  expect(files.open).toHaveBeenCalledTimes(2); // the lock, empty, gone and locked files never reached the reader
});

test('unsaved changes: closing the tab asks; another file asks first, the safe choice focused; saving the copy first, then opening', async () => {
  const user = userEvent.setup();
  const files = fakeFiles();
  const win = new EventTarget();
  renderPage(files, win);
  choose(chosen('甲.xlsx'));
  await screen.findByRole('listitem', { name: '行政处罚案件台账' });
  expect(leaveAsks(win)).toBe(false);

  await user.click(screen.getByRole('button', { name: '填写报送月份' }));
  await screen.findByText(/已在 L 列写入 1 行的报送月份/);
  expect(screen.getByText('有还没有保存的改动')).toBeInTheDocument();
  expect(leaveAsks(win)).toBe(true);

  // Another file: asked first; the first button (focused) keeps the page as it is.
  choose(chosen('乙.xlsx'));
  let dialog = await screen.findByRole('dialog');
  expect(within(dialog).getByText('「甲.xlsx」的改动还没有保存')).toBeInTheDocument();
  await waitFor(() => expect(within(dialog).getByRole('button', { name: '不打开，留在这里' })).toHaveFocus());
  await user.keyboard('{Enter}');
  await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  // The page behind a closing dialog stays aria-hidden for a moment.
  expect(await screen.findByRole('heading', { level: 2, name: '正在检查：甲.xlsx' })).toBeInTheDocument();
  expect(files.open).toHaveBeenCalledTimes(1);

  choose(chosen('乙.xlsx'));
  dialog = await screen.findByRole('dialog');
  await user.click(within(dialog).getByRole('button', { name: '先保存副本，再打开' }));
  await screen.findByRole('heading', { level: 2, name: '正在检查：乙.xlsx' });
  expect(files.copy).toHaveBeenCalledTimes(1);
  expect(files.copy.mock.calls[0][0].name).toBe('甲.xlsx');
  expect(files.copy.mock.calls[0][0].changes.length).toBeGreaterThan(0);
  expect(leaveAsks(win)).toBe(false);

  // Saved copies count: after 保存工作簿副本 nothing is left to ask about.
  await user.click(await screen.findByRole('button', { name: '填写报送月份' }));
  await screen.findByText(/已在 L 列写入 1 行的报送月份/);
  expect(leaveAsks(win)).toBe(true);
  await user.click(screen.getByRole('button', { name: '保存工作簿副本' }));
  await screen.findByText(/已开始下载“乙\.xlsx（已填报送月份）\.xlsx”/);
  expect(leaveAsks(win)).toBe(false);
  // Without asking, the next file opens at once.
  await act(async () => choose(chosen('丙.xlsx')));
  await screen.findByRole('heading', { level: 2, name: '正在检查：丙.xlsx' });
  expect(screen.queryByRole('dialog')).toBeNull();
});
