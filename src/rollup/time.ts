/** Times as the county reads them: China time (UTC+8), whatever the computer's time zone. */
import { IsoDate } from '../ledger/dates';

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

const ZONE = /[+-]\d{4}\b|\b(?:GMT|UTC?|Z|[ECMP][SD]T)\b/i;

/** An e-mail `Date:` header (RFC 5322) as an instant; a date without a zone is read as China time. */
export function parseMailDate(raw: string | undefined | null): Date | null {
  if (!raw) return null;
  const text = raw.trim().slice(0, 200);
  const d = new Date(ZONE.test(text) ? text : `${text} +0800`);
  return Number.isNaN(d.getTime()) ? null : d;
}
