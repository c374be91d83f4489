#!/usr/bin/env node
'use strict';
/*
 * npm run test:hosts — the Excel adapter, pane-service and self-test suites (test/excel/) once per
 * host profile of the fake Excel (test/fake-excel/profiles.ts: the manifest's minimum, Excel LTSC
 * 2021, retail perpetual at Version 2311, Mac 16.35, Excel on the web, Microsoft 365), one line
 * per profile with its pass count. Suites that do not depend on the host (ONCE: the fake's own
 * semantics, the requirement-set data, activation by the manifest, the too-old page, the 自检
 * dialog rendered in the pane) run once, in the plain jest run. Exit 1 when any profile has a
 * failure.
 *
 *   node scripts/test-hosts.js [--profile NAME]... [--verbose] [--after-jest]
 *
 * --after-jest (npm test): the default profile was just run by jest itself; it is not run again.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');

const ROOT = path.resolve(__dirname, '..');
const SUITES = ['test/excel/'];
const ONCE = ['test/excel/api-sets', 'test/excel/fake', 'test/excel/activation', 'test/excel/too-old-page', 'test/excel/selftest-pane'];
const PROFILES = ['manifest-min', 'ltsc-2021', 'retail-perpetual', 'mac-16.35', 'web', 'm365'];
/** The profile jest runs the suites under without TZ_HOST_PROFILE (profiles.ts DEFAULT_PROFILE). */
const DEFAULT_PROFILE = 'ltsc-2021';

function main(argv) {
  const wanted = [];
  for (let i = 0; i < argv.length; i++) if (argv[i] === '--profile') wanted.push(argv[++i]);
  const verbose = argv.includes('--verbose');
  const afterJest = argv.includes('--after-jest');
  const profiles = wanted.length ? wanted : PROFILES;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tz-hosts-'));
  let failed = false;
  try {
    for (const name of profiles) {
      if (afterJest && name === DEFAULT_PROFILE && !wanted.length) {
        console.log(`${name.padEnd(16)} ok   (run by jest above)`);
        continue;
      }
      const out = path.join(dir, `${name}.json`);
      const jest = path.join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js');
      // One ignore pattern (a regex alternation): an array option would swallow the suite paths after it.
      const ignore = `--testPathIgnorePatterns=${ONCE.map((p) => p.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')}`;
      const r = spawnSync(process.execPath, [jest, ...SUITES, '--json', `--outputFile=${out}`, '--silent', ignore], {
        cwd: ROOT,
        env: { ...process.env, TZ_HOST_PROFILE: name },
        encoding: 'utf8',
        stdio: ['ignore', 'ignore', 'pipe'],
        maxBuffer: 512 * 1024 * 1024,
      });
      if (!fs.existsSync(out)) {
        console.log(`${name.padEnd(16)} jest did not run: ${(r.stderr || String(r.error || '')).trim().split('\n').slice(-3).join(' ')}`);
        failed = true;
        continue;
      }
      const res = JSON.parse(fs.readFileSync(out, 'utf8'));
      const ok = res.numFailedTests === 0 && res.numFailedTestSuites === 0 && res.numTotalTests > 0;
      failed ||= !ok;
      console.log(`${name.padEnd(16)} ${ok ? 'ok  ' : 'FAIL'} ${res.numPassedTests}/${res.numTotalTests} tests passed in ${res.numTotalTestSuites} suites`);
      if (!ok || verbose) {
        for (const s of res.testResults) {
          for (const t of s.assertionResults) {
            if (t.status !== 'failed') continue;
            console.log(`    ✕ ${path.relative(ROOT, s.name)} › ${t.fullName}`);
            // The failure's first lines (colour codes dropped), so that a CI log says why.
            const why = String(t.failureMessages?.[0] ?? '').replace(/\x1b\[[0-9;]*m/g, '').split('\n').filter((l) => l.trim()).slice(0, 6);
            for (const l of why) console.log(`        ${l.trim()}`);
          }
          if (s.status === 'failed' && !s.assertionResults.length) console.log(`    ✕ ${path.relative(ROOT, s.name)}: ${String(s.message).split('\n')[0]}`);
        }
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  process.exitCode = failed ? 1 : 0;
}

main(process.argv.slice(2));
