/*
 * The built task pane in headless Chromium over the fake Excel, for the pane's browser tests
 * and the pane bench: one production build per source state (cached in the temp folder, shared
 * by test files running at once), served over http (Web Workers and chunks need an origin),
 * Office.js from the CDN answered with nothing, and the fake installed before the pane's scripts.
 */
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';
import { spawn } from 'child_process';
import type { FakeOfficeOptions, WorkbookJson } from '../fake-excel';
import { fakeExcelBundle } from './office-fake';

export const ROOT = path.resolve(__dirname, '..', '..');
export const CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const HAS_CHROMIUM = fs.existsSync(CHROMIUM);
/** Flags that work on these machines (/work/shared/README.md). */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'];

/** What decides the build: sources, config, dependencies. */
function sourceHash(): string {
  const h = crypto.createHash('sha256');
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else h.update(p).update(fs.readFileSync(p));
    }
  };
  walk(path.join(ROOT, 'src'));
  walk(path.join(ROOT, 'assets'));
  for (const f of ['webpack.config.js', 'package-lock.json', 'tsconfig.json', 'tsconfig.web.json', 'manifest.xml']) h.update(fs.readFileSync(path.join(ROOT, f)));
  for (const f of fs.readdirSync(path.join(ROOT, 'scripts'))) if (f.endsWith('.js')) h.update(fs.readFileSync(path.join(ROOT, 'scripts', f)));
  return h.digest('hex').slice(0, 16);
}

function runBuild(out: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env };
    delete env.TZ_OFFICE_JS;
    delete env.TZ_ADDIN_URL;
    const webpack = require.resolve('webpack-cli/bin/cli.js');
    const p = spawn(process.execPath, [webpack, '--mode', 'production', '--config-name', 'addin', '--output-path', out], { cwd: ROOT, env });
    let log = '';
    p.stdout.on('data', (d) => (log += d));
    p.stderr.on('data', (d) => (log += d));
    p.on('error', reject);
    p.on('close', (code) => (code === 0 && fs.existsSync(path.join(out, 'taskpane.html')) ? resolve() : reject(new Error(`build failed (${code}):\n${log.slice(-4000)}`))));
  });
}

/**
 * The production build of the current sources (TZ_PANE_DIST: a build to use instead). A test
 * file that finds another one building the same sources waits for it (a lock directory).
 */
export async function builtPane(): Promise<string> {
  if (process.env.TZ_PANE_DIST) return path.resolve(process.env.TZ_PANE_DIST);
  const dir = path.join(os.tmpdir(), `tz-pane-build-${sourceHash()}`);
  const done = path.join(dir, '.done');
  const lock = `${dir}.lock`;
  for (;;) {
    if (fs.existsSync(done)) return dir;
    try {
      fs.mkdirSync(lock);
    } catch {
      // Another process builds these sources: wait for its marker (or its lock to go).
      await new Promise((r) => setTimeout(r, 1000));
      continue;
    }
    try {
      fs.rmSync(dir, { recursive: true, force: true });
      await runBuild(dir);
      fs.writeFileSync(done, new Date().toISOString());
      return dir;
    } finally {
      fs.rmSync(lock, { recursive: true, force: true });
    }
  }
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
