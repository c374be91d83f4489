/*
 * Whatever Excel refuses, the clerk still sees every result: protected sheets, cell-edit mode,
 * conditional formats that cannot be read, merges reported as plain edits, old hosts without
 * merged areas. Each case says in one line what was not done and why; nothing is lost.
 */
import { MARK_STYLE, isMarkFormula } from '../../src/session/marks';
import { FakeWorkbook, rectA1 } from '../fake-excel';
import { fixtureWorkbook, freshCheck, ledgerSheet, penaltyRow, setup, stateJson, teardown } from './helpers';

afterEach(teardown);

const P = '行政处罚案件台账';
const I = '行政检查案件台账';

const marksOn = (wb: FakeWorkbook, sheet: string) => wb.sheet(sheet).cfs.filter((cf) => isMarkFormula(cf.formula));
/** The pane's notes, without the one every host before ExcelApi 1.13 shows (the profiles differ there). */
const notes = (st: { notes?: string[] }) => (st.notes ?? []).filter((n) => !n.includes('读不出合并单元格'));

describe('a protected sheet', () => {
  test('its results are shown, its marks skipped with the reason; the other sheets are marked; nothing is written to it', async () => {
    const wb = await fixtureWorkbook();
    wb.sheet(P).protected = true;
    const s = setup(wb);
    const st = await s.service.checkAll();
    expect(st.phase).toBe('ready');
    expect(stateJson(s.service)).toEqual(freshCheck(wb));
    expect(st.sheets.find((x) => x.name === P)!.errors).toBeGreaterThan(3);
    expect(notes(st)).toEqual([expect.stringContaining(`「${P}」受工作表保护，没有更新标记（检查结果照常列出）`)]);
    expect(marksOn(wb, P)).toEqual([]);
    expect(marksOn(wb, I).length).toBeGreaterThan(0);
    expect(wb.writes.filter((w) => w.sheet === P)).toEqual([]);
    expect(s.office.host.syncs.filter((r) => r.error)).toEqual([]);

    // 填写报送月份 refuses it with the reason and fills the others.
    const r = await s.service.fillReportMonths();
    expect(r.refused).toEqual([{ sheet: P, reason: expect.stringContaining('受工作表保护，没有填写报送月份') }]);
    expect(r.written.map((w) => w.sheet)).toEqual([I, '行政强制案件台账']);

    // Protection removed: the next check marks it and the note goes.
    wb.sheet(P).protected = false;
    const again = await s.service.checkAll();
    expect(notes(again)).toEqual([]);
    expect(wb.shownFill(P, 'I5')).toBe(MARK_STYLE.error.fill);
  });

  test('protected between the read and the write: that sheet’s write fails alone, the others are written', async () => {
    const wb = await fixtureWorkbook();
    const s = setup(wb);
    // Sync 1 lists the sheets, sync 2 reads them; the clerk protects the sheet just before the write.
    s.office.host.onSync = (n) => {
      if (n === 3) wb.sheet(P).protected = true;
    };
    const st = await s.service.checkAll();
    expect(st.phase).toBe('ready');
    expect(stateJson(s.service)).toEqual(freshCheck(wb));
    expect(notes(st)).toEqual([expect.stringMatching(new RegExp(`^「${P}」受工作表保护，没有更新标记`))]);
    expect(s.office.host.syncs.map((r) => r.error).filter(Boolean)).toEqual(['AccessDenied', 'AccessDenied']);
    expect(marksOn(wb, P)).toEqual([]);
    expect(marksOn(wb, I).length).toBeGreaterThan(0);
  });

  test('清除标记 leaves marks it cannot remove, and says where', async () => {
    const wb = await fixtureWorkbook();
    const s = setup(wb);
    await s.service.checkAll();
    const before = marksOn(wb, P).length;
    expect(before).toBeGreaterThan(0);
    wb.sheet(P).protected = true;
    await s.service.setMarks(false);
    expect(marksOn(wb, P).length).toBe(before);
    expect(marksOn(wb, I)).toEqual([]);
    expect(notes(s.service.current())).toEqual([expect.stringContaining(`「${P}」受工作表保护，没有清除标记`)]);
    expect(s.service.current().check!.ledgers).toHaveLength(3);
  });
});

