/** The 行政检查 ledger's rows: hazards, rectification marks, re-inspection and its deadline. */
import { IsoDate, formatChineseDate } from '../ledger/dates';
import { MarkParse, parseMark } from '../ledger/marks';
import { PeriodEnd, PeriodUnit, findDeadlines, periodEnd } from '../ledger/periods';
import { compact } from '../ledger/text';
import { unknownYearsClause } from '../ledger/workdays';
import { MAX_RULE_TEXT } from './findings';
import * as law from './law';
import type { RecordChecker, RowVerdict } from './record';

export interface Deadline {
  date: IsoDate;
  /** How it was reckoned, for messages: `（检查后5日，至2023年10月9日）`. */
  label: string;
  /** Written in 整改措施 (not the default). */
  written: boolean;
}

const UNIT_WORD: Record<PeriodUnit, string> = { workday: '个工作日', day: '日', week: '周', month: '个月', year: '年' };

function shifted(end: PeriodEnd): string {
  return end.date !== end.nominal ? `；${formatChineseDate(end.nominal)}是法定休假日，顺延` : '';
}

/**
 * The rectification deadline written in 整改措施 (the latest one when several are written: the
 * completion, not a first step), else 30 days after the inspection. Periods end as the Civil
 * Code says (periods.ts).
 */
export function rectifyDeadline(measures: string, inspectedOn: IsoDate): Deadline {
  let best: Deadline | null = null;
  for (const w of findDeadlines(measures.length > MAX_RULE_TEXT ? measures.slice(0, MAX_RULE_TEXT) : measures, inspectedOn)) {
    let d: Deadline;
    if ('date' in w) {
      d = { date: w.date, label: `（${formatChineseDate(w.date)}前）`, written: true };
    } else {
      const end = periodEnd(inspectedOn, w.n, w.unit);
      d = { date: end.date, label: `（检查后${w.n}${UNIT_WORD[w.unit]}，至${formatChineseDate(end.date)}${shifted(end)}${unknownYearsClause(end.unknownYears)}）`, written: true };
    }
    if (!best || d.date > best.date) best = d;
  }
  if (best) return best;
  const end = periodEnd(inspectedOn, law.DEFAULT_RECHECK_DAYS, 'day');
  return { date: end.date, label: `（未写明期限，按检查后${law.DEFAULT_RECHECK_DAYS}日计，至${formatChineseDate(end.date)}${shifted(end)}${unknownYearsClause(end.unknownYears)}）`, written: false };
}

/** 隐患内容 / 整改措施 saying there is nothing: clean on a row without hazards. */
const NOTHING = /^(?:无|没有|未发现|暂无|未见|零)(?:任何)?(?:安全)?(?:隐患|问题|异常|违法行为)?[。.]?$|^(?:无需|不需要?|无须|不用)整改[。.]?$/;

const NO_MARK: MarkParse = parseMark(null);
/** 复检人 written as “the inspectors” (checked in 检查人员 already). */
export const SAME_AS_INSPECTORS = /^同(?:上|前|检查人员?|检查人)$/;

export function checkInspection(rc: RecordChecker): RowVerdict {
  const countParse = rc.f('hazardCount').count;
  const count = countParse?.ok ? countParse.value : null;
  const recheck = rc.f('recheckOn');
  const inspected = rc.f('inspectedOn').date;
  const recheckOn = recheck.date;
  let done = rc.f('rectifyDone').mark ?? NO_MARK;
  let open = rc.f('rectifyOpen').mark ?? NO_MARK;
  const result = rc.f('rectifyResult');
  if (rc.present('rectifyResult') && !result.blank && !rc.present('rectifyDone')) {
    const t = compact(result.text);
    open = { marked: /未/.test(t), nonStandard: false, unknown: false };
    done = { marked: !open.marked && /完成|已整改|√/.test(t), nonStandard: false, unknown: false };
  }
  if (rc.present('docNo') && rc.f('docNo').blank) rc.add('doc-no-missing', 'docNo');
  if (count === null) return { pending: false, deciding: null };
  if (count === 0) {
    noHazardRule(rc, done.marked || open.marked, !recheck.blank);
    return { pending: false, deciding: inspected };
  }
  if (rc.f('hazards').blank) requiredBecauseOfHazards(rc, 'hazards', count);
  if (rc.f('measures').blank) requiredBecauseOfHazards(rc, 'measures', count);
  if (rc.f('rectifyOwner').blank) ownerRule(rc);

  const deadline = inspected ? rc.memo.deadline(rc.f('measures').text, inspected) : null;
  if (recheck.blank) {
    if (deadline && rc.opts.today > deadline.date) rc.add('recheck-overdue', 'recheckOn', deadline.label, '', 'hazardCount');
    return { pending: true, deciding: null };
  }
  if (rc.f('rechecker').blank) recheckerRequired(rc);
  else if (!SAME_AS_INSPECTORS.test(compact(rc.f('rechecker').text))) rc.addDeferred('rechecker');
  if (done.marked && open.marked) rc.add('rectify-both-marked', 'rectifyOpen', '', undefined, 'rectifyResult');
  else if (!done.marked && !open.marked) rc.add('rectify-unmarked', 'rectifyDone', '', undefined, rc.present('rectifyResult') ? 'rectifyResult' : 'recheckOn');
  else if (open.marked && !law.FOLLOW_UP.test(rc.text('remarks'))) rc.add('rectify-open', 'rectifyOpen', '', undefined, 'rectifyResult');
  if (recheckOn && inspected) {
    if (recheckOn < inspected) rc.add('recheck-before-inspection', 'recheckOn', `${formatChineseDate(inspected)}`);
    else if (deadline && deadline.written && recheckOn > deadline.date) rc.add('recheck-after-deadline', 'recheckOn', deadline.label);
  }
  return { pending: false, deciding: recheckOn };
}

// Rules with messages that name columns; apart so that the row check itself allocates nothing.

function noHazardRule(rc: RecordChecker, marked: boolean, rechecked: boolean): void {
  const hz = rc.f('hazards');
  const me = rc.f('measures');
  const filled: string[] = [];
  if (!hz.blank && !NOTHING.test(compact(hz.text))) filled.push('hazards');
  if (!me.blank && !NOTHING.test(compact(me.text))) filled.push('measures');
  if (marked) filled.push('rectifyDone');
  if (rechecked) filled.push('recheckOn');
  if (!rc.f('rechecker').blank) filled.push('rechecker');
  if (filled.length) rc.add('hazard-fields-unexpected', filled[0], (h) => filled.map((k) => `「${h(k)}」`).join(''));
}

function requiredBecauseOfHazards(rc: RecordChecker, key: 'hazards' | 'measures', count: number): void {
  const said = rc.f(key).na ? `写的是${rc.quoted(key)}，` : '';
  rc.add('required', key, (h) => `「${h('hazardCount')}」为${count}，${said}「${h(key)}」应当填写`);
}

function ownerRule(rc: RecordChecker): void {
  const said = rc.f('rectifyOwner').na ? rc.quoted('rectifyOwner') : '';
  rc.add('rectify-owner-missing', 'rectifyOwner', said ? (h) => `发现了隐患，「${h('rectifyOwner')}」却写了${said}` : '', undefined, 'hazardCount');
}

function recheckerRequired(rc: RecordChecker): void {
  const said = rc.f('rechecker').na ? `写的是${rc.quoted('rechecker')}，` : '';
  rc.add('required', 'rechecker', (h) => `已复检，${said}「${h('rechecker')}」应当填写`, undefined, 'recheckOn');
}
