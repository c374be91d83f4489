/*
 * The production build (npm run build) and the intranet build, into temp folders so a
 * developer's dist/ is left alone; then the built task pane in headless Chromium with a
 * stand-in for Office.js that serves the fixture workbook.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';
import { spawn, spawnSync } from 'child_process';
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';
import { readWorkbook } from '../src/cli/xlsx';
import { CellValue, isCellError } from '../src/ledger/cell';
import { parseDate, serialFromIso } from '../src/ledger/dates';
import { cellAddress } from '../src/ledger/cell';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { validate } = require('../scripts/validate-manifest.js');

const ROOT = path.resolve(__dirname, '..');
const FIXTURE = path.resolve(ROOT, '..', 'shared', 'fixtures', 'sample-2023-10.xlsx');
const ADDIN_URL = 'https://oa.example.gov.cn/taizhang/';
const CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const HAS_CHROMIUM = fs.existsSync(CHROMIUM);
const HAS_XMLLINT = !spawnSync('xmllint', ['--version']).error;
if (!HAS_CHROMIUM) console.warn(`test/build.test.ts: 找不到 Chromium（${CHROMIUM}），跳过任务窗格的浏览器测试`);
if (!HAS_XMLLINT) console.warn('test/build.test.ts: xmllint 未安装，跳过 dist/manifest.xml 的 XSD 校验');

/** `npm run build` (plus extra webpack args) into `out`; resolves with its output. */
function build(out: string, extra: string[], env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const childEnv = { ...process.env, ...env };
    delete childEnv.TZ_OFFICE_JS;
    const p = spawn(npm, ['run', 'build', '--', '--output-path', out, ...extra], { cwd: ROOT, env: childEnv });
    let log = '';
    p.stdout.on('data', (d) => (log += d));
    p.stderr.on('data', (d) => (log += d));
    p.on('error', reject);
    p.on('close', (code) => (code === 0 ? resolve(log) : reject(new Error(`build failed (${code}):\n${log}`))));
  });
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tz-build-'));
const PROD = path.join(tmp, 'prod');
const INTRANET = path.join(tmp, 'intranet');
let prodLog = '';

beforeAll(async () => {
  // One after the other: in parallel they only fight over the CPU (Terser).
  prodLog = await build(PROD, [], { TZ_ADDIN_URL: ADDIN_URL });
  await build(INTRANET, ['--env', 'officeJs=local'], { TZ_ADDIN_URL: ADDIN_URL });
}, 180_000);

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const read = (dir: string, f: string) => fs.readFileSync(path.join(dir, f), 'utf8');
const scriptsOf = (html: string) => [...html.matchAll(/<script[^>]*\ssrc="?([^"\s>]+)"?/g)].map((m) => m[1]);

test('the build succeeds without warnings and writes what the manifest names', () => {
  expect(prodLog).toContain('compiled successfully');
  for (const f of ['taskpane.html', 'taskpane.js', 'functions.js', 'functions.json', 'commands.js', 'manifest.xml', ...[16, 32, 64, 80].map((s) => `assets/icon-${s}.png`)]) {
    expect(fs.existsSync(path.join(PROD, f))).toBe(true);
  }
});

test('one taskpane.html loads Office.js from the CDN, then the taskpane, functions and commands bundles', () => {
  expect(scriptsOf(read(PROD, 'taskpane.html'))).toEqual([CDN, 'taskpane.js', 'functions.js', 'commands.js']);
});

test('the intranet build serves Office.js itself', () => {
  const html = read(INTRANET, 'taskpane.html');
  expect(scriptsOf(html)).toEqual(['office-js/office.js', 'taskpane.js', 'functions.js', 'commands.js']);
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
  expect(JSON.parse(read(PROD, 'functions.json'))).toEqual(JSON.parse(r.metadataJson));
  const js = read(PROD, 'functions.js');
  for (const id of ['REPORT_MONTH', 'CHECK_ROW', 'WORKDAY_CN', 'IS_WORKDAY_CN', 'PUBLICITY_DUE']) {
    expect(js).toContain(`CustomFunctions.associate("${id}"`);
  }
});

