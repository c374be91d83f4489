/*
 * A big marks update after the results, in paced steps (src/session/writer.ts, steps.ts), under
 * each host profile: the results are on the pane before the first mark is written; the rows the
 * clerk sees are marked first (Window.visibleRange where the host has ExcelApiDesktop 1.1, else
 * the rows around the active cell); the marks end equal to the plan of a fresh check; the whole
 * write is one undo step where Excel groups them; it stops when the clerk edits, hides the pane or
 * asks for a newer check, and a cell clicked meanwhile is selected between two steps.
 */
import { benchRow } from '../../bench/core.bench';
import { checkWorkbook } from '../../src/validation/workbook';
import { MARK_STYLE, MarkCells, cellsKey, planKey, planMarks } from '../../src/session/marks';
import { AROUND_ACTIVE } from '../../src/excel/view';
import { FakeWorkbook, parseA1 } from '../fake-excel';
import { TODAY, gridOf, ledgerSheet, setup, teardown } from './helpers';

afterEach(teardown);

const P = '行政处罚案件台账';
const ROWS = 6000;
/** A mistake on every row: about 4,500 areas of marks, three write steps and more. */
const book = () => FakeWorkbook.fromJson({ sheets: [ledgerSheet('penalty', Array.from({ length: ROWS }, (_, i) => benchRow('penalty', i, 1)), P)] });
/** A turn of the event loop between steps (the pane passes its own): events of the clerk's edits arrive there. */
const pause = () => new Promise<void>((r) => setTimeout(r, 0));

/** The add-in's marks the sheet shows, by the cells they apply to. */
function shownKey(wb: FakeWorkbook, sheet: string): string {
  const cells: MarkCells = { error: [], warning: [] };
  for (const cf of wb.sheet(sheet).cfs) {
    if (cf.formula === MARK_STYLE.error.formula) cells.error.push(...cf.ranges);
    if (cf.formula === MARK_STYLE.warning.formula) cells.warning.push(...cf.ranges);
  }
  return cellsKey(cells);
}

/** The marks a fresh check of the fake's cells plans. */
function plannedKey(wb: FakeWorkbook, sheet: string): string {
  const grid = gridOf(wb, sheet);
  const ledger = checkWorkbook([grid], { today: TODAY }).ledgers[0];
  return planKey(planMarks(ledger.records, grid));
}

/** Sync numbers of the writes that added marks, and the rows each added. */
function markSyncs(wb: FakeWorkbook): Map<number, number[]> {
  const out = new Map<number, number[]>();
  for (const w of wb.writes) {
    if (w.kind !== 'cf.add') continue;
    const rows = out.get(w.sync) ?? [];
    for (const a of w.address.split(',')) rows.push(parseA1(a).top);
    out.set(w.sync, rows);
  }
  return out;
}

test('the results first, then the marks in steps: the rows the clerk sees first, every mark in the end, one undo step where Excel groups them', async () => {
  const wb = book();
  const s = setup(wb, {}, { pause });
  const desktopWindow = s.office.host.supportsSet('ExcelApiDesktop', '1.1');
  // The clerk looks at rows 3,000–3,039 with the cursor in C3010.
  wb.userScroll(P, 3000);
  wb.sheet(P).selection = 'C3010';
  const clears = wb.undo.clears.length;
  let resultsAt: number | null = null;
  const marking: number[] = [];
  s.service.subscribe((st) => {
    if (st.check && st.phase === 'ready' && resultsAt === null) resultsAt = s.office.host.syncCount;
    if (st.progress?.step === 'marking') marking.push(st.progress.done);
  });
  await s.service.checkAll();

  const syncs = markSyncs(wb);
  const order = [...syncs.keys()].sort((a, b) => a - b);
  expect(order.length).toBeGreaterThanOrEqual(3);
  // The results were on the pane before the first mark was written.
  expect(resultsAt).not.toBeNull();
  expect(resultsAt!).toBeLessThan(order[0]);
  // The first step marks only what the clerk sees.
  const seen = desktopWindow ? { top: 3000, bottom: 3000 + wb.windowRows - 1 } : { top: 3010 - AROUND_ACTIVE, bottom: 3010 + AROUND_ACTIVE };
  const first = syncs.get(order[0])!;
  expect(first.length).toBeGreaterThan(0);
  expect(first.filter((r) => r < seen.top || r > seen.bottom)).toEqual([]);
  // The progress said how far the marks were (at most every 100 ms), counting up.
  expect(marking.length).toBeGreaterThan(0);
  expect(marking).toEqual([...marking].sort((a, b) => a - b));
  // Every mark, as a fresh check plans them; no pending line.
  expect(shownKey(wb, P)).toBe(plannedKey(wb, P));
  expect(s.service.current().pendingMarks).toBeUndefined();
  expect(s.service.current().progress).toBeUndefined();
  // Where Excel keeps the add-in's writes (ExcelApi 1.20), the whole update is one step; elsewhere it emptied the history once, as any write there.
  if (s.office.host.undoSupported) {
    expect(wb.undo.labels().filter((l) => l.startsWith('add-in:'))).toHaveLength(1);
    wb.userUndo();
    expect(wb.sheet(P).cfs).toEqual([]);
  } else expect(wb.undo.clears.length).toBeGreaterThan(clears);
});

