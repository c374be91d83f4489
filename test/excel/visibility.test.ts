/*
 * When the add-in acts: a shared runtime started hidden (TZ.* formulas recalculating) reads and
 * writes nothing until the pane is shown in this workbook.
 */
import { PaneEnv, onPaneVisibility, whenPaneShown } from '../../src/excel/visibility';
import { fixtureWorkbook, setup, teardown } from './helpers';

afterEach(teardown);

/** A page as the webview presents it, with its event listeners. */
function page(visible: boolean, size: number) {
  const listeners = new Map<string, (() => void)[]>();
  const on = (t: string, f: () => void) => listeners.set(t, [...(listeners.get(t) ?? []), f]);
  const off = (t: string, f: () => void) => listeners.set(t, (listeners.get(t) ?? []).filter((x) => x !== f));
  const doc = { visibilityState: visible ? 'visible' : 'hidden', addEventListener: on, removeEventListener: off };
  const win = { innerWidth: size, innerHeight: size, addEventListener: on, removeEventListener: off };
  return {
    doc,
    win,
    fire: (t: string) => (listeners.get(t) ?? []).slice().forEach((f) => f()),
    env: (addin?: PaneEnv['addin']): PaneEnv => ({ doc, win, addin }) as unknown as PaneEnv,
  };
}

test('started hidden: nothing is read until Office says the pane is shown, then the check runs once', async () => {
  const s = setup(await fixtureWorkbook());
  const p = page(false, 0);
  const addin = (globalThis as unknown as { Office: { addin: PaneEnv['addin'] } }).Office.addin;
  let starts = 0;
  whenPaneShown(() => {
    starts++;
    void s.service.checkAll();
  }, p.env(addin));
  await new Promise((r) => setTimeout(r, 20));
  p.fire('visibilitychange'); // still hidden
  expect([starts, s.office.host.syncCount, s.wb.writes.length]).toEqual([0, 0, 0]);
  s.office.host.setVisibility('Hidden');
  await new Promise((r) => setTimeout(r, 10));
  expect(starts).toBe(0);
  s.office.host.setVisibility('Taskpane');
  await new Promise((r) => setTimeout(r, 10));
  await s.service.idle();
  s.office.host.setVisibility('Taskpane');
  await new Promise((r) => setTimeout(r, 10));
  expect(starts).toBe(1);
  expect(s.office.host.syncCount).toBeGreaterThan(0);
  expect(s.service.current().sheets).toHaveLength(3);
});

test('opened from the ribbon (a visible pane with a size): starts at once', () => {
  const p = page(true, 350);
  let starts = 0;
  whenPaneShown(() => starts++, p.env());
  expect(starts).toBe(1);
});

test('no Office signal and a hidden page: the clerk’s click or key starts it; a page that becomes visible starts it', () => {
  const a = page(false, 0);
  let starts = 0;
  whenPaneShown(() => starts++, a.env());
  expect(starts).toBe(0);
  a.fire('pointerdown');
  a.fire('keydown');
  expect(starts).toBe(1);

  const b = page(false, 0);
  let later = 0;
  whenPaneShown(() => later++, b.env());
  Object.assign(b.doc, { visibilityState: 'visible' });
  Object.assign(b.win, { innerWidth: 320, innerHeight: 600 });
  b.fire('visibilitychange');
  expect(later).toBe(1);
});

test('the returned function starts it (the 检查本工作簿 button), once', () => {
  const p = page(false, 0);
  let starts = 0;
  const start = whenPaneShown(() => starts++, p.env());
  start();
  start();
  p.fire('pointerdown');
  expect(starts).toBe(1);
});

test('closing the pane (Office.addin.onVisibilityModeChanged: Hidden) stops live checking; opening it again checks afresh', async () => {
  const s = setup(await fixtureWorkbook());
  await s.service.checkAll();
  await s.service.startLive();
  const addin = (globalThis as unknown as { Office: { addin: PaneEnv['addin'] } }).Office.addin;
  expect(onPaneVisibility((v) => void s.service.setPaneVisible(v), { addin })).toBe(true);
  s.office.host.setVisibility('Hidden');
  await new Promise((r) => setTimeout(r, 10));
  const syncs = s.office.host.syncCount;
  s.wb.userEdit('行政处罚案件台账', 'I5', '王明、李强');
  await new Promise((r) => setTimeout(r, 20));
  await s.service.idle();
  expect(s.office.host.syncCount).toBe(syncs); // the shared runtime runs on, the add-in does nothing
  s.logs.length = 0;
  s.office.host.setVisibility('Taskpane');
  await new Promise((r) => setTimeout(r, 10));
  await s.service.idle();
  expect(s.logs.map((l) => l.op)).toEqual(['checkAll']);
  expect(s.service.current().sheets.find((x) => x.kind === 'penalty')!.errors).toBeLessThan(9);
});

test('without the event (no SharedRuntime), onPaneVisibility says so', () => {
  expect(onPaneVisibility(() => undefined, { addin: undefined })).toBe(false);
});