test('the initial task pane JavaScript stays under 250 KB gzip', () => {
  const html = read(PROD, 'taskpane.html');
  const ours = scriptsOf(html).filter((s) => !/^https?:/.test(s));
  const gz = ours.reduce((n, f) => n + zlib.gzipSync(fs.readFileSync(path.join(PROD, f)), { level: 9 }).length, 0);
  expect(gz).toBeLessThan(250 * 1024);
});

/** The fixture workbook as Office.js would report it: serials for dates, valueTypes, merges. */
async function officeData() {
  const { sheets } = await readWorkbook(FIXTURE);
  return sheets.map((g) => {
    const width = Math.max(0, ...g.rows.map((r) => r.length));
    const values: unknown[][] = [];
    const valueTypes: string[][] = [];
    for (const r of g.rows) {
      const vs: unknown[] = [];
      const ts: string[] = [];
      for (let c = 0; c < width; c++) {
        const v: CellValue = r[c] ?? null;
        if (v === null || v === undefined) (vs.push(''), ts.push('Empty'));
        else if (isCellError(v)) (vs.push(v.error), ts.push('Error'));
        else if (v instanceof Date) {
          const p = parseDate(v);
          vs.push(p.ok ? serialFromIso(p.date) : '');
          ts.push('Double');
        } else (vs.push(v), ts.push(typeof v === 'number' ? 'Double' : typeof v === 'boolean' ? 'Boolean' : 'String'));
      }
      values.push(vs);
      valueTypes.push(ts);
    }
    const merges = g.merges.map((m) => `'${g.name}'!${cellAddress(m.top, m.left)}:${cellAddress(m.bottom, m.right)}`);
    return { name: g.name, values, valueTypes, merges };
  });
}

