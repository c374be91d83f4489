/** The 行政强制 ledger's rules: its category field and its rows (who may act, the 查封/扣押 term). */
import { ColumnDef } from '../ledger/columns';
import { IsoDate, diffDays, formatChineseDate, isRealDate, isoFromParts, parseTimeOfDay } from '../ledger/dates';
import { inHolidayBreak, periodEnd } from '../ledger/periods';
import { unknownYearsClause } from '../ledger/workdays';
import { compact, parseAnyInt, toHalfWidth } from '../ledger/text';
import { FieldAnalysis, addFinding } from './findings';
import * as law from './law';
import { LATE_WORDS, lateFeeRule } from './penalty';
import type { RecordChecker, RowVerdict } from './record';

export const COERCION_FIELD_RULES: Partial<Record<string, (a: FieldAnalysis, def: ColumnDef) => void>> = {
  category: (a) => {
    a.category = law.coercionCategory(compact(a.text));
    if (!a.category && !a.placeholder) addFinding(a, 'coercion-category-invalid', a.text);
  },
};

const MEASURE_NOT_A_MEASURE =
  '不是法定的行政强制措施种类。行政强制措施为：限制公民人身自由，查封场所、设施或者财物，扣押财物，冻结存款、汇款，以及其他行政强制措施（《中华人民共和国行政强制法》第九条）。请按法定名称填写，如“扣押财物”。';
const MEASURE_IS_ENFORCEMENT = (h: (key: string) => string) => `属于行政强制执行的方式，与「${h('category')}」“行政强制措施”不符。请核对「${h('category')}」或「${h('measure')}」。`;
const MEANS_NOT_A_MEANS =
  '不是法定的行政强制执行方式。行政强制执行方式为：加处罚款或者滞纳金，划拨存款、汇款，拍卖或者依法处理查封、扣押的场所、设施或者财物，排除妨碍、恢复原状，代履行，以及其他强制执行方式（《中华人民共和国行政强制法》第十二条）；没有强制执行权的，申请人民法院强制执行（第五十三条）。请按法定名称填写。';
const MEANS_IS_MEASURE = (h: (key: string) => string) => `属于行政强制措施的种类，与「${h('category')}」“行政强制执行”不符。请核对「${h('category')}」或「${h('measure')}」。`;

const TERM =
  '查封、扣押的期限不得超过30日；情况复杂的，经行政机关负责人批准，可以延长，但是延长期限不得超过30日；检测、检验、检疫或者技术鉴定的期间不计入（《中华人民共和国行政强制法》第二十五条）';

export function checkCoercion(rc: RecordChecker): RowVerdict {
  const cat = rc.f('category');
  const measure = rc.f('measure');
  const mtext = compact(measure.text);
  const ctext = compact(cat.text);
  const inMeasure = notPermitted(mtext);
  const forbidden = inMeasure ?? notPermitted(ctext);
  if (forbidden) rc.add('coercion-not-permitted', inMeasure ? 'measure' : 'category', `${forbidden.label}${forbidden.article}`);
  const isMeasure = law.COERCIVE_MEASURES.test(mtext);
  const isEnforcement = law.ENFORCEMENT_MEANS.test(mtext);
  if (cat.category && !measure.blank && !measure.error && !measure.placeholder && !forbidden) {
    if (cat.category === 'measure' && !isMeasure) rc.add('coercion-measure-invalid', 'measure', isEnforcement ? MEASURE_IS_ENFORCEMENT : MEASURE_NOT_A_MEASURE);
    else if (cat.category === 'enforcement' && !isEnforcement) rc.add('coercion-measure-invalid', 'measure', isMeasure ? MEANS_IS_MEASURE : MEANS_NOT_A_MEANS);
  }
  const started = rc.f('startedOn').date;
  const closedField = rc.f('closedOn');
  const closed = closedField.date;
  // Empty, or `尚未解除`, `执行中`: still running.
  const running = closedField.blank || closedField.open;
  const result = rc.f('result');
  if (!running && result.blank) resultRequired(rc);
  if (started && closed && closed < started) rc.add('coercion-close-before-start', 'closedOn', formatChineseDate(started));
  // The term is the 查封/扣押 measure's; an enforcement (拍卖 of goods already seized) has none.
  if (started && law.SEIZURE.test(mtext) && !isEnforcement && cat.category !== 'enforcement' && !forbidden) {
    termRule(rc, started, closed, running);
  }
  if (started && cat.category === 'enforcement' && !forbidden && !law.NOT_ON_SITE.test(mtext)) nightOrHoliday(rc, started);
  if (LATE_WORDS.test(mtext) || LATE_WORDS.test(rc.text('result')) || LATE_WORDS.test(rc.text('remarks'))) lateFeeRule(rc, ['result', 'remarks', 'measure', 'term']);
  if (running) return { pending: true, deciding: null };
  return { pending: false, deciding: closed };
}

