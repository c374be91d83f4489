/*
 * A plain in-memory WorkbookDriver for the host-neutral session tests: no Office, no fake of it.
 * Sheets are SheetGrids; marks are kept as the plans written; every read and write is counted.
 * It is also the shape a WPS or in-browser file driver takes (synchronous work, resolved promises).
 */
import { CellValue, SheetGrid } from '../../src/ledger/cell';
import type { TemplateSheet } from '../../src/ledger/template';
import type { DocumentStore, DriverCapabilities, HostChange, HostFailure, MarksFound, ReadRequest, ReadResult, SheetInfo, SheetRead, SheetWrite, WorkbookDriver, WorkbookIO, WriteResult } from '../../src/session/driver';
import { MarkPlan } from '../../src/session/marks';
import { rangesOf } from '../../src/session/addresses';
import { templateGrid } from '../../src/session/insert';
import { WorkbookSession } from '../../src/session/session';

export interface MemSheet {
  id: string;
  name: string;
  grid: SheetGrid;
  protected?: boolean;
  /** The add-in's marks: the plans written (one entry per conditional format). */
  marks: { severity: 'error' | 'warning'; address: string }[];
}

export class MemoryDriver implements WorkbookDriver {
  readonly host = 'memory';
  readonly ops: string[] = [];
  reads = 0;
  writes = 0;
  readonly written: SheetWrite[] = [];
  sink: ((c: HostChange) => void) | null = null;
  /** Make the next read fail with this (e.g. cell-edit mode). */
  failReads: HostFailure | null = null;
  /** Sheets whose marks cannot be read. */
  readonly unreadableMarks = new Set<string>();
  readonly store = new Map<string, unknown>();
  caps: DriverCapabilities = { marks: true, live: true, reportMonths: true, insertSheets: true, merges: true, undo: 'clears' };
  private seq = 0;

  constructor(readonly sheets: MemSheet[]) {}

  static of(grids: SheetGrid[]): MemoryDriver {
    return new MemoryDriver(grids.map((g, i) => ({ id: `S${i + 1}`, name: g.name, grid: g, marks: [] })));
  }

