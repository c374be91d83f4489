/*
 * Reading sheets into SheetGrids with few context.sync() calls (the Excel driver's side of
 * WorkbookIO.read).
 *
 * Pass 1 (one sync for all sheets asked for): each sheet's used range (dims), and its rows in
 * bands — `getRangeByIndexes(band).getUsedRangeOrNullObject(true)` gives the used part of each
 * band without knowing the sheet's size — up to an allowance chosen so the estimated response
 * stays under the payload budget; merged areas (one request per sheet, or per 64-row band when
 * a sheet has more than the 512 areas one request may return — a band reports the areas whose
 * top-left cell it holds, so none is counted twice); the add-in's marks (conditional formats)
 * where asked. Pass 2 (only for big ledgers): the remaining rows in chunks, as many syncs as the
 * budget needs. Row reads (live checking) go in the same first sync, with the merged areas
 * starting in those rows (a merge or unmerge arrives as a plain edit).
 *
 * Reading conditional formats is the fragile part (office-js#6827, #6835: collections with
 * several rules on one range fail to load): when the first sync fails, it is read again without
 * them, and each sheet's marks are then read on their own, so a failure costs that sheet's marks,
 * never the check.
 */
import { CellValue, SheetGrid } from '../ledger/cell';
import type { FullRequest, HostFailure, RowsRead, RowsRequest, SheetRead } from '../session/driver';
import { failureOf } from '../session/errors';
import { FoundMark, cfsOf, foundMarks } from './marks';
import { mergesFromAddress, cellValue } from './grid';
import { Suspect, placeValues, resolveErrors } from './place';

export interface ReadBudget {
  /** Estimated bytes one sync may return (Excel on the web rejects more than 5 MB). */
  bytes: number;
  /** Estimated bytes per cell of `values` (Chinese text is 3 bytes a character; the few `valueTypes` read after it are within the margin). */
  bytesPerCell: number;
  /** Columns assumed for a sheet whose width is not known yet. */
  assumedWidth: number;
}

export const DEFAULT_BUDGET: ReadBudget = { bytes: 3_500_000, bytesPerCell: 40, assumedWidth: 16 };
/** Rows per `values` request. */
export const VALUE_BAND = 1000;
/** Rows per merged-areas request. */
export const MERGE_BAND = 64;
/** Rows converted between two turns of the pane's thread (in place, a few milliseconds). */
const PLACE_ROWS = 5000;
/** Rows always read in pass 1 (a header is found within the first 20 rows). */
export const MIN_ROWS = 64;
const ALL_COLUMNS = 16384;

/**
 * How merged areas are read: one request per sheet; per 64-row band (a request fails above
 * 512 areas); or not at all (before ExcelApi 1.13, or when even a band has too many).
 */
export type MergeMode = 'sheet' | 'banded' | 'none';

export interface FullRead extends SheetRead {
  merges: MergeMode;
}

export interface ReadOutcome {
  full: FullRead[];
  rows: RowsRead[];
  /** The add-in's marks per sheet asked for, or why they could not be read. */
  marks: Map<string, FoundMark[] | HostFailure>;
}

export interface ReaderOptions {
  budget: ReadBudget;
  /** How to read merged areas first (`none` before ExcelApi 1.13). */
  merges: MergeMode;
  /** Sheets whose marks to find. */
  marks: string[];
  /** Decides from the first rows whether a sheet's remaining rows are needed (e.g. it is a ledger). */
  wantsRest: (partial: SheetGrid) => boolean;
  /** Rows read so far of the rows to read, after each sync that brought rows. */
  progress?: (done: number, total: number) => void;
  /** A turn for the pane's thread between converting one response's sheets (the response itself was parsed in one go). */
  pause?: () => Promise<void>;
}

type Sync = () => Promise<void>;

interface Band {
  used: Excel.Range;
}

interface PendingFull {
  req: FullRequest;
  ws: Excel.Worksheet;
  used: Excel.Range;
  rows: number;
  bands: Band[];
  merges: Excel.RangeAreas[];
  mode: MergeMode;
}

