/*
 * A year's holiday arrangement (国务院办公厅关于某年部分节假日安排的通知), added without a software
 * update: a small JSON text, the same for the CLI (`--holidays 文件`), the task pane in Excel and
 * WPS and the offline page (pasted or chosen in the pane, kept in the browser). Checked with zod;
 * every problem is one Chinese line naming the item. workdays.ts installs the result.
 *
 *   { "年份": 2027, "依据": "国办发明电〔2026〕…号",
 *     "假期": [ { "名称": "春节", "放假": "2027-02-05", "至": "2027-02-11", "上班": ["2027-02-14"] }, … ] }
 *
 * or a list of such years. A 上班 day is a 调休 Saturday or Sunday worked; dates may reach into
 * the December before (元旦 spanning the new year).
 */
import { z } from 'zod';
import { IsoDate, addDays, diffDays, isIsoDate, weekday } from './dates';

export interface YearArrangement {
  year: number;
  /** Where it comes from (the notice), as written; may be empty. */
  source: string;
  /** Days off (holidays and the weekend days moved into them). */
  holidays: IsoDate[];
  /** 调休 weekend days worked. */
  workdays: IsoDate[];
}

/** Longest stretch of one holiday (the National Day week with Mid-Autumn: 8 days; room to spare). */
const MAX_SPAN = 15;

const isoDate = z.string({ error: '应写作 YYYY-MM-DD 的日期，如 "2027-02-05"' }).trim().refine(isIsoDate, { message: '应写作 YYYY-MM-DD，且是实际存在的日期，如 "2027-02-05"' });

const holidaySchema = z.object(
  {
    名称: z.string({ error: '缺少“名称”，如 "春节"' }).trim().min(1, { message: '“名称”不能为空，如 "春节"' }).max(20, { message: '“名称”最多 20 个字' }),
    放假: isoDate,
    至: isoDate,
    上班: z.array(isoDate, { error: '“上班”应是日期的列表，如 ["2027-02-14"]；没有调休上班就不写' }).max(10).optional(),
  },
  { error: '每个假期应写作 { "名称": …, "放假": …, "至": …, "上班": [ … ] }' },
);

const yearSchema = z
  .object(
    {
      年份: z.number({ error: '缺少“年份”，应是数字，如 2027' }).int({ message: '“年份”应是整数，如 2027' }).min(2000, { message: '“年份”应在 2000–2100 之间' }).max(2100, { message: '“年份”应在 2000–2100 之间' }),
      依据: z.string({ error: '“依据”应是文字，如国务院办公厅通知的文号' }).trim().max(200, { message: '“依据”最多 200 个字' }).optional(),
      假期: z.array(holidaySchema, { error: '缺少“假期”，应是假期的列表' }).min(1, { message: '“假期”中至少要有一个假期' }).max(20, { message: '“假期”最多 20 项' }),
    },
    { error: '应写作 { "年份": 2027, "依据": …, "假期": [ … ] }' },
  )
  .superRefine((y, ctx) => {
    const first = `${y.年份 - 1}-12-01`;
    const last = `${y.年份}-12-31`;
    const off = new Set<string>();
    y.假期.forEach((h, i) => {
      const at = ['假期', i];
      const name = `第${i + 1}个假期“${h.名称}”`;
      const bad = (message: string, path: (string | number)[] = at) => ctx.addIssue({ code: 'custom', path, message: `${name}：${message}` });
      if (!isIsoDate(h.放假) || !isIsoDate(h.至)) return; // said by the field's own check
      if (h.至 < h.放假) bad(`“至”${h.至}早于“放假”${h.放假}`);
      else if (diffDays(h.放假, h.至) >= MAX_SPAN) bad(`从 ${h.放假} 至 ${h.至} 超过 ${MAX_SPAN} 天，请核对日期`);
      for (const d of [h.放假, h.至]) if (d < first || d > last) bad(`${d} 不在 ${y.年份} 年的安排之内（应在 ${first} 至 ${last} 之间）`);
      for (let d = h.放假; d <= h.至 && diffDays(h.放假, d) < MAX_SPAN; d = addDays(d, 1)) {
        if (off.has(d)) bad(`${d} 已在前面的假期中`);
        off.add(d);
      }
    });
    y.假期.forEach((h, i) => {
      for (const d of h.上班 ?? []) {
        const bad = (message: string) => ctx.addIssue({ code: 'custom', path: ['假期', i, '上班'], message: `第${i + 1}个假期“${h.名称}”的上班日 ${d}：${message}` });
        if (!isIsoDate(d)) continue; // said by the field's own check
        const w = weekday(d);
        if (w !== 0 && w !== 6) bad('不是星期六或星期日（调休上班日总是周末，周一至周五本来就上班）');
        else if (off.has(d)) bad('同时写在了放假日期中');
        else if (d < first || d > last) bad(`不在 ${y.年份} 年的安排之内`);
      }
    });
  });

