#!/usr/bin/env node
'use strict';
/*
 * The requirement set of every Office.js member the fake Excel may be asked for, read from the
 * tags in node_modules/@types/office-js/index.d.ts (`[Api set: ExcelApi 1.9]` in the Excel
 * namespace; `**Requirement set**: {@link … | DialogApi 1.2}` in the Office namespace), so the
 * fake's host profiles come from Microsoft's typings, not from a table typed by hand.
 *
 *   node scripts/office-api-sets.js            writes test/fake-excel/api-sets.generated.json
 *   node scripts/office-api-sets.js --check    exit 1 when that file is stale
 *
 * Entries: "Excel.Worksheet.getRanges": ["ExcelApi", "1.9"]; a property whose tag names another
 * version for setting ("1.1 for get, 1.8 for set") also has "Excel.Class.prop=": [set, version].
 */
const fs = require('fs');
const path = require('path');
const ts = require('typescript');

const ROOT = path.resolve(__dirname, '..');
const DTS = path.join(ROOT, 'node_modules', '@types', 'office-js', 'index.d.ts');
const OUT = path.join(ROOT, 'test', 'fake-excel', 'api-sets.generated.json');

const TAG = /\[Api set: (ExcelApi(?:Online|Desktop)?) (\d+\.\d+)([^\]]*)\]/;
const LINK = /\{@link https:\/\/learn\.microsoft\.com\/javascript\/api\/requirement-sets\/[^|}]*\| ([A-Za-z]+)(?: (\d+\.\d+))?\}/;
const SETTER = /(\d+\.\d+) for (?:set|setting)/;

function jsDocText(node, sf) {
  const ranges = ts.getLeadingCommentRanges(sf.text, node.pos) || [];
  return ranges.map((r) => sf.text.slice(r.pos, r.end)).join('\n');
}

function memberName(m) {
  if (!m.name) return null;
  if (ts.isIdentifier(m.name) || ts.isStringLiteral(m.name)) return m.name.text;
  return null;
}

/** The table for the typings at `file`. */
function generate(file = DTS) {
  const sf = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
  const out = {};
  const put = (key, v) => {
    const prev = out[key];
    // Overloads: the oldest version that offers the member.
    if (!prev || (prev[0] === v[0] && Number(v[1].split('.')[1]) < Number(prev[1].split('.')[1]))) out[key] = v;
  };
  const visitNamespace = (ns, prefix) => {
    if (!ns.body || !ts.isModuleBlock(ns.body)) return;
    for (const st of ns.body.statements) {
      if (ts.isModuleDeclaration(st)) continue; // Excel.Interfaces.* repeat the classes
      const isClass = ts.isClassDeclaration(st);
      const isIface = ts.isInterfaceDeclaration(st);
      if ((!isClass && !isIface) || !st.name) continue;
      // Excel's plain interfaces: only the event arguments the add-in reads.
      if (prefix === 'Excel' && !isClass && !st.name.text.endsWith('EventArgs')) continue;
      for (const m of st.members) {
        const name = memberName(m);
        if (!name) continue;
        const doc = jsDocText(m, sf);
        const tag = TAG.exec(doc);
        const link = LINK.exec(doc);
        const key = `${prefix}.${st.name.text}.${name}`;
        if (tag) {
          put(key, [tag[1], tag[2]]);
          const setter = SETTER.exec(tag[3]);
          if (setter) put(`${key}=`, [tag[1], setter[1]]);
        } else if (link) put(key, [link[1], link[2] || '1.1']);
      }
    }
  };
  for (const st of sf.statements) {
    if (ts.isModuleDeclaration(st) && (st.name.text === 'Excel' || st.name.text === 'Office')) visitNamespace(st, st.name.text);
  }
  const sorted = {};
  for (const k of Object.keys(out).sort()) sorted[k] = out[k];
  const versions = Object.values(sorted)
    .filter((v) => v[0] === 'ExcelApi')
    .map((v) => v[1]);
  const latest = versions.reduce((a, b) => (Number(b.split('.')[1]) > Number(a.split('.')[1]) ? b : a), '1.1');
  const typesVersion = JSON.parse(fs.readFileSync(path.join(path.dirname(file), 'package.json'), 'utf8')).version;
  return { source: `@types/office-js ${typesVersion}`, latestExcelApi: latest, members: sorted };
}

function render(table) {
  return `${JSON.stringify(table, null, 0).replace(/\],"/g, '],\n"')}\n`;
}

if (require.main === module) {
  const text = render(generate());
  if (process.argv.includes('--check')) {
    const ok = fs.existsSync(OUT) && fs.readFileSync(OUT, 'utf8') === text;
    console.log(ok ? `${path.relative(ROOT, OUT)} is current` : `${path.relative(ROOT, OUT)} is stale: run node scripts/office-api-sets.js`);
    process.exitCode = ok ? 0 : 1;
  } else {
    fs.writeFileSync(OUT, text);
    console.log(`wrote ${path.relative(ROOT, OUT)}`);
  }
}

module.exports = { generate, render, OUT };