interface PendingRows {
  req: RowsRequest;
  ranges: { top: number; range: Excel.Range }[];
  merges: Excel.RangeAreas[] | null;
}

/** Rows each full read covers in pass 1, so that the estimated response fits the budget. */
export function allowances(reqs: FullRequest[], budget: ReadBudget): number[] {
  const cells = Math.floor(budget.bytes / budget.bytesPerCell);
  const knownCells = reqs.reduce((n, r) => n + (r.known && !r.probe ? (r.known.bottom + MIN_ROWS) * Math.max(1, r.known.width) : 0), 0);
  const unknown = reqs.filter((r) => !r.known && !r.probe).length;
  const scale = knownCells > cells ? cells / knownCells : 1;
  const share = unknown ? Math.max(0, cells - Math.min(knownCells, cells)) / unknown : 0;
  return reqs.map((r) => {
    if (r.probe) return MIN_ROWS;
    if (r.known) return Math.max(MIN_ROWS, Math.floor((r.known.bottom + MIN_ROWS) * scale));
    return Math.max(MIN_ROWS, Math.floor(share / budget.assumedWidth));
  });
}

function isPayloadError(e: unknown): boolean {
  const code = (e as { code?: string })?.code ?? '';
  return /PayloadSizeLimitExceeded|PayloadTooLarge|RequestPayload|ResponsePayload/i.test(code);
}

/** Errors a retry cannot help: the sheet is gone, or Excel is busy with the clerk's typing. */
function isFinal(e: unknown): boolean {
  const code = (e as { code?: string })?.code;
  return code === 'ItemNotFound' || code === 'InvalidOperationInCellEditMode';
}

/**
 * Reads `full` sheets and `rows` of sheets: one sync for pass 1 (plus, only when needed, pass 2
 * syncs for big ledgers). When that sync fails: again without conditional formats (then each
 * sheet's marks alone), with a smaller first pass when the payload was too large, or without
 * merged areas (banded first; more than 512 areas in one request fail).
 */
export async function readSheets(ctx: Excel.RequestContext, sync: Sync, full: FullRequest[], rows: RowsRequest[], opts: ReaderOptions): Promise<ReadOutcome> {
  let merges = opts.merges;
  let budget = opts.budget;
  let marks = opts.marks;
  let deferred: string[] = [];
  let out: ReadOutcome;
  for (let attempt = 0; ; attempt++) {
    try {
      out = await attemptRead(ctx, sync, full, rows, { ...opts, merges, budget, marks });
      break;
    } catch (e) {
      if (attempt >= 5 || isFinal(e)) throw e;
      if (isPayloadError(e)) {
        // Far more text per cell than estimated: a quarter of the budget, dims first.
        budget = { ...budget, bytes: Math.floor(budget.bytes / 4) };
        full = full.map((f) => ({ id: f.id }));
      } else if (marks.length) {
        deferred = marks;
        marks = [];
      } else if (merges === 'sheet' && (full.length || rows.length)) merges = 'banded';
      else if (merges !== 'none' && (full.length || rows.length)) merges = 'none';
      else throw e;
    }
  }
  for (const id of deferred) {
    const cfs = cfsOf(ctx.workbook.worksheets.getItem(id));
    try {
      await sync();
      out.marks.set(id, foundMarks(cfs));
    } catch (e) {
      if (isFinal(e)) throw e;
      out.marks.set(id, failureOf(e));
    }
  }
  return out;
}

