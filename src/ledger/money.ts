import { parseChineseNumber, toHalfWidth } from './text';

export interface Amount {
  /** The amount in 元. */
  yuan: number;
  /** The text it was read from, e.g. `0.5万元`. */
  text: string;
  /** Offset of `text` in the (half-width) input. */
  index: number;
}

const AMOUNT =
  /((?:\d{1,3}(?:,\d{3}){1,4}|\d{1,12})(?:\.\d{1,4})?\s?[百千佰仟]?|[零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟萬]{1,12})\s?(万元|元)/g;
const MULTIPLIER: Record<string, number> = { 百: 100, 佰: 100, 千: 1000, 仟: 1000 };

/** Every amount of money written in a text: `5000元`, `5,000元`, `0.5万元`, `伍仟元`, `五千元`. */
export function findAmounts(raw: string): Amount[] {
  const text = toHalfWidth(raw.length > 5000 ? raw.slice(0, 5000) : raw);
  const out: Amount[] = [];
  for (const m of text.matchAll(AMOUNT)) {
    const numText = m[1];
    const unit = MULTIPLIER[numText[numText.length - 1]];
    const n = /\d/.test(numText) ? Number(numText.replace(/[,\s百千佰仟]/g, '')) * (unit ?? 1) : parseChineseNumber(numText);
    if (n === null || !Number.isFinite(n)) continue;
    out.push({ yuan: m[2] === '万元' ? n * 10000 : n, text: m[0], index: m.index ?? 0 });
  }
  return out;
}

/** The first amount in a text, in 元, or null. */
export function parseMoney(raw: string): number | null {
  const a = findAmounts(raw);
  return a.length ? a[0].yuan : null;
}
