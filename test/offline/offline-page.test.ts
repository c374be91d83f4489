/*
 * The offline page (dist/offline/执法台账助手.html) as a clerk uses it, in headless Chromium from
 * file:// with the network off and every request but the page itself refused, from the build the
 * test files share (test/helpers/builds.ts; TZ_OFFLINE_DIST=<dist> reuses one):
 *  - the sample workbook chosen with the keyboard: focus on the result; its issues; axe with no
 *    violation of ours (`region` included) and one h1, at 320 and 900 px; badges on one line;
 *    a clicked issue answered in view with the cell's address; 填写报送月份 → the copy saved
 *    and read back; asked before the tab closes with unsaved changes; the October package;
 *    Excel's ~$ lock file and an empty file named; no request at all;
 *  - 县局汇总 with every container the county receives (.msg, mbox, .zip, a .rar in a mail, a
 *    broken file), read and rolled up in the page's worker: the townships' lines, the sheets in
 *    the saved copy, the summary .xlsx and the 通报 draft read back; no request;
 *  - a 40,000-row workbook: 读取 n/N 行 while reading, and the page's long tasks recorded for
 *    reading and checking, the copy and the package (written to test-output/offline-long-tasks.json;
 *    the figures themselves are the bench's: `npm run bench -- offline`).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Browser, Page } from 'playwright-core';
import { FIXTURE } from '../excel/helpers';
import * as H from '../helpers/hostile-files';
import { axeCheck, headingLevels } from '../helpers/axe';
import { builtAll } from '../helpers/builds';
import { CHROMIUM, CHROMIUM_ARGS, HAS_CHROMIUM } from '../helpers/pane-browser';
import { BIG_ROWS, bigBook } from './big-book';
import { TOWNSHIPS } from '../rollup/pane-helpers';
import { gbkZip, mailHeaders, mbox, outlookMsg, rar5, rfc822 } from '../rollup/formats';
import { TIANNING_OCT, townshipPackage } from '../../scripts/rollup-samples';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { OFFLINE_PAGE } = require('../../scripts/build-wps-config.js');

const ROOT = path.resolve(__dirname, '..', '..');
const OUT = path.join(ROOT, 'test-output');
if (!HAS_CHROMIUM) console.warn(`test/offline/offline-page.test.ts: 找不到 Chromium（${CHROMIUM}），跳过离线页面的浏览器测试`);

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tz-offline-page-'));
let DIST = process.env.TZ_OFFLINE_DIST ? path.resolve(process.env.TZ_OFFLINE_DIST) : '';
let browser: Browser;

beforeAll(async () => {
  if (!DIST) DIST = (await builtAll()).dir;
  fs.mkdirSync(OUT, { recursive: true });
  if (!HAS_CHROMIUM) return;
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { chromium } = require('playwright-core') as typeof import('playwright-core');
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}, 900_000);

afterAll(async () => {
  await browser?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const pageUrl = () => 'file://' + path.join(DIST, OFFLINE_PAGE);

test('the page is one file: no script, style, font or image from anywhere; its CSP allows no connection, workers only from blob: (and WebAssembly for the roll-up’s .rar)', () => {
  const html = fs.readFileSync(path.join(DIST, OFFLINE_PAGE), 'utf8');
  expect(html.match(/<script\b[^>]*\ssrc=/gi)).toBeNull();
  expect(html.match(/<link\b/gi)).toBeNull();
  expect(html).not.toMatch(/@font-face|url\(\s*['"]?(https?:|\/\/)/);
  const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)![1];
  expect(csp.split(';').map((d) => d.trim())).toEqual(["default-src 'none'", "script-src 'unsafe-inline' 'wasm-unsafe-eval'", 'worker-src blob:', "style-src 'unsafe-inline'", 'img-src data: blob:', "connect-src 'none'", "form-action 'none'", "base-uri 'none'"]);
  // The worker travels in the page as text the page does not run.
  expect(html).toMatch(/<script type="text\/plain" id="tz-worker">/);
  expect(fs.readdirSync(path.join(DIST, 'offline'))).toEqual(['执法台账助手.html']);
});

type Route = { request(): { url(): string }; continue(): void; abort(): void };

/** A page of the offline file with the network off: requests, errors and long tasks recorded. */
async function openPage(width: number): Promise<{ page: Page; requests: string[]; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, acceptDownloads: true, offline: true });
  const page = await context.newPage();
  await page.clock.setFixedTime(new Date('2023-11-05T10:00:00'));
  const requests: string[] = [];
  const problems: string[] = [];
  page.on('request', (r) => requests.push(decodeURI(r.url())));
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  await context.route('**/*', (route: Route) => (decodeURI(route.request().url()) === decodeURI(pageUrl()) ? route.continue() : route.abort()));
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: [number, number][]; __progress: string[] };
    w.__longTasks = [];
    w.__progress = [];
    new PerformanceObserver((l) => l.getEntries().forEach((e) => w.__longTasks.push([e.startTime, e.duration]))).observe({ type: 'longtask', buffered: true });
    // Every text the reading progress shows (a MutationObserver misses nothing a poll would).
    new MutationObserver(() => {
      const t = document.querySelector('[role="status"] [class*="fui-Caption1"]')?.textContent;
      if (t && t !== w.__progress[w.__progress.length - 1]) w.__progress.push(t);
    }).observe(document, { childList: true, subtree: true, characterData: true });
  });
  await page.goto(pageUrl());
  await page.getByRole('button', { name: '选择台账文件' }).waitFor({ timeout: 15_000 });
  return { page, requests, problems };
}

