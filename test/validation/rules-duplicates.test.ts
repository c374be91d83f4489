/* duplicate-doc-no: numbers compared as GB/T 9704 writes them, across rows and sheets of one ledger kind. */
import { SheetGrid } from '../../src/ledger/cell';
import { docNoKey } from '../../src/ledger/docno';
import { LedgerResult } from '../../src/validation/check';
import { WorkbookChecker, checkWorkbook } from '../../src/validation/workbook';
import { GOOD, Row, TODAY, checkRows, ledgerGrid } from '../helpers/ledger';

const p = (decisionNo: string, more: Row = {}): Row => ({ ...GOOD.penalty, decisionNo, ...more });
const dupRows = (recs: { row: number; issues: { rule: string }[] }[]) => recs.filter((r) => r.issues.some((i) => i.rule === 'duplicate-doc-no')).map((r) => r.row);

describe('the same number written differently', () => {
  test.each([
    ['天综执罚决〔2023〕24号', '天综执罚决〔2023〕第24号'],
    ['天综执罚决〔2023〕24号', '天综执罚决（2023）24号'],
    ['天综执罚决〔2023〕24号', '天综执罚决[2023]24号'],
    ['天综执罚决〔2023〕24号', '天综执罚决【2023】24号'],
    ['天综执罚决〔2023〕24号', '天综执罚决〔２０２３〕２４号'],
    ['天综执罚决〔2023〕24号', '天综执罚决 〔2023〕 24 号'],
    ['天综执罚决〔2023〕24号', '天综执罚决〔2023〕024号'],
  ])('%s = %s', (a, b) => {
    expect(docNoKey(b)).toBe(docNoKey(a));
    expect(dupRows(checkRows('penalty', [p(a), p(b)]))).toEqual([4]);
  });
  test.each([
    ['天综执罚决〔2023〕24号', '天综执罚决〔2023〕240号'],
    ['天综执罚决〔2023〕24号', '天综执罚决〔2022〕24号'],
    ['天综执罚决〔2023〕24号', '天综执罚字〔2023〕24号'],
    ['天综执罚决〔2023〕XX号', '天综执罚决〔2023〕XX号'], // a placeholder: reported as that, once
    ['当场处罚', '当场处罚'], // no number to compare
    ['/', '/'],
  ])('%s ≠ %s', (a, b) => {
    expect(dupRows(checkRows('penalty', [p(a), p(b)]))).toEqual([]);
  });
  test('the message names the first row and how it was written there', () => {
    const recs = checkRows('penalty', [p('天综执罚决〔2023〕24号'), p('天综执罚决〔2023〕第24号')]);
    const issue = recs[1].issues.find((i) => i.rule === 'duplicate-doc-no')!;
    expect(issue.message).toBe('B4「行政处罚决定书」：文号“天综执罚决〔2023〕第24号”已在第3行（写作“天综执罚决〔2023〕24号”）使用过。一个文号只能对应一个案件，请核对文号。');
  });
});

describe('across sheets of the same ledger kind', () => {
  const sept = () => ledgerGrid('penalty', [p('天综执罚决〔2023〕20号'), p('天综执罚决〔2023〕21号')], '9月处罚');
  const oct = () => ledgerGrid('penalty', [p('天综执罚决〔2023〕22号'), p('天综执罚决〔2023〕第21号')], '10月处罚');
  const insp = () => ledgerGrid('inspection', [{ ...GOOD.inspection, docNo: '天综执罚决〔2023〕21号' }], '检查');

  test('reported on the later sheet, naming the sheet and row of the first', () => {
    const res = checkWorkbook([sept(), insp(), oct()], { today: TODAY });
    const [a, b, c] = res.ledgers;
    expect(dupRows(a.records)).toEqual([]);
    expect(dupRows(b.records)).toEqual([]); // an inspection number is another kind's
    expect(dupRows(c.records)).toEqual([4]);
    const issue = c.records[1].issues.find((i) => i.rule === 'duplicate-doc-no')!;
    expect(issue.message).toContain('已在工作表「9月处罚」第4行（写作“天综执罚决〔2023〕21号”）使用过');
    expect(c.records[1].status).toBe('invalid');
  });

  test('workbook order decides which is later', () => {
    const res = checkWorkbook([oct(), sept()], { today: TODAY });
    expect(res.ledgers.map((l) => [l.layout.sheet, dupRows(l.records)])).toEqual([
      ['10月处罚', []],
      ['9月处罚', [4]],
    ]);
  });
});

