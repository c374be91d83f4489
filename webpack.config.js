'use strict';
/*
 * Excel add-in build, after Microsoft's Excel-Custom-Functions-Shared template: one
 * taskpane.html loads the taskpane, functions and commands bundles into the shared runtime.
 *
 *   webpack --mode development                 dist/ for the dev server (URLs on https://localhost:3000/)
 *   webpack --mode production                  dist/ with manifest URLs for TZ_ADDIN_URL (default: the dev server)
 *   … --env officeJs=local  (or TZ_OFFICE_JS=local)   Office.js served from dist/office-js/ (intranet)
 *   webpack serve --mode development           https dev server with office-addin-dev-certs
 *                                              (or TZ_DEV_CERT/TZ_DEV_KEY PEM files)
 *
 * Nothing here touches the network: the dev certificates are read only for `webpack serve`.
 */
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');
const { ShippedFunctionsJsonPlugin } = require('./scripts/functions-json');
const { DEV_BASE, productionBase, rewriteManifest } = require('./scripts/manifest-urls');
const { ECMA_VERSION } = require('./scripts/es-target');
const { OUTPUTS: WPS_OUTPUTS, wpsAndOfflineConfig } = require('./scripts/build-wps-config');

const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const OFFICE_JS_DIR = path.dirname(require.resolve('@microsoft/office-js/package.json'));
/** The port in DEV_BASE (manifest.xml). */
const DEV_PORT = 3000;

/** The Office.js files Excel needs, for the intranet build (no debug builds, no other hosts). */
const officeJsPatterns = [
  '{office,o15apptofilemappingtable,es6-promise,custom-functions-runtime}.js',
  'excel*.js',
  '{zh-cn,zh-tw,zh-hk,en-us}/office_strings.js',
  'agaveerrorux/**',
].map((glob) => ({
  from: glob,
  context: path.join(OFFICE_JS_DIR, 'dist'),
  to: 'office-js/',
  globOptions: { ignore: ['**/*.debug.js'] },
  noErrorOnMissing: glob.includes('zh-hk'),
  // Already minified by Microsoft: Terser must leave them alone.
  info: { minimized: true },
}));

/**
 * Puts the named pages' own bundles into the HTML as inline scripts and drops the bundle files,
 * so download.html needs no request after the page itself (its files travel in the fragment).
 */
class InlineScriptsPlugin {
  constructor(pages, chunk) {
    this.pages = pages;
    this.chunk = chunk;
  }
  apply(compiler) {
    const { Compilation } = compiler.webpack;
    compiler.hooks.thisCompilation.tap('InlineScriptsPlugin', (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).alterAssetTagGroups.tap('InlineScriptsPlugin', (data) => {
        if (!this.pages.includes(data.outputName)) return data;
        const inline = (tag) => {
          const src = tag.tagName === 'script' && tag.attributes && tag.attributes.src;
          if (!src || /^https?:/.test(src)) return tag;
          const code = compilation.assets[src].source().toString().replace(/\n\/\/# sourceMappingURL=.*$/, '');
          return { tagName: 'script', voidTag: false, meta: tag.meta, attributes: {}, innerHTML: code.replace(/<\/script/gi, '<\\/script') };
        };
        data.headTags = data.headTags.map(inline);
        data.bodyTags = data.bodyTags.map(inline);
        return data;
      });
      compilation.hooks.processAssets.tap({ name: 'InlineScriptsPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_SUMMARIZE }, () => {
        for (const name of Object.keys(compilation.assets)) {
          if (name === `${this.chunk}.js` || name === `${this.chunk}.js.map`) compilation.deleteAsset(name);
        }
      });
    });
  }
}

async function httpsOptions() {
  // Own certificate (e.g. an office CA): TZ_DEV_CERT / TZ_DEV_KEY, PEM files.
  if (process.env.TZ_DEV_CERT && process.env.TZ_DEV_KEY) {
    const fs = require('fs');
    return { cert: fs.readFileSync(process.env.TZ_DEV_CERT), key: fs.readFileSync(process.env.TZ_DEV_KEY) };
  }
  // Lazy: only `webpack serve` needs (and may install) the localhost certificate.
  const devCerts = require('office-addin-dev-certs');
  const o = await devCerts.getHttpsServerOptions();
  return { ca: o.ca, key: o.key, cert: o.cert };
}

