'use strict';
/*
 * The WPS 表格 add-in's own files, generated here rather than with wpsjs (which pulls
 * Windows-only native dependencies at install time):
 *
 *   dist/wps/                     the add-in folder, served for online mode
 *     index.html, main.js         the add-in's main page (ribbon callbacks, TZ.* functions)
 *     ribbon.xml                  the 执法台账助手 tab with its button
 *     manifest.xml                name, description and the custom functions' metadata file
 *     functions.json              TZ.* metadata, from src/functions/functions.ts's JSDoc
 *     taskpane.html, taskpane.js  the pane
 *     images/                     the button's icon
 *     jsplugins.xml               online mode through oem.ini's JSPluginsServer: <jspluginonline url="…/wps/">
 *                                 (TZ_WPS_URL, else TZ_ADDIN_URL + wps/), as `wpsjs debug` serves it
 *     publish.xml                 online mode per user: the same entry as wpsjs writes into jsaddons/publish.xml
 *   dist/wps-offline/             offline package: taizhang_<version>/ (the add-in folder), publish.xml with
 *                                 <jsplugin url="taizhang_<version>"> (what wpsjs's offline installer copies into
 *                                 jsaddons next to the folder), a zip of the folder to carry it, 安装说明.txt
 *
 * Checked against wpsjs 2.2.3 (npm), the kit WPS documents for add-ins: src/lib/build.js (offline:
 * `<name>_<version>` folder, publish.xml `<jsplugin name type url="<name>_<version>" version
 * enable="enable_dev" install="null" customDomain="">`, copied to %APPDATA%/kingsoft/wps/jsaddons),
 * debug_publish.js (online: `<jspluginonline name type url enable="enable_dev" install="null" …>` in
 * jsaddons/publish.xml; the folder is %APPDATA%\kingsoft\wps\jsaddons on Windows,
 * ~/.local/share/Kingsoft/wps/jsaddons on Linux), debug_xmlplugin.js (oem.ini [Support]
 * JsApiPlugin=true, [Server] JSPluginsServer=<url of jsplugins.xml> with <jspluginonline>).
 * wpsjs packs an offline add-in served from a web server as `<name>.7z`; this build makes no 7z
 * (the folder is copied instead, as wpsjs's own installer does).
 *
 * Used by scripts/build-wps-config.js (webpack); `node scripts/build-wps.js` prints the files' text.
 */
const path = require('path');
const { DOMImplementation, XMLSerializer } = require('@xmldom/xmldom');
const { DEV_BASE } = require('./manifest-urls');

const ROOT = path.resolve(__dirname, '..');
/** The add-in's name in jsplugins.xml and its offline folder (`taizhang_0.1.0`): ASCII, since it becomes a folder name. */
const ADDIN_NAME = 'taizhang';
const ADDIN_TITLE = '执法台账助手';
const FOLDER = 'wps';
const OFFLINE_FOLDER = 'wps-offline';
/** ribbon.xml's control ids and callbacks (src/wps/ribbon.ts installs the callbacks; a test checks they agree). */
const RIBBON = { button: 'tzTaskPane', onLoad: 'OnAddinLoad', onAction: 'OnAction', getImage: 'GetImage' };
const ICONS = [16, 32, 64, 80].map((s) => `images/icon-${s}.png`);
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

/** An XML document from `[name, attributes, ...children]` trees (text children as strings). */
function xml(rootTree, ns) {
  const doc = new DOMImplementation().createDocument(ns || null, rootTree[0], null);
  const build = (el, [, attrs, ...children]) => {
    for (const [k, v] of Object.entries(attrs || {})) el.setAttribute(k, String(v));
    for (const c of children) {
      if (typeof c === 'string') el.appendChild(doc.createTextNode(c));
      else build(el.appendChild(ns ? doc.createElementNS(ns, c[0]) : doc.createElement(c[0])), c);
    }
  };
  build(doc.documentElement, rootTree);
  return XML_DECLARATION + new XMLSerializer().serializeToString(doc) + '\n';
}

function ribbonXml() {
  const ns = 'http://schemas.microsoft.com/office/2006/01/customui';
  return xml(
    ['customUI', { xmlns: ns, onLoad: RIBBON.onLoad },
      ['ribbon', { startFromScratch: 'false' },
        ['tabs', {},
          ['tab', { id: 'tzTab', label: ADDIN_TITLE },
            ['group', { id: 'tzGroup', label: '台账' },
              ['button', { id: RIBBON.button, label: '台账助手', size: 'large', onAction: RIBBON.onAction, getImage: RIBBON.getImage, screentip: '打开或关闭执法台账助手', supertip: '检查台账、填写报送月份、生成月度报送的 Word 文件和邮件草稿' }],
            ],
          ],
        ],
      ],
    ],
    ns,
  );
}

