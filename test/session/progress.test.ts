/*
 * A check that gives the thread a turn (the pane's `pause`): progress from the start (读取, then
 * 检查中 with the rows done), the same result as a check in one go, and nothing of a check
 * still running read in between.
 */
import { FakeWorkbook } from '../fake-excel';
import { TODAY, bigLedgerSheet, freshCheck, setup, stateJson, teardown } from '../excel/helpers';
import type { PaneProgress } from '../../src/session/service';

afterEach(() => teardown());

test('progress while reading and checking a big workbook, then the same result as a check in one go', async () => {
  const wb = FakeWorkbook.fromJson({ sheets: [bigLedgerSheet('penalty', 3000), bigLedgerSheet('inspection', 2000)] });
  let clock = 0;
  let pauses = 0;
  // A slow clock (50 ms a call): every step is a slice, every other update shown; a small web budget: several reads.
  const s = setup(wb, { platform: 'OfficeOnline' }, { now: () => (clock += 50), pause: async () => void pauses++, budget: { bytes: 400_000 } });
  const seen: PaneProgress[] = [];
  s.service.subscribe((st) => st.progress && seen.push(st.progress));
  const done = await s.service.checkAll();
  expect(done.progress).toBeUndefined();
  expect(seen[0]).toEqual({ step: 'reading', done: 0, total: 0 });
  const reading = seen.filter((p) => p.step === 'reading' && p.total);
  const checking = seen.filter((p) => p.step === 'checking');
  expect(reading.length).toBeGreaterThan(1);
  expect(reading.at(-1)!.done).toBe(reading.at(-1)!.total);
  expect(checking.length).toBeGreaterThan(1);
  for (let i = 1; i < checking.length; i++) expect(checking[i].done).toBeGreaterThanOrEqual(checking[i - 1].done);
  expect(pauses).toBeGreaterThan(10);
  expect(stateJson(s.service)).toEqual(freshCheck(wb));
  expect(done.check!.today).toBe(TODAY);
});

test('a fast host: the first real figures of a read and of the checking are shown even inside 100 ms of the last update', async () => {
  const wb = FakeWorkbook.fromJson({ sheets: [bigLedgerSheet('penalty', 3000)] });
  // The clock never moves: every update after the first falls within the 100 ms throttle.
  const s = setup(wb, { platform: 'OfficeOnline' }, { now: () => 0, pause: async () => undefined, budget: { bytes: 400_000 } });
  const seen: PaneProgress[] = [];
  s.service.subscribe((st) => st.progress && seen.push(st.progress));
  await s.service.checkAll();
  expect(seen[0]).toEqual({ step: 'reading', done: 0, total: 0 });
  const first = seen.find((p) => p.step === 'reading' && p.total > 0);
  expect(first).toBeDefined();
  expect(first!.done).toBeGreaterThan(0);
  // Later figures of the same read and total are throttled.
  expect(seen.filter((p) => p.step === 'reading' && p.total === first!.total)).toHaveLength(1);
});
