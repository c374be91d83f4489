/* The 月度报送 form as plain data: defaults and month choices (pure, no React, no zod). */
import { IsoDate, lastDayOfMonth, partsOf } from '../ledger/dates';
import type { Contact, Period } from '../ledger/options';
import type { PaneSettings } from '../session/service';

/** The county's mailbox (as src/submission/options.ts COUNTY_MAILBOX; that module pulls in zod). */
export const DEFAULT_RECIPIENT = 'jiaochengxzfy@163.com';
/** As MAX_PERIOD_MONTHS in src/ledger/options.ts. */
const MAX_PERIOD_MONTHS = 12;
/** The notice's first report: 8月、9月 of 2023, due by 13 October 2023 (交司字〔2023〕65号); monthly from then on. */
export const FIRST_REPORT = { from: '2023-08', to: '2023-09' } as const;

export interface FormValues {
  /** `YYYY-MM` */
  from: string;
  to: string;
  team: string;
  name: string;
  title: string;
  phone: string;
  /** Recipients as typed. */
  recipients: string;
}

export type FieldName = 'period' | 'team' | 'name' | 'title' | 'phone' | 'recipients';
export type FieldErrors = Partial<Record<FieldName, string>>;

export interface ValidForm {
  period: Period;
  team: string;
  contact: Contact;
  to: string[];
}

function monthKey(y: number, m: number): string {
  return `${y}-${String(m).padStart(2, '0')}`;
}

/** The month before `today`'s, `YYYY-MM` (the notice: 每月1号报上月台账). */
export function lastMonth(today: IsoDate): string {
  const [y, m] = partsOf(today);
  return m === 1 ? monthKey(y - 1, 12) : monthKey(y, m - 1);
}

/** `2023-10` → `2023年10月` */
export function monthLabel(month: string): string {
  return `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;
}

/** The months to choose from, newest first: this month and the `count - 1` before it. */
export function monthChoices(today: IsoDate, count = 24): string[] {
  let [y, m] = partsOf(today);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    out.push(monthKey(y, m));
    m--;
    if (m === 0) {
      m = 12;
      y--;
    }
  }
  return out;
}

/**
 * The period that is due: last month; the months since the last package this workbook built
 * when some were skipped (at most 12); in October 2023, before any package was built, the
 * notice's first report (8月至9月).
 */
export function duePeriod(today: IsoDate, lastPeriod?: string): { from: string; to: string } {
  const last = lastMonth(today);
  if (!lastPeriod && last === FIRST_REPORT.to) return { from: FIRST_REPORT.from, to: FIRST_REPORT.to };
  if (lastPeriod && lastPeriod < last) {
    const months = monthChoices(today, MAX_PERIOD_MONTHS + 1).filter((m) => m > lastPeriod && m <= last);
    if (months.length) return { from: months[Math.min(months.length, MAX_PERIOD_MONTHS) - 1], to: last };
  }
  return { from: last, to: last };
}

/** Defaults: the period due; team, contact and recipients from the workbook's settings, else the titles' team and the county's mailbox. */
export function initialValues(today: IsoDate, settings: PaneSettings, titleTeam: string | null): FormValues {
  const due = duePeriod(today, settings.lastPeriod);
  return {
    from: due.from,
    to: due.to,
    team: settings.team ?? titleTeam ?? '',
    name: settings.contact?.name ?? '',
    title: settings.contact?.title ?? '',
    phone: settings.contact?.phone ?? '',
    recipients: settings.to ?? DEFAULT_RECIPIENT,
  };
}

/** The form with the workbook's saved values (and the period they make due) in every field the clerk has not changed yet. */
export function withSettings(v: FormValues, settings: PaneSettings, touched: ReadonlySet<keyof FormValues>, today: IsoDate): FormValues {
  const due = duePeriod(today, settings.lastPeriod);
  const saved: Partial<FormValues> = { team: settings.team, name: settings.contact?.name, title: settings.contact?.title, phone: settings.contact?.phone, recipients: settings.to, ...(touched.has('from') || touched.has('to') ? {} : due) };
  const out = { ...v };
  for (const [k, x] of Object.entries(saved) as [keyof FormValues, string | undefined][]) if (x && !touched.has(k)) out[k] = x;
  return out;
}

/** What is wrong with the months picked, in the dropdowns' own words (2023年9月), or null. */
export function periodProblem(from: string, to: string): string | null {
  if (to < from) return `结束月份（${monthLabel(to)}）早于开始月份（${monthLabel(from)}），请重新选择。`;
  if (!periodOf(from, to)) return `报送期间最多 ${MAX_PERIOD_MONTHS} 个月：${monthLabel(from)}至${monthLabel(to)}超过了 ${MAX_PERIOD_MONTHS} 个月。`;
  return null;
}

/**
 * The period for showing its due date while the user picks months (no zod here: the
 * schemas load with src/submission); null when the months are out of order or too many.
 * `validateForm` (validate.ts) checks it with periodSchema before a package is built.
 */
export function periodOf(from: string, to: string): Period | null {
  if (!/^\d{4}-\d{2}$/.test(from) || !/^\d{4}-\d{2}$/.test(to) || to < from) return null;
  const months: string[] = [];
  let [y, m] = partsOf(`${from}-01`);
  for (let k = monthKey(y, m); k <= to; k = monthKey(y, m)) {
    months.push(k);
    if (months.length > MAX_PERIOD_MONTHS) return null;
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return { from, to, months, firstDay: `${from}-01`, lastDay: lastDayOfMonth(to) };
}

/** What the workbook remembers (as typed, trimmed). */
export function settingsOf(v: FormValues): PaneSettings {
  return {
    team: v.team.trim(),
    contact: { name: v.name.trim(), title: v.title.trim(), phone: v.phone.trim() },
    to: v.recipients.trim(),
  };
}

/** The 应报乡镇名单: one name a line; blank lines and `#` comments dropped (as the CLI's `--townships FILE`). */
export function townshipList(text: string): string[] | undefined {
  const names = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  return names.length ? names : undefined;
}