/** A stand-in for Office.js, Excel.run and the custom functions runtime (runs in the page). */
function fakeOffice(data: unknown, date19040101 = 1462, mergesFail = false): string {
  return `(function () {
  var data = ${JSON.stringify(data)};
  var mergesFail = ${mergesFail};
  window.__tz = { syncs: 0, runs: 0, assoc: {} };
  window.Office = {
    onReady: function () { return Promise.resolve({ host: 'Excel', platform: 'PC' }); },
    context: { requirements: { isSetSupported: function (n, v) { return n === 'ExcelApi' && Number(v) <= 1.14; } } }
  };
  window.Excel = { run: function (cb) {
    window.__tz.runs++;
    var askedMerges = false;
    var items = data.map(function (s) { return {
      name: s.name,
      getUsedRangeOrNullObject: function () { return { load: function () {}, isNullObject: !s.values.length,
        rowIndex: 0, columnIndex: 0, values: s.values, valueTypes: s.valueTypes }; },
      getRange: function () { return { getMergedAreasOrNullObject: function () {
        askedMerges = true;
        return { load: function () {}, isNullObject: !s.merges.length, address: s.merges.join(', ') }; } }; }
    }; });
    var ctx = { workbook: { worksheets: { load: function () {}, items: items },
      functions: { date: function () { return { load: function () {}, value: ${date19040101} }; } } },
      sync: function () {
        window.__tz.syncs++;
        return mergesFail && askedMerges ? Promise.reject(new Error('merged areas > 512')) : Promise.resolve();
      } };
    return Promise.resolve().then(function () { return cb(ctx); });
  } };
  window.CustomFunctions = {
    associate: function (id, fn) { window.__tz.assoc[id] = fn; },
    Error: function (code, message) { this.code = code; this.message = message; },
    ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A' }
  };
})();`;
}

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
      await page.addInitScript(fakeOffice(await officeData()));
      await page.goto('file://' + path.join(PROD, 'taskpane.html'));
      await page.getByText('本工作簿中有 3 个台账').waitFor({ timeout: 15_000 });

      const items: string[] = await page.locator('li').allInnerTexts();
      expect(items.map((t) => t.replace(/\s+/g, ' '))).toEqual([
        expect.stringMatching(/^行政处罚 行政处罚案件台账.* 10 条案件$/),
        expect.stringMatching(/^行政检查 行政检查案件台账.* 8 条案件$/),
        expect.stringMatching(/^行政强制 行政强制案件台账.* 5 条案件$/),
      ]);
      const tz = await page.evaluate(() => {
        const w = window as unknown as { __tz: { syncs: number; runs: number; assoc: Record<string, (...a: unknown[]) => unknown> } };
        let error: unknown = null;
        try {
          w.__tz.assoc.REPORT_MONTH('2023年2月30日');
        } catch (e) {
          error = { ...(e as object) };
        }
        return {
          syncs: w.__tz.syncs,
          runs: w.__tz.runs,
          ids: Object.keys(w.__tz.assoc),
          workday: w.__tz.assoc.WORKDAY_CN(45197, 2),
          error,
        };
      });
      expect(tz.runs).toBe(1);
      expect(tz.syncs).toBe(2); // the whole workbook in two round trips
      expect(tz.ids).toEqual(['REPORT_MONTH', 'CHECK_ROW', 'WORKDAY_CN', 'IS_WORKDAY_CN', 'PUBLICITY_DUE']);
      expect(tz.workday).toBe(45207); // 2023-09-28 + 2 working days = 2023-10-08 (调休)
      expect(tz.error).toEqual({ code: '#VALUE!', message: expect.stringContaining('2023年2月30日') });
      expect(await page.getByText('1904 日期系统').count()).toBe(0);
      expect(pageErrors).toEqual([]);
      expect(offsite).toEqual([]);

      fs.mkdirSync(path.join(ROOT, 'test-output'), { recursive: true });
      await page.screenshot({ path: path.join(ROOT, 'test-output', 'taskpane.png'), fullPage: true });

      // A workbook in the 1904 date system: DATE(1904,1,1) is 0 there; the pane warns.
      const page1904 = await browser.newPage({ viewport: { width: 360, height: 640 } });
      await page1904.route('**/*', (route: { request(): { url(): string }; fulfill(o: object): void; continue(): void; abort(): void }) =>
        route.request().url().startsWith('file:') ? route.continue() : route.fulfill({ contentType: 'text/javascript', body: '' }),
      );
      await page1904.addInitScript(fakeOffice([], 0));
      await page1904.goto('file://' + path.join(PROD, 'taskpane.html'));
      await page1904.getByText('没有找到行政处罚、行政检查或行政强制案件台账', { exact: false }).waitFor({ timeout: 15_000 });
      expect(await page1904.getByText('本工作簿使用 1904 日期系统', { exact: false }).count()).toBe(1);

      // Too many merged areas for getMergedAreasOrNullObject: read again without merges.
      const pageMerges = await browser.newPage({ viewport: { width: 360, height: 640 } });
      await pageMerges.route('**/*', (route: { request(): { url(): string }; fulfill(o: object): void; continue(): void; abort(): void }) =>
        route.request().url().startsWith('file:') ? route.continue() : route.fulfill({ contentType: 'text/javascript', body: '' }),
      );
      await pageMerges.addInitScript(fakeOffice(await officeData(), 1462, true));
      await pageMerges.goto('file://' + path.join(PROD, 'taskpane.html'));
      await pageMerges.getByText('本工作簿中有 3 个台账').waitFor({ timeout: 15_000 });
      expect(await pageMerges.evaluate(() => (window as unknown as { __tz: { runs: number } }).__tz.runs)).toBe(2);
    } finally {
      await browser.close();
    }
  },
  60_000,
);
