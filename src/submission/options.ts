import { z } from 'zod';
import { Contact, Period, contactSchema } from '../ledger/options';
import { IsoDate, isIsoDate } from '../ledger/dates';
import { toHalfWidth } from '../ledger/text';
import { BIDI_CONTROLS } from './period';

/** The county's mailbox (交司字〔2023〕65号). */
export const COUNTY_MAILBOX = 'jiaochengxzfy@163.com';
export const COUNTY_OFFICE = '县司法局行政复议与应诉股';

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/** 单位: as in the ledger titles; no line breaks or template placeholders. */
export const teamSchema = z
  .string({ error: '请写报送单位，如“天宁镇综合行政执法队”' })
  .refine((s) => !CONTROL.test(s), '报送单位名称不能含换行等控制字符')
  .refine((s) => !/[\ud800-\udbff](?![\udc00-\udfff])|(?:^|[^\ud800-\udbff])[\udc00-\udfff]/.test(s), '报送单位名称含有无法识别的字符')
  .transform((s) => s.replace(BIDI_CONTROLS, '').replace(/[\s\u3000]+/g, ' ').trim())
  .refine((s) => s.length >= 2, '报送单位名称太短，请写全称，如“天宁镇综合行政执法队”')
  .refine((s) => s.length <= 40, '报送单位名称太长（最多40个字）')
  .refine((s) => !/[xXｘＸ]{2}/.test(s), '报送单位名称还是模板占位符“XX”，请写实际名称');

// Conservative: what 163.com, QQ mail and government mailboxes use. Domains may be IDN.
const ADDRESS = /^[A-Za-z0-9._%+-]+@(?:[A-Za-z0-9\u00a1-\uffff](?:[A-Za-z0-9\u00a1-\uffff-]{0,61}[A-Za-z0-9\u00a1-\uffff])?\.)+[A-Za-z\u00a1-\uffff]{2,}$/;

/** `--to`: one or more addresses separated by `,` `;` `，` `；` or spaces. */
export const recipientsSchema = z
  .string({ error: '请写收件邮箱，如 jiaochengxzfy@163.com' })
  .transform((s, ctx): string[] => {
    const parts = toHalfWidth(s)
      .split(/[,;，；、\s]+/)
      .map((p) => p.trim())
      .filter(Boolean);
    if (!parts.length) {
      ctx.addIssue({ code: 'custom', message: '请写收件邮箱，如 jiaochengxzfy@163.com' });
      return z.NEVER;
    }
    for (const p of parts) {
      if (p.length > 254 || !ADDRESS.test(p)) {
        ctx.addIssue({ code: 'custom', message: `收件邮箱“${p.replace(CONTROL, ' ').slice(0, 60)}”格式不对，应写作 name@example.com` });
        return z.NEVER;
      }
    }
    return [...new Set(parts)];
  });

export interface SubmissionOptions {
  period: Period;
  /** 报送单位 as it appears in titles, file names and the e-mail. */
  team: string;
  contact: Contact;
  /** Recipients; default the county's mailbox. */
  to?: string | string[];
  /** The day of the report: due/overdue, the signature date and `报送日期`. */
  today: IsoDate;
  /** Build the package even if rows of the period have errors. */
  allowErrors?: boolean;
  /** The e-mail's Date header (default: now). */
  now?: Date;
}

/** Options after validation. */
export interface ResolvedOptions {
  period: Period;
  team: string;
  contact: Contact;
  to: string[];
  today: IsoDate;
  allowErrors: boolean;
  now: Date;
}

/** Bad options (a Chinese one-line message), thrown by `prepareSubmission`. */
export class SubmissionOptionError extends Error {
  override readonly name = 'SubmissionOptionError';
}

function first(e: z.ZodError): string {
  return e.issues[0]?.message ?? '参数无效';
}

/** Validates options coming from the task pane or the CLI. */
export function resolveOptions(o: SubmissionOptions): ResolvedOptions {
  const team = teamSchema.safeParse(o.team);
  if (!team.success) throw new SubmissionOptionError(first(team.error));
  const contact = contactSchema.safeParse(o.contact ?? {});
  if (!contact.success) throw new SubmissionOptionError(`联系人：${first(contact.error)}`);
  const toText = o.to === undefined ? COUNTY_MAILBOX : Array.isArray(o.to) ? o.to.join(',') : o.to;
  const to = recipientsSchema.safeParse(toText);
  if (!to.success) throw new SubmissionOptionError(first(to.error));
  if (typeof o.today !== 'string' || !isIsoDate(o.today)) throw new SubmissionOptionError('日期应写作 YYYY-MM-DD，如 2023-11-05');
  const p = o.period;
  if (!p || !Array.isArray(p.months) || !p.months.length || !isIsoDate(p.firstDay) || !isIsoDate(p.lastDay)) {
    throw new SubmissionOptionError('报送期间无效，应写作 YYYY-MM 或 YYYY-MM..YYYY-MM');
  }
  const now = o.now instanceof Date && !Number.isNaN(o.now.getTime()) ? o.now : new Date();
  return { period: p, team: team.data, contact: contact.data, to: to.data, today: o.today, allowErrors: !!o.allowErrors, now };
}
