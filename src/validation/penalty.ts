/** The 行政处罚 ledger's rules: its fields (处罚情况, 处罚依据, 案由) and its rows. */
import { ColumnDef } from '../ledger/columns';
import { IsoDate, diffDays, formatChineseDate } from '../ledger/dates';
import { OutcomeParse, lateFeeOver, parseOutcome } from '../ledger/outcome';
import { isCitizen } from '../ledger/party';
import { periodEnd } from '../ledger/periods';
import { unknownYearsClause } from '../ledger/workdays';
import { compact, toHalfWidth } from '../ledger/text';
import { normativeBasis } from './basis';
import { FieldAnalysis, addFinding } from './findings';
import * as law from './law';
import type { RecordChecker, RowVerdict } from './record';

export const PENALTY_FIELD_RULES: Partial<Record<string, (a: FieldAnalysis, def: ColumnDef) => void>> = {
  outcome: (a) => {
    const o = (a.outcome = parseOutcome(a.text));
    if (a.placeholder) return;
    // 行政拘留 is the row's to decide (备注 may say the case was transferred): checkPenalty.
    if (o.correctionOnly) addFinding(a, 'penalty-correction-only', a.text);
    else if (!o.noPenalty && !o.kinds.length && !o.transferred) addFinding(a, 'penalty-type-unknown', a.text);
    for (const w of new Set(o.withoutAmount)) addFinding(a, 'fine-amount-missing', a.text, w);
    for (const b of new Set(o.bare)) addFinding(a, 'fine-amount-unit', a.text, b);
  },
  basis: (a) => {
    if (a.placeholder) return;
    const t = toHalfWidth(a.text);
    if (!law.ARTICLE.test(t)) addFinding(a, 'basis-no-article', a.text);
    const normative = normativeBasis(t);
    if (normative) addFinding(a, 'basis-normative-document', a.text, normative);
    else if (!law.namesLaw(t)) addFinding(a, 'basis-no-law', a.text);
  },
  cause: (a) => {
    if (!a.placeholder && !/案$/.test(compact(a.text))) addFinding(a, 'cause-format', a.text);
  },
};

/** What a 罚没票据号 says when there is no receipt. */
const NO_RECEIPT = /^(?:暂无|没有|无票据?|未开(?:具)?(?:票|票据|收据)?|未缴(?:纳)?|尚未缴纳|待缴(?:纳)?)[。.]?$/;

export function checkPenalty(rc: RecordChecker): RowVerdict {
  const closedField = rc.f('closedOn');
  const closed = closedField.date;
  // An empty 结案时间: the case is open (pending), not a date to invent.
  const open = rc.present('closedOn') && (closedField.blank || closedField.open);
  const o = rc.f('outcome').outcome;
  if (o?.detention && !rc.f('outcome').placeholder) detentionRule(rc);
  receiptRules(rc, open);
  procedureRules(rc);
  if (rc.present('filedOn') || rc.present('decidedOn')) dateOrderRules(rc, closed);
  if (o?.lateFees.length || LATE_WORDS.test(rc.text('remarks'))) lateFeeRule(rc, ['outcome', 'remarks']);
  const y = rc.f('decisionNo').docNo?.year ?? null;
  if (y !== null && closed && y > Number(closed.slice(0, 4)) && y <= Number(rc.opts.today.slice(0, 4))) yearAfterClose(rc, y, closed);
  if (open) return openCase(rc, closedField.open);
  return { pending: false, deciding: closed };
}

/** A case without 结案时间: open when its row says so, else pending with a warning (it may be closed). */
function openCase(rc: RecordChecker, saidInCell: boolean): RowVerdict {
  if (saidInCell || law.openSign(notes(rc))) return { pending: true, deciding: null, state: 'open' };
  const said = rc.f('closedOn').na ? `「${rc.header('closedOn')}」写的是${rc.quoted('closedOn')}` : `「${rc.header('closedOn')}」为空`;
  rc.add('penalty-open-unconfirmed', 'closedOn', `${said}，本行也没有写明尚未结案`);
  return { pending: true, deciding: null, state: 'unconfirmed' };
}

/** 行政拘留 in 处罚情况, unless the row says the case went to the police (移送公安机关 in 备注). */
function detentionRule(rc: RecordChecker): void {
  const remarks = compact(rc.text('remarks'));
  if (remarks && law.TRANSFER.test(remarks) && /公安|派出所/.test(remarks)) return;
  rc.add('penalty-detention', 'outcome');
}

export const LATE_WORDS = /加处|滞纳金/;

/**
 * 加处罚款 / 滞纳金 above the fine it is added to (行政强制法第四十五条第二款, 行政处罚法第七十二条),
 * read from the row's `keys`; placed on the first of them that writes the late fee.
 */
export function lateFeeRule(rc: RecordChecker, keys: string[]): void {
  const over = lateFeeOver(keys.map((k) => rc.text(k)).join('；'));
  if (!over || over.late <= over.fine) return;
  const key = keys.find((k) => LATE_WORDS.test(rc.text(k))) ?? keys[0];
  const y = (n: number) => Math.round(n * 100) / 100;
  rc.add('late-payment-exceeds', key, `加处罚款（滞纳金）${y(over.late)}元，超过罚款${y(over.fine)}元`);
}

function yearAfterClose(rc: RecordChecker, y: number, closed: IsoDate): void {
  rc.add('doc-no-year-after-close', 'decisionNo', (h) => `（${y}年）晚于「${h('closedOn')}」的年份（${closed.slice(0, 4)}年）`);
}

