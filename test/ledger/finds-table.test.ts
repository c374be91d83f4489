/*
 * findsTable: what a partial read asks before reading a sheet's rest (SheetBook.wantsRest). It
 * must answer as detectLedger / detectRoster do on the same cells, without following the table
 * down: a sheet it wrongly passes over would lose its cases after the first rows.
 */
import fc from 'fast-check';
import { CellValue, SheetGrid, gridRight, rightOfRows } from '../../src/ledger/cell';
import { detectLedger, detectRoster, findsTable } from '../../src/ledger/detect';
import { templateSheet } from '../../src/ledger/template';
import { TABLES, TABLE_KINDS } from '../../src/ledger/tables';
import { TEAM, rosterGrid } from '../helpers/roster';

const grid = (rows: CellValue[][], merges: SheetGrid['merges'] = [], top = 1, left = 1): SheetGrid => ({ name: 'S', top, left, rows, merges });
const detected = (g: SheetGrid) => detectLedger(g) !== null || detectRoster(g) !== null;

describe('findsTable answers as the full detection does', () => {
  const ledgers = (['penalty', 'inspection', 'coercion'] as const).map((kind) => {
    const t = templateSheet(kind, '天宁镇综合行政执法队');
    return [kind, grid([[t.title], TABLES[kind].columns.filter((c) => c.official).map((c) => c.header), ...Array.from({ length: 50 }, (_, i) => [i + 1, `文号${i}`])])] as const;
  });
  test.each(ledgers)('the %s template with rows', (_, g) => {
    expect(findsTable(g)).toBe(true);
    expect(detected(g)).toBe(true);
  });

  const cases: [string, SheetGrid, boolean][] = [
    ['a roster as inserted', rosterGrid(TEAM), true],
    ['a roster title without 姓名 (said as unreadable)', grid([['天宁镇综合行政执法队执法人员名单'], ['序号', '执法证号', '发证机关']]), true],
    ['a roster header with 执法证号 and no title', grid([['姓名', '执法证号', '有效期至'], ['王明', '14010001', '2027-12-31']]), true],
    ['a licence list: 发证机关 and 有效期至 without 执法证号 or a roster title', grid([['名称', '发证机关', '有效期至'], ['某店', '市场监管局', '2026-01-01']]), false],
    ['a sheet of notes', grid([['说明'], ['本表每月1日前报送'], [null, '联系人：张三']]), false],
    ['an empty sheet', grid([]), false],
    ['a header below the first 21 rows', grid([...Array.from({ length: 22 }, () => ['备忘']), TABLES.penalty.columns.map((c) => c.header)]), false],
  ];
  test.each(cases)('%s', (_, g, table) => {
    expect(detected(g)).toBe(table);
    expect(findsTable(g)).toBe(table);
  });

  test('any sheet built from titles, headers and stray values (fast-check)', () => {
    const words = [
      ...TABLE_KINDS.flatMap((k) => TABLES[k].columns.flatMap((c) => [c.header, ...c.aliases])),
      ...TABLE_KINDS.map((k) => templateSheet(k, '天宁镇综合行政执法队').title),
      '执法人员名单',
      '合计',
      '10月',
      '某店',
      '',
    ];
    const cell = fc.oneof(fc.constantFrom(...words), fc.string({ maxLength: 6 }), fc.integer({ min: -5, max: 50_000 }), fc.boolean(), fc.constant(null));
    const row = fc.array(cell, { maxLength: 14 });
    const merge = fc.record({ top: fc.integer({ min: 1, max: 8 }), left: fc.integer({ min: 1, max: 12 }), h: fc.integer({ min: 0, max: 2 }), w: fc.integer({ min: 0, max: 4 }) }).map((m) => ({ top: m.top, left: m.left, bottom: m.top + m.h, right: m.left + m.w }));
    // A header of some kind (some of its columns, in any order) at any row, often enough to find one.
    const header = fc.record({ kind: fc.constantFrom(...TABLE_KINDS), at: fc.integer({ min: 0, max: 24 }), keep: fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }), shift: fc.nat(11) }).map(({ kind, at, keep, shift }) => {
      const cols = TABLES[kind].columns.filter((_, i) => keep[i % keep.length]).map((c) => c.header);
      return { at, cells: [...cols.slice(shift % Math.max(1, cols.length)), ...cols.slice(0, shift % Math.max(1, cols.length))] };
    });
    let found = 0;
    fc.assert(
      fc.property(fc.array(row, { maxLength: 30 }), fc.option(header, { nil: undefined }), fc.array(merge, { maxLength: 3 }), fc.integer({ min: 1, max: 3 }), (rows, h, merges, top) => {
        if (h) rows.splice(Math.min(h.at, rows.length), 0, h.cells);
        const g = grid(rows, merges, top);
        const table = detected(g);
        if (table) found++;
        expect(findsTable(g)).toBe(table);
      }),
      { numRuns: 600 },
    );
    expect(found).toBeGreaterThan(100); // the property saw tables, not only sheets without one
  });
});

describe('the header search reads only the rows it searches', () => {
  test('rightOfRows: the widest of the rows down to `bottom`, and the merged areas starting there', () => {
    const g = grid([['a', 'b'], ['a', 'b', 'c', 'd'], ['a']], [{ top: 6, left: 4, bottom: 7, right: 8 }], 5, 2);
    expect(rightOfRows(g, 5)).toBe(3);
    expect(rightOfRows(g, 6)).toBe(8);
    expect(rightOfRows(g, 9)).toBe(8);
    expect(gridRight(g)).toBe(5);
    expect(rightOfRows(grid([]), 20)).toBe(0);
    // A row the read never filled (a hole in the array) is no column.
    const holey = grid([]);
    holey.rows[3] = ['x', 'y', 'z'];
    expect(rightOfRows(holey, 10)).toBe(3);
    expect(gridRight(holey)).toBe(3);
  });

  test('a ledger is found the same with 300 columns of stray values far below its header', () => {
    const t = templateSheet('penalty', '天宁镇综合行政执法队');
    const rows: CellValue[][] = [[t.title], TABLES.penalty.columns.filter((c) => c.official).map((c) => c.header), ...Array.from({ length: 40 }, (_, i) => [i + 1, `文号${i}`])];
    const plain = detectLedger(grid(rows));
    const wide = detectLedger(grid([...rows, Array.from({ length: 300 }, (_, j) => `备注${j}`)]));
    expect(plain).not.toBeNull();
    expect(wide?.columns).toEqual(plain!.columns);
    expect([wide?.tableLeft, wide?.tableRight, wide?.headerRow]).toEqual([plain!.tableLeft, plain!.tableRight, plain!.headerRow]);
    expect(findsTable(grid([...rows.slice(0, 22), Array.from({ length: 300 }, (_, j) => `备注${j}`)]))).toBe(true);
  });
});
