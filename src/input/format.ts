/*
 * What a file is when it is not an .xlsx: an old binary Office file (OLE compound file: its
 * directory's stream names tell an .xls from a password-protected .xlsx or a .doc), another zip
 * (OpenDocument, Word, PowerPoint, .xlsb, a plain archive), or something else.
 * Browser-capable: no Node APIs.
 */
import * as CFB from 'cfb';
import { InputError } from './limits';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  return bytes.length >= sig.length && sig.every((b, i) => bytes[i] === b);
}

export type Container = 'zip' | 'ole' | 'other';

export function containerOf(bytes: Uint8Array): Container {
  if (startsWith(bytes, ZIP)) return 'zip';
  if (startsWith(bytes, OLE)) return 'ole';
  return 'other';
}

function extensionOf(name: string): string {
  const m = /\.([^.\\/]+)$/.exec(name);
  return m ? m[1].toLowerCase() : '';
}

const SAVE_AS = '请在 Excel 或 WPS 中打开，“另存为” Excel 工作簿（.xlsx）后再试';

/** Why an OLE compound file cannot be read, from the names in its directory. */
export function oleRefusal(bytes: Uint8Array, name: string): InputError {
  let names: Set<string>;
  try {
    names = new Set(CFB.parse(bytes).FileIndex.map((e) => e.name));
  } catch {
    return new InputError(`${name} 是旧版 Office 格式的文件（.xls、.et、.doc 等），但已损坏或无法识别。${SAVE_AS}`, 'damaged');
  }
  const asXlsx = /^xls[xm]$/.test(extensionOf(name)) ? `（扩展名虽是 .${extensionOf(name)}，` : '（';
  if (names.has('EncryptedPackage') || names.has('EncryptionInfo')) {
    return new InputError(
      `${name} 设置了打开密码（已加密），无法读取。请在 Excel 中打开，取消密码（文件→信息→保护工作簿→用密码进行加密，清空密码）后保存为 .xlsx 再试`,
      'encrypted',
    );
  }
  if (names.has('Workbook') || names.has('Book')) {
    return new InputError(`${name} 是旧版 Excel（.xls）或 WPS 表格（.et）格式的工作簿${asXlsx}内容仍是旧格式）。${SAVE_AS}`, 'old-format');
  }
  if (names.has('WordDocument')) return new InputError(`${name} 是 Word 文档（.doc），不是 Excel 工作簿。台账请用 Excel 或 WPS 表格保存为 .xlsx`, 'not-xlsx');
  if (names.has('PowerPoint Document')) return new InputError(`${name} 是 PowerPoint 演示文稿（.ppt），不是 Excel 工作簿`, 'not-xlsx');
  return new InputError(`${name} 是旧版 Office 格式的文件，但不是 Excel 工作簿。${SAVE_AS}`, 'not-xlsx');
}

/** Neither a zip nor an OLE file. */
export function otherRefusal(name: string): InputError {
  const ext = extensionOf(name);
  if (ext === 'et' || ext === 'xls' || ext === 'csv') return new InputError(`${name} 不是 .xlsx 文件。${SAVE_AS}`, 'not-xlsx');
  return new InputError(`${name} 不是 Excel 工作簿（.xlsx），无法读取。请用 Excel 或 WPS 另存为 .xlsx 后再试`, 'not-xlsx');
}

/** Why a zip that is not an .xlsx cannot be read (null: it is one), from its entry names and OpenDocument's `mimetype`. */
export function zipRefusal(names: Set<string>, mimetype: string | null, name: string): InputError | null {
  const refuse = (text: string) => new InputError(`${name} ${text}`, 'not-xlsx');
  // The workbook part where every writer puts it; or, named otherwise, found through `_rels/.rels` by the reader.
  if (names.has('xl/workbook.xml') || (names.has('_rels/.rels') && [...names].some((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n)))) return null;
  if (mimetype !== null || names.has('content.xml')) {
    if (mimetype?.includes('opendocument.spreadsheet')) return refuse(`是 OpenDocument 表格（.ods，LibreOffice 或 WPS 保存的格式），不是 Excel 工作簿。请在 LibreOffice、WPS 或 Excel 中打开，“另存为” Excel 工作簿（.xlsx）后再试`);
    if (mimetype?.includes('opendocument.text')) return refuse('是 OpenDocument 文字文档（.odt），不是 Excel 工作簿。台账请用 Excel 或 WPS 表格保存为 .xlsx');
    return refuse(`是 OpenDocument 文件（LibreOffice 等保存的格式），不是 Excel 工作簿。${SAVE_AS}`);
  }
  if (names.has('word/document.xml')) return refuse('是 Word 文档（.docx），不是 Excel 工作簿。台账请用 Excel 或 WPS 表格保存为 .xlsx');
  if (names.has('ppt/presentation.xml')) return refuse('是 PowerPoint 演示文稿（.pptx），不是 Excel 工作簿');
  if (names.has('xl/workbook.bin')) return refuse(`是 Excel 二进制工作簿（.xlsb）。${SAVE_AS}`);
  return refuse('是压缩包（zip），不是 Excel 工作簿。如果台账在压缩包里，请先解压，再检查其中的 .xlsx 文件');
}
