/*
 * What a file is, from its first bytes (and, for zip and OLE files, the names inside), its
 * extension and its MIME type: a ledger, a mail, a container, or something named with why it is
 * not read and how to fix it. Browser-capable.
 */
import * as CFB from 'cfb';
import { TooManyEntries, listEntries } from '../zip';

export type FileKind =
  | { kind: 'docx' | 'xlsx' | 'eml' | 'mbox' | 'msg' | 'tnef' | 'zip' | 'rar' }
  | { kind: 'refused'; reason: string; ledger: boolean };

const SAVE_DOCX = '请在 Word 或 WPS 中打开，“另存为” Word 文档（.docx）后重新报送';
const SAVE_XLSX = '请在 Excel 或 WPS 中打开，“另存为” Excel 工作簿（.xlsx）后重新报送';

const NOT_LEDGER = new Set(['png', 'jpg', 'jpeg', 'gif', 'bmp', 'tif', 'tiff', 'webp', 'heic', 'svg', 'ico', 'ics', 'vcf', 'p7s', 'p7m', 'asc', 'sig', 'txt', 'htm', 'html', 'css', 'mp3', 'mp4', 'wav', 'amr']);

export function extensionOf(name: string): string {
  return (/\.([^./\\]+)$/.exec(name)?.[1] ?? '').toLowerCase();
}

function starts(b: Uint8Array, sig: number[], at = 0): boolean {
  return b.length >= at + sig.length && sig.every((x, i) => b[at + i] === x);
}

const ascii = (b: Uint8Array, n: number) => String.fromCharCode(...b.subarray(0, Math.min(n, b.length)));

/** A header block as RFC 5322 writes it: `Name: value` lines, one of the usual ones among them. */
function looksLikeMail(b: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(b.subarray(0, 8192));
  const end = head.search(/\r?\n\r?\n/);
  const block = end < 0 ? head : head.slice(0, end);
  const lines = block.split(/\r?\n/).filter((l) => !/^[ \t]/.test(l));
  if (!lines.length || !lines.every((l) => /^[!-9;-~]+:/.test(l))) return false;
  return lines.some((l) => /^(date|from|received|subject|message-id|mime-version|return-path):/i.test(l));
}

function refused(reason: string, ledger = true): FileKind {
  return { kind: 'refused', reason, ledger };
}

function zipKind(bytes: Uint8Array, ext: string): FileKind {
  let names: string[];
  try {
    names = listEntries(bytes, 10_000).map((e) => e.name);
  } catch (e) {
    if (e instanceof TooManyEntries) return refused('压缩包里的文件超过上限，没有读取');
    return refused(ext === 'zip' ? '压缩包已损坏，无法打开' : `文件已损坏，无法打开。${SAVE_DOCX}`);
  }
  if (names.includes('word/document.xml')) return { kind: 'docx' };
  if (names.includes('xl/workbook.xml')) return { kind: 'xlsx' };
  if (names.includes('mimetype') || names.includes('content.xml')) return refused(`是 OpenDocument 文件（LibreOffice、WPS 保存的 .odt/.ods），无法读取。${SAVE_DOCX}`);
  if (names.includes('Doc_0/Document.xml') || names.includes('OFD.xml')) return refused('是 OFD 版式文件，无法读取表格。请报送 Word 版（.docx）台账');
  if (ext === 'docx' || ext === 'docm') return { kind: 'docx' };
  if (ext === 'xlsx' || ext === 'xlsm') return { kind: 'xlsx' };
  return { kind: 'zip' };
}

