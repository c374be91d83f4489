/*
 * The built task pane in headless Chromium over the fake Excel, for the pane's browser tests
 * and the pane bench: one production build per source state (cached in the temp folder, shared
 * by test files running at once), served over http (Web Workers and chunks need an origin),
 * Office.js from the CDN answered with nothing, and the fake installed before the pane's scripts.
 */
import * as fs from 'fs';
import * as http from 'http';
import * as path from 'path';
import { builtAll } from './builds';
import type { FakeOfficeOptions, WorkbookJson } from '../fake-excel';
import { FIXTURE, fakeExcelBundle } from './office-fake';
import { modelFromXlsx } from '../fake-excel/from-xlsx';

export const ROOT = path.resolve(__dirname, '..', '..');
export const CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const HAS_CHROMIUM = fs.existsSync(CHROMIUM);
/** Flags that work on these machines (/work/shared/README.md). */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'];

/**
 * The production build of the current sources, as the tests share it (test/helpers/builds.ts;
 * TZ_PANE_DIST: a build to use instead).
 */
export async function builtPane(): Promise<string> {
  if (process.env.TZ_PANE_DIST) return path.resolve(process.env.TZ_PANE_DIST);
  return (await builtAll()).dir;
}

/** What a browser test of the built pane starts with: Chromium, the build served over http, the fixture as a fake workbook. */
export interface PaneSite {
  browser: import('playwright-core').Browser;
  site: { origin: string; close(): Promise<void> };
  fixture: WorkbookJson;
  close(): Promise<void>;
}

export async function openPaneSite(): Promise<PaneSite> {
  const [dist, fixture] = await Promise.all([builtPane(), modelFromXlsx(FIXTURE)]);
  const site = await serve(dist);
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { chromium } = require('playwright-core') as typeof import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  return { browser, site, fixture, close: async () => void (await Promise.all([browser.close(), site.close()])) };
}

/** Serves a folder over http on 127.0.0.1 (the pane as Excel loads it: from a web server). */
export function serve(dir: string): Promise<{ origin: string; close(): Promise<void> }> {
  const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.json': 'application/json', '.png': 'image/png', '.xml': 'application/xml' };
  const server = http.createServer((req, res) => {
    const file = path.join(dir, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      resolve({
        origin: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise<void>((r) => {
            server.closeAllConnections?.();
            server.close(() => r());
          }),
      });
    }),
  );
}

export interface PaneOptions {
  /** Office.js host options (platform, requirement sets …). */
  host?: FakeOfficeOptions;
  /**
   * Script run in the page after the fake is installed and before the pane's scripts, with
   * `installed` (the fake's host) in scope: e.g. to hold Office.onReady back.
   */
  before?: string;
}

/**
 * The init script: the fake over `workbook`, the custom-functions runtime, openBrowserWindow
 * and Office.actions (recorded on window.__tz). `workbook` may be the JSON text of a model.
 */
export async function paneScript(workbook: WorkbookJson | string, o: PaneOptions = {}): Promise<string> {
  const json = typeof workbook === 'string' ? workbook : JSON.stringify(workbook);
  return `${await fakeExcelBundle()}
(function () {
  var installed = TZFake.installFakeOffice(window, TZFake.FakeWorkbook.fromJson(${json}), ${JSON.stringify({ yieldBetweenOps: true, ...o.host })});
  window.__tz = { host: installed.host, assoc: {}, opened: [], actions: {} };
  var supported = Office.context.requirements.isSetSupported;
  Office.context.requirements.isSetSupported = function (n, v) {
    return n === 'OpenBrowserWindowApi' ? Number(v || '1.1') <= 1.1 : supported(n, v);
  };
  Office.context.ui = Object.assign({}, Office.context.ui, { openBrowserWindow: function (url) { window.__tz.opened.push(url); } });
  window.CustomFunctions = {
    associate: function (id, fn) { window.__tz.assoc[id] = fn; },
    Error: function (code, message) { this.code = code; this.message = message; },
    ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A' }
  };
  ${o.before ?? ''}
})();`;
}

/**
 * For PaneOptions.before: Office.js while it starts. Office.onReady waits until `__release()`;
 * until then Office.context and Excel.run throw what Office.js throws (an add-in "can't
 * successfully call any Office JavaScript APIs until the library has been loaded",
 * https://learn.microsoft.com/office/dev/add-ins/develop/initialize-add-in; the message as
 * office.js prints it). `__syncs` counts the fake host's syncs.
 */
export const HOLD_ON_READY = `
  var release;
  var held = new Promise(function (r) { release = r; });
  var loaded = false;
  window.__release = function () { loaded = true; release(); };
  var notLoaded = function () {
    throw new Error('Office.js has not fully loaded. Your app must call "Office.onReady()" as part of it\\'s loading sequence (or set the "Office.initialize" function). If your app has this functionality, try reloading this page.');
  };
  var context = Office.context;
  Object.defineProperty(Office, 'context', { configurable: true, enumerable: true, get: function () { if (!loaded) notLoaded(); return context; } });
  var run = Excel.run;
  Excel.run = function () { if (!loaded) notLoaded(); return run.apply(this, arguments); };
  var onReady = Office.onReady;
  Office.onReady = function (cb) { return held.then(function () { return onReady(cb); }); };
  window.__syncs = 0;
  var countedSync = installed.host.sync.bind(installed.host);
  installed.host.sync = function (ctx) { window.__syncs++; return countedSync(ctx); };
`;

type Route = { request(): { url(): string }; fulfill(o: object): void; continue(): void; abort(): void };

/** Answers the Office.js CDN with nothing, lets the site through and records (and aborts) anything else. */
export async function routePane(page: { route(p: string, h: (r: Route) => void): Promise<unknown> }, origin: string): Promise<{ offsite: string[]; loaded: string[] }> {
  const offsite: string[] = [];
  const loaded: string[] = [];
  await page.route('**/*', (route: Route) => {
    const url = route.request().url();
    if (url === CDN) return route.fulfill({ contentType: 'text/javascript', body: '/* Office.js is faked by the test */' });
    if (url.startsWith(origin)) {
      loaded.push(path.basename(new URL(url).pathname));
      return route.continue();
    }
    offsite.push(url);
    return route.abort();
  });
  return { offsite, loaded };
}
