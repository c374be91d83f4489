/** Rules on any field of any ledger: empty, dates, placeholders, persons, error values, spacing. */
import { KINDS, Kind } from '../ledger/columns';
import { DATE_EXAMPLE } from '../ledger/dates';
import { LAW_COERCION, LAW_PENALTY } from './law';
import type { RuleDef } from './rules';

/** Why two officers, per ledger (the law that governs that kind of case). */
export const TWO_PERSONS: Record<Kind, string> = {
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
    source: '交司字〔2023〕65号 附件1–3 台账格式',
    message: (p) => `${p.detail || `「${p.column}」不能为空`}。请补填${p.column}。`,
  },
  {
    id: 'date-invalid',
    group: '文书',
    severity: 'error',
    kinds: KINDS,
    title: '日期无法识别',
    source: null,
    message: (p) => `${p.detail}。请填写一个确切日期，如 ${DATE_EXAMPLE}。`,
  },
  {
    id: 'date-two-digit-year',
    group: '文书',
    severity: 'warning',
    kinds: KINDS,
    title: '两位数年份',
    source: null,
    message: (p) => `${p.value}的年份只有两位，已按${p.detail}读取。请写全四位年份，如 ${DATE_EXAMPLE}。`,
  },
  {
    id: 'date-future',
    group: '文书',
    severity: 'error',
    kinds: KINDS,
    title: '日期晚于今天',
    source: null,
    message: (p) => `${p.value}晚于今天（${p.detail}），不可能已经发生。请核对并填写实际日期。`,
  },
  {
    id: 'date-too-old',
    group: '文书',
    severity: 'warning',
    kinds: KINDS,
    title: '日期过早',
    source: null,
    message: (p) => `${p.value}早于2015年，可能是录入错误。请核对年份。`,
  },
  {
    id: 'date-remark',
    group: '文书',
    severity: 'info',
    kinds: KINDS,
    title: '日期栏带有说明',
    source: null,
    message: (p) => `${p.value}中除日期外还写了“${p.detail}”，已按日期读取。请把说明写到「${p.header('remarks')}」中，本栏只写日期。`,
  },
  {
    id: 'placeholder',
    group: '文书',
    severity: 'error',
    kinds: KINDS,
    title: '模板占位符未替换',
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
    source: `${LAW_PENALTY}第四十二条（处罚、检查）；${LAW_COERCION}第十八条（强制）`,
    message: (p) => `${p.value}${p.detail}，${TWO_PERSONS[p.kind]}。请填写全部${p.column}姓名，用顿号分隔，如“王明、李强”。`,
  },
  {
    id: 'persons-auxiliary',
    group: '主体',
    severity: 'error',
    kinds: KINDS,
    title: '协管员等不算执法人员',
    source: `${LAW_PENALTY}第四十二条（处罚、检查）；${LAW_COERCION}第十七条第三款、第十八条（强制）；交司字〔2023〕65号 三（八）`,
    message: (p) =>
      `${p.value}中${p.detail}。${TWO_PERSONS[p.kind]}，协管员、辅警、网格员等辅助人员不算。请填写两名以上持证执法人员，辅助人员写在「${p.header('remarks')}」中。`,
  },
  {
    id: 'persons-unseparated',
    group: '主体',
    severity: 'warning',
    kinds: KINDS,
    title: '人名未分隔',
    source: null,
    message: (p) => `${p.value}${p.detail ? `中“${p.detail}”` : ''}像是几个姓名连在一起。请用顿号分隔，如“张三、李四”。`,
  },
  {
    id: 'cell-error',
    group: '文书',
    severity: 'error',
    kinds: KINDS,
    title: '单元格错误值',
    source: null,
    message: (p) => `单元格是错误值 ${p.detail}，不是数据。请检查公式，或直接填写内容。`,
  },
  {
    id: 'whitespace',
    group: '文书',
    severity: 'info',
    kinds: KINDS,
    title: '多余空白',
    source: null,
    message: (p) => `${p.value}${p.detail}。请删去多余的空白。`,
  },
] as const satisfies readonly RuleDef[];
