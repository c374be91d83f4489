/*
 * A big marks update cut into write steps (src/session/steps.ts), pure: the visible rows of the
 * active sheet alone first, then at most STEP_AREAS areas a step; a sheet's first step replaces
 * its marks and carries its 报送月份 cells, its later steps only add; together the steps mark
 * exactly the plan's cells, however they cut it.
 */
import { benchGrid } from '../../bench/core.bench';
import { checkWorkbook } from '../../src/validation/workbook';
import { MarkCells, MarkPlan, cellsKey, planCells, planKey, planMarks } from '../../src/session/marks';
import { rangesOf } from '../../src/session/addresses';
import type { SheetWrite } from '../../src/session/driver';
import { STEP_AREAS, areaCount, pacedSteps } from '../../src/session/steps';

function planOf(kind: 'penalty' | 'inspection', rows: number, name: string): MarkPlan {
  const grid = { ...benchGrid(kind, rows, 1), name };
  return planMarks(checkWorkbook([grid], { today: '2023-11-05' }).ledgers[0].records, grid);
}

const A = planOf('penalty', 6000, 'A');
const B = planOf('inspection', 3000, 'B');

/** The cells a sheet's writes mark, over every step, in order (a replace starts afresh). */
function written(steps: { writes: SheetWrite[] }[], id: string): MarkCells {
  let cells: MarkCells = { error: [], warning: [] };
  for (const st of steps) {
    for (const w of st.writes.filter((x) => x.id === id)) {
      if (w.marks) cells = planCells(w.marks);
      if (w.addMarks) {
        const add = planCells(w.addMarks);
        cells = { error: [...cells.error, ...add.error], warning: [...cells.warning, ...add.warning] };
      }
    }
  }
  return cells;
}

test('a small update is one write, as before', () => {
  const small: SheetWrite[] = [{ id: 'A', marks: { error: ['F6', 'G7:G9'], warning: ['H8'], cells: 5 } }];
  expect(pacedSteps(small, { sheetId: 'A', top: 1, bottom: 40 })).toEqual([{ writes: small, areas: 3 }]);
  expect(pacedSteps([], null)).toEqual([]);
});

test('a big update: the visible rows of the active sheet alone first, then steps of at most STEP_AREAS areas; the cells of every sheet exactly its plan', () => {
  expect(areaCount(A) + areaCount(B)).toBeGreaterThan(2 * STEP_AREAS);
  const text = { col: 14, runs: [{ top: 4, values: ['2023-10'] }] };
  const writes: SheetWrite[] = [
    { id: 'A', marks: A, text },
    { id: 'B', marks: B },
  ];
  // The clerk looks at sheet B, rows 1,000–1,039.
  const steps = pacedSteps(writes, { sheetId: 'B', top: 1000, bottom: 1039 });
  const first = steps[0].writes;
  expect(first.map((w) => w.id)).toEqual(['B']);
  const seen = planCells(first[0].marks!);
  expect(seen.error.length + seen.warning.length).toBeGreaterThan(0);
  for (const r of [...seen.error, ...seen.warning]) expect(r.top <= 1039 && r.bottom >= 1000).toBe(true);
  // Every later step within the budget; each sheet replaced once (its first write), then added to.
  for (const st of steps) expect(st.areas).toBeLessThanOrEqual(STEP_AREAS);
  for (const id of ['A', 'B']) {
    const mine = steps.flatMap((st) => st.writes.filter((w) => w.id === id));
    expect(mine[0].marks).toBeDefined();
    expect(mine.slice(1).every((w) => !w.marks && w.addMarks)).toBe(true);
  }
  // Sheet A's 报送月份 cells go with its first write.
  expect(steps.flatMap((st) => st.writes).filter((w) => w.text)).toEqual([expect.objectContaining({ id: 'A', text })]);
  expect(cellsKey(written(steps, 'A'))).toBe(planKey(A));
  expect(cellsKey(written(steps, 'B'))).toBe(planKey(B));
  expect(steps.reduce((n, st) => n + st.areas, 0)).toBe(areaCount(A) + areaCount(B));
});

test('without a view (a host that cannot tell) the sheets go in their order, whole address lists in each step', () => {
  const steps = pacedSteps([{ id: 'A', marks: A }], null);
  expect(steps.length).toBeGreaterThan(1);
  const lists = steps.flatMap((st) => st.writes.flatMap((w) => [...(w.marks ?? w.addMarks)!.error, ...(w.marks ?? w.addMarks)!.warning]));
  expect(lists.sort()).toEqual([...A.error, ...A.warning].sort());
  for (const l of lists) expect(rangesOf(l).length).toBeLessThanOrEqual(200);
});

test('the plan’s own key is the key of its cells read back (planMarks keeps it, cellsKey agrees)', () => {
  expect(A.key).toBeDefined();
  expect(A.key).toBe(cellsKey(planCells({ ...A, key: undefined })));
});