describe('cell-edit mode', () => {
  test('a check waits until the clerk leaves the cell (delayForCellEdit), then shows everything', async () => {
    const s = setup(await fixtureWorkbook());
    s.office.host.enterCellEdit();
    let done = false;
    const p = s.service.checkAll().then((st) => ((done = true), st));
    await new Promise((r) => setTimeout(r, 30));
    expect(done).toBe(false);
    expect(s.office.host.syncCount).toBe(0);
    s.office.host.exitCellEdit();
    const st = await p;
    expect(st.phase).toBe('ready');
    expect(stateJson(s.service)).toEqual(freshCheck(s.wb));
  });

  test('a host that fails anyway: the last results stay, one clear line says why, and live edits are checked afterwards', async () => {
    const s = setup(await fixtureWorkbook(), { ignoreDelayForCellEdit: true });
    await s.service.checkAll();
    await s.service.startLive();
    const before = stateJson(s.service);

    s.office.host.enterCellEdit();
    const st = await s.service.checkAll();
    expect(st.phase).toBe('error');
    expect(st.error).toBe('Excel 正在编辑单元格，暂时不能读取工作簿。请按 Enter 或 Esc 结束编辑，再点“重新检查”。');
    expect(stateJson(s.service)).toEqual(before);

    // An edit arrives while another cell is still being typed in: kept, not lost.
    s.wb.userEdit(P, 'I5', '王明、李强');
    await s.service.idle();
    expect(notes(s.service.current())).toEqual([expect.stringContaining('Excel 正在编辑单元格')]);
    expect(stateJson(s.service)).toEqual(before);

    s.office.host.exitCellEdit();
    s.wb.userEdit(P, 'G7', '罚款3000元'); // pressing Enter commits the cell: an event
    await s.service.idle();
    expect(s.service.current().phase).toBe('ready');
    expect(notes(s.service.current())).toEqual([]);
    expect(stateJson(s.service)).toEqual(freshCheck(s.wb));
    await s.service.refreshMarks();
    expect(s.wb.shownFill(P, 'I5')).toBeUndefined();
  });
});

test('conditional formats Excel cannot read (office-js#6827): every result is shown, that sheet’s marks are skipped with the reason', async () => {
  const wb = await fixtureWorkbook();
  const r = { top: 3, left: 7, bottom: 12, right: 7 };
  wb.sheet(P).cfs.push({ id: '{U1}', type: 'CellValue', ranges: [r], formula: '' }, { id: '{U2}', type: 'CellValue', ranges: [{ ...r }], formula: '' });
  const s = setup(wb, { failStackedRules: true });
  const st = await s.service.checkAll();
  expect(st.phase).toBe('ready');
  expect(stateJson(s.service)).toEqual(freshCheck(wb));
  expect(notes(st)).toEqual([expect.stringMatching(new RegExp(`^「${P}」没有更新标记（GeneralException）`))]);
  expect(marksOn(wb, P)).toEqual([]);
  expect(marksOn(wb, I).length).toBeGreaterThan(0);
  expect(wb.sheet(P).cfs.map((cf) => cf.id)).toEqual(['{U1}', '{U2}']);
  // The same in a live re-check.
  await s.service.startLive();
  wb.userEdit(P, 'I5', '王明、李强');
  await s.service.idle();
  expect(stateJson(s.service)).toEqual(freshCheck(wb));
  expect(notes(s.service.current())).toHaveLength(1);
});

test('merging cells arrives as a plain edit: the merged area is read again with its rows, results equal a fresh check', async () => {
  const rows = [penaltyRow(1), penaltyRow(2, { officers: null }), penaltyRow(3)];
  const wb = FakeWorkbook.fromJson({ sheets: [ledgerSheet('penalty', rows)] });
  const s = setup(wb, { apiVersion: '1.14' });
  await s.service.checkAll();
  await s.service.startLive();
  expect(s.service.current().sheets[0].errors).toBeGreaterThan(0); // row 4 has no officers
  wb.userMerge(P, 'I3:I4'); // row 3's officers now cover row 4
  await s.service.idle();
  expect(stateJson(s.service)).toEqual(freshCheck(wb));
  expect(s.service.current().sheets[0].errors).toBe(0);
  wb.userMerge(P, 'I3:I4', false);
  await s.service.idle();
  expect(stateJson(s.service)).toEqual(freshCheck(wb));
  expect(wb.sheet(P).merges.map(rectA1)).not.toContain('I3:I4');
});

test('a host without merged areas (before ExcelApi 1.13) says that merged cells may be reported as empty', async () => {
  const s = setup(await fixtureWorkbook(), { apiVersion: '1.12' });
  const st = await s.service.checkAll();
  expect(st.notes).toEqual([expect.stringContaining('读不出合并单元格')]);
  const later = setup(await fixtureWorkbook(), { apiVersion: '1.13' });
  expect((await later.service.checkAll()).notes).toEqual([]);
});
