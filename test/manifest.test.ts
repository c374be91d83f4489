/* manifest.xml: offline validation (XSD, resids, origin) and what the add-in promises in it. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { DOMParser } from '@xmldom/xmldom';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { validate, checkOwnRules } = require('../scripts/validate-manifest.js');
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { DEV_BASE, normalizeBase, productionBase, rewriteManifest } = require('../scripts/manifest-urls.js');

const ROOT = path.resolve(__dirname, '..');
const MANIFEST = path.join(ROOT, 'manifest.xml');
const xml = fs.readFileSync(MANIFEST, 'utf8');
const doc = new DOMParser().parseFromString(xml, 'text/xml');

const HAS_XMLLINT = !spawnSync('xmllint', ['--version']).error;
if (!HAS_XMLLINT) {
  console.warn('test/manifest.test.ts: xmllint 未安装（apt-get install libxml2-utils），跳过 XSD 校验测试');
}
const withXmllint = HAS_XMLLINT ? test : test.skip;

function all(localName: string): Element[] {
  const list = doc.getElementsByTagName('*');
  const out: Element[] = [];
  for (let i = 0; i < list.length; i++) if (list[i].localName === localName) out.push(list[i] as unknown as Element);
  return out;
}
const text = (name: string) => (all(name)[0]?.textContent ?? '').trim();

/** A copy of the manifest with `edit` applied, in a temp file. */
function variant(edit: (s: string) => string): string {
  const out = edit(xml);
  expect(out).not.toBe(xml); // the edit must hit
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tz-manifest-')), 'manifest.xml');
  fs.writeFileSync(file, out);
  return file;
}
/** Runs the validator, returning its verdict and the lines that failed. */
function failures(file: string): { ok: boolean; failed: string[] } {
  const lines: string[] = [];
  const ok = validate(file, { log: (l: string) => lines.push(l) });
  return { ok, failed: lines.filter((l) => l.startsWith('FAIL')) };
}

describe('offline validation', () => {
  withXmllint('manifest.xml passes the XSD, the resid check and the origin check', () => {
    const lines: string[] = [];
    expect(validate(MANIFEST, { log: (l: string) => lines.push(l) })).toBe(true);
    expect(lines.join('\n')).toContain('validates');
  });

  withXmllint('the XSD rejects a manifest without <Id>', () => {
    const r = failures(variant((s) => s.replace(/<Id>[^<]*<\/Id>/, '')));
    expect(r.ok).toBe(false);
    expect(r.failed).toEqual([expect.stringMatching(/^FAIL XSD/)]);
  });

  withXmllint('the resid check rejects an undefined resid', () => {
    const r = failures(variant((s) => s.replace('resid="Group.Label"', 'resid="Group.Missing"')));
    expect(r.ok).toBe(false);
    expect(r.failed).toEqual([expect.stringMatching(/^FAIL resid: FAIL Group.Missing/)]);
  });

  test('the origin check: every URL https under the configured base', () => {
    expect(checkOwnRules(xml, DEV_BASE, null)).toEqual([]);
    expect(checkOwnRules(xml, 'https://oa.example.gov.cn/taizhang/', null).length).toBeGreaterThan(5);
    const http = xml.replace('https://localhost:3000/functions.json', 'http://localhost:3000/functions.json');
    expect(checkOwnRules(http, DEV_BASE, null)).toEqual([expect.stringContaining('必须是 https')]);
    const foreign = xml.replace('https://localhost:3000/functions.js"', 'https://cdn.example.com/functions.js"');
    expect(checkOwnRules(foreign, DEV_BASE, null)).toEqual([expect.stringContaining('不在 https://localhost:3000/ 之下')]);
  });

  test('the shared-runtime check: one resid for runtime, page, function file and task pane', () => {
    const page = xml.replace(/(<Page>\s*<SourceLocation resid=")Taskpane\.Url/, '$1Functions.Script.Url');
    expect(checkOwnRules(page, DEV_BASE, null)).toEqual([expect.stringContaining('<Page>')]);
    const ff = xml.replace('<FunctionFile resid="Taskpane.Url"', '<FunctionFile resid="Functions.Script.Url"');
    expect(checkOwnRules(ff, DEV_BASE, null)).toEqual([expect.stringContaining('FunctionFile')]);
    const short = xml.replace('lifetime="long"', 'lifetime="short"');
    expect(checkOwnRules(short, DEV_BASE, null)).toEqual([expect.stringContaining('lifetime')]);
    const ns = xml.replace('id="Functions.Namespace" DefaultValue="TZ"', 'id="Functions.Namespace" DefaultValue="CONTOSO"');
    expect(checkOwnRules(ns, DEV_BASE, null)).toEqual([expect.stringContaining('TZ')]);
    const noExcelApi = xml.replace(/\s*<Set Name="ExcelApi" MinVersion="[^"]+" \/>/, '');
    expect(checkOwnRules(noExcelApi, DEV_BASE, null)).toEqual([expect.stringContaining('ExcelApi')]);
  });

  test('with a build folder, every URL must name a file in it', () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'tz-dist-'));
    const findings: string[] = checkOwnRules(xml, DEV_BASE, empty);
    expect(findings.some((f) => f.includes('taskpane.html'))).toBe(true);
    expect(findings.some((f) => f.includes('functions.json'))).toBe(true);
  });
});