/** Long tasks since the last call, in ms. */
async function longTasks(page: Page): Promise<number[]> {
  return page.evaluate(() => (window as unknown as { __longTasks: [number, number][] }).__longTasks.splice(0).map(([, d]) => Math.round(d)));
}

/** Chooses a file as a keyboard user does: Enter on the button, the file in the browser's dialog. */
async function chooseWithKeyboard(page: Page, file: string): Promise<void> {
  // A refusal shown just before moves focus to its message when it renders: under load that can
  // land after our focus, so Enter is pressed once the button really holds the focus.
  const button = page.getByRole('button', { name: '选择台账文件' });
  for (let attempt = 1; ; attempt++) {
    await button.focus();
    await page.waitForFunction(() => document.activeElement?.textContent === '选择台账文件');
    const chooser = await Promise.all([page.waitForEvent('filechooser', { timeout: 10_000 }), page.keyboard.press('Enter')]).then(([c]) => c, (e) => (attempt < 3 ? null : Promise.reject(e)));
    if (chooser) return chooser.setFiles(file);
  }
}

(HAS_CHROMIUM ? test : test.skip)(
  'the sample workbook from file:// with no network: chosen with the keyboard, its issues, the answers in view, the copy, the leave prompt, the package; axe clean; no request at all',
  async () => {
    const { page, requests, problems } = await openPage(320);
    await page.screenshot({ path: path.join(OUT, 'offline-start.png') });

    // Excel's lock file and an empty file: named, with what to do, before anything is read; the message focused.
    const refused = async (file: string, text: string) => {
      await page.setInputFiles('input[type=file]', file);
      await page.getByRole('alert').getByText(text, { exact: false }).waitFor({ timeout: 15_000 });
      await page.waitForFunction((t) => document.activeElement?.getAttribute('role') === 'alert' && !!document.activeElement.textContent?.includes(t), text);
    };
    const lock = path.join(tmp, '~$sample-2023-10.xlsx');
    fs.writeFileSync(lock, Buffer.alloc(165, 1));
    await refused(lock, '「~$sample-2023-10.xlsx」是 Excel 或 WPS 打开台账时自动生成的临时锁定文件');
    const empty = path.join(tmp, '空.xlsx');
    fs.writeFileSync(empty, '');
    await refused(empty, '「空.xlsx」是空文件（0 字节）');
    // A file the reader refuses is refused as in the CLI.
    const ods = path.join(tmp, '台账.ods');
    fs.writeFileSync(ods, H.zip({ mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'content.xml': '<x/>' }));
    await refused(ods, '是 OpenDocument 表格（.ods');

    await chooseWithKeyboard(page, FIXTURE);
    const sheets = page.getByRole('list', { name: '本工作簿中的台账' });
    await sheets.waitFor({ timeout: 30_000 });
    // Focus on the result's heading, not dropped to the page.
    await page.waitForFunction(() => document.activeElement?.id === 'tz-file-heading');
    expect(await page.evaluate(() => document.activeElement!.textContent)).toBe('正在检查：sample-2023-10.xlsx');
    const items: string[] = await sheets.getByRole('listitem').allInnerTexts();
    expect(items.map((t) => t.replace(/\s+/g, ' '))).toEqual([
      expect.stringMatching(/^行政处罚 行政处罚案件台账 10 条记录 错误 \d+ 警告 \d+ 提示 \d+ 待办 0$/),
      expect.stringMatching(/^行政检查 行政检查案件台账 8 条记录 .* 待办 2$/),
      expect.stringMatching(/^行政强制 行政强制案件台账 5 条记录 .* 待办 1$/),
    ]);
    const issue = page.getByRole('button', { name: /F6「结案时间」.*2023年2月30日/ });
    await issue.first().waitFor({ timeout: 15_000 });
    expect(await issue.count()).toBe(1);
    // At 320 px every badge stays on one line (提示 used to wrap).
    const wrapped = await page.evaluate(() =>
      [...document.querySelectorAll('[aria-label="本工作簿中的台账"] .fui-Badge')].filter((b) => b.getClientRects().length && (b as HTMLElement).offsetHeight > 2 * parseFloat(getComputedStyle(b).lineHeight || '16')).map((b) => b.textContent),
    );
    expect(wrapped).toEqual([]);
    const lines = await page.evaluate(() => [...document.querySelectorAll('[aria-label="本工作簿中的台账"] .fui-Badge')].map((b) => { const r = document.createRange(); r.selectNodeContents(b); return new Set([...r.getClientRects()].map((x) => Math.round(x.top))).size; }));
    expect(Math.max(...lines)).toBe(1);
    // The group heading keeps the sheet's name apart from its count.
    expect(await page.getByRole('heading', { level: 2, name: /^行政处罚案件台账 · \d+ 行有问题$/ }).count()).toBe(1);
    // No 显示标记 in a file; one h1; axe has nothing of ours, region included.
    expect(await page.getByRole('button', { name: /显示标记|清除标记/ }).count()).toBe(0);
    expect((await headingLevels(page))[0]).toBe(1);
    expect((await headingLevels(page)).filter((l) => l === 1)).toHaveLength(1);
    const axe320 = await axeCheck(page);
    expect(axe320.ours).toEqual([]);
    expect([...axe320.minor, ...axe320.ours].map((f) => f.rule)).not.toContain('region');
    await page.screenshot({ path: path.join(OUT, 'offline-issues-320.png'), fullPage: true });

    // A click on an issue: the cell's address, shown where the clerk is looking.
    await issue.scrollIntoViewIfNeeded();
    await issue.click();
    const answer = page.getByRole('status').filter({ hasText: '名称框' });
    await answer.waitFor();
    expect(await answer.innerText()).toContain('「行政处罚案件台账」F6：离线页面不能跳到单元格');
    expect(await answer.innerText()).toContain('输入 F6 后按回车');
    const box = (await answer.locator('.fui-MessageBar').boundingBox())!;
    const view = page.viewportSize()!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(view.height);
    await page.screenshot({ path: path.join(OUT, 'offline-click-answer.png') });
    await answer.getByRole('button', { name: '知道了' }).click();

    // 填写报送月份 goes into the copy; closing the tab now asks; the copy is saved and read back.
    await page.setViewportSize({ width: 900, height: 1000 });
    const saveCopy = page.getByRole('button', { name: '保存工作簿副本' });
    expect(await saveCopy.isDisabled()).toBe(true);
    await page.getByRole('button', { name: '填写报送月份' }).click();
    await page.getByText('已在 L 列写入 10 行的报送月份', { exact: false }).waitFor({ timeout: 15_000 });
    const leave = page.waitForEvent('dialog');
    await page.close({ runBeforeUnload: true });
    const asked = await leave;
    expect(asked.type()).toBe('beforeunload');
    await asked.dismiss(); // stay
    expect(page.isClosed()).toBe(false);
    const [copy] = await Promise.all([page.waitForEvent('download'), saveCopy.click()]);
    expect(copy.suggestedFilename()).toBe('sample-2023-10（已填报送月份）.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await copy.path());
    const ws = wb.getWorksheet('行政处罚案件台账')!;
    expect([2, 3, 4, 6].map((r) => ws.getCell(`L${r}`).value)).toEqual(['报送月份', '2023-10', '2023-09', '日期有误']);
    expect(ws.getCell('L3').numFmt).toBe('@');
    expect(wb.getWorksheet('行政强制案件台账')!.getCell('N4').value).toBe('未结案');
    const original = new ExcelJS.Workbook();
    await original.xlsx.readFile(FIXTURE);
    expect(wb.worksheets.map((w) => w.name)).toEqual(original.worksheets.map((w) => w.name));
    expect((ws.model as unknown as { merges: string[] }).merges.sort()).toEqual((original.getWorksheet('行政处罚案件台账')!.model as unknown as { merges: string[] }).merges.sort());

    // The October package (built in the page's worker).
    await page.getByRole('tab', { name: '月度报送' }).click();
    await page.getByRole('textbox', { name: /姓名/ }).fill('张三');
    await page.getByRole('textbox', { name: /职务/ }).fill('综合执法队队员');
    await page.getByRole('textbox', { name: /电话/ }).fill('13812345678');
    await page.getByRole('button', { name: '生成报送文件' }).click();
    await page.getByText('没有生成报送文件', { exact: true }).waitFor({ timeout: 20_000 });
    // The confirm dialog opens on the safe choice: Enter goes back.
    await page.getByRole('button', { name: '仍然生成（含错误）' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await page.waitForFunction(() => document.activeElement?.textContent === '返回修改');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    expect(await page.getByRole('heading', { name: /^报送文件已生成/ }).count()).toBe(0);
    await page.getByRole('button', { name: '仍然生成（含错误）' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '仍然生成' }).click();
    const ready = page.getByRole('heading', { name: /^报送文件已生成（含 \d+ 处错误）$/ });
    await ready.waitFor({ timeout: 30_000 });
    await ready.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(OUT, 'offline-ready.png') });
    const [docx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '保存 Word 台账' }).click()]);
    expect(docx.suggestedFilename()).toBe('天宁镇综合行政执法队2023年10月行政执法案件台账.docx');
    const bytes = fs.readFileSync(await docx.path());
    const text = (await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(text).toContain('天宁镇综合行政执法队2023年10月1日--2023年10月31日行政处罚案件台账');
    const [eml] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '保存邮件草稿' }).click()]);
    const emlText = fs.readFileSync(await eml.path(), 'utf8');
    expect(emlText).toContain('X-Unsent: 1');
    expect(emlText.replace(/\r\n/g, '')).toContain(bytes.toString('base64'));
    const axe900 = await axeCheck(page);
    expect(axe900.ours).toEqual([]);
    fs.writeFileSync(path.join(OUT, 'offline-axe.json'), JSON.stringify({ 320: axe320, 900: axe900 }, null, 2));

    expect(problems).toEqual([]);
    // Not one request after the page itself (the worker starts from a blob: URL, no request).
    expect(requests.filter((u) => !u.startsWith('blob:'))).toEqual([decodeURI(pageUrl())]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(900);
    await page.context().close();
  },
  180_000,
);

