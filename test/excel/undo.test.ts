/*
 * The clerk's undo history (test/fake-excel/undo.ts) under each host profile: live checking never
 * writes, so Ctrl+Z undoes the clerk's own edit; the add-in's writes are one undo step where Excel
 * keeps them (ExcelApi 1.20, mergeUndoGroup) and clear the history elsewhere, only when the clerk
 * asked; marks are compared with the results by what the sheet shows, so an undo of the add-in's
 * step is repaired by the next write.
 */
import { MARK_STYLE } from '../../src/session/marks';
import { fixtureWorkbook, freshCheck, setup, stateJson, teardown } from './helpers';

afterEach(teardown);

const P = '行政处罚案件台账';
const I = '行政检查案件台账';

async function live() {
  const s = setup(await fixtureWorkbook());
  await s.service.checkAll(); // the clerk opened the pane: the first marks are written
  await s.service.startLive();
  s.logs.length = 0;
  return { ...s, grouped: s.office.host.undoSupported };
}

test('the clerk types, live checking runs, Ctrl+Z undoes the clerk’s own edit (every host)', async () => {
  const s = await live();
  const clears = s.wb.undo.clears.length;
  const before = s.wb.valueSnapshot();
  s.wb.userEdit(P, 'I5', '王明、李强');
  await s.service.idle();
  expect(s.logs.map((l) => l.op)).toEqual(['recheckRows']);
  // Live checking wrote nothing: the history is as the clerk left it, the clerk's edit on top.
  expect(s.wb.undo.clears).toHaveLength(clears);
  expect(s.wb.undo.top()).toEqual(expect.objectContaining({ by: 'clerk', label: 'edit I5' }));
  expect(s.wb.writes.filter((w) => w.sync > s.office.host.syncCount - 1)).toEqual([]);

  const undone = s.wb.userUndo(); // Ctrl+Z
  expect(undone).toEqual(expect.objectContaining({ by: 'clerk', label: 'edit I5' }));
  expect(s.wb.valueSnapshot()).toEqual(before);
  await s.service.idle();
  // The undo raised a change: the pane is back to the mistake.
  expect(stateJson(s.service)).toEqual(freshCheck(s.wb));
  expect(s.wb.shownFill(P, 'I5')).toBe(MARK_STYLE.error.fill);
});

test('更新标记 is one undo step where Excel keeps add-ins’ writes, and otherwise empties the history (the pane says so first)', async () => {
  const s = await live();
  s.wb.userEdit(P, 'I5', '王明、李强');
  await s.service.idle();
  const note = s.service.current().pendingMarks!.note;
  expect(note).toContain(`「${P}」`);
  if (s.grouped) expect(note).toContain('可以用 Ctrl+Z 撤销');
  else expect(note).toContain('会清空“撤销”记录');

  const clears = s.wb.undo.clears.length;
  await s.service.refreshMarks();
  expect(s.wb.shownFill(P, 'I5')).toBeUndefined();
  if (s.grouped) {
    // One step for the whole operation (mergeUndoGroup), above the clerk's edit.
    expect(s.wb.undo.labels().slice(-2)).toEqual(['clerk:edit I5', expect.stringMatching(/^add-in:/)]);
    expect(s.wb.undo.clears).toHaveLength(clears);
  } else {
    expect(s.wb.undo.steps).toEqual([]);
    expect(s.wb.undo.clears.length).toBeGreaterThan(clears);
  }
});

test('where Ctrl+Z can undo the add-in’s marks, the next write sees what the sheet really shows and repairs it', async () => {
  const s = await live();
  if (!s.grouped) return; // elsewhere the add-in's step cannot be undone (tested above: it empties the history)
  s.wb.userEdit(P, 'I5', '王明、李强');
  await s.service.idle();
  await s.service.refreshMarks();
  expect(s.wb.shownFill(P, 'I5')).toBeUndefined();
  expect(s.wb.userUndo()).toEqual(expect.objectContaining({ by: 'add-in' })); // Ctrl+Z: the mark is back
  expect(s.wb.shownFill(P, 'I5')).toBe(MARK_STYLE.error.fill);
  // 重新检查 compares the plan with the cells the marks apply to, not with a count: it rewrites them.
  await s.service.checkAll();
  expect(s.wb.shownFill(P, 'I5')).toBeUndefined();
  expect(s.wb.shownFill(P, 'F6')).toBe(MARK_STYLE.error.fill);
});

test('leaving a sheet writes its marks where that is one undo step; elsewhere it writes nothing', async () => {
  const s = await live();
  s.wb.userEdit(P, 'I5', '王明、李强');
  await s.service.idle();
  s.wb.userActivate(I);
  await s.service.idle();
  if (s.grouped) {
    expect(s.wb.shownFill(P, 'I5')).toBeUndefined();
    expect(s.service.current().pendingMarks).toBeUndefined();
    expect(s.wb.undo.top()).toEqual(expect.objectContaining({ by: 'add-in' }));
    s.wb.userUndo(); // the marks step
    expect(s.wb.userUndo()).toEqual(expect.objectContaining({ by: 'clerk', label: 'edit I5' })); // then the clerk's edit
  } else {
    expect(s.wb.shownFill(P, 'I5')).toBe(MARK_STYLE.error.fill);
    expect(s.service.current().pendingMarks?.sheets).toEqual([P]);
    expect(s.wb.userUndo()).toEqual(expect.objectContaining({ by: 'clerk', label: 'edit I5' }));
  }
});

test('a co-author’s edit (source Remote) is re-checked but never written for, not even when the clerk leaves the sheet', async () => {
  const s = await live();
  const writes = s.wb.writes.length;
  s.wb.remoteEdit(P, 'I5', '王明、李强');
  await s.service.idle();
  expect(stateJson(s.service)).toEqual(freshCheck(s.wb));
  s.wb.userActivate(I);
  await s.service.idle();
  expect(s.wb.writes.length).toBe(writes);
  expect(s.wb.shownFill(P, 'I5')).toBe(MARK_STYLE.error.fill);
  expect(s.service.current().pendingMarks?.sheets).toEqual([P]);
  // Nor is it on this clerk's undo history.
  expect(s.wb.undo.labels().filter((l) => l.startsWith('clerk:'))).toEqual([]);
});

test('while the pane is hidden nothing is read or written; shown again, a fresh check', async () => {
  const s = await live();
  await s.service.setPaneVisible(false);
  const syncs = s.office.host.syncCount;
  s.wb.userEdit(P, 'I5', '王明、李强');
  s.wb.userEdit(P, 'F6', '2023年10月6日');
  await s.service.idle();
  await new Promise((r) => setTimeout(r, 20));
  await s.service.idle();
  expect(s.office.host.syncCount).toBe(syncs);
  expect(s.logs).toEqual([]);
  await s.service.setPaneVisible(true);
  expect(s.logs.map((l) => l.op)).toEqual(['checkAll']);
  expect(stateJson(s.service)).toEqual(freshCheck(s.wb));
  // It wrote only where that is one undo step.
  expect(s.wb.shownFill(P, 'I5')).toBe(s.grouped ? undefined : MARK_STYLE.error.fill);
});
