/* Header and title text: which field a header names, which ledger a title names, where a header block is. */
import { CellValue, cellText, isCellError } from './cell';
import { Kind, TableKind } from './columns';
import { MergeIndex } from './merge-index';
import { ROSTER_TITLE } from './roster-columns';
import { TABLES, TABLE_KINDS } from './tables';
import { compact, normalizeHeader } from './text';

const MAX_HEADER = 80;
const MAX_TITLE = 300;
const TITLE_WORDS: [Kind, RegExp][] = [
  ['penalty', /行政处罚/],
  ['inspection', /行政检查/],
  ['coercion', /行政强制/],
];
type Dictionary = Map<string, string>;

const DICTIONARIES: Record<TableKind, Dictionary> = (() => {
  const out = {} as Record<TableKind, Dictionary>;
  for (const kind of TABLE_KINDS) {
    const dict: Dictionary = new Map();
    for (const c of TABLES[kind].columns) {
      for (const text of [c.header, ...c.aliases, ...(c.group ? [c.group + c.header] : [])]) {
        const n = normalizeHeader(text);
        if (!dict.has(n)) dict.set(n, c.key);
      }
    }
    out[kind] = dict;
  }
  return out;
})();

/** Kind-specific keys: a header set must contain at least two of them. */
const DISTINCT: Record<TableKind, ReadonlySet<string>> = {
  penalty: new Set(['decisionNo', 'facts', 'outcome', 'basis', 'receiptNo']),
  inspection: new Set(['docNo', 'inspectedOn', 'inspectors', 'method', 'hazardCount', 'hazards', 'measures', 'rectifyOwner', 'recheckOn', 'rechecker', 'rectifyDone', 'rectifyOpen']),
  coercion: new Set(['decisionNo', 'category', 'measure', 'startedOn', 'term', 'result', 'basis']),
  roster: new Set(['certNo', 'issuer', 'validUntil']),
};

/** Maps a header text to a field key of the kind, or null. */
export function matchHeader(kind: TableKind, text: string): string | null {
  if (!text || text.length > MAX_HEADER) return null;
  const n = normalizeHeader(text);
  if (!n) return null;
  return DICTIONARIES[kind].get(n) ?? null;
}

export function textOf(v: CellValue): string {
  return isCellError(v) ? '' : cellText(v).trim();
}

export function titleKind(text: string): Kind | null {
  if (text.length > MAX_TITLE) return null;
  const t = compact(text);
  if (!/台账/.test(t)) return null;
  const hits = TITLE_WORDS.filter(([, re]) => re.test(t));
  return hits.length === 1 ? hits[0][0] : null;
}

/** A roster's title: `执法人员名单`, `天宁镇综合行政执法队执法人员名单`, `行政执法人员花名册`, `执法证件登记表`. */
const ROSTER_WORDS = /执法人员(?:名单|花名册|名册|信息表|登记表|一览表)|执法证件?(?:名单|台账|登记表|信息表|一览表)|持证人员(?:名单|名册|登记表)/;
const ROSTER_TITLE_RE = new RegExp(`(?:${ROSTER_WORDS.source})(?:[(（][^()（）]{0,20}[)）])?$`);

export function rosterTitle(text: string): 'roster' | null {
  if (text.length > 60) return null;
  const t = compact(text).replace(/[：:。.]+$/, '');
  return ROSTER_TITLE_RE.test(t) && titleKind(t) === null ? 'roster' : null;
}

/** The team before a roster's title (`天宁镇综合行政执法队执法人员名单`), or null. */
export function rosterTeam(title: string): string | null {
  const t = compact(title);
  const at = t.search(ROSTER_WORDS);
  const team = at > 0 ? t.slice(0, at).replace(/(?:行政)$/, '') : '';
  return team && !/^[xX×ｘＸ]*$|[xXｘＸ]{2}/.test(team) && team !== ROSTER_TITLE ? team : null;
}

export interface HeaderCandidate {
  kind: TableKind;
  row: number;
  rows: number;
  columns: Record<string, number>;
  headers: Record<string, string>;
  extras: { col: number; header: string }[];
  score: number;
  left: number;
  right: number;
}

