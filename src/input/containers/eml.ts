/*
 * A saved e-mail (.eml from Outlook, Foxmail, Thunderbird, 163/126 web mail; a message of an
 * .mbox; a forwarded message/rfc822 part), parsed with postal-mime (browser-capable). Forwarded
 * messages come back as parts of their own, to be read as mails of their own.
 */
import PostalMime from 'postal-mime';
import { InputError } from '../limits';
import { parseMailDate, receivedTime } from './mail-date';
import { MailHeaders } from './types';

export interface Part {
  name: string;
  mime: string;
  bytes: Uint8Array;
}

export interface MailRead {
  headers: MailHeaders;
  parts: Part[];
}

const EXT_BY_TYPE: Record<string, string> = {
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/msword': 'doc',
  'application/vnd.ms-excel': 'xls',
  'application/pdf': 'pdf',
  'application/zip': 'zip',
  'application/x-zip-compressed': 'zip',
  'application/x-rar-compressed': 'rar',
  'application/vnd.rar': 'rar',
  'application/vnd.ms-outlook': 'msg',
  'application/ms-tnef': 'dat',
  'message/rfc822': 'eml',
};

function bytesOf(c: ArrayBuffer | Uint8Array | string): Uint8Array {
  if (typeof c === 'string') return new TextEncoder().encode(c);
  return c instanceof Uint8Array ? c : new Uint8Array(c);
}

export function fromText(a: { name?: string; address?: string } | undefined): string {
  if (!a?.address) return a?.name ?? '';
  return `${a.name ? `${a.name} ` : ''}<${a.address}>`;
}

/** Parses one message; `name` labels messages. Throws `InputError` for what is no mail. */
export async function readEml(bytes: Uint8Array, name: string): Promise<MailRead> {
  let email: PostalMime.Email;
  try {
    email = await PostalMime.parse(bytes, {
      attachmentEncoding: 'arraybuffer',
      // Forwards stay parts: each is read as its own mail, judged by its own Date.
      forceRfc822Attachments: true,
      maxNestingDepth: 20,
      maxHeadersSize: 256 * 1024,
    } as PostalMime.PostalMimeOptions);
  } catch {
    throw new InputError(`${name} 不是可以读取的邮件文件（.eml）`, 'damaged');
  }
  if (!email.headers.length) throw new InputError(`${name} 不是邮件文件（.eml），没有邮件头`, 'damaged');
  const dateHeader = email.headers.find((h) => h.key === 'date')?.value ?? null;
  const topReceived = email.headers.find((h) => h.key === 'received')?.value;
  const from = email.from && 'address' in email.from ? fromText(email.from as { name?: string; address?: string }) : '';
  const parts = email.attachments.map((a, i) => ({
    name: a.filename || `附件${i + 1}.${EXT_BY_TYPE[a.mimeType] ?? 'bin'}`,
    mime: a.mimeType,
    bytes: bytesOf(a.content),
  }));
  return {
    headers: {
      kind: 'eml',
      subject: email.subject ?? '',
      from,
      dateHeader,
      date: parseMailDate(dateHeader),
      received: topReceived ? receivedTime(topReceived) : null,
      submitted: null,
    },
    parts,
  };
}
