/*
 * Merged areas through a VBA-like API, which cannot list them: `Range.MergeCells` is false when
 * no cell of the range is merged (True when all are, Null when some are), so a block that says
 * false is skipped whole and any other block is halved until it is exactly one merged area
 * (`MergeArea`) or one cell. A ledger's few merges (title, header, a case over several rows)
 * cost a few dozen calls; a sheet without merges costs one. Where the host answered `true` for
 * "some cells merged", the halving still finds every area: safe either way.
 */
import type { CellRange } from '../ledger/cell';
import { parseAddress } from '../ledger/cell';
import { rangeAddress } from '../session/addresses';

/** Calls after which a sheet's search stops (what was found is kept). */
export const MERGE_CALL_LIMIT = 20_000;

const cells = (r: CellRange) => (r.bottom - r.top + 1) * (r.right - r.left + 1);
/** `inner` lies within `outer`. */
const within = (outer: CellRange, inner: CellRange) => inner.top >= outer.top && inner.left >= outer.left && inner.bottom <= outer.bottom && inner.right <= outer.right;

function mergeAreaOf(ws: Et.Worksheet, row: number, col: number): CellRange | null {
  const area = ws.Range(rangeAddress({ top: row, left: col, bottom: row, right: col })).MergeArea;
  const r = parseAddress(String(area.Address(false, false)));
  return r && cells(r) > 1 ? r : null;
}

/** The merged areas touching `within`, each once. */
export function findMerges(ws: Et.Worksheet, where: CellRange, limit = MERGE_CALL_LIMIT): CellRange[] {
  const found = new Map<string, CellRange>();
  let calls = 0;
  const visit = (r: CellRange): void => {
    if (calls >= limit) return;
    calls++;
    const v = ws.Range(rangeAddress(r)).MergeCells as unknown;
    if (v === false || v === 0) return;
    calls++;
    const area = mergeAreaOf(ws, r.top, r.left);
    if (area) found.set(rangeAddress(area), area);
    // One cell, or a block inside one merged area: nothing else to find here.
    if (cells(r) === 1 || (area && within(area, r))) return;
    if (r.bottom - r.top >= r.right - r.left) {
      const mid = Math.floor((r.top + r.bottom) / 2);
      visit({ ...r, bottom: mid });
      visit({ ...r, top: mid + 1 });
    } else {
      const mid = Math.floor((r.left + r.right) / 2);
      visit({ ...r, right: mid });
      visit({ ...r, left: mid + 1 });
    }
  };
  visit(where);
  return [...found.values()];
}