/** How strict a header must be: `distinct` kind-specific keys at least (2), and half the required ones (unless `required` is false). */
export interface HeaderNeeds {
  distinct?: number;
  required?: boolean;
}

export function readHeader(idx: MergeIndex, kind: TableKind, row: number, left: number, right: number, needs: HeaderNeeds = {}): HeaderCandidate | null {
  // A second header row exists when some header merges down into it or it holds sub-headers.
  let twoRows = false;
  const subKeys = new Set<string>();
  // Under the group header (整改结果) and the blank cells right of it: its merge, read without merge info.
  let inGroup = false;
  for (let c = left; c <= right; c++) {
    const m = idx.merge(row, c);
    if (m && m.top === row && m.bottom > row) twoRows = true;
    const below = textOf(idx.raw(row + 1, c));
    const key = below ? matchHeader(kind, below) : null;
    // A sub-header sits under its group header (整改结果), itself usually merged across.
    const aboveText = textOf(idx.shown(row, c));
    inGroup = aboveText ? matchHeader(kind, aboveText) === 'rectifyResult' : inGroup;
    if ((key === 'rectifyDone' || key === 'rectifyOpen') && (inGroup || (m && m.left !== m.right))) subKeys.add(key);
  }
  // Both sub-headers: a lone 未完成 under 整改结果 is more likely the first data row.
  if (subKeys.size === 2) twoRows = true;
  const columns: Record<string, number> = {};
  const headers: Record<string, string> = {};
  const extras: { col: number; header: string }[] = [];
  let minCol = Infinity;
  let maxCol = -Infinity;
  for (let c = left; c <= right; c++) {
    const top = textOf(idx.shown(row, c));
    const m2 = twoRows ? idx.merge(row + 1, c) : undefined;
    const sub = twoRows && !(m2 && m2.top <= row) ? textOf(idx.raw(row + 1, c)) : '';
    let key: string | null = null;
    let header = top;
    if (sub) {
      key = matchHeader(kind, sub) ?? matchHeader(kind, top + sub);
      header = top && top !== sub ? `${top}/${sub}` : sub;
    }
    if (!key && top) key = matchHeader(kind, top);
    if (!key) {
      if (header && header.length <= MAX_HEADER) extras.push({ col: c, header: header.replace(/\s+/g, '') });
      continue;
    }
    if (key in columns) continue; // first occurrence wins; a repeated header is an extra column
    columns[key] = c;
    headers[key] = header;
    minCol = Math.min(minCol, c);
    maxCol = Math.max(maxCol, c);
  }
  // The group header alone (整改结果 without sub-columns) is a tolerated variant.
  if ('rectifyResult' in columns && ('rectifyDone' in columns || 'rectifyOpen' in columns)) delete columns.rectifyResult;
  const def = TABLES[kind];
  const keys = Object.keys(columns);
  const distinct = keys.filter((k) => DISTINCT[kind].has(k)).length;
  const required = def.columns.filter((c) => c.required);
  const requiredHit = required.filter((c) => c.key in columns).length;
  if (distinct < (needs.distinct ?? 2) || (needs.required !== false && requiredHit / required.length < 0.5)) return null;
  return {
    kind,
    row,
    rows: twoRows ? 2 : 1,
    columns,
    headers,
    extras: extras.filter((e) => e.col > minCol),
    score: keys.length + requiredHit,
    left: minCol,
    right: maxCol,
  };
}


/** Normalised header texts of every table: a row holding several is a header row. */
const ALL_HEADERS: ReadonlySet<string> = new Set(TABLE_KINDS.flatMap((k) => [...DICTIONARIES[k].keys()]));

/**
 * A cheap first look for a header row below the data (a repeated or another table's header): no
 * number or date in the table's columns, and at least three cells that are some ledger's headers.
 */
export function headerLikeRow(cells: CellValue[] | undefined, from: number, to: number): boolean {
  if (!cells) return false;
  let hits = 0;
  for (let j = Math.max(0, from); j <= to && j < cells.length; j++) {
    const v = cells[j];
    if (typeof v === 'number' || v instanceof Date) return false;
    if (typeof v !== 'string' || v.length > 24 || /\d/.test(v)) continue;
    if (ALL_HEADERS.has(normalizeHeader(v)) && ++hits >= 3) return true;
  }
  return false;
}
