/** What the analysis of one cell value yields, before it is placed in a sheet. */
import { CountParse } from '../ledger/count';
import { IsoDate } from '../ledger/dates';
import { DocNoParse } from '../ledger/docno';
import { MarkParse } from '../ledger/marks';
import { OutcomeParse } from '../ledger/outcome';
import { PersonsParse } from '../ledger/persons';
import type { RuleId } from './rules';

/** A finding's detail; a function when it names columns (it gets the sheet's own headers). */
export type Detail = string | ((header: (key: string) => string) => string);

/** A rule finding on one cell value. The message is written when it is placed in a sheet. */
export interface Finding {
  rule: RuleId;
  detail: Detail;
  /** The text the message quotes. */
  value: string;
}

/** What one cell value means for one column: parsed value and the single-cell rules' findings. */
export interface FieldAnalysis {
  /** Nothing written, or a not-applicable mark (`/`, `无` …). */
  blank: boolean;
  /** A not-applicable mark. */
  na: boolean;
  error: boolean;
  /** A template placeholder is left in (its other rules stay quiet: one cell, one problem). */
  placeholder: boolean;
  /** A closing date written as `尚未结案`, `执行中` …: the case is open. */
  open: boolean;
  /** The text as written (trimmed); dates as `2023年10月9日`. */
  full: string;
  /** `full` cut to what rules read (real cells are short; keeps every regex linear on huge text). */
  text: string;
  date: IsoDate | null;
  persons: PersonsParse | null;
  count: CountParse | null;
  mark: MarkParse | null;
  docNo: DocNoParse | null;
  /** 处罚情况 */
  outcome: OutcomeParse | null;
  /** 强制类别 */
  category: 'measure' | 'enforcement' | null;
  findings: readonly Finding[];
  /** Findings the row's rules decide about (a 复检人 matters only once rechecked). */
  deferred: readonly Finding[];
}

export const MAX_RULE_TEXT = 2000;
export const NO_FINDINGS: readonly Finding[] = Object.freeze([]);

export function newAnalysis(blank: boolean, error: boolean): FieldAnalysis {
  return { blank, na: false, error, placeholder: false, open: false, full: '', text: '', date: null, persons: null, count: null, mark: null, docNo: null, outcome: null, category: null, findings: NO_FINDINGS, deferred: NO_FINDINGS };
}

export function addFinding(a: FieldAnalysis, rule: RuleId, value: string, detail: Detail = ''): void {
  if (a.findings === NO_FINDINGS) a.findings = [];
  (a.findings as Finding[]).push({ rule, detail, value });
}

/** A non-empty value with nothing to report (its text is not kept: see KindMemo.get). */
export const PLAIN: FieldAnalysis = Object.freeze(newAnalysis(false, false));
