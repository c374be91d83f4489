/*
 * src/submission runs in a browser: webpack bundles it for target "web" with no Node polyfills,
 * and the bundle builds a package in a context that has only browser globals (no require,
 * process, Buffer).
 */
import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';
import { webcrypto } from 'crypto';
import type webpack from 'webpack';
import { nodeModulesIn, webBundle } from '../helpers/web-bundle';
import { simpleParser } from 'mailparser';
import { CONTACT, TEAM, TODAY, dataRows, readDocx } from './helpers-package';
import { GOOD, ledgerGrid } from '../helpers/ledger';

let outDir: string;
let stats: webpack.Stats;

beforeAll(async () => {
  ({ dir: outDir, stats } = await webBundle(path.join(__dirname, 'browser-entry.ts'), 'submission.js'));
});

test('bundles for the web without errors or Node built-ins', () => {
  const info = stats.toJson({ all: false, errors: true, warnings: true, modules: true });
  expect(info.errors ?? []).toEqual([]);
  const names = (info.modules ?? []).map((m) => m.name ?? '');
  expect(names.some((n) => n.includes('src/submission/docx.ts'))).toBe(true);
  expect(nodeModulesIn(names)).toEqual([]);
});

test('the bundle builds the Word file and the draft with browser globals only', async () => {
  const code = fs.readFileSync(path.join(outDir, 'submission.js'), 'utf8');
  const sandbox: Record<string, unknown> = {
    console,
    TextEncoder,
    TextDecoder,
    URL,
    crypto: webcrypto,
    setTimeout,
    clearTimeout,
    queueMicrotask,
  };
  sandbox.window = sandbox;
  sandbox.self = sandbox;
  const ctx = vm.createContext(sandbox);
  vm.runInContext(code, ctx, { filename: 'submission.js' });
  expect(vm.runInContext('typeof require + typeof process + typeof Buffer', ctx)).toBe('undefinedundefinedundefined');
  const TZ = (ctx as { TZ: typeof import('./browser-entry') }).TZ;
  const grids = [ledgerGrid('penalty', [GOOD.penalty], '行政处罚案件台账'), ledgerGrid('inspection', [GOOD.inspection], '行政检查案件台账')];
  const check = TZ.checkWorkbook(JSON.parse(JSON.stringify(grids)), { today: TODAY });
  const r = await TZ.prepareSubmission(check, { period: TZ.periodSchema.parse('2023-10'), team: TEAM, contact: CONTACT, today: TODAY });
  if (r.refused) throw new Error(r.message);
  const docx = Uint8Array.from(r.docx);
  const doc = await readDocx(docx);
  expect(dataRows(doc.tables[0])[0][3]).toBe(GOOD.penalty.party);
  expect(dataRows(doc.tables[2])).toEqual([['本期无行政强制案件']]);
  const mail = await simpleParser(r.eml);
  expect(mail.headers.get('x-unsent')).toBe('1');
  expect(Buffer.compare(mail.attachments[0].content, Buffer.from(docx))).toBe(0);
});
