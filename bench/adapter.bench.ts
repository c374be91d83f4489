/* The Excel adapter against the fake Office.js: full check of a 5,000-row ledger (ms, syncs, payload) and a one-cell re-check. */
import { performance } from 'perf_hooks';
import { createLedgerService, OpLog } from '../src/excel/session';
import { checkWorkbook } from '../src/validation/workbook';
import { FakeWorkbook, installFakeOffice } from '../test/fake-excel';
import { bigLedgerSheet, gridOf, ledgerSheet } from '../test/excel/helpers';

const TODAY = '2023-11-05';
const ROWS = 5000;
const RUNS = 7;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(2)} MB`;

function workbook(): FakeWorkbook {
  return FakeWorkbook.fromJson({ sheets: [bigLedgerSheet('penalty', ROWS), ledgerSheet('inspection', []), ledgerSheet('coercion', [])] });
}

async function fullCheck(platform: string): Promise<void> {
  const times: number[] = [];
  let syncs = 0;
  let maxResponse = 0;
  let records = 0;
  for (let i = 0; i < RUNS; i++) {
    const wb = workbook();
    const office = installFakeOffice(globalThis as unknown as Record<string, unknown>, wb, { platform });
    const logs: OpLog[] = [];
    const svc = createLedgerService({ today: () => TODAY, log: (e) => logs.push(e) });
    const t0 = performance.now();
    const st = await svc.checkAll();
    times.push(performance.now() - t0);
    syncs = office.host.syncCount;
    maxResponse = Math.max(...office.host.syncs.map((s) => s.responseBytes));
    records = st.sheets[0].records;
    office.uninstall();
  }
  console.log(
    `full check, ${ROWS}-row ledger + 2 empty ledgers (${platform}): ${median(times).toFixed(0)} ms median of ${RUNS} (${records} records, marks written), ${syncs} syncs, largest response ${mb(maxResponse)}`,
  );
}

async function coreOnly(): Promise<void> {
  const wb = workbook();
  const grids = wb.sheets.map((s) => gridOf(wb, s.name));
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    checkWorkbook(grids, { today: TODAY });
    times.push(performance.now() - t0);
  }
  console.log(`  for comparison, the core alone on the same cells: ${median(times).toFixed(0)} ms`);
}

async function oneCell(): Promise<void> {
  const wb = workbook();
  const office = installFakeOffice(globalThis as unknown as Record<string, unknown>, wb);
  const logs: OpLog[] = [];
  const svc = createLedgerService({ today: () => TODAY, debounceMs: 0, log: (e) => logs.push(e) });
  await svc.checkAll();
  await svc.startLive();
  const times: number[] = [];
  const syncs: number[] = [];
  for (let i = 0; i < 20; i++) {
    const row = 3 + ((i * 251) % ROWS);
    const before = office.host.syncCount;
    const t0 = performance.now();
    wb.userEdit('行政处罚案件台账', `I${row}`, i % 2 ? '王明' : '王明、李强');
    await svc.idle();
    times.push(performance.now() - t0);
    syncs.push(office.host.syncCount - before);
  }
  await svc.stopLive();
  office.uninstall();
  const recheck = logs.filter((l) => l.op === 'recheckRows');
  console.log(
    `one-cell edit re-checked (${ROWS}-row ledger, debounce 0): ${median(times).toFixed(1)} ms median of 20 (event → results in the pane, nothing written; adapter's own time ${median(recheck.map((l) => l.ms))} ms), ${Math.max(...syncs)} syncs at most`,
  );
}

export async function run(): Promise<void> {
  await fullCheck('PC');
  await fullCheck('OfficeOnline');
  await coreOnly();
  await oneCell();
}
