/*
 * Finds a ledger in a sheet: its title, its header (by text, never by position), its columns,
 * and how far its table goes — to the sheet's last row, or to where another table's title or
 * header begins. Which rows of the table are cases is rows.ts's part.
 */
import { SheetGrid, gridBottom, gridRight, rightOfRows } from './cell';
import { KINDS, TableKind } from './columns';
import { HeaderCandidate, HeaderNeeds, headerLikeRow, readHeader, rosterTeam, rosterTitle, textOf, titleKind } from './headers';
import { MergeIndex } from './merge-index';
import { isDividerText, isNoteText, isTotalText } from './row-kinds';
import { TABLES, TABLE_KINDS, tableColumn } from './tables';
import { compact } from './text';
import { LedgerLayout, RosterLayout, TableLayout } from './types';

export { MergeIndex } from './merge-index';
export { matchHeader, rosterTitle, titleKind } from './headers';
export type { LedgerLayout, RosterLayout, TableLayout } from './types';

const HEADER_SCAN_ROWS = 20;
const PLACEHOLDER_TEAM = /^[xX×ｘＸ\s]*$|[xXｘＸ]{2}/;

/** Team name from a title, or null while it is a placeholder. */
export function teamFromTitle(title: string): string | null {
  const t = compact(title);
  const m = /^(.*?)(?:\d{2,4}|[xX×ｘＸ]+|[〇零一二三四五六七八九]{4})年/.exec(t) ?? /^(.*?)(?:行政处罚|行政检查|行政强制)/.exec(t);
  const team = m ? m[1].replace(/[-—–~～]+$/, '') : '';
  if (!team || PLACEHOLDER_TEAM.test(team)) return null;
  return team;
}

const sameColumns = (a: Record<string, number>, b: Record<string, number>) => {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
};

interface TableExtent {
  lastDataRow: number;
  repeatedHeaderRows: number[];
  otherTable: { row: number; text: string } | null;
}

/**
 * How far the table below a header goes: header blocks further down that repeat this one (a
 * clerk's month blocks, a printout's repeated header) are rows to skip, with the ledger's title
 * line above them; another ledger's title, or a header block of other columns, begins another
 * table and ends this one.
 */
function tableExtent(grid: SheetGrid, idx: MergeIndex, best: HeaderCandidate, firstDataRow: number, bottom: number): TableExtent {
  const repeated: number[] = [];
  const from = best.left - grid.left;
  const to = best.right - grid.left;
  let titleAbove: number | null = null;
  for (let r = firstDataRow; r <= bottom; r++) {
    const cells = idx.rowValues(r);
    if (!cells || !cells.length) continue;
    const lone = loneText(cells);
    const k: TableKind | null = lone !== null ? titleKind(lone) ?? rosterTitle(lone) : null;
    if (k && k !== best.kind) return { lastDataRow: trimTrailing(idx, best, firstDataRow, r - 1, repeated), repeatedHeaderRows: repeated, otherTable: { row: r, text: lone! } };
    if (k) {
      titleAbove = r;
      continue;
    }
    if (headerLikeRow(cells, from, to)) {
      let cand: HeaderCandidate | null = null;
      for (const kind of [best.kind, ...TABLE_KINDS.filter((x) => x !== best.kind)]) {
        cand = readHeader(idx, kind, r, grid.left, Math.min(gridRight(grid), grid.left + 200));
        if (cand) break;
      }
      if (cand && cand.kind === best.kind && cand.rows === best.rows && sameColumns(cand.columns, best.columns)) {
        for (let i = 0; i < cand.rows; i++) repeated.push(r + i);
        r += cand.rows - 1;
        titleAbove = null;
        continue;
      }
      if (cand) {
        const start = titleAbove ?? r;
        const text = titleAbove !== null ? loneText(idx.rowValues(titleAbove) ?? []) ?? '' : cellsText(cells);
        const kept = repeated.filter((x) => x < start);
        return { lastDataRow: trimTrailing(idx, best, firstDataRow, start - 1, kept), repeatedHeaderRows: kept, otherTable: { row: start, text } };
      }
    }
    titleAbove = null;
  }
  return { lastDataRow: trimTrailing(idx, best, firstDataRow, bottom, repeated), repeatedHeaderRows: repeated, otherTable: null };
}

