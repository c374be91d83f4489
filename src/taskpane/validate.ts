/* The 月度报送 form checked with the core's zod schemas; loaded with src/submission (lazy chunk). */
import { Period, contactSchema, periodSchema } from '../ledger/options';
import { recipientsSchema, teamSchema } from '../submission/options';
import { FieldErrors, FormValues, ValidForm, periodProblem } from './form';

/** The period as `periodSchema` reads it, or its Chinese error (in the dropdowns' words where the form can tell). */
export function parsePeriod(from: string, to: string): { period: Period } | { error: string } {
  const problem = periodProblem(from, to);
  if (problem) return { error: problem };
  const r = periodSchema.safeParse(from === to ? from : `${from}..${to}`);
  return r.success ? { period: r.data } : { error: r.error.issues[0]?.message ?? '报送期间无效' };
}

/** Checks every field with the core's schemas; errors are Chinese, one per field. */
export function validateForm(v: FormValues): { ok: true; value: ValidForm } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const p = parsePeriod(v.from, v.to);
  if ('error' in p) errors.period = p.error;
  const team = teamSchema.safeParse(v.team);
  if (!team.success) errors.team = team.error.issues[0]?.message;
  const contact = contactSchema.safeParse({ name: v.name, title: v.title, phone: v.phone });
  if (!contact.success) {
    for (const i of contact.error.issues) {
      const key = i.path[0];
      if ((key === 'name' || key === 'title' || key === 'phone') && !errors[key]) errors[key] = i.message;
    }
  }
  if (!v.phone.trim()) errors.phone = '请写联系电话，如 13812345678 或 0358-1234567';
  if (!v.name.trim()) errors.name = '请写联系人姓名';
  const to = recipientsSchema.safeParse(v.recipients);
  if (!to.success) errors.recipients = to.error.issues[0]?.message;
  if ('error' in p || !team.success || !contact.success || !to.success || Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, value: { period: p.period, team: team.data, contact: contact.data, to: to.data } };
}

