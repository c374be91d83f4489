/** Rules of the 行政检查 ledger: hazards, rectification, re-inspection and its deadline. */
import { LAW_CIVIL } from './law';
import type { RuleDef } from './rules';

const I = ['inspection'] as const;

export const INSPECTION_RULES = [
  {
    id: 'hazard-count-invalid',
    severity: 'error',
    kinds: I,
    title: '隐患数无效',
    when: '发现隐患数不是不小于0的整数',
    source: null,
    message: (p) => `${p.value}不是有效的隐患数${p.detail}。请填写一个整数，没有隐患填 0。`,
  },
  {
    id: 'hazard-count-normalize',
    severity: 'info',
    kinds: I,
    title: '隐患数写法',
    when: '隐患数带单位或用汉字（如“1处”“一”），按数字读取',
    source: null,
    message: (p) => `${p.value}已按 ${p.detail} 读取。请只填写数字 ${p.detail}。`,
  },
  {
    id: 'rectify-owner-missing',
    severity: 'warning',
    kinds: I,
    title: '缺少整改责任人',
    when: '有隐患但没有整改责任人（空白或写了“/”“无”）',
    source: '交司字〔2023〕65号 附件2',
    message: (p) => `${p.detail || `发现了隐患，但没有填写${p.column}`}。请填写负责整改的人员姓名。`,
  },
  {
    id: 'hazard-fields-unexpected',
    severity: 'warning',
    kinds: I,
    title: '无隐患却填了整改信息',
    when: '隐患数为0，但填写了隐患内容、整改措施、整改结果或复检（“/”“无”“不涉及”等不适用标记不算）',
    source: null,
    message: (p) =>
      `「${p.header('hazardCount')}」为 0，但${p.detail}已填写。请核对：有隐患的把隐患数改为实际数目，没有隐患的清空这些栏目（或写“/”）。`,
  },
  {
    id: 'rectify-both-marked',
    severity: 'error',
    kinds: I,
    title: '已完成和未完成都打了勾',
    when: '整改结果“已完成”和“未完成”同时标记',
    source: null,
    message: (p) => `「${p.header('rectifyDone')}」和「${p.header('rectifyOpen')}」都打了勾。请只在其中一栏打“√”。`,
  },
  {
    id: 'rectify-unmarked',
    severity: 'error',
    kinds: I,
    title: '复检后未标整改结果',
    when: '已填复检日期，但“已完成”“未完成”都没有标记',
    source: null,
    message: (p) => `已经复检，但「${p.header('rectifyDone')}」「${p.header('rectifyOpen')}」都没有标记。请在相应一栏打“√”。`,
  },
  {
    id: 'recheck-before-inspection',
    severity: 'error',
    kinds: I,
    title: '复检早于检查',
    when: '复检日期早于检查时间',
    source: null,
    message: (p) => `${p.column}${p.value}早于「${p.header('inspectedOn')}」（${p.detail}）。请核对两个日期。`,
  },
  {
    id: 'recheck-overdue',
    severity: 'warning',
    kinds: I,
    title: '逾期未复检',
    when: '待复检，且已过整改措施中写明的期限（“N个工作日内”按含调休的工作日计算；“N日/天内”“N周内”“N个月内”自检查次日起算，期满日是法定休假日的顺延至其后第一个工作日；写了几个期限的按最晚的整改完成期限）；未写期限的，检查后30日',
    source: `交司字〔2023〕65号 一（五）督促落实整改措施；${LAW_CIVIL}第二百零一条至第二百零三条`,
    message: (p) =>
      `整改期限${p.detail}已过，仍未复检。请尽快复检，并填写${p.column}、「${p.header('rechecker')}」和整改结果。`,
  },
  {
    id: 'recheck-after-deadline',
    severity: 'info',
    kinds: I,
    title: '复检晚于整改期限',
    when: '复检日期晚于整改措施中写明的期限（期限的算法同上）',
    source: null,
    message: (p) => `${p.column}${p.value}晚于整改期限${p.detail}。如属实可不改；今后请按期复检。`,
  },
  {
    id: 'rectify-open',
    severity: 'warning',
    kinds: I,
    title: '复检未完成整改',
    when: '已复检但整改未完成，备注中也没有写明后续处理（立案查处、责令限期整改、移送等）：不得罚而不管',
    source: '交司字〔2023〕65号 一（五）严禁以罚代管、罚而不管',
    message: (p) =>
      `复检时整改未完成。应依法立案查处或再次责令限期整改，不得“罚而不管”；请在「${p.header('remarks')}」中写明后续处理（如立案文号）。`,
  },
  {
    id: 'mark-normalize',
    severity: 'info',
    kinds: I,
    title: '标记写法',
    when: '整改结果用了“√”以外的标记',
    source: '交司字〔2023〕65号 附件2 样表',
    message: (p) => `${p.value}${p.detail}。请统一写“√”。`,
  },
] as const satisfies readonly RuleDef[];
