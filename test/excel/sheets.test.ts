/* Inserting the official sheets (as `taizhang template`), settings in the workbook, and the small service methods. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { templateWorkbook } from '../../src/cli/template';
import { SETTINGS_KEY } from '../../src/session/settings';
import { widthPoints } from '../../src/excel/template-sheet';
import { KINDS } from '../../src/ledger/columns';
import { templateSheet } from '../../src/ledger/template';
import { FakeWorkbook, rectA1 } from '../fake-excel';
import { modelFromXlsx } from '../fake-excel/from-xlsx';
import { TODAY, fixtureWorkbook, freshCheck, ledgerSheet, penaltyRow, setup, stateJson, teardown } from './helpers';

afterEach(teardown);

const TEAM = '天宁镇综合行政执法队';

async function onlyPenalty(): Promise<FakeWorkbook> {
  const wb = await fixtureWorkbook();
  wb.sheets = wb.sheets.filter((s) => s.name === '行政处罚案件台账' || s.name === '填表说明');
  return wb;
}

describe('insertOfficialSheets', () => {
  test('adds the missing ledgers in the official layout; the core recognises them with 0 records', async () => {
    const wb = await onlyPenalty();
    const values = wb.valueSnapshot();
    const s = setup(wb);
    expect((await s.service.checkAll()).missingKinds).toEqual(['inspection', 'coercion']);
    s.syncsSince();
    const added = await s.service.insertOfficialSheets(TEAM);
    expect(added).toEqual(['行政检查案件台账', '行政强制案件台账']);
    expect(s.syncsSince()).toBe(2);
    const state = s.service.current();
    expect(state.missingKinds).toEqual([]);
    expect(state.sheets.map((x) => [x.name, x.kind, x.records, x.team])).toEqual([
      ['行政处罚案件台账', 'penalty', 10, TEAM],
      ['行政检查案件台账', 'inspection', 0, TEAM],
      ['行政强制案件台账', 'coercion', 0, TEAM],
    ]);
    // What the adapter believes equals what the core finds in the cells Excel now holds.
    expect(stateJson(s.service)).toEqual(freshCheck(wb));
    expect(wb.sheet('行政检查案件台账').cells.size).toBeGreaterThan(0);
    // The existing sheets' values are untouched.
    const after = wb.valueSnapshot();
    expect({ ...after, 行政检查案件台账: undefined, 行政强制案件台账: undefined }).toEqual({ ...values, 行政检查案件台账: undefined, 行政强制案件台账: undefined });
  });

  test('with Excel data validation: dates 2015–2099, whole number ≥ 0 for 发现隐患数, “√” for 已完成/未完成', async () => {
    const s = setup(await onlyPenalty());
    await s.service.insertOfficialSheets(null);
    const sheet = s.wb.sheet('行政检查案件台账');
    const v = Object.fromEntries(sheet.validations.map((x) => [rectA1(x.range), x]));
    expect(Object.keys(v).sort()).toEqual(['C4:C23', 'G4:G23', 'K4:K23', 'L4:L23', 'M4:M23']);
    for (const a of ['C4:C23', 'M4:M23']) expect(v[a].rule).toEqual({ date: { formula1: '2015-01-01', formula2: '2099-12-31', operator: 'Between' } });
    expect(v['G4:G23'].rule).toEqual({ wholeNumber: { formula1: 0, formula2: 9999, operator: 'Between' } });
    for (const a of ['K4:K23', 'L4:L23']) expect(v[a].rule).toEqual({ list: { inCellDropDown: true, source: '√' } });
    for (const x of Object.values(v)) {
      expect(x.ignoreBlanks).toBe(true);
      expect(x.errorAlert).toEqual(expect.objectContaining({ showAlert: true, style: 'Stop', message: expect.stringMatching(/[\u4e00-\u9fff]/) }));
      expect(x.prompt).toEqual(expect.objectContaining({ showPrompt: true }));
    }
    const coercion = s.wb.sheet('行政强制案件台账');
    expect(coercion.validations.map((x) => rectA1(x.range)).sort()).toEqual(['G3:G22', 'I3:I22']);
    // No team given: the title keeps the template's placeholder.
    expect(s.wb.valueAt(coercion, 1, 1)).toBe('XX综合行政执法队x年x月x日--x年x月x日行政强制案件台账');
    expect(s.service.current().sheets.find((x) => x.kind === 'coercion')!.team).toBeNull();
  });

  test('the same layout as `taizhang template`: values, merges, date formats, widths, frozen header', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tz-template-'));
    try {
      const file = path.join(dir, 't.xlsx');
      await templateWorkbook(TEAM).xlsx.writeFile(file);
      const cli = FakeWorkbook.fromJson(await modelFromXlsx(file));
      const s = setup(FakeWorkbook.fromJson({ sheets: [{ name: 'Sheet1' }] }));
      expect(await s.service.insertOfficialSheets(TEAM)).toEqual(KINDS.map((k) => templateSheet(k).name));
      for (const kind of KINDS) {
        const t = templateSheet(kind, TEAM);
        const ours = s.wb.sheet(t.name);
        const theirs = cli.sheet(t.name);
        expect(s.wb.valueSnapshot()[t.name]).toEqual(cli.valueSnapshot()[t.name]);
        expect(ours.merges.map(rectA1).sort()).toEqual(theirs.merges.map(rectA1).sort());
        for (let r = t.firstDataRow; r < t.footnoteRow; r++) {
          for (let c = 1; c <= t.widths.length; c++) expect(s.wb.cell(ours, r, c)?.style?.numberFormat).toBe(s.wb.cell(theirs, r, c)?.style?.numberFormat);
        }
        expect([...ours.columnWidths.entries()]).toEqual(t.widths.map((w, i) => [i + 1, widthPoints(w)]));
        expect(ours.frozenRows).toBe(t.firstDataRow - 1);
        expect(ours.pageLayout).toEqual({ orientation: 'Landscape', paperSize: 'A4' });
        // Header cells are bordered like the CLI's.
        expect(s.wb.cell(ours, t.headerRow, 1)?.style?.borders).toEqual({ top: 'Continuous', bottom: 'Continuous', left: 'Continuous', right: 'Continuous' });
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a sheet already named like an official sheet (but no ledger) keeps its name; the new one gets （2）', async () => {
    const wb = await onlyPenalty();
    wb.loadSheet({ name: '行政强制案件台账', rows: [['待整理']] });
    const s = setup(wb);
    expect(await s.service.insertOfficialSheets(TEAM)).toEqual(['行政检查案件台账', '行政强制案件台账（2）']);
    expect(s.wb.valueAt(s.wb.sheet('行政强制案件台账'), 1, 1)).toBe('待整理');
  });

  test('nothing is missing: nothing is added; a bad team name is refused with a message', async () => {
    const s = setup(await fixtureWorkbook());
    expect(await s.service.insertOfficialSheets(TEAM)).toEqual([]);
    await expect(s.service.insertOfficialSheets('XX综合行政执法队')).rejects.toThrow(/XX/);
    expect(s.wb.sheets).toHaveLength(4);
  });

  test('sheets the add-in inserts while live checking is on are not read again', async () => {
    const s = setup(await onlyPenalty());
    await s.service.checkAll();
    await s.service.startLive();
    s.logs.length = 0;
    await s.service.insertOfficialSheets(TEAM);
    await s.service.idle();
    expect(s.logs.map((l) => l.op)).toEqual(['insertOfficialSheets']);
  });
});

describe('a ledger on a hidden sheet (issue 16)', () => {
  const COPY = '2022年行政处罚案件台账';
  const book = (visibility?: 'Hidden' | 'VeryHidden') =>
    FakeWorkbook.fromJson({
      sheets: [
        ledgerSheet('penalty', [penaltyRow(1), penaltyRow(2)]),
        { ...ledgerSheet('penalty', [penaltyRow(3), penaltyRow(4, { officers: '王明' })], COPY), ...(visibility ? { visibility } : {}) },
      ],
    });

  test('is checked like any other; its card and the check say it is hidden; the sheet list costs no extra sync', async () => {
    const visible = setup(book());
    await visible.service.checkAll();
    const syncsVisible = visible.syncsSince();
    const s = setup(book('Hidden'));
    const state = await s.service.checkAll();
    expect(s.syncsSince()).toBe(syncsVisible);
    expect(state.sheets.map((x) => [x.name, x.records, x.errors > 0, !!x.hidden])).toEqual([
      ['行政处罚案件台账', 2, false, false],
      [COPY, 2, true, true],
    ]);
    expect(state.check!.ledgers.map((l) => [l.layout.sheet, !!l.layout.hidden])).toEqual([
      ['行政处罚案件台账', false],
      [COPY, true],
    ]);
    // The same as the core finds in the cells with the sheet's state (as the CLI reads the file).
    expect(stateJson(s.service)).toEqual(freshCheck(s.wb));
    expect(stateJson(s.service).sheets.find((x) => x.name === COPY)?.hidden).toBe(true);
  });

  test('unhidden, then very hidden: a fresh check follows the sheet’s visibility', async () => {
    const s = setup(book('Hidden'));
    await s.service.checkAll();
    s.wb.sheet(COPY).visibility = 'Visible';
    let state = await s.service.checkAll();
    expect(state.sheets.find((x) => x.name === COPY)).not.toHaveProperty('hidden');
    expect(stateJson(s.service)).toEqual(freshCheck(s.wb));
    s.wb.sheet(COPY).visibility = 'VeryHidden';
    state = await s.service.checkAll();
    expect(state.sheets.find((x) => x.name === COPY)?.hidden).toBe(true);
    expect(state.sheets.find((x) => x.name === '行政处罚案件台账')).not.toHaveProperty('hidden');
  });
});

describe('settings in the workbook', () => {
  const GOOD = { team: TEAM, contact: { name: '张三', title: '综合执法队队员', phone: '13812345678' }, to: 'jiaochengxzfy@163.com' };

  test('round trip: saved with the workbook, read by the next session', async () => {
    const wb = await fixtureWorkbook();
    const s = setup(wb);
    expect(await s.service.loadSettings()).toEqual({});
    await s.service.saveSettings({ ...GOOD, contact: { ...GOOD.contact, phone: '138 1234 5678' } });
    expect(wb.savedSettings[SETTINGS_KEY]).toEqual(GOOD);
    const next = setup(wb);
    expect(await next.service.loadSettings()).toEqual(GOOD);
  });

  test('invalid stored values are ignored, not thrown', async () => {
    const wb = await fixtureWorkbook();
    wb.savedSettings[SETTINGS_KEY] = { team: 'XX综合行政执法队', contact: { name: '张', title: '综合执法队队员', phone: '12345' }, to: 'not-an-address', extra: 1 };
    expect(await setup(wb).service.loadSettings()).toEqual({ contact: { title: '综合执法队队员' } });
    for (const junk of ['text', 42, null, [1, 2], { contact: 'x', to: 5 }]) {
      wb.savedSettings[SETTINGS_KEY] = junk;
      expect(await setup(wb).service.loadSettings()).toEqual({});
    }
  });

  test('saving an invalid value is refused with the schema’s Chinese message; a failed save is reported', async () => {
    const wb = await fixtureWorkbook();
    const s = setup(wb);
    await expect(s.service.saveSettings({ contact: { phone: '12345' } })).rejects.toThrow(/电话应为手机号/);
    await expect(s.service.saveSettings({ to: 'a@b' })).rejects.toThrow(/收件邮箱/);
    expect(wb.savedSettings[SETTINGS_KEY]).toBeUndefined();
    s.office.host.settingsFail = true;
    await expect(s.service.saveSettings(GOOD)).rejects.toThrow(/设置没有保存到工作簿/);
  });
});

test('platform, today, selectCell in one sync', async () => {
  const s = setup(await fixtureWorkbook(), { platform: 'OfficeOnline' });
  expect(s.service.platform()).toBe('OfficeOnline');
  expect(s.service.today()).toBe(TODAY);
  await s.service.selectCell('行政强制案件台账', 'I4');
  expect(s.office.host.syncCount).toBe(1);
  expect(s.wb.activeSheetId).toBe(s.wb.sheet('行政强制案件台账').id);
  expect(s.wb.sheet('行政强制案件台账').selection).toBe('I4');
});

test('subscribers see every state change with a growing version; unsubscribe stops them', async () => {
  const s = setup(await fixtureWorkbook());
  const seen: string[] = [];
  const off = s.service.subscribe((st) => seen.push(`${st.phase}:${st.version}`));
  await s.service.checkAll();
  // checking, its progress (the rows read: a new figure is always shown), the results (ready) before the marks are written, then ready with the marks.
  expect(seen).toEqual(['checking:1', 'checking:2', 'ready:3', 'ready:4']);
  off();
  const before = s.service.current().version;
  await s.service.checkAll();
  expect(seen).toHaveLength(4);
  expect(s.service.current().version).toBeGreaterThan(before + 1);
});

test('a failing read ends in the error phase with a Chinese message', async () => {
  const s = setup(await fixtureWorkbook(), { payloadLimit: 10 });
  const st = await s.service.checkAll();
  expect(st.phase).toBe('error');
  expect(st.error).toMatch(/读取或写入工作簿时出错/);
});