/** One year, or a list of years. */
export const holidayFileSchema = z.union([yearSchema, z.array(yearSchema).min(1, { message: '列表中至少要有一年的安排' }).max(20)], {
  error: '应是一年的安排 { "年份": …, "假期": [ … ] }，或几年安排的列表 [ { … }, { … } ]',
});

/** Issues as Chinese lines, the innermost message for a union (the shape the text tried to have). */
function lines(error: z.ZodError): string[] {
  const out: string[] = [];
  const visit = (issues: z.core.$ZodIssue[], prefix: string) => {
    for (const i of issues) {
      if (i.code === 'invalid_union' && i.errors.length) {
        // The branch that got furthest: the one with the deepest path.
        const best = [...i.errors].sort((a, b) => depth(b) - depth(a))[0];
        visit(best, prefix);
        continue;
      }
      out.push(`${prefix}${i.message.startsWith('第') ? place(i.path.slice(0, 1).filter((p) => typeof p === 'number')) : place(i.path)}${i.message}`);
    }
  };
  visit(error.issues, '');
  return [...new Set(out)].slice(0, 8);
}

/** `第2个假期的“放假”：` from a path like ['假期', 1, '放假'] (a year of a list first: `列表中第1年的安排：`). */
function place(path: readonly PropertyKey[]): string {
  let out = '';
  let rest = [...path];
  if (typeof rest[0] === 'number') {
    out += `列表中第${rest[0] + 1}年的安排：`;
    rest = rest.slice(1);
  }
  if (rest[0] === '假期' && typeof rest[1] === 'number') {
    const field = rest[2];
    const nth = typeof rest[3] === 'number' ? `第${rest[3] + 1}个日期` : '';
    return `${out}第${rest[1] + 1}个假期${typeof field === 'string' ? `的“${field}”${nth}` : ''}：`;
  }
  return out;
}

function depth(issues: z.core.$ZodIssue[]): number {
  return Math.max(0, ...issues.map((i) => i.path.length + (i.code === 'invalid_union' ? 1 : 0)));
}

export type HolidayParse = { ok: true; years: YearArrangement[] } | { ok: false; problems: string[] };

/** Reads an arrangement text (JSON). Never throws. */
export function parseHolidayText(text: string): HolidayParse {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { ok: false, problems: [`不是有效的 JSON 文字（${e instanceof Error ? e.message.replace(/^JSON\.parse: /, '') : '无法解析'}）。请按说明的格式填写，注意引号、逗号和括号要用英文（半角）符号。`] };
  }
  const r = holidayFileSchema.safeParse(raw);
  if (!r.success) return { ok: false, problems: lines(r.error) };
  const list = Array.isArray(r.data) ? r.data : [r.data];
  const seen = new Set<number>();
  const problems: string[] = [];
  const years = list.map((y): YearArrangement => {
    if (seen.has(y.年份)) problems.push(`${y.年份} 年的安排写了两次。`);
    seen.add(y.年份);
    const holidays: IsoDate[] = [];
    for (const h of y.假期) for (let d = h.放假; d <= h.至; d = addDays(d, 1)) holidays.push(d);
    return { year: y.年份, source: y.依据 ?? '', holidays, workdays: y.假期.flatMap((h) => h.上班 ?? []) };
  });
  return problems.length ? { ok: false, problems } : { ok: true, years };
}
