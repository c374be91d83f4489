/*
 * Files in the formats the county receives, written from their specifications (the readers
 * under test are other code): Outlook .msg ([MS-OXMSG] compound file via `cfb`), winmail.dat
 * ([MS-OXTNEF]), RAR 5.0 (RARLAB's technote, stored entries), .zip with GBK names (no UTF-8
 * flag, as Windows writes them), an .mbox (RFC 4155), and plain RFC 5322 messages.
 */
import * as CFB from 'cfb';
import JSZip from 'jszip';
// eslint-disable-next-line @typescript-eslint/no-var-requires
const iconv = require('iconv-lite') as { encode(s: string, enc: string): Buffer };

const b64 = (b: Uint8Array | string) => Buffer.from(b).toString('base64').replace(/.{76}/g, '$&\r\n');
const word = (s: string) => `=?UTF-8?B?${Buffer.from(s).toString('base64')}?=`;

export interface Attachment {
  name: string;
  type?: string;
  bytes: Uint8Array;
}

let boundaries = 0;

/** An RFC 5322 message with MIME attachments; `headers` are written as given (a missing Date stays missing), in UTF-8. */
export function rfc822(headers: string[], attachments: Attachment[] = [], body = '县司法局：附件是本月台账。'): Uint8Array {
  const boundary = `----=_Part_${++boundaries}_${Date.now()}`;
  const chunks: Buffer[] = [];
  const text = (lines: string[]) => chunks.push(Buffer.from(lines.map((l) => `${l}\r\n`).join(''), 'utf8'));
  text([...headers, 'MIME-Version: 1.0', `Content-Type: multipart/mixed; boundary="${boundary}"`, '', `--${boundary}`, 'Content-Type: text/plain; charset=UTF-8', 'Content-Transfer-Encoding: base64', '', b64(body)]);
  for (const a of attachments) {
    text([`--${boundary}`, `Content-Type: ${a.type ?? 'application/octet-stream'}; name="${word(a.name)}"`]);
    if (a.type === 'message/rfc822') {
      // A forwarded message travels as it is (RFC 2046 §5.2.1).
      text([`Content-Disposition: attachment; filename="${word(a.name)}"`, '']);
      chunks.push(Buffer.from(a.bytes), Buffer.from('\r\n'));
    } else text(['Content-Transfer-Encoding: base64', `Content-Disposition: attachment; filename="${word(a.name)}"`, '', b64(a.bytes)]);
  }
  text([`--${boundary}--`]);
  return new Uint8Array(Buffer.concat(chunks));
}

/** Header lines: From, To, Subject (encoded word) and the given Date (none when null). */
export function mailHeaders(subject: string, date: string | null, extra: string[] = []): string[] {
  return [...extra, `From: ${word('乡镇执法队')} <town@example.com>`, 'To: jiaochengxzfy@163.com', `Subject: ${word(subject)}`, ...(date === null ? [] : [`Date: ${date}`]), `Message-ID: <${Math.random().toString(36).slice(2)}@example.com>`];
}

// ---- RFC 4155 mbox ----

/** Messages joined as an mbox: a `From ` line before each, body lines starting `From ` escaped `>From `. */
export function mbox(messages: Uint8Array[]): Uint8Array {
  const parts = messages.map((m, i) => {
    const text = Buffer.from(m).toString('latin1').replace(/\r\n/g, '\n').replace(/^(>*From )/gm, '>$1');
    return `From town${i}@example.com Sat Nov  4 10:12:20 2023\n${text}${text.endsWith('\n') ? '' : '\n'}\n`;
  });
  return new Uint8Array(Buffer.from(parts.join(''), 'latin1'));
}

// ---- [MS-OXMSG] ----

const utf16 = (s: string) => Buffer.from(`${s}`, 'utf16le');
const hex = (n: number, w = 4) => n.toString(16).toUpperCase().padStart(w, '0');

function fileTime(d: Date): Buffer {
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE((BigInt(d.getTime()) + BigInt(11644473600000)) * BigInt(10000));
  return b;
}

interface Prop {
  id: number;
  type: number;
  value: Buffer;
}

/** A property stream (§2.4): `header` bytes, then 16 bytes a property; variable ones in `__substg1.0_` streams. */
function addProps(cfb: CFB.CFB$Container, dir: string, header: Buffer, props: Prop[]): void {
  const entries: Buffer[] = [header];
  for (const p of props) {
    const e = Buffer.alloc(16);
    e.writeUInt32LE(((p.id << 16) | p.type) >>> 0, 0);
    e.writeUInt32LE(6, 4);
    if (p.type === 0x001f || p.type === 0x0102 || p.type === 0x001e) {
      e.writeUInt32LE(p.value.length + (p.type === 0x001f ? 2 : 0), 8);
      CFB.utils.cfb_add(cfb, `${dir}__substg1.0_${hex(p.id)}${hex(p.type)}`, p.type === 0x001f ? Buffer.concat([p.value, Buffer.alloc(2)]) : p.value);
    } else p.value.copy(e, 8, 0, Math.min(8, p.value.length));
    entries.push(e);
  }
  CFB.utils.cfb_add(cfb, `${dir}__properties_version1.0`, Buffer.concat(entries));
}

