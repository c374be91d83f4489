/* The pane's settings and team names checked with the core's zod schemas (loaded lazily: settings.ts). */
import { contactSchema } from '../ledger/options';
import { recipientsSchema, teamSchema } from '../submission/options';
import type { PaneSettings } from './service';

const CONTACT_FIELDS = ['name', 'title', 'phone'] as const;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Valid values only: a stored value that no longer passes the schemas is ignored. */
export function sanitizeSettings(raw: unknown): PaneSettings {
  const out: PaneSettings = {};
  if (!raw || typeof raw !== 'object') return out;
  const o = raw as Record<string, unknown>;
  const team = teamSchema.safeParse(o.team);
  if (team.success) out.team = team.data;
  if (o.contact && typeof o.contact === 'object') {
    const c = o.contact as Record<string, unknown>;
    const contact: PaneSettings['contact'] = {};
    for (const k of CONTACT_FIELDS) {
      const r = contactSchema.shape[k].safeParse(c[k]);
      if (r.success) contact[k] = r.data;
    }
    if (Object.keys(contact).length) out.contact = contact;
  }
  if (typeof o.to === 'string' && recipientsSchema.safeParse(o.to).success) out.to = o.to.trim();
  if (typeof o.lastPeriod === 'string' && MONTH.test(o.lastPeriod)) out.lastPeriod = o.lastPeriod;
  return out;
}

/** Validates settings to save; throws an Error with a Chinese message for the first invalid value. */
export function validateSettings(s: PaneSettings): PaneSettings {
  const out: PaneSettings = {};
  const fail = (m: string | undefined) => {
    throw new Error(m ?? '设置无效');
  };
  if (s.team !== undefined && s.team !== '') {
    const r = teamSchema.safeParse(s.team);
    if (!r.success) fail(r.error.issues[0]?.message);
    else out.team = r.data;
  }
  if (s.contact) {
    const contact: PaneSettings['contact'] = {};
    for (const k of CONTACT_FIELDS) {
      const v = s.contact[k];
      if (v === undefined || v === '') continue;
      const r = contactSchema.shape[k].safeParse(v);
      if (!r.success) fail(r.error.issues[0]?.message);
      else contact[k] = r.data;
    }
    if (Object.keys(contact).length) out.contact = contact;
  }
  if (s.to !== undefined && s.to.trim() !== '') {
    const r = recipientsSchema.safeParse(s.to);
    if (!r.success) fail(r.error.issues[0]?.message);
    else out.to = s.to.trim();
  }
  if (s.lastPeriod !== undefined) {
    if (!MONTH.test(s.lastPeriod)) fail('报送期间应写作 YYYY-MM');
    else out.lastPeriod = s.lastPeriod;
  }
  return out;
}


/** The team name for new sheets' titles (null: keep the placeholder); throws a Chinese message when invalid. */
export function parseTeam(team: string | null): string | null {
  if (!team || !team.trim()) return null;
  const r = teamSchema.safeParse(team);
  if (!r.success) throw new Error(r.error.issues[0]?.message ?? '报送单位名称无效');
  return r.data;
}
