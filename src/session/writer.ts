/*
 * The session's writes — the add-in's marks and its own 报送月份 cells — as a step of their own
 * after the results. When a check may write is decided by the host's undo history
 * (DriverCapabilities.undo, docs/dev/excel-adapter.md "Undo"):
 * - live checking never writes: the pane's results follow every edit, the sheets' writes wait
 *   (`pending`), so Ctrl+Z always undoes the clerk's own last edit;
 * - a check the clerk asks for (opening the pane, 重新检查, 显示标记, 更新标记 …) writes;
 * - where a write is one undo step (`grouped`), leaving a sheet, and showing the pane again,
 *   also write; where it clears the history (`clears`), only the clerk's buttons do.
 * What a sheet shows is compared with the plan by the cells the marks apply to, read back from
 * the host (marks.ts cellsKey), never by a count.
 * The write follows the results (the pane shows them first). A big one goes in paced steps where
 * the driver can (steps.ts: what the clerk sees first), and stops between steps when the clerk
 * edits (the next step would be a write after the clerk's own change: it would clear the undo
 * history, or be undone first), when the pane is hidden, or when a newer write is asked for; the
 * sheets not finished then wait like live changes (`pending`).
 */
import type { ReadResult, SheetWrite, WorkbookDriver, WorkbookIO, WriteFailure, WriteResult } from './driver';
import { describeFailure } from './errors';
import { marksPlanFor, monthValueSteps, ownedChanges, ownedReportColumn, planAllSteps, planWrites } from './plan';
import { planKey } from './marks';
import type { OwnWrites } from './own-writes';
import type { Pacer } from './pacer';
import type { Entry, SheetBook } from './sheets';
import { pacedSteps } from './steps';

export type UndoKind = 'grouped' | 'clears' | 'none';

/** When a check may write: always (the clerk asked), only where a write is one undo step, or never (live checking). */
export type WriteWhen = 'now' | 'undoable' | 'never';

export interface WriterHost {
  book: SheetBook;
  own: OwnWrites;
  driver: WorkbookDriver;
  pacer: Pacer;
  /** 报送月份 columns the add-in filled: sheet name → column letter. */
  owned(): Record<string, string>;
  /** The clerk wants marks shown (清除标记 turns it off). */
  marksWanted(): boolean;
  /** Why a write should stop before its next step (see the header), or null to go on. */
  stop?(): string | null;
  /** Between two steps: the clerk's selections that came meanwhile, in the same operation (null: the write has ended, each in an operation of its own). */
  between?(io: WorkbookIO | null): Promise<void>;
}

export interface WriteOptions {
  /** Rows whose 报送月份 to refresh per sheet (absent: every row). */
  rows?: Map<string, Set<number> | undefined>;
  /** Only these sheets may be written. */
  only?: Set<string>;
}

type Stopped = { untouched: Set<string>; partly: Set<string> };

export class Writer {
  /** A paced write is running (between its steps the clerk's selections are taken in). */
  marking = false;

  constructor(private readonly h: WriterHost) {}

  canMark(): boolean {
    return this.h.driver.capabilities().marks;
  }

  undo(): UndoKind {
    return this.h.driver.capabilities().undo ?? 'clears';
  }

  /** Whether a check started as `when` writes on this host. */
  writes(when: WriteWhen): boolean {
    return when === 'now' || (when === 'undoable' && this.undo() !== 'clears');
  }

  /** Plans and performs the writes after a read; returns changed sheets whose marks were not read. */
  async write(io: WorkbookIO, read: ReadResult, sheets: Set<string>, o: WriteOptions = {}): Promise<string[]> {
    const { book, own, pacer } = this.h;
    await pacer.results(book);
    const marksWanted = this.h.marksWanted() && this.canMark();
    if (marksWanted) await pacer.slices(planAllSteps(book));
    // The add-in's 报送月份 texts of a big ledger are a task of their own otherwise (here and in the publish after).
    await pacer.slices(monthValueSteps(book, (e) => ownedReportColumn(book, e, this.h.owned()) !== null));
    await pacer.pause?.();
    const plan = planWrites(book, { marksWanted, found: read.marks, owned: this.h.owned(), sheets, rows: o.rows, only: o.only });
    let stopped: Stopped | undefined;
    if (plan.writes.length) {
      own.note(plan.own);
      try {
        const done = await this.perform(io, plan.writes);
        stopped = done.stopped;
        for (const e of book.sorted()) if (!o.only || o.only.has(e.id)) e.local = false;
        plan.commit(done.result, stopped);
      } finally {
        own.seal();
      }
    } else for (const e of book.sorted()) if (!o.only || o.only.has(e.id)) e.local = false;
    return plan.followUp;
  }

