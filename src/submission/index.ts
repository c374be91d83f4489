/**
 * The monthly submission package (spec §4): the Word ledgers and the e-mail draft.
 * Pure: runs in the task pane (browser), its Web Worker and the CLI (Node); writes no files.
 * Deciding the package (which rows, what refuses it) is plan.ts; building the files is here.
 */
import { WorkbookCheck } from '../validation/check';
import { buildDocx } from './docx';
import { buildEml, emailBody, emailSubject, mailtoUrl } from './email';
import { SubmissionOptions } from './options';
import { docxFileName, emlFileName } from './period';
import { SubmissionBase, SubmissionPlan, SubmissionRefused, planSubmission } from './plan';
import { LedgerSection } from './select';

export type { SubmissionOptions } from './options';
export type { Due } from './period';
export type { BlockingIssue, LedgerSection, PendingItem, PeriodRow, UnplacedRow } from './select';
export type { PlanResult, SubmissionBase, SubmissionPlan, SubmissionRefused } from './plan';
export { planSteps, planSubmission } from './plan';
export { COUNTY_MAILBOX, COUNTY_OFFICE, SubmissionOptionError, recipientsSchema, teamSchema } from './options';
export { cleanFileName, docxFileName, dueOf, emlFileName, periodLabel, periodSpan } from './period';
export { countsText, noneText } from './select';

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