/**
 * The table's last row that may hold a case: trailing notes, totals and dividers (the template's
 * 报送要求 line) are left below it, as the footnote was before (with the blank rows above the
 * first of them kept in); rows with any other content stay in, to be read or named.
 */
function trimTrailing(idx: MergeIndex, best: HeaderCandidate, firstDataRow: number, end: number, repeated: number[]): number {
  const dateCols = new Set(Object.entries(best.columns).filter(([k]) => tableColumn(best.kind, k)?.type === 'date').map(([, c]) => c));
  let last = end;
  for (let r = end; r >= firstDataRow; r--) {
    const cells = idx.rowValues(r);
    let first: unknown = null;
    let firstCol = 0;
    let n = 0;
    (cells ?? []).forEach((v, j) => {
      if (v === null || v === undefined || (typeof v === 'string' && v.trim() === '')) return;
      if (++n === 1) [first, firstCol] = [v, idx.left + j];
    });
    if (n === 0) continue;
    if (typeof first !== 'string' || repeated.includes(r)) break;
    // A lone month typed in a date column is a case being entered (rows.ts), not a divider.
    const divider = n === 1 && isDividerText(first) && !(dateCols.has(firstCol) && firstCol !== best.left && !idx.merge(r, firstCol));
    if (!(isNoteText(first) || isTotalText(first) || divider)) break;
    last = r - 1;
  }
  return Math.max(last, firstDataRow - 1);
}

/** The text of a row holding one cell with text, else null. */
function loneText(cells: readonly unknown[]): string | null {
  let found: string | null = null;
  for (const v of cells) {
    if (v === null || v === undefined || v === '') continue;
    if (typeof v !== 'string' || found !== null) return null;
    found = v;
  }
  return found;
}

function cellsText(cells: readonly unknown[]): string {
  return cells
    .filter((v) => typeof v === 'string' && v.trim())
    .slice(0, 4)
    .join('、');
}

/** Finds a ledger in a sheet by its title and header text; null when the sheet is no ledger. */
export function detectLedger(grid: SheetGrid): LedgerLayout | null {
  try {
    return detect(grid, LEDGER_LOOK) as LedgerLayout | null;
  } catch {
    return null;
  }
}

/**
 * The 执法人员名单 of a sheet, found as a ledger is: by its title (`执法人员名单`) or its header
 * (姓名 and 执法证号 with 发证机关 or 有效期至). Under a roster title 姓名 and one of those is enough.
 * `{ unreadable }` when the sheet is a roster (its title, or a roster header without 姓名) that
 * names no 姓名 column: it is said once, never guessed. Null when the sheet is no roster.
 */
export function detectRoster(grid: SheetGrid): RosterLayout | { unreadable: { sheet: string; title: string | null; row: number } } | null {
  try {
    if (detect(grid, LEDGER_LOOK)) return null;
    const found = detect(grid, ROSTER_LOOK) as RosterLayout | null;
    if (found && certified(found.titleRow, found.columns)) return found;
    const bare = detect(grid, BARE_ROSTER_LOOK);
    const t = rosterTitleRow(grid);
    return (bare && certified(bare.titleRow, bare.columns)) || t ? { unreadable: { sheet: grid.name, title: t?.text ?? null, row: t?.row ?? bare!.headerRow } } : null;
  } catch {
    return null;
  }
}

/**
 * Whether detectLedger or detectRoster would find a table in the sheet: the same header search,
 * without following the table down (a partial read asks this before reading the sheet's rest).
 */
export function findsTable(grid: SheetGrid): boolean {
  try {
    if (findHeader(grid, LEDGER_LOOK)) return true;
    const roster = (h: HeaderFound | null) => !!h && certified(h.titleRow, h.best.columns);
    return roster(findHeader(grid, ROSTER_LOOK)) || roster(findHeader(grid, BARE_ROSTER_LOOK)) || rosterTitleRow(grid) !== null;
  } catch {
    return false;
  }
}

/** What to look for: which kinds, how a title names one, the team in a title, how strict the header must be (with a title of the kind, `titled`). */
interface Look {
  kinds: readonly TableKind[];
  title(text: string): TableKind | null;
  team(title: string): string | null;
  needs?: HeaderNeeds;
  titled?: HeaderNeeds;
}

