/*
 * The in-browser file driver: WorkbookDriver over a workbook file opened in the offline page
 * (workbook-file.ts). No marks (a file has no live view to mark), no live changes (it is a
 * copy in memory: the clerk chooses the file again after editing it), no cell selection;
 * 报送月份, official sheets and the county's 汇总 sheets are written into the in-memory workbook
 * and then saved as a new file (copy.ts). Settings (team, contact, recipients) stay in this browser's storage.
 */
import type { CellValue, SheetGrid } from '../ledger/cell';
import type { TemplateSheet } from '../ledger/template';
import type { DocumentStore, DriverCapabilities, HostChange, MarksFound, NewSheet, ReadRequest, ReadResult, SheetInfo, SheetRead, SheetWrite, WorkbookDriver, WorkbookIO, WriteResult } from '../session/driver';
import { templateGrid } from '../session/insert';
import { WorkbookSession } from '../session/session';
import { setCell } from '../session/sheets';
import type { WorkbookFile } from './workbook-file';

/** A grid the session may keep (rows copied; cell values are never changed in place). */
const copyOf = (g: SheetGrid): SheetGrid => ({ name: g.name, top: g.top, left: g.left, rows: g.rows.map((r) => r.slice()), merges: g.merges.map((m) => ({ ...m })) });

export const OFFLINE_LIVE = '这里检查的是所选文件当时的内容：在 Excel 或 WPS 中改动台账并保存后，请重新选择文件。';
export const OFFLINE_SELECT = '离线页面不能跳到单元格：请在 Excel 或 WPS 中打开台账，找到这个单元格修改。';
export const OFFLINE_MARKS = '离线页面不能在文件中标出单元格：请按下面列出的单元格，在 Excel 或 WPS 中修改。';

/** Key–value settings in the browser's local storage (or in memory where there is none). */
export function browserStore(storage: Pick<Storage, 'getItem' | 'setItem'> | null, key = 'taizhang.offline'): DocumentStore {
  let values: Record<string, unknown> = {};
  try {
    values = JSON.parse(storage?.getItem(key) ?? '{}') ?? {};
  } catch {
    values = {};
  }
  return {
    get: (k) => values[k],
    set: (k, v) => void (values = { ...values, [k]: v }),
    save: async () => {
      try {
        storage?.setItem(key, JSON.stringify(values));
      } catch {
        throw new Error('浏览器不允许本页面保存设置（可能处于无痕模式）');
      }
    },
  };
}

export class FileDriver implements WorkbookDriver {
  readonly host = 'file';

  constructor(
    readonly file: WorkbookFile,
    private readonly store: DocumentStore,
    /** Called after the add-in changed the in-memory workbook. */
    private readonly onChange: () => void = () => undefined,
  ) {}

  platform(): string | null {
    return null;
  }

  capabilities(): DriverCapabilities {
    return { marks: false, live: OFFLINE_LIVE, reportMonths: true, insertSheets: true, addSheets: true, merges: true, functions: false, settingsIn: 'browser', select: false };
  }

  async operation<T>(_name: string, body: (io: WorkbookIO) => Promise<T>): Promise<T> {
    return body(this.io());
  }

  async listen(_sink: (c: HostChange) => void): Promise<void> {
    throw new Error(OFFLINE_LIVE);
  }

  async unlisten(): Promise<void> {
    // never listening
  }

  settings(): DocumentStore {
    return this.store;
  }

  private info(id: string): SheetInfo {
    const i = this.file.sheets.findIndex((s) => s.id === id);
    const g = this.file.sheets[i].grid;
    // The reader's <sheet state="hidden|veryHidden"> (src/input/sheets.ts), as the add-in hosts report it.
    return { id, name: g.name, position: i, protected: false, hidden: !!g.hidden };
  }