test('the clerk edits while the marks are written: the write stops, Ctrl+Z undoes the clerk’s edit, the pane says the marks wait, 更新标记 finishes them', async () => {
  const wb = book();
  let edited = false;
  // The clerk types between two steps (after the first marks are written, before the next sync).
  const typing = () => {
    if (!edited && wb.writes.some((w) => w.kind === 'cf.add')) {
      edited = true;
      wb.userEdit(P, 'I10', '王明、李强');
    }
    return pause();
  };
  const s = setup(wb, {}, { pause: typing });
  await s.service.startLive();
  await s.service.checkAll();
  await s.service.idle();
  expect(edited).toBe(true);
  // Stopped after the step that was running: not every mark is there.
  expect(shownKey(wb, P)).not.toBe(plannedKey(wb, P));
  const steps = markSyncs(wb).size;
  // The clerk's edit is on top of the history: Ctrl+Z undoes it (no add-in write came after it).
  expect(wb.undo.top()).toEqual(expect.objectContaining({ by: 'clerk', label: 'edit I10' }));
  expect(s.service.current().pendingMarks?.sheets).toEqual([P]);
  // The results followed the edit (live checking), without writing.
  expect(markSyncs(wb).size).toBe(steps);
  await s.service.refreshMarks();
  expect(shownKey(wb, P)).toBe(plannedKey(wb, P));
  expect(s.service.current().pendingMarks).toBeUndefined();
});

test('a cell clicked while the marks are written is selected between two steps, not after the last', async () => {
  const wb = book();
  const s = setup(wb, {}, { pause });
  let selected: Promise<void> | null = null;
  s.office.host.onSync = () => {
    if (!selected && wb.writes.some((w) => w.kind === 'cf.add')) selected = s.service.selectCell(P, 'F4000');
  };
  await s.service.checkAll();
  s.office.host.onSync = null;
  await expect(selected).resolves.toBeUndefined();
  const select = wb.writes.find((w) => w.kind === 'select')!;
  expect(select.address).toBe('F4000');
  expect(select.sync).toBeLessThan(Math.max(...markSyncs(wb).keys()));
  expect(wb.sheet(P).selection).toBe('F4000');
  // The selection's activation is the add-in's own, and the marks were finished.
  await s.service.idle();
  expect(shownKey(wb, P)).toBe(plannedKey(wb, P));
});

test('hidden while the marks are written: nothing more is written; shown again, a fresh check', async () => {
  const wb = book();
  const s = setup(wb, {}, { pause });
  let hiddenAt = 0;
  s.office.host.onSync = (n) => {
    if (!hiddenAt && wb.writes.some((w) => w.kind === 'cf.add')) {
      hiddenAt = n;
      void s.service.setPaneVisible(false);
    }
  };
  await s.service.checkAll();
  s.office.host.onSync = null;
  // The step running when the pane was hidden finished; none came after it.
  expect(hiddenAt).toBeGreaterThan(0);
  expect(Math.max(...markSyncs(wb).keys())).toBeLessThanOrEqual(hiddenAt);
  expect(shownKey(wb, P)).not.toBe(plannedKey(wb, P));
  const writes = wb.writes.length;
  await new Promise((r) => setTimeout(r, 10));
  expect(wb.writes.length).toBe(writes);
  // Shown again: a fresh check, which writes only where a write is one undo step.
  await s.service.setPaneVisible(true);
  if (s.office.host.undoSupported) expect(shownKey(wb, P)).toBe(plannedKey(wb, P));
  else expect(s.service.current().pendingMarks?.sheets).toEqual([P]);
});

test('重新检查 asked for while the marks are written: the write gives way, the new check writes every mark', async () => {
  const wb = book();
  const s = setup(wb, {}, { pause });
  let again: Promise<unknown> | null = null;
  let askedAt = 0;
  s.office.host.onSync = (n) => {
    if (!again && wb.writes.some((w) => w.kind === 'cf.add')) {
      askedAt = n;
      again = s.service.checkAll();
    }
  };
  await s.service.checkAll();
  const firstSteps = [...markSyncs(wb).keys()].filter((n) => n <= askedAt + 1);
  await again;
  s.office.host.onSync = null;
  expect(again).not.toBeNull();
  // The first check stopped after the step that was running.
  expect(firstSteps.length).toBeLessThanOrEqual(2);
  expect(shownKey(wb, P)).toBe(plannedKey(wb, P));
  expect(s.service.current().pendingMarks).toBeUndefined();
  expect(s.logs.map((l) => l.op)).toEqual(['checkAll', 'checkAll']);
});

test('checkAll({ resultsOnly }) (重新检查, 生成报送文件) resolves with the results while the marks are still being written', async () => {
  const wb = book();
  const s = setup(wb, {}, { pause });
  const state = await s.service.checkAll({ resultsOnly: true });
  expect(state.sheets[0].records).toBe(ROWS);
  const atResults = markSyncs(wb).size;
  await s.service.idle();
  // Most of the marks came after the caller had the results.
  expect(markSyncs(wb).size).toBeGreaterThan(atResults + 1);
  expect(shownKey(wb, P)).toBe(plannedKey(wb, P));
});
