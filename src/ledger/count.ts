import { CellValue, isBlank, isCellError } from './cell';
import { compact, parseAnyInt } from './text';

export type CountParse =
  | { ok: true; value: number; normalized: boolean }
  | { ok: false; reason: string };

const WITH_UNIT = /^([0-9]{1,6}|[零〇一二两三四五六七八九十百]{1,6})(处|个|项|条|起|次)?$/;
export const NONE_WORDS = /^(无|没有|未发现|零)$/;

/** Reads 发现隐患数: a whole number ≥ 0; `1处`, `一`, `无` are read with `normalized`. Never throws. */
export function parseCount(v: CellValue): CountParse {
  if (isBlank(v) || isCellError(v)) return { ok: false, reason: '' };
  if (typeof v === 'number') {
    if (Number.isInteger(v) && v >= 0 && v <= 1e6) return { ok: true, value: v, normalized: false };
    return { ok: false, reason: v < 0 ? '（不能为负数）' : '（应为整数）' };
  }
  if (typeof v === 'string') {
    const t = compact(v);
    if (/^\d{1,6}$/.test(t)) return { ok: true, value: Number(t), normalized: false };
    const m = WITH_UNIT.exec(t);
    const n = m ? parseAnyInt(m[1]) : NONE_WORDS.test(t) ? 0 : null;
    if (n !== null) return { ok: true, value: n, normalized: true };
  }
  return { ok: false, reason: '' };
}
