/** Legal vocabularies the rules read cell text against, and the laws' names. */

/** 处罚情况's vocabulary (《行政处罚法》第九条 kinds …) lives with its reader. */
export { CORRECTION, DETENTION, LICENCE_PENALTY, MONEY_PENALTY, NO_PENALTY, PENALTY_KINDS as PENALTY_TYPES, TRANSFER } from '../ledger/outcome';

export const LAW_PENALTY = '《中华人民共和国行政处罚法》';
export const LAW_COERCION = '《中华人民共和国行政强制法》';
export const LAW_CIVIL = '《中华人民共和国民法典》';

/** 《行政强制法》第二条: the two categories, with their short forms. */
export const COERCION_CATEGORIES: Record<string, 'measure' | 'enforcement'> = {
  行政强制措施: 'measure',
  强制措施: 'measure',
  行政强制执行: 'enforcement',
  强制执行: 'enforcement',
};

/** 第九条 kinds of 行政强制措施. */
export const COERCIVE_MEASURES = /查封|扣押|暂扣|冻结|限制.{0,4}人身自由|其他行政强制措施/;
/** 第十二条 kinds of 行政强制执行 (拆除 per 第四十四条). */
export const ENFORCEMENT_MEANS = /加处罚款|滞纳金|划拨|拍卖|依法处理|排除妨碍|恢复原状|代履行|代为|拆除|其他强制执行|申请(?:人民)?法院(?:强制)?执行|非诉执行/;

/** 强制类别 as written, with a note (`行政强制措施（扣押）`) or without 行政. */
export function coercionCategory(text: string): 'measure' | 'enforcement' | null {
  const m = /^(?:行政)?强制(措施|执行)(?:[(（][^)）]*[)）])?$/.exec(text);
  return m ? (m[1] === '措施' ? 'measure' : 'enforcement') : null;
}

/** Measures a township may not take itself. */
export const NOT_PERMITTED: readonly { pattern: RegExp; label: string; article: string }[] = [
  { pattern: /限制.{0,4}人身自由/, label: '限制公民人身自由', article: '只能由法律设定（《行政强制法》第十条），' },
  { pattern: /冻结/, label: '冻结存款、汇款', article: '只能由法律规定的行政机关实施（《行政强制法》第二十九条），' },
  { pattern: /划拨|划扣/, label: '划拨存款、汇款', article: '只能由法律规定的行政机关决定并书面通知金融机构（《行政强制法》第十三条、第四十七条），' },
];

/** 查封/扣押, whose term 第二十五条 limits. */
export const SEIZURE = /查封|扣押|暂扣/;
export const SEIZURE_DAYS = 30;
export const SEIZURE_DAYS_EXTENDED = 60;

/** An extension written in 备注 or 期限: `经批准延长30日`, but not `未申请延长`, `不予延长`, `延长申请未获批准`. */
export function extended(text: string): boolean {
  for (const m of text.matchAll(/延长/g)) {
    const at = m.index ?? 0;
    const before = text.slice(Math.max(0, at - 5), at).replace(/^.*[，,；;。]/, '');
    const after = text.slice(at + 2, at + 10);
    if (/[未不没无否]/.test(before)) continue;
    if (/^[^，,；;。]{0,4}?(?:未获|未被|未经|不予|没有|被驳回|未予)/.test(after)) continue;
    return true;
  }
  return false;
}

const NUM = '([0-9]{1,4}|[一二两三四五六七八九十百]{1,6})';
/** 第二十五条第三款: days of 检测、检验、检疫、技术鉴定, not counted in the term. */
export const EXCLUDED_PERIOD = new RegExp(`(?:检测|检验|检疫|鉴定)[^，,；;。]{0,12}?${NUM}\\s?个?\\s?(?:工作日|日|天)`, 'g');
const RANGE_FROM = '(?:(\\d{4})\\s?[年.\\/-]\\s?)?(\\d{1,2})\\s?[月.\\/-]\\s?(\\d{1,2})\\s?[日号]?';
const RANGE_TO = '(?:(\\d{4})\\s?[年.\\/-]\\s?)?(?:(\\d{1,2})\\s?[月.\\/-]\\s?)?(\\d{1,2})\\s?[日号]?';
/** The same days as a date range: `鉴定期间2023年9月8日至9月22日（共15日）`. */
export const EXCLUDED_RANGE = new RegExp(
  `((?:检测|检验|检疫|鉴定)[^，,；;。\\d]{0,12}?)${RANGE_FROM}\\s?(?:至|到|~|—|–|-)\\s?${RANGE_TO}(?:\\s?[(（]?\\s?共\\s?${NUM}\\s?个?\\s?(?:日|天)\\s?[)）]?)?`,
  'g',
);