module.exports = async (env = {}, argv = {}) => {
  const dev = argv.mode !== 'production';
  const serving = !!env.WEBPACK_SERVE;
  const localOfficeJs = (env.officeJs || process.env.TZ_OFFICE_JS) === 'local';
  const base = dev ? DEV_BASE : productionBase(env.addinUrl);
  if (!dev && base === DEV_BASE) {
    console.warn(`[taizhang] 未设置 TZ_ADDIN_URL：dist/manifest.xml 指向 ${DEV_BASE}`);
  }

  const PANE_PAGE_CHUNKS = ['taskpane', 'functions', 'commands'];
  const addin = {
    // `--config-name addin` builds the Excel add-in alone (the pane's browser tests and bench).
    name: 'addin',
    mode: dev ? 'development' : 'production',
    // The hosts' oldest WebKit/Chromium (scripts/es-target.js): webpack's own runtime code stays within it.
    target: ['web', `es${ECMA_VERSION}`],
    devtool: 'source-map',
    entry: {
      taskpane: './src/taskpane/index.tsx',
      functions: './src/functions/functions.ts',
      commands: './src/commands/commands.ts',
      // The file-saving page that desktop Excel opens (src/excel/delivery.ts); inlined into download*.html.
      download: './src/download/download.ts',
      // The Web Worker that builds the Word file and the e-mail draft (src/taskpane/package-client.ts); loaded by no page.
      'package-worker': './src/taskpane/package-worker.ts',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: '[name].js',
      // Lazy chunks (src/submission): hashed, since Office caches add-in files hard.
      chunkFilename: '[name].[contenthash:8].js',
      // Relative to the page: chunks load from next to taskpane.html in the shared runtime.
      publicPath: '',
      // The WPS add-in and the offline page (scripts/build-wps-config.js) write beside it.
      clean: { keep: WPS_OUTPUTS },
    },
    optimization: {
      // One lazy `submission` chunk (docx, the MIME builder) instead of extra vendor chunks.
      // The pane and the TZ functions share one page (the shared runtime): what both use (the checker,
      // the holiday table) is shipped once, in `shared.js`, before both. Not for the worker or the
      // download page, which run alone.
      splitChunks: {
        // Each entry keeps its own runtime (and module instances); a module the two use differently
        // is still one copy of code (by default webpack splits by each runtime's used exports).
        usedExports: false,
        cacheGroups: {
          default: false,
          defaultVendors: false,
          shared: { name: 'shared', chunks: (c) => PANE_PAGE_CHUNKS.includes(c.name), minChunks: 2, enforce: true, priority: 10 },
        },
      },
    },
    resolve: {
      extensions: ['.ts', '.tsx', '.js', '.json'],
      // @kenjiuno/msgreader's code-page strings with the browser's TextDecoder (src/input/containers/iconv-browser.ts).
      alias: { 'iconv-lite$': path.resolve(__dirname, 'src/input/containers/iconv-browser.ts') },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            // Types are checked by `npm run typecheck`; the build only transpiles.
            options: { configFile: path.resolve(__dirname, 'tsconfig.web.json'), transpileOnly: true },
          },
        },
        // node-unrar-js's WebAssembly (the roll-up's .rar reader): a data URL inside the lazy `unrar` chunk.
        { test: /\.wasm$/, type: 'asset/inline' },
        {
          // Dependencies newer than the hosts (Fluent UI's class static blocks, tabster's ??=) are transpiled down.
          test: /\.m?js$/,
          include: /node_modules/,
          use: { loader: path.resolve(__dirname, 'scripts/downlevel-loader.js'), options: { ecmaVersion: ECMA_VERSION } },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: 'functions.json', input: './src/functions/functions.ts' }),
      new ShippedFunctionsJsonPlugin(), // without allowCustomDataForDataTypeAny (CustomFunctionsRuntime 1.4)
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane', 'functions', 'commands'],
        templateParameters: { officeJs: localOfficeJs ? 'office-js/office.js' : OFFICE_JS_CDN },
      }),
      // Opened in the default browser (Mac) with the files in the fragment: no Office.js, strict CSP.
      new HtmlWebpackPlugin({
        filename: 'download.html',
        template: './src/download/download.html',
        chunks: ['download'],
        inject: 'body',
        templateParameters: { mode: 'browser', officeJs: '' },
      }),
      // Opened as an Office dialog (Windows): Office.js for messageChild.
      new HtmlWebpackPlugin({
        filename: 'download-dialog.html',
        template: './src/download/download.html',
        chunks: ['download'],
        inject: 'body',
        templateParameters: { mode: 'dialog', officeJs: localOfficeJs ? 'office-js/office.js' : OFFICE_JS_CDN },
      }),
      new InlineScriptsPlugin(['download.html', 'download-dialog.html'], 'download'),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/{icon,prepare}-*.png', to: 'assets/[name][ext]' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) => (dev ? content : Buffer.from(rewriteManifest(content.toString('utf8'), base), 'utf8')),
          },
          ...(localOfficeJs ? officeJsPatterns : []),
        ],
      }),
    ],
    devServer: {
      port: DEV_PORT,
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: { type: 'https', options: serving ? await httpsOptions() : {} },
      client: { overlay: { warnings: false } },
    },
  };
  // The WPS 表格 add-in (dist/wps, dist/wps-offline) and the offline page (dist/offline): scripts/build-wps-config.js.
  return serving ? addin : [addin, await wpsAndOfflineConfig(env, argv)];
};
