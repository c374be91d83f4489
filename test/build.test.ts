/*
 * The production build (npm run build) and the intranet build, into temp folders so a
 * developer's dist/ is left alone; then the built task pane in headless Chromium with a
 * stand-in for Office.js that serves the fixture workbook.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';
import JSZip from 'jszip';
import { spawnSync } from 'child_process';
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';
import { FIXTURE, fakeOfficeScript } from './helpers/office-fake';
import { modelFromXlsx } from './fake-excel/from-xlsx';
import { bundleProblems, inlineScripts, shippedScripts, syntaxProblem } from './helpers/bundle-syntax';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { shippedMetadata } = require('../scripts/functions-json') as { shippedMetadata: (json: string) => string };
import { serve } from './helpers/pane-browser';
import { TEST_ADDIN_URL as ADDIN_URL, builtAll, runBuild } from './helpers/builds';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { validate } = require('../scripts/validate-manifest.js');

const ROOT = path.resolve(__dirname, '..');
const CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const HAS_CHROMIUM = fs.existsSync(CHROMIUM);
const HAS_XMLLINT = !spawnSync('xmllint', ['--version']).error;
if (!HAS_CHROMIUM) console.warn(`test/build.test.ts: 找不到 Chromium（${CHROMIUM}），跳过任务窗格的浏览器测试`);
if (!HAS_XMLLINT) console.warn('test/build.test.ts: xmllint 未安装，跳过 dist/manifest.xml 的 XSD 校验');

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tz-build-intranet-'));
let PROD = '';
const INTRANET = path.join(tmp, 'intranet');
let prodLog = '';

beforeAll(async () => {
  // The build the test files share (the Excel add-in, the WPS add-in and the offline page: about 3 minutes on 2 cores) …
  ({ dir: PROD, log: prodLog } = await builtAll());
  // … and the intranet build, the Excel add-in alone (Office.js served locally).
  await runBuild(INTRANET, ['--config-name', 'addin', '--env', 'officeJs=local'], { TZ_ADDIN_URL: ADDIN_URL });
}, 900_000);

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const read = (dir: string, f: string) => fs.readFileSync(path.join(dir, f), 'utf8');
const scriptsOf = (html: string) => [...html.matchAll(/<script[^>]*\ssrc="?([^"\s>]+)"?/g)].map((m) => m[1]);

test('the build succeeds without warnings and writes what the manifest names', () => {
  expect(prodLog).toContain('compiled successfully');
  for (const f of ['taskpane.html', 'taskpane.js', 'functions.js', 'functions.json', 'commands.js', 'manifest.xml', ...[16, 32, 64, 80].map((s) => `assets/icon-${s}.png`)]) {
    expect(fs.existsSync(path.join(PROD, f))).toBe(true);
  }
});

/** The lazy chunk the pane loads on 生成报送文件: deciding the package, the form's zod checks. */
const lazyChunks = (dir: string) => fs.readdirSync(dir).filter((f) => /^submission\.[0-9a-f]{8}\.js$/.test(f));
/** The package builder where no Web Worker starts. */
const fallbackChunks = (dir: string) => fs.readdirSync(dir).filter((f) => /^package\.[0-9a-f]{8}\.js$/.test(f));

test('the Word file and the e-mail are built in package-worker.js (or a fallback chunk), never in the pane’s own code', () => {
  expect(lazyChunks(PROD)).toHaveLength(1);
  expect(fallbackChunks(PROD)).toHaveLength(1);
  for (const marker of ['docProps/app.xml', 'sinikael']) {
    // docx, emailjs-mime-builder
    for (const f of ['package-worker.js', fallbackChunks(PROD)[0]]) expect([f, marker, read(PROD, f).includes(marker)]).toEqual([f, marker, true]);
    for (const f of ['shared.js', 'taskpane.js', 'functions.js', 'commands.js', lazyChunks(PROD)[0]]) expect([f, marker, read(PROD, f).includes(marker)]).toEqual([f, marker, false]);
  }
  for (const f of ['submission.', 'package']) expect(read(PROD, 'taskpane.html')).not.toContain(f);
});

