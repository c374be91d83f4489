#!/usr/bin/env node
'use strict';
/*
 * Offline manifest validation (office-addin-manifest validate posts to a Microsoft service).
 *
 *   node scripts/validate-manifest.js [manifest.xml] [--base URL] [--files DIR]
 *   node scripts/validate-manifest.js --dist     dist/manifest.xml, files in dist/, base TZ_ADDIN_URL
 *
 * 1. XSD: xmllint --nonet against ../shared/schemas/manifest/patched/OfficeAppManifestV1_1.xsd
 * 2. resids: python3 ../shared/tools/manifest_refs.py (each resid defined exactly once)
 * 3. this add-in's own rules: every URL is https and under --base (default: the dev server),
 *    the shared runtime uses one resid everywhere, the namespace is TZ, the icons exist, and
 *    with --files DIR every URL's file is in DIR (for a built dist/).
 * Exit 0 when all pass, 1 on a finding, 2 when a tool or file is missing.
 */
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const { DOMParser } = require('@xmldom/xmldom');
const { DEV_BASE, normalizeBase, productionBase } = require('./manifest-urls');

const ROOT = path.resolve(__dirname, '..');
const SHARED = process.env.TZ_SHARED_DIR || path.resolve(ROOT, '..', 'shared');
const XSD = path.join(SHARED, 'schemas', 'manifest', 'patched', 'OfficeAppManifestV1_1.xsd');
const REFS = path.join(SHARED, 'tools', 'manifest_refs.py');
const ICON_SIZES = { 'Icon.16x16': 16, 'Icon.32x32': 32, 'Icon.80x80': 80, 'Prepare.16x16': 16, 'Prepare.32x32': 32, 'Prepare.80x80': 80 };

class ToolMissing extends Error {}

function run(cmd, args) {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.error && r.error.code === 'ENOENT') throw new ToolMissing(`${cmd} 未安装（Debian/Ubuntu: apt-get install ${cmd === 'xmllint' ? 'libxml2-utils' : 'python3'}）`);
  return { ok: r.status === 0, out: `${r.stdout || ''}${r.stderr || ''}`.trim() };
}

/** Checks the XSD can be found before blaming the manifest. */
function needFile(file, what) {
  if (!fs.existsSync(file)) throw new ToolMissing(`找不到${what}：${file}`);
}

function attr(el, name) {
  return el.getAttribute(name) || '';
}

function elements(doc, localName) {
  const out = [];
  const all = doc.getElementsByTagName('*');
  for (let i = 0; i < all.length; i++) if (all[i].localName === localName) out.push(all[i]);
  return out;
}

