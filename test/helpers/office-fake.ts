/*
 * The adapter's fake Office.js (test/fake-excel) bundled for a browser page, plus what the
 * built pane needs beside it: the custom-functions runtime (CustomFunctions.associate) and
 * Office.context.ui.openBrowserWindow, recorded on window.__tz.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import webpack from 'webpack';
import type { FakeOfficeOptions, WorkbookJson } from '../fake-excel';

export const FIXTURE = path.resolve(__dirname, '..', '..', '..', 'shared', 'fixtures', 'sample-2023-10.xlsx');

const bundled = new Map<string, Promise<string>>();

/** test/fake-excel as one browser script defining `TZFake` (bundled once per test file). */
export function fakeExcelBundle(): Promise<string> {
  return browserBundle(path.resolve(__dirname, '..', 'fake-excel', 'index.ts'), 'TZFake');
}

/** A TypeScript module as one browser script defining `library` (bundled once per process; no Node APIs). */
export function browserBundle(entry: string, library: string): Promise<string> {
  const key = `${entry}\u0000${library}`;
  if (!bundled.has(key)) bundled.set(key, bundle(entry, library));
  return bundled.get(key)!;
}

function bundle(entry: string, library: string): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'tz-fake-'));
    const compiler = webpack({
      mode: 'development',
      devtool: false,
      target: 'web',
      context: path.resolve(__dirname, '..', '..'),
      entry,
      output: { path: out, filename: 'fake.js', library: { name: library, type: 'var' } },
      resolve: { extensions: ['.ts', '.js'] },
      module: { rules: [{ test: /\.ts$/, loader: 'ts-loader', options: { transpileOnly: true, compilerOptions: { module: 'esnext', sourceMap: false } } }] },
      node: false,
      performance: { hints: false },
    });
    compiler.run((err, stats) => {
      compiler.close(() => undefined);
      if (err || !stats || stats.hasErrors()) return reject(err ?? new Error(stats?.toString('errors-only')));
      resolve(fs.readFileSync(path.join(out, 'fake.js'), 'utf8'));
      fs.rmSync(out, { recursive: true, force: true });
    });
  });
}

/** An init script: the fake over `workbook`, the custom-functions runtime and openBrowserWindow. */
export async function fakeOfficeScript(workbook: WorkbookJson, options: FakeOfficeOptions = {}): Promise<string> {
  return `${await fakeExcelBundle()}
(function () {
  var installed = TZFake.installFakeOffice(window, TZFake.FakeWorkbook.fromJson(${JSON.stringify(workbook)}), ${JSON.stringify(options)});
  window.__tz = { host: installed.host, assoc: {}, opened: [] };
  var supported = Office.context.requirements.isSetSupported;
  Office.context.requirements.isSetSupported = function (n, v) {
    return n === 'OpenBrowserWindowApi' ? Number(v || '1.1') <= 1.1 : supported(n, v);
  };
  Office.context.ui = { openBrowserWindow: function (url) { window.__tz.opened.push(url); } };
  window.CustomFunctions = {
    associate: function (id, fn) { window.__tz.assoc[id] = fn; },
    Error: function (code, message) { this.code = code; this.message = message; },
    ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A' }
  };
})();`;
}
