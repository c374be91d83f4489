import { parseChineseNumber, toHalfWidth } from './text';

export interface Amount {
  /** The amount in 元. */
  yuan: number;
  /** The text it was read from, e.g. `0.5万元`, `¥1,000.00`, or a bare `2000`. */
  text: string;
  /** Offset of `text` in the (half-width) input. */
  index: number;
  /** A number written without 元 or a currency sign, right after 罚款 / 没收违法所得 (`罚款2000`): read as 元. */
  bare: boolean;
}

const DIGITS = '(?:\\d{1,3}(?:,\\d{3}){1,4}|\\d{1,12})(?:\\.\\d{1,4})?';
const CN = '[零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟萬]{1,12}';
/** `5000元`, `5,000元`, `0.5万元`, `5千元`, `伍仟元`. */
const WITH_UNIT = new RegExp(`(${DIGITS}\\s?[百千佰仟]?|${CN})\\s?(万元|元)`, 'g');
/** `¥1,000.00`, `￥1000元`, `人民币2,000元`, `RMB 500`: a currency sign makes any number money. */
const SIGNED = new RegExp(`(?:[¥￥]|人民币|RMB|CNY)\\s?(${DIGITS})(?:\\s?(万元|元|万))?`, 'gi');
/**
 * A bare number right after a money penalty (`罚款2000`, `罚款：2000`, `没收违法所得500`), ending
 * there (end, punctuation, 并/和/及): yuan implied. `罚款200平方米` is no amount.
 */
const BARE = new RegExp(
  `(?:罚款|违法所得)(?:人民币|金额|共计|合计|计|为|[:：])?\\s?((${DIGITS})\\s?([百千佰仟万])?|${CN})(?=\\s*(?:$|[，,；;。、()（）\\[\\]【】]|整|并|和|及|另|已|$))`,
  'g',
);
const MULTIPLIER: Record<string, number> = { 百: 100, 佰: 100, 千: 1000, 仟: 1000, 万: 10000 };

function digitsValue(s: string): number {
  return Number(s.replace(/[,\s]/g, ''));
}

/**
 * Every amount of money written in a text: `5000元`, `5,000元`, `0.5万元`, `伍仟元`, `五千元`,
 * `¥1,000.00`, `人民币2,000元`, and a bare number right after 罚款 (`罚款2000`, flagged `bare`).
 * In text order; never throws.
 */
export function findAmounts(raw: string): Amount[] {
  const text = toHalfWidth(raw.length > 5000 ? raw.slice(0, 5000) : raw);
  const out: Amount[] = [];
  const taken = (from: number, to: number) => out.some((a) => from < a.index + a.text.length && a.index < to);
  for (const m of text.matchAll(SIGNED)) {
    const n = digitsValue(m[1]);
    if (!Number.isFinite(n)) continue;
    out.push({ yuan: m[2] === '万元' || m[2] === '万' ? n * 10000 : n, text: m[0], index: m.index ?? 0, bare: false });
  }
  for (const m of text.matchAll(WITH_UNIT)) {
    const at = m.index ?? 0;
    if (taken(at, at + m[0].length)) continue;
    const numText = m[1];
    const unit = MULTIPLIER[numText[numText.length - 1]];
    const n = /\d/.test(numText) ? digitsValue(numText.replace(/[百千佰仟\s]/g, '')) * (unit ?? 1) : parseChineseNumber(numText);
    if (n === null || !Number.isFinite(n)) continue;
    out.push({ yuan: m[2] === '万元' ? n * 10000 : n, text: m[0], index: at, bare: false });
  }
  if (/罚款|违法所得/.test(text)) {
    for (const m of text.matchAll(BARE)) {
      const at = (m.index ?? 0) + m[0].length - m[1].length;
      if (taken(at, at + m[1].length)) continue;
      const n = m[2] !== undefined ? digitsValue(m[2]) * (m[3] ? MULTIPLIER[m[3]] : 1) : parseChineseNumber(m[1]);
      if (n === null || !Number.isFinite(n) || n <= 0) continue;
      out.push({ yuan: n, text: m[1], index: at, bare: true });
    }
  }
  return out.length > 1 ? out.sort((a, b) => a.index - b.index) : out;
}

/** The first amount in a text, in 元, or null. */
export function parseMoney(raw: string): number | null {
  const a = findAmounts(raw);
  return a.length ? a[0].yuan : null;
}
