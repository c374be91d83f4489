/*
 * The WPS 表格 add-in folder, its deployment files, and the offline page, as `npm run build`
 * (and `npm run build:wps`, the same webpack configuration alone) makes them, from the build the
 * test files share (test/helpers/builds.ts); then the generated files checked, the add-in's main.js
 * run against a stand-in for WPS, the built WPS pane in headless Chromium, and the IE11 note of
 * the Excel pane. The offline page in Chromium: test/offline/offline-page.test.ts.
 * (TZ_WPS_DIST=<folder> reuses an earlier build of the same tree, for a developer's reruns.)
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vm from 'vm';
import { spawnSync } from 'child_process';
import JSZip from 'jszip';
import { DOMParser } from '@xmldom/xmldom';
import { bundleProblems, inlineScripts, shippedScripts, syntaxProblem } from '../helpers/bundle-syntax';
import { FIXTURE } from '../excel/helpers';
import { CALLBACKS, PANE_BUTTON } from '../../src/wps/ribbon';
import { modelFromXlsx } from '../fake-excel/from-xlsx';
import webpack from 'webpack';
import { TEST_ADDIN_URL as ADDIN_URL, builtAll } from '../helpers/builds';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const W = require('../../scripts/build-wps.js');
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { OFFLINE_PAGE, WPS_ECMA_VERSION } = require('../../scripts/build-wps-config.js');

const ROOT = path.resolve(__dirname, '..', '..');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const HAS_CHROMIUM = fs.existsSync(CHROMIUM);
const HAS_XMLLINT = !spawnSync('xmllint', ['--version']).error;
if (!HAS_CHROMIUM) console.warn(`test/wps/offline-build.test.ts: 找不到 Chromium（${CHROMIUM}），跳过离线页面的浏览器测试`);
if (!HAS_XMLLINT) console.warn('test/wps/offline-build.test.ts: xmllint 未安装，跳过 XML 格式检查');
const OUT = path.join(ROOT, 'test-output');
const VERSION: string = require('../../package.json').version;

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tz-wps-'));
let DIST = process.env.TZ_WPS_DIST || '';
let log = '';

beforeAll(async () => {
  // The build the test files share (`npm run build`: the Excel add-in beside these), unless one is given.
  if (!process.env.TZ_WPS_DIST) ({ dir: DIST, log } = await builtAll());
}, 900_000);

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const read = (...p: string[]) => fs.readFileSync(path.join(DIST, ...p), 'utf8');
const exists = (...p: string[]) => fs.existsSync(path.join(DIST, ...p));
const doc = (text: string) => new DOMParser().parseFromString(text, 'text/xml');

test('the build writes the WPS add-in folder, its online jsplugins.xml, the offline package and the offline page', () => {
  if (!process.env.TZ_WPS_DIST) expect(log).toContain('compiled successfully');
  const folder = ['index.html', 'main.js', 'ribbon.xml', 'manifest.xml', 'functions.json', 'taskpane.html', 'taskpane.js', ...W.ICONS];
  for (const f of [...folder, 'jsplugins.xml', 'publish.xml']) expect([f, exists('wps', f)]).toEqual([f, true]);
  for (const f of folder) expect([f, exists('wps-offline', `taizhang_${VERSION}`, f)]).toEqual([f, true]);
  for (const f of ['publish.xml', `taizhang_${VERSION}.zip`, '安装说明.txt']) expect([f, exists('wps-offline', f)]).toEqual([f, true]);
  expect(exists(OFFLINE_PAGE)).toBe(true);
  expect(fs.readdirSync(path.join(DIST, 'offline'))).toEqual(['执法台账助手.html']);
  // The same folder online and offline (the offline one has no online jsplugins.xml or publish.xml).
  expect(fs.readdirSync(path.join(DIST, 'wps-offline', `taizhang_${VERSION}`)).sort()).toEqual(fs.readdirSync(path.join(DIST, 'wps')).filter((f) => f !== 'jsplugins.xml' && f !== 'publish.xml').sort());
  expect(read('wps-offline', `taizhang_${VERSION}`, 'taskpane.js')).toBe(read('wps', 'taskpane.js'));
});

(HAS_XMLLINT ? test : test.skip)('every generated XML file is well-formed (xmllint)', () => {
  const files = ['wps/ribbon.xml', 'wps/manifest.xml', 'wps/jsplugins.xml', 'wps/publish.xml', 'wps-offline/publish.xml', `wps-offline/taizhang_${VERSION}/ribbon.xml`];
  const r = spawnSync('xmllint', ['--noout', '--nonet', ...files.map((f) => path.join(DIST, f))], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
});

test('the XML files name what exists: ribbon callbacks main.js installs, the icon, the functions file, the add-in URL and the offline folder', () => {
  const ribbon = doc(read('wps', 'ribbon.xml'));
  const root = ribbon.documentElement!;
  expect(root.getAttribute('onLoad')).toBe('OnAddinLoad');
  const button = ribbon.getElementsByTagName('button')[0];
  expect(button.getAttribute('id')).toBe(PANE_BUTTON);
  const named = [root.getAttribute('onLoad'), button.getAttribute('onAction'), button.getAttribute('getImage')];
  expect(named.sort()).toEqual([...CALLBACKS].sort());
  expect(ribbon.getElementsByTagName('tab')[0].getAttribute('label')).toBe('执法台账助手');

  const manifest = doc(read('wps', 'manifest.xml'));
  const uri = manifest.getElementsByTagName('Uri')[0].textContent!;
  expect(exists('wps', uri)).toBe(true);
  expect(manifest.getElementsByTagName('Namespace')[0].textContent).toBe('TZ');
  expect(manifest.getElementsByTagName('Name')[0].textContent).toBe(W.ADDIN_NAME);

  const online = doc(read('wps', 'jsplugins.xml')).getElementsByTagName('jspluginonline')[0];
  expect([online.getAttribute('name'), online.getAttribute('type'), online.getAttribute('url')]).toEqual([W.ADDIN_NAME, 'et', `${ADDIN_URL}wps/`]);
  // jsaddons/publish.xml as wpsjs 2.2.3 writes it: online (debug_publish.js) and for the copied folder (build.js), url = the folder's name.
  const perUser = doc(read('wps', 'publish.xml')).getElementsByTagName('jspluginonline')[0];
  expect(['name', 'type', 'url', 'enable', 'install'].map((a) => perUser.getAttribute(a))).toEqual([W.ADDIN_NAME, 'et', `${ADDIN_URL}wps/`, 'enable_dev', 'null']);
  const offline = doc(read('wps-offline', 'publish.xml')).getElementsByTagName('jsplugin')[0];
  expect(['name', 'type', 'version', 'url', 'enable', 'install'].map((a) => offline.getAttribute(a))).toEqual([W.ADDIN_NAME, 'et', VERSION, `taizhang_${VERSION}`, 'enable_dev', 'null']);
  expect(exists('wps-offline', offline.getAttribute('url')!)).toBe(true);

  // Pages load their scripts from next to them (the folder works served and copied).
  expect([...read('wps', 'index.html').matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1])).toEqual(['main.js']);
  expect([...read('wps', 'taskpane.html').matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1])).toEqual(['taskpane.js']);
});

test('the offline package’s zip holds the add-in folder', async () => {
  const zip = await JSZip.loadAsync(fs.readFileSync(path.join(DIST, 'wps-offline', `taizhang_${VERSION}.zip`)));
  const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir).sort();
  expect(names).toEqual(fs.readdirSync(path.join(DIST, 'wps')).flatMap((f) => (f === 'images' ? W.ICONS : f === 'jsplugins.xml' || f === 'publish.xml' ? [] : [f])).map((f: string) => `taizhang_${VERSION}/${f}`).sort());
  expect(await zip.file(`taizhang_${VERSION}/main.js`)!.async('string')).toBe(read('wps', 'main.js'));
});

test('functions.json is generated from functions.ts’s JSDoc, and main.js registers the same five functions in WPS', async () => {
  const list = await W.wpsFunctions();
  expect(JSON.parse(read('wps', 'functions.json'))).toEqual(JSON.parse(W.functionsJson(list)));
  expect(list.map((f: { id: string }) => f.id)).toEqual(['REPORT_MONTH', 'CHECK_ROW', 'WORKDAY_CN', 'IS_WORKDAY_CN', 'PUBLICITY_DUE']);
  expect(list.find((f: { id: string }) => f.id === 'CHECK_ROW').parameters.map((p: { type: string }) => p.type)).toEqual(['any[][]', 'any[][]']);
  expect(list.find((f: { id: string }) => f.id === 'REPORT_MONTH').parameters.map((p: { type: string }) => p.type)).toEqual(['any', 'any?', 'any?']);

  // main.js in a page-like context with a stand-in WPS Application.
  const registered = new Map<string, { fn: (...a: unknown[]) => unknown; meta: unknown }>();
  const panes: { url: string; Visible: boolean; Width: number; DockPosition: number }[] = [];
  const app = {
    AddCustomFunction: (ns: string, name: string, fn: (...a: unknown[]) => unknown, meta: unknown) => registered.set(`${ns}.${name}`, { fn, meta }),
    CreateTaskPane: (url: string) => {
      const p = { url, Visible: false, Width: 0, DockPosition: 0 };
      panes.push(p);
      return p;
    },
  };
  const sandbox: Record<string, unknown> = { console, setTimeout, clearTimeout, URL, Application: app, location: { href: 'file:///home/clerk/.local/share/Kingsoft/wps/jsaddons/taizhang_0.1.0/index.html' } };
  sandbox.window = sandbox;
  sandbox.self = sandbox;
  vm.runInContext(read('wps', 'main.js'), vm.createContext(sandbox));
  expect([...registered.keys()]).toEqual(list.map((f: { id: string }) => `TZ.${f.id}`));
  expect(registered.get('TZ.WORKDAY_CN')!.meta).toEqual({ description: list[2].description, result: list[2].result, parameters: list[2].parameters });
  expect(registered.get('TZ.WORKDAY_CN')!.fn(45197, 2)).toBe(45207); // 2023-09-28 + 2 working days = 2023-10-08 (调休)
  expect(registered.get('TZ.REPORT_MONTH')!.fn(45208, undefined, undefined)).toBe('2023-10');
  // An empty cell (VBA Empty) and an error value (CVErr as COM hands it over) are read as such.
  expect(registered.get('TZ.REPORT_MONTH')!.fn(undefined)).toBe('');
  expect(() => registered.get('TZ.REPORT_MONTH')!.fn('2023年2月30日')).toThrow(/2023年2月30日/);
  expect(() => registered.get('TZ.IS_WORKDAY_CN')!.fn(-2146826246)).toThrow(/#N\/A/);
  // The ribbon button opens the pane from the add-in's own folder, then hides and shows it.
  expect(typeof sandbox.OnAddinLoad).toBe('function');
  (sandbox.OnAction as (c: { Id: string }) => boolean)({ Id: PANE_BUTTON });
  expect(panes).toEqual([{ url: 'file:///home/clerk/.local/share/Kingsoft/wps/jsaddons/taizhang_0.1.0/taskpane.html', Visible: true, Width: 400, DockPosition: 2 }]);
  (sandbox.OnAction as (c: { Id: string }) => boolean)({ Id: PANE_BUTTON });
  expect(panes[0].Visible).toBe(false);
  expect((sandbox.GetImage as () => string)()).toMatch(/^images\/icon-\d+\.png$/);
});

test(`every script of the WPS folder, the offline package and the offline page parses at ES${WPS_ECMA_VERSION} (Chrome 84)`, () => {
  for (const dir of ['wps', 'wps-offline', 'offline']) {
    expect(shippedScripts(path.join(DIST, dir)).length).toBeGreaterThan(0);
    expect([dir, bundleProblems(path.join(DIST, dir), WPS_ECMA_VERSION)]).toEqual([dir, []]);
  }
  // The old-browser notes are ES5.
  for (const page of [read('wps', 'taskpane.html'), read(OFFLINE_PAGE)]) expect(syntaxProblem(inlineScripts(page)[0], 5)).toBeNull();
  // A streaming fetch or any fetch at all would be a request: none in the code we wrote.
  for (const dir of ['src/wps', 'src/offline']) {
    for (const f of fs.readdirSync(path.join(ROOT, dir))) expect([f, /\bfetch\(|XMLHttpRequest|WebSocket/.test(fs.readFileSync(path.join(ROOT, dir, f), 'utf8'))]).toEqual([f, false]);
  }
});

// The offline page itself (one file, no request, its behaviour in Chromium): test/offline/offline-page.test.ts.

(HAS_CHROMIUM ? test : test.skip)(
  'volume-licensed Excel 2016/2019 (the pane in Internet Explorer): taskpane.html says this Excel is too old and offers the offline page and the CLI',
  async () => {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const { chromium } = require('playwright-core');
    const site = path.join(tmp, 'addin');
    fs.mkdirSync(site, { recursive: true });
    // The template as the build writes it, less Office.js (the message comes before any of it runs).
    const template = fs.readFileSync(path.join(ROOT, 'src', 'taskpane', 'taskpane.html'), 'utf8').replace(/<script[^>]*src="<%= officeJs %>"><\/script>/, '');
    fs.writeFileSync(path.join(site, 'taskpane.html'), template);
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'] });
    try {
      // IE11's user agent (Chromium runs the ES5 script; real IE11 is not available here).
      const context = await browser.newContext({ viewport: { width: 320, height: 640 }, userAgent: 'Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; rv:11.0) like Gecko' });
      const page = await context.newPage();
      await page.goto('file://' + path.join(site, 'taskpane.html'));
      const text = await page.locator('#root').innerText();
      expect(text).toContain('这个 Excel 版本太旧，无法运行执法台账助手');
      expect(text).toContain('批量授权版 Excel 2016、2019');
      expect(text).toContain('taizhang check');
      expect(text).toContain(`${site}/offline/执法台账助手.html`);
      expect(text).toContain('版本 2311');
      const href = await page.getByRole('link', { name: '执法台账助手.html' }).getAttribute('href');
      expect(decodeURI(href!)).toBe(`file://${site}/offline/执法台账助手.html`);
      expect(await page.evaluate(() => (window as { tzUnsupportedWebview?: boolean }).tzUnsupportedWebview)).toBe(true);
      fs.mkdirSync(OUT, { recursive: true });
      await page.screenshot({ path: path.join(OUT, 'excel-2016-fallback.png'), fullPage: true });
    } finally {
      await browser.close();
    }
  },
  60_000,
);

/** test/wps/pane-entry.ts (the fake WPS Application) bundled for the page. */
async function fakeWpsScript(): Promise<string> {
  const out = path.join(tmp, 'fake-wps');
  const compiler = webpack({
    mode: 'development',
    devtool: false,
    target: 'web',
    context: ROOT,
    entry: path.join(__dirname, 'pane-entry.ts'),
    output: { path: out, filename: 'fake-wps.js' },
    resolve: { extensions: ['.ts', '.js'] },
    module: { rules: [{ test: /\.ts$/, loader: 'ts-loader', options: { transpileOnly: true, compilerOptions: { module: 'esnext', sourceMap: false } } }] },
    performance: { hints: false },
  });
  await new Promise<void>((resolve, reject) => compiler.run((err, stats) => (err || stats?.hasErrors() ? reject(err ?? new Error(stats!.toString())) : compiler.close(() => resolve()))));
  return fs.readFileSync(path.join(out, 'fake-wps.js'), 'utf8');
}

