import { CellRange, CellValue, SheetGrid, cellText, gridBottom, gridRight, isCellError } from './cell';
import { KINDS, Kind, LEDGERS } from './columns';
import { compact, normalizeHeader } from './text';

/** Where a ledger sits in a sheet and which column holds which field. */
export interface LedgerLayout {
  sheet: string;
  kind: Kind;
  title: string | null;
  titleRow: number | null;
  /** Team (单位) from the title; null when missing or still a placeholder (XX). */
  team: string | null;
  /** First header row (1-based). */
  headerRow: number;
  /** 1 or 2 header rows. */
  headerRows: number;
  /** Field key → 1-based column. */
  columns: Record<string, number>;
  /** Field key → header text as written (group and sub-header joined with `/`). */
  headers: Record<string, string>;
  firstDataRow: number;
  /** Last row that can hold data (the row before the footnote, or the sheet's last row). */
  lastDataRow: number;
  footnoteRow: number | null;
  tableLeft: number;
  tableRight: number;
  /** Columns whose header is not a ledger field (kept, ignored), e.g. the add-in's 报送月份. */
  extras: { col: number; header: string }[];
  /** Required fields with no column. */
  missing: string[];
}

const HEADER_SCAN_ROWS = 20;
/** Longer cells are data, not a header or a title. */
const MAX_HEADER = 80;
const MAX_TITLE = 300;
const TITLE_WORDS: [Kind, RegExp][] = [
  ['penalty', /行政处罚/],
  ['inspection', /行政检查/],
  ['coercion', /行政强制/],
];
const FOOTNOTE = /^(报送要求|填表说明|填报说明|注[:：]|说明[:：]|备注[:：]|制表人|填表人|填报人|审核人|单位负责人|报送单位)/;
const FOOTNOTE_START = /^[\s\u3000]*[报填注说备制审单]/;
const PLACEHOLDER_TEAM = /^[xX×ｘＸ\s]*$|[xXｘＸ]{2}/;

type Dictionary = Map<string, string>;

