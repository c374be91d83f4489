import MimeNode from 'emailjs-mime-builder';
import { KINDS, Kind, LEDGERS } from '../ledger/columns';
import { IsoDate, formatChineseDate } from '../ledger/dates';
import { thousands } from '../ledger/numbers';
import { Contact, Period } from '../ledger/options';
import { COUNTY_OFFICE } from './options';
import { BIDI_CONTROLS, periodLabel, periodSpan } from './period';
import { PendingItem, noneText } from './select';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface EmailInput {
  team: string;
  period: Period;
  counts: Record<Kind, number>;
  pending: PendingItem[];
  contact: Contact;
  today: IsoDate;
  docxName: string;
}

const INDENT = '\u3000\u3000';
const NUMBERS = ['一', '二', '三'];

/** Text for the subject and body: no control characters but line breaks, no bidi controls, no lone surrogates (they cannot be encoded). */
function plain(s: string): string {
  return s
    .replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/g, ' ')
    .replace(BIDI_CONTROLS, '')
    .replace(/[\ud800-\udbff][\udc00-\udfff]|[\ud800-\udfff]/g, (m) => (m.length === 2 ? m : '\ufffd'));
}

/** `{单位}{期间}行政执法案件台账报备` (spec §4). */
export function emailSubject(team: string, period: Period): string {
  return plain(`${team}${periodLabel(period)}行政执法案件台账报备`).replace(/\s+/g, ' ');
}

/** The plain-text body (LF line ends): counts, pending rows, attachment, contact, signature. */
export function emailBody(e: EmailInput): string {
  const out: string[] = [`${COUNTY_OFFICE}：`, ''];
  out.push(`${INDENT}现将${e.team}${periodLabel(e.period)}（${periodSpan(e.period)}）行政执法案件台账报送如下：`);
  KINDS.forEach((k, i) => {
    const last = i === KINDS.length - 1 ? '。' : '；';
    out.push(`${INDENT}${NUMBERS[i]}、${e.counts[k] ? `${LEDGERS[k].caseWord}${thousands(e.counts[k])}件` : noneText(k)}${last}`);
  });
  if (e.pending.length) {
    out.push(`${INDENT}另有待办案件${thousands(e.pending.length)}件，未计入本期，复检或结案后按月报送：`);
    e.pending.forEach((p, i) => {
      out.push(`${INDENT}${i + 1}. ${p.sheet}第${p.row}行：${p.text}${i === e.pending.length - 1 ? '。' : '；'}`);
    });
  }
  out.push(`${INDENT}台账Word版见附件“${e.docxName}”。`);
  out.push(`${INDENT}联系人：${e.contact.name}（${e.contact.title}），电话：${e.contact.phone}。`);
  out.push('', `${INDENT}${INDENT}${INDENT}${INDENT}${e.team}`, `${INDENT}${INDENT}${INDENT}${INDENT}${formatChineseDate(e.today)}`);
  return plain(out.join('\n'));
}

function mailtoAddress(a: string): string {
  const at = a.lastIndexOf('@');
  return `${encodeURIComponent(a.slice(0, at))}@${encodeURIComponent(a.slice(at + 1))}`;
}

/** RFC 6068 link for the mail program (without a body when `body` is null); it cannot carry the attachment. */
export function mailtoUrl(to: string[], subject: string, body: string | null): string {
  const q = (s: string) => encodeURIComponent(s.replace(/\r?\n/g, '\r\n'));
  return `mailto:${to.map(mailtoAddress).join(',')}?subject=${q(subject)}${body === null ? '' : `&body=${q(body)}`}`;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function utf8(s: string): number[] {
  return encodeURIComponent(s)
    .split(/(%[0-9A-F]{2})/)
    .filter(Boolean)
    .flatMap((p) => (p[0] === '%' ? [parseInt(p.slice(1), 16)] : [...p].map((c) => c.charCodeAt(0))));
}

function base64(bytes: number[]): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a, b, c] = [bytes[i], bytes[i + 1], bytes[i + 2]];
    out += B64[a >> 2] + B64[((a & 3) << 4) | ((b ?? 0) >> 4)];
    out += b === undefined ? '=' : B64[((b & 15) << 2) | ((c ?? 0) >> 6)];
    out += c === undefined ? '=' : B64[c & 63];
  }
  return out;
}

/** RFC 2047 encoded words (64 characters at most, so a folded `name="…"` line stays under 78; whole characters only), joined by spaces. */
export function encodedWords(s: string): string {
  const words: string[] = [];
  let chunk: number[] = [];
  for (const ch of s) {
    const b = utf8(ch);
    if (chunk.length + b.length > 39) {
      words.push(base64(chunk));
      chunk = [];
    }
    chunk.push(...b);
  }
  if (chunk.length) words.push(base64(chunk));
  return words.map((w) => `=?UTF-8?B?${w}?=`).join(' ');
}

export interface EmlInput {
  to: string[];
  subject: string;
  body: string;
  attachment: { name: string; bytes: Uint8Array };
  date: Date;
}

/**
 * The draft as RFC 5322 text (CRLF): `X-Unsent: 1`, no From (the sending account fills it in),
 * RFC 2047 subject, quoted-printable UTF-8 body, the Word file in base64 with an RFC 2231
 * `filename` (and an RFC 2047 `name`, which older Outlook reads instead).
 */
export function buildEml(m: EmlInput): string {
  const root = new MimeNode('multipart/mixed');
  root.setHeader('To', m.to.join(', '));
  // Encoded here: the library's own encoder can split a character outside the BMP (𠀀) between words.
  root.setHeader('Subject', encodedWords(m.subject.replace(/[\r\n]+/g, ' ')));
  root.setHeader('Date', m.date.toUTCString().replace(/GMT$/, '+0000'));
  root.setHeader('X-Unsent', '1');
  root.createChild('text/plain; charset=utf-8').setContent(m.body.replace(/\r?\n/g, '\r\n'));
  const name = m.attachment.name.replace(/["\\\r\n]/g, '');
  root.createChild(`${DOCX_MIME}; name="${encodedWords(name)}"`, { filename: name }).setContent(m.attachment.bytes);
  return root.build();
}