/** Findings from the add-in's own rules (array of Chinese messages). */
function checkOwnRules(xml, base, filesDir) {
  const findings = [];
  const doc = new DOMParser({ onError: (level, msg) => findings.push(`XML ${level}: ${msg}`) }).parseFromString(xml, 'text/xml');
  if (!doc || !doc.documentElement) return ['无法解析 XML'];

  // Every URL-valued attribute (namespaces aside) must be https under the base.
  const urls = [];
  const all = doc.getElementsByTagName('*');
  for (let i = 0; i < all.length; i++) {
    const el = all[i];
    for (let j = 0; j < el.attributes.length; j++) {
      const a = el.attributes[j];
      if (a.name === 'xmlns' || a.name.startsWith('xmlns:')) continue;
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(a.value)) urls.push({ where: `<${el.localName} ${a.name}>`, url: a.value, id: attr(el, 'id') });
    }
    // AppDomain is the only element whose text is a URL.
    if (el.localName === 'AppDomain') urls.push({ where: '<AppDomain>', url: (el.textContent || '').trim(), id: '' });
  }
  for (const u of urls) {
    if (!u.url.startsWith('https://')) findings.push(`${u.where} ${u.url}：必须是 https`);
    else if (!u.url.startsWith(base)) findings.push(`${u.where} ${u.url}：不在 ${base} 之下`);
  }
  if (!urls.length) findings.push('清单中没有任何网址');

  // Shared runtime: the Runtime, the custom functions page, the function file and the task pane share one resid.
  const runtimes = elements(doc, 'Runtime');
  if (runtimes.length !== 1) findings.push(`应有且只有一个 <Runtime>，现有 ${runtimes.length} 个`);
  const runtime = runtimes[0];
  if (runtime) {
    const rid = attr(runtime, 'resid');
    if (attr(runtime, 'lifetime') !== 'long') findings.push('<Runtime lifetime> 应为 long（共享运行时）');
    const page = elements(doc, 'Page')[0];
    const pageRid = page ? attr(elements(page, 'SourceLocation')[0] || page, 'resid') : '';
    if (pageRid !== rid) findings.push(`自定义函数 <Page> 的 resid（${pageRid || '无'}）应与 <Runtime>（${rid}）相同`);
    for (const ff of elements(doc, 'FunctionFile')) if (attr(ff, 'resid') !== rid) findings.push(`<FunctionFile resid="${attr(ff, 'resid')}"> 应为 ${rid}`);
    for (const action of elements(doc, 'Action')) {
      if (attr(action, 'xsi:type') !== 'ShowTaskpane') continue;
      const loc = elements(action, 'SourceLocation')[0];
      if (!loc || attr(loc, 'resid') !== rid) findings.push(`ShowTaskpane 的 SourceLocation 应为 ${rid}`);
    }
  }
  const sets = elements(doc, 'Set').map((s) => `${attr(s, 'Name')} ${attr(s, 'MinVersion')}`);
  if (!sets.includes('SharedRuntime 1.1')) findings.push('<Requirements> 缺少 SharedRuntime 1.1');
  // The ExcelApi level the code uses unconditionally (test/fake-excel runs the adapter suite at exactly this level).
  if (!sets.some((x) => /^ExcelApi 1\.\d+$/.test(x))) findings.push('<Requirements> 应声明 ExcelApi 的最低版本（代码无条件使用的版本）');

  // Namespace TZ.
  const nsRef = elements(doc, 'Namespace')[0];
  const nsId = nsRef ? attr(nsRef, 'resid') : '';
  const nsString = elements(doc, 'String').find((s) => attr(s, 'id') === nsId);
  if (!nsString || attr(nsString, 'DefaultValue') !== 'TZ') findings.push('自定义函数命名空间应为 TZ');

  // Icons: the sizes the ids promise, present in assets/ (source) or in the built folder.
  for (const img of elements(doc, 'Image')) {
    const id = attr(img, 'id');
    if (!id) continue;
    const size = ICON_SIZES[id];
    const url = attr(img, 'DefaultValue');
    if (size && !new RegExp(`/assets/[a-z]+-${size}\\.png$`).test(url)) findings.push(`${id} 应指向 assets/…-${size}.png，现为 ${url}`);
  }
  const local = (u) => decodeURIComponent(u.url.slice(base.length).split(/[?#]/)[0]);
  for (const u of urls) {
    if (!u.url.startsWith(base)) continue;
    const rel = local(u);
    if (filesDir) {
      if (!fs.existsSync(path.join(filesDir, rel))) findings.push(`${u.url}：${path.join(filesDir, rel)} 不存在`);
    } else if (rel.startsWith('assets/') && !fs.existsSync(path.join(ROOT, rel))) {
      findings.push(`${u.url}：${rel} 不存在`);
    }
  }
  return findings;
}

function validate(manifest, { base = DEV_BASE, filesDir = null, log = console.log } = {}) {
  const b = normalizeBase(base);
  needFile(manifest, '清单文件');
  needFile(XSD, '清单 XSD');
  needFile(REFS, 'manifest_refs.py');
  let ok = true;
  const xsd = run('xmllint', ['--noout', '--nonet', '--schema', XSD, manifest]);
  log(`${xsd.ok ? 'OK  ' : 'FAIL'} XSD (xmllint --nonet): ${xsd.out}`);
  ok = ok && xsd.ok;
  const refs = run('python3', [REFS, manifest]);
  log(`${refs.ok ? 'OK  ' : 'FAIL'} resid: ${refs.out}`);
  ok = ok && refs.ok;
  const findings = checkOwnRules(fs.readFileSync(manifest, 'utf8'), b, filesDir);
  log(`${findings.length ? 'FAIL' : 'OK  '} 网址与共享运行时（${b}${filesDir ? `，文件在 ${filesDir}` : ''}）`);
  for (const f of findings) log(`     - ${f}`);
  return ok && !findings.length;
}

function main(argv) {
  const args = argv.slice(2);
  let manifest = path.join(ROOT, 'manifest.xml');
  let base = DEV_BASE;
  let filesDir = null;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--base') base = args[++i];
    else if (args[i] === '--files') filesDir = path.resolve(args[++i]);
    else if (args[i] === '--dist') {
      manifest = path.join(ROOT, 'dist', 'manifest.xml');
      filesDir = path.join(ROOT, 'dist');
      base = productionBase();
    }
    else manifest = path.resolve(args[i]);
  }
  try {
    console.log(`检查 ${path.relative(process.cwd(), manifest) || manifest}`);
    process.exitCode = validate(manifest, { base, filesDir }) ? 0 : 1;
  } catch (e) {
    console.error(e instanceof ToolMissing ? `无法检查：${e.message}` : e.message);
    process.exitCode = 2;
  }
}

module.exports = { validate, checkOwnRules, ToolMissing };
if (require.main === module) main(process.argv);
