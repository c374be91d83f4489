/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
/*
 * (Node's export conditions: exceljs's uuid has an ESM-only browser build jest cannot load.)
 * The 县局汇总 tab in the pane, over the real Excel session and the fake Excel: packages made by
 * our own submit code picked with the file input → per-township status, the unreadable file and
 * the corrected resend shown; 写入工作簿 adds summaryWorkbook's sheets after the last sheet with
 * the same cells (a clash renamed, a township named like a formula kept as text, the old sheets
 * untouched); the .xlsx and the 通报 .docx handed to delivery.
 */
import { renderPane } from '../taskpane/helpers';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { rollUp, summaryWorkbook } from '../../src/rollup';
import type { Carried } from '../../src/download/codec';
import type { DeliveryResult } from '../../src/excel/delivery';
import { newSheetOf } from '../../src/taskpane/rollup-sheets';
import { dueLabel, pickedText } from '../../src/taskpane/RollupPanel';
import { unreadableText } from '../../src/taskpane/RollupResult';
import { TODAY, fixtureWorkbook, setup, teardown } from '../excel/helpers';
import { FORMULA_TOWNSHIP, TOWNSHIPS, expectedRows, formulasIn, pickedFiles, sheetRows } from './pane-helpers';

// jsdom 20's Blob has no arrayBuffer() (browsers have had it since 2019): read it as a browser would.
if (!Blob.prototype.arrayBuffer) {
  Blob.prototype.arrayBuffer = function arrayBuffer(this: Blob): Promise<ArrayBuffer> {
    return new Promise((resolve, reject) => {
      const r = new FileReader();
      r.onload = () => resolve(r.result as ArrayBuffer);
      r.onerror = () => reject(r.error);
      r.readAsArrayBuffer(this);
    });
  };
}

/** Reading and rolling up five packages in jsdom takes seconds on a loaded machine. */
const WAIT = { timeout: 45_000 };

afterEach(() => teardown());

async function files(): Promise<File[]> {
  return (await pickedFiles()).map((f) => new File([f.bytes as Uint8Array<ArrayBuffer>], f.name));
}

async function openTab(user: ReturnType<typeof userEvent.setup>) {
  await user.click(await screen.findByRole('tab', { name: '县局汇总' }, WAIT));
  return screen.findByRole('button', { name: '汇总' }, WAIT);
}

test('the picked-files line; the due date; an unreadable file named once', () => {
  expect(unreadableText({ file: '坏.docx', reason: '坏.docx 不是 Word 文档' })).toBe('坏.docx 不是 Word 文档');
  expect(unreadableText({ file: '乡.eml › 台账.doc', reason: '台账.doc 是旧版 Office 格式' })).toBe('乡.eml › 台账.doc 是旧版 Office 格式');
  expect(unreadableText({ file: '乡.eml', reason: '邮件没有附件' })).toBe('乡.eml：邮件没有附件');
  expect(dueLabel('2023-10')).toBe('2023年11月1日');
  expect(dueLabel('2023-12')).toBe('2024年1月1日');
  expect(pickedText([])).toBe('还没有选择文件');
  expect(pickedText(['a.eml', 'b.eml'])).toBe('已选 2 个文件：a.eml、b.eml');
  expect(pickedText(['a', 'b', 'c', 'd'])).toBe('已选 4 个文件：a、b、c 等');
});

test('no files picked: says what to pick, writes nothing', async () => {
  const wb = await fixtureWorkbook();
  const before = wb.sheets.length;
  const s = setup(wb);
  const user = userEvent.setup();
  renderPane(s.service);
  await user.click(await openTab(user));
  // Shown, and said in the live region.
  expect(await screen.findAllByText(/^没有汇总：还没有选择文件：请点“选择文件”，选中各乡镇报送的邮件/, undefined, WAIT)).toHaveLength(2);
  expect(wb.sheets.length).toBe(before);
}, 60_000);

test('the wrong month picked: says which months the files report', async () => {
  const s = setup(await fixtureWorkbook());
  const user = userEvent.setup();
  renderPane(s.service);
  await openTab(user);
  await user.selectOptions(screen.getByRole('combobox', { name: /汇总月份/ }), '2023-09');
  await user.upload(screen.getByLabelText('选择各乡镇报送的文件'), await files());
  await user.click(screen.getByRole('button', { name: '汇总' }));
  expect(await screen.findByText('所选文件中没有2023年9月的报送，它们报送的是2023年10月：请确认上面的“汇总月份”后重新汇总。', undefined, WAIT)).toBeInTheDocument();
  expect(screen.getByText('按时 0 · 逾期 0 · 未报 3')).toBeInTheDocument();
}, 90_000);

