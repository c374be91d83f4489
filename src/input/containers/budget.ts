/*
 * The limits every container (e-mail, .mbox, .msg, winmail.dat, .zip, .rar) is held to: the
 * .xlsx reader's own (src/input/limits.ts) counted over everything one file unpacks into, plus
 * how deep containers may nest. The same in the CLI and the pane.
 */
import { InputError, LIMITS, countText, mbText } from '../limits';

export interface ContainerLimits {
  /** One file as stored (the top-level file). */
  fileBytes: number;
  /** Parts taken out of one file in all (attachments, archive entries, messages of an .mbox). */
  entries: number;
  /** One part, unpacked. */
  partBytes: number;
  /** All parts of one file together, unpacked. */
  totalBytes: number;
  /** Containers inside containers (a .zip in a forwarded mail in an .mbox is 3). */
  depth: number;
}

export const CONTAINER_LIMITS: Readonly<ContainerLimits> = {
  fileBytes: LIMITS.fileBytes,
  entries: LIMITS.entries,
  partBytes: LIMITS.partBytes,
  totalBytes: LIMITS.totalBytes,
  depth: 6,
};

/** What one top-level file has unpacked so far. */
export class Budget {
  entries = 0;
  bytes = 0;
  constructor(readonly limits: ContainerLimits) {}

  /** Room for a part of `size` bytes (declared or real), or an `InputError` naming the limit. */
  check(size: number, what: string): void {
    if (size > this.limits.partBytes) throw new InputError(`${what}解压后有 ${mbText(size)}，超过 ${mbText(this.limits.partBytes)} 的上限`, 'too-large');
    if (this.entries + 1 > this.limits.entries) throw new InputError(`${what}：邮件附件、压缩包中的文件合计超过${countText(this.limits.entries)}个的上限，其余没有读取`, 'too-large');
    if (this.bytes + size > this.limits.totalBytes) throw new InputError(`${what}：解压后的内容合计超过 ${mbText(this.limits.totalBytes)} 的上限，其余没有读取`, 'too-large');
  }

  /** Counts a part taken out (its real size). */
  take(size: number, what: string): void {
    this.check(size, what);
    this.entries++;
    this.bytes += size;
  }

  /** Bytes still allowed for the next part. */
  room(): number {
    return Math.min(this.limits.partBytes, this.limits.totalBytes - this.bytes);
  }
}
