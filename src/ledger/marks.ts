import { CellValue, cellText, isBlank } from './cell';
import { compact } from './text';

export const MARK = '√';
const YES = new Set(['✓', '✔', '是', 'Y', 'y', '1', '○', '●', '完成', 'TRUE', '√']);
const NO = new Set(['×', '✗', '✘', 'X', 'x', '否', 'N', 'n', '0', '无', '-', '—', '/', 'FALSE']);

export interface MarkParse {
  marked: boolean;
  /** Marked with something other than `√`. */
  nonStandard: boolean;
  /** Text that is not a known mark at all (still counted as marked). */
  unknown: boolean;
}

/** Reads a 已完成/未完成 cell. Never throws. */
export function parseMark(v: CellValue): MarkParse {
  if (isBlank(v)) return { marked: false, nonStandard: false, unknown: false };
  const t = compact(cellText(v));
  if (t === MARK) return { marked: true, nonStandard: false, unknown: false };
  if (NO.has(t) || t === '') return { marked: false, nonStandard: false, unknown: false };
  return { marked: true, nonStandard: true, unknown: !YES.has(t) };
}
