/*
 * Who sent a package and which months it reports, from what the package and its mail say:
 * `报送单位：` / `填报单位：`, the tables' titles, the e-mail subject, a file name. A section
 * heading (`一、`, `（二）`, `附件1`) is never a team.
 */
import { CellValue, cellText } from '../ledger/cell';
import { periodSchema } from '../ledger/options';
import { compact, toHalfWidth } from '../ledger/text';

const pad = (m: string | number) => String(m).padStart(2, '0');

export function monthsBetween(from: string, to: string): string[] {
  const r = periodSchema.safeParse(`${from}..${to}`);
  return r.success ? r.data.months : [];
}

/** `天宁镇综合行政执法队` and `天宁镇` are one township. */
export function teamKey(name: string): string {
  return compact(toHalfWidth(name)).replace(/(?:综合行政执法大?队|综合执法大?队|行政执法大?队|执法中队|执法队|人民政府|政府)$/, '');
}

const NUMBERING = /^(?:[一二三四五六七八九十]+[、.．:：]|[（(][一二三四五六七八九十\d]+[)）][、.．]?|\d+[、.．:：)）]|附件\s*\d*\s*[:：、.．]?|附表\s*\d*\s*[:：、.．]?|表\s*\d+\s*[:：、.．]?)+/;

/** A team name as written, or null when it is none: numbering, placeholders, a lone word. */
export function cleanTeam(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let t = toHalfWidth(compact(raw)).replace(NUMBERING, '').replace(/^(?:关于|报送|填报)/, '').replace(/[：:，,、。.；;\-—–~～（(【[]+$/, '');
  t = t.replace(/^[：:，,、。.；;\s]+/, '');
  if (/[xX]{2}|×{2}|ＸＸ/.test(t)) return null;
  const han = (t.match(/[\u4e00-\u9fff]/g) ?? []).length;
  if (han < 2 || t.length > 40) return null;
  if (/台账|案件|统计|汇总|^本(单位|队|镇|乡)$|^我(单位|队|镇|乡)$/.test(t)) return null;
  return t;
}

const UNIT = /(?:报送|填报|制表|填表)单位(?:（盖章）|\(盖章\)|（章）)?\s*[:：]\s*([^\s　:：，,；;]{2,40})/;

/** `报送单位：天宁镇综合行政执法队` / `填报单位：…` in paragraphs or table cells. */
export function unitLine(texts: Iterable<string>): string | null {
  for (const p of texts) {
    const m = UNIT.exec(toHalfWidth(p));
    const team = m ? cleanTeam(m[1]) : null;
    if (team) return team;
  }
  return null;
}

/** Texts of the first rows of grids (a `填报单位：` line above the header) and their last rows (the sign-off). */
export function* gridTexts(grids: { rows: CellValue[][] }[]): Iterable<string> {
  for (const g of grids) {
    const rows = [...g.rows.slice(0, 4), ...g.rows.slice(-3)];
    for (const r of rows) for (const v of r) if (v !== null && v !== undefined) yield cellText(v);
  }
}

const TITLE_SPAN = /(\d{4})年(\d{1,2})月\d{1,2}日\s*[-—–~～至到]+\s*(\d{4})年(\d{1,2})月\d{1,2}日/;
const SUBJECT_PERIOD = /(\d{4})年(\d{1,2})月(?:(?:至|到|[-—–~～])(?:(\d{4})年)?(\d{1,2})月)?/;

/** The months a title's `2023年10月1日--2023年10月31日` spans. */
export function titleMonths(title: string | null): string[] {
  const m = title ? TITLE_SPAN.exec(toHalfWidth(compact(title))) : null;
  return m ? monthsBetween(`${m[1]}-${pad(m[2])}`, `${m[3]}-${pad(m[4])}`) : [];
}

const REPLY = /^(?:(?:re|fw|fwd|aw|wg|回复|答复|转发)\s*[:：]\s*)+/i;

/** Is the subject a reply or a forward (`Re:`, `回复：`, `Fw:` …)? */
export function isReplySubject(subject: string): boolean {
  return REPLY.test(toHalfWidth(subject.trim()));
}

/** Team and months from a subject such as `天宁镇综合行政执法队2023年10月行政执法案件台账报备`. */
export function subjectInfo(subject: string): { team: string | null; months: string[] } {
  const s = toHalfWidth(compact(subject)).replace(REPLY, '');
  const m = SUBJECT_PERIOD.exec(s);
  if (!m) return { team: null, months: [] };
  const from = `${m[1]}-${pad(m[2])}`;
  const to = m[4] ? `${m[3] ?? m[1]}-${pad(m[4])}` : from;
  const team = s.slice(0, m.index).replace(/[【】[\]（）()《》"“”]/g, '').replace(/(?:关于|报送|报备)$/, '');
  return { team: cleanTeam(team), months: monthsBetween(from, to) };
}

/**
 * The one township of `known` (keys) whose name the text contains, or null when none or
 * several do. Used for files whose own text cannot be read (a file name, a subject, a sender).
 */
export function mentionedTeam(texts: string[], known: { team: string; key: string }[]): { team: string; key: string } | null {
  for (const text of texts) {
    const t = toHalfWidth(compact(text));
    const hits = known.filter((k) => k.key.length >= 2 && t.includes(k.key));
    if (hits.length === 1) return hits[0];
  }
  return null;
}

/** `2023-10` → `2023年10月` */
export function monthLabel(month: string): string {
  return `${Number(month.slice(0, 4))}年${Number(month.slice(5, 7))}月`;
}