/** 《行政强制法》第四十三条第一款: no enforcement at night (a time of day written) or on a 法定节假日, unless urgent. */
function nightOrHoliday(rc: RecordChecker, started: IsoDate): void {
  const minutes = parseTimeOfDay(rc.value('startedOn'));
  const night = minutes !== null && (minutes >= law.NIGHT_FROM || minutes < law.NIGHT_TO);
  const holiday = inHolidayBreak(started);
  if (!night && !holiday) return;
  const notes = `${rc.text('remarks')}；${rc.text('result')}；${rc.text('measure')}；${rc.text('term')}`;
  if (law.URGENT.test(notes)) return;
  const hm = minutes === null ? '' : `${Math.floor(minutes / 60)}时${String(minutes % 60).padStart(2, '0')}分`;
  const when = [holiday ? '当天是法定节假日' : '', night ? '在夜间（22时至次日6时）' : ''].filter(Boolean).join('，且');
  rc.add('coercion-night-holiday', 'startedOn', `强制执行于${formatChineseDate(started)}${hm}实施，${when}`);
}

function notPermitted(text: string): (typeof law.NOT_PERMITTED)[number] | undefined {
  for (const n of law.NOT_PERMITTED) if (n.pattern.test(text)) return n;
  return undefined;
}

function resultRequired(rc: RecordChecker): void {
  const said = rc.f('result').na ? `写的是${rc.quoted('result')}，` : '';
  rc.add('required', 'result', (h) => `已结案，${said}「${h('result')}」应当填写`, undefined, 'closedOn');
}

/** A date of a range (`2023年9月8日`, `9月22日`, `22日`), its missing year and month taken from `ref`. */
function rangeDate(y: string | undefined, m: string | undefined, d: string, ref: { y: number; m: number }): IsoDate | null {
  const year = y ? Number(y) : ref.y;
  const month = m ? Number(m) : ref.m;
  const day = Number(d);
  return isRealDate(year, month, day) ? isoFromParts(year, month, day) : null;
}

/**
 * Days of 检测、检验、检疫、技术鉴定 written in the row, as calendar days from `started`: a date
 * range (`鉴定期间2023年9月8日至9月22日`) counts its days, both ends included (or the `共N日`
 * written after it, when more); a number of days counts as written.
 */
function excludedDays(raw: string, started: IsoDate): number {
  let days = 0;
  let text = raw;
  if (/[月.\/-]/.test(raw)) {
    text = raw.replace(law.EXCLUDED_RANGE, (whole, lead: string, y1?: string, m1?: string, d1?: string, y2?: string, m2?: string, d2?: string, total?: string) => {
      const from = rangeDate(y1, m1, d1!, { y: Number(started.slice(0, 4)), m: Number(started.slice(5, 7)) });
      const to = from ? rangeDate(y2, m2, d2!, { y: Number(from.slice(0, 4)), m: Number(from.slice(5, 7)) }) : null;
      if (!from || !to || to < from) return whole;
      days += Math.max(diffDays(from, to) + 1, total ? parseAnyInt(total) ?? 0 : 0);
      return `${lead}；`;
    });
  }
  for (const m of text.matchAll(law.EXCLUDED_PERIOD)) {
    const n = parseAnyInt(m[1]) ?? 0;
    days += /工作日/.test(m[0]) ? diffDays(started, periodEnd(started, n, 'workday').date) : n;
  }
  return Math.min(days, 3660);
}

function termRule(rc: RecordChecker, started: IsoDate, closed: IsoDate | null, running: boolean): void {
  const d = formatChineseDate;
  const notes = toHalfWidth(`${rc.text('remarks')}；${rc.text('term')}；${rc.text('measure')}；${rc.text('result')}`);
  const ext = law.extended(compact(notes));
  const limit = ext ? law.SEIZURE_DAYS_EXTENDED : law.SEIZURE_DAYS;
  const excluded = excludedDays(notes, started);
  const end = closed ?? (running ? rc.opts.today : null);
  const askExtension = ext ? '' : '；确经批准延长的，在「备注」中写明“经批准延长”';
  const excl = excluded ? `（不计检测、检验等期间${excluded}日）` : '';
  if (end && end >= started) {
    const due = periodEnd(started, limit + excluded, 'day');
    if (end > due.date) {
      const days = diffDays(started, end) - excluded;
      rc.add('coercion-term-exceeded', closed ? 'closedOn' : 'startedOn', (h) =>
        closed
          ? `自${d(started)}实施，至「${h('closedOn')}」${d(closed)}共${days}日${excl}，超过${limit}日（期限至${d(due.date)}${unknownYearsClause(due.unknownYears)}）。${TERM}。请核对「${h('startedOn')}」和「${h('closedOn')}」${askExtension.replace('「备注」', `「${h('remarks')}」`)}；有检测、检验、检疫、技术鉴定期间的，在「${h('remarks')}」中写明天数。`
          : `自${d(started)}实施，至今已${days}日${excl}，超过${limit}日（期限至${d(due.date)}${unknownYearsClause(due.unknownYears)}）。${TERM}。请及时解除查封、扣押或依法作出处理决定${askExtension.replace('「备注」', `「${h('remarks')}」`)}。`,
      );
      return;
    }
  }
  const termDays = /(\d{1,5})\s?(?:日|天)/.exec(toHalfWidth(rc.text('term')));
  const written = termDays ? Number(termDays[1]) : 0;
  if (written > limit) {
    rc.add('coercion-term-exceeded', 'term', (h) => `「${h('term')}」写明${written}日，超过${limit}日。${TERM}。请按决定书核对期限${askExtension.replace('「备注」', `「${h('remarks')}」`)}。`);
  }
}
