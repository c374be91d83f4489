/** Times as the county reads them: China time (UTC+8), whatever the computer's time zone. */
import type { MailHeaders } from '../input/containers/types';
import { IsoDate, addDays } from '../ledger/dates';

const CHINA = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

export interface ChinaTime {
  /** The calendar day in China. */
  date: IsoDate;
  /** `2023-10-31T09:12:00+08:00` */
  iso: string;
  /** `2023年10月31日 09:12` */
  text: string;
}

export function chinaTime(d: Date): ChinaTime {
  const p: Record<string, string> = {};
  for (const part of CHINA.formatToParts(d)) p[part.type] = part.value;
  const date = `${p.year}-${p.month}-${p.day}`;
  return { date, iso: `${date}T${p.hour}:${p.minute}:${p.second}+08:00`, text: `${Number(p.year)}年${Number(p.month)}月${Number(p.day)}日 ${p.hour}:${p.minute}` };
}

/** How a mail's received time was found, and what the roll-up says about it. */
export interface MailTime {
  at: Date | null;
  /** `date`: its Date header; `received`: its topmost Received line; `submitted`: Outlook's submit time; `forward`: the mail it was forwarded in. */
  how: 'date' | 'received' | 'submitted' | 'forward' | null;
  /** A sentence when the time is not simply the Date header (or cannot be known). */
  note: string | null;
}

/** Earliest plausible mail date: before it a clock was wrong (the notice is of 2023; rules warn on dates before 2015 too). */
export const EARLIEST_MAIL = '2015-01-01';

/** Not before 2015, not after the day after `today` (China time): else the sender's clock was wrong. */
export function plausible(d: Date, today: IsoDate): boolean {
  const day = chinaTime(d).date;
  return day >= EARLIEST_MAIL && day <= addDays(today, 1);
}

/**
 * The time that counts for a mail: its Date when readable and plausible; else the topmost
 * Received line (the last server, normally the county's own); else Outlook's submit time; else,
 * for a forwarded message, the forward's. Never a guessed year; otherwise 时间不明.
 */
export function mailTime(h: MailHeaders, today: IsoDate, outer: MailTime | null = null): MailTime {
  if (h.date && plausible(h.date.at, today)) return { at: h.date.at, how: 'date', note: h.date.zoneNote ? `邮件的 Date ${h.date.zoneNote}` : null };
  const why = !h.dateHeader
    ? '邮件没有 Date（发送时间）'
    : !h.date
      ? `邮件的 Date“${h.dateHeader.slice(0, 60)}”无法识别`
      : `邮件的 Date“${h.dateHeader.slice(0, 60)}”早于 ${Number(EARLIEST_MAIL.slice(0, 4))} 年或晚于今天，不可信`;
  if (h.received && plausible(h.received.at, today)) return { at: h.received.at, how: 'received', note: `${why}，按最上面一条 Received（邮件服务器收到）的时间计算` };
  if (h.submitted && plausible(h.submitted, today)) return { at: h.submitted, how: 'submitted', note: `${why}，按 Outlook 记录的发送时间计算` };
  if (outer?.at) return { at: outer.at, how: 'forward', note: `${why}，按转发它的邮件的时间计算` };
  return { at: null, how: null, note: `${why}，也没有可用的 Received 记录，收到时间不明` };
}