const DICTIONARIES: Record<Kind, Dictionary> = (() => {
  const out = {} as Record<Kind, Dictionary>;
  for (const kind of KINDS) {
    const dict: Dictionary = new Map();
    for (const c of LEDGERS[kind].columns) {
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
const DISTINCT: Record<Kind, ReadonlySet<string>> = {
  penalty: new Set(['decisionNo', 'facts', 'outcome', 'basis', 'receiptNo']),
  inspection: new Set(['docNo', 'inspectedOn', 'inspectors', 'method', 'hazardCount', 'hazards', 'measures', 'rectifyOwner', 'recheckOn', 'rechecker', 'rectifyDone', 'rectifyOpen']),
  coercion: new Set(['decisionNo', 'category', 'measure', 'startedOn', 'term', 'result', 'basis']),
};

/** Maps a header text to a field key of the kind, or null. */
export function matchHeader(kind: Kind, text: string): string | null {
  if (!text || text.length > MAX_HEADER) return null;
  const n = normalizeHeader(text);
  if (!n) return null;
  return DICTIONARIES[kind].get(n) ?? null;
}

/** Merged-cell aware reader over a grid (merged cells report their top-left value). */
export class MergeIndex {
  private readonly owner = new Map<number, CellRange>();
  private readonly rows = new Set<number>();
  constructor(private readonly grid: SheetGrid, rowLimit = Infinity) {
    for (const m of grid.merges) {
      if (m.top > rowLimit) continue;
      const bottom = Math.min(m.bottom, rowLimit, gridBottom(grid));
      for (let r = m.top; r <= bottom; r++) {
        this.rows.add(r);
        for (let c = m.left; c <= m.right && c <= m.left + 256; c++) this.owner.set(r * 16384 + c, m);
      }
    }
  }
  get left(): number {
    return this.grid.left;
  }
  /** The row's cells (index 0 is column `left`), or undefined outside the grid. */
  rowValues(row: number): CellValue[] | undefined {
    return this.grid.rows[row - this.grid.top];
  }
  rowHasMerge(row: number): boolean {
    return this.rows.has(row);
  }
  merge(row: number, col: number): CellRange | undefined {
    return this.owner.get(row * 16384 + col);
  }
  /** The value shown at (row, col): the merge's top-left value inside a merge. */
  shown(row: number, col: number): CellValue {
    const m = this.merge(row, col);
    return m ? this.raw(m.top, m.left) : this.raw(row, col);
  }
  raw(row: number, col: number): CellValue {
    const r = this.grid.rows[row - this.grid.top];
    return r ? r[col - this.grid.left] ?? null : null;
  }
}

function textOf(v: CellValue): string {
  return isCellError(v) ? '' : cellText(v).trim();
}

/** Team name from a title, or null while it is a placeholder. */
export function teamFromTitle(title: string): string | null {
  const t = compact(title);
  const m = /^(.*?)(?:\d{2,4}|[xX×ｘＸ]+|[〇零一二三四五六七八九]{4})年/.exec(t) ?? /^(.*?)(?:行政处罚|行政检查|行政强制)/.exec(t);
  const team = m ? m[1].replace(/[-—–~～]+$/, '') : '';
  if (!team || PLACEHOLDER_TEAM.test(team)) return null;
  return team;
}

function titleKind(text: string): Kind | null {
  if (text.length > MAX_TITLE) return null;
  const t = compact(text);
  if (!/台账/.test(t)) return null;
  const hits = TITLE_WORDS.filter(([, re]) => re.test(t));
  return hits.length === 1 ? hits[0][0] : null;
}

interface HeaderCandidate {
  kind: Kind;
  row: number;
  rows: number;
  columns: Record<string, number>;
  headers: Record<string, string>;
  extras: { col: number; header: string }[];
  score: number;
  left: number;
  right: number;
}

function readHeader(idx: MergeIndex, kind: Kind, row: number, left: number, right: number): HeaderCandidate | null {
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
  const def = LEDGERS[kind];
  const keys = Object.keys(columns);
  const distinct = keys.filter((k) => DISTINCT[kind].has(k)).length;
  const required = def.columns.filter((c) => c.required);
  const requiredHit = required.filter((c) => c.key in columns).length;
  if (distinct < 2 || requiredHit / required.length < 0.5) return null;
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

function isFootnoteRow(idx: MergeIndex, row: number, left: number, right: number): boolean {
  for (let c = left; c <= right; c++) {
    const v = idx.raw(row, c);
    if (v === null || v === undefined || v === '') continue;
    if (typeof v === 'string' && FOOTNOTE_START.test(v) && FOOTNOTE.test(compact(v.slice(0, 40)))) return true;
    if (typeof v !== 'string' || v.trim() !== '') break;
  }
  if (!idx.rowHasMerge(row)) return false;
  const width = right - left + 1;
  for (let c = left; c <= right; c++) {
    const m = idx.merge(row, c);
    if (m && m.top === row && m.right - m.left + 1 >= Math.max(3, Math.ceil(width * 0.6)) && textOf(idx.raw(m.top, m.left))) return true;
  }
  return false;
}

/** Finds a ledger in a sheet by its title and header text; null when the sheet is no ledger. */
export function detectLedger(grid: SheetGrid): LedgerLayout | null {
  try {
    return detect(grid);
  } catch {
    return null;
  }
}

function detect(grid: SheetGrid): LedgerLayout | null {
  const bottom = gridBottom(grid);
  const right = Math.min(gridRight(grid), grid.left + 200);
  if (bottom < grid.top || right < grid.left) return null;
  const scanEnd = Math.min(bottom, grid.top + HEADER_SCAN_ROWS);
  const headIdx = new MergeIndex(grid, scanEnd + 1);

  let title: string | null = null;
  let titleRow: number | null = null;
  let tKind: Kind | null = null;
  let best: HeaderCandidate | null = null;
  for (let r = grid.top; r <= scanEnd; r++) {
    if (tKind === null) {
      for (let c = grid.left; c <= right; c++) {
        const t = textOf(headIdx.raw(r, c));
        const k = t ? titleKind(t) : null;
        if (k) {
          tKind = k;
          title = t;
          titleRow = r;
          break;
        }
      }
      if (titleRow === r) continue;
    }
    for (const kind of KINDS) {
      const cand = readHeader(headIdx, kind, r, grid.left, right);
      if (!cand) continue;
      const bonus = kind === tKind ? 0.5 : 0;
      if (!best || cand.score + bonus > best.score + (best.kind === tKind ? 0.5 : 0)) best = cand;
    }
    if (best) break;
  }
  if (!best) return null;

  const firstDataRow = best.row + best.rows;
  const idx = new MergeIndex(grid);
  let footnoteRow: number | null = null;
  for (let r = firstDataRow; r <= bottom; r++) {
    if (isFootnoteRow(idx, r, best.left, best.right)) {
      footnoteRow = r;
      break;
    }
  }
  const def = LEDGERS[best.kind];
  return {
    sheet: grid.name,
    kind: best.kind,
    title: title && tKind === best.kind ? title : null,
    titleRow: title && tKind === best.kind ? titleRow : null,
    team: title && tKind === best.kind ? teamFromTitle(title) : null,
    headerRow: best.row,
    headerRows: best.rows,
    columns: best.columns,
    headers: best.headers,
    firstDataRow,
    lastDataRow: footnoteRow !== null ? footnoteRow - 1 : bottom,
    footnoteRow,
    tableLeft: best.left,
    tableRight: best.right,
    extras: best.extras,
    missing: def.columns.filter((c) => c.required && !(c.key in best!.columns)).map((c) => c.key),
  };
}