const LEDGER_LOOK: Look = { kinds: KINDS, title: titleKind, team: teamFromTitle };
const ROSTER_LOOK: Look = { kinds: ['roster'], title: rosterTitle, team: rosterTeam, titled: { distinct: 1 } };
/** A roster header without 姓名 (said as unreadable, never guessed). */
const BARE_ROSTER_LOOK: Look = { ...ROSTER_LOOK, needs: { required: false }, titled: { distinct: 1, required: false } };

/** Without a roster title, only a header with 执法证号 is a roster (发证机关 and 有效期至 alone may be a licence or ID-card list). */
function certified(titleRow: number | null, columns: Partial<Record<string, number>>): boolean {
  return titleRow !== null || columns.certNo !== undefined;
}

function rosterTitleRow(grid: SheetGrid): { row: number; text: string } | null {
  const bottom = Math.min(gridBottom(grid), grid.top + HEADER_SCAN_ROWS);
  const right = Math.min(rightOfRows(grid, bottom), grid.left + 200);
  const idx = new MergeIndex(grid, bottom + 1);
  for (let r = grid.top; r <= bottom; r++) {
    for (let c = grid.left; c <= right; c++) {
      const t = textOf(idx.raw(r, c));
      if (t && rosterTitle(t)) return { row: r, text: t };
    }
  }
  return null;
}

/** The header stage of detect: the title and the best header within the first rows, or null. */
interface HeaderFound {
  best: HeaderCandidate;
  /** The title line, when it names the header's kind. */
  title: string | null;
  titleRow: number | null;
  bottom: number;
}

function findHeader(grid: SheetGrid, look: Look): HeaderFound | null {
  const bottom = gridBottom(grid);
  const scanEnd = Math.min(bottom, grid.top + HEADER_SCAN_ROWS);
  // Read: the rows down to scanEnd and the one below each (a two-row header).
  const right = Math.min(rightOfRows(grid, scanEnd + 1), grid.left + 200);
  if (bottom < grid.top || right < grid.left) return null;
  const headIdx = new MergeIndex(grid, scanEnd + 1);

  let title: string | null = null;
  let titleRow: number | null = null;
  let tKind: TableKind | null = null;
  let best: HeaderCandidate | null = null;
  for (let r = grid.top; r <= scanEnd; r++) {
    if (tKind === null) {
      for (let c = grid.left; c <= right; c++) {
        const t = textOf(headIdx.raw(r, c));
        const k = t ? look.title(t) : null;
        if (k) {
          tKind = k;
          title = t;
          titleRow = r;
          break;
        }
      }
      if (titleRow === r) continue;
    }
    for (const kind of look.kinds) {
      const cand = readHeader(headIdx, kind, r, grid.left, right, kind === tKind && look.titled ? look.titled : look.needs);
      if (!cand) continue;
      const bonus = kind === tKind ? 0.5 : 0;
      if (!best || cand.score + bonus > best.score + (best.kind === tKind ? 0.5 : 0)) best = cand;
    }
    if (best) break;
  }
  if (!best) return null;
  const titled = title !== null && tKind === best.kind;
  return { best, title: titled ? title : null, titleRow: titled ? titleRow : null, bottom };
}

function detect(grid: SheetGrid, look: Look): TableLayout | null {
  const found = findHeader(grid, look);
  if (!found) return null;
  const { best, title, titleRow, bottom } = found;
  const firstDataRow = best.row + best.rows;
  const extent = tableExtent(grid, new MergeIndex(grid), best, firstDataRow, bottom);
  const def = TABLES[best.kind];
  return {
    sheet: grid.name,
    kind: best.kind,
    title,
    titleRow,
    team: title ? look.team(title) : null,
    headerRow: best.row,
    headerRows: best.rows,
    columns: best.columns,
    headers: best.headers,
    firstDataRow,
    lastDataRow: extent.lastDataRow,
    repeatedHeaderRows: extent.repeatedHeaderRows,
    otherTable: extent.otherTable,
    tableLeft: best.left,
    tableRight: best.right,
    extras: best.extras,
    missing: def.columns.filter((c) => c.required && !(c.key in best!.columns)).map((c) => c.key),
    ...(grid.hidden ? { hidden: true } : {}),
  };
}
