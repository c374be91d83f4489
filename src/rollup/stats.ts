/**
 * The county's statistics, case by case, by the rules of the national 行政执法统计 tables
 * (《行政处罚情况统计表》填表说明; see docs/dev/rollup.md for the source and the decisions).
 */
import { findAmounts } from '../ledger/money';
import { TRANSFER, splitTransfer } from '../ledger/outcome';
import { toHalfWidth } from '../ledger/text';
import { COERCION_CATEGORIES, NO_PENALTY } from '../validation/law';

/**
 * Penalty kinds from light to heavy, as 《行政处罚法》第九条 lists them and the statistics rules
 * order them ((1)警告 … (13)行政拘留); each with the words that name it in 处罚情况.
 */
export const PENALTY_KINDS = [
  { kind: '警告', re: /警告/ },
  { kind: '通报批评', re: /通报批评/ },
  { kind: '罚款', re: /罚款/ },
  { kind: '没收违法所得', re: /没收(?:其)?违法所得/ },
  { kind: '没收非法财物', re: /没收(?:其)?(?:非法财物|违法财物|(?:用于)?(?:违法|非法)[^，,；;。]{0,8}(?:工具|物品|财物|设备|产品|食品))/ },
  { kind: '暂扣许可证件', re: /暂扣[^，,；;。]{0,20}?(?:证|照|许可)/ },
  { kind: '降低资质等级', re: /降低资质等级/ },
  { kind: '吊销许可证件', re: /吊销[^，,；;。]{0,20}?(?:证|照|许可|资格|资质)/ },
  { kind: '限制开展生产经营活动', re: /限制开展生产经营活动/ },
  { kind: '责令停产停业', re: /责令(?:停产停业|停业|停产)/ },
  { kind: '责令关闭', re: /责令关闭/ },
  { kind: '限制从业', re: /限制从业/ },
  { kind: '行政拘留', re: /拘留/ },
] as const;

export type PenaltyKind = (typeof PENALTY_KINDS)[number]['kind'] | '其他';
export const PENALTY_KIND_NAMES: readonly PenaltyKind[] = [...PENALTY_KINDS.map((k) => k.kind), '其他'];

export interface PenaltyClass {
  /** The heaviest kind named, `其他` when none is, null for 不予处罚. */
  kind: PenaltyKind | null;
  /** Every kind named, light to heavy. */
  named: PenaltyKind[];
  noPenalty: boolean;
  /** 罚没金额 in 元: fines, and confiscations whose amount is stated. */
  amountYuan: number;
  /**
   * Only when true: the case was transferred (移送公安机关 …) and the team imposed no penalty
   * itself — a 移送 case, not the team's penalty (kind null, counted apart).
   */
  transferred?: true;
}

/** Money penalties whose amount counts (the statistics rules: 罚款, and 没收 where the amount is stated). */
const MONEY = /罚款|没收(?:其)?违法所得|没收(?:其)?(?:非法|违法)/g;
const NAMES_PENALTY = (text: string) => PENALTY_KINDS.some((k) => k.re.test(text));
/** Clause breaks; a comma inside a number (`5,000元`) is none. */
const CLAUSE = /(?:[，；;。\n]|,(?!\d{3}))+/;

/**
 * 罚没金额 of one 处罚情况: each money penalty takes the first amount after it in its clause
 * (`罚款5000元`), else the last one before it (`处5000元罚款`), else an amount opening the next
 * clause that names no penalty (`处以罚款，计5000元`). Amounts tied to nothing (`货值3000元`
 * in a clause without a penalty) are not counted.
 */
export function moneyOf(outcome: string): number {
  const parts = toHalfWidth(outcome).split(CLAUSE);
  let total = 0;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    const hits = [...part.matchAll(MONEY)];
    if (!hits.length) continue;
    let lead = part.slice(0, hits[0].index);
    hits.forEach((h, j) => {
      const start = h.index ?? 0;
      const end = j + 1 < hits.length ? hits[j + 1].index ?? part.length : part.length;
      const own = findAmounts(part.slice(start, end));
      if (own.length) {
        total += own[0].yuan;
        lead = '';
        return;
      }
      const before = findAmounts(lead);
      if (before.length) {
        total += before[before.length - 1].yuan;
        lead = '';
        return;
      }
      const next = parts[i + 1] ?? '';
      if (j === hits.length - 1 && next && !NAMES_PENALTY(next)) {
        const carry = findAmounts(next);
        if (carry.length) total += carry[0].yuan;
      }
    });
  }
  return Math.round(total * 100) / 100;
}

/**
 * A case counts once, under its heaviest kind; `其他` only when no named kind applies; 不予处罚
 * apart. What another body imposed on a transferred case (`移送公安机关，由公安机关予以行政拘留`;
 * or 行政拘留 with 备注 `已移送公安机关`) is not the team's: a case with nothing else is a 移送 case.
 */
export function classifyPenalty(outcome: string, remarks = ''): PenaltyClass {
  const full = toHalfWidth(outcome ?? '');
  const { own, transferred } = splitTransfer(full);
  const toPolice = TRANSFER.test(toHalfWidth(remarks ?? '')) && /公安|派出所/.test(remarks ?? '');
  const t = toPolice ? own.replace(/(?:行政)?拘留/g, '') : own;
  if (NO_PENALTY.test(t)) return { kind: null, named: [], noPenalty: true, amountYuan: 0 };
  const named = PENALTY_KINDS.filter((k) => k.re.test(t)).map((k) => k.kind as PenaltyKind);
  if (!named.length && (transferred || toPolice)) return { kind: null, named, noPenalty: false, amountYuan: 0, transferred: true };
  return { kind: named.length ? named[named.length - 1] : '其他', named, noPenalty: false, amountYuan: moneyOf(t) };
}

