/*
 * winmail.dat (TNEF, [MS-OXTNEF]): the attachments Outlook packs for mail sent in its rich-text
 * format. The only TNEF reader on npm (node-tnef) loads Node's fs, path and a logger at import
 * and so cannot run in the task pane; this is the smallest reader the specification allows:
 * attributes (§2.1.3.1: level, id, length, data, checksum), an attachment starting at
 * attAttachRendData, its data in attAttachData, its title in attAttachTitle, and its long name
 * from the MAPI properties in attAttachment (§2.1.3.4). Everything else is skipped by length.
 * Browser-capable; every length is checked against the bytes that are there.
 */
import { InputError } from '../limits';

const SIGNATURE = 0x223e9f78;
const ATT_ATTACH_REND_DATA = 0x00069002;
const ATT_ATTACH_DATA = 0x0006800f;
const ATT_ATTACH_TITLE = 0x00018010;
const ATT_ATTACHMENT = 0x00069005;
const ATT_OEM_CODEPAGE = 0x00069007;
const LEVEL_ATTACHMENT = 0x02;

const PR_ATTACH_DATA = 0x3701;
const PR_ATTACH_LONG_FILENAME = 0x3707;
const PR_ATTACH_FILENAME = 0x3704;
const PR_ATTACH_METHOD = 0x3705;
const ATTACH_EMBEDDED_MSG = 5;

export interface TnefPart {
  name: string;
  bytes: Uint8Array;
  /** Why it cannot be used (damaged, an embedded Outlook item), or null. */
  problem: string | null;
}

class Cursor {
  private view: DataView;
  constructor(
    readonly b: Uint8Array,
    public at = 0,
  ) {
    this.view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  }
  need(n: number): void {
    if (n < 0 || this.at + n > this.b.length) throw new RangeError('truncated');
  }
  u16(): number {
    this.need(2);
    const v = this.view.getUint16(this.at, true);
    this.at += 2;
    return v;
  }
  u32(): number {
    this.need(4);
    const v = this.view.getUint32(this.at, true);
    this.at += 4;
    return v;
  }
  bytes(n: number): Uint8Array {
    this.need(n);
    const v = this.b.subarray(this.at, this.at + n);
    this.at += n;
    return v;
  }
  skip(n: number): void {
    this.need(n);
    this.at += n;
  }
}

const pad4 = (n: number) => (4 - (n % 4)) % 4;

function decode(b: Uint8Array, encoding: string): string {
  const end = b.indexOf(0);
  const text = end < 0 ? b : b.subarray(0, end);
  try {
    return new TextDecoder(encoding).decode(text);
  } catch {
    return new TextDecoder('gb18030').decode(text);
  }
}

function utf16(b: Uint8Array): string {
  return new TextDecoder('utf-16le').decode(b).replace(/\0+$/, '');
}

/** Fixed sizes of MAPI property types (§2.1.3.4: values shorter than 4 bytes are padded to 4). */
const FIXED: Record<number, number> = { 0x0001: 4, 0x0002: 4, 0x0003: 4, 0x0004: 4, 0x0005: 8, 0x0006: 8, 0x0007: 8, 0x000a: 4, 0x000b: 4, 0x0014: 8, 0x0040: 8, 0x0048: 16 };
const VARIABLE = new Set([0x000d, 0x001e, 0x001f, 0x0102]);

interface Props {
  longName: string | null;
  shortName: string | null;
  data: Uint8Array | null;
  method: number | null;
}