async function attemptRead(ctx: Excel.RequestContext, sync: Sync, full: FullRequest[], rows: RowsRequest[], opts: ReaderOptions): Promise<ReadOutcome> {
  const sheets = ctx.workbook.worksheets;
  const rowsAllowed = allowances(full, opts.budget);
  const pendingFull: PendingFull[] = full.map((req, i) => {
    const ws = sheets.getItem(req.id);
    ws.load('name,position,protection/protected,visibility');
    const used = ws.getUsedRangeOrNullObject(true);
    used.load('rowIndex,columnIndex,rowCount,columnCount');
    const n = rowsAllowed[i];
    const bands: Band[] = [];
    for (let s = 0; s < n; s += VALUE_BAND) {
      const u = ws.getRangeByIndexes(s, 0, Math.min(VALUE_BAND, n - s), ALL_COLUMNS).getUsedRangeOrNullObject(true);
      // Only `values`: the types of the few strings that may be errors follow (place.ts).
      u.load('rowIndex,columnIndex,values');
      bands.push({ used: u });
    }
    const ms = queueMerges(ws, 0, n, opts.merges);
    return { req, ws, used, rows: n, bands, merges: ms, mode: opts.merges };
  });
  const pendingRows: PendingRows[] = rows.map((req) => {
    const ws = sheets.getItem(req.id);
    const ranges = req.runs.map((run) => {
      const range = ws.getRangeByIndexes(run.top - 1, req.left - 1, run.bottom - run.top + 1, req.right - req.left + 1);
      range.load('values,valueTypes');
      return { top: run.top, range };
    });
    const merges = opts.merges === 'none' ? null : req.runs.flatMap((run) => queueMerges(ws, run.top - 1, run.bottom - run.top + 1, opts.merges));
    return { req, ranges, merges };
  });
  const cfs = opts.marks.map((id) => ({ id, cfs: cfsOf(sheets.getItem(id)) }));
  await sync();

  const outFull: FullRead[] = [];
  const needRest: { read: FullRead; p: PendingFull }[] = [];
  const suspects: Suspect[] = [];
  for (const p of pendingFull) {
    await opts.pause?.();
    outFull.push(await finishPass1(p, suspects, opts.pause));
  }
  await resolveErrors(sync, suspects);
  outFull.forEach((read, i) => {
    if (!read.complete && opts.wantsRest(read.grid)) needRest.push({ read, p: pendingFull[i] });
  });
  const outRows: RowsRead[] = pendingRows.map((p) => {
    const m = new Map<number, CellValue[]>();
    for (const { top, range } of p.ranges) {
      const vals = range.values;
      const types = range.valueTypes;
      vals.forEach((r, i) => m.set(top + i, r.map((v, j) => cellValue(v, types[i]?.[j]))));
    }
    const merges = p.merges ? p.merges.flatMap((a) => (a.isNullObject ? [] : mergesFromAddress(a.address))) : undefined;
    return { id: p.req.id, rows: m, left: p.req.left, merges };
  });
  const marks = new Map<string, FoundMark[] | HostFailure>(cfs.map((c) => [c.id, foundMarks(c.cfs)]));
  if (outFull.length) {
    const rowsOf = (r: FullRead) => r.grid.rows.length;
    const total = outFull.reduce((n, r) => n + (needRest.some((x) => x.read === r) ? r.bottom - r.grid.top + 1 : rowsOf(r)), 0);
    let done = outFull.reduce((n, r) => n + rowsOf(r), 0);
    opts.progress?.(done, total);
    if (needRest.length) await readRest(ctx, sync, needRest, opts, (n) => opts.progress?.((done += n), total));
  }
  return { full: outFull, rows: outRows, marks };
}

/** Merged areas of rows [start, start+n) (0-based): each area is reported by the request holding its top-left cell. */
function queueMerges(ws: Excel.Worksheet, start: number, n: number, mode: MergeMode): Excel.RangeAreas[] {
  const out: Excel.RangeAreas[] = [];
  if (mode === 'none' || n <= 0) return out;
  const band = mode === 'sheet' ? n : MERGE_BAND;
  for (let s = start; s < start + n; s += band) {
    const m = ws.getRangeByIndexes(s, 0, Math.min(band, start + n - s), ALL_COLUMNS).getMergedAreasOrNullObject();
    m.load('address');
    out.push(m);
  }
  return out;
}

/** Worksheet.visibility is `Hidden` or `VeryHidden` (a sheet unhidden again reads `Visible`). */
export function isHidden(visibility: string): boolean {
  return visibility === 'Hidden' || visibility === 'VeryHidden';
}

