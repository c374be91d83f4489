/** Rules of the 行政检查 ledger: hazards, rectification, re-inspection and its deadline. */
import { LAW_CIVIL } from './law';
import type { RuleDef } from './rules';

const I = ['inspection'] as const;

export const INSPECTION_RULES = [
  {
    id: 'hazard-count-invalid',
    group: '事实证据',
    severity: 'error',
    kinds: I,
    title: '隐患数无效',
    source: null,
    message: (p) => `${p.value}不是有效的隐患数${p.detail}。请填写一个整数，没有隐患填 0。`,
  },
  {
    id: 'hazard-count-normalize',
    group: '文书',
    severity: 'info',
    kinds: I,
    title: '隐患数写法',
    source: null,
    message: (p) => `${p.value}已按 ${p.detail} 读取。请只填写数字 ${p.detail}。`,
  },
  {
    id: 'rectify-owner-missing',
    group: '事实证据',
    severity: 'warning',
    kinds: I,
    title: '缺少整改责任人',
    source: '交司字〔2023〕65号 附件2',
    message: (p) => `${p.detail || `发现了隐患，但没有填写${p.column}`}。请填写负责整改的人员姓名。`,
  },
  {
    id: 'hazard-fields-unexpected',
    group: '事实证据',
    severity: 'warning',
    kinds: I,
    title: '无隐患却填了整改信息',
    source: null,
    message: (p) =>
      `「${p.header('hazardCount')}」为 0，但${p.detail}已填写。请核对：有隐患的把隐患数改为实际数目，没有隐患的清空这些栏目（或写“/”）。`,
  },
  {
    id: 'rectify-both-marked',
    group: '程序',
    severity: 'error',
    kinds: I,
    title: '已完成和未完成都打了勾',
    source: null,
    message: (p) => `「${p.header('rectifyDone')}」和「${p.header('rectifyOpen')}」都打了勾。请只在其中一栏打“√”。`,
  },
  {
    id: 'rectify-unmarked',
    group: '程序',
    severity: 'error',
    kinds: I,
    title: '复检后未标整改结果',
    source: null,
    message: (p) => `已经复检，但「${p.header('rectifyDone')}」「${p.header('rectifyOpen')}」都没有标记。请在相应一栏打“√”。`,
  },
  {
    id: 'recheck-before-inspection',
    group: '程序',
    severity: 'error',
    kinds: I,
    title: '复检早于检查',
    source: null,
    message: (p) => `${p.column}${p.value}早于「${p.header('inspectedOn')}」（${p.detail}）。请核对两个日期。`,
  },
  {
    id: 'recheck-overdue',
    group: '期限',
    severity: 'warning',
    kinds: I,
    title: '逾期未复检',
    source: `交司字〔2023〕65号 一（五）督促落实整改措施；${LAW_CIVIL}第二百零一条至第二百零三条`,
    message: (p) =>
      `整改期限${p.detail}已过，仍未复检。请尽快复检，并填写${p.column}、「${p.header('rechecker')}」和整改结果。`,
  },
  {
    id: 'recheck-after-deadline',
    group: '期限',
    severity: 'info',
    kinds: I,
    title: '复检晚于整改期限',
    source: null,
    message: (p) => `${p.column}${p.value}晚于整改期限${p.detail}。如属实可不改；今后请按期复检。`,
  },
  {
    id: 'rectify-open',
    group: '程序',
    severity: 'warning',
    kinds: I,
    title: '复检未完成整改',
    source: '交司字〔2023〕65号 一（五）严禁以罚代管、罚而不管',
    message: (p) =>
      `复检时整改未完成。应依法立案查处或再次责令限期整改，不得“罚而不管”；请在「${p.header('remarks')}」中写明后续处理（如立案文号）。`,
  },
  {
    id: 'mark-normalize',
    group: '文书',
    severity: 'info',
    kinds: I,
    title: '标记写法',
    source: '交司字〔2023〕65号 附件2 样表',
    message: (p) => `${p.value}${p.detail}。请统一写“√”。`,
  },
] as const satisfies readonly RuleDef[];
