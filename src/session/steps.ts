/*
 * A big marks update in steps (pure): what the clerk can see first, the rest after, each step one
 * write of at most STEP_AREAS areas (about ten conditional formats). A sheet's first step replaces
 * the marks the operation's read found (SheetWrite.marks) and carries its 报送月份 cells; its later
 * steps only add (SheetWrite.addMarks). The active sheet comes first, its visible rows first.
 */
import type { CellRange } from '../ledger/cell';
import { chunkAddresses, rangeAddress, rangesOf } from './addresses';
import type { SheetWrite, View } from './driver';
import type { MarkPlan, MarkSeverity } from './marks';

/** Areas of marks per write step. */
export const STEP_AREAS = 2000;

export interface Step {
  writes: SheetWrite[];
  /** Areas of marks written by this step. */
  areas: number;
}

const SEVERITIES: MarkSeverity[] = ['error', 'warning'];

/** Areas in an address list (`F5:F9,H7` → 2). */
function areasIn(list: string): number {
  let n = 1;
  for (let i = 0; i < list.length; i++) if (list.charCodeAt(i) === 44) n++;
  return n;
}

export function areaCount(plan: MarkPlan | undefined): number {
  if (!plan) return 0;
  let n = 0;
  for (const sev of SEVERITIES) for (const list of plan[sev]) n += areasIn(list);
  return n;
}

/** A sheet's plan as pieces of at most `max` areas, whole address lists each; with `rows`, the areas in those rows first (a piece of their own). */
export function planPieces(plan: MarkPlan, max: number, rows?: { top: number; bottom: number }): MarkPlan[] {
  const lists: { sev: MarkSeverity; list: string }[] = [];
  const out: MarkPlan[] = [];
  if (rows) {
    const first: MarkPlan = { error: [], warning: [], cells: 0 };
    const inView = (r: CellRange) => r.top <= rows.bottom && r.bottom >= rows.top;
    for (const sev of SEVERITIES) {
      const areas: CellRange[] = plan.areas?.[sev] ?? plan[sev].flatMap((l) => rangesOf(l));
      const seen = areas.filter(inView);
      first[sev] = chunkAddresses(seen.map(rangeAddress));
      first.cells += seen.length;
      for (const list of chunkAddresses(areas.filter((r) => !inView(r)).map(rangeAddress))) lists.push({ sev, list });
    }
    out.push(first);
  } else {
    for (const sev of SEVERITIES) for (const list of plan[sev]) lists.push({ sev, list });
  }
  let cur: MarkPlan = { error: [], warning: [], cells: 0 };
  let n = 0;
  for (const { sev, list } of lists) {
    const k = areasIn(list);
    if (n && n + k > max) {
      out.push(cur);
      cur = { error: [], warning: [], cells: 0 };
      n = 0;
    }
    cur[sev].push(list);
    cur.cells += k;
    n += k;
  }
  if (n || !out.length) out.push(cur);
  return out;
}

/**
 * The writes of one operation in steps. One step when everything fits; otherwise the view's
 * sheet first — its visible rows alone in the first step, so they are marked at once — then the
 * rest in steps of at most `max` areas, sheet after sheet.
 */
export function pacedSteps(writes: SheetWrite[], view: View | null, max = STEP_AREAS): Step[] {
  const total = writes.reduce((n, w) => n + areaCount(w.marks), 0);
  if (total <= max) return writes.length ? [{ writes, areas: total }] : [];
  const ordered = view ? [...writes.filter((w) => w.id === view.sheetId), ...writes.filter((w) => w.id !== view.sheetId)] : writes;
  // Parts in order: a sheet's first part replaces its marks (with its cells), the others add.
  const parts: { write: SheetWrite; areas: number; alone?: boolean }[] = [];
  for (const w of ordered) {
    if (!w.marks) {
      parts.push({ write: w, areas: 0 });
      continue;
    }
    const visible = view && w.id === view.sheetId ? { top: view.top, bottom: view.bottom } : undefined;
    planPieces(w.marks, max, visible).forEach((piece, i) => {
      const write: SheetWrite = i === 0 ? { ...w, marks: piece } : { id: w.id, addMarks: piece };
      parts.push({ write, areas: areaCount(piece), alone: i === 0 && !!visible });
    });
  }
  const steps: Step[] = [];
  let cur: Step = { writes: [], areas: 0 };
  const flush = () => {
    if (cur.writes.length) steps.push(cur);
    cur = { writes: [], areas: 0 };
  };
  for (const p of parts) {
    if (cur.writes.length && cur.areas + p.areas > max) flush();
    const same = cur.writes.find((w) => w.id === p.write.id);
    if (same) {
      // A later piece of a sheet already in this step: one write.
      const into = same.marks ?? (same.addMarks = same.addMarks ?? { error: [], warning: [], cells: 0 });
      const add = p.write.addMarks ?? p.write.marks!;
      into.error = [...into.error, ...add.error];
      into.warning = [...into.warning, ...add.warning];
      into.cells += add.cells;
    } else cur.writes.push(p.write);
    cur.areas += p.areas;
    if (p.alone) flush();
  }
  flush();
  return steps;
}