(HAS_CHROMIUM ? test : test.skip)(
  'the built WPS pane runs in Chromium over a stand-in WPS Application: the fixture’s ledgers, marks in the sheets, a live edit, a cell selected',
  async () => {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const { chromium } = require('playwright-core');
    const model = await modelFromXlsx(FIXTURE);
    const fake = await fakeWpsScript();
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'] });
    try {
      const context = await browser.newContext({ viewport: { width: 400, height: 900 }, offline: true });
      const page = await context.newPage();
      await page.clock.setFixedTime(new Date('2023-11-05T10:00:00'));
      const problems: string[] = [];
      const requests: string[] = [];
      page.on('pageerror', (e: Error) => problems.push(e.message));
      page.on('request', (r: { url(): string }) => requests.push(path.basename(decodeURI(r.url()))));
      await page.addInitScript(`window.__wpsModel = ${JSON.stringify(model)};\n${fake}`);
      await page.goto('file://' + path.join(DIST, 'wps', 'taskpane.html'));
      const sheets = page.getByRole('list', { name: '本工作簿中的台账' });
      await sheets.waitFor({ timeout: 20_000 });
      expect((await sheets.getByRole('listitem').allInnerTexts()).map((t: string) => t.replace(/\s+/g, ' '))).toEqual([
        expect.stringMatching(/^行政处罚 行政处罚案件台账 10 条记录 错误 \d+ /),
        expect.stringMatching(/^行政检查 行政检查案件台账 8 条记录 /),
        expect.stringMatching(/^行政强制 行政强制案件台账 5 条记录 /),
      ]);
      type W = { __wps: { wb: { shownFill(s: string, a: string): string | undefined; userEdit(s: string, a: string, v: unknown): void; activeSheetId: string; sheet(n: string): { id: string; selection: string } } } };
      // The results are shown first; the marks are written in a step of their own after them.
      await page.waitForFunction(() => (window as unknown as W).__wps.wb.shownFill('行政处罚案件台账', 'F6') !== undefined, null, { timeout: 20_000 });
      expect(await page.evaluate(() => (window as unknown as W).__wps.wb.shownFill('行政处罚案件台账', 'F6'))).toBe('#FFC7CE');
      fs.mkdirSync(OUT, { recursive: true });
      await page.screenshot({ path: path.join(OUT, 'wps-pane.png') });
      await page.getByRole('button', { name: /F6「结案时间」/ }).click();
      await page.waitForFunction(() => (window as unknown as W).__wps.wb.sheet('行政处罚案件台账').selection === 'F6');
      await page.evaluate(() => (window as unknown as W).__wps.wb.userEdit('行政处罚案件台账', 'F6', 45227));
      await page.getByRole('button', { name: /F6「结案时间」/ }).waitFor({ state: 'detached', timeout: 10_000 });
      // Live checking writes nothing (the clerk's undo history): the mark waits for 更新标记.
      expect(await page.evaluate(() => (window as unknown as W).__wps.wb.shownFill('行政处罚案件台账', 'F6'))).toBe('#FFC7CE');
      await page.getByRole('button', { name: '更新标记' }).click();
      await page.waitForFunction(() => (window as unknown as W).__wps.wb.shownFill('行政处罚案件台账', 'F6') === undefined, undefined, { timeout: 10_000 });
      expect(problems).toEqual([]);
      expect(requests).toEqual(['taskpane.html', 'taskpane.js']);
    } finally {
      await browser.close();
    }
  },
  120_000,
);
