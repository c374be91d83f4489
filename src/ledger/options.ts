import { z } from 'zod';
import { IsoDate, isIsoDate, lastDayOfMonth } from './dates';
import { toHalfWidth } from './text';

/** `--today YYYY-MM-DD` */
export const todaySchema = z
  .string({ error: '请用 YYYY-MM-DD 写日期，如 2023-11-05' })
  .trim()
  .refine(isIsoDate, { message: '日期应写作 YYYY-MM-DD，且是实际存在的日期，如 2023-11-05' });

export interface Period {
  /** First month, `YYYY-MM`. */
  from: string;
  /** Last month, `YYYY-MM`. */
  to: string;
  months: string[];
  firstDay: IsoDate;
  lastDay: IsoDate;
}

const MONTH = /^(\d{4})-(\d{1,2})$/;
export const MAX_PERIOD_MONTHS = 12;

export const MIN_YEAR = 2000;
export const MAX_YEAR = 2099;

/** `YYYY-MM`, or why not: null when not written so, a Chinese reason when written so but no month we accept. */
function monthKey(s: string): string | { why: string } | null {
  const m = MONTH.exec(s.trim());
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  if (y < MIN_YEAR || y > MAX_YEAR) return { why: `年份 ${m[1]} 不在可以报送的 ${MIN_YEAR}–${MAX_YEAR} 年之间` };
  if (mo < 1 || mo > 12) return { why: `月份 ${m[2]} 应在 1–12 之间` };
  return `${m[1]}-${String(mo).padStart(2, '0')}`;
}

function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  while (`${y}-${String(m).padStart(2, '0')}` <= to && out.length <= MAX_PERIOD_MONTHS) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

/** `--period YYYY-MM` or `YYYY-MM..YYYY-MM` */
export const periodSchema = z
  .string({ error: '请写报送期间，如 2023-10 或 2023-08..2023-09' })
  .transform((s, ctx): Period => {
    const [a, b = a, extra] = toHalfWidth(s).trim().split('..');
    const from = monthKey(a ?? '');
    const to = monthKey(b ?? '');
    if (extra !== undefined || !from || !to) {
      ctx.addIssue({ code: 'custom', message: `报送期间“${s}”应写作 YYYY-MM 或 YYYY-MM..YYYY-MM，如 2023-10 或 2023-08..2023-09` });
      return z.NEVER;
    }
    const why = typeof from === 'object' ? from.why : typeof to === 'object' ? to.why : null;
    if (why || typeof from !== 'string' || typeof to !== 'string') {
      ctx.addIssue({ code: 'custom', message: `报送期间“${s}”的${why}，如 2023-10` });
      return z.NEVER;
    }
    if (to < from) {
      ctx.addIssue({ code: 'custom', message: `报送期间的结束月份 ${to} 早于开始月份 ${from}` });
      return z.NEVER;
    }
    const months = monthsBetween(from, to);
    if (months.length > MAX_PERIOD_MONTHS) {
      ctx.addIssue({ code: 'custom', message: `报送期间最长 ${MAX_PERIOD_MONTHS} 个月` });
      return z.NEVER;
    }
    return { from, to, months, firstDay: `${from}-01`, lastDay: lastDayOfMonth(to) };
  });

const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE = /^0\d{2,3}-?\d{7,8}(?:-\d{1,6})?$/;

/** A mainland mobile (13812345678) or landline (0358-1234567, with an optional extension) number. */
export const phoneSchema = z
  .string()
  .transform((s) => toHalfWidth(s).replace(/[\s()（）]/g, '').replace(/^(\+86|0086)-?/, ''))
  .refine((s) => MOBILE.test(s.replace(/-/g, '')) || LANDLINE.test(s), {
    message: '电话应为手机号（如 13812345678）或带区号的座机号（如 0358-1234567）',
  })
  .transform((s) => (MOBILE.test(s.replace(/-/g, '')) ? s.replace(/-/g, '') : s));

export interface Contact {
  name: string;
  title: string;
  phone: string;
}

const nameSchema = z
  .string()
  .trim()
  .min(2, '联系人姓名至少两个字')
  .max(20, '联系人姓名太长')
  .refine((s) => !/[\r\n<>"]/.test(s), '联系人姓名不能含换行或 < > " 等符号');
const titleSchema = z
  .string()
  .trim()
  .min(1, '请写联系人的职务，如“综合执法队队员”')
  .max(30, '职务太长')
  .refine((s) => !/[\r\n<>"]/.test(s), '职务不能含换行或 < > " 等符号');

export const contactSchema = z.object({ name: nameSchema, title: titleSchema, phone: phoneSchema });

/** `--contact 姓名,职务,电话` (ASCII or Chinese commas). */
export const contactArgSchema = z
  .string({ error: '请写联系人：姓名,职务,电话' })
  .transform((s, ctx): Contact => {
    const parts = s.split(/[,，、]/).map((p) => p.trim());
    if (parts.length !== 3) {
      ctx.addIssue({ code: 'custom', message: `联系人“${s}”应写作 姓名,职务,电话，如 张三,综合执法队队员,13812345678` });
      return z.NEVER;
    }
    const r = contactSchema.safeParse({ name: parts[0], title: parts[1], phone: parts[2] });
    if (!r.success) {
      for (const i of r.error.issues) ctx.addIssue({ code: 'custom', message: i.message });
      return z.NEVER;
    }
    return r.data;
  });

/** The message of the first zod issue, for one-line CLI errors. */
export function firstMessage(e: z.ZodError): string {
  return e.issues[0]?.message ?? '参数无效';
}

/** Kept here for older imports (it lives in dates.ts, which has no zod). */
export { localToday } from './dates';