function oleKind(bytes: Uint8Array, ext: string): FileKind {
  let names: string[];
  try {
    names = CFB.parse(bytes).FileIndex.map((e) => e.name);
  } catch {
    if (ext === 'msg') return refused('Outlook 邮件文件（.msg）已损坏，无法读取');
    if (ext === 'doc' || ext === 'wps') return refused(`是旧版 Word 或 WPS 文字格式（.${ext}），无法读取表格（文件也可能已损坏）。${SAVE_DOCX}`);
    if (ext === 'xls' || ext === 'et') return refused(`是旧版 Excel 或 WPS 表格格式（.${ext}），无法读取（文件也可能已损坏）。${SAVE_XLSX}`);
    return refused('是旧版 Office 格式的文件，已损坏或无法识别');
  }
  const has = (n: string) => names.includes(n);
  if (has('__properties_version1.0') || names.some((n) => n.startsWith('__substg1.0_'))) return { kind: 'msg' };
  if (has('EncryptedPackage') || has('EncryptionInfo')) return refused('设置了打开密码（已加密），无法读取。请取消密码后重新报送');
  if (has('WordDocument')) {
    if (ext === 'wps') return refused(`是 WPS 文字格式（.wps），无法读取表格。请在 WPS 中打开，“另存为” Word 文件（.docx）后重新报送`);
    return refused(`是旧版 Word 格式（.doc），无法读取表格。${SAVE_DOCX}`);
  }
  if (has('Workbook') || has('Book')) return refused(`是旧版 Excel（.xls）或 WPS 表格（.et）格式，无法读取。${SAVE_XLSX}`);
  return refused('是旧版 Office 格式的文件（不是 Word 或 Excel 台账），无法读取');
}

/** What `bytes` (named `name`, sent as `mime`) is. */
export function detectFile(name: string, bytes: Uint8Array, mime = ''): FileKind {
  const ext = extensionOf(name);
  const type = mime.toLowerCase();
  if (starts(bytes, [0x50, 0x4b, 0x03, 0x04]) || starts(bytes, [0x50, 0x4b, 0x05, 0x06])) return zipKind(bytes, ext);
  if (starts(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return oleKind(bytes, ext);
  if (starts(bytes, [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07])) return { kind: 'rar' };
  if (starts(bytes, [0x78, 0x9f, 0x3e, 0x22])) return { kind: 'tnef' };
  if (starts(bytes, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])) return refused('是 7z 压缩包，无法读取。请解压后报送其中的 Word 文件，或改用 zip 压缩');
  if (ascii(bytes, 5) === '%PDF-') return refused('是 PDF 文件，无法读取表格。请报送 Word 版（.docx）台账');
  if (starts(bytes, [0x89, 0x50, 0x4e, 0x47]) || starts(bytes, [0xff, 0xd8, 0xff]) || ascii(bytes, 4) === 'GIF8' || ascii(bytes, 2) === 'BM') return refused('是图片，不是台账', false);
  if (/^\{\\rtf/.test(ascii(bytes, 5))) return refused(`是 RTF 格式的文档，无法读取表格。${SAVE_DOCX}`);
  if (ascii(bytes, 5) === 'From ' && looksLikeMail(bytes.subarray(bytes.indexOf(0x0a) + 1))) return { kind: 'mbox' };
  if (type === 'message/rfc822' || ext === 'eml' || ((!ext || ext === 'txt' || ext === 'mht') && looksLikeMail(bytes))) {
    return looksLikeMail(bytes) ? { kind: 'eml' } : refused('不是可以读取的邮件文件（.eml）：没有邮件头');
  }
  if (type === 'application/ms-tnef' || type === 'application/vnd.ms-tnef' || ext === 'dat') return refused('是 Outlook 的 winmail.dat，但已损坏，无法读取');
  if (ext === 'msg') return refused('不是 Outlook 邮件文件（.msg），无法读取');
  if (ext === 'mbox' || ext === 'mbx') return refused('不是 mbox 邮箱文件（应以“From ”行开头），无法读取');
  if (ext === 'docx' || ext === 'docm') return { kind: 'docx' };
  if (ext === 'xlsx' || ext === 'xlsm') return { kind: 'xlsx' };
  if (ext === 'doc' || ext === 'wps') return refused(`看起来是 Word 或 WPS 文档（.${ext}），但不是能读取表格的格式。${SAVE_DOCX}`);
  if (ext === 'xls' || ext === 'et' || ext === 'csv') return refused(`不是 .xlsx 格式的工作簿，无法读取。${SAVE_XLSX}`);
  if (NOT_LEDGER.has(ext) || type.startsWith('image/') || type.startsWith('text/')) return refused('不是台账', false);
  return refused('不是报送材料（能读取的是 .eml、.msg、.mbox 邮件，.docx、.xlsx 台账，.zip、.rar 压缩包）');
}
