/*
 * An Outlook item file (.msg, MS-OXMSG: a compound file of MAPI properties), read with
 * @kenjiuno/msgreader (browser-capable). Its Date comes from the transport headers Outlook keeps
 * for mail it received (PidTagTransportMessageHeaders), else its submit time.
 * Embedded messages (forwarded as attachments) come back as .msg parts of their own.
 */
import MsgReader from '@kenjiuno/msgreader';
import { InputError } from '../limits';
import { Part } from './eml';
import { parseMailDate, receivedTime } from './mail-date';
import { MailHeaders } from './types';

function headerValue(block: string, key: string): string | null {
  const unfolded = block.replace(/\r?\n[ \t]+/g, ' ');
  const m = new RegExp(`^${key}:[ \\t]*(.*)$`, 'im').exec(unfolded);
  return m ? m[1].trim() : null;
}

function time(s: string | undefined): Date | null {
  if (!s) return null;
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? null : d;
}

export function readMsg(bytes: Uint8Array, name: string): { headers: MailHeaders; parts: Part[] } {
  let reader: MsgReader;
  let data: ReturnType<MsgReader['getFileData']>;
  try {
    reader = new MsgReader(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    reader.parserConfig = { ansiEncoding: 'gbk' };
    data = reader.getFileData();
  } catch {
    throw new InputError(`${name} 不是可以读取的 Outlook 邮件文件（.msg）`, 'damaged');
  }
  if (data.error) throw new InputError(`${name} 不是可以读取的 Outlook 邮件文件（.msg）`, 'damaged');
  const block = data.headers ?? '';
  const dateHeader = block ? headerValue(block, 'Date') : null;
  const received = block ? headerValue(block, 'Received') : null;
  const parts: Part[] = [];
  for (const a of data.attachments ?? []) {
    if (a.attachmentHidden && !a.fileName) continue;
    let got: { fileName: string; content: Uint8Array };
    try {
      got = reader.getAttachment(a);
    } catch {
      parts.push({ name: a.fileName || a.name || '附件', mime: 'application/x-unreadable', bytes: new Uint8Array() });
      continue;
    }
    const fileName = got.fileName || a.fileName || a.name || `附件${parts.length + 1}${a.innerMsgContent ? '.msg' : ''}`;
    parts.push({ name: a.innerMsgContent && !/\.msg$/i.test(fileName) ? `${fileName}.msg` : fileName, mime: a.innerMsgContent ? 'application/vnd.ms-outlook' : a.attachMimeTag ?? '', bytes: got.content });
  }
  const from = data.senderEmail ? `${data.senderName ? `${data.senderName} ` : ''}<${data.senderEmail}>` : data.senderName ?? '';
  return {
    headers: {
      kind: 'msg',
      subject: data.subject ?? '',
      from,
      dateHeader,
      date: parseMailDate(dateHeader),
      received: received ? receivedTime(received) : null,
      submitted: time(data.clientSubmitTime) ?? time(data.messageDeliveryTime),
    },
    parts,
  };
}
