import { CellRange, CellValue, SheetGrid, gridBottom } from './cell';

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
