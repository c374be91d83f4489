/*
 * The add-in's 报送月份 texts of a whole ledger, made in steps once per check result
 * (monthValueSteps), are what ownedChanges compares with the column: the same changes as
 * made at once, and made again for a new result.
 */
import { benchGrid } from '../../bench/core.bench';
import { columnLetter } from '../../src/ledger/cell';
import { REPORT_MONTH_HEADER } from '../../src/ledger/columns';
import { monthValueSteps, ownedChanges } from '../../src/session/plan';
import { reportColumn, reportMonthValues } from '../../src/session/report-month';
import { SheetBook, setCell } from '../../src/session/sheets';

const TODAY = '2023-11-05';

function bookWithColumn(rows: number): { book: SheetBook; col: number; owned: Record<string, string> } {
  const grid = { ...benchGrid('penalty', rows, 20), name: 'A' };
  const probe = new SheetBook({ today: TODAY });
  probe.applyFull({ id: 'A', name: 'A', position: 0, protected: false, grid: { ...grid, rows: grid.rows.map((r) => [...r]) }, bottom: grid.rows.length, width: 20, complete: true });
  const layout = probe.layout('A')!;
  const { col } = reportColumn(layout);
  setCell(grid, layout.headerRow, col, REPORT_MONTH_HEADER);
  // The column as the add-in filled it, except a few rows that no longer match.
  const values = reportMonthValues(layout, probe.ledger('A')!.records);
  for (const [r, t] of values) setCell(grid, r, col, r % 1000 === 0 ? '2020-01' : t || null);
  const book = new SheetBook({ today: TODAY });
  book.applyFull({ id: 'A', name: 'A', position: 0, protected: false, grid, bottom: grid.top + grid.rows.length - 1, width: col, complete: true });
  return { book, col, owned: { A: columnLetter(col) } };
}

test('made in steps once per result; ownedChanges finds the same rows as made at once', () => {
  const { book, owned } = bookWithColumn(6000);
  const e = book.entry('A')!;
  const other = bookWithColumn(6000).book;
  const atOnce = ownedChanges(other, other.entry('A')!, owned);
  const steps = [...monthValueSteps(book, () => true)];
  expect(steps.length).toBeGreaterThanOrEqual(3); // 2,000 rows a step
  expect([...monthValueSteps(book, () => true)]).toEqual([]); // the same result: nothing to make
  const changed = ownedChanges(book, e, owned);
  expect([...changed.keys()]).toEqual([...atOnce.keys()]);
  expect(changed.size).toBeGreaterThan(0);
  expect([...changed.keys()].every((r) => r % 1000 === 0)).toBe(true);
});

test('a new check result gets its texts made again (an edited 结案时间 changes what the column should show)', () => {
  const { book, owned } = bookWithColumn(3000);
  [...monthValueSteps(book, () => true)];
  const grid = book.grid('A')!;
  const layout = book.layout('A')!;
  const row = layout.firstDataRow;
  expect(ownedChanges(book, book.entry('A')!, owned).has(row)).toBe(false);
  setCell(grid, row, layout.columns.closedOn!, '2022年1月5日');
  book.applyFull({ id: 'A', name: 'A', position: 0, protected: false, grid, bottom: grid.top + grid.rows.length - 1, width: 30, complete: true });
  expect([...monthValueSteps(book, () => true)].length).toBeGreaterThan(0);
  expect(ownedChanges(book, book.entry('A')!, owned).get(row)).toBe('2022-01');
  expect([...monthValueSteps(book, (x) => x.id === 'nothing')]).toEqual([]);
});
