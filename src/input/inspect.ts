/*
 * Opens an archive before anything is parsed: what the file is, how many parts it has, what
 * each declares, and then each part inflated as a stream, counting the bytes it really produces
 * against the per-part and total caps. Browser-capable: no Node APIs.
 */
import JSZip from 'jszip';
import { containerOf, oleRefusal, otherRefusal, zipRefusal } from './format';
import { InputError, Limits, SPLIT_HINT, countText, mbText } from './limits';
import { EntryInfo, EntryTooLarge, TooManyEntries, inflateEntry, joinChunks, listEntries, readEntry } from './zip';

export function damaged(name: string): InputError {
  return new InputError(`${name} 无法读取，文件可能已损坏。请用 Excel 打开后另存为 .xlsx 再试`, 'damaged');
}

export function tooLarge(text: string): InputError {
  return new InputError(`${text}${SPLIT_HINT}`, 'too-large');
}

const utf8 = (b: Uint8Array) => new TextDecoder().decode(b);

/** An .xlsx's zip, its parts inflated within the limits. */
export class Archive {
  /** Bytes inflated so far, all parts together. */
  private total = 0;
  private readonly labels = new Map<string, string>();

  constructor(
    readonly name: string,
    private readonly zip: JSZip,
    readonly limits: Limits,
    /** Entries as the central directory declares them. */
    private readonly declared: EntryInfo[],
  ) {}

  /** Refuses a part whose declared size passes the cap, before anything is inflated (declared sizes are never trusted: `inflate` counts). */
  checkDeclared(): void {
    for (const e of this.declared) {
      if (e.declaredSize > this.limits.partBytes) throw tooLarge(`${this.name} 中的${this.label(e.name)}解压后有 ${mbText(e.declaredSize)}，超过 ${mbText(this.limits.partBytes)} 的上限。`);
    }
  }

  /** The inflated size the central directory declares (not trusted: for progress only). */
  declaredSize(path: string): number {
    return this.declared.find((e) => e.name === path)?.declaredSize ?? 0;
  }

  /** Entry paths, folders left out, in the zip's order. */
  paths(): string[] {
    return Object.values(this.zip.files)
      .filter((f) => !f.dir)
      .map((f) => f.name);
  }

  has(path: string): boolean {
    return !!this.zip.file(path);
  }

  /** Names a part in messages: a worksheet by its sheet name. */
  setLabel(path: string, label: string): void {
    this.labels.set(path, label);
  }

  label(path: string): string {
    return this.labels.get(path) ?? (path.endsWith('sharedStrings.xml') ? '文字表（sharedStrings.xml）' : /\/media\//.test(path) ? `图片 ${path.slice(path.lastIndexOf('/') + 1)}` : `部件 ${path}`);
  }

  /** Inflates a part, handing each chunk to `onChunk`; a part past a cap is an `InputError`, what `onChunk` throws is passed on. */
  async inflate(path: string, onChunk?: (c: Uint8Array) => void): Promise<number> {
    const f = this.zip.file(path);
    if (!f) return 0;
    const cap = Math.min(this.limits.partBytes, this.limits.totalBytes - this.total);
    try {
      const n = await inflateEntry(f, cap, onChunk);
      this.total += n;
      return n;
    } catch (e) {
      if (e instanceof EntryTooLarge) {
        if (this.limits.totalBytes - this.total < this.limits.partBytes) throw tooLarge(`${this.name} 解压后超过 ${mbText(this.limits.totalBytes)} 的上限（到${this.label(path)}为止）。`);
        throw tooLarge(`${this.name} 中的${this.label(path)}解压后超过 ${mbText(this.limits.partBytes)} 的上限。`);
      }
      throw e;
    }
  }

  /** A whole part (within the caps), or null when absent. */
  async bytes(path: string): Promise<Uint8Array | null> {
    if (!this.has(path)) return null;
    const chunks: Uint8Array[] = [];
    const n = await this.inflate(path, (c) => chunks.push(c));
    return chunks.length === 1 ? chunks[0] : joinChunks(chunks, n);
  }

  async text(path: string): Promise<string | null> {
    const b = await this.bytes(path);
    return b ? utf8(b) : null;
  }
}

/** Refuses (InputError) what is no .xlsx or declares a part past the caps; opens the zip. */
export async function openArchive(bytes: Uint8Array, name: string, limits: Limits): Promise<Archive> {
  if (bytes.length > limits.fileBytes) throw tooLarge(`${name} 有 ${mbText(bytes.length)}，超过 ${mbText(limits.fileBytes)} 的上限。`);
  const container = containerOf(bytes);
  if (container === 'ole') throw oleRefusal(bytes, name);
  if (container === 'other') throw otherRefusal(name);
  let declared: EntryInfo[];
  try {
    declared = listEntries(bytes, limits.entries);
  } catch (e) {
    if (e instanceof TooManyEntries) throw tooLarge(`${name} 里的部件（工作表、图片等）超过${countText(limits.entries)}个的上限。`);
    throw damaged(name);
  }
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw damaged(name);
  }
  const names = new Set(Object.values(zip.files).filter((f) => !f.dir).map((f) => f.name));
  const mimetype = zip.file('mimetype');
  const refusal = zipRefusal(names, mimetype ? utf8(await readEntry(mimetype, 1024).catch(() => new Uint8Array())) : null, name);
  if (refusal) throw refusal;
  return new Archive(name, zip, limits, declared);
}
