/*
 * A .zip the township packed its files into. Entry names: UTF-8 when the archive flags them so
 * (general-purpose bit 11) or carries an Info-ZIP Unicode path — JSZip applies both — else
 * Windows' “发送到压缩文件夹” writes them in the system code page, GBK on Chinese Windows:
 * decoded as GB18030 unless the bytes are valid UTF-8 (macOS writes UTF-8 without the flag).
 * Counted and capped by the shared zip layer (src/input/zip.ts) and the container budget.
 */
import JSZip from 'jszip';
import { InputError, LIMITS } from '../limits';
import { EntryTooLarge, TooManyEntries, listEntries, readEntry } from '../zip';
import { Budget } from './budget';

export interface ArchiveEntry {
  name: string;
  bytes: Uint8Array;
  /** Why the entry was not taken out, or null. */
  problem: string | null;
}

/** Not UTF-8-flagged names: UTF-8 when they are valid UTF-8, else GB18030 (a superset of GBK). */
export function decodeZipName(bytes: Uint8Array | number[] | string[] | string): string {
  const b = typeof bytes === 'string' ? Uint8Array.from(bytes, (c) => c.charCodeAt(0) & 0xff) : Uint8Array.from(bytes as ArrayLike<number | string>, (x) => (typeof x === 'string' ? x.charCodeAt(0) : x) & 0xff);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(b);
  } catch {
    return new TextDecoder('gb18030').decode(b);
  }
}

const JUNK = /(^|\/)(__MACOSX\/|\._|\.DS_Store$|Thumbs\.db$|desktop\.ini$)/i;

export async function readZipArchive(bytes: Uint8Array, name: string, budget: Budget): Promise<ArchiveEntry[]> {
  let declared: Map<string, number>;
  try {
    // The directory is scanned up to the .xlsx reader's entry limit; the budget decides what is taken out.
    declared = new Map(listEntries(bytes, LIMITS.entries).map((e) => [e.name, e.declaredSize]));
  } catch (e) {
    if (e instanceof TooManyEntries) throw new InputError(`${name} 里的文件超过上限，没有读取`, 'too-large');
    throw new InputError(`${name} 压缩包已损坏，无法打开`, 'damaged');
  }
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes, { decodeFileName: decodeZipName });
  } catch (e) {
    if (/encrypt/i.test(String((e as Error)?.message))) throw new InputError(`${name} 压缩包设置了密码，无法打开。请去掉密码后重新报送`, 'encrypted');
    throw new InputError(`${name} 压缩包已损坏，无法打开`, 'damaged');
  }
  const out: ArchiveEntry[] = [];
  const files = Object.values(zip.files).filter((f) => !f.dir && !JUNK.test(f.name));
  const sizes = [...declared.values()];
  for (const [i, f] of files.entries()) {
    const label = `${name} 中的 ${f.name}`;
    try {
      // JSZip's names may differ from fflate's (decoded differently); sizes line up by order.
      budget.check(declared.get(f.name) ?? sizes[i] ?? 0, label);
      const data = await readEntry(f, budget.room());
      budget.take(data.length, label);
      out.push({ name: f.name, bytes: data, problem: null });
    } catch (e) {
      if (e instanceof InputError) {
        out.push({ name: f.name, bytes: new Uint8Array(), problem: e.message.startsWith(label) ? e.message.slice(label.length).replace(/^[：，]/, '') : e.message });
        if (e.reason === 'too-large' && budget.entries >= budget.limits.entries) break;
      } else if (e instanceof EntryTooLarge) out.push({ name: f.name, bytes: new Uint8Array(), problem: '解压后超过上限' });
      else out.push({ name: f.name, bytes: new Uint8Array(), problem: '已损坏，无法解压' });
    }
  }
  return out;
}
