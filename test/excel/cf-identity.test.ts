/*
 * Data safety: the clerk's own conditional formats survive everything the add-in does with its
 * marks, whether Excel numbers conditional formats by priority (documented) or gives them ids
 * that last. The add-in recognises its marks by the tag in their formula, never by an id.
 */
import { MARK_STYLE, isMarkFormula } from '../../src/session/marks';
import { FakeConditionalFormat, FakeWorkbook, rectA1 } from '../fake-excel';
import { fixtureWorkbook, setup, teardown } from './helpers';

afterEach(teardown);

const P = '行政处罚案件台账';
const I = '行政检查案件台账';

/** The clerk's own rules: several, overlapping, some on exactly the cells the add-in marks. */
function addUserRules(wb: FakeWorkbook): void {
  const p = wb.sheet(P);
  const r = (a: string) => parse(a);
  p.cfs.push(
    { id: '{USER-1}', type: 'Custom', ranges: [r('F3:F12')], formula: '=$F3>DATE(2023,10,31)', fill: '#00B050' },
    { id: '{USER-2}', type: 'Custom', ranges: [r('I5')], formula: '="复核"<>""', fill: '#FF0000', fontColor: '#FFFFFF' }, // I5 is marked too
    { id: '{USER-3}', type: 'CellValue', ranges: [r('A3:K14')], formula: '' },
    { id: '{USER-4}', type: 'Custom', ranges: [r('I3:I14'), r('B3:B14')], formula: '=ISBLANK(I3)', fill: '#FFFF00' },
    { id: '{USER-5}', type: 'Custom', ranges: [r('F6')], formula: '=TRUE', fill: '#D9D9D9' }, // F6 is marked too
  );
  wb.sheet(I).cfs.push({ id: '{USER-6}', type: 'Custom', ranges: [r('C4:C11')], formula: '=$C4="" ', fill: '#BDD7EE' });
}

function parse(a: string) {
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(a)!;
  const col = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return { top: +m[2], left: col(m[1]), bottom: +(m[4] ?? m[2]), right: col(m[3] ?? m[1]) };
}

const ours = (cf: FakeConditionalFormat) => isMarkFormula(cf.formula);

/** The clerk's rules per sheet, in priority order, with everything they carry. */
function userRules(wb: FakeWorkbook): string {
  return JSON.stringify(wb.sheets.map((s) => [s.name, s.cfs.filter((cf) => !ours(cf)).map((cf) => ({ ...cf, ranges: cf.ranges.map(rectA1) }))]));
}

describe.each(['priority', 'stable'] as const)('conditional format ids: %s', (cfIds) => {
  test('the clerk’s rules survive ten checks, an edit, 清除标记 and 显示标记, unchanged in order and content', async () => {
    const wb = await fixtureWorkbook();
    addUserRules(wb);
    const before = userRules(wb);
    const s = setup(wb, { cfIds });
    for (let i = 0; i < 10; i++) {
      const st = await s.service.checkAll();
      expect(st.phase).toBe('ready');
      expect(userRules(wb)).toBe(before);
    }
    // The marks are there, above the clerk's rules, and nothing failed on the way.
    expect(wb.shownFill(P, 'I5')).toBe(MARK_STYLE.error.fill);
    expect(wb.shownFill(P, 'F6')).toBe(MARK_STYLE.error.fill);
    expect(s.office.host.syncs.filter((r) => r.error)).toEqual([]);

    await s.service.startLive();
    wb.userEdit(P, 'I5', '王明、李强'); // fixes the mark on I5
    wb.userEdit(P, 'I7', '王明'); // a new mark on I7
    await s.service.idle();
    await s.service.refreshMarks(); // live checking writes nothing; 更新标记 does
    expect(userRules(wb)).toBe(before);
    expect(wb.shownFill(P, 'I5')).toBe('#FF0000'); // the clerk's own rule shows again
    expect(wb.shownFill(P, 'I7')).toBe(MARK_STYLE.error.fill);

    await s.service.setMarks(false);
    expect(userRules(wb)).toBe(before);
    expect(wb.sheets.flatMap((x) => x.cfs).filter(ours)).toEqual([]);

    await s.service.setMarks(true);
    expect(userRules(wb)).toBe(before);
    expect(wb.shownFill(P, 'I7')).toBe(MARK_STYLE.error.fill);
    expect(s.office.host.syncs.filter((r) => r.error)).toEqual([]);
  });

  test('a second check with nothing changed neither deletes nor adds anything', async () => {
    const wb = await fixtureWorkbook();
    addUserRules(wb);
    const s = setup(wb, { cfIds });
    await s.service.checkAll();
    const marks = JSON.stringify(wb.sheets.map((x) => x.cfs));
    const writes = wb.writes.length;
    await s.service.checkAll();
    expect(JSON.stringify(wb.sheets.map((x) => x.cfs))).toBe(marks);
    expect(wb.writes.length).toBe(writes);
  });
});