/** 简易程序 (第五十一条) marked anywhere in the row, unless negated. */
export const SUMMARY_PROCEDURE = /简易程序|当场(?:作出)?(?:行政)?处罚/;
export const NOT_SUMMARY = /(?:不适用|未适用|非|不属于|不是)简易程序|普通程序|一般程序/;
/** 第五十一条: fines allowed on the spot. */
export const SUMMARY_FINE_CITIZEN = 200;
export const SUMMARY_FINE_ORGANISATION = 3000;
/** 当场收缴 (第六十八条、第六十九条). */
export const ON_THE_SPOT = /当场收缴|当场缴纳|现场收缴/;
export const ON_THE_SPOT_FINE = 100;
/** 第六十八条第二项, 第六十九条. */
export const ON_THE_SPOT_GROUNDS = /难以执行|边远|水上|交通不便/;

/** Notes that put 第六十条's ninety days aside (an extension, a suspension, a rule of its own). */
export const DECISION_TERM_ASIDE = /延长|中止|另有规定|听证|鉴定|检测|检验|公告送达|经批准/;
export const DECISION_DAYS = 90;

/** An article: 第十五条, 第124条. */
export const ARTICLE = /(?:第\s?[0-9零〇一二两三四五六七八九十百千]{1,8}|[0-9]{1,4})\s?条/;

export const GENERIC_STEM = /^(?:(?:依据|根据|按照|依照|违反了?|参照|适用|依|按|据|和|及|与|、)*)(?:(?:有关|相关|国家|上级|其他|其它|现行|等)+)?/;
export const GENERIC_NAME = /^(?:本|该|此|上述|前述|各|相应)?(?:法律|法规|行政法规|地方性法规|规章|政策|文件|法|条例|规定|办法|细则)+$/;

/**
 * Whether 处罚依据 names a real law or regulation: `《…》`, or a name ending in 法, 条例, 规定,
 * 办法 or 细则 (`食品安全法`); `相关法律法规`, `有关规定`, `本条例` name none.
 */
export function namesLaw(text: string): boolean {
  for (const m of text.matchAll(/《([^》]{1,60})》/g)) {
    if (!GENERIC_NAME.test(m[1].replace(GENERIC_STEM, ''))) return true;
  }
  for (const m of text.matchAll(/[\u4e00-\u9fff]{1,30}?(?:法(?![律规定人院])|条例|规定|办法|细则)/g)) {
    const name = m[0].replace(GENERIC_STEM, '');
    if (name.length >= 3 && !GENERIC_NAME.test(name)) return true;
  }
  return false;
}

/** 备注 saying why no receipt yet: not paid, paid in instalments or later (第六十六条), under review or in court. */
export const RECEIPT_PENDING = /未缴|尚未缴|未交|分期|延期缴纳|暂缓缴纳|复议|诉讼|起诉|法院|强制执行/;
/** 备注 naming what followed an unfinished rectification (立案查处, 责令限期整改, 移送, 移交, 已报…处理 …). */
export const FOLLOW_UP = /立案|查处|处罚|责令|限期|移送|移交|转交|转办|交由|交办|已报|上报|报请|提请|抄告|函告|通报|约谈|督办|再次|决定书|文号|〔\d{4}〕/;

/**
 * Signs in a penalty row (备注, 处罚情况, 票据号) that the case is still open, so 结案时间 is empty
 * on purpose: 尚未结案, 执行中, 分期缴纳 (第六十六条), 申请人民法院强制执行 (第七十二条), under review.
 */
const OPEN_CASE = /尚未结案|未结案|未办结|执行中|正在执行|履行中|分期(?:缴纳|缴款|付款|履行)|延期缴纳|暂缓缴纳|申请(?:人民)?法院(?:强制)?执行|申请强制执行|复议中|诉讼中|申请(?:行政)?复议|提起(?:行政)?诉讼|尚未缴纳|尚未缴清|未缴纳|未缴清|未履行|待执行|催缴|公告送达|听证中|未到期/g;
const NEGATION = /[未不没无非]/;

/** Whether text says the case is still open (`当事人未申请复议` says nothing). */
export function openSign(text: string): boolean {
  if (!text) return false;
  for (const m of text.matchAll(OPEN_CASE)) {
    const at = m.index ?? 0;
    if (/^[未尚]/.test(m[0]) || !NEGATION.test(text.charAt(at - 1))) return true;
  }
  return false;
}

/** A closing date written as the case being open: `尚未结案`, `执行中`, `未解除`, `分期缴纳中`. */
export const OPEN_DATE_TEXT = /^(?:(?:尚|暂|目前)?(?:未|没有)(?:结|办结|解除|执行|完结|缴|履行)|在办|办理中|执行中|正在执行|强制执行中|查封中|扣押中|进行中|分期|申请(?:人民)?法院|复议中|诉讼中)/;

/** 《行政强制法》第四十三条: enforcement at night or on a holiday only when 情况紧急. */
export const URGENT = /紧急/;
/** Means of enforcement that are no on-site act (a fee accruing, a court's enforcement). */
export const NOT_ON_SITE = /加处罚款|滞纳金|申请(?:人民)?法院|非诉执行|划拨/;
/** 夜间: 22:00 to 6:00 (minutes after midnight). */
export const NIGHT_FROM = 22 * 60;
export const NIGHT_TO = 6 * 60;

/** Days an inspection's hazards must be rechecked within when 整改措施 names no deadline. */
export const DEFAULT_RECHECK_DAYS = 30;
