/** `taizhang rollup --json` (issue 12): one object per township, and the total. */
import { Figures } from './stats';
import type { FileEntry } from './types';
import { ReportStatus, Rollup, TownshipMonth } from './types';
import { chinaTime } from './time';

export interface FiguresJson {
  penalty: Figures['penalty'];
  inspection: Figures['inspection'];
  coercion: Figures['coercion'];
  issues: Figures['issues'];
}

export interface TownshipJson extends FiguresJson {
  team: string;
  status: ReportStatus;
  /** China time, `2023-10-31T09:12:00+08:00`. */
  received: string | null;
  lateDays: number;
  files: string[];
}

export interface RollupJson {
  period: string;
  due: string;
  townships: TownshipJson[];
  /** The figures summed, how many townships are in each status, and every file counted. */
  total: FiguresJson & { statuses: Record<ReportStatus, number>; files: string[] };
  /** January to the period (only when the folder holds earlier months of the year). */
  yearToDate?: { from: string; to: string; townships: (FiguresJson & { team: string })[]; total: FiguresJson };
  /** Every file read and what became of it; unreadable ones with the reason. */
  files: { file: string; team: string | null; months: string[]; received: string | null; timeSource: FileEntry['timeSource']; use: string }[];
  /** Corrected resends that superseded an earlier file, townships not in the list. */
  notes: string[];
}

function figures(f: Figures): FiguresJson {
  return { penalty: f.penalty, inspection: f.inspection, coercion: f.coercion, issues: f.issues };
}

function township(t: TownshipMonth): TownshipJson {
  return { team: t.team, status: t.status, received: t.received ? chinaTime(t.received).iso : null, lateDays: t.lateDays, ...figures(t.figures), files: t.files };
}

export function rollupJson(r: Rollup): RollupJson {
  const c = r.current;
  const out: RollupJson = {
    period: r.period,
    due: r.due,
    townships: c.townships.map(township),
    total: { ...figures(c.total), statuses: c.statuses, files: c.townships.flatMap((t) => (t.counted ? [t.counted.file] : [])) },
    files: r.files.map((f) => ({ file: f.file, team: f.team, months: f.months, received: f.received ? chinaTime(f.received).iso : null, timeSource: f.timeSource, use: f.use })),
    notes: r.notes,
  };
  if (r.yearToDate) {
    const y = r.yearToDate;
    out.yearToDate = { from: y.from, to: y.to, townships: y.townships.map((t) => ({ team: t.team, ...figures(t.figures) })), total: figures(y.total) };
  }
  return out;
}
