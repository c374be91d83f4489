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
    source: null,
    message: (p) => `单元格是公式 ${p.detail}，但文件里没有保存它的计算结果，读不出内容（文件可能是由其他软件生成的，还没有在 Excel 或 WPS 中保存过）。请用 Excel 或 WPS 打开这个文件，保存后再检查。`,
  },
  {
    id: 'rows-not-read',
    group: '文书',
    severity: 'warning',
    kinds: KINDS,
    title: '有内容的行没有作为案件读取',
    source: null,
    message: (p) => `${p.detail}。`,
  },
] as const satisfies readonly RuleDef[];