(HAS_CHROMIUM ? test : test.skip)(
  '县局汇总 on the offline page: mails, Word files and .zip read in the page\u2019s worker (a .rar named as unreadable); the result on screen, its sheets in the copy, the .xlsx and the 通报 saved; no request',
  async () => {
    const { page, requests, problems } = await openPage(900);
    await page.setInputFiles('input[type=file]', FIXTURE);
    await page.getByRole('list', { name: '本工作簿中的台账' }).waitFor({ timeout: 30_000 });
    await page.getByRole('tab', { name: '县局汇总' }).click();
    await page.getByRole('button', { name: '汇总', exact: true }).waitFor({ timeout: 15_000 });
    await page.getByRole('textbox', { name: /应报乡镇名单/ }).fill(TOWNSHIPS.join('\n'));
    // Every container the county receives: Outlook .msg, an mbox without extension, a GBK-named .zip,
    // a .rar in a mail, and a broken file. The .rar cannot be unpacked under the page's CSP
    // (node-unrar-js's embind glue calls `new Function`, which needs 'unsafe-eval'): it is named, with what to do.
    const subject = (t: string) => `${t}综合行政执法队2023年10月行政执法案件台账报备`;
    const word = async (t: string) => (await townshipPackage({ team: `${t}综合行政执法队`, ledgers: TIANNING_OCT, period: '2023-10', sent: new Date('2023-10-31T09:00:00+08:00'), today: '2023-10-31' })).docx;
    const picked = [
      { name: '天宁镇.msg', bytes: outlookMsg({ subject: subject('天宁镇'), headers: 'Date: Tue, 31 Oct 2023 09:12:00 +0800\r\n', attachments: [{ name: '天宁镇.docx', bytes: await word('天宁镇') }] }) },
      { name: 'Inbox', bytes: mbox([rfc822(mailHeaders(subject('西营镇'), 'Fri, 3 Nov 2023 16:05:00 +0800'), [{ name: '西营镇.docx', bytes: await word('西营镇') }])]) },
      { name: '会立乡10月.zip', bytes: gbkZip([{ name: '会立乡台账.docx', bytes: await word('会立乡') }]) },
      { name: '水峪贯镇.eml', bytes: rfc822(mailHeaders(subject('水峪贯镇'), 'Tue, 31 Oct 2023 11:00:00 +0800'), [{ name: '台账.rar', bytes: rar5([{ name: '水峪贯镇台账.docx', bytes: await word('水峪贯镇') }]) }]) },
      { name: '坏文件.docx', bytes: new TextEncoder().encode('这不是 Word 文件') },
    ];
    await page.getByLabel('选择各乡镇报送的文件').setInputFiles(picked.map((f) => ({ name: f.name, mimeType: 'application/octet-stream', buffer: Buffer.from(f.bytes) })));
    await page.getByText(/已选 5 个文件/).waitFor();
    await longTasks(page);
    await page.getByRole('button', { name: '汇总', exact: true }).click();
    const list = page.getByRole('list', { name: '各乡镇报送情况' });
    await list.waitFor({ timeout: 60_000 });
    expect(await list.getByRole('listitem').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')))).toEqual([
      '天宁镇：按时',
      '西营镇：逾期 2 天',
      '水峪贯镇：已收到但无法读取',
      '会立乡：已报（时间不明）',
      `${TOWNSHIPS[4]}：未报（已逾期 4 天）`,
    ]);
    await page.getByText('2 个文件无法读取', { exact: true }).waitFor();
    expect(await page.getByText(/坏文件\.docx/).count()).toBeGreaterThan(0);
    expect(await page.getByText('水峪贯镇.eml › 台账.rar 是 .rar 压缩包，但这里无法运行解压程序').count()).toBeGreaterThan(0);
    const rolling = await longTasks(page);
    await page.getByRole('heading', { level: 2, name: /2023年10月汇总/ }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(OUT, 'offline-rollup.png'), fullPage: true });

    // The summary's sheets into the file's copy (built in the worker, handed to the page's file driver).
    await page.getByRole('button', { name: '写入工作簿' }).click();
    await page.getByText(/已在工作簿末尾添加 6 张工作表.*保存工作簿副本/).waitFor({ timeout: 30_000 });
    const [copy] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '保存工作簿副本' }).click()]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await copy.path());
    expect(wb.worksheets.map((w) => w.name).slice(-6)).toEqual(['汇总', '行政处罚', '行政检查', '行政强制', '问题', '文件']);
    const cells = (ws: ExcelJS.Worksheet) => ws.getSheetValues().flat().filter((v) => typeof v === 'string');
    expect(cells(wb.getWorksheet('汇总')!)).toEqual(expect.arrayContaining(['天宁镇', '西营镇', '水峪贯镇', '会立乡']));

    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '保存汇总表（.xlsx）' }).click()]);
    expect(xlsx.suggestedFilename()).toBe('2023年10月乡镇行政执法案件汇总.xlsx');
    const summary = new ExcelJS.Workbook();
    await summary.xlsx.readFile(await xlsx.path());
    expect(summary.worksheets.map((w) => w.name)).toEqual(['汇总', '行政处罚', '行政检查', '行政强制', '问题', '文件']);
    expect(cells(summary.getWorksheet('文件')!)).toEqual(expect.arrayContaining(['坏文件.docx']));
    const [notice] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '保存通报稿（.docx）' }).click()]);
    expect(notice.suggestedFilename()).toBe('关于2023年10月乡镇行政执法案件台账报送情况的通报（草稿）.docx');
    const noticeText = (await (await JSZip.loadAsync(fs.readFileSync(await notice.path()))).file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(noticeText).toContain('会立乡');

    fs.writeFileSync(path.join(OUT, 'offline-rollup-long-tasks.json'), JSON.stringify({ rollup: rolling }, null, 2));
    expect(problems).toEqual([]);
    expect(requests.filter((u) => !u.startsWith('blob:'))).toEqual([decodeURI(pageUrl())]);
    await page.context().close();
  },
  300_000,
);

