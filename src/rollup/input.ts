/**
 * Every file the roll-up opens goes through the shared bounded reader (src/input): workbooks
 * through `readXlsx`, Word files through the same zip layer and limits (entries counted from the
 * central directory, declared sizes checked, each part inflated up to its cap).
 */
import JSZip from 'jszip';
import { containerOf, oleRefusal } from '../input/format';
import { InputError, LIMITS, mbText } from '../input/limits';
import { WorkbookData, readXlsx } from '../input/workbook';
import { EntryTooLarge, TooManyEntries, inflateEntry, listEntries, readEntry } from '../input/zip';

export type { WorkbookData };
export { InputError, LIMITS };

/** A zip archive opened within the limits. */
export interface ZipParts {
  names: string[];
  /** A part's text (UTF-8), or null when absent; throws `InputError` past the limits (or past `cap` bytes). */
  text(name: string, cap?: number): Promise<string | null>;
  /** The first `bytes` bytes of a part as text (null when absent): no more is inflated. */
  head(name: string, bytes: number): Promise<string | null>;
}

const SAVE_AS_DOCX = '请在 Word 或 WPS 中打开，“另存为” Word 文档（.docx）后重新报送';

/** Opens a .docx within the limits; anything else is an `InputError` saying what it is. */
export async function openDocx(bytes: Uint8Array, name: string): Promise<ZipParts> {
  if (bytes.length > LIMITS.fileBytes) throw new InputError(`${name} 有 ${mbText(bytes.length)}，超过 ${mbText(LIMITS.fileBytes)} 的上限，不像是台账文件`, 'too-large');
  const container = containerOf(bytes);
  if (container === 'ole') {
    const why = oleRefusal(bytes, name);
    if (why.reason === 'encrypted') throw new InputError(`${name} 设置了打开密码，无法读取。请取消密码后重新报送`, 'encrypted');
    throw new InputError(`${name} 是旧版 Office 格式（.doc 等），无法读取表格。${SAVE_AS_DOCX}`, 'old-format');
  }
  if (container === 'other') throw new InputError(`${name} 不是 Word 文档（.docx），无法读取。${SAVE_AS_DOCX}`, 'not-xlsx');
  let total = 0;
  try {
    for (const e of listEntries(bytes, LIMITS.entries)) {
      // Custom XML parts are read with a cap bounded by the document (docx-read.ts), never whole.
      if (e.declaredSize > LIMITS.partBytes && !/^customXml\//i.test(e.name)) throw new InputError(`${name} 中的 ${e.name} 解压后有 ${mbText(e.declaredSize)}，超过 ${mbText(LIMITS.partBytes)} 的上限`, 'too-large');
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    if (e instanceof TooManyEntries) throw new InputError(`${name} 里的部件超过上限，不像是 Word 文档`, 'too-large');
    throw new InputError(`${name} 无法打开，文件可能已损坏。${SAVE_AS_DOCX}`, 'damaged');
  }
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new InputError(`${name} 无法打开，文件可能已损坏。${SAVE_AS_DOCX}`, 'damaged');
  }
  const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir);
  return {
    names,
    async head(part, bytes) {
      const f = zip.file(part);
      if (!f) return null;
      const chunks: Uint8Array[] = [];
      let got = 0;
      const enough = new Error('enough');
      // Stops the inflation once `bytes` came out (a chunk is at most ~16 KB past it).
      await inflateEntry(f, LIMITS.partBytes, (c) => {
        chunks.push(c);
        got += c.length;
        if (got >= bytes) throw enough;
      }).catch(() => undefined);
      const all = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
      chunks.reduce((at, c) => (all.set(c, at), at + c.length), 0);
      return new TextDecoder().decode(all.subarray(0, bytes));
    },
    async text(part, cap = Infinity) {
      const f = zip.file(part);
      if (!f) return null;
      try {
        const data = await readEntry(f, Math.min(cap, LIMITS.partBytes, LIMITS.totalBytes - total));
        total += data.length;
        return new TextDecoder().decode(data);
      } catch (e) {
        if (e instanceof EntryTooLarge) throw new InputError(`${name} 解压后超过上限（${part}），不像是台账文件`, 'too-large');
        throw new InputError(`${name} 的内容已损坏，无法读取。${SAVE_AS_DOCX}`, 'damaged');
      }
    },
  };
}

/** An .xlsx workbook as grids (the same reader `check` and `submit` use). */
export function openWorkbook(bytes: Uint8Array, name: string): Promise<WorkbookData> {
  return readXlsx(bytes, name);
}