/** attAttachment: the MAPI properties we need from one attachment. */
function mapiProps(b: Uint8Array, encoding: string): Props {
  const c = new Cursor(b);
  const out: Props = { longName: null, shortName: null, data: null, method: null };
  const count = c.u32();
  for (let i = 0; i < count && c.at < b.length; i++) {
    const type = c.u16();
    const id = c.u16();
    if (id >= 0x8000) {
      c.skip(16);
      if (c.u32() === 0) c.skip(4);
      else {
        const n = c.u32();
        c.skip(n + pad4(n));
      }
    }
    const multi = (type & 0x1000) !== 0;
    const base = type & 0x0fff;
    const values = multi || VARIABLE.has(base) ? c.u32() : 1;
    for (let v = 0; v < values; v++) {
      if (VARIABLE.has(base)) {
        const n = c.u32();
        const data = c.bytes(n);
        c.skip(pad4(n));
        if (multi) continue;
        if (id === PR_ATTACH_LONG_FILENAME) out.longName = base === 0x001f ? utf16(data) : decode(data, encoding);
        if (id === PR_ATTACH_FILENAME) out.shortName = base === 0x001f ? utf16(data) : decode(data, encoding);
        if (id === PR_ATTACH_DATA) out.data = base === 0x000d ? null : data;
      } else {
        const size = FIXED[base];
        if (size === undefined) throw new RangeError(`type ${base}`);
        if (id === PR_ATTACH_METHOD && size === 4 && !multi) out.method = new DataView(b.buffer, b.byteOffset + c.at, 4).getUint32(0, true);
        c.skip(size);
      }
    }
  }
  return out;
}

const CODEPAGES: Record<number, string> = { 936: 'gbk', 54936: 'gb18030', 950: 'big5', 65001: 'utf-8', 1252: 'windows-1252', 932: 'shift_jis', 949: 'euc-kr' };

/** The attachments of a TNEF stream; `maxParts` bounds how many are taken. Throws `InputError` when it is no TNEF. */
export function readTnef(bytes: Uint8Array, name: string, maxParts: number): TnefPart[] {
  const c = new Cursor(bytes);
  const broken = () => new InputError(`${name}（Outlook 的 winmail.dat）已损坏，无法读取`, 'damaged');
  try {
    if (c.u32() !== SIGNATURE) throw broken();
    c.u16();
  } catch {
    throw broken();
  }
  const parts: { title: string | null; data: Uint8Array | null; props: Props | null; problem: string | null }[] = [];
  let encoding = 'gbk';
  try {
    while (c.at < bytes.length) {
      const level = c.bytes(1)[0];
      const id = c.u32();
      const length = c.u32();
      const data = c.bytes(length);
      const checksum = c.u16();
      let sum = 0;
      for (let i = 0; i < data.length; i++) sum = (sum + data[i]) & 0xffff;
      const current = parts[parts.length - 1];
      if (id === ATT_OEM_CODEPAGE && data.length >= 4) encoding = CODEPAGES[new DataView(data.buffer, data.byteOffset, 4).getUint32(0, true)] ?? encoding;
      if (level !== LEVEL_ATTACHMENT) continue;
      if (id === ATT_ATTACH_REND_DATA) {
        if (parts.length >= maxParts) break;
        parts.push({ title: null, data: null, props: null, problem: null });
        continue;
      }
      if (!current) continue;
      if (sum !== checksum && (id === ATT_ATTACH_DATA || id === ATT_ATTACHMENT)) current.problem = '已损坏（校验和不符）';
      if (id === ATT_ATTACH_TITLE) current.title = decode(data, encoding);
      else if (id === ATT_ATTACH_DATA) current.data = data;
      else if (id === ATT_ATTACHMENT) current.props = mapiProps(data, encoding);
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    if (!parts.length) throw broken();
    parts[parts.length - 1].problem = '已损坏（winmail.dat 不完整）';
  }
  return parts.map((p, i) => {
    const partName = p.props?.longName || p.title || p.props?.shortName || `附件${i + 1}`;
    const data = p.data ?? p.props?.data ?? null;
    if (p.props?.method === ATTACH_EMBEDDED_MSG) return { name: partName, bytes: new Uint8Array(), problem: '是嵌入 winmail.dat 的 Outlook 邮件，无法读取，请把原邮件直接转发或另存为 .msg' };
    return { name: partName, bytes: data ?? new Uint8Array(), problem: p.problem ?? (data ? null : '没有内容') };
  });
}
