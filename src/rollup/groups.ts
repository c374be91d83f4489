/**
 * How case reviewers (案卷评查) group what they find: 主体, 事实证据, 程序, 依据, 文书, 期限.
 * Each rule ID of the checker is placed in one group; `required` by the column that is empty.
 */
export const REVIEW_GROUPS = ['主体', '事实证据', '程序', '依据', '文书', '期限'] as const;
export type ReviewGroup = (typeof REVIEW_GROUPS)[number];

/** What each group covers, for the 通报 and the docs. */
export const GROUP_SCOPE: Record<ReviewGroup, string> = {
  主体: '执法主体和执法人员（人数、职权）',
  事实证据: '当事人、违法事实、检查发现的隐患',
  程序: '调查、决定、复检、整改、收缴罚没款等程序',
  依据: '处罚种类和法律依据、强制措施的法定种类',
  文书: '文书号、日期、台账填写规范',
  期限: '复检、查封扣押、办案等期限',
};

const BY_RULE: Record<string, ReviewGroup> = {
  'persons-min-two': '主体',
  'persons-unseparated': '主体',
  'penalty-detention': '主体',
  'coercion-not-permitted': '主体',
  'hazard-count-invalid': '事实证据',
  'hazard-fields-unexpected': '事实证据',
  'rectify-owner-missing': '事实证据',
  'rectify-open': '程序',
  'rectify-unmarked': '程序',
  'rectify-both-marked': '程序',
  'recheck-before-inspection': '程序',
  'coercion-close-before-start': '程序',
  'case-dates-order': '程序',
  'receipt-missing': '程序',
  'on-the-spot-collection': '程序',
  'summary-procedure-limit': '程序',
  'basis-no-article': '依据',
  'basis-no-law': '依据',
  'penalty-type-unknown': '依据',
  'penalty-correction-only': '依据',
  'fine-amount-missing': '依据',
  'coercion-category-invalid': '依据',
  'coercion-measure-invalid': '依据',
  'recheck-overdue': '期限',
  'recheck-after-deadline': '期限',
  'coercion-term-exceeded': '期限',
  'decision-overdue': '期限',
};

/** `required` on these columns belongs to the group of what is missing. */
const REQUIRED_BY_COLUMN: [RegExp, ReviewGroup][] = [
  [/执法人员|检查人员|复检人|复查人|办案人员|承办人/, '主体'],
  [/违法事实|相对人|当事人|隐患|整改措施|检查对象|检查方法/, '事实证据'],
  [/依据|处罚情况|强制类别|强制方式|处理结果/, '依据'],
];

/** The review group of an issue (rule ID and column header); anything else is a matter of 文书. */
export function reviewGroup(rule: string, column = ''): ReviewGroup {
  if (rule === 'required') {
    for (const [re, g] of REQUIRED_BY_COLUMN) if (re.test(column)) return g;
    return '文书';
  }
  return BY_RULE[rule] ?? '文书';
}
