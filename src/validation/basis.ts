/*
 * 处罚依据 that rests on a 规范性文件 only. 《行政处罚法》第十六条: besides laws, 法规 and 规章, no
 * normative document may set a penalty (void under 第三十八条). 规章 are made only by the State
 * Council's departments and by the governments of provinces, 设区的市 and 自治州 (《立法法》), so a
 * national …办法 is a 规章 and a county's is not. Decided from what can be told for sure: a document
 * number (`交政办发〔2022〕5号`), a name that opens with a county, township or town (`交城县…办法`),
 * an issuer that is one (`交城县人民政府《关于…的通知》`), or a notice-like name (`关于…的通知`).
 * Anything else cited — any law, 条例, a province's or city's 办法, an unknown name — clears it.
 */
import { toHalfWidth } from '../ledger/text';
import { GENERIC_NAME, GENERIC_STEM } from './law';

/** A 发文字号: `交政办发〔2022〕5号`, `晋政发[2020]3号` (regulations carry a 令 number instead). */
const DOC_NUMBER = /[\u4e00-\u9fff]{0,10}(?:发|字|函|规|办)\s?[〔[【(（]\s?(?:19|20)\d{2}\s?[〕\]】)）]\s?第?\s?\d{1,5}\s?号/g;
/** Names that open with a county-level or lower place (`交城县`, `天宁镇`, `城关街道`). */
const LOCAL_NAME = /^([\u4e00-\u9fff]{1,5}?)(县|旗|乡|镇|街道)(?!级|域)/;
/** Words that end in 县, 乡 or 镇 without being a place: 城镇, 乡镇, 小城镇, 特色小镇 …. */
const NOT_A_PLACE = /^(?:城|乡|村|集|县|镇|市|区|州|旗|小城|小|古|名|建制|重点|中心|特色|特色小|美丽|新型|农村|城市)$/;
/** A local government issuing a document named right after it: `交城县人民政府《…》`. */
const LOCAL_ISSUER = /[\u4e00-\u9fff]{1,6}(?:县|旗|乡|镇|街道)(?:人民)?(?:政府|办事处)(?:办公室)?(?:印发的?|制定的?|发布的?|关于)?$/;
/** Notice-like documents: no law, 法规 or 规章 is named so. */
const NOTICE_NAME = /^关于[\u4e00-\u9fff\s、，,“”"]{2,50}的(?:通知|意见|实施意见|实施方案|工作方案|方案|批复|函|纪要|通告|公告)$/;
/** `第十条`, `第二款`: cut out, so that `第十条规定` is no name. */
const ARTICLE_REF = /第\s?[0-9零〇一二两三四五六七八九十百千]{1,8}\s?[条款项目]/g;
/** Laws and 条例 (a 自治县's 单行条例 is a 法规); `…办法` is none. */
const LAW_NAME = /(?:[^办]法|条例)$/;

function localName(name: string): boolean {
  const m = LOCAL_NAME.exec(name);
  return !!m && !NOT_A_PLACE.test(m[1]) && !/[省市国州区]/.test(m[1]) && !LAW_NAME.test(name);
}

/**
 * The 规范性文件 a 处罚依据 rests on, when it rests on nothing else (quoted as written), or null:
 * null whenever it also cites a law, 法规 or 规章, or a document that cannot be told.
 */
export function normativeBasis(raw: string): string | null {
  const text = toHalfWidth(raw);
  let found: string | null = null;
  let other = false;
  let rest = text;
  for (const m of text.matchAll(/《([^》]{1,60})》/g)) {
    const name = m[1].replace(/[\s\u3000]/g, '');
    const before = text.slice(Math.max(0, (m.index ?? 0) - 20), m.index ?? 0).replace(/\s/g, '');
    if (localName(name) || NOTICE_NAME.test(name) || (LOCAL_ISSUER.test(before) && !LAW_NAME.test(name))) found ??= `《${m[1]}》`;
    else if (!GENERIC_NAME.test(name.replace(GENERIC_STEM, ''))) other = true;
  }
  if (other) return null;
  rest = rest.replace(/《[^》]{1,60}》/g, '，');
  for (const m of rest.matchAll(DOC_NUMBER)) found ??= m[0].replace(/^(?:依据|根据|按照|依照|参照)/, '');
  rest = rest.replace(DOC_NUMBER, '，').replace(ARTICLE_REF, '，');
  for (const m of rest.matchAll(/[\u4e00-\u9fff]{1,30}?(?:法(?![律规定人院])|条例|规定|办法|细则|方案|通知)/g)) {
    const name = m[0].replace(GENERIC_STEM, '').replace(/^[的之中与和及、]+/, '');
    if (name.length < 3 || GENERIC_NAME.test(name)) continue;
    if (localName(name)) found ??= name;
    else if (/(?:法|条例|规定|办法|细则)$/.test(name)) return null;
  }
  return found;
}
