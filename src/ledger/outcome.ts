/** Reads 处罚情况: which penalties of 《行政处罚法》第九条 it names, and the money in it. */
import { Amount, findAmounts } from './money';
import { toHalfWidth } from './text';

export interface OutcomeParse {
  /** 不予（行政）处罚 / 免予处罚 / 不再给予行政处罚 …. */
  noPenalty: boolean;
  /** 行政拘留 by the team itself (not one that the row says another body imposed). */
  detention: boolean;
  /** Penalty kinds named (第九条), in the order of PENALTY_KINDS. */
  kinds: string[];
  /** Only orders to correct (责令改正 …), which are no penalty. */
  correctionOnly: boolean;
  /** Money imposed (罚款 and 没收违法所得), in 元, and how its first amount was written. */
  money: number;
  moneyText: string;
  /** The fines alone (罚款), in 元; null when a 罚款 has no amount. */
  fine: number | null;
  /** Money penalties written without an amount (`罚款`, `没收违法所得`). */
  withoutAmount: string[];
  /** Amounts of money penalties written as a bare number (`罚款2000`): the number as written. */
  bare: string[];
  /** The case was transferred (`移送公安机关`) or the text tells of another body's decision. */
  transferred: boolean;
  /** 加处罚款 / 滞纳金 amounts (行政强制法第四十五条), in 元. */
  lateFees: number[];
}

/** 《行政处罚法》第九条 penalty kinds (as written in 处罚情况). */
export const PENALTY_KINDS: readonly string[] = [
  '警告',
  '通报批评',
  '罚款',
  '没收违法所得',
  '没收非法财物',
  '暂扣许可证件',
  '降低资质等级',
  '吊销许可证件',
  '限制开展生产经营活动',
  '责令停产停业',
  '责令停业',
  '责令停产',
  '责令关闭',
  '限制从业',
  '行政拘留',
];

/** 暂扣/吊销 of a named licence: 吊销营业执照, 暂扣驾驶证, 吊销食品经营许可证 … */
export const LICENCE_PENALTY = /(暂扣|吊销)[^，,；;。]{0,20}?(证|照|许可|资格|资质)/;
/**
 * No penalty, in the law's own words: 不予（行政）处罚 (第三十条、第三十一条、第三十三条、第五十七条),
 * 不再给予行政处罚 (第三十六条), 免予／免于处罚, 首违不罚.
 */
export const NO_PENALTY = /(?:不予以?|免予|免于|不再给予|不给予|不作|免除)(?:行政)?处罚|首违不罚|轻微免罚/;
export const DETENTION = /拘留/;
/** Orders to correct (第二十八条): 责令改正, 责令限期改正, 责令停止违法行为, 限期整改. */
export const CORRECTION = /责令[^，,；;。]{0,6}?(?:改正|整改|停止违法行为|拆除|恢复原状)|限期(?:改正|整改|拆除)/;
const CONFISCATION = /没收(?!(?:其)?违法所得)/;
export const MONEY_PENALTY = /罚款|没收违法所得/g;

/**
 * A case handed to another body (移送公安机关, 移交县市场监管局处理); an internal step
 * (移送法制审核) is none.
 */
export const TRANSFER =
  /(?:移送|移交|转交|转送|移转)(?:至|到|给)?[^，,；;。]{0,15}?(?:公安|派出所|检察|法院|司法机关|监察|纪委|纪检|机关|有关部门|主管部门|相关部门|局|委员会|处理|查处|追究)/;
/** A clause telling what another body decided (`由公安机关予以行政拘留`, `公安机关行政拘留5日`). */
const OTHER_BODY = /由(?!本|我|该镇|该乡)[^，,；;。]{0,12}?(?:公安|派出所|检察|法院|司法机关|监察|纪委|有关部门|主管部门|相关部门|局|委员会)|公安机关|派出所/;
const MAYBE_OTHER = /移|转|公安|派出所|由/;

/** Splits text into clauses at Chinese and ASCII punctuation (a comma inside `1,000` is none). */
function clauses(text: string): string[] {
  return text.split(/(?:[，；;。\n]|,(?!\d{3}))+/).filter((c) => c.trim() !== '');
}

/** The team's own part of 处罚情况: the text without the clauses about a transfer or another body's act. */
export function splitTransfer(text: string): { own: string; transferred: boolean } {
  if (!MAYBE_OTHER.test(text)) return { own: text, transferred: false };
  const parts = clauses(text);
  let after = false;
  const own = parts.filter((c) => {
    const other = TRANSFER.test(c) || OTHER_BODY.test(c) || (after && /^并?由(?:其|该)/.test(c));
    after ||= TRANSFER.test(c);
    return !other;
  });
  return own.length === parts.length ? { own: text, transferred: false } : { own: own.join('，'), transferred: true };
}

interface Hit {
  word: string;
  index: number;
}