/** Where the row says how the fine was paid or which procedure was used. */
function notes(rc: RecordChecker): string {
  return compact(rc.text('procedure') + '；' + rc.text('remarks') + '；' + rc.text('outcome') + '；' + rc.text('receiptNo'));
}

function receiptRules(rc: RecordChecker, open: boolean): void {
  const outcome = rc.f('outcome');
  const o = outcome.outcome;
  if (!o || outcome.placeholder) return;
  const receipt = rc.f('receiptNo');
  const written = rc.present('receiptNo') && !receipt.blank && !receipt.error;
  const v = written ? rc.value('receiptNo') : null;
  const none = !written || (typeof v === 'string' && v.length <= 10 && NO_RECEIPT.test(compact(v)));
  // An open case need not be paid yet.
  if (o.money > 0 && none && !receipt.error) {
    if (!open && !law.RECEIPT_PENDING.test(rc.text('remarks'))) receiptMissing(rc, o.moneyText, written);
  }
  else if (o.money === 0 && written && !none) rc.add('receipt-unexpected', 'receiptNo');
}

function receiptMissing(rc: RecordChecker, moneyText: string, written: boolean): void {
  const onTheSpot = law.ON_THE_SPOT.test(notes(rc));
  const said = written ? `「${rc.header('receiptNo')}」写的是${rc.quoted('receiptNo')}` : `没有填写「${rc.header('receiptNo')}」`;
  const why = onTheSpot
    ? `当场收缴罚款的，必须向当事人出具财政部门统一制发的专用票据（${law.LAW_PENALTY}第七十条）`
    : `罚没款由当事人到指定的银行或者通过电子支付系统缴纳（${law.LAW_PENALTY}第六十七条），应登记缴款的票据号`;
  rc.add('receipt-missing', 'receiptNo', (h) => `「${h('outcome')}」中有罚没款（${moneyText}），但${said}。${why}`, undefined, 'outcome');
}

/** Words without which neither 简易程序 nor 当场收缴 is written (most rows: no further reading). */
const MENTIONS = /简易|当\s?场|现\s?场/;

function procedureRules(rc: RecordChecker): void {
  const outcome = rc.f('outcome');
  const o = outcome.outcome;
  if (!o || outcome.placeholder || o.noPenalty) return;
  if (!MENTIONS.test(rc.text('remarks')) && !MENTIONS.test(rc.text('procedure')) && !MENTIONS.test(outcome.text)) return;
  const n = notes(rc);
  if (law.SUMMARY_PROCEDURE.test(n) && !law.NOT_SUMMARY.test(n)) summaryProcedure(rc, o);
  if (o.fine !== null && o.fine > law.ON_THE_SPOT_FINE && law.ON_THE_SPOT.test(n) && !law.ON_THE_SPOT_GROUNDS.test(n)) onTheSpot(rc, o.fine);
}

function summaryProcedure(rc: RecordChecker, o: OutcomeParse): void {
  const others = o.kinds.filter((k) => k !== '警告' && k !== '罚款');
  const citizen = isCitizen(rc.text('party'));
  const limit = citizen ? law.SUMMARY_FINE_CITIZEN : law.SUMMARY_FINE_ORGANISATION;
  if (others.length) {
    rc.add('summary-procedure-limit', 'outcome', `本案标明适用简易程序（当场处罚），但处罚有${others.join('、')}`);
  } else if (o.fine !== null && o.fine > limit) {
    const who = citizen ? '对公民' : citizen === false ? '对法人或者其他组织' : '';
    rc.add('summary-procedure-limit', 'outcome', `本案标明适用简易程序（当场处罚），但${who}罚款${o.fine}元，超过${limit}元`);
  }
}

function onTheSpot(rc: RecordChecker, fine: number): void {
  const key = ['remarks', 'procedure', 'receiptNo', 'outcome'].find((k) => rc.present(k) && law.ON_THE_SPOT.test(compact(rc.text(k)))) ?? 'outcome';
  rc.add('on-the-spot-collection', key, `写明当场收缴，但罚款${fine}元超过一百元，也没有写明不当场收缴事后难以执行等情形`);
}

function dateOrderRules(rc: RecordChecker, closed: IsoDate | null): void {
  const filed = rc.present('filedOn') ? rc.f('filedOn').date : null;
  const decided = rc.present('decidedOn') ? rc.f('decidedOn').date : null;
  if (!filed && !decided) return;
  const d = (iso: IsoDate) => formatChineseDate(iso);
  if (closed) {
    const before = [filed && closed < filed ? 'filedOn' : null, decided && closed < decided ? 'decidedOn' : null].filter((k): k is string => !!k);
    if (before.length) {
      rc.add('case-dates-order', 'closedOn', (h) => `「${h('closedOn')}」${d(closed)}早于${before.map((k) => `「${h(k)}」${d(rc.f(k).date!)}`).join('和')}`);
    }
  }
  if (filed && decided && decided < filed) {
    rc.add('case-dates-order', 'decidedOn', (h) => `「${h('decidedOn')}」${d(decided)}早于「${h('filedOn')}」${d(filed)}`);
  } else if (filed && decided) {
    const end = periodEnd(filed, law.DECISION_DAYS, 'day');
    if (decided > end.date && !law.DECISION_TERM_ASIDE.test(compact(rc.text('remarks')))) {
      rc.add(
        'decision-overdue',
        'decidedOn',
        (h) => `「${h('filedOn')}」${d(filed)}，「${h('decidedOn')}」${d(decided)}，相隔${diffDays(filed, decided)}日，超过九十日（期限至${d(end.date)}${unknownYearsClause(end.unknownYears)}）`,
      );
    }
  }
}