function manifestXml() {
  return xml(
    ['JsPlugin', {},
      ['ApiVersion', {}, '1.0.0'],
      ['Name', {}, ADDIN_NAME],
      ['Description', {}, `${ADDIN_TITLE}：检查乡镇综合行政执法队的三本案件台账，填写报送月份，生成月度报送文件。`],
      ['Functions', {}, ['Uri', {}, 'functions.json'], ['Namespace', {}, 'TZ']],
    ],
  );
}

function jsPluginsOnline(url) {
  return xml(['jsplugins', {}, ['jspluginonline', { name: ADDIN_NAME, type: 'et', url, enable: 'true' }]]);
}

function jsPluginsOffline(version, url) {
  return xml(['jsplugins', {}, ['jsplugin', { name: ADDIN_NAME, type: 'et', version, url, enable: 'true' }]]);
}

/** jsaddons/publish.xml for online mode, as wpsjs's debug_publish.js writes it. */
function publishXmlOnline(url) {
  return xml(['jsplugins', {}, ['jspluginonline', { name: ADDIN_NAME, type: 'et', url, enable: 'enable_dev', install: 'null', customDomain: '' }]]);
}

/** jsaddons/publish.xml for the copied folder, as wpsjs's build.js (CreatePublishXml) writes it: url is the folder's name. */
function publishXmlOffline(version) {
  return xml(['jsplugins', {}, ['jsplugin', { name: ADDIN_NAME, type: 'et', url: `${ADDIN_NAME}_${version}`, version, enable: 'enable_dev', install: 'null', customDomain: '' }]]);
}

/** The add-in's main page: WPS opens it when 表格 starts; it loads main.js (the ribbon callbacks). */
function indexHtml() {
  return '<!doctype html>\n<html lang="zh-CN">\n  <head>\n    <meta charset="UTF-8" />\n    <title>执法台账助手</title>\n  </head>\n  <body>\n    <script src="main.js"></script>\n  </body>\n</html>\n';
}

/** The pane's page (src/wps/taskpane.html) with its script, relative to the page so the folder works online and offline. */
function taskpaneHtml(template) {
  if (!template.includes('</body>')) throw new Error('src/wps/taskpane.html 缺少 </body>');
  return template.replace('</body>', '  <script src="taskpane.js"></script>\n  </body>');
}

/** Where the add-in folder is served for online mode (http is fine for WPS on an intranet). */
function wpsUrl(env = process.env) {
  const raw = (env.TZ_WPS_URL || '').trim() || `${(env.TZ_ADDIN_URL || '').trim() || DEV_BASE}`.replace(/\/?$/, '/') + `${FOLDER}/`;
  let u;
  try {
    u = new URL(raw);
  } catch {
    throw new Error(`WPS 加载项地址“${raw}”不是有效的网址，应形如 http://oa.example.gov.cn/taizhang/wps/`);
  }
  if (!/^https?:$/.test(u.protocol) || u.search || u.hash) throw new Error(`WPS 加载项地址“${raw}”应以 http:// 或 https:// 开头，且不带 ? 或 #`);
  return u.href.endsWith('/') ? u.href : `${u.href}/`;
}

/** Where WPS may fetch the offline package's archive from (TZ_WPS_OFFLINE_URL, else next to the online folder). */
function offlineUrl(version, env = process.env) {
  const base = (env.TZ_WPS_OFFLINE_URL || '').trim() || wpsUrl(env).replace(new RegExp(`${FOLDER}/$`), `${OFFLINE_FOLDER}/`);
  return `${base.replace(/\/?$/, '/')}${ADDIN_NAME}_${version}.zip`;
}

/** An Office custom-functions parameter or result type as WPS's functions.json writes it (`number`, `string`, `bool`, `any`, `any[][]`, `?` when optional). */
function wpsType(p) {
  const base = { number: 'number', string: 'string', boolean: 'bool' }[p.type] || 'any';
  return `${base}${p.dimensionality === 'matrix' ? '[][]' : ''}${p.optional ? '?' : ''}`;
}

/** The TZ.* functions for WPS, from the same JSDoc as Excel's functions.json. */
async function wpsFunctions(file = path.join(ROOT, 'src', 'functions', 'functions.ts')) {
  const { generateCustomFunctionsMetadata } = require('custom-functions-metadata');
  const r = await generateCustomFunctionsMetadata([file], false);
  if (r.errors && r.errors.length) throw new Error(`functions.ts 的注释有误：${r.errors.join('; ')}`);
  const meta = JSON.parse(r.metadataJson);
  return meta.functions.map((f) => ({
    id: f.id,
    functionName: r.associate.find((a) => a.id === f.id).functionName,
    description: f.description,
    parameters: f.parameters.map((p) => ({ name: p.name, description: p.description || '', type: wpsType(p) })),
    result: { type: wpsType(f.result || {}) },
  }));
}