async function finishPass1(p: PendingFull, suspects: Suspect[], pause?: () => Promise<void>): Promise<FullRead> {
  const name = p.ws.name;
  const position = p.ws.position;
  const prot = p.ws.protection.protected;
  const hidden = isHidden(p.ws.visibility);
  if (p.used.isNullObject) {
    return { id: p.req.id, name, position, protected: prot, hidden, grid: { name, top: 1, left: 1, rows: [], merges: [] }, bottom: 0, width: 0, complete: true, merges: p.mode };
  }
  const top = p.used.rowIndex + 1;
  const left = p.used.columnIndex + 1;
  const bottom = top + p.used.rowCount - 1;
  const width = p.used.columnCount;
  const covered = Math.min(bottom, p.rows);
  const rows: CellValue[][] = [];
  const grid: SheetGrid = { name, top, left, rows, merges: [] };
  let placed = 0;
  for (const b of p.bands) {
    if (b.used.isNullObject) continue;
    const values = b.used.values;
    // A turn for the pane between every few bands.
    if (pause && (placed += values.length) > PLACE_ROWS) {
      await pause();
      placed = 0;
    }
    placeValues(grid, p.ws, b.used.rowIndex, b.used.columnIndex, values, 0, values.length, suspects);
  }
  while (rows.length < covered - top + 1) rows.push([]);
  for (const m of p.merges) if (!m.isNullObject) grid.merges.push(...mergesFromAddress(m.address));
  return { id: p.req.id, name, position, protected: prot, hidden, grid, bottom, width, complete: covered >= bottom, merges: p.mode };
}

/** Pass 2: the rows after the allowance, chunked so each sync stays within the budget. */
async function readRest(ctx: Excel.RequestContext, sync: Sync, items: { read: FullRead; p: PendingFull }[], opts: ReaderOptions, read: (rows: number) => void): Promise<void> {
  const budgetCells = Math.floor(opts.budget.bytes / opts.budget.bytesPerCell);
  type Chunk = { item: { read: FullRead; p: PendingFull }; start: number; n: number };
  const chunks: Chunk[] = [];
  for (const item of items) {
    const { grid, width, bottom } = item.read;
    const rowsPer = Math.max(1, Math.floor(budgetCells / Math.max(1, width)));
    for (let s = Math.max(item.p.rows, grid.top - 1); s < bottom; s += rowsPer) chunks.push({ item, start: s, n: Math.min(rowsPer, bottom - s) });
  }
  let i = 0;
  while (i < chunks.length) {
    let cells = 0;
    const batch: { c: Chunk; range: Excel.Range; merges: Excel.RangeAreas[] }[] = [];
    while (i < chunks.length && (batch.length === 0 || cells + chunks[i].n * chunks[i].item.read.width <= budgetCells)) {
      const c = chunks[i++];
      cells += c.n * c.item.read.width;
      const ws = c.item.p.ws;
      const range = ws.getRangeByIndexes(c.start, c.item.read.grid.left - 1, c.n, c.item.read.width);
      range.load('values');
      const merges = queueMerges(ws, c.start, c.n, opts.merges);
      batch.push({ c, range, merges });
    }
    await sync();
    const suspects: Suspect[] = [];
    for (const { c, range, merges } of batch) {
      await opts.pause?.();
      const g = c.item.read.grid;
      const values = range.values;
      for (let i = 0; i < values.length; i += PLACE_ROWS) {
        if (i) await opts.pause?.();
        placeValues(g, c.item.p.ws, c.start, g.left - 1, values, i, Math.min(values.length, i + PLACE_ROWS), suspects);
      }
      for (const m of merges) if (!m.isNullObject) g.merges.push(...mergesFromAddress(m.address));
    }
    await resolveErrors(sync, suspects);
    read(batch.reduce((n, b) => n + b.c.n, 0));
  }
  for (const { read } of items) read.complete = true;
}