test('download.html carries its script inline, makes no requests (CSP) and loads no Office.js; the dialog page does', () => {
  const page = read(PROD, 'download.html');
  expect(scriptsOf(page)).toEqual([]);
  expect(page).toMatch(/<script>\(\(\)=>\{/);
  expect(page).toContain('decodeURIComponent');
  expect(page).toContain("default-src 'none'");
  expect(page).toContain("connect-src 'none'");
  expect(page).toContain('data-mode=browser');
  expect(fs.existsSync(path.join(PROD, 'download.js'))).toBe(false);
  const dialog = read(PROD, 'download-dialog.html');
  expect(scriptsOf(dialog)).toEqual([CDN]);
  expect(dialog).toContain('data-mode=dialog');
  expect(scriptsOf(read(INTRANET, 'download-dialog.html'))).toEqual(['office-js/office.js']);
});

test('one taskpane.html loads Office.js from the CDN, then the code the pane and the functions share, and the taskpane, functions and commands bundles', () => {
  expect(scriptsOf(read(PROD, 'taskpane.html'))).toEqual([CDN, 'shared.js', 'taskpane.js', 'functions.js', 'commands.js']);
});

test('the intranet build serves Office.js itself', () => {
  const html = read(INTRANET, 'taskpane.html');
  expect(scriptsOf(html)).toEqual(['office-js/office.js', 'shared.js', 'taskpane.js', 'functions.js', 'commands.js']);
  expect(html).not.toContain('appsforoffice.microsoft.com');
  for (const f of ['office.js', 'o15apptofilemappingtable.js', 'custom-functions-runtime.js', 'excel-win32-16.01.js', 'excel-mac-16.00.js', 'zh-cn/office_strings.js', 'en-us/office_strings.js']) {
    expect(fs.existsSync(path.join(INTRANET, 'office-js', f))).toBe(true);
  }
  // Copied as published, not re-minified.
  expect(fs.readFileSync(path.join(INTRANET, 'office-js', 'office.js'))).toEqual(
    fs.readFileSync(path.join(ROOT, 'node_modules', '@microsoft', 'office-js', 'dist', 'office.js')),
  );
  expect(fs.existsSync(path.join(INTRANET, 'office-js', 'office.debug.js'))).toBe(false);
});

test('dist/manifest.xml points at TZ_ADDIN_URL', () => {
  const xml = read(PROD, 'manifest.xml');
  expect(xml).not.toMatch(/="https:\/\/localhost/);
  expect(xml).toContain(`DefaultValue="${ADDIN_URL}taskpane.html"`);
});

(HAS_XMLLINT ? test : test.skip)('dist/manifest.xml validates, and every URL names a built file', () => {
  const lines: string[] = [];
  const ok = validate(path.join(PROD, 'manifest.xml'), { base: ADDIN_URL, filesDir: PROD, log: (l: string) => lines.push(l) });
  expect(lines.filter((l) => l.startsWith('FAIL'))).toEqual([]);
  expect(ok).toBe(true);
});

test('functions.json is the metadata of src/functions, and the plugin associated all five', async () => {
  const r = await generateCustomFunctionsMetadata([path.join(ROOT, 'src', 'functions', 'functions.ts')], false);
  // As generated, less allowCustomDataForDataTypeAny (CustomFunctionsRuntime 1.4; scripts/functions-json.js).
  const shipped = JSON.parse(read(PROD, 'functions.json'));
  expect(shipped).toEqual(JSON.parse(shippedMetadata(r.metadataJson)));
  expect(shipped).not.toHaveProperty('allowCustomDataForDataTypeAny');
  const js = read(PROD, 'functions.js');
  for (const id of ['REPORT_MONTH', 'CHECK_ROW', 'WORKDAY_CN', 'IS_WORKDAY_CN', 'PUBLICITY_DUE']) {
    expect(js).toContain(`CustomFunctions.associate("${id}"`);
  }
});

test('every shipped script parses on the oldest host (ES2021, Safari 14.1), inline ones included; the webview check is ES5', () => {
  for (const dir of [PROD, INTRANET]) {
    expect(shippedScripts(dir)).toEqual(expect.arrayContaining(['shared.js', 'taskpane.js', 'functions.js', 'commands.js', 'taskpane.html', 'download.html']));
    expect(bundleProblems(dir)).toEqual([]);
  }
  expect(inlineScripts(read(PROD, 'taskpane.html')).map((c) => syntaxProblem(c, 5))).toEqual([null]);
});

test('the initial task pane JavaScript stays under 250 KB gzip', () => {
  const html = read(PROD, 'taskpane.html');
  const ours = scriptsOf(html).filter((s) => !/^https?:/.test(s));
  const gz = ours.reduce((n, f) => n + zlib.gzipSync(fs.readFileSync(path.join(PROD, f)), { level: 9 }).length, 0);
  expect(gz).toBeLessThan(250 * 1024);
});

(HAS_CHROMIUM ? test : test.skip)(
  'the built task pane loads in Chromium, lists the fixture’s ledgers and registers the functions',
  async () => {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const { chromium } = require('playwright-core');
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 360, height: 640 } });
      const offsite: string[] = [];
      const pageErrors: string[] = [];
      page.on('pageerror', (e: Error) => pageErrors.push(e.message));
      await page.route('**/*', (route: { request(): { url(): string }; fulfill(o: object): void; continue(): void; abort(): void }) => {
        const url = route.request().url();
        if (url === CDN) return route.fulfill({ contentType: 'text/javascript', body: '/* Office.js is faked by the test */' });
        if (url.startsWith('file:')) return route.continue();
        offsite.push(url);
        return route.abort();
      });
      const fixture = await modelFromXlsx(FIXTURE);
      await page.addInitScript(await fakeOfficeScript(fixture));
      await page.goto('file://' + path.join(PROD, 'taskpane.html'));
      const sheets = page.getByRole('list', { name: '本工作簿中的台账' });
      await sheets.waitFor({ timeout: 15_000 });

      const items: string[] = await sheets.getByRole('listitem').allInnerTexts();
      expect(items.map((t) => t.replace(/\s+/g, ' '))).toEqual([
        expect.stringMatching(/^行政处罚 行政处罚案件台账 10 条记录 错误 \d+ /),
        expect.stringMatching(/^行政检查 行政检查案件台账 8 条记录 /),
        expect.stringMatching(/^行政强制 行政强制案件台账 5 条记录 /),
      ]);
      // The issue list (right after the cards): entries with cell, column and Chinese message (the fixture's F6 date).
      await page.getByRole('button', { name: /F6「结案时间」.*2023年2月30日/ }).waitFor();
      await expect(page.getByRole('button', { name: /F6「结案时间」.*2023年2月30日/ }).count()).resolves.toBe(1);
      const tz = await page.evaluate(() => {
        const w = window as unknown as { __tz: { host: { syncCount: number }; assoc: Record<string, (...a: unknown[]) => unknown> } };
        let error: unknown = null;
        try {
          w.__tz.assoc.REPORT_MONTH('2023年2月30日');
        } catch (e) {
          error = { ...(e as object) };
        }
        return {
          syncs: w.__tz.host.syncCount,
          ids: Object.keys(w.__tz.assoc),
          workday: w.__tz.assoc.WORKDAY_CN(45197, 2),
          error,
        };
      });
      expect(tz.syncs).toBeLessThanOrEqual(5); // the whole workbook, marks and live events in a few round trips
      expect(tz.ids).toEqual(['REPORT_MONTH', 'CHECK_ROW', 'WORKDAY_CN', 'IS_WORKDAY_CN', 'PUBLICITY_DUE']);
      expect(tz.workday).toBe(45207); // 2023-09-28 + 2 working days = 2023-10-08 (调休)
      expect(tz.error).toEqual({ code: '#VALUE!', message: expect.stringContaining('2023年2月30日') });
      expect(await page.getByText('1904 日期系统').count()).toBe(0);
      expect(pageErrors).toEqual([]);
      expect(offsite).toEqual([]);

      fs.mkdirSync(path.join(ROOT, 'test-output'), { recursive: true });
      await page.screenshot({ path: path.join(ROOT, 'test-output', 'taskpane.png'), fullPage: true });
      // Nothing wider than the pane (no horizontal scrolling at 360 px).
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

      // A workbook in the 1904 date system: DATE(1904,1,1) is 0 there; the pane warns.
      const page1904 = await browser.newPage({ viewport: { width: 360, height: 640 } });
      await page1904.route('**/*', (route: { request(): { url(): string }; fulfill(o: object): void; continue(): void; abort(): void }) =>
        route.request().url().startsWith('file:') ? route.continue() : route.fulfill({ contentType: 'text/javascript', body: '' }),
      );
      await page1904.addInitScript(await fakeOfficeScript({ date1904: true, sheets: [{ name: 'Sheet1', rows: [['人员名单']] }] }));
      await page1904.goto('file://' + path.join(PROD, 'taskpane.html'));
      await page1904.getByText('没有找到台账').waitFor({ timeout: 15_000 });
      expect(await page1904.getByRole('button', { name: '插入官方台账表' }).count()).toBe(1);
      expect(await page1904.getByText('本工作簿使用 1904 日期系统', { exact: false }).count()).toBe(1);

      // Too many merged areas for getMergedAreasOrNullObject: read again without merges.
      const pageMerges = await browser.newPage({ viewport: { width: 360, height: 640 } });
      await pageMerges.route('**/*', (route: { request(): { url(): string }; fulfill(o: object): void; continue(): void; abort(): void }) =>
        route.request().url().startsWith('file:') ? route.continue() : route.fulfill({ contentType: 'text/javascript', body: '' }),
      );
      await pageMerges.addInitScript(await fakeOfficeScript(fixture, { mergeAreaLimit: 0 }));
      await pageMerges.goto('file://' + path.join(PROD, 'taskpane.html'));
      await pageMerges.getByRole('list', { name: '本工作簿中的台账' }).getByRole('listitem').nth(2).waitFor({ timeout: 15_000 });
    } finally {
      await browser.close();
    }
  },
  60_000,
);