describe('WorkbookChecker: an edit on one sheet re-reports another sheet’s duplicates', () => {
  const row = (decisionNo: string) => [1, decisionNo, '生产不符合食品安全标准的食品案', '交城县某食品有限公司', '该公司生产的月饼菌落总数超标', '2023年10月12日', '警告', '《中华人民共和国食品安全法》第一百二十四条第一款', '王明、李强', '', ''];
  const setup = () => {
    const grids: SheetGrid[] = [
      ledgerGrid('penalty', [p('天综执罚决〔2023〕1号'), p('天综执罚决〔2023〕2号')], 'A'),
      ledgerGrid('penalty', [p('天综执罚决〔2023〕3号'), p('天综执罚决〔2023〕4号')], 'B'),
      ledgerGrid('inspection', [GOOD.inspection], 'C'),
      ledgerGrid('penalty', [p('天综执罚决〔2023〕5号')], 'D'),
    ];
    const c = new WorkbookChecker({ today: TODAY });
    grids.forEach((g, i) => c.setSheet(g.name, g, i));
    const edit = (id: string, r: number, no: string) => {
      c.grid(id)!.rows[r - 1] = row(no);
      return c.updateRows(id, [r]);
    };
    return { c, edit, all: () => Object.fromEntries(['A', 'B', 'C', 'D'].map((id) => [id, c.ledger(id)!])) as Record<string, LedgerResult> };
  };

  test('only the sheets whose records change get new result objects', () => {
    const { c, edit, all } = setup();
    const before = all();
    expect(edit('A', 4, '天综执罚决〔2023〕第3号')).toEqual(new Set([4]));
    const after = all();
    expect(after.A).not.toBe(before.A); // edited
    expect(after.B).not.toBe(before.B); // its row 3 now repeats A's number
    expect(after.C).toBe(before.C);
    expect(after.D).toBe(before.D);
    expect(dupRows(after.A.records)).toEqual([]);
    expect(dupRows(after.B.records)).toEqual([3]);
    expect(after.B.records[0].issues[0].message).toContain('已在工作表「A」第4行');
    // B's other record is the same object: per-row results are kept.
    expect(after.B.records[1]).toBe(before.B.records[1]);
    expect(c.result().ledgers.map((l) => l.layout.sheet)).toEqual(['A', 'B', 'C', 'D']);

    // An edit that touches no number used elsewhere leaves B alone.
    const mid = all();
    edit('A', 3, '天综执罚决〔2023〕9号');
    const later = all();
    expect(later.A).not.toBe(mid.A);
    expect(later.B).toBe(mid.B);

    // Undo: B is clean again.
    edit('A', 4, '天综执罚决〔2023〕2号');
    expect(dupRows(c.ledger('B')!.records)).toEqual([]);
  });

  test('removing or moving a sheet re-reports', () => {
    const { c, edit } = setup();
    edit('D', 3, '天综执罚决〔2023〕1号');
    expect(dupRows(c.ledger('D')!.records)).toEqual([3]);
    const a = c.ledger('A');
    c.setPosition('D', -1); // D now comes first
    expect(dupRows(c.ledger('D')!.records)).toEqual([]);
    expect(dupRows(c.ledger('A')!.records)).toEqual([3]);
    expect(c.ledger('A')).not.toBe(a);
    const b = c.ledger('B');
    c.removeSheet('D');
    expect(dupRows(c.ledger('A')!.records)).toEqual([]);
    expect(c.ledger('B')).toBe(b);
  });
});
