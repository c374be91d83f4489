/*
 * The reader (src/input) runs in a browser: webpack bundles it for target "web" with no Node
 * polyfills and without exceljs, and the bundle reads, refuses and passes crafted files in a
 * context that has only browser globals.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';
import type webpack from 'webpack';
import { nodeModulesIn, webBundle } from '../helpers/web-bundle';
import * as H from '../helpers/hostile-files';

let outDir: string;
let stats: webpack.Stats;

beforeAll(async () => {
  ({ dir: outDir, stats } = await webBundle(path.join(__dirname, 'browser-entry.ts'), 'input.js'));
});
afterAll(() => fs.rmSync(outDir, { recursive: true, force: true }));

test('bundles for the web without errors or Node built-ins', () => {
  const info = stats.toJson({ all: false, errors: true, modules: true });
  expect(info.errors ?? []).toEqual([]);
  const names = (info.modules ?? []).map((m) => m.name ?? '');
  expect(names.some((n) => n.includes('src/input/sheet-read.ts'))).toBe(true);
  expect(names.filter((n) => n.includes('exceljs'))).toEqual([]);
  expect(nodeModulesIn(names)).toEqual([]);
});

test('the bundle reads cells and merges, and refuses, with browser globals only', async () => {
  const sandbox: Record<string, unknown> = { console, TextEncoder, TextDecoder, setTimeout, clearTimeout, queueMicrotask };
  sandbox.window = sandbox;
  sandbox.self = sandbox;
  const ctx = vm.createContext(sandbox);
  vm.runInContext(fs.readFileSync(path.join(outDir, 'input.js'), 'utf8'), ctx, { filename: 'input.js' });
  expect(vm.runInContext('typeof require + typeof process + typeof Buffer', ctx)).toBe('undefinedundefinedundefined');
  const inspect = async (bytes: Uint8Array) => {
    // Bytes of the page's own realm, as a File's arrayBuffer() would give.
    const own = vm.runInContext(`new Uint8Array(${bytes.length})`, ctx) as Uint8Array;
    own.set(bytes);
    ctx.input = own;
    return vm.runInContext('TZ.readXlsx(input, "台账.xlsx", TZ.LIMITS).then((r) => ({ merges: r.sheets.map((s) => [s.name, s.merges]), rows: r.sheets[0].rows.length, title: r.sheets[0].rows[0][0] }), (e) => ({ refused: e.message }))', ctx) as Promise<{ merges?: [string, unknown[]][]; rows?: number; title?: string; refused?: string }>;
  };
  const bomb = await inspect(H.xlsx(H.sheetXml({ rows: H.ledgerRows(1), merges: ['A1:K1', 'A4:XFD1048576'] }), {}, 9));
  expect(bomb.refused).toBeUndefined();
  expect(JSON.parse(JSON.stringify(bomb.merges))).toEqual([['处罚台账', [{ top: 1, left: 1, bottom: 1, right: 11 }]]]);
  expect([bomb.rows, bomb.title]).toEqual([3, H.TITLE]);
  expect((await inspect(H.lieAboutSize(H.xlsx(H.paddedSheet(60 * 1024 * 1024), {}, 9), 'xl/worksheets/sheet1.xml', 1000))).refused).toMatch(/50 MB 的上限/);
  expect((await inspect(H.ole(['EncryptionInfo', 'EncryptedPackage']))).refused).toMatch(/密码/);
  expect((await inspect(H.zip({ mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'content.xml': '<x/>' }))).refused).toMatch(/\.ods/);
});
