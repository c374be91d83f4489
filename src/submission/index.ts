/**
 * The monthly submission package (spec §4): the Word ledgers and the e-mail draft.
 * Pure: runs in the task pane (browser) and in the CLI (Node); writes no files.
 */
import { Kind, LEDGERS } from '../ledger/columns';
import { formatChineseDate } from '../ledger/dates';
import { Period } from '../ledger/options';
import { WorkbookCheck } from '../validation/check';
import { buildDocx } from './docx';
import { buildEml, emailBody, emailSubject, mailtoUrl } from './email';
import { ResolvedOptions, SubmissionOptions, resolveOptions } from './options';
import { Due, docxFileName, dueOf, emlFileName, periodLabel } from './period';
import { BlockingIssue, LedgerSection, PendingItem, Selection, UnplacedRow, noneText, selectPeriod } from './select';

export type { SubmissionOptions } from './options';
export type { Due } from './period';
export type { BlockingIssue, LedgerSection, PendingItem, PeriodRow, UnplacedRow } from './select';
export { COUNTY_MAILBOX, COUNTY_OFFICE, SubmissionOptionError, recipientsSchema, teamSchema } from './options';
export { cleanFileName, docxFileName, dueOf, emlFileName, periodLabel, periodSpan } from './period';
export { countsText, noneText } from './select';

interface SubmissionBase {
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

export interface SubmissionPackage extends SubmissionBase {
  refused: false;
  sections: LedgerSection[];
  docx: Uint8Array;
  docxName: string;
  /** The draft, RFC 5322 with CRLF line ends. */
  eml: string;
  emlName: string;
  to: string[];
  subject: string;
  /** Plain text, LF line ends. */
  body: string;
  /**
   * A `mailto:` link that opens the default mail program: To, subject and body; To and subject
   * only when that is longer than MAILTO_SAFE_LENGTH (`mailtoWithBody` false); null when even
   * that is. It cannot carry the attachment (see `mailtoNote`).
   */
  mailto: string | null;
  mailtoWithBody: boolean;
  mailtoNote: string;
}

/** Longer `mailto:` links may be cut short by browsers and mail clients (Windows hands at most ≈ 2,048 characters to the mail program). */
export const MAILTO_SAFE_LENGTH = 2000;

export type SubmissionResult = SubmissionRefused | SubmissionPackage;

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

/**
 * Decides the package for a period from a checked workbook: refused when rows of the period
 * have errors (unless `allowErrors`), else the plan to build. Throws `SubmissionOptionError` on
 * bad options. Cheap next to buildPackage (no Word file, no e-mail).
 */
export function planSubmission(check: WorkbookCheck, options: SubmissionOptions): SubmissionRefused | SubmissionPlan {
  const o = resolveOptions(options);
  const sel = selectPeriod(check, o.period, o.team);
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

/** The Word file and the e-mail draft of a plan. */
export async function buildPackage({ base, options: o, sections }: SubmissionPlan): Promise<SubmissionPackage> {
  const docxName = docxFileName(o.team, o.period);
  const docx = await buildDocx({ team: o.team, period: o.period, sections, counts: base.counts, pending: base.pending, contact: o.contact, today: o.today, generatedAt: o.now });
  const subject = emailSubject(o.team, o.period);
  const body = emailBody({ team: o.team, period: o.period, counts: base.counts, pending: base.pending, contact: o.contact, today: o.today, docxName });
  const eml = buildEml({ to: o.to, subject, body, attachment: { name: docxName, bytes: docx }, date: o.now });
  const full = mailtoUrl(o.to, subject, body);
  const short = mailtoUrl(o.to, subject, null);
  const mailto = full.length <= MAILTO_SAFE_LENGTH ? full : short.length <= MAILTO_SAFE_LENGTH ? short : null;
  return {
    ...base,
    refused: false,
    sections,
    docx,
    docxName,
    eml,
    emlName: emlFileName(o.team, o.period),
    to: o.to,
    subject,
    body,
    mailto,
    mailtoWithBody: mailto === full,
    mailtoNote: `mailto 链接和网页邮箱不能自动带附件，请在邮件中手动添加附件“${docxName}”。`,
  };
}

/**
 * Builds the package for a period from a checked workbook, or refuses it when rows of the
 * period have errors (unless `allowErrors`). Throws `SubmissionOptionError` on bad options.
 */
export async function prepareSubmission(check: WorkbookCheck, options: SubmissionOptions): Promise<SubmissionResult> {
  const plan = planSubmission(check, options);
  return 'refused' in plan ? plan : buildPackage(plan);
}
