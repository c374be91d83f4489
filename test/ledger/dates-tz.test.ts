/*
 * The date suites again, in a child jest, under China time and UTC: a date must not move with
 * the computer's time zone (a date-time cell, a period's end, a working day).
 */
import { spawnSync } from 'child_process';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');
const SUITES = ['test/ledger/dates-time.test.ts', 'test/ledger/dates-periods.test.ts', 'test/ledger/parsers.test.ts'];

test.each(['Asia/Shanghai', 'UTC'])('the date suites pass with TZ=%s', (tz) => {
  const r = spawnSync(process.execPath, [require.resolve('jest/bin/jest'), '--ci', '--runTestsByPath', ...SUITES], {
    cwd: ROOT,
    env: { ...process.env, TZ: tz },
    encoding: 'utf8',
  });
  const summary = /Test Suites:.*\n/.exec(r.stderr)?.[0] ?? r.stderr.slice(-2000);
  expect(summary).toMatch(new RegExp(`${SUITES.length} passed, ${SUITES.length} total`));
  expect(r.status).toBe(0);
}, 180_000);
