/*
 * The 县局汇总 view's work in the offline page's worker: reading the picked mails, Word files,
 * ledgers and archives (the .rar's WebAssembly included), the roll-up, its sheets, the summary
 * .xlsx and the 通报 draft — the same code as the add-in's `rollup` chunk (src/taskpane/rollup-api.ts).
 * The page gets what the view shows and a handle; the roll-up itself stays here (the latest one).
 */
import { noticeFile, rollupSheets, rollupXlsx, runRollup } from '../taskpane/rollup-api';
import type { Rollup } from '../rollup';
import type { RollupRequest } from './types';

export const STALE_ROLLUP = '这次汇总的结果已被新的汇总替换，请重新点“汇总”。';

let latest: { handle: number; rollup: Rollup } | null = null;

function kept(handle: number): Rollup {
  if (latest?.handle !== handle) throw new Error(STALE_ROLLUP);
  return latest.rollup;
}

/** The reply's value, and what to transfer with it. */
export async function rollupWork(m: RollupRequest): Promise<{ value: unknown; transfer: Transferable[] }> {
  if (m.op === 'rollup') {
    const run = await runRollup(m.files, { period: m.period, today: m.today, townships: m.townships });
    latest = { handle: m.id, rollup: run.rollup };
    return { value: { rollup: m.id, view: run.view }, transfer: [] };
  }
  if (m.op === 'rollup-sheets') return { value: rollupSheets(kept(m.handle)), transfer: [] };
  const file = m.which === 'xlsx' ? await rollupXlsx(kept(m.handle)) : await noticeFile(kept(m.handle));
  return { value: file, transfer: [file.bytes.buffer] };
}
