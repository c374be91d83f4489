/*
 * One file as the county has it, unpacked into deliveries: a saved mail (.eml, Outlook .msg),
 * each message of an .mbox, each forwarded message inside a mail, or a loose ledger or archive;
 * with the ledger files found in each (through .zip, .rar and winmail.dat) and every file that
 * was not read, with the reason. Everything one file unpacks into is held to one budget
 * (budget.ts), and containers nest at most `depth` deep. Browser-capable.
 */
import { InputError, mbText } from '../limits';
import { ArchiveEntry, readZipArchive } from './archive-zip';
import { readRarArchive } from './archive-rar';
import { Budget, CONTAINER_LIMITS, ContainerLimits } from './budget';
import { detectFile, extensionOf } from './detect';
import { readEml } from './eml';
import { splitMbox } from './mbox';
import { readMsg } from './msg';
import { readTnef } from './tnef';
import { Delivery, MailHeaders } from './types';

export const PATH_SEPARATOR = ' › ';

const LEDGER_LIKE = /^(docx?|docm|xlsx?|xlsm|wps|et|pdf|zip|rar|7z|msg|eml|mbox|dat|odt|ods|ofd|rtf|)$/;

/** Whether a file of this name, when it cannot be read, is probably a ledger someone meant to send. */
export function ledgerLike(name: string): boolean {
  return LEDGER_LIKE.test(extensionOf(name));
}

function delivery(file: string, mail: MailHeaders | null, forwardedIn: Delivery['forwardedIn']): Delivery {
  return { file, mail, forwardedIn, ledgers: [], refused: [], inner: 0 };
}

const join = (a: string, b: string) => `${a}${PATH_SEPARATOR}${b}`;

function messageOf(e: unknown, fallback: string): string {
  return e instanceof InputError ? e.message : fallback;
}

class Walker {
  readonly out: Delivery[] = [];
  readonly budget: Budget;
  constructor(readonly limits: ContainerLimits) {
    this.budget = new Budget(limits);
  }

  private deep(depth: number): boolean {
    return depth > this.limits.depth;
  }

  async top(name: string, bytes: Uint8Array): Promise<void> {
    if (bytes.length > this.limits.fileBytes) {
      const d = delivery(name, null, null);
      d.refused.push({ file: name, reason: `文件有 ${mbText(bytes.length)}，超过 ${mbText(this.limits.fileBytes)} 的上限，没有读取`, ledger: true });
      this.out.push(d);
      return;
    }
    const k = detectFile(name, bytes);
    if (k.kind === 'eml' || k.kind === 'msg') return this.mail(name, bytes, k.kind, null, 0);
    if (k.kind === 'mbox') return this.mbox(name, bytes, null, 0);
    const d = delivery(name, null, null);
    this.out.push(d);
    await this.item(name, name, bytes, '', d, 0);
  }

  private async mail(file: string, bytes: Uint8Array, kind: 'eml' | 'msg', forwardedIn: Delivery['forwardedIn'], depth: number): Promise<void> {
    let read;
    try {
      read = kind === 'eml' ? await readEml(bytes, file) : readMsg(bytes, file);
    } catch (e) {
      const d = delivery(file, null, forwardedIn);
      d.refused.push({ file, reason: messageOf(e, `${file} 无法读取，可能已损坏`), ledger: true });
      this.out.push(d);
      return;
    }
    const d = delivery(file, read.headers, forwardedIn);
    this.out.push(d);
    for (const p of read.parts) {
      const path = join(file, p.name);
      try {
        this.budget.take(p.bytes.length, path);
      } catch (e) {
        d.refused.push({ file: path, reason: messageOf(e, '超过上限'), ledger: ledgerLike(p.name) });
        continue;
      }
      if (p.mime === 'application/x-unreadable') d.refused.push({ file: path, reason: '附件无法取出，邮件可能已损坏', ledger: ledgerLike(p.name) });
      else await this.item(path, p.name, p.bytes, p.mime, d, depth + 1);
    }
  }