(HAS_CHROMIUM ? test : test.skip)(
  `a ${(2 * BIG_ROWS).toLocaleString('en')}-row workbook: 读取 n/N 行 while reading; long tasks recorded while reading and checking, saving the copy and building the package`,
  async () => {
    const file = await bigBook();
    const { page, problems } = await openPage(900);
    await longTasks(page); // the page's own start
    const t0 = Date.now();
    await page.setInputFiles('input[type=file]', file);
    await page.getByRole('list', { name: '本工作簿中的台账' }).waitFor({ timeout: 180_000 });
    await page.getByRole('tab', { name: '月度报送' }).waitFor();
    await page.getByRole('progressbar').waitFor({ state: 'detached', timeout: 180_000 });
    const opened = Date.now() - t0;
    const read = await longTasks(page);
    const progress: string[] = await page.evaluate(() => (window as unknown as { __progress: string[] }).__progress);
    const counts = progress.map((t) => /读取 ([\d,]+)\/([\d,]+) 行/.exec(t)).filter((m): m is RegExpExecArray => !!m).map((m) => [Number(m[1].replace(/,/g, '')), Number(m[2].replace(/,/g, ''))]);
    // Rows as they are read, of the rows the sheets hold (title and header rows included).
    expect(counts.length).toBeGreaterThan(2);
    expect(counts.every(([done, total]) => total === counts[0][1] && done <= total)).toBe(true);
    expect(counts[0][1]).toBeGreaterThanOrEqual(2 * BIG_ROWS);
    expect(counts.some(([done, total]) => done > 0 && done < total)).toBe(true);
    expect(progress.some((t) => /读取 \d{1,3},\d{3}\/\d{1,3},\d{3} 行/.test(t))).toBe(true);

    await page.getByRole('button', { name: '填写报送月份' }).click();
    await page.getByText('行的报送月份', { exact: false }).first().waitFor({ timeout: 60_000 });
    const fill = await longTasks(page);
    const [copy] = await Promise.all([page.waitForEvent('download', { timeout: 180_000 }), page.getByRole('button', { name: '保存工作簿副本' }).click()]);
    expect(copy.suggestedFilename()).toMatch(/（已填报送月份）\.xlsx$/);
    const copied = await longTasks(page);

    await page.getByRole('tab', { name: '月度报送' }).click();
    await page.getByRole('textbox', { name: /姓名/ }).fill('张三');
    await page.getByRole('textbox', { name: /职务/ }).fill('综合执法队队员');
    await page.getByRole('textbox', { name: /电话/ }).fill('13812345678');
    await page.getByRole('button', { name: '生成报送文件' }).click();
    await page.getByRole('button', { name: '仍然生成（含错误）' }).click({ timeout: 180_000 });
    await page.getByRole('dialog').getByRole('button', { name: '仍然生成' }).click();
    await page.getByRole('button', { name: '保存 Word 台账' }).waitFor({ timeout: 180_000 });
    const packaged = await longTasks(page);
    const record = { rows: 2 * BIG_ROWS, openedMs: opened, progress: progress.slice(0, 12), longTasks: { readAndCheck: read, fillReportMonths: fill, copy: copied, package: packaged } };
    fs.writeFileSync(path.join(OUT, 'offline-long-tasks.json'), JSON.stringify(record, null, 2));
    await page.screenshot({ path: path.join(OUT, 'offline-big.png') });
    expect(problems).toEqual([]);
    // Reading, the copy and the package run in the worker: the page's thread never has the seconds
    // they take (1.1–2.5 s tasks when they ran on it). A ceiling well above the bench's figures, for a loaded machine.
    for (const [step, tasks] of Object.entries({ read, copied, packaged })) expect([step, Math.max(0, ...tasks) < 600]).toEqual([step, true]);
    await page.context().close();
  },
  600_000,
);