  private io(): WorkbookIO {
    const f = this.file;
    return {
      listSheets: async () => ({ sheets: f.sheets.map((s) => this.info(s.id)), date1904: f.date1904 }),
      read: async (req: ReadRequest): Promise<ReadResult> => {
        const full: SheetRead[] = (req.full ?? []).map((r) => {
          const g = copyOf(f.sheet(r.id).grid);
          const width = g.rows.reduce((n, row) => Math.max(n, row.length), 0);
          return { ...this.info(r.id), grid: g, bottom: g.rows.length ? g.top + g.rows.length - 1 : 0, width, complete: true };
        });
        const rows = (req.rows ?? []).map((r) => {
          const g = f.sheet(r.id).grid;
          const m = new Map<number, CellValue[]>();
          for (const run of r.runs) {
            for (let row = run.top; row <= run.bottom; row++) m.set(row, Array.from({ length: r.right - r.left + 1 }, (_, j) => g.rows[row - g.top]?.[r.left - g.left + j] ?? null));
          }
          return { id: r.id, rows: m, left: r.left };
        });
        const marks = new Map<string, MarksFound>((req.marks ?? []).map((id) => [id, { count: 0 }]));
        const formulas = new Map(
          (req.formulas ?? []).map((x) => {
            const g = f.sheet(x.id).grid;
            const cells = Array.from({ length: x.range.bottom - x.range.top + 1 }, (_, i) =>
              Array.from({ length: x.range.right - x.range.left + 1 }, (_, j) => g.rows[x.range.top + i - g.top]?.[x.range.left + j - g.left] ?? ''),
            );
            return [x.id, cells] as [string, unknown[][]];
          }),
        );
        return { full, rows, marks, formulas };
      },
      write: async (plan: SheetWrite[]): Promise<WriteResult> => {
        for (const w of plan) {
          if (!w.header && !w.text) continue; // marks: none in a file
          const s = f.sheet(w.id);
          if (w.header) {
            setCell(s.grid, w.header.row, w.header.col, w.header.text);
            if (w.header.rows > 1) s.grid.merges.push({ top: w.header.row, left: w.header.col, bottom: w.header.row + w.header.rows - 1, right: w.header.col });
          }
          for (const run of w.text?.runs ?? []) run.values.forEach((v, i) => setCell(s.grid, run.top + i, w.text!.col, v === '' ? null : v));
          f.changes.push({ kind: 'cells', sheet: s.grid.name, header: w.header, text: w.text });
        }
        if (plan.some((w) => w.header || w.text)) this.onChange();
        return { failed: [] };
      },
      insertSheets: async (items: { name: string; template: TemplateSheet }[]) => {
        const out = items.map((it) => {
          const id = f.nextId();
          f.sheets.push({ id, grid: templateGrid(it.template, it.name) });
          f.changes.push({ kind: 'insert', sheet: it.name, template: it.template });
          return this.info(id);
        });
        if (out.length) this.onChange();
        return out;
      },
      // The county's 汇总 sheets: into the in-memory workbook, written into the copy (copy.ts).
      addSheets: async (items: NewSheet[]) => {
        const out = items.map((it) => {
          const id = f.nextId();
          f.sheets.push({ id, grid: { name: it.name, top: 1, left: 1, rows: it.rows.map((r) => r.map((v) => (v === '' ? null : v))), merges: it.merges.map((m) => ({ ...m })) } });
          f.changes.push({ kind: 'add', sheet: it.name, values: it });
          return this.info(id);
        });
        if (out.length) this.onChange();
        return out;
      },
      select: async () => {
        throw new Error(OFFLINE_SELECT);
      },
    };
  }
}

/** The session in the offline page: the pane's 显示标记 says why there are none (a file in the browser has no cells to colour). */
export class FileSession extends WorkbookSession {
  override setMarks(shown: boolean): Promise<void> {
    return shown ? Promise.reject(new Error(OFFLINE_MARKS)) : super.setMarks(false);
  }
}
