/*
 * The 县局汇总 tab of the production pane in headless Chromium over the fake Excel, at 320 px:
 * its chunks fetched only when the tab is opened and 汇总 clicked, the townships' packages
 * picked through the real file input, the result on screen (photographed into
 * test-output/pane/), 写入工作簿 adding the sheets to the fake workbook; no page error, nothing
 * fetched from elsewhere, no serious accessibility finding of ours, nothing wider than the pane.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Browser } from 'playwright-core';
import type { WorkbookJson } from '../fake-excel';
import { CHROMIUM, HAS_CHROMIUM, ROOT, openPaneSite, paneScript, routePane, type PaneSite } from '../helpers/pane-browser';
import { axeCheck, headingLevels } from '../helpers/axe';
import { TOWNSHIPS, pickedFiles } from './pane-helpers';
import { gbkZip, mailHeaders, mbox, outlookMsg, rar5, rfc822 } from './formats';
import { TIANNING_OCT, townshipPackage } from '../../scripts/rollup-samples';

if (!HAS_CHROMIUM) console.warn(`test/rollup/pane-browser.test.ts: 找不到 Chromium（${CHROMIUM}），跳过县局汇总的浏览器测试`);
const chromiumTest = HAS_CHROMIUM ? test : test.skip;

const OUT = path.join(ROOT, 'test-output', 'pane');

let browser: Browser;
let site: { origin: string; close(): Promise<void> };
let fixture: WorkbookJson;

let pane: PaneSite | undefined;

beforeAll(async () => {
  if (!HAS_CHROMIUM) return;
  fs.mkdirSync(OUT, { recursive: true });
  pane = await openPaneSite();
  ({ browser, site, fixture } = pane);
}, 900_000);

afterAll(async () => {
  await pane?.close();
});

chromiumTest(
  '县局汇总 at 320 px: lazy chunks, picked packages rolled up, 写入工作簿 adds the sheets',
  async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 900 } });
    const page = await context.newPage();
    await page.clock.setFixedTime(new Date('2023-11-05T10:00:00'));
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const { offsite, loaded } = await routePane(page, site.origin);
    await page.addInitScript({ content: await paneScript(fixture, { host: { platform: 'OfficeOnline' } }) });
    await page.goto(`${site.origin}/taskpane.html`);
    await page.getByRole('list', { name: '本工作簿中的台账' }).waitFor({ timeout: 60_000 });
    // Nothing of the roll-up before the tab is opened.
    expect(loaded.filter((f) => f.startsWith('rollup'))).toEqual([]);

    await page.getByRole('tab', { name: '县局汇总' }).click();
    await page.getByRole('button', { name: '汇总', exact: true }).waitFor({ timeout: 30_000 });
    expect(loaded.filter((f) => f.startsWith('rollup')).map((f) => f.replace(/\.[0-9a-f]{8}\.js$/, ''))).toEqual(['rollup-view']);
    await page.getByRole('textbox', { name: /应报乡镇名单/ }).fill(TOWNSHIPS.join('\n'));
    const files = await pickedFiles();
    await page.getByLabel('选择各乡镇报送的文件').setInputFiles(files.map((f) => ({ name: f.name, mimeType: 'application/octet-stream', buffer: Buffer.from(f.bytes) })));
    await page.getByText('已选 5 个文件', { exact: false }).waitFor();
    await page.screenshot({ path: path.join(OUT, 'rollup-form-320.png') });

    await page.getByRole('button', { name: '汇总', exact: true }).click();
    const list = page.getByRole('list', { name: '各乡镇报送情况' });
    await list.waitFor({ timeout: 60_000 });
    expect(loaded.filter((f) => f.startsWith('rollup')).map((f) => f.replace(/\.[0-9a-f]{8}\.js$/, ''))).toEqual(['rollup-view', 'rollup']);
    await expect(list.getByRole('listitem').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')))).resolves.toEqual([
      '天宁镇：按时',
      '西营镇：逾期 2 天',
      '水峪贯镇：已报（时间不明）',
      '会立乡：未报（已逾期 4 天）',
      `${TOWNSHIPS[4]}：未报（已逾期 4 天）`,
    ]);
    // The result at the top of the pane, as the README shows it.
    await page.getByRole('heading', { level: 2, name: /2023年10月汇总/ }).evaluate((h) => h.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: path.join(OUT, 'rollup-result-320.png'), clip: { x: 0, y: 0, width: 320, height: 480 } });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    const levels = await headingLevels(page);
    expect(levels.filter((l, i) => i > 0 && l > levels[i - 1] + 1)).toEqual([]);
    expect((await axeCheck(page)).ours).toEqual([]);

    await page.getByRole('button', { name: '写入工作簿' }).click();
    await page.getByText(/已在工作簿末尾添加 6 张工作表/).waitFor({ timeout: 30_000 });
    const sheets = await page.evaluate(() => (window as unknown as { __tz: { host: { wb: { sheets: { name: string }[] } } } }).__tz.host.wb.sheets.map((s) => s.name));
    expect(sheets.slice(-6)).toEqual(['汇总', '行政处罚', '行政检查', '行政强制', '问题', '文件']);
    await page.screenshot({ path: path.join(OUT, 'rollup-written-320.png'), fullPage: true });

    // The containers in the browser: an Outlook .msg (code pages by TextDecoder), a Thunderbird
    // mbox without extension, a GBK-named .zip, a .rar (the wasm unrar, its own chunk).
    const subject = (t: string) => `${t}综合行政执法队2023年10月行政执法案件台账报备`;
    const word = async (t: string) => (await townshipPackage({ team: `${t}综合行政执法队`, ledgers: TIANNING_OCT, period: '2023-10', sent: new Date('2023-10-31T09:00:00+08:00'), today: '2023-10-31' })).docx;
    const more = [
      { name: '天宁镇.msg', bytes: outlookMsg({ subject: subject('天宁镇'), headers: 'Date: Tue, 31 Oct 2023 09:12:00 +0800\r\n', attachments: [{ name: '天宁镇.docx', bytes: await word('天宁镇') }] }) },
      { name: 'Inbox', bytes: mbox([rfc822(mailHeaders(subject('西营镇'), 'Fri, 3 Nov 2023 16:05:00 +0800'), [{ name: '西营镇.docx', bytes: await word('西营镇') }])]) },
      { name: '会立乡10月.zip', bytes: gbkZip([{ name: '会立乡台账.docx', bytes: await word('会立乡') }]) },
      { name: '水峪贯镇.eml', bytes: rfc822(mailHeaders(subject('水峪贯镇'), 'Tue, 31 Oct 2023 11:00:00 +0800'), [{ name: '台账.rar', bytes: rar5([{ name: '水峪贯镇台账.docx', bytes: await word('水峪贯镇') }]) }]) },
    ];
    await page.getByLabel('选择各乡镇报送的文件').setInputFiles(more.map((f) => ({ name: f.name, mimeType: 'application/octet-stream', buffer: Buffer.from(f.bytes) })));
    await page.getByText(/已选 4 个文件/).waitFor();
    await page.getByRole('button', { name: '汇总', exact: true }).click();
    const want = ['天宁镇：按时', '西营镇：逾期 2 天', '水峪贯镇：按时', '会立乡：已报（时间不明）', `${TOWNSHIPS[4]}：未报（已逾期 4 天）`];
    const labels = async () => ((await list.count()) ? list.getByRole('listitem').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label'))) : []);
    for (let i = 0; i < 120 && JSON.stringify(await labels()) !== JSON.stringify(want); i++) await page.waitForTimeout(500);
    expect(await labels()).toEqual(want);
    expect(loaded.some((f) => f.startsWith('unrar'))).toBe(true);

    expect(errors).toEqual([]);
    expect(offsite).toEqual([]);
    await context.close();
  },
  300_000,
);
