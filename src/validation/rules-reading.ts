/*
 * What the tool could not read, said instead of guessed (issue 16): a formula whose result the
 * file does not hold, and rows with content that are read as no case. Declared like every rule.
 */
import { KINDS } from '../ledger/columns';
import type { RuleDef } from './rules';

export const READING_RULES = [
  {
    id: 'formula-no-result',
    group: '文书',
    severity: 'error',
    kinds: KINDS,
    title: '公式没有保存计算结果',
    when: '单元格是公式，但文件里没有保存它的计算结果（由不计算公式的软件生成、没有在 Excel 或 WPS 中保存过的文件），读不出内容（序号列除外：序号在报送时重新编号）',
    source: null,
    message: (p) => `单元格是公式 ${p.detail}，但文件里没有保存它的计算结果，读不出内容（文件可能是由其他软件生成的，还没有在 Excel 或 WPS 中保存过）。请用 Excel 或 WPS 打开这个文件，保存后再检查。`,
  },
  {
    id: 'rows-not-read',
    group: '文书',
    severity: 'warning',
    kinds: KINDS,
    title: '有内容的行没有作为案件读取',
    when: '表格中或表格下方有内容的行既不是案件（文号、案由、当事人、违法事实、日期、执法人员都没有），也不是合计、说明、月份分隔行或上一行的续行；或者台账下方另有一张表。每张工作表一条，列出这些行',
    source: null,
    message: (p) => `${p.detail}。`,
  },
] as const satisfies readonly RuleDef[];
