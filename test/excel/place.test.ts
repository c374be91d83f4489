/*
 * placeValues: Range.values into the core's grid in place (src/excel/place.ts). What the core
 * reads must be what the values say, whatever their kind, and every `#` string must be found
 * (it may be an error value, told from text only by valueTypes).
 */
import fc from 'fast-check';
import type { CellValue, SheetGrid } from '../../src/ledger/cell';
import { Suspect, placeValues } from '../../src/excel/place';

const ws = {} as Excel.Worksheet;
const empty = (top = 1, left = 1): SheetGrid => ({ name: 'S', top, left, rows: [], merges: [] });

test('blanks become null, trailing blanks go, numbers, booleans and text stay, anything else becomes text', () => {
  const g = empty();
  const suspects: Suspect[] = [];
  const values: unknown[][] = [
    ['王明', '', 3, true, false, 0, ''],
    ['', '', ''],
    [null, undefined, 'x', { toString: () => 'obj' }],
  ];
  placeValues(g, ws, 0, 0, values, 0, values.length, suspects);
  expect(g.rows).toEqual([['王明', null, 3, true, false, 0], [], [null, null, 'x', 'obj']]);
  expect(g.rows[0]).toBe(values[0]); // the response's own array, not a copy
  expect(suspects).toEqual([]);
});

test('the block of strings starting with “#” is handed on, at the sheet’s coordinates', () => {
  const g = empty(3, 2);
  const suspects: Suspect[] = [];
  placeValues(g, ws, 2, 1, [['a', '#N/A'], ['b', 'c', 'd'], ['#VALUE!', '', '#REF!']], 0, 3, suspects);
  expect(suspects).toEqual([{ ws, grid: g, top: 2, left: 1, bottom: 4, right: 3 }]);
  expect(g.rows[2]).toEqual(['#VALUE!', null, '#REF!']);
});

test('any cell value: what the core reads equals the value read on its own, and no “#” string is missed (fast-check)', () => {
  const cell = fc.oneof(fc.constant(''), fc.constant(null), fc.string(), fc.string().map((s) => '#' + s), fc.double(), fc.integer(), fc.boolean());
  fc.assert(
    fc.property(fc.array(fc.array(cell, { maxLength: 12 }), { maxLength: 20 }), (rows) => {
      const values = rows.map((r) => [...r]);
      const g = empty();
      const suspects: Suspect[] = [];
      placeValues(g, ws, 0, 0, values, 0, values.length, suspects);
      rows.forEach((r, i) => {
        const want: CellValue[] = r.map((v) => (v === '' || v === null ? null : v));
        while (want.length && want[want.length - 1] === null) want.pop();
        expect(g.rows[i]).toEqual(want);
      });
      const hashes = rows.flatMap((r, i) => r.flatMap((v, j) => (typeof v === 'string' && v.startsWith('#') ? [[i, j]] : [])));
      if (!hashes.length) expect(suspects).toEqual([]);
      else {
        const [s] = suspects;
        for (const [i, j] of hashes) expect(i >= s.top && i <= s.bottom && j >= s.left && j <= s.right).toBe(true);
      }
    }),
  );
});