/** 《行政强制法》第九条 measures and 第十二条 means of enforcement, as the statistics tables list them. */
export const MEASURE_KINDS = [
  { kind: '查封', re: /查封/ },
  { kind: '扣押', re: /扣押/ },
  { kind: '冻结', re: /冻结/ },
] as const;
export const ENFORCEMENT_KINDS = [
  { kind: '加处罚款或滞纳金', re: /加处罚款|滞纳金/ },
  { kind: '划拨', re: /划拨/ },
  { kind: '拍卖或处理', re: /拍卖|依法处理|处理查封|处理扣押/ },
  // 强制拆除 restores the former state (《行政强制法》第四十四条).
  { kind: '排除妨碍恢复原状', re: /排除妨碍|恢复原状|拆除/ },
  { kind: '代履行', re: /代履行/ },
] as const;
export const MEASURE_NAMES = [...MEASURE_KINDS.map((k) => k.kind), '其他'] as const;
export const ENFORCEMENT_NAMES = [...ENFORCEMENT_KINDS.map((k) => k.kind), '其他'] as const;

export interface CoercionClass {
  category: 'measure' | 'enforcement' | null;
  /** Each kind the case names (a case of 查封、扣押 counts under both), `其他` when it names none. */
  kinds: string[];
}

/** 强制类别 decides the table; when it is unreadable, the 强制方式 does. */
export function classifyCoercion(category: string, measure: string): CoercionClass {
  const m = toHalfWidth(measure ?? '');
  let cat: CoercionClass['category'] = COERCION_CATEGORIES[(category ?? '').replace(/\s+/g, '')] ?? null;
  if (!cat) cat = MEASURE_KINDS.some((k) => k.re.test(m)) ? 'measure' : ENFORCEMENT_KINDS.some((k) => k.re.test(m)) ? 'enforcement' : null;
  if (!cat) return { category: null, kinds: [] };
  const list = cat === 'measure' ? MEASURE_KINDS : ENFORCEMENT_KINDS;
  const kinds: string[] = list.filter((k) => k.re.test(m)).map((k) => k.kind);
  return { category: cat, kinds: kinds.length ? kinds : ['其他'] };
}

// ---- the figures of one township (or a total) ----

export interface PenaltyStats {
  /** The team's penalty cases (不予处罚 included, 移送 cases not). */
  cases: number;
  byKind: Record<string, number>;
  amountYuan: number;
  noPenalty: number;
  /** Transferred cases with no penalty of the team's own (移送); absent when none. */
  transferred?: number;
}
export interface InspectionStats {
  count: number;
  withHazards: number;
  rechecked: number;
  pendingRecheck: number;
}
export interface CoercionStats {
  measures: Record<string, number>;
  enforcement: Record<string, number>;
  cases: number;
}
export interface Figures {
  penalty: PenaltyStats;
  inspection: InspectionStats;
  coercion: CoercionStats;
  issues: { error: number; warning: number };
}

export function emptyFigures(): Figures {
  return {
    penalty: { cases: 0, byKind: {}, amountYuan: 0, noPenalty: 0 },
    inspection: { count: 0, withHazards: 0, rechecked: 0, pendingRecheck: 0 },
    coercion: { measures: {}, enforcement: {}, cases: 0 },
    issues: { error: 0, warning: 0 },
  };
}

export function bump(map: Record<string, number>, key: string, n = 1): void {
  if (n) map[key] = (map[key] ?? 0) + n;
}

/** Kinds in the order of the law, only those counted. */
export function ordered(map: Record<string, number>, order: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of order) if (map[k]) out[k] = map[k];
  return out;
}

export function addFigures(into: Figures, f: Figures): Figures {
  into.penalty.cases += f.penalty.cases;
  into.penalty.noPenalty += f.penalty.noPenalty;
  if (f.penalty.transferred) into.penalty.transferred = (into.penalty.transferred ?? 0) + f.penalty.transferred;
  into.penalty.amountYuan = Math.round((into.penalty.amountYuan + f.penalty.amountYuan) * 100) / 100;
  for (const [k, v] of Object.entries(f.penalty.byKind)) bump(into.penalty.byKind, k, v);
  into.penalty.byKind = ordered(into.penalty.byKind, PENALTY_KIND_NAMES);
  for (const key of ['count', 'withHazards', 'rechecked', 'pendingRecheck'] as const) into.inspection[key] += f.inspection[key];
  into.coercion.cases += f.coercion.cases;
  for (const [k, v] of Object.entries(f.coercion.measures)) bump(into.coercion.measures, k, v);
  for (const [k, v] of Object.entries(f.coercion.enforcement)) bump(into.coercion.enforcement, k, v);
  into.coercion.measures = ordered(into.coercion.measures, MEASURE_NAMES);
  into.coercion.enforcement = ordered(into.coercion.enforcement, ENFORCEMENT_NAMES);
  into.issues.error += f.issues.error;
  into.issues.warning += f.issues.warning;
  return into;
}
