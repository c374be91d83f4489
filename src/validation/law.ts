/** Legal vocabularies the rules read cell text against. */

/** 《行政处罚法》第九条 penalty kinds (as written in 处罚情况). */
export const PENALTY_TYPES: readonly string[] = [
  '警告',
  '通报批评',
  '罚款',
  '没收违法所得',
  '没收非法财物',
  '暂扣许可证件',
  '降低资质等级',
  '吊销许可证件',
  '限制开展生产经营活动',
  '责令停产停业',
  '责令停业',
  '责令停产',
  '责令关闭',
  '限制从业',
  '行政拘留',
];

/** 暂扣/吊销 of a named licence: 吊销营业执照, 暂扣驾驶证, 吊销食品经营许可证 … */
export const LICENCE_PENALTY = /(暂扣|吊销)[^，,；;。]{0,20}?(证|照|许可|资格|资质)/;

/** No penalty was imposed (《行政处罚法》第三十三条). */
export const NO_PENALTY = /(不予|免予)(行政)?处罚/;

export const DETENTION = /拘留/;

/** Money penalties that need an amount. */
export const MONEY_PENALTY = /罚款|没收违法所得/g;

/** 《行政强制法》第二条: the two categories, with their short forms. */
export const COERCION_CATEGORIES: Record<string, 'measure' | 'enforcement'> = {
  行政强制措施: 'measure',
  强制措施: 'measure',
  行政强制执行: 'enforcement',
  强制执行: 'enforcement',
};

/** 第九条 kinds of 行政强制措施. */
export const COERCIVE_MEASURES = /查封|扣押|冻结|限制.{0,4}人身自由|其他行政强制措施/;
/** 第十二条 kinds of 行政强制执行 (拆除 per 第四十四条). */
export const ENFORCEMENT_MEANS = /加处罚款|滞纳金|划拨|拍卖|依法处理|排除妨碍|恢复原状|代履行|拆除|其他强制执行/;

/** Measures a township may not take (第十条 法律保留, 第二十九条). */
export const NOT_PERMITTED: readonly { pattern: RegExp; label: string; article: string }[] = [
  { pattern: /限制.{0,4}人身自由/, label: '限制公民人身自由', article: '只能由法律设定（《行政强制法》第十条），' },
  { pattern: /冻结/, label: '冻结存款、汇款', article: '只能由法律规定的行政机关实施（《行政强制法》第二十九条），' },
];

/** 查封/扣押, whose term 第二十五条 limits. */
export const SEIZURE = /查封|扣押/;
export const EXTENDED = /延长/;
export const SEIZURE_DAYS = 30;
export const SEIZURE_DAYS_EXTENDED = 60;

/** A law or regulation named in 处罚依据. */
export const LAW_NAME = /《[^》]{1,60}》|[\u4e00-\u9fff]{2,30}(法|条例|规定|办法|细则|决定)/;
/** An article: 第十五条, 第124条. */
export const ARTICLE = /第\s?[0-9零〇一二两三四五六七八九十百千]{1,8}\s?条/;

/** Days an inspection's hazards must be rechecked within when 整改措施 names no deadline. */
export const DEFAULT_RECHECK_DAYS = 30;
