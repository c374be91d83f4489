import { IsoDate, diffDays, formatChineseDate, nextMonthStart, partsOf } from '../ledger/dates';
import { Period } from '../ledger/options';

/** `2023年10月`, `2023年8月至9月`, across a year `2023年12月至2024年1月`. */
export function periodLabel(period: Period): string {
  const [y1, m1] = partsOf(`${period.from}-01`);
  const [y2, m2] = partsOf(`${period.to}-01`);
  if (period.from === period.to) return `${y1}年${m1}月`;
  return y1 === y2 ? `${y1}年${m1}月至${m2}月` : `${y1}年${m1}月至${y2}年${m2}月`;
}

/** `2023年10月1日至2023年10月31日` */
export function periodSpan(period: Period): string {
  return `${formatChineseDate(period.firstDay)}至${formatChineseDate(period.lastDay)}`;
}

export interface Due {
  /** The 1st of the month after the period. */
  date: IsoDate;
  overdue: boolean;
  /** Days late on `today` (0 when not overdue). */
  daysLate: number;
  /** The period has not ended on `today`. */
  unfinished: boolean;
}

/** Due date of a period's report (notice: 每月1号报上月台账) and its state on `today`. */
export function dueOf(period: Period, today: IsoDate): Due {
  const date = nextMonthStart(period.to);
  const daysLate = Math.max(0, diffDays(date, today));
  return { date, overdue: daysLate > 0, daysLate, unfinished: today <= period.lastDay };
}

/**
 * Bidirectional formatting controls (marks, embeddings, overrides, isolates): they reorder the
 * text around them on screen, so a cell could make a file name, a title or a subject read
 * differently from what it says. Dropped wherever cell text leaves the workbook.
 */
export const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

// Characters Windows (and most mail clients) refuse in file names, and control characters.
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f\u007f-\u009f\u2028\u2029\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
const MAX_NAME = 120;

/** A file name safe on Windows, macOS and Linux: no `\ / : * ? " < > |`, controls, leading dots or trailing dots/spaces. */
export function cleanFileName(name: string, ext: string): string {
  let base = name.replace(UNSAFE, '').replace(/\s+/g, ' ').trim();
  base = base.replace(/^[.\s]+/, '').replace(/[.\s]+$/, '');
  if (base.length > MAX_NAME) base = base.slice(0, MAX_NAME).replace(/[\ud800-\udbff]$/, '');
  if (!base) base = '行政执法案件台账';
  return `${base}.${ext}`;
}

/** `{单位}{期间}行政执法案件台账.docx` (spec §4). */
export function docxFileName(team: string, period: Period): string {
  return cleanFileName(`${team}${periodLabel(period)}行政执法案件台账`, 'docx');
}

/** `{单位}{期间}行政执法案件台账报备.eml`. */
export function emlFileName(team: string, period: Period): string {
  return cleanFileName(`${team}${periodLabel(period)}行政执法案件台账报备`, 'eml');
}
