/** Reads 处罚情况: which penalties of 《行政处罚法》第九条 it names, and the money in it. */
import { findAmounts } from './money';
import { toHalfWidth } from './text';

export interface OutcomeParse {
  /** 不予（行政）处罚 / 免予处罚. */
  noPenalty: boolean;
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
export const NO_PENALTY = /(不予|免予)(行政)?处罚/;
export const DETENTION = /拘留/;
/** Orders to correct (第二十八条): 责令改正, 责令限期改正, 责令停止违法行为, 限期整改. */
export const CORRECTION = /责令[^，,；;。]{0,6}?(?:改正|整改|停止违法行为|拆除|恢复原状)|限期(?:改正|整改|拆除)/;
const CONFISCATION = /没收(?!(?:其)?违法所得)/;
export const MONEY_PENALTY = /罚款|没收违法所得/g;

/** Splits text into clauses at Chinese and ASCII punctuation. */
function clauses(text: string): string[] {
  return text.split(/[，,；;。\n]+/).filter((c) => c.trim() !== '');
}

export function parseOutcome(raw: string): OutcomeParse {
  const t = toHalfWidth(raw);
  const noPenalty = NO_PENALTY.test(t);
  const detention = DETENTION.test(t);
  const kinds = PENALTY_KINDS.filter((k) => t.includes(k));
  if (LICENCE_PENALTY.test(t) && !kinds.some((k) => /暂扣|吊销/.test(k))) kinds.push('暂扣或吊销许可证件');
  // Any other 没收 (烟花爆竹, 经营工具, 过期食品 …) is 没收非法财物.
  if (CONFISCATION.test(t) && !kinds.includes('没收非法财物')) kinds.push('没收非法财物');
  const out: OutcomeParse = {
    noPenalty,
    detention,
    kinds,
    correctionOnly: !noPenalty && !detention && !kinds.length && CORRECTION.test(t),
    money: 0,
    moneyText: '',
    fine: null,
    withoutAmount: [],
  };
  if (noPenalty) return out;
  const parts = clauses(t);
  let fine = 0;
  let fineMissing = false;
  parts.forEach((part, i) => {
    // The amount follows the penalty in its clause, or opens the next one (`处以罚款，计5000元`).
    const next = parts[i + 1] ?? '';
    const carry = /罚款|没收/.test(next) ? '' : next;
    for (const m of part.matchAll(MONEY_PENALTY)) {
      const amounts = findAmounts(part.slice(m.index ?? 0) + carry);
      if (!amounts.length) out.withoutAmount.push(m[0]);
      else if (m[0] === '罚款') fine += amounts[0].yuan;
      if (!amounts.length && m[0] === '罚款') fineMissing = true;
    }
  });
  out.fine = kinds.includes('罚款') && !fineMissing ? fine : null;
  if (/罚款|没收违法所得/.test(t)) {
    for (const amount of findAmounts(t)) {
      out.money += amount.yuan;
      out.moneyText = out.moneyText || amount.text;
    }
  }
  return out;
}
