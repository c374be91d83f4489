import { toHalfWidth } from './text';

export interface PersonsParse {
  /** Names as written (a name padded with a space, `张　伟`, without it), in order, each once. */
  names: string[];
  /** Tokens of ≥ 5 Han characters: probably names run together (`王小明李小红`). */
  runTogether: string[];
  /** Tokens that are neither a 2–4 character Han name nor a minority name with `·`. */
  odd: string[];
  /** Best guess at how many different persons the cell names. */
  count: number;
  /** A name written more than once (`李强、李强`). */
  repeated: boolean;
  /**
   * Persons marked as no 行政执法人员 (`李强（协管员）`, `辅警张三`, or the bare role `网格员`): in
   * `names` but not in `count`.
   */
  auxiliary: string[];
}

/**
 * Roles that are no 行政执法人员 (the notice 三（八）: 工勤人员、临时聘用人员 get no 执法证件;
 * 行政处罚法第四十二条, 行政强制法第十七条): 协管员, 辅助执法人员, 辅警, 网格员, 临时工 ….
 */
export const AUXILIARY = /协管员?|协勤|协警|辅警|辅助执法人员|执法辅助人员|辅助人员|网格员|临时工|临聘人员|临时聘用人员|聘用人员|工勤人员|联防队?员/;
const AUX_ONLY = new RegExp(`^(?:${AUXILIARY.source})$`);
const AUX_PREFIX = new RegExp(`^(?:${AUXILIARY.source})[:：]?`);
const AUX_SUFFIX = new RegExp(`(?:${AUXILIARY.source})$`);
/** A bracket that says who the name before it is: `（协管员）`, `（系辅警，证号0012）`; not `（执法辅助人员陪同）`. */
const AUX_NOTE = new RegExp(`^(?:系|为|是)?(?:${AUXILIARY.source})(?:[,，;；]?(?:证号|编号|工号)?[:：]?[A-Za-z0-9-]*)?$`);
/** A label before the names (`执法人员：王明`). */
const LABEL = /^(?:执法人员|检查人员|复检人员?|执法队员|办案人员|承办人员?|队员)[:：]/;
/** Put after a name whose bracket says it is an auxiliary (`李强（协管员）`). */
const AUX_MARK = '\ue000';

/** Separators that always part two names. */
const SEPARATORS = /[、，,；;/／]+/;
const SPACES = /[\s\u00a0\u3000]+/;
const HAN = /^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]$/;
const HAN_ONLY = /^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+$/;
const MINORITY = /^[\u3400-\u9fff\uf900-\ufaff]+(?:[·•・.．][\u3400-\u9fff\uf900-\ufaff]+)+$/;
/** One space (full-width ones are half-width by now), or two half-width ones: the width of one character. */
const LONE_SPACE = /^(?: {1,2}|\u00a0)$/;

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

/**
 * A space parts two names (`张三 李四`, as the notice's own template writes them), except a lone
 * space with one Han character on each side: that pads a two-character name to the width of
 * three (`王 明`, `张　伟`).
 */
function splitSpaces(part: string): string[] {
  const words = part.split(/([\s\u00a0\u3000]+)/);
  const out: string[] = [];
  for (let i = 0; i < words.length; i += 2) {
    const w = words[i];
    if (!w) continue;
    const gap = words[i + 1];
    const next = words[i + 2];
    if (HAN.test(w) && next !== undefined && HAN.test(next) && gap !== undefined && LONE_SPACE.test(gap)) {
      out.push(w + next);
      i += 2;
    } else {
      out.push(w);
    }
  }
  return out;
}

/** Splits a persons cell (执法人员, 检查人员, 复检人) into names. Never throws. */
export function parsePersons(raw: string): PersonsParse {
  // A note in brackets (a certificate number, a role) parts names too: `王明(14010001)李强(14010002)`.
  const text = toHalfWidth(raw.length > 2000 ? raw.slice(0, 2000) : raw)
    .replace(/\ue000/g, '')
    .replace(/[(（【[]([^)）】\]]{0,40})[)）】\]]/g, (_, note: string) => (AUX_NOTE.test(note.replace(/\s+/g, '')) ? `${AUX_MARK}、` : '、'));
  const aux = new Set<string>();
  const tokens: string[] = [];
  for (const part of text.split(SEPARATORS)) {
    const words = SPACES.test(part) ? splitSpaces(part.trim()) : [part];
    // `协管员 李强`: a role alone before a name in the same part is that name's.
    let roleBefore = false;
    for (const w0 of words) {
      for (let w of splitConjunction(w0.replace(LABEL, ''))) {
        w = w.replace(/^[.。·:：]+|[.。:：]+$/g, '');
        let isAux = roleBefore;
        roleBefore = false;
        if (w.endsWith(AUX_MARK)) {
          w = w.slice(0, -1);
          if (!w) {
            const last = tokens[tokens.length - 1];
            if (last !== undefined) aux.add(last);
            continue;
          }
          isAux = true;
        }
        if (AUX_ONLY.test(w)) {
          if (words.length > 1) roleBefore = true;
          else {
            tokens.push(w);
            aux.add(w);
          }
          continue;
        }
        if (AUXILIARY.test(w)) {
          const bare = w.replace(AUX_PREFIX, '').replace(AUX_SUFFIX, '');
          if (bare !== w && bare) {
            w = bare;
            isAux = true;
          }
        }
        if (w === '' || w === '等') continue;
        tokens.push(w);
        if (isAux) aux.add(w);
      }
    }
    if (roleBefore) {
      const role = words[words.length - 1].trim();
      tokens.push(role);
      aux.add(role);
    }
  }
  const names = [...new Set(tokens)];
  const runTogether: string[] = [];
  const odd: string[] = [];
  let count = 0;
  for (const n of names) {
    if (aux.has(n)) continue;
    if (HAN_ONLY.test(n) && n.length >= 5) {
      runTogether.push(n);
      count += 2;
    } else {
      if (!MINORITY.test(n) && !(HAN_ONLY.test(n) && n.length >= 2)) odd.push(n);
      count += 1;
    }
  }
  return { names, runTogether, odd, count, repeated: names.length < tokens.length, auxiliary: names.filter((n) => aux.has(n)) };
}

/**
 * One person's name as the roster matches it: half-width, without any space (a padded `张　伟`,
 * a stray NBSP or zero-width space), the minority-name dot written one way (`·`).
 */
export function personKey(name: string): string {
  return toHalfWidth(name.length > 60 ? name.slice(0, 60) : name)
    .replace(/[\s\u00a0\u3000\u200b\u200c\u200d\u2060\ufeff]+/g, '')
    .replace(/[•・.．\u00b7\u2027\u2219]/g, '·');
}

const NOT_AUX_BEFORE = /[原曾前非不]$/;

/** Text that marks a person as no 行政执法人员 (`协管员`, `辅警` …); `原协管员` (formerly) does not. */
export function marksAuxiliary(text: string): boolean {
  const re = new RegExp(AUXILIARY.source, 'g');
  for (let m = re.exec(text); m; m = re.exec(text)) if (!NOT_AUX_BEFORE.test(text.slice(Math.max(0, m.index - 1), m.index))) return true;
  return false;
}