test('picked packages → statuses, unreadable file, resend; 写入工作簿 adds summaryWorkbook’s sheets; .xlsx and .docx delivered', async () => {
  const wb = await fixtureWorkbook();
  wb.userAddSheet({ name: '汇总', rows: [['县局原有的汇总表']] });
  const before = wb.sheets.map((x) => x.name);
  const values = wb.valueSnapshot();
  const s = setup(wb);
  const delivered: Carried[] = [];
  const deliver = jest.fn(async (c: Carried, _platform: string | null): Promise<DeliveryResult> => {
    delivered.push(c);
    return { route: 'download', delivered: [c.files[c.primary].name], skipped: [], message: `已开始下载“${c.files[c.primary].name}”。` };
  });
  const user = userEvent.setup();
  renderPane(s.service, { deliver });
  await openTab(user);

  // Default month: last month (today is 2023-11-05).
  expect(screen.getByRole('combobox', { name: /汇总月份/ })).toHaveValue('2023-10');
  expect(screen.getByText('报送截止日期：2023年11月1日')).toBeInTheDocument();
  await user.click(screen.getByRole('textbox', { name: /应报乡镇名单/ }));
  await user.paste(TOWNSHIPS.join('\n'));
  await user.upload(screen.getByLabelText('选择各乡镇报送的文件'), await files());
  expect(screen.getByText(/已选 5 个文件/)).toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: '汇总' }));

  const list = await screen.findByRole('list', { name: '各乡镇报送情况' }, WAIT);
  const items = within(list).getAllByRole('listitem').map((li) => li.getAttribute('aria-label'));
  expect(items).toEqual(['天宁镇：按时', '西营镇：逾期 2 天', '水峪贯镇：已报（时间不明）', '会立乡：未报（已逾期 4 天）', `${FORMULA_TOWNSHIP}：未报（已逾期 4 天）`]);
  // The counted correction's time, and the first report's (timeliness is the first report's).
  expect(within(list).getByText(/2023年11月2日 14:30 收到（首次报送 2023年10月31日 09:12） · 处罚 4 件/)).toBeInTheDocument();
  expect(screen.getByText('按时 1 · 逾期 1 · 未报 2 · 时间不明 1')).toBeInTheDocument();
  expect(screen.getByText('1 个文件无法读取')).toBeInTheDocument();
  expect(screen.getByText(/^坏文件\.docx 不是 Word 文档（\.docx），无法读取/)).toBeInTheDocument();
  expect(screen.getByText(/更正后重新报送的，取代了/)).toBeInTheDocument();

  // 写入工作簿: the roll-up's sheets, as the CLI's roll-up of the same files makes them.
  await user.click(screen.getByRole('button', { name: '写入工作簿' }));
  expect(await screen.findByText(/已在工作簿末尾添加 6 张工作表：汇总（2）、行政处罚、行政检查、行政强制、问题、文件。原有的工作表没有改动。/, undefined, WAIT)).toBeInTheDocument();
  const r = await rollUp(await pickedFiles(), { period: '2023-10', today: TODAY, townships: TOWNSHIPS });
  const sheets = summaryWorkbook(r).map(newSheetOf);
  const names = ['汇总（2）', '行政处罚', '行政检查', '行政强制', '问题', '文件'];
  expect(wb.sheets.map((x) => x.name)).toEqual([...before, ...names]);
  sheets.forEach((n, i) => {
    const width = Math.max(n.widths.length, ...n.rows.map((x) => x.length));
    expect(sheetRows(wb, names[i], width)).toEqual(expectedRows(n, width));
    expect(formulasIn(wb, names[i])).toEqual([]);
  });
  expect(sheetRows(wb, '汇总（2）', 1).flat()).toContain(FORMULA_TOWNSHIP);
  const after = wb.valueSnapshot();
  for (const n of before) expect(after[n]).toEqual(values[n]);

  // The two files, through the pane's delivery.
  await user.click(screen.getByRole('button', { name: '保存汇总表（.xlsx）' }));
  await waitFor(() => expect(delivered).toHaveLength(1), WAIT);
  await user.click(screen.getByRole('button', { name: '保存通报稿（.docx）' }));
  await waitFor(() => expect(delivered).toHaveLength(2), WAIT);
  expect(deliver.mock.calls.map((c) => c[1])).toEqual(['PC', 'PC']);
  const [xlsx, docx] = delivered.map((c) => c.files[0]);
  expect(xlsx.name).toBe('2023年10月乡镇行政执法案件汇总.xlsx');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
  expect(book.worksheets.map((w) => w.name)).toEqual(['汇总', '行政处罚', '行政检查', '行政强制', '问题', '文件']);
  expect(book.getWorksheet('汇总')!.getCell(1, 1).value).toBe(sheets[0].rows[0][0]);
  expect(docx.name).toBe('关于2023年10月乡镇行政执法案件台账报送情况的通报（草稿）.docx');
  const doc = await (await JSZip.loadAsync(docx.bytes)).file('word/document.xml')!.async('string');
  for (const w of ['会立乡', '西营镇', '通报']) expect(doc).toContain(w);
  expect(await screen.findByText(/已开始下载“关于2023年10月/, undefined, WAIT)).toBeInTheDocument();
}, 120_000);
