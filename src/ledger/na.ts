import { CellValue } from './cell';

/**
 * "Does not apply" as Chinese forms write it in a field that has nothing to say: a slash, a dash,
 * 无, 不涉及, 不适用, 暂无 — alone, with spaces around.
 */
const NOT_APPLICABLE = /^[\s\u00a0\u3000]*(?:[/／\\＼]|[-－—–―‐─~～]{1,4}|无|不涉及|不适用|暂无|N\/?A|n\/?a)[\s\u00a0\u3000]*$/;
/** Characters such a mark can start with (most cells start with none: no regex for them). */
const FIRST = new Set([...' \t\r\n\u00a0\u3000/／\\＼-－—–―‐─~～无不暂Nn'].map((c) => c.charCodeAt(0)));

/** A cell holding a not-applicable mark (see NOT_APPLICABLE). */
export function isNotApplicable(v: CellValue): boolean {
  return typeof v === 'string' && v.length <= 12 && v.length > 0 && FIRST.has(v.charCodeAt(0)) && NOT_APPLICABLE.test(v);
}