export interface MsgSpec {
  subject: string;
  senderName?: string;
  senderEmail?: string;
  /** PidTagTransportMessageHeaders (Outlook keeps them for mail it received). */
  headers?: string;
  submitted?: Date;
  attachments: { name: string; bytes: Uint8Array }[];
}

function messageProps(m: MsgSpec): Prop[] {
  const props: Prop[] = [
    { id: 0x001a, type: 0x001f, value: utf16('IPM.Note') },
    { id: 0x0037, type: 0x001f, value: utf16(m.subject) },
    { id: 0x1000, type: 0x001f, value: utf16('县司法局：附件是本月台账。') },
  ];
  if (m.senderName) props.push({ id: 0x0c1a, type: 0x001f, value: utf16(m.senderName) });
  if (m.senderEmail) props.push({ id: 0x0c1f, type: 0x001f, value: utf16(m.senderEmail) });
  if (m.headers) props.push({ id: 0x007d, type: 0x001f, value: utf16(m.headers) });
  if (m.submitted) props.push({ id: 0x0039, type: 0x0040, value: fileTime(m.submitted) });
  return props;
}

function header(size: number, m: MsgSpec): Buffer {
  const h = Buffer.alloc(size);
  h.writeUInt32LE(0, 8);
  h.writeUInt32LE(m.attachments.length, 12);
  h.writeUInt32LE(0, 16);
  h.writeUInt32LE(m.attachments.length, 20);
  return h;
}

/** An Outlook .msg; `embedded` adds a forwarded message as an attachment (ATTACH_EMBEDDED_MSG, §2.2.2.1). */
export function outlookMsg(m: MsgSpec, embedded?: MsgSpec): Uint8Array {
  const cfb = CFB.utils.cfb_new();
  CFB.utils.cfb_add(cfb, '/__nameid_version1.0/__substg1.0_00020102', Buffer.alloc(0));
  CFB.utils.cfb_add(cfb, '/__nameid_version1.0/__substg1.0_00030102', Buffer.alloc(0));
  CFB.utils.cfb_add(cfb, '/__nameid_version1.0/__substg1.0_00040102', Buffer.alloc(0));
  const all = [...m.attachments.map((a) => ({ a, embedded: null as MsgSpec | null })), ...(embedded ? [{ a: { name: `${embedded.subject}.msg`, bytes: new Uint8Array() }, embedded }] : [])];
  addProps(cfb, '/', header(32, { ...m, attachments: all.map((x) => x.a) }), messageProps(m));
  all.forEach(({ a, embedded: e }, i) => {
    const dir = `/__attach_version1.0_#${hex(i, 8)}/`;
    const props: Prop[] = [
      { id: 0x3705, type: 0x0003, value: Buffer.from([e ? 5 : 1, 0, 0, 0]) },
      { id: 0x3707, type: 0x001f, value: utf16(a.name) },
      { id: 0x3001, type: 0x001f, value: utf16(a.name) },
    ];
    if (!e) props.push({ id: 0x3701, type: 0x0102, value: Buffer.from(a.bytes) });
    addProps(cfb, dir, Buffer.alloc(8), props);
    if (e) {
      const sub = `${dir}__substg1.0_3701000D/`;
      addProps(cfb, sub, header(24, e), messageProps(e));
      e.attachments.forEach((x, j) => {
        addProps(cfb, `${sub}__attach_version1.0_#${hex(j, 8)}/`, Buffer.alloc(8), [
          { id: 0x3705, type: 0x0003, value: Buffer.from([1, 0, 0, 0]) },
          { id: 0x3707, type: 0x001f, value: utf16(x.name) },
          { id: 0x3701, type: 0x0102, value: Buffer.from(x.bytes) },
        ]);
      });
    }
  });
  return new Uint8Array(CFB.write(cfb, { type: 'buffer', fileType: 'cfb' }) as Buffer);
}

// ---- [MS-OXTNEF] ----

function tnefAttr(level: number, id: number, data: Buffer): Buffer {
  const h = Buffer.alloc(9);
  h.writeUInt8(level, 0);
  h.writeUInt32LE(id >>> 0, 1);
  h.writeUInt32LE(data.length, 5);
  const c = Buffer.alloc(2);
  c.writeUInt16LE(data.reduce((s, x) => (s + x) & 0xffff, 0));
  return Buffer.concat([h, data, c]);
}

