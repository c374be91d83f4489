/*
 * E-mail dates as mail programs write them: RFC 5322 §3.3 `date-time` with the obsolete forms of
 * §4.3 (no weekday, two- and three-digit years, comments and folding anywhere, the named zones
 * UT/GMT/EST…PDT, military letters), plus what Chinese mail systems are seen to write: a Java
 * `Date.toString()` (`Mon Oct 30 17:20:00 CST 2023`) and ISO-like `2023-10-30 17:20:00`.
 * Anything else is unreadable (null), never a guessed year. Browser-capable.
 */

export interface MailDate {
  at: Date;
  /** How the zone was read, when it was not a plain numeric offset (`CST` taken as China time …). */
  zoneNote: string | null;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** RFC 5322 §4.3 obs-zone, in minutes east of UTC. `CST` is left out: see `zoneOf`. */
const NAMED: Record<string, number> = { ut: 0, utc: 0, gmt: 0, z: 0, est: -300, edt: -240, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420 };
const CHINA = 8 * 60;

/** Comments `( … )`, nested (RFC 5322 §3.2.2), become spaces; so do folding white space and commas. */
function stripComments(s: string): string {
  let out = '';
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\\' && depth > 0) {
      i++;
      continue;
    }
    if (c === '(') depth++;
    else if (c === ')' && depth > 0) {
      depth--;
      if (!depth) out += ' ';
    } else if (!depth) out += c;
  }
  return out;
}

function zoneOf(token: string | undefined): { minutes: number | null; note: string | null } | undefined {
  if (token === undefined) return { minutes: null, note: '没有写时区，按北京时间读取' };
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(token);
  if (m) {
    const h = Number(m[2]);
    const min = Number(m[3]);
    if (h > 23 || min > 59) return undefined;
    return { minutes: (m[1] === '-' ? -1 : 1) * (h * 60 + min), note: null };
  }
  const t = token.toLowerCase();
  // RFC 5322 says CST is US Central time; mail from Chinese systems means China Standard Time.
  if (t === 'cst') return { minutes: CHINA, note: '时区写作 CST，按中国标准时间（北京时间）读取' };
  if (t in NAMED) return { minutes: NAMED[t], note: null };
  // Military single letters: RFC 5322 §4.3 says to treat them as -0000 (zone unknown).
  if (/^[a-ik-z]$/.test(t)) return { minutes: 0, note: '时区写作单个字母（含义不明），按世界时读取' };
  return undefined;
}

function instant(y: number, mo: number, d: number, h: number, mi: number, s: number, zone: number | null): Date | null {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return null;
  const utc = Date.UTC(y, mo - 1, d, h, mi, Math.min(s, 59));
  const check = new Date(utc);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  // No zone written: the sender's clock, which for these townships is China time.
  return new Date(utc - (zone ?? CHINA) * 60_000);
}

function year(text: string): number {
  const n = Number(text);
  // RFC 5322 §4.3: a two-digit year below 50 is 20xx, else 19xx; three digits add 1900.
  if (text.length === 2) return n < 50 ? 2000 + n : 1900 + n;
  if (text.length === 3) return 1900 + n;
  return n;
}

const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;

/** RFC 5322 (and obsolete) `[dow ,] d mon y hh:mm[:ss] zone`. */
function rfc5322(tokens: string[]): MailDate | null {
  let i = 0;
  if (/^[a-z]{3,9}$/i.test(tokens[0] ?? '') && !MONTHS.includes(tokens[0].slice(0, 3).toLowerCase())) i++;
  const [d, mon, y, time, z, ...rest] = tokens.slice(i);
  if (!d || !mon || !y || !time || rest.length) return null;
  if (!/^\d{1,2}$/.test(d) || !/^\d{2,4}$/.test(y)) return null;
  const month = MONTHS.indexOf(mon.slice(0, 3).toLowerCase()) + 1;
  if (!month || !/^[a-z]{3,9}\.?$/i.test(mon)) return null;
  const t = TIME.exec(time);
  const zone = zoneOf(z);
  if (!t || !zone) return null;
  const at = instant(year(y), month, Number(d), Number(t[1]), Number(t[2]), Number(t[3] ?? 0), zone.minutes);
  return at ? { at, zoneNote: zone.note } : null;
}

/** Java `Date.toString()`: `Mon Oct 30 17:20:00 CST 2023`. */
function javaDate(tokens: string[]): MailDate | null {
  if (tokens.length !== 6) return null;
  const [, mon, d, time, z, y] = tokens;
  const month = MONTHS.indexOf(mon.slice(0, 3).toLowerCase()) + 1;
  const t = TIME.exec(time);
  const zone = zoneOf(z);
  if (!month || !/^\d{1,2}$/.test(d) || !/^\d{4}$/.test(y) || !t || !zone) return null;
  const at = instant(Number(y), month, Number(d), Number(t[1]), Number(t[2]), Number(t[3] ?? 0), zone.minutes);
  return at ? { at, zoneNote: zone.note } : null;
}

/** `2023-10-30 17:20[:00][ +08:00|Z]`, `2023/10/30 …`: no zone → China time. */
function isoLike(s: string): MailDate | null {
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2}|[A-Za-z]{1,4})?$/.exec(s);
  if (!m) return null;
  const zone = zoneOf(m[7] === 'Z' ? 'z' : m[7]);
  if (!zone) return null;
  const at = instant(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), zone.minutes);
  return at ? { at, zoneNote: zone.note } : null;
}

/** A `Date:` header value as an instant, or null when it is no date a mail program writes. */
export function parseMailDate(raw: string | null | undefined): MailDate | null {
  if (!raw) return null;
  const text = stripComments(raw.slice(0, 300)).replace(/[\s,]+/g, ' ').trim();
  if (!text) return null;
  const iso = isoLike(text);
  if (iso) return iso;
  const tokens = text.split(' ');
  // Obsolete forms may split `+0800` from its sign or glue the time to the zone; keep it simple: one form each.
  return rfc5322(tokens) ?? javaDate(tokens);
}

/** The time a `Received:` line ends with (`…; Mon, 30 Oct 2023 17:20:05 +0800`, RFC 5322 §3.6.7). */
export function receivedTime(value: string): MailDate | null {
  const at = value.lastIndexOf(';');
  return at < 0 ? null : parseMailDate(value.slice(at + 1));
}
