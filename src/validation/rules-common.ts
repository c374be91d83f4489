/** Rules on any field of any ledger: empty, dates, placeholders, persons, error values, spacing. */
import { KINDS, Kind } from '../ledger/columns';
import { DATE_EXAMPLE } from '../ledger/dates';
import { LAW_COERCION, LAW_PENALTY } from './law';
import type { RuleDef } from './rules';

/** Why two officers, per ledger (the law that governs that kind of case). */
const TWO_PERSONS: Record<Kind, string> = {
  penalty: `执法人员不得少于两人（${LAW_PENALTY}第四十二条）`,
  inspection: `检查、复检的执法人员不得少于两人（${LAW_PENALTY}第四十二条）`,
  coercion: `行政强制措施应当由两名以上行政执法人员实施（${LAW_COERCION}第十八条）`,
};

export const COMMON_RULES = [
  {
    id: 'required',
    group: '文书',
    severity: 'error',
    kinds: KINDS,
    title: '必填项为空',
    when: '必填字段为空，或写了“/”“无”等不适用标记（含条件必填：有隐患时的隐患内容、整改措施，复检后的复检人，强制结案后的处理结果）',
    source: '交司字〔2023〕65号 附件1–3 台账格式',
    message: (p) => `${p.detail || `「${p.column}」不能为空`}。请补填${p.column}。`,
  },
  {
    id: 'date-invalid',
    group: '文书',
    severity: 'error',
    kinds: KINDS,
    title: '日期无法识别',
    when: '日期字段不能读成一个确切日期（不存在的日期、只写到月、缺年份、日期范围、超出2000–2099年的序列号）',
    source: null,
    message: (p) => `${p.detail}。请填写一个确切日期，如 ${DATE_EXAMPLE}。`,
  },
  {
    id: 'date-two-digit-year',
    group: '文书',
    severity: 'warning',
    kinds: KINDS,
    title: '两位数年份',
    when: '年份只写了两位（如 23.8.11），按 20xx 年读取',
    source: null,
    message: (p) => `${p.value}的年份只有两位，已按${p.detail}读取。请写全四位年份，如 ${DATE_EXAMPLE}。`,
  },
  {
    id: 'date-future',
    group: '文书',
    severity: 'error',
    kinds: KINDS,
    title: '日期晚于今天',
    when: '日期晚于今天',
    source: null,
    message: (p) => `${p.value}晚于今天（${p.detail}），不可能已经发生。请核对并填写实际日期。`,
  },
  {
    id: 'date-too-old',
    group: '文书',
    severity: 'warning',
    kinds: KINDS,
    title: '日期过早',
    when: '日期早于2015年1月1日',
    source: null,
    message: (p) => `${p.value}早于2015年，可能是录入错误。请核对年份。`,
  },
  {
    id: 'placeholder',
    group: '文书',
    severity: 'error',
    kinds: KINDS,
    title: '模板占位符未替换',
    when: '留有模板占位符：XX、xx、ＸＸ、第X条、姓+X（王X）、XX元、XX年XX月XX日（同一单元格不再另报日期、金额、条款问题）',
    source: '交司字〔2023〕65号 附件台账样表',
    message: (p) =>
      `${p.value === `“${p.detail}”` ? `${p.value}是模板占位符` : `${p.value}中还留着模板占位符“${p.detail}”`}。请改为实际内容（当事人名称、日期、金额、条款号、人员姓名）。`,
  },
  {
    id: 'persons-min-two',
    group: '主体',
    severity: 'error',
    kinds: KINDS,
    title: '执法人员不足两人',
    when: '执法人员／检查人员少于两人；已复检的，复检人少于两人（同一人写两次算一人）',
    source: `${LAW_PENALTY}第四十二条（处罚、检查）；${LAW_COERCION}第十八条（强制）`,
    message: (p) => `${p.value}${p.detail}，${TWO_PERSONS[p.kind]}。请填写全部${p.column}姓名，用顿号分隔，如“王明、李强”。`,
  },
  {
    id: 'persons-unseparated',
    group: '主体',
    severity: 'warning',
    kinds: KINDS,
    title: '人名未分隔',
    when: '多个姓名连写，没有分隔符（如“王小明李小红”）',
    source: null,
    message: (p) => `${p.value}${p.detail ? `中“${p.detail}”` : ''}像是几个姓名连在一起。请用顿号分隔，如“张三、李四”。`,
  },
  {
    id: 'cell-error',
    group: '文书',
    severity: 'error',
    kinds: KINDS,
    title: '单元格错误值',
    when: '单元格是 Excel 错误值（#N/A、#VALUE!、#REF! 等）',
    source: null,
    message: (p) => `单元格是错误值 ${p.detail}，不是数据。请检查公式，或直接填写内容。`,
  },
  {
    id: 'whitespace',
    group: '文书',
    severity: 'info',
    kinds: KINDS,
    title: '多余空白',
    when: '首尾空格、连续空格、全角空格，或短字段中的换行（人名中的空格、换行不算）',
    source: null,
    message: (p) => `${p.value}${p.detail}。请删去多余的空白。`,
  },
] as const satisfies readonly RuleDef[];
