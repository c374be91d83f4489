/*
 * Reading sheets through ET's object model, a sheet at a time: its content's extent, then
 * `Range.Value2` in bands (one call per band; dates arrive as serial numbers, as in Office.js),
 * yielding to the pane between bands so it stays responsive; its merged areas (merges.ts); the
 * add-in's marks on it. A sheet that is no ledger is read only at the top.
 */
import type { CellRange, CellValue, SheetGrid } from '../ledger/cell';
import type { FullRequest, MarksFound, RowsRead, RowsRequest, SheetRead } from '../session/driver';
import { failureOf } from '../session/errors';
import { MarkCells, isMarkFormula, markSeverity } from '../session/marks';
import { rangeAddress, rangesOf } from '../session/addresses';
import { findMerges } from './merges';
import { sheetInfo } from './sheets';
import { cellOf, matrix } from './values';

/** Rows per Value2 call. */
export const VALUE_BAND = 2000;
/** Rows read before deciding whether a sheet is a ledger (a header is found within the first 20 rows). */
export const MIN_ROWS = 64;
/** Columns whose last row bounds the content (a ledger's table is far narrower). */
const BOTTOM_COLUMNS = 64;
/** XlDirection.xlUp */
const XL_UP = -4162;

export type Tick = () => Promise<void>;

/** The block holding the sheet's content, or null for an empty sheet. */
export function contentExtent(ws: Et.Worksheet): CellRange | null {
  const used = ws.UsedRange;
  const top = used.Row;
  const left = used.Column;
  let bottom = top + used.Rows.Count - 1;
  const right = left + used.Columns.Count - 1;
  // UsedRange counts formatted cells (borders down a whole column): the last row with content
  // is the highest `End(xlUp)` from the bottom over the table's columns.
  let last = 0;
  for (let c = left; c <= Math.min(right, left + BOTTOM_COLUMNS - 1); c++) {
    const cell = ws.Cells.Item(bottom, c) as Et.Range;
    if (cellOf(cell.Formula) !== null) {
      last = bottom;
      break;
    }
    const up = cell.End(XL_UP);
    if (up.Row > last && cellOf(up.Formula) !== null) last = up.Row;
  }
  if (right > left + BOTTOM_COLUMNS - 1) last = bottom; // content may sit further right: keep UsedRange's bottom
  if (last < top) return null;
  bottom = Math.min(bottom, last);
  return { top, left, bottom, right };
}

/** Cells of a block, row by row (`Value2`). */
export function values(ws: Et.Worksheet, r: CellRange): CellValue[][] {
  const rows = r.bottom - r.top + 1;
  const cols = r.right - r.left + 1;
  return matrix(ws.Range(rangeAddress(r)).Value2, rows, cols).map((row) => {
    const out: CellValue[] = [];
    for (let j = 0; j < cols; j++) out.push(cellOf(row[j]));
    return out;
  });
}

/** A whole sheet (or its top, when it is known not to be a ledger and is not one now). */
export async function readFull(ws: Et.Worksheet, id: string, req: FullRequest, wantsRest: (g: SheetGrid) => boolean, tick: Tick, onRows: (n: number) => void = () => undefined, extent?: CellRange | null): Promise<SheetRead> {
  const info = sheetInfo(ws, id);
  const ext = extent === undefined ? contentExtent(ws) : extent;
  if (!ext) return { ...info, grid: { name: info.name, top: 1, left: 1, rows: [], merges: [] }, bottom: 0, width: 0, complete: true };
  const grid: SheetGrid = { name: info.name, top: ext.top, left: ext.left, rows: [], merges: [] };
  const width = ext.right - ext.left + 1;
  let next = ext.top;
  const readTo = (bottom: number) => {
    grid.rows.push(...values(ws, { ...ext, top: next, bottom }));
    onRows(bottom - next + 1);
    next = bottom + 1;
  };
  readTo(Math.min(ext.bottom, ext.top + MIN_ROWS - 1));
  const merges = new Map(findMerges(ws, { ...ext, bottom: next - 1 }).map((m) => [rangeAddress(m), m]));
  grid.merges = [...merges.values()];
  if (next <= ext.bottom && !req.probe && wantsRest(grid)) {
    const start = next;
    while (next <= ext.bottom) {
      await tick();
      readTo(Math.min(ext.bottom, next + VALUE_BAND - 1));
    }
    for (const m of findMerges(ws, { ...ext, top: start })) merges.set(rangeAddress(m), m);
    grid.merges = [...merges.values()];
  }
  return { ...info, grid, bottom: ext.bottom, width, complete: next > ext.bottom };
}

/** Rows of a sheet (live checking), with the merged areas starting in them. */
export function readRows(ws: Et.Worksheet, req: RowsRequest): RowsRead {
  const rows = new Map<number, CellValue[]>();
  const merges: CellRange[] = [];
  for (const run of req.runs) {
    const block = { top: run.top, left: req.left, bottom: run.bottom, right: req.right };
    values(ws, block).forEach((r, i) => rows.set(run.top + i, r));
    merges.push(...findMerges(ws, block).filter((m) => m.top >= run.top && m.top <= run.bottom));
  }
  // The cells below an edit, to tell cells inserted or deleted with a shift (WPS reports them as an edit).
  const verify = req.verify ? values(ws, req.verify) : undefined;
  return { id: req.id, rows, left: req.left, merges, verify };
}

/** The cells of a block as `Formula` returns them (`=…` for formulas, the constant as text otherwise). */
export function formulas(ws: Et.Worksheet, r: CellRange): unknown[][] {
  return matrix(ws.Range(rangeAddress(r)).Formula, r.bottom - r.top + 1, r.right - r.left + 1);
}

/** The add-in's conditional formats on a sheet (found by the tag in `Formula1`), as their 1-based indices. */
export function markIndices(ws: Et.Worksheet): number[] {
  const fcs = ws.Cells.FormatConditions;
  const out: number[] = [];
  for (let i = 1; i <= fcs.Count; i++) {
    const fc = fcs.Item(i) as Et.FormatCondition;
    let f: unknown;
    try {
      f = fc.Formula1;
    } catch {
      continue; // a colour scale or data bar has no formula
    }
    if (isMarkFormula(f)) out.push(i);
  }
  return out;
}

/**
 * The marks a sheet carries — how many, and the cells each applies to (`FormatCondition.AppliesTo`,
 * VBA) so the session compares what the sheet shows with its plan — or why they could not be read.
 */
export function countMarks(ws: Et.Worksheet): MarksFound {
  try {
    const list = markIndices(ws);
    const fcs = ws.Cells.FormatConditions;
    let cells: MarkCells | undefined = { error: [], warning: [] };
    for (const i of list) {
      const fc = fcs.Item(i) as Et.FormatCondition;
      try {
        const address = String((fc.AppliesTo as Et.Range).Address(false, false));
        cells[markSeverity(String(fc.Formula1))].push(...rangesOf(address));
      } catch {
        cells = undefined; // no AppliesTo: unknown, the marks are rewritten
        break;
      }
    }
    return { count: list.length, cells };
  } catch (e) {
    return { failed: failureOf(e) };
  }
}
