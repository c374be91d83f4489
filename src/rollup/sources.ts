/*
 * Every file of the folder unpacked (src/input/containers) and read: the packages to count, the
 * ledgers that came but could not be read, the mails that carried no ledger, and what was not a
 * ledger at all — each with its mail's time as the roll-up judges it (time.ts).
 */
import { expandFile, PATH_SEPARATOR } from '../input/containers/expand';
import { Delivery } from '../input/containers/types';
import { IsoDate } from '../ledger/dates';
import { readRoster } from '../ledger/roster';
import { InputError } from './input';
import { Package, RollupFile, readPackage } from './package';
import type { CountyRoster } from './roster';
import { subjectInfo } from './team';
import { MailTime, chinaTime, mailTime } from './time';

/** What came with a ledger: which mail, its subject and sender, the names to recognise a township by. */
export interface Origin {
  /** The mail's path (or the loose file's). */
  mailFile: string;
  /** Null for a file that came without a mail. */
  time: MailTime | null;
  subject: string;
  /** Forwarded inside this mail (path), judged by its own Date. */
  forwardedIn: string | null;
  /** Texts that may name the township: subject, sender, file names. */
  hints: string[];
}

/** A ledger that came but could not be read, and what it seems to be. */
export interface Unreadable {
  file: string;
  reason: string;
  team: string | null;
  months: string[];
  received: Date | null;
  origin: Origin;
}

/** A mail that is no report: no ledger attached (`没有台账附件`), or only the envelope of forwards. */
export interface OtherMail {
  file: string;
  kind: 'no-ledger' | 'envelope';
  team: string | null;
  months: string[];
  origin: Origin;
  /** Forwarded messages inside (envelope). */
  inner: number;
}

export interface Sources {
  packages: (Package & { origin: Origin })[];
  unreadable: Unreadable[];
  mails: OtherMail[];
  /** Files that are no ledger (pictures, signatures, texts), with the reason. */
  ignored: { file: string; reason: string }[];
  /** Workbooks holding a 执法人员名单 and no ledger: the county's roster (roster.ts). */
  rosters: CountyRoster[];
}

const FULL_MONTH = /(\d{4})\s*年\s*(\d{1,2})\s*月/;
const MONTH = /(?:^|[^\d])(\d{1,2})\s*月(?:份)?/;

/** `2023年10月` in a file name; `10月` alone takes the year that makes it the latest month not after `ref`. */
export function nameMonths(name: string, ref: Date | null): string[] {
  const full = FULL_MONTH.exec(name);
  if (full && Number(full[2]) >= 1 && Number(full[2]) <= 12) return [`${full[1]}-${full[2].padStart(2, '0')}`];
  const m = MONTH.exec(name);
  if (!m || !ref) return [];
  const month = Number(m[1]);
  if (month < 1 || month > 12) return [];
  const now = chinaTime(ref).date;
  const y = Number(now.slice(0, 4));
  return [`${month <= Number(now.slice(5, 7)) ? y : y - 1}-${String(month).padStart(2, '0')}`];
}

function why(e: unknown): string {
  if (e instanceof InputError) return e.message;
  return '文件无法读取，可能已损坏';
}

const baseName = (file: string) => file.slice(file.lastIndexOf(PATH_SEPARATOR) + 1).replace(/^.*[\\/]/, '');

/** Reads one delivery into `out`. */
async function readDelivery(d: Delivery, times: Map<string, MailTime>, today: IsoDate, out: Sources): Promise<void> {
  const outer = d.forwardedIn ? times.get(d.forwardedIn.file) ?? null : null;
  const time = d.mail ? mailTime(d.mail, today, outer) : null;
  if (d.mail && time) times.set(d.file, time);
  const subject = d.mail ? subjectInfo(d.mail.subject) : { team: null, months: [] as string[] };
  const hints = [d.mail?.subject ?? '', d.mail?.from ?? '', baseName(d.file), ...d.ledgers.map((l) => l.name), ...d.refused.map((r) => baseName(r.file))].filter(Boolean);
  const origin: Origin = { mailFile: d.file, time, subject: d.mail?.subject ?? '', forwardedIn: d.forwardedIn?.file ?? null, hints };
  const received = time?.at ?? null;
  // The rule checks' "today" is the day it was sent, only when that is known and plausible.
  const ctxToday = received ? chinaTime(received).date : today;
  const unreadable = (file: string, reason: string) => {
    const months = subject.months.length ? subject.months : nameMonths(baseName(file), received);
    out.unreadable.push({ file, reason, team: subject.team, months, received, origin });
  };
  for (const l of d.ledgers) {
    try {
      const p = await readPackage(l.bytes, l.format, { file: l.file, mail: !!d.mail, received, subject, today: ctxToday });
      // A workbook with a roster and no ledger put in the folder is the county's 执法人员名单, not a township's report;
      // one that came by mail is a township's and vouches for nobody.
      if (p.format === 'xlsx' && !p.check.ledgers.length && p.check.rosters?.length) {
        if (d.mail) out.ignored.push({ file: l.file, reason: '是执法人员名单，不是台账（随邮件收到的名单不作为县局的执法人员名单使用）' });
        else out.rosters.push({ file: l.file, reads: p.grids.map((g) => readRoster(g, p.checkOptions.date1904)).filter((x): x is NonNullable<typeof x> => !!x) });
        continue;
      }
      out.packages.push({ ...p, origin });
    } catch (e) {
      unreadable(l.file, why(e));
    }
  }
  const ledgerRefused = d.refused.filter((r) => r.ledger);
  for (const r of ledgerRefused) unreadable(r.file, r.reason);
  for (const r of d.refused.filter((x) => !x.ledger)) out.ignored.push({ file: r.file, reason: r.reason });
  if (d.mail && !d.ledgers.length && !ledgerRefused.length) {
    out.mails.push({ file: d.file, kind: d.inner ? 'envelope' : 'no-ledger', team: subject.team, months: subject.months, origin, inner: d.inner });
  }
}

/** Reads every file: packages to count, ledgers that could not be read, mails without a ledger. */
export async function readSources(files: RollupFile[], today: IsoDate): Promise<Sources> {
  const out: Sources = { packages: [], unreadable: [], mails: [], ignored: [], rosters: [] };
  for (const f of files) {
    let deliveries: Delivery[];
    try {
      deliveries = await expandFile(f.name, f.bytes);
    } catch (e) {
      deliveries = [{ file: f.name, mail: null, forwardedIn: null, ledgers: [], refused: [{ file: f.name, reason: why(e), ledger: true }], inner: 0 }];
    }
    const times = new Map<string, MailTime>();
    for (const d of deliveries) {
      try {
        await readDelivery(d, times, today, out);
      } catch (e) {
        // The roll-up always completes: whatever a file does, it is listed with a reason.
        out.unreadable.push({ file: d.file, reason: why(e), team: null, months: [], received: null, origin: { mailFile: d.file, time: null, subject: '', forwardedIn: null, hints: [baseName(d.file)] } });
      }
    }
  }
  return out;
}

