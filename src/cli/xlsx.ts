/* The CLI's file layer: only regular files, read with a size cap, then the shared reader (src/input). */
import { constants, promises as fs } from 'fs';
import * as path from 'path';
import { InputError, LIMITS, SPLIT_HINT, mbText } from '../input/limits';
import { WorkbookData, readXlsx } from '../input/workbook';
import { UserError } from './common';

export type { WorkbookData } from '../input/workbook';
export { UserError } from './common';

/**
 * The bytes of a regular file, at most `cap` of them. A FIFO, device or socket is refused
 * before it is opened (opening a FIFO waits for a writer); O_NONBLOCK and a second look at the
 * opened file cover one swapped in between.
 */
export async function readRegularFile(file: string, cap: number): Promise<Uint8Array> {
  const name = path.basename(file);
  const notRegular = () => new UserError(`${file} 不是普通文件（可能是管道或设备），请指定一个 .xlsx 文件`);
  let stat;
  try {
    stat = await fs.stat(file);
  } catch {
    throw new UserError(`找不到文件：${file}`);
  }
  if (stat.isDirectory()) throw new UserError(`${file} 是文件夹，请指定一个 .xlsx 文件`);
  if (!stat.isFile()) throw notRegular();
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch {
    throw new UserError(`无法打开文件：${file}（没有读取权限？）`);
  }
  try {
    if (!(await handle.stat()).isFile()) throw notRegular();
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buf = Buffer.alloc(Math.min(1 << 20, cap + 1 - total));
      const { bytesRead } = await handle.read(buf, 0, buf.length, null);
      if (!bytesRead) break;
      chunks.push(buf.subarray(0, bytesRead));
      total += bytesRead;
      if (total > cap) throw new UserError(`${name} 超过 ${mbText(cap)} 的上限。${SPLIT_HINT}`);
    }
    return Buffer.concat(chunks, total);
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError(`无法读取文件：${file}`);
  } finally {
    await handle.close();
  }
}

/** Reads an .xlsx into grids; a file it cannot or will not read becomes a UserError with one Chinese line. */
export async function readWorkbook(file: string): Promise<WorkbookData> {
  const bytes = await readRegularFile(file, LIMITS.fileBytes);
  try {
    return await readXlsx(bytes, path.basename(file));
  } catch (e) {
    if (e instanceof InputError) throw new UserError(e.message);
    throw e;
  }
}
