/* A test entry bundled by webpack for target "web" with no Node polyfills (a Node built-in would be a build error). */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import webpack from 'webpack';

const ROOT = path.join(__dirname, '..', '..');

/** Bundles `entry` into a temporary folder as `filename` (a `var TZ` library); `dir` is removed by the caller. */
export async function webBundle(entry: string, filename: string): Promise<{ dir: string; stats: webpack.Stats }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tz-web-'));
  const compiler = webpack({
    mode: 'development',
    devtool: false,
    target: 'web',
    context: ROOT,
    entry,
    output: { path: dir, filename, library: { name: 'TZ', type: 'var' } },
    resolve: { extensions: ['.ts', '.mjs', '.js'] },
    module: { rules: [{ test: /\.ts$/, loader: 'ts-loader', options: { transpileOnly: true, compilerOptions: { module: 'esnext', sourceMap: false } } }] },
    // No Node core module may be needed: webpack 5 polyfills none, so any use is a build error.
    node: false,
    performance: { hints: false },
  });
  const stats = await new Promise<webpack.Stats>((resolve, reject) => compiler.run((err, s) => (err || !s ? reject(err) : compiler.close(() => resolve(s)))));
  return { dir, stats };
}

/** Module names in the bundle that are Node built-ins or externals (none may be). */
export function nodeModulesIn(names: string[]): string[] {
  const builtins = new Set(require('module').builtinModules as string[]);
  return names.filter((n) => /^(node:|external )/.test(n) || builtins.has(n.replace(/^ignored \|?\s*/, '')));
}