(HAS_CHROMIUM ? test : test.skip)(
  'end to end in Chromium: the served pane shows the fixture’s issues, selects a cell, follows an edit, prepares the October package and saves it',
  async () => {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const { chromium } = require('playwright-core');
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
    });
    type Route = { request(): { url(): string }; fulfill(o: object): void; continue(): void; abort(): void };
    const out = path.join(ROOT, 'test-output');
    fs.mkdirSync(out, { recursive: true });
    const site = await serve(PROD);
    try {
      const context = await browser.newContext({ viewport: { width: 350, height: 900 }, acceptDownloads: true });
      const page = await context.newPage();
      // The fixture's "today": the default period is then 2023-10, which has errors.
      await page.clock.setFixedTime(new Date('2023-11-05T10:00:00'));
      const offsite: string[] = [];
      const loaded: string[] = [];
      const pageErrors: string[] = [];
      page.on('pageerror', (e: Error) => pageErrors.push(e.message));
      await page.route('**/*', (route: Route) => {
        const url = route.request().url();
        if (url === CDN) return route.fulfill({ contentType: 'text/javascript', body: '/* Office.js is faked by the test */' });
        if (url.startsWith(site.origin)) {
          loaded.push(path.basename(new URL(url).pathname));
          return route.continue();
        }
        offsite.push(url);
        return route.abort();
      });
      await page.addInitScript(await fakeOfficeScript(await modelFromXlsx(FIXTURE), { platform: 'Mac' }));
      await page.goto(`${site.origin}/taskpane.html`);
      await page.getByRole('list', { name: '本工作簿中的台账' }).waitFor({ timeout: 15_000 });
      await page.screenshot({ path: path.join(out, 'taskpane-issues.png') });

      // One click from an issue to its cell.
      type Wb = { activeSheetId: string; sheet(n: string): { id: string; selection: string }; userEdit(s: string, a: string, v: unknown): void };
      const f6 = page.getByRole('button', { name: /F6「结案时间」/ });
      await f6.click();
      const selected = await page.waitForFunction(() => {
        const wb = (window as unknown as { __tz: { host: { wb: Wb } } }).__tz.host.wb;
        const s = wb.sheet('行政处罚案件台账');
        return wb.activeSheetId === s.id && s.selection !== 'A1' && s.selection;
      });
      expect(await selected.jsonValue()).toBe('F6');

      // The clerk corrects the impossible date in Excel: the list follows.
      const penaltyErrors = () => page.getByRole('list', { name: '本工作簿中的台账' }).getByRole('listitem').first().innerText();
      const before = await penaltyErrors();
      await page.evaluate(() => (window as unknown as { __tz: { host: { wb: Wb } } }).__tz.host.wb.userEdit('行政处罚案件台账', 'F6', [['2023年10月28日']]));
      await f6.waitFor({ state: 'detached', timeout: 10_000 });
      const errorsOf = (t: string) => Number(/错误\s*(\d+)/.exec(t.replace(/\s+/g, ' '))?.[1]);
      expect(errorsOf(await penaltyErrors())).toBe(errorsOf(before) - 1);

      await page.getByRole('tab', { name: '月度报送' }).click();
      await page.getByRole('textbox', { name: /姓名/ }).fill('张三');
      await page.getByRole('textbox', { name: /职务/ }).fill('综合执法队队员');
      await page.getByRole('textbox', { name: /电话/ }).fill('13812345678');
      await page.screenshot({ path: path.join(out, 'taskpane-form.png'), fullPage: true });
      expect(loaded.filter((f) => f.startsWith('submission.'))).toEqual([]); // not loaded up front

      await page.getByRole('button', { name: '生成报送文件' }).click();
      await page.getByText('没有生成报送文件', { exact: true }).waitFor({ timeout: 20_000 });
      expect(loaded.filter((f) => f.startsWith('submission.'))).toEqual(lazyChunks(PROD));
      await page.getByRole('list', { name: '有错误的行' }).scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(out, 'taskpane-refused.png') });

      await page.getByRole('button', { name: '仍然生成（含错误）' }).click();
      await page.getByRole('dialog').getByRole('button', { name: '仍然生成' }).click();
      const ready = page.getByRole('heading', { level: 2, name: /^报送文件已生成/ });
      await ready.waitFor({ timeout: 20_000 });
      await ready.scrollIntoViewIfNeeded();
      expect(loaded).toContain('package-worker.js'); // built off the pane's thread
      await page.screenshot({ path: path.join(out, 'taskpane-ready.png') });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(350);

      await page.getByRole('button', { name: '保存 Word 台账' }).click();
      await page.getByText('已在浏览器中打开保存页面', { exact: false }).waitFor();
      const opened: string[] = await page.evaluate(() => (window as unknown as { __tz: { opened: string[] } }).__tz.opened);
      expect(opened).toHaveLength(1);
      expect(opened[0]).toMatch(/\/download\.html#v=1&p=0&/);
      expect(pageErrors).toEqual([]);

      // The page the default browser would open: it must request nothing and store nothing.
      const dl = await context.newPage();
      const dlRequests: string[] = [];
      dl.on('request', (r: { url(): string }) => dlRequests.push(r.url()));
      const dlErrors: string[] = [];
      dl.on('pageerror', (e: Error) => dlErrors.push(e.message));
      await dl.setViewportSize({ width: 700, height: 600 });
      await dl.goto(opened[0]);
      const save = dl.getByRole('button', { name: '保存 Word 台账' });
      await save.waitFor();
      expect(await dl.evaluate(() => location.hash)).toBe('');
      expect(dlRequests.map((u) => u.split('#')[0])).toEqual([opened[0].split('#')[0]]);
      await dl.screenshot({ path: path.join(out, 'download-page.png') });
      const [download] = await Promise.all([dl.waitForEvent('download'), save.click()]);
      expect(download.suggestedFilename()).toBe('天宁镇综合行政执法队2023年10月行政执法案件台账.docx');
      const bytes = fs.readFileSync(await download.path());
      const docXml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
      const text = docXml.replace(/<[^>]+>/g, '');
      expect(text).toContain('天宁镇综合行政执法队2023年10月1日--2023年10月31日行政处罚案件台账');
      expect(text).toContain('2023年10月28日'); // the corrected row is now in October
      expect(text).toContain('本期案件：行政处罚8件');
      const [eml] = await Promise.all([dl.waitForEvent('download'), dl.getByRole('button', { name: '保存邮件草稿' }).click()]);
      const emlText = fs.readFileSync(await eml.path(), 'utf8');
      expect(emlText).toContain('X-Unsent: 1');
      expect(emlText.replace(/\r\n/g, '')).toContain(bytes.toString('base64'));
      expect(dlErrors).toEqual([]);
      expect(dlRequests.filter((u) => !u.startsWith(site.origin) && !u.startsWith('blob:'))).toEqual([]);
      expect(offsite).toEqual([]);
    } finally {
      await browser.close();
      await site.close();
    }
  },
  90_000,
);
