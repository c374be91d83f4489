/** Full-width ASCII and the ideographic space to their half-width forms. */
export function toHalfWidth(s: string): string {
  // Fast path: most cells have nothing to convert.
  if (!/[\uFF01-\uFF5E\u3000]/.test(s)) return s;
  let out = '';
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000) out += ' ';
    else out += ch;
  }
  return out;
}

const WS = /[\s\u00a0\u3000\u200b\ufeff]+/g;

/** Header text for matching: half-width, no whitespace or line breaks, no notes in brackets. */
export function normalizeHeader(s: string): string {
  return toHalfWidth(s)
    .replace(WS, '')
    .replace(/\([^)]*\)|（[^）]*）|【[^】]*】|\[[^\]]*\]/g, '')
    .replace(/[*:：.。、]/g, '')
    .toLowerCase();
}

/** Text for comparing values: half-width, whitespace removed. */
export function compact(s: string): string {
  return toHalfWidth(s).replace(WS, '');
}

export const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;

const CN_DIGIT: Record<string, number> = {
  零: 0, 〇: 0, '○': 0, O: 0, o: 0, 一: 1, 壹: 1, 二: 2, 贰: 2, 貳: 2, 两: 2, 兩: 2, 三: 3, 叁: 3, 參: 3,
  四: 4, 肆: 4, 五: 5, 伍: 5, 六: 6, 陆: 6, 陸: 6, 七: 7, 柒: 7, 八: 8, 捌: 8, 九: 9, 玖: 9,
};
const CN_UNIT: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const CN_BIG: Record<string, number> = { 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8 };

/** Characters that can appear in a Chinese numeral. */
export const CN_NUMERAL_CHARS = '零〇○一壹二贰貳两兩三叁參四肆五伍六陆陸七柒八捌九玖十拾百佰千仟万萬亿億';

/**
 * A Chinese numeral to a number: `十一` → 11, `一百零五` → 105, `伍仟` → 5000, `一万二千` → 12000,
 * and digit-by-digit forms `二〇二三` → 2023. Returns null for anything else.
 */
export function parseChineseNumber(s: string): number | null {
  if (!s) return null;
  const hasUnit = [...s].some((ch) => ch in CN_UNIT || ch in CN_BIG);
  if (!hasUnit) {
    let n = 0;
    for (const ch of s) {
      const d = CN_DIGIT[ch];
      if (d === undefined) return null;
      n = n * 10 + d;
    }
    return n;
  }
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const ch of s) {
    if (ch in CN_DIGIT) {
      digit = CN_DIGIT[ch];
    } else if (ch in CN_UNIT) {
      section += (digit ?? 1) * CN_UNIT[ch];
      digit = null;
    } else if (ch in CN_BIG) {
      total = (total + section + (digit ?? 0)) * CN_BIG[ch];
      section = 0;
      digit = null;
    } else {
      return null;
    }
  }
  return total + section + (digit ?? 0);
}

/** Arabic digits (half- or full-width) or a Chinese numeral to a number. */
export function parseAnyInt(s: string): number | null {
  const t = toHalfWidth(s).trim();
  if (/^\d+$/.test(t)) return Number(t);
  return parseChineseNumber(t);
}

/** Shortens a cell value for quoting in a message. */
export function quote(s: string, max = 30): string {
  const one = s.replace(/[\r\n]+/g, '⏎');
  return `“${one.length > max ? one.slice(0, max) + '…' : one}”`;
}
