import { toHalfWidth } from './text';

export interface PersonsParse {
  /** Tokens as written, in order. */
  names: string[];
  /** Tokens of ≥ 5 Han characters: probably names run together (`张三李四`). */
  runTogether: string[];
  /** Tokens that are neither a 2–4 character Han name nor a minority name with `·`. */
  odd: string[];
  /** Best guess at how many persons the cell names. */
  count: number;
}

const SEPARATORS = /[、，,；;/／\s\u00a0\u3000]+/;
const HAN_ONLY = /^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+$/;
const MINORITY = /^[\u3400-\u9fff\uf900-\ufaff]+(?:[·•・.．][\u3400-\u9fff\uf900-\ufaff]+)+$/;

/** `张三和李四` → [张三, 李四]; `王和平` stays whole (和/及 splits only with ≥ 2 characters each side). */
function splitConjunction(token: string): string[] {
  if (token.length < 5 || !HAN_ONLY.test(token)) return [token];
  for (let i = 2; i <= token.length - 3; i++) {
    if (token[i] === '和' || token[i] === '及') {
      return [...splitConjunction(token.slice(0, i)), ...splitConjunction(token.slice(i + 1))];
    }
  }
  return [token];
}

/** Splits a persons cell (执法人员, 检查人员, 复检人) into names. Never throws. */
export function parsePersons(raw: string): PersonsParse {
  const text = toHalfWidth(raw.length > 2000 ? raw.slice(0, 2000) : raw);
  const names = text
    .split(SEPARATORS)
    .flatMap(splitConjunction)
    .map((t) => t.replace(/^[.。·]+|[.。]+$/g, ''))
    .filter((t) => t !== '' && t !== '等');
  const runTogether: string[] = [];
  const odd: string[] = [];
  let count = 0;
  for (const n of names) {
    if (HAN_ONLY.test(n) && n.length >= 5) {
      runTogether.push(n);
      count += 2;
    } else {
      if (!MINORITY.test(n) && !(HAN_ONLY.test(n) && n.length >= 2)) odd.push(n);
      count += 1;
    }
  }
  return { names, runTogether, odd, count };
}
