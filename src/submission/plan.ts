/*
 * Deciding a monthly package (spec §4) from a checked workbook: the rows of the period, the
 * errors that refuse it, what to tell the clerk. No Word file, no e-mail (index.ts builds those):
 * the task pane runs this on its own thread, in steps, and builds the files in a Web Worker.
 */
import { Kind, LEDGERS } from '../ledger/columns';
import { formatChineseDate } from '../ledger/dates';
import { Period } from '../ledger/options';
import { WorkbookCheck } from '../validation/check';
import { ResolvedOptions, SubmissionOptions, resolveOptions } from './options';

export type { SubmissionOptions } from './options';
import { Due, dueOf, periodLabel } from './period';
import { BlockingIssue, LedgerSection, PendingItem, Selection, UnplacedRow, noneText, selectSteps } from './select';

export interface SubmissionBase {
  period: Period;
  /** `2023年10月` / `2023年8月至9月` */
  label: string;
  team: string;
  due: Due;
  /** Rows of the period per ledger. */
  counts: Record<Kind, number>;
  /** Rows in no month yet (待复检 / 尚未结案), listed in the e-mail body. */
  pending: PendingItem[];
  /** Errors on rows of the period: why it was refused, or what `allowErrors` let through. */
  blocking: BlockingIssue[];
  /** Cases whose month cannot be told that may belong to the period: in no table (the file may lack them). */
  unplaced: UnplacedRow[];
  /** Things to tell the user (not part of the package), in Chinese. */
  notices: string[];
}

export interface SubmissionRefused extends SubmissionBase {
  refused: true;
  reason: 'errors' | 'no-ledgers';
  /** One line, Chinese. */
  message: string;
}

function notices(o: ResolvedOptions, check: WorkbookCheck, sel: Selection, due: Due): string[] {
  const out: string[] = [];
  if (due.unfinished) out.push(`报送期间到${formatChineseDate(o.period.lastDay)}才结束，今天（${formatChineseDate(o.today)}）报送的台账可能不完整。`);
  for (const s of sel.sections) if (s.missing) out.push(`工作簿中没有${LEDGERS[s.kind].name}案件台账，Word 文件中该表写“${noneText(s.kind)}”。`);
  if (sel.counts.penalty === 0) out.push('本期没有行政处罚案件。县司法局关注“尚未开出第一张罚单”的乡镇，请确认没有漏登。');
  const titled = check.ledgers.map((l) => l.layout.team).filter((t): t is string => !!t && t !== o.team);
  if (titled.length) out.push(`台账标题中的单位“${titled[0]}”与报送单位“${o.team}”不同，Word 文件按报送单位写标题。`);
  return out;
}

/** A package decided but not built: what buildPackage needs (plain data, so a Web Worker can build it). */
export interface SubmissionPlan {
  base: SubmissionBase;
  options: ResolvedOptions;
  sections: LedgerSection[];
}

export type PlanResult = SubmissionRefused | SubmissionPlan;

/**
 * Decides the package for a period from a checked workbook: refused when rows of the period
 * have errors (unless `allowErrors`), else the plan to build. Throws `SubmissionOptionError` on
 * bad options. Cheap next to buildPackage (no Word file, no e-mail).
 */
export function planSubmission(check: WorkbookCheck, options: SubmissionOptions): PlanResult {
  const steps = planSteps(check, options);
  for (let r = steps.next(); ; r = steps.next()) if (r.done) return r.value;
}

/** planSubmission in steps (a few hundred records each), for a caller that must not block its thread. */
export function* planSteps(check: WorkbookCheck, options: SubmissionOptions): Generator<void, PlanResult> {
  const o = resolveOptions(options);
  const sel = yield* selectSteps(check, o.period, o.team);
  const due = dueOf(o.period, o.today);
  const label = periodLabel(o.period);
  const base: SubmissionBase = {
    period: o.period,
    label,
    team: o.team,
    due,
    counts: sel.counts,
    pending: sel.pending,
    blocking: sel.blocking,
    unplaced: sel.unplaced,
    notices: notices(o, check, sel, due),
  };
  if (!check.ledgers.length) {
    return { ...base, refused: true, reason: 'no-ledgers', message: '工作簿中没有找到行政处罚、行政检查或行政强制案件台账，没有生成报送文件。' };
  }
  if (sel.blocking.length && !o.allowErrors) {
    const rows = new Set(sel.blocking.map((b) => `${b.sheet}\u0000${b.row}`)).size;
    return {
      ...base,
      refused: true,
      reason: 'errors',
      message: `${label}的台账中有${rows}行存在${sel.blocking.length}处错误，没有生成报送文件。请改正后重试。`,
    };
  }
  return { base, options: o, sections: sel.sections };
}

