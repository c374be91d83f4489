/* What WPS's Value2 and SheetChange hand over, read the safe way (src/wps/values.ts, src/wps/events.ts). */
import fc from 'fast-check';
import { changesOf } from '../../src/wps/events';
import { bgr, cellOf, matrix } from '../../src/wps/values';
import { HRESULT } from '../fake-wps';

test('empty cells in every form VBA’s Empty might arrive in are empty', () => {
  expect([undefined, null, ''].map(cellOf)).toEqual([null, null, null]);
});

test('error values as text or as the CVErr HRESULT are errors; ordinary numbers, text, booleans and dates are themselves', () => {
  for (const [text, code] of Object.entries(HRESULT)) {
    expect(cellOf(code)).toEqual({ error: text });
    expect(cellOf(text)).toEqual({ error: text });
  }
  expect(cellOf(45208)).toBe(45208);
  expect(cellOf(2042)).toBe(2042); // xlErrNA's VBA number is a plausible amount: never an error
  expect(cellOf('#N/A 待补')).toBe('#N/A 待补');
  expect(cellOf(true)).toBe(true);
  const d = new Date(Date.UTC(2023, 9, 9));
  expect(cellOf(d)).toBe(d);
  expect(cellOf(NaN)).toEqual({ error: '#NUM!' });
  expect(cellOf({ toString: () => '对象' })).toBe('对象');
});

test('cellOf never throws and always gives a core cell value', () => {
  fc.assert(
    fc.property(fc.anything({ withNullPrototype: true, withBoxedValues: true, withMap: true, withSet: true }), (v) => {
      const c = cellOf(v);
      return c === null || ['string', 'number', 'boolean'].includes(typeof c) || c instanceof Date || (typeof c === 'object' && typeof (c as { error?: unknown }).error === 'string');
    }),
  );
});

test('Value2 results of every shape become rows × columns', () => {
  expect(matrix(5, 1, 1)).toEqual([[5]]);
  expect(matrix([[1, 2], [3, 4]], 2, 2)).toEqual([[1, 2], [3, 4]]);
  expect(matrix([1, 2, 3], 1, 3)).toEqual([[1, 2, 3]]);
  expect(matrix([1, 2, 3], 3, 1)).toEqual([[1], [2], [3]]);
});

test('colours are VBA’s BGR longs', () => {
  expect(bgr('#FFC7CE')).toBe(0xcec7ff);
  expect(bgr('#9C0006')).toBe(0x06009c);
});

test('a SheetChange target: cells are edits (which may be cells inserted with a shift), whole rows or columns move positions, several areas are several edits', () => {
  expect(changesOf('S1', 'F6')).toEqual([{ kind: 'edit', sheetId: 'S1', range: { top: 6, left: 6, bottom: 6, right: 6 }, mayShift: true }]);
  expect(changesOf('S1', '5:6')).toEqual([{ kind: 'structure', sheetId: 'S1' }]);
  expect(changesOf('S1', 'C:C')).toEqual([{ kind: 'structure', sheetId: 'S1' }]);
  expect(changesOf('S1', 'A1:B2,D4')).toEqual([
    { kind: 'edit', sheetId: 'S1', range: { top: 1, left: 1, bottom: 2, right: 2 }, mayShift: true },
    { kind: 'edit', sheetId: 'S1', range: { top: 4, left: 4, bottom: 4, right: 4 }, mayShift: true },
  ]);
  expect(changesOf('S1', '')).toEqual([{ kind: 'edit', sheetId: 'S1', range: null }]);
});
