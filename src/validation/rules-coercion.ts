/** Rules of the 行政强制 ledger: category and measure, who may take it, the 查封/扣押 term, dates. */
import { LAW_COERCION } from './law';
import type { RuleDef } from './rules';

const C = ['coercion'] as const;

export const COERCION_RULES = [
  {
    id: 'coercion-category-invalid',
    group: '依据',
    severity: 'error',
    kinds: C,
    title: '强制类别无效',
    when: '强制类别既不是行政强制措施，也不是行政强制执行',
    source: `${LAW_COERCION}第二条`,
    message: (p) => `${p.value}不是法定的强制类别。请填写“行政强制措施”或“行政强制执行”（${LAW_COERCION}第二条）。`,
  },
  {
    id: 'coercion-measure-invalid',
    group: '依据',
    severity: 'warning',
    kinds: C,
    title: '强制方式与类别不符',
    when: '强制方式不是该类别的法定种类（《行政强制法》第九条、第十二条）',
    source: `${LAW_COERCION}第九条、第十二条`,
    message: (p) => `${p.value}${p.detail}`,
  },
  {
    id: 'coercion-not-permitted',
    group: '主体',
    severity: 'error',
    kinds: C,
    title: '乡镇无权实施的强制',
    when: '限制人身自由；冻结存款、汇款；划拨存款、汇款（只能由法律规定的机关实施或决定）。拍卖已查封、扣押的财物抵缴罚款不在此列（第四十六条第三款）',
    source: `${LAW_COERCION}第十条、第十三条、第二十九条、第四十七条`,
    message: (p) => `${p.value}：${p.detail}乡镇不能实施。请核对${p.column}；如确有此案，应由有权机关办理，不列入本台账。`,
  },
  {
    id: 'coercion-term-exceeded',
    group: '期限',
    severity: 'warning',
    kinds: C,
    title: '查封扣押超期',
    when: '查封、扣押（行政强制措施）超过30日，备注写明经批准延长的超过60日；检测、检验、检疫、技术鉴定的期间不计入（写明天数的按天数，写成日期范围如“鉴定期间2023年9月8日至9月22日”的按首尾两天都算的实际天数）；期满日是法定休假日的顺延至其后第一个工作日。“未申请延长”“不予延长”不算延长',
    source: `${LAW_COERCION}第二十五条；《中华人民共和国民法典》第二百零一条、第二百零三条`,
    message: (p) => p.detail,
  },
  {
    id: 'coercion-night-holiday',
    group: '程序',
    severity: 'warning',
    kinds: C,
    title: '夜间或节假日强制执行',
    when: '行政强制执行的实施时间在法定节假日（国家放假安排中的假期），或写明的时刻在夜间（22时至次日6时），本行没有写明情况紧急。只写日期、没写时刻的不按夜间判断；周末不算；加处罚款、滞纳金和申请人民法院强制执行不在此列',
    source: `${LAW_COERCION}第四十三条第一款`,
    message: (p) =>
      `${p.detail}。行政机关不得在夜间或者法定节假日实施行政强制执行，情况紧急的除外（${LAW_COERCION}第四十三条第一款）。请核对「${p.column}」；确属情况紧急的，请在「${p.header('remarks')}」中写明。`,
  },
  {
    id: 'coercion-close-before-start',
    group: '程序',
    severity: 'error',
    kinds: C,
    title: '结案早于实施',
    when: '结案时间早于实施时间',
    source: null,
    message: (p) => `${p.column}${p.value}早于「${p.header('startedOn')}」（${p.detail}）。请核对两个日期。`,
  },
] as const satisfies readonly RuleDef[];
