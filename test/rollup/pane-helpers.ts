/*
 * Township packages for the 县局汇总 view and the addSheets drivers: e-mails made by our own
 * submit code (scripts/rollup-samples.ts) for 天宁镇 (on time, then a corrected resend), 西营镇
 * (late, with errors) and 水峪贯镇 (a Word file typed by hand), plus a file that is no Word file.
 */
import { FakeWorkbook } from '../fake-excel';
import type { NewSheet } from '../../src/session/driver';
import { TIANNING_OCT, TIANNING_OCT_CORRECTED, XIYING_OCT, sentEml, shuiyuguanDocx, townshipPackage } from '../../scripts/rollup-samples';

export interface PickedFile {
  name: string;
  bytes: Uint8Array;
}

let cached: Promise<PickedFile[]> | null = null;

/** The files a county clerk picks (names without folders, as a file picker gives them). */
export function pickedFiles(): Promise<PickedFile[]> {
  cached ??= (async () => {
    const tianning = await townshipPackage({ team: '天宁镇综合行政执法队', ledgers: TIANNING_OCT, period: '2023-10', sent: new Date('2023-10-31T09:12:00+08:00'), today: '2023-10-31' });
    const corrected = await townshipPackage({ team: '天宁镇综合行政执法队', ledgers: TIANNING_OCT_CORRECTED, period: '2023-10', sent: new Date('2023-11-02T14:30:00+08:00'), today: '2023-11-02' });
    const xiying = await townshipPackage({ team: '西营镇综合行政执法队', ledgers: XIYING_OCT, period: '2023-10', sent: new Date('2023-11-03T16:05:00+08:00'), today: '2023-11-03', allowErrors: true });
    return [
      { name: '天宁镇10月台账.eml', bytes: sentEml(tianning) },
      { name: '天宁镇10月台账（更正）.eml', bytes: sentEml(corrected) },
      { name: '西营镇.eml', bytes: sentEml(xiying) },
      { name: '水峪贯镇10月份台账.docx', bytes: await shuiyuguanDocx() },
      { name: '坏文件.docx', bytes: new TextEncoder().encode('这不是 Word 文件') },
    ];
  })();
  return cached;
}

/** A listed township whose name would be a formula if written as a typed value. */
export const FORMULA_TOWNSHIP = '=HYPERLINK("http://example.com","点击")';
export const TOWNSHIPS = ['天宁镇', '西营镇', '水峪贯镇', '会立乡', FORMULA_TOWNSHIP];

/** A sheet's cells as rows of values (null for empty, as `''` in a formatted cell reads), over the sheet's used rows and `width` columns. */
export function sheetRows(wb: FakeWorkbook, name: string, width: number): unknown[][] {
  const s = wb.sheet(name);
  const used = wb.usedRect(s, true);
  const out: unknown[][] = [];
  const at = (r: number, c: number) => {
    const v = wb.valueAt(s, r, c);
    return v === '' ? null : v;
  };
  for (let r = 1; r <= (used?.bottom ?? 0); r++) out.push(Array.from({ length: width }, (_, j) => at(r, j + 1)));
  return out;
}

/** What a new sheet's cells should hold: its rows, `''` as empty, padded to the width. */
export function expectedRows(n: NewSheet, width: number): unknown[][] {
  return n.rows.map((r) => Array.from({ length: width }, (_, j) => (r[j] === undefined || r[j] === '' ? null : r[j])));
}

/** Cells holding a formula, as `A1: =…` (none may appear in the add-in's new sheets). */
export function formulasIn(wb: FakeWorkbook, name: string): string[] {
  const s = wb.sheet(name);
  const out: string[] = [];
  for (const [, cols] of s.cells.rows) for (const [, c] of cols) if (c.formula) out.push(c.formula);
  return out;
}