  /** The writes in one go, or in paced steps where the driver can and they are big. */
  private async perform(io: WorkbookIO, writes: SheetWrite[]): Promise<{ result: WriteResult; stopped?: Stopped }> {
    const paced = this.h.driver.capabilities().pacedMarks === true;
    let steps = pacedSteps(writes, null);
    if (!paced || steps.length <= 1) {
      if (this.h.stop?.()) return { result: { failed: [] }, stopped: { untouched: new Set(writes.map((w) => w.id)), partly: new Set() } };
      return { result: await io.write(writes) };
    }
    const view = io.view ? await io.view().catch(() => null) : null;
    if (view) steps = pacedSteps(writes, view);
    const total = steps.reduce((n, st) => n + st.areas, 0);
    const failed: WriteFailure[] = [];
    const started = new Set<string>();
    let done = 0;
    this.h.pacer.progress({ step: 'marking', done, total });
    this.marking = true;
    try {
      for (let i = 0; i < steps.length; i++) {
        // A turn for the host's events first: an edit the clerk made during the last step stops this one.
        if (i > 0) await this.h.pacer.pause?.();
        if (this.h.stop?.()) {
          const stopped: Stopped = { untouched: new Set(), partly: new Set() };
          for (const st of steps.slice(i)) for (const w of st.writes) (started.has(w.id) ? stopped.partly : stopped.untouched).add(w.id);
          return { result: { failed }, stopped };
        }
        // A sheet whose marks failed gets no further marks (its cells went with its first step).
        const lost = new Set(failed.filter((f) => f.what === 'marks').map((f) => f.id));
        const batch = steps[i].writes.filter((w) => !(w.addMarks && lost.has(w.id)));
        if (batch.length) failed.push(...(await io.write(batch)).failed);
        for (const w of batch) started.add(w.id);
        done += steps[i].areas;
        this.h.pacer.progress({ step: 'marking', done, total });
        await this.h.between?.(io);
      }
    } finally {
      this.marking = false;
      void this.h.between?.(null);
    }
    return { result: { failed } };
  }

  /**
   * Sheets whose marks or 报送月份 cells no longer match their results (live checking left them
   * for later). A sheet whose new result plans what it already shows is settled here.
   */
  pending(): Entry[] {
    const { book } = this.h;
    const wanted = this.h.marksWanted() && this.canMark();
    const out: Entry[] = [];
    for (const e of book.sorted()) {
      const result = book.ledger(e.id);
      if (e.protected || e.planned === result || (e.planned === undefined && !result)) continue;
      const marksDiffer = this.canMark() && e.marks?.key !== planKey(marksPlanFor(book, e, wanted));
      if (marksDiffer || ownedChanges(book, e, this.h.owned()).size) out.push(e);
      else e.planned = result;
    }
    return out;
  }

  /**
   * Reads the marks of `ids` (default: every sheet that is a ledger or shows marks) as they are
   * now, and writes what differs from the results — one operation, one undo step where the host
   * groups them (更新标记; also the follow-up of a change that reached other sheets).
   */
  async refresh(ids?: string[], opName = 'refreshMarks'): Promise<void> {
    const { book } = this.h;
    const scope = (ids ?? book.sorted().filter((e) => book.isLedger(e.id) || (e.marks?.count ?? 1) > 0).map((e) => e.id)).filter((id) => !book.entry(id)?.protected);
    try {
      await this.h.driver.operation(opName, async (io) => {
        const read = await io.read({ marks: this.canMark() ? scope : [] });
        await this.write(io, read, new Set(scope));
      });
    } catch (e) {
      for (const id of scope) {
        const entry = book.entry(id);
        if (entry) entry.note = `「${entry.name}」的标记没有更新：${describeFailure(e)}`;
      }
    }
  }

  /** Sheets with changes of the clerk's own (not a co-author's) waiting, other than `except`: what leaving a sheet writes. */
  leftBehind(except: string): string[] {
    return this.pending()
      .filter((e) => e.local && e.id !== except)
      .map((e) => e.id);
  }
}

/**
 * The pane's line about marks that wait (null when none): which sheets, and when they will be
 * brought up to date on this host. `host` names the program (`Excel`, `WPS`).
 */
export function pendingNote(sheets: string[], undo: UndoKind, host: string): string | null {
  if (!sheets.length) return null;
  const names = sheets.map((n) => `「${n}」`).join('');
  if (undo === 'grouped') return `${names}的标记会在您切换到别的工作表时更新，也可以点“更新标记”；更新算作一步操作，可以用 Ctrl+Z 撤销。检查结果已经是最新的。`;
  const why = host === 'WPS' ? '加载项写入工作簿后，WPS 可能不能再撤销之前的操作（WPS 没有说明，按宏的惯例处理）' : `这个版本的 ${host} 在加载项写入工作簿后会清空“撤销”记录`;
  return `${names}的标记还是修改前的：${why}，所以边填边查时只更新窗格里的检查结果，不改动表格，您随时可以按 Ctrl+Z 撤销自己的修改。改完后点“更新标记”再标出（更新之后，之前的操作${host === 'WPS' ? '可能' : ''}不能再撤销）。`;
}
