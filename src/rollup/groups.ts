/** What each review group (declared with every rule in src/validation/rules.ts) covers, for the 通报 and the docs. */
import type { ReviewGroup } from '../validation/rules';

export { REVIEW_GROUPS, reviewGroup } from '../validation/rules';
export type { ReviewGroup } from '../validation/rules';

export const GROUP_SCOPE: Record<ReviewGroup, string> = {
  主体: '执法主体和执法人员（人数、职权）',
  事实证据: '当事人、违法事实、检查发现的隐患',
  程序: '调查、决定、复检、整改、收缴罚没款等程序',
  依据: '处罚种类和法律依据、强制措施的法定种类',
  文书: '文书号、日期、台账填写规范',
  期限: '复检、查封扣押、办案等期限',
};
