/*
 * Reading a chosen .xlsx for the offline page (in its worker, worker.ts; and in tests): the one
 * bounded reader (src/input), so a crafted file is refused here as in the CLI, with progress in
 * rows.
 */
import { InputError } from '../input/limits';
import { readXlsx } from '../input/workbook';
import { WorkbookFile } from './workbook-file';

/** Opens an .xlsx given as bytes; rejects with one Chinese line for anything the reader refuses. */
export async function openWorkbookFile(name: string, bytes: Uint8Array, progress?: (done: number, total: number) => void): Promise<WorkbookFile> {
  try {
    const data = await readXlsx(bytes, name, undefined, progress);
    return new WorkbookFile(
      name,
      bytes,
      data.sheets.map((grid, i) => ({ id: `s${i + 1}`, grid })),
      data.date1904,
    );
  } catch (e) {
    if (e instanceof InputError) throw new Error(e.message);
    throw new Error(`${name} 无法读取：${e instanceof Error ? e.message : String(e)}`);
  }
}
