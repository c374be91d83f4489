'use strict';
/*
 * webpack configuration of the two targets beside the Excel add-in, built in one compilation
 * (they share the pane's modules) by `npm run build` and `npm run build:wps`:
 *
 *   dist/wps/…                    the WPS 表格 add-in (scripts/build-wps.js adds its XML and the offline package)
 *   dist/offline/执法台账助手.html  the offline page: one file, scripts and styles inline, no request at all
 *
 * Both run on older Chromium than the Excel pane: WPS's task pane is a Chromium build of
 * unpublished version, and government PCs run 360/QQ browsers on older cores, so the code is
 * transpiled to ES2018 (Chrome 84 is Fluent UI v9's own floor). Lazy chunks are folded into
 * the entries (a file:// page cannot load them, and WPS's offline folder needs none).
 */
const fs = require('fs');
const path = require('path');
const MinimizerPlugin = require('minimizer-webpack-plugin');
const { FOLDER, OFFLINE_FOLDER, WpsFilesPlugin, wpsFunctions } = require('./build-wps');

const ROOT = path.resolve(__dirname, '..');
/** ES level of these targets (test/wps/offline-build.test.ts parses every script at it). */
const WPS_ECMA_VERSION = 2018;
const OFFLINE_PAGE = 'offline/执法台账助手.html';
const OFFLINE_ENTRY = 'offline/page';
/** The offline page's worker (reading, the copy, the package): carried in the page as text, started from a Blob URL. */
const OFFLINE_WORKER = 'offline/worker';
/** What these targets write into dist/ (the Excel build's clean step keeps it). */
const OUTPUTS = new RegExp(`^(${FOLDER}|${OFFLINE_FOLDER}|offline)[\\\\/]`);

/** Puts the offline page's script into its HTML and drops the script file (no request after the page itself). */
class OfflinePagePlugin {
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap('OfflinePagePlugin', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'OfflinePagePlugin', stage: Compilation.PROCESS_ASSETS_STAGE_SUMMARIZE }, () => {
        const js = `${OFFLINE_ENTRY}.js`;
        const workerJs = `${OFFLINE_WORKER}.js`;
        // Inside <script> no `</script` may appear: `<\/script` means the same in JavaScript.
        const inline = (name) => compilation.assets[name].source().toString().replace(/<\/script/gi, '<\\/script');
        const template = fs.readFileSync(path.join(ROOT, 'src', 'offline', 'offline.html'), 'utf8');
        const marker = '<!-- the page\'s script -->';
        if (!template.includes(marker)) throw new Error(`src/offline/offline.html 缺少 ${marker}`);
        // The worker's code first, as text the page does not run (type text/plain), then the page's script.
        const html = template.replace(marker, () => `<script type="text/plain" id="tz-worker">${inline(workerJs)}</script>\n    <script>${inline(js)}</script>`);
        compilation.emitAsset(OFFLINE_PAGE, new sources.RawSource(Buffer.from(html, 'utf8')), { minimized: true });
        for (const name of Object.keys(compilation.assets)) if (name.startsWith(js) || name.startsWith(workerJs)) compilation.deleteAsset(name);
      });
    });
  }
}

/** The configuration (async: the TZ.* metadata is read from src/functions/functions.ts first). */
async function wpsAndOfflineConfig(env = {}, argv = {}) {
  const dev = argv.mode !== 'production';
  const webpack = require('webpack');
  const functions = await wpsFunctions();
  const { version } = require(path.join(ROOT, 'package.json'));
  return {
    name: 'wps',
    mode: dev ? 'development' : 'production',
    target: ['web', `es${WPS_ECMA_VERSION}`],
    devtool: false,
    entry: {
      [`${FOLDER}/taskpane`]: './src/wps/taskpane.tsx',
      [`${FOLDER}/main`]: './src/wps/main.ts',
      [OFFLINE_ENTRY]: './src/offline/page.tsx',
      [OFFLINE_WORKER]: './src/offline/worker.ts',
    },
    output: {
      path: path.resolve(ROOT, 'dist'),
      filename: '[name].js',
      publicPath: '',
      asyncChunks: false,
      // Only this build's folders: the Excel build owns the rest of dist/.
      clean: { keep: (asset) => !OUTPUTS.test(asset) },
    },
    optimization: {
      splitChunks: false,
      // Licence comments stay in the code (the offline page has no room for a .LICENSE.txt beside it).
      minimizer: [new MinimizerPlugin({ test: /\.js$/, extractComments: false, minify: MinimizerPlugin.terserMinify, minimizerOptions: { compress: { passes: 2 } } })],
    },
    resolve: {
      extensions: ['.ts', '.tsx', '.js', '.json'],
      // src/cli/template.ts (the official sheets for the offline page's copy) imports Node's fs/util for its command only.
      fallback: { fs: false, util: false },
      // As the add-in build (webpack.config.js): msgreader's code pages with TextDecoder.
      alias: { 'iconv-lite$': path.resolve(ROOT, 'src/input/containers/iconv-browser.ts') },
    },
    module: {
      rules: [
        { test: /\.wasm$/, type: 'asset/inline' },
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: { configFile: path.resolve(ROOT, 'tsconfig.web.json'), transpileOnly: true, compilerOptions: { target: `ES${WPS_ECMA_VERSION}`, sourceMap: false } },
          },
        },
        {
          test: /\.m?js$/,
          include: /node_modules/,
          use: { loader: path.resolve(__dirname, 'downlevel-loader.js'), options: { ecmaVersion: WPS_ECMA_VERSION } },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      new webpack.DefinePlugin({ TZ_WPS_FUNCTIONS: JSON.stringify(functions) }),
      new WpsFilesPlugin({ version, functions }),
      new OfflinePagePlugin(),
    ],
  };
}

module.exports = { wpsAndOfflineConfig, OUTPUTS, OFFLINE_PAGE, WPS_ECMA_VERSION };
