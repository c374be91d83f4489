/*
 * What the container readers hand the roll-up: deliveries (one e-mail, or one loose file or
 * archive), each with the ledger files found in it and the files that could not be used.
 */
import { MailDate } from './mail-date';

/** A mail's own statements about itself; `src/rollup` decides which time counts. */
export interface MailHeaders {
  /** `eml`: a saved message (also inside an .mbox or as a forwarded part); `msg`: Outlook. */
  kind: 'eml' | 'msg';
  subject: string;
  /** `name <address>` of the sender, or ''. */
  from: string;
  /** The `Date:` header as written (null: there is none). */
  dateHeader: string | null;
  /** The `Date:` header read (null: none, or unreadable). */
  date: MailDate | null;
  /** The topmost `Received:` line's time (the last server it passed, normally the county's). */
  received: MailDate | null;
  /** Outlook's own submit time (PidTagClientSubmitTime), for a .msg that carries no headers. */
  submitted: Date | null;
}

/** A file that is (or claims to be) a ledger: handed to the Word or workbook reader. */
export interface LedgerFile {
  /** `10月/天宁镇.eml › 台账.zip › 台账.docx` */
  file: string;
  /** The file's own name. */
  name: string;
  format: 'docx' | 'xlsx';
  bytes: Uint8Array;
}

/** A file that was not read: why, and whether it looks like a ledger someone meant to send. */
export interface Refused {
  file: string;
  reason: string;
  /** True for documents, workbooks, PDFs and archives; false for images, signatures, texts. */
  ledger: boolean;
}

export interface Delivery {
  /** The mail's (or loose file's) path as shown. */
  file: string;
  /** Null for a file that came without a mail (put in the folder, or in an archive on its own). */
  mail: MailHeaders | null;
  /** The mail this one was forwarded in (a message/rfc822 part, an attached .msg or .eml). */
  forwardedIn: { file: string; mail: MailHeaders } | null;
  ledgers: LedgerFile[];
  refused: Refused[];
  /** Messages carried inside (forwards); this mail then is only their envelope. */
  inner: number;
}