/** 罚款 / 没收违法所得 / 加处罚款 / 滞纳金 in one clause; `罚款数额` (a description) is none. */
const MONEY_WORDS = /加处罚款|加处|滞纳金|罚款|没收(?:其)?违法所得/g;
const DESCRIPTIVE = /^(?:数额|总额|金额的|标准|基数)/;

function moneyHits(part: string): Hit[] {
  const out: Hit[] = [];
  for (const m of part.matchAll(MONEY_WORDS)) {
    const at = m.index ?? 0;
    const word = m[0].startsWith('没收') ? '没收违法所得' : m[0];
    if (word === '罚款' && DESCRIPTIVE.test(part.slice(at + 2, at + 6))) continue;
    const prev = out[out.length - 1];
    // `加处2000元罚款`: the 罚款 is the 加处's.
    if (word === '罚款' && prev?.word === '加处' && findAmounts(part.slice(prev.index, at)).length) continue;
    out.push({ word: word === '加处罚款' || word === '加处' ? '加处' : word, index: at });
  }
  return out;
}

/** Each money penalty of a text with its amount (null when none is written), in text order. */
function moneyPenalties(t: string): { word: string; amount: Amount | null }[] {
  const out: { word: string; amount: Amount | null }[] = [];
  const parts = clauses(t);
  parts.forEach((part, i) => {
    const hits = moneyHits(part);
    let lead = hits.length ? part.slice(0, hits[0].index) : '';
    hits.forEach((h, j) => {
      const end = j + 1 < hits.length ? hits[j + 1].index : part.length;
      // The amount follows the penalty (`罚款5000元`), or comes before it (`处5000元罚款`), or opens the next clause (`处以罚款，计5000元`).
      let amount: Amount | null = findAmounts(part.slice(h.index, end))[0] ?? null;
      if (!amount && lead) {
        const before = findAmounts(lead);
        amount = before[before.length - 1] ?? null;
      }
      lead = '';
      const next = parts[i + 1];
      if (!amount && j === hits.length - 1 && next && !moneyHits(next).length) amount = findAmounts(next)[0] ?? null;
      out.push({ word: h.word, amount });
    });
  });
  return out;
}

export function parseOutcome(raw: string): OutcomeParse {
  const { own: t, transferred } = splitTransfer(toHalfWidth(raw));
  const noPenalty = NO_PENALTY.test(t);
  const penaltyText = t.includes('加处') || t.includes('滞纳金') ? t.replace(/加处罚款|滞纳金/g, '加处') : t;
  const detention = DETENTION.test(penaltyText);
  const kinds = PENALTY_KINDS.filter((k) => penaltyText.includes(k));
  if (LICENCE_PENALTY.test(penaltyText) && !kinds.some((k) => /暂扣|吊销/.test(k))) kinds.push('暂扣或吊销许可证件');
  // Any other 没收 (烟花爆竹, 经营工具, 过期食品 …) is 没收非法财物.
  if (CONFISCATION.test(penaltyText) && !kinds.includes('没收非法财物')) kinds.push('没收非法财物');
  const out: OutcomeParse = {
    noPenalty,
    detention,
    kinds,
    correctionOnly: !noPenalty && !detention && !kinds.length && !transferred && CORRECTION.test(t),
    money: 0,
    moneyText: '',
    fine: null,
    withoutAmount: [],
    bare: [],
    transferred,
    lateFees: [],
  };
  if (noPenalty || !/罚款|违法所得|加处|滞纳金/.test(t)) return out;
  let fine = 0;
  let fineMissing = false;
  for (const { word, amount } of moneyPenalties(t)) {
    if (word === '加处' || word === '滞纳金') {
      if (amount) out.lateFees.push(amount.yuan);
      continue;
    }
    if (!amount) {
      out.withoutAmount.push(word);
      if (word === '罚款') fineMissing = true;
      continue;
    }
    if (amount.bare) out.bare.push(amount.text);
    if (word === '罚款') fine += amount.yuan;
    out.money += amount.yuan;
    out.moneyText = out.moneyText || amount.text;
  }
  out.fine = kinds.includes('罚款') && !fineMissing ? fine : null;
  return out;
}

/**
 * The fine and the 加处罚款 / 滞纳金 a text writes (行政强制法第四十五条第二款: the latter may not
 * exceed the former): null when either is not written with an amount.
 */
export function lateFeeOver(raw: string): { fine: number; late: number } | null {
  const t = toHalfWidth(raw);
  if (!/加处|滞纳金/.test(t)) return null;
  let fine = 0;
  let late = 0;
  for (const { word, amount } of moneyPenalties(t)) {
    if (!amount) continue;
    if (word === '罚款') fine += amount.yuan;
    else if (word === '加处' || word === '滞纳金') late = Math.max(late, amount.yuan);
  }
  return fine > 0 && late > 0 ? { fine, late } : null;
}