/** winmail.dat with the files as attachments: title in the OEM code page (GBK), long name in the MAPI properties. */
export function winmailDat(files: { name: string; bytes: Uint8Array }[]): Uint8Array {
  const parts: Buffer[] = [Buffer.from([0x78, 0x9f, 0x3e, 0x22, 0x01, 0x00])];
  const u32 = (n: number) => {
    const b = Buffer.alloc(4);
    b.writeUInt32LE(n);
    return b;
  };
  parts.push(tnefAttr(1, 0x00089006, u32(0x00010000)));
  parts.push(tnefAttr(1, 0x00069007, Buffer.concat([u32(936), u32(0)])));
  parts.push(tnefAttr(1, 0x00078008, Buffer.from('IPM.Microsoft Mail.Note\0')));
  for (const f of files) {
    parts.push(tnefAttr(2, 0x00069002, Buffer.alloc(14)));
    parts.push(tnefAttr(2, 0x00018010, Buffer.concat([iconv.encode(f.name, 'gbk'), Buffer.from([0])])));
    parts.push(tnefAttr(2, 0x0006800f, Buffer.from(f.bytes)));
    const name = utf16(`${f.name}\0`);
    const pad = Buffer.alloc((4 - (name.length % 4)) % 4);
    const props = Buffer.concat([u32(1), Buffer.from([0x1f, 0x00, 0x07, 0x37]), u32(1), u32(name.length), name, pad]);
    parts.push(tnefAttr(2, 0x00069005, props));
  }
  return new Uint8Array(Buffer.concat(parts));
}

// ---- RAR 5.0 ----

const CRC = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(b: Uint8Array): number {
  let c = 0xffffffff;
  for (const x of b) c = CRC[(c ^ x) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function vint(n: number): Buffer {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n = Math.floor(n / 128);
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return Buffer.from(out);
}
function rarBlock(fields: Buffer): Buffer {
  const size = vint(fields.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32LE(crc32(Buffer.concat([size, fields])));
  return Buffer.concat([crc, size, fields]);
}

/** A RAR 5 archive of stored (uncompressed) files. */
export function rar5(files: { name: string; bytes: Uint8Array }[]): Uint8Array {
  const parts: Buffer[] = [Buffer.from([0x52, 0x61, 0x72, 0x21, 0x1a, 0x07, 0x01, 0x00])];
  parts.push(rarBlock(Buffer.concat([vint(1), vint(0), vint(0)])));
  for (const f of files) {
    const name = Buffer.from(f.name, 'utf8');
    const crc = Buffer.alloc(4);
    crc.writeUInt32LE(crc32(f.bytes));
    const fields = Buffer.concat([vint(2), vint(0x02), vint(f.bytes.length), vint(0x04), vint(f.bytes.length), vint(0x20), crc, vint(0), vint(0), vint(name.length), name]);
    parts.push(rarBlock(fields), Buffer.from(f.bytes));
  }
  parts.push(rarBlock(Buffer.concat([vint(5), vint(0), vint(0)])));
  return new Uint8Array(Buffer.concat(parts));
}

// ---- .zip as Windows' “发送到压缩文件夹” writes it ----

/**
 * Names in GBK, no UTF-8 flag and no Unicode path field: as Windows' compressed folders write
 * them on Chinese Windows. Stored entries, written from PKWARE's APPNOTE (4.3.7, 4.3.12, 4.3.16).
 */
export function gbkZip(files: { name: string; bytes: Uint8Array }[]): Uint8Array {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const f of files) {
    const name = iconv.encode(f.name, 'gbk');
    const data = Buffer.from(f.bytes);
    const crc = crc32(data);
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0);
    lh.writeUInt16LE(20, 4);
    lh.writeUInt16LE(0, 6); // flags: bit 11 clear
    lh.writeUInt16LE(0, 8); // stored
    lh.writeUInt32LE(crc, 14);
    lh.writeUInt32LE(data.length, 18);
    lh.writeUInt32LE(data.length, 22);
    lh.writeUInt16LE(name.length, 26);
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0);
    ch.writeUInt16LE(20, 4);
    ch.writeUInt16LE(20, 6);
    ch.writeUInt32LE(crc, 16);
    ch.writeUInt32LE(data.length, 20);
    ch.writeUInt32LE(data.length, 24);
    ch.writeUInt16LE(name.length, 28);
    ch.writeUInt32LE(offset, 42);
    locals.push(lh, name, data);
    central.push(ch, name);
    offset += lh.length + name.length + data.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, cd, end]));
}

/** A deflated zip (for a bomb: zeros inflate a thousandfold). */
export async function deflatedZip(files: { name: string; bytes: Uint8Array }[]): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const f of files) zip.file(f.name, f.bytes);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
