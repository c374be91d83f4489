/*
 * Marks: which cells show a problem, as conditional formats owned by the add-in (pure planning
 * here; the Office.js calls are in src/excel/marks.ts and write.ts). A mark is a custom conditional format whose
 * always-true formula carries MARK_TAG, so marks from an earlier session are found and removed
 * by their formula; the cells' own formats are never touched.
 */
import { CellRange, SheetGrid, parseAddress } from '../ledger/cell';
import { MergeIndex } from '../ledger/detect';
import { RecordResult } from '../validation/check';
import { chunkAddresses, rangeAddress } from './addresses';

export const MARK_TAG = '执法台账助手';

export type MarkSeverity = 'error' | 'warning';

/** Excel's "light red fill with dark red text" and "yellow fill with dark yellow text". */
export const MARK_STYLE: Record<MarkSeverity, { formula: string; fill: string; font: string }> = {
  error: { formula: `="${MARK_TAG}·错误"<>""`, fill: '#FFC7CE', font: '#9C0006' },
  warning: { formula: `="${MARK_TAG}·警告"<>""`, fill: '#FFEB9C', font: '#9C5700' },
};

/** Cell numbers: row * COLS + column (Excel has 16,384 columns). */
const COLS = 16385;

/** A conditional format formula written by this add-in (any session). */
export function isMarkFormula(formula: unknown): boolean {
  return typeof formula === 'string' && formula.includes(MARK_TAG);
}

export function markSeverity(formula: string): MarkSeverity {
  return formula.includes('警告') ? 'warning' : 'error';
}

/** Address lists (sheet-relative, each short enough for one `getRanges` call) per severity. */
export interface MarkPlan {
  error: string[];
  warning: string[];
  /** Cells (or merged areas) marked. */
  cells: number;
  /** cellsKey of the cells marked (absent: computed from the lists when asked, planKey). */
  key?: string;
  /** The areas of the lists, in their order (absent: parsed from the lists when needed). */
  areas?: MarkCells;
}

export const NO_MARKS: MarkPlan = { error: [], warning: [], cells: 0 };

/** Records per step of planMarksSteps (a step takes a few milliseconds on 40,000 marked rows). */
const PLAN_STEP = 4000;

/** Row and column of a plain cell address (`F6`), without a regex: this runs once per issue. */
function cellOf(address: string): { row: number; col: number } | null {
  let col = 0;
  let i = 0;
  for (; i < address.length && i < 3; i++) {
    const c = address.charCodeAt(i) & ~32; // upper case
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  if (!col || i === address.length) return null;
  let row = 0;
  for (; i < address.length; i++) {
    const d = address.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return null;
    row = row * 10 + d;
  }
  return row ? { row, col } : null;
}

/**
 * The cells to mark for a ledger's records: errors and warnings (infos are not marked). A cell
 * inside a merged area marks the whole area (Excel shows the top-left cell's format there);
 * a cell with an error and a warning shows the error. Runs of cells in a column become `F5:F9`.
 */
export function planMarks(records: readonly RecordResult[], grid: SheetGrid | null): MarkPlan {
  const steps = planMarksSteps(records, grid);
  for (let r = steps.next(); ; r = steps.next()) if (r.done) return r.value;
}

/** planMarks in steps: yields every PLAN_STEP records, so a host with a thread to keep free can pause between them. */
export function* planMarksSteps(records: readonly RecordResult[], grid: SheetGrid | null): Generator<void, MarkPlan> {
  const worst = new Map<number, { r: CellRange; sev: MarkSeverity }>();
  const idx = grid && grid.merges.length ? new MergeIndex(grid) : null;
  for (let n = 0; n < records.length; n++) {
    if (n && n % PLAN_STEP === 0) yield;
    for (const issue of records[n].issues) {
      if (issue.severity !== 'error' && issue.severity !== 'warning') continue;
      const at = cellOf(issue.cell) ?? parseAddress(issue.cell);
      if (!at) continue;
      const top = 'row' in at ? at.row : at.top;
      const left = 'col' in at ? at.col : at.left;
      const r = idx?.merge(top, left) ?? { top, left, bottom: top, right: left };
      const k = r.top * COLS + r.left;
      const prev = worst.get(k);
      if (!prev || (prev.sev === 'warning' && issue.severity === 'error')) worst.set(k, { r, sev: issue.severity });
    }
  }
  yield;
  const out: MarkPlan = { error: [], warning: [], cells: worst.size };
  const cells: MarkCells = { error: [], warning: [] };
  for (const sev of ['error', 'warning'] as const) {
    const single = new Map<number, number[]>();
    const parts: { col: number; row: number; r: CellRange }[] = [];
    for (const { r, sev: s } of worst.values()) {
      if (s !== sev) continue;
      if (r.top === r.bottom && r.left === r.right) {
        const rows = single.get(r.left) ?? [];
        rows.push(r.top);
        single.set(r.left, rows);
      } else parts.push({ col: r.left, row: r.top, r });
    }
    for (const [col, rows] of single) {
      rows.sort((a, b) => a - b);
      let start = rows[0];
      for (let i = 1; i <= rows.length; i++) {
        if (i < rows.length && rows[i] === rows[i - 1] + 1) continue;
        parts.push({ col, row: start, r: { top: start, left: col, bottom: rows[i - 1], right: col } });
        start = rows[i];
      }
    }
    parts.sort((a, b) => a.col - b.col || a.row - b.row);
    out[sev] = chunkAddresses(parts.map((p) => rangeAddress(p.r)));
    cells[sev] = parts.map((p) => p.r);
    yield;
  }
  out.key = cellsKey(cells);
  out.areas = cells;
  return out;
}

/** The add-in's marks found on a sheet: the areas its error and warning formats apply to (as the host reads them back). */
export interface MarkCells {
  error: CellRange[];
  warning: CellRange[];
}

/** Above this many cells, areas are compared by their addresses (a mark copied down a whole column). */
const MAX_CELLS = 200_000;

/** 53-bit string hash (cyrb53): a signature, not a secret. */
function hash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/**
 * Which cells show which mark, as a short signature: equal signatures, equal marks on screen,
 * however the areas are cut (`F5:F9` or `F5:F6,F7:F9`). Marks found are compared with a plan by
 * it, never by a count of formats: an undo of the add-in's write, a mark copied by the clerk or
 * a format deleted by hand all change it.
 */
export function cellsKey(c: MarkCells): string {
  const parts: string[] = [];
  for (const sev of ['error', 'warning'] as const) {
    const areas = c[sev];
    const total = areas.reduce((n, r) => n + (r.bottom - r.top + 1) * (r.right - r.left + 1), 0);
    if (total > MAX_CELLS) {
      parts.push(`${sev}~${areas.map((r) => `${r.top},${r.left},${r.bottom},${r.right}`).sort().join(';')}`);
      continue;
    }
    const cells = new Set<number>();
    for (const r of areas) for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) cells.add(row * COLS + col);
    parts.push(`${sev}:${Float64Array.from(cells).sort().join(',')}`);
  }
  const text = parts.join('|');
  return `${text.length}.${hash(text)}`;
}

/** The cells a plan marks. */
export function planCells(p: MarkPlan): MarkCells {
  const areas = (list: string[]) => list.flatMap((a) => a.split(',')).map(parseAddress).filter((r): r is CellRange => r !== null);
  return { error: areas(p.error), warning: areas(p.warning) };
}

/** Equal keys show equal marks (see cellsKey). */
export function planKey(p: MarkPlan): string {
  return p.key ?? cellsKey(planCells(p));
}
