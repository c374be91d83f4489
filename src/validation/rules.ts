/*
 * Every rule, declared once as data (ID, severity, ledgers, source, message), by family (when
 * each fires, for the README table, is in rules-when.ts):
 * rules-common.ts (any field), rules-doc-no.ts (文号), rules-penalty.ts, rules-inspection.ts,
 * rules-coercion.ts, rules-reading.ts (what could not be read), rules-roster.ts (the 执法人员名单). The checks that fire them live in
 * the files of the same family names (the reading rules: fields.ts and workbook.ts).
 */
import { Kind } from '../ledger/columns';
import { COERCION_RULES } from './rules-coercion';
import { COMMON_RULES } from './rules-common';
import { DOC_NO_RULES } from './rules-doc-no';
import { INSPECTION_RULES } from './rules-inspection';
import { PENALTY_RULES } from './rules-penalty';
import { READING_RULES } from './rules-reading';
import { ROSTER_RULES } from './rules-roster';

export type Severity = 'error' | 'warning' | 'info';

/** How case reviewers (案卷评查) group what they find; the county's 通报 lists problems by these. */
export const REVIEW_GROUPS = ['主体', '事实证据', '程序', '依据', '文书', '期限'] as const;
export type ReviewGroup = (typeof REVIEW_GROUPS)[number];

/** What a rule's message is built from. `detail` says what is wrong in this cell. */
export interface MessageParams {
  /** The column's header as the sheet writes it, e.g. `结案时间` or `解除时间`. */
  column: string;
  /** The cell's value, quoted and shortened. */
  value: string;
  /** Specific finding, e.g. `只写到月份，缺少日`. */
  detail: string;
  /** The ledger the row belongs to. */
  kind: Kind;
  /** Another field's header as the sheet writes it (the official one when the sheet has no such column). */
  header(key: string): string;
}

export interface RuleDef {
  id: string;
  severity: Severity;
  kinds: readonly Kind[];
  /** Short Chinese name. */
  title: string;
  /** Legal or official source, or null. */
  source: string | null;
  /** The review group its findings belong to (`required`: by the empty column, see reviewGroup). */
  group: ReviewGroup;
  /** The Chinese message body: what is wrong and what to write instead. */
  message(p: MessageParams): string;
}

/** Every rule of the ledger specification §3 and those this project adds (README 「检查规则」). */
export const RULES = [...COMMON_RULES, ...DOC_NO_RULES, ...PENALTY_RULES, ...INSPECTION_RULES, ...COERCION_RULES, ...READING_RULES, ...ROSTER_RULES] as const;

export type RuleId = (typeof RULES)[number]['id'];

export const RULE_BY_ID: ReadonlyMap<string, RuleDef> = new Map(RULES.map((r) => [r.id, r as RuleDef]));

export function rule(id: RuleId): RuleDef {
  return RULE_BY_ID.get(id)!;
}

/** `required` belongs to the group of what is missing. */
const REQUIRED_BY_COLUMN: [RegExp, ReviewGroup][] = [
  [/执法人员|检查人员|复检人|复查人|办案人员|承办人/, '主体'],
  [/违法事实|相对人|当事人|隐患|整改措施|检查对象|检查方法/, '事实证据'],
  [/依据|处罚情况|强制类别|强制方式|处理结果/, '依据'],
];

/** The review group of an issue, from its rule and (for `required`) its column header. */
export function reviewGroup(ruleId: string, column = ''): ReviewGroup {
  if (ruleId === 'required') {
    for (const [re, g] of REQUIRED_BY_COLUMN) if (re.test(column)) return g;
  }
  return RULE_BY_ID.get(ruleId)?.group ?? '文书';
}

export const SEVERITY_LABEL: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };
