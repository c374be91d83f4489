/*
 * One production build per source state, shared by every test file (and the pane bench) that
 * needs one: `npm run build` — the Excel add-in, the WPS add-in and the offline page — into a
 * folder of the temp directory named by a hash of what decides the build. A test file that finds
 * another one building the same sources waits for it (a lock directory), so `npm test` builds
 * once; the intranet build (Office.js served locally) is the only other one.
 */
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawn } from 'child_process';

const ROOT = path.resolve(__dirname, '..', '..');
/** The add-in's URL in the shared build's manifests and WPS files. */
export const TEST_ADDIN_URL = 'https://oa.example.gov.cn/taizhang/';

/** What decides the build: sources, config, dependencies. */
function sourceHash(): string {
  const h = crypto.createHash('sha256');
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else h.update(p).update(fs.readFileSync(p));
    }
  };
  walk(path.join(ROOT, 'src'));
  walk(path.join(ROOT, 'assets'));
  for (const f of ['webpack.config.js', 'package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.web.json', 'manifest.xml']) h.update(fs.readFileSync(path.join(ROOT, f)));
  for (const f of fs.readdirSync(path.join(ROOT, 'scripts')).sort()) if (f.endsWith('.js')) h.update(fs.readFileSync(path.join(ROOT, 'scripts', f)));
  return h.digest('hex').slice(0, 16);
}

/** `npm run build [-- extra]` into `out` with `env`; resolves with its output. */
export function runBuild(out: string, extra: string[], env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
    delete childEnv.TZ_OFFICE_JS;
    const webpack = require.resolve('webpack-cli/bin/cli.js');
    const p = spawn(process.execPath, [webpack, '--mode', 'production', '--output-path', out, ...extra], { cwd: ROOT, env: childEnv });
    let log = '';
    p.stdout.on('data', (d) => (log += d));
    p.stderr.on('data', (d) => (log += d));
    p.on('error', reject);
    p.on('close', (code) => (code === 0 ? resolve(log) : reject(new Error(`build failed (${code}):\n${log.slice(-4000)}`))));
  });
}

/** The shared production build of the current sources (manifest URLs for TEST_ADDIN_URL) and its output. */
export async function builtAll(): Promise<{ dir: string; log: string }> {
  const dir = path.join(os.tmpdir(), `tz-build-${sourceHash()}`);
  const done = path.join(dir, '.build-log');
  const lock = `${dir}.lock`;
  for (;;) {
    if (fs.existsSync(done)) return { dir, log: fs.readFileSync(done, 'utf8') };
    try {
      fs.mkdirSync(lock);
    } catch {
      // Another process builds these sources: wait for its log (or its lock to go; one left by a killed run goes after 20 minutes).
      const held = fs.statSync(lock, { throwIfNoEntry: false });
      if (held && Date.now() - held.mtimeMs > 20 * 60_000) fs.rmSync(lock, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 1000));
      continue;
    }
    try {
      fs.rmSync(dir, { recursive: true, force: true });
      const log = await runBuild(dir, [], { TZ_ADDIN_URL: TEST_ADDIN_URL, TZ_WPS_URL: '', TZ_WPS_OFFLINE_URL: '' });
      fs.writeFileSync(done, log);
      return { dir, log };
    } finally {
      fs.rmSync(lock, { recursive: true, force: true });
    }
  }
}