/** functions.json as WPS reads it: `{ functions: [{ name, description, parameters, result }] }`. */
function functionsJson(list) {
  return JSON.stringify({ functions: list.map((f) => ({ name: f.id, description: f.description, parameters: f.parameters, result: f.result })) }, null, 2) + '\n';
}

const INSTALL_NOTE = (version) => `执法台账助手 WPS 加载项（离线包 ${version}）

1. 把文件夹 ${ADDIN_NAME}_${version} 复制到 WPS 加载项目录：
   Windows：%APPDATA%\\kingsoft\\wps\\jsaddons\\
   统信 UOS、麒麟等 Linux：~/.local/share/Kingsoft/wps/jsaddons/
2. 把本包中的 publish.xml 放到同一目录（目录中已有 publish.xml 时——装过别的 WPS 加载项——不要覆盖，只把其中 <jsplugin …/> 一行加到原文件的 <jsplugins> 与 </jsplugins> 之间）。
3. 完全退出 WPS 后重新打开表格，功能区出现“执法台账助手”选项卡；第一次加载时 WPS 可能询问是否信任此加载项，请选择信任。
详细步骤见项目 README“在 WPS 表格中使用”。
`;

/** Emits the generated files into the compilation (webpack plugin; runs after minification). */
class WpsFilesPlugin {
  constructor({ version, functions, env = process.env }) {
    this.version = version;
    this.functions = functions;
    this.env = env;
  }

  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    const fs = require('fs');
    compiler.hooks.thisCompilation.tap('WpsFilesPlugin', (compilation) => {
      compilation.hooks.processAssets.tapPromise({ name: 'WpsFilesPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_SUMMARIZE }, async () => {
        // `minimized`: the copies are of minified scripts already (the minimizer also takes assets added after it ran).
        const emit = (name, content) => compilation.emitAsset(name, new sources.RawSource(typeof content === 'string' ? Buffer.from(content, 'utf8') : content), { minimized: true });
        const files = {
          'index.html': indexHtml(),
          'taskpane.html': taskpaneHtml(fs.readFileSync(path.join(ROOT, 'src', 'wps', 'taskpane.html'), 'utf8')),
          'ribbon.xml': ribbonXml(),
          'manifest.xml': manifestXml(),
          'functions.json': functionsJson(this.functions),
        };
        for (const icon of ICONS) files[icon] = fs.readFileSync(path.join(ROOT, 'assets', path.basename(icon)));
        for (const [name, content] of Object.entries(files)) emit(`${FOLDER}/${name}`, content);
        emit(`${FOLDER}/jsplugins.xml`, jsPluginsOnline(wpsUrl(this.env)));
        emit(`${FOLDER}/publish.xml`, publishXmlOnline(wpsUrl(this.env)));

        // The offline package: the add-in folder (everything in wps/ but the online jsplugins.xml and publish.xml) under its versioned name, and a zip of it.
        const folder = `${ADDIN_NAME}_${this.version}`;
        const JSZip = require('jszip');
        const zip = new JSZip();
        for (const name of Object.keys(compilation.assets).sort()) {
          if (!name.startsWith(`${FOLDER}/`) || name === `${FOLDER}/jsplugins.xml` || name === `${FOLDER}/publish.xml` || name.endsWith('.map')) continue;
          const rel = name.slice(FOLDER.length + 1);
          const buf = compilation.assets[name].buffer();
          emit(`${OFFLINE_FOLDER}/${folder}/${rel}`, buf);
          zip.file(`${folder}/${rel}`, buf, { date: new Date(2000, 0, 1) });
        }
        emit(`${OFFLINE_FOLDER}/${folder}.zip`, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
        emit(`${OFFLINE_FOLDER}/publish.xml`, publishXmlOffline(this.version));
        emit(`${OFFLINE_FOLDER}/安装说明.txt`, INSTALL_NOTE(this.version).replace(/\n/g, '\r\n'));
      });
    });
  }
}

module.exports = {
  ADDIN_NAME,
  FOLDER,
  OFFLINE_FOLDER,
  RIBBON,
  ICONS,
  indexHtml,
  taskpaneHtml,
  ribbonXml,
  manifestXml,
  jsPluginsOnline,
  jsPluginsOffline,
  publishXmlOnline,
  publishXmlOffline,
  wpsUrl,
  offlineUrl,
  wpsType,
  wpsFunctions,
  functionsJson,
  WpsFilesPlugin,
};

if (require.main === module) {
  wpsFunctions().then((list) => {
    process.stdout.write(`ribbon.xml\n${ribbonXml()}\nmanifest.xml\n${manifestXml()}\njsplugins.xml\n${jsPluginsOnline(wpsUrl())}\nfunctions.json\n${functionsJson(list)}`);
  });
}
