/** Rules on document numbers (文号): presence, form per GB/T 9704-2012, year, uniqueness. */
import { KINDS } from '../ledger/columns';
import type { RuleDef } from './rules';

const GBT9704 = 'GB/T 9704-2012《党政机关公文格式》7.2.5 发文字号';

export const DOC_NO_RULES = [
  {
    id: 'doc-no-missing',
    group: '文书',
    severity: 'warning',
    kinds: ['inspection'],
    title: '缺少检查文书号',
    source: '交司字〔2023〕65号 附件2',
    message: (p) => `${p.column}为空。请填写现场检查笔录或检查通知书的文号，如“某综执检〔2023〕12号”。`,
  },
  {
    id: 'doc-no-format',
    group: '文书',
    severity: 'warning',
    kinds: KINDS,
    title: '文号不规范',
    source: GBT9704,
    message: (p) => `文号${p.value}${p.detail}。文号应由机关代字、年份和顺序号组成，如“天综执罚决〔2023〕12号”。`,
  },
  {
    id: 'doc-no-brackets',
    group: '文书',
    severity: 'info',
    kinds: KINDS,
    title: '文号年份括号不规范',
    source: GBT9704,
    message: (p) => `文号${p.value}的年份应当用六角括号“〔〕”括入。请写作“${p.detail}”。`,
  },
  {
    id: 'doc-no-year-future',
    group: '文书',
    severity: 'warning',
    kinds: KINDS,
    title: '文号年份晚于今年',
    source: GBT9704,
    message: (p) =>
      `文号${p.value}的年份${p.detail}。文号中的年份是作出文书的年份，不会晚于今年。请对照文书核对年份；如果文书上印的就是这个年份，请在「${p.header('remarks')}」中说明。`,
  },
  {
    id: 'duplicate-doc-no',
    group: '文书',
    severity: 'error',
    kinds: KINDS,
    title: '文号重复',
    source: null,
    message: (p) => `文号${p.value}已在${p.detail}使用过。一个文号只能对应一个案件，请核对文号。`,
  },
  {
    id: 'doc-no-year-after-close',
    group: '文书',
    severity: 'warning',
    kinds: ['penalty'],
    title: '文号年份晚于结案年份',
    source: null,
    message: (p) => `决定书文号${p.value}的年份${p.detail}。请核对文号年份或${p.header('closedOn')}。`,
  },
] as const satisfies readonly RuleDef[];
