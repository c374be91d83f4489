/*
 * Bundle sizes of a production build (into a temp folder): the task pane's initial JavaScript
 * (what taskpane.html loads up front: taskpane.js, then functions.js and commands.js, which
 * share the page in the shared runtime) against the 250 KB gzip budget, and the lazy chunk
 * with src/submission (docx, the MIME builder), loaded on the first 生成报送文件.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';
import { spawnSync } from 'child_process';

const ROOT = path.resolve(__dirname, '..');
const BUDGET = 250 * 1024;

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const gzip = (file: string) => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;

export async function run(): Promise<void> {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'tz-bundle-'));
  try {
    const t = Date.now();
    const webpack = require.resolve('webpack-cli/bin/cli.js');
    const env = { ...process.env };
    delete env.TZ_OFFICE_JS;
    const r = spawnSync(process.execPath, [webpack, '--mode', 'production', '--output-path', out], { cwd: ROOT, env, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`build failed:\n${r.stdout}\n${r.stderr}`);
    console.log(`production build: ${((Date.now() - t) / 1000).toFixed(0)} s`);

    const html = fs.readFileSync(path.join(out, 'taskpane.html'), 'utf8');
    const initial = [...html.matchAll(/<script[^>]*\ssrc="?([^"\s>]+)"?/g)].map((m) => m[1]).filter((s) => !/^https?:/.test(s));
    const rows = initial.map((f) => {
      const file = path.join(out, f);
      return { f, raw: fs.statSync(file).size, gz: gzip(file) };
    });
    const lazy = fs.readdirSync(out).filter((f) => /^submission\.[0-9a-f]+\.js$/.test(f));
    const pad = Math.max(...[...initial, ...lazy].map((f) => f.length)) + 2;

    console.log('initial task-pane JavaScript (gzip -9 / minified):');
    for (const x of rows) console.log(`  ${x.f.padEnd(pad)} ${kb(x.gz).padStart(9)}  / ${kb(x.raw)}`);
    const total = rows.reduce((n, x) => n + x.gz, 0);
    console.log(`  ${'total'.padEnd(pad)} ${kb(total).padStart(9)}  (budget ${kb(BUDGET)}: ${total <= BUDGET ? 'ok' : 'OVER'}, ${kb(BUDGET - total)} left)`);

    console.log('lazy (loaded on 生成报送文件):');
    for (const f of lazy) console.log(`  ${f.padEnd(pad)} ${kb(gzip(path.join(out, f))).padStart(9)}  / ${kb(fs.statSync(path.join(out, f)).size)}`);
    for (const f of ['download.html', 'download-dialog.html']) {
      console.log(`  ${f.padEnd(pad)} ${kb(gzip(path.join(out, f))).padStart(9)}  (script inlined; opened to save the files on desktop Excel)`);
    }

    const pane = fs.readFileSync(path.join(out, 'taskpane.js'), 'utf8');
    const leaked = ['docProps/app.xml', 'sinikael'].filter((m) => pane.includes(m));
    console.log(`docx / MIME builder in taskpane.js: ${leaked.length ? `YES (${leaked.join(', ')})` : 'no'}`);
    // zod (≈20 KB gzip) is initial when code that runs at start-up imports a schema module.
    console.log(`zod in taskpane.js: ${pane.includes('ZodError') ? 'yes' : 'no'}`);
    if (total > BUDGET || leaked.length || lazy.length !== 1) process.exitCode = 1;
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}
