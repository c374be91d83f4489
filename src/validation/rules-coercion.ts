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
    source: `${LAW_COERCION}第二条`,
    message: (p) => `${p.value}不是法定的强制类别。请填写“行政强制措施”或“行政强制执行”（${LAW_COERCION}第二条）。`,
  },
  {
    id: 'coercion-measure-invalid',
    group: '依据',
    severity: 'warning',
    kinds: C,
    title: '强制方式与类别不符',
    source: `${LAW_COERCION}第九条、第十二条`,
    message: (p) => `${p.value}${p.detail}`,
  },
  {
    id: 'coercion-not-permitted',
    group: '主体',
    severity: 'error',
    kinds: C,
    title: '乡镇无权实施的强制',
    source: `${LAW_COERCION}第十条、第十三条、第二十九条、第四十七条`,
    message: (p) => `${p.value}：${p.detail}乡镇不能实施。请核对${p.column}；如确有此案，应由有权机关办理，不列入本台账。`,
  },
  {
    id: 'coercion-term-exceeded',
    group: '期限',
    severity: 'warning',
    kinds: C,
    title: '查封扣押超期',
    source: `${LAW_COERCION}第二十五条；《中华人民共和国民法典》第二百零一条、第二百零三条`,
    message: (p) => p.detail,
  },
  {
    id: 'coercion-night-holiday',
    group: '程序',
    severity: 'warning',
    kinds: C,
    title: '夜间或节假日强制执行',
    source: `${LAW_COERCION}第四十三条第一款`,
    message: (p) =>
      `${p.detail}。不得在夜间或者法定节假日实施行政强制执行，情况紧急的除外（${LAW_COERCION}第四十三条第一款）。请核对；情况紧急的请在「${p.header('remarks')}」中写明。`,
  },
  {
    id: 'coercion-close-before-start',
    group: '程序',
    severity: 'error',
    kinds: C,
    title: '结案早于实施',
    source: null,
    message: (p) => `${p.column}${p.value}早于「${p.header('startedOn')}」（${p.detail}）。请核对两个日期。`,
  },
] as const satisfies readonly RuleDef[];
