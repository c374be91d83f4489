/** A saved e-mail (.eml from Outlook, Foxmail, 163 web mail): when it came, its subject and its attachments. */
import PostalMime from 'postal-mime';
import { InputError, LIMITS } from './input';
import { parseMailDate } from './time';

export interface MailAttachment {
  name: string;
  bytes: Uint8Array;
}

export interface MailRead {
  /** The `Date:` header, or null when missing or unreadable. */
  received: Date | null;
  subject: string;
  /** `name <address>` of the sender. */
  from: string;
  attachments: MailAttachment[];
}

const EXT_BY_TYPE: Record<string, string> = {
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/msword': 'doc',
  'application/vnd.ms-excel': 'xls',
  'application/pdf': 'pdf',
};

function bytesOf(c: ArrayBuffer | Uint8Array | string): Uint8Array {
  if (typeof c === 'string') return new TextEncoder().encode(c);
  return c instanceof Uint8Array ? c : new Uint8Array(c);
}

export async function readMail(bytes: Uint8Array, name: string): Promise<MailRead> {
  if (bytes.length > LIMITS.fileBytes) throw new InputError(`${name} 超过 ${LIMITS.fileBytes / 1024 / 1024} MB，不像是报送邮件`, 'too-large');
  let email: PostalMime.Email;
  try {
    email = await PostalMime.parse(bytes, { attachmentEncoding: 'arraybuffer', maxNestingDepth: 20, maxHeadersSize: 256 * 1024 });
  } catch {
    throw new InputError(`${name} 不是可以读取的邮件文件（.eml）`, 'damaged');
  }
  if (!email.headers.length) throw new InputError(`${name} 不是邮件文件（.eml），没有邮件头`, 'damaged');
  const dateHeader = email.headers.find((h) => h.key === 'date')?.value;
  const from = email.from && 'address' in email.from && email.from.address ? `${email.from.name ? `${email.from.name} ` : ''}<${email.from.address}>` : '';
  const attachments = email.attachments
    .filter((a) => a.disposition !== 'inline' || !!a.filename)
    .map((a, i) => ({ name: a.filename || `附件${i + 1}.${EXT_BY_TYPE[a.mimeType] ?? 'bin'}`, bytes: bytesOf(a.content) }));
  return { received: parseMailDate(dateHeader), subject: email.subject ?? '', from, attachments };
}