  private async mbox(file: string, bytes: Uint8Array, forwardedIn: Delivery['forwardedIn'], depth: number): Promise<void> {
    const { messages, more } = splitMbox(bytes, this.limits.entries - this.budget.entries);
    for (const [i, m] of messages.entries()) {
      const path = join(file, `第${i + 1}封`);
      try {
        this.budget.take(m.length, path);
      } catch (e) {
        const d = delivery(path, null, forwardedIn);
        d.refused.push({ file: path, reason: messageOf(e, '超过上限'), ledger: true });
        this.out.push(d);
        continue;
      }
      await this.mail(path, m, 'eml', forwardedIn, depth + 1);
    }
    if (more || !messages.length) {
      const d = delivery(file, null, forwardedIn);
      d.refused.push({ file, reason: more ? '邮件超过上限，其余没有读取' : '是空的 mbox 邮箱文件，没有邮件', ledger: more });
      this.out.push(d);
    }
  }

  /** One file found in `d` (an attachment, an archive entry). */
  private async item(file: string, name: string, bytes: Uint8Array, mime: string, d: Delivery, depth: number): Promise<void> {
    const k = detectFile(name, bytes, mime);
    switch (k.kind) {
      case 'docx':
      case 'xlsx':
        d.ledgers.push({ file, name, format: k.kind, bytes });
        return;
      case 'refused':
        d.refused.push({ file, reason: k.reason, ledger: k.ledger });
        return;
    }
    if (this.deep(depth)) {
      d.refused.push({ file, reason: `邮件、压缩包层层套装超过 ${this.limits.depth} 层，没有读取。请直接报送其中的台账`, ledger: true });
      return;
    }
    const forwardedIn = d.mail ? { file: d.file, mail: d.mail } : d.forwardedIn;
    if (k.kind === 'eml' || k.kind === 'msg') {
      d.inner++;
      return this.mail(file, bytes, k.kind, forwardedIn, depth);
    }
    if (k.kind === 'mbox') {
      d.inner++;
      return this.mbox(file, bytes, forwardedIn, depth);
    }
    let entries: ArchiveEntry[];
    try {
      if (k.kind === 'tnef') entries = this.tnef(file, bytes);
      else entries = k.kind === 'zip' ? await readZipArchive(bytes, file, this.budget) : await readRarArchive(bytes, file, this.budget);
    } catch (e) {
      d.refused.push({ file, reason: messageOf(e, `${file} 无法打开，可能已损坏`), ledger: true });
      return;
    }
    if (!entries.length) d.refused.push({ file, reason: k.kind === 'tnef' ? 'winmail.dat 中没有附件（或已损坏）' : '压缩包里没有文件（或已损坏）', ledger: true });
    for (const e of entries) {
      const path = join(file, e.name);
      const base = e.name.slice(e.name.lastIndexOf('/') + 1);
      if (e.problem) d.refused.push({ file: path, reason: e.problem, ledger: ledgerLike(base) });
      else await this.item(path, base, e.bytes, '', d, depth + 1);
    }
  }

  private tnef(file: string, bytes: Uint8Array): ArchiveEntry[] {
    const parts = readTnef(bytes, file, this.limits.entries - this.budget.entries);
    return parts.map((p) => {
      if (p.problem) return { name: p.name, bytes: p.bytes, problem: p.problem };
      try {
        this.budget.take(p.bytes.length, join(file, p.name));
        return { name: p.name, bytes: p.bytes, problem: null };
      } catch (e) {
        return { name: p.name, bytes: new Uint8Array(), problem: messageOf(e, '超过上限') };
      }
    });
  }
}

/** Unpacks one file of the folder (or one picked file) into its deliveries. Never throws for what the file holds. */
export async function expandFile(name: string, bytes: Uint8Array, limits: ContainerLimits = CONTAINER_LIMITS): Promise<Delivery[]> {
  const w = new Walker(limits);
  try {
    await w.top(name, bytes);
  } catch (e) {
    const d = delivery(name, null, null);
    d.refused.push({ file: name, reason: messageOf(e, `${name} 无法读取，可能已损坏`), ledger: true });
    w.out.push(d);
  }
  return w.out;
}