  sheet(name: string): MemSheet {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  platform(): string | null {
    return null;
  }

  capabilities(): DriverCapabilities {
    return this.caps;
  }

  operation<T>(name: string, body: (io: WorkbookIO) => Promise<T>): Promise<T> {
    this.ops.push(name);
    return body(this.io());
  }

  async listen(sink: (c: HostChange) => void): Promise<void> {
    this.sink = sink;
  }

  async unlisten(): Promise<void> {
    this.sink = null;
  }

  settings(): DocumentStore | null {
    return { get: (k) => this.store.get(k), set: (k, v) => void this.store.set(k, v), save: async () => undefined };
  }

  /** The clerk edits one cell. */
  edit(name: string, row: number, col: number, v: CellValue): void {
    const s = this.sheet(name);
    const g = s.grid;
    while (g.rows.length <= row - g.top) g.rows.push([]);
    g.rows[row - g.top][col - g.left] = v;
    this.sink?.({ kind: 'edit', sheetId: s.id, range: { top: row, left: col, bottom: row, right: col } });
  }

  private info(s: MemSheet): SheetInfo {
    return { id: s.id, name: s.name, position: this.sheets.indexOf(s), protected: !!s.protected };
  }

  private io(): WorkbookIO {
    const find = (id: string) => {
      const s = this.sheets.find((x) => x.id === id);
      if (!s) throw Object.assign(new Error(`ItemNotFound ${id}`), { code: 'ItemNotFound' });
      return s;
    };
    return {
      listSheets: async () => {
        this.reads++;
        return { sheets: this.sheets.map((s) => this.info(s)), date1904: false };
      },
      read: async (req: ReadRequest): Promise<ReadResult> => {
        this.reads++;
        if (this.failReads) throw Object.assign(new Error(this.failReads.message), { code: this.failReads.code });
        const full: SheetRead[] = (req.full ?? []).map((f) => {
          const s = find(f.id);
          const g = cloneGrid(s.grid);
          const width = Math.max(0, ...g.rows.map((r) => r.length));
          return { ...this.info(s), grid: g, bottom: g.rows.length ? g.top + g.rows.length - 1 : 0, width, complete: true };
        });
        const rows = (req.rows ?? []).map((r) => {
          const s = find(r.id);
          const m = new Map<number, CellValue[]>();
          for (const run of r.runs) for (let row = run.top; row <= run.bottom; row++) m.set(row, Array.from({ length: r.right - r.left + 1 }, (_, j) => s.grid.rows[row - s.grid.top]?.[r.left - s.grid.left + j] ?? null));
          return { id: r.id, rows: m, left: r.left };
        });
        const marks = new Map<string, MarksFound>();
        // The cells each mark applies to, read back (what the sheet shows is compared with the plan by them).
        const cellsOf = (id: string) => ({ error: find(id).marks.filter((m) => m.severity === 'error').flatMap((m) => rangesOf(m.address)), warning: find(id).marks.filter((m) => m.severity === 'warning').flatMap((m) => rangesOf(m.address)) });
        for (const id of req.marks ?? []) marks.set(id, this.unreadableMarks.has(id) ? { failed: { code: 'GeneralException', message: 'cannot read' } } : { count: find(id).marks.length, cells: cellsOf(id) });
        const formulas = new Map((req.formulas ?? []).map((f) => [f.id, Array.from({ length: f.range.bottom - f.range.top + 1 }, () => [''])] as [string, unknown[][]]));
        return { full, rows, marks, formulas };
      },
      write: async (plan: SheetWrite[]): Promise<WriteResult> => {
        this.writes++;
        const failed: WriteResult['failed'] = [];
        for (const w of plan) {
          const s = find(w.id);
          if (s.protected) {
            if (w.marks) failed.push({ id: w.id, what: 'marks', error: { code: 'AccessDenied', message: 'protected' } });
            continue;
          }
          this.written.push(w);
          if (w.marks) s.marks = marksOf(w.marks);
          for (const run of w.text?.runs ?? []) run.values.forEach((v, i) => setCell(s.grid, run.top + i, w.text!.col, v || null));
          if (w.header) setCell(s.grid, w.header.row, w.header.col, w.header.text);
        }
        return { failed };
      },
      insertSheets: async (items: { name: string; template: TemplateSheet }[]) => {
        this.writes++;
        return items.map((it) => {
          const s: MemSheet = { id: `N${++this.seq}`, name: it.name, grid: templateGrid(it.template, it.name), marks: [] };
          this.sheets.push(s);
          return this.info(s);
        });
      },
      select: async () => undefined,
    };
  }
}

function marksOf(plan: MarkPlan): MemSheet['marks'] {
  return [...plan.warning.map((address) => ({ severity: 'warning' as const, address })), ...plan.error.map((address) => ({ severity: 'error' as const, address }))];
}

function setCell(g: SheetGrid, row: number, col: number, v: CellValue): void {
  while (g.rows.length <= row - g.top) g.rows.push([]);
  const r = g.rows[row - g.top];
  r[col - g.left] = v;
  for (let j = 0; j < r.length; j++) if (r[j] === undefined) r[j] = null;
}

/** A copy of a grid (what a read returns: later edits do not show through). */
export function cloneGrid(g: SheetGrid): SheetGrid {
  const cell = (v: CellValue): CellValue => (v instanceof Date ? new Date(v.getTime()) : v && typeof v === 'object' ? { ...v } : v);
  return { ...g, rows: g.rows.map((r) => r.map(cell)), merges: g.merges.map((m) => ({ ...m })) };
}

/** A session over `driver` whose live-check timer fires only when the test says (`fire`). */
export function manualSession(driver: MemoryDriver, today: string): { s: WorkbookSession; fire(): Promise<void> } {
  let pending: (() => void) | null = null;
  const s = new WorkbookSession(driver, { setTimer: (fn) => (pending = fn), clearTimer: () => (pending = null), now: () => 0, today: () => today });
  return {
    s,
    async fire() {
      await new Promise((r) => setImmediate(r));
      const f = pending;
      pending = null;
      f?.();
      await s.idle();
    },
  };
}
