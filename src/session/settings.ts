/* What the pane remembers in the workbook, validated on the way in and out (pure: the store is the driver's). */
import { contactSchema } from '../ledger/options';
import { recipientsSchema, teamSchema } from '../submission/options';
import type { PaneSettings } from './service';

/** The settings key of the pane's values. */
export const SETTINGS_KEY = 'taizhang.pane';
/** The 报送月份 columns this add-in filled: sheet name → column letter. */
export const REPORT_COLUMNS_KEY = 'taizhang.reportMonthColumns';

const CONTACT_FIELDS = ['name', 'title', 'phone'] as const;

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
  return out;
}

/** Sheet name → column letter of the 报送月份 columns the add-in filled, from the stored value. */
export function reportColumns(raw: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (raw && typeof raw === 'object') {
    for (const [k, v] of Object.entries(raw as Record<string, unknown>)) if (typeof v === 'string' && /^[A-Z]{1,3}$/.test(v)) out[k] = v;
  }
  return out;
}