describe('what the manifest declares', () => {
  test('Chinese name and description, English overrides', () => {
    expect(text('DefaultLocale')).toBe('zh-CN');
    const name = all('DisplayName')[0];
    expect(name.getAttribute('DefaultValue')).toBe('执法台账助手');
    expect(xml).toMatch(/<DisplayName[^>]*>\s*<Override Locale="en-US" Value="[A-Za-z ]+"/);
    expect(all('Description')[0].getAttribute('DefaultValue')).toMatch(/[\u4e00-\u9fff]/);
  });

  test('requirement sets: shared runtime and what the code uses unconditionally', () => {
    const sets = all('Set').map((s) => `${s.getAttribute('Name')} ${s.getAttribute('MinVersion')}`);
    expect(sets).toEqual(['SharedRuntime 1.1', 'CustomFunctionsRuntime 1.2', 'ExcelApi 1.9']);
  });

  test('one long-lived runtime; TZ namespace; 执法台账 group on the Home tab opens the task pane', () => {
    expect(all('Runtime')).toHaveLength(1);
    expect(all('Runtime')[0].getAttribute('lifetime')).toBe('long');
    expect(all('OfficeTab')[0].getAttribute('id')).toBe('TabHome');
    const label = all('Group')[0].getElementsByTagName('Label')[0].getAttribute('resid');
    const strings = all('String');
    expect(strings.find((s) => s.getAttribute('id') === label)?.getAttribute('DefaultValue')).toBe('执法台账');
    expect(strings.find((s) => s.getAttribute('id') === 'Functions.Namespace')?.getAttribute('DefaultValue')).toBe('TZ');
    expect(xml).toContain('<Action xsi:type="ShowTaskpane">');
  });

  test('no AppDomains: nothing is loaded from another origin', () => {
    expect(all('AppDomains')).toHaveLength(0);
  });

  test('icons 16/32/64/80 px exist as PNGs of that size, with their SVG source', () => {
    expect(fs.existsSync(path.join(ROOT, 'assets', 'icon.svg'))).toBe(true);
    for (const size of [16, 32, 64, 80]) {
      const png = fs.readFileSync(path.join(ROOT, 'assets', `icon-${size}.png`));
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
    expect(xml).toContain('assets/icon-64.png');
  });
});

describe('production URLs', () => {
  test('normalizeBase keeps a path, adds the slash, refuses http and queries', () => {
    expect(normalizeBase('https://oa.example.gov.cn/taizhang')).toBe('https://oa.example.gov.cn/taizhang/');
    expect(normalizeBase('https://10.1.2.3:8443')).toBe('https://10.1.2.3:8443/');
    expect(() => normalizeBase('http://oa.example.gov.cn/')).toThrow(/https/);
    expect(() => normalizeBase('https://oa.example.gov.cn/?a=1')).toThrow(/\?/);
    expect(() => normalizeBase('oa.example.gov.cn')).toThrow(/不是有效的网址/);
  });

  test('rewriteManifest moves every URL and leaves comments alone', () => {
    const out = rewriteManifest(xml, 'https://oa.example.gov.cn/taizhang');
    expect(out).not.toMatch(/="https:\/\/localhost:3000\//);
    expect(out.match(/="https:\/\/oa\.example\.gov\.cn\/taizhang\//g)?.length).toBe(xml.match(/="https:\/\/localhost:3000\//g)?.length);
    expect(checkOwnRules(out, 'https://oa.example.gov.cn/taizhang/', null)).toEqual([]);
    expect(out).toContain('https://localhost:3000/; `npm run build`'); // the comment
  });

  test('productionBase falls back to the dev server without TZ_ADDIN_URL', () => {
    const saved = process.env.TZ_ADDIN_URL;
    try {
      delete process.env.TZ_ADDIN_URL;
      expect(productionBase()).toBe(DEV_BASE);
      process.env.TZ_ADDIN_URL = 'https://oa.example.gov.cn/tz';
      expect(productionBase()).toBe('https://oa.example.gov.cn/tz/');
    } finally {
      if (saved === undefined) delete process.env.TZ_ADDIN_URL;
      else process.env.TZ_ADDIN_URL = saved;
    }
  });
});
