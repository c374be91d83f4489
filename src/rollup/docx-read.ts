/**
 * A Word file's ledgers as grids the core reads like sheets: each table with the paragraph
 * before it as its title row, merged cells (`gridSpan`, `vMerge`) as merges. Also the top-level
 * paragraphs (cover, sign-off) and our embedded data, when the file carries it.
 */
import { DOMParser, Element } from '@xmldom/xmldom';
import { CellRange, CellValue, SheetGrid } from '../ledger/cell';
import { EMBEDDED_NAMESPACE, EmbeddedRead, readEmbedded } from '../submission/embedded';
import { InputError, ZipParts } from './input';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const OFFICE_DOCUMENT = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument';
/** Elements that wrap rows, cells or runs without meaning (content controls, custom XML, smart tags, insertions). */
const WRAPPERS = new Set(['sdt', 'sdtContent', 'customXml', 'smartTag', 'ins', 'moveTo', 'hyperlink', 'fldSimple']);

export interface DocxTable {
  /** The paragraph text right before the table (its title), if any. */
  title: string | null;
  /** Title in row 1 (when there is one), the table's rows below. */
  grid: SheetGrid;
  /** Grid row of the table's first row. */
  firstRow: number;
}

export interface DocxContent {
  /** Top-level paragraph texts, in order. */
  paragraphs: string[];
  tables: DocxTable[];
  /** Our data (or why it cannot be used), or null when the file has none. */
  embedded: EmbeddedRead;
}

function parse(xml: string, name: string): Element {
  let root: Element | null = null;
  try {
    root = new DOMParser({ onError: () => undefined }).parseFromString(xml, 'application/xml').documentElement as Element | null;
  } catch {
    root = null;
  }
  if (!root) throw new InputError(`${name} 的内容无法解析，文件可能已损坏`, 'damaged');
  return root;
}

/** Children in the Word namespace, looking through wrapper elements. */
function wChildren(el: Element, local: string, out: Element[] = []): Element[] {
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType !== 1) continue;
    const e = n as Element;
    if (e.namespaceURI !== W) continue;
    if (e.localName === local) out.push(e);
    else if (WRAPPERS.has(e.localName ?? '')) wChildren(e, local, out);
  }
  return out;
}

function wChild(el: Element | null, ...path: string[]): Element | null {
  let cur = el;
  for (const p of path) cur = cur ? wChildren(cur, p)[0] ?? null : null;
  return cur;
}

function wVal(el: Element | null): string | null {
  return el ? el.getAttributeNS(W, 'val') || null : null;
}

/**
 * A paragraph's text: `w:t`, tabs as spaces, line breaks as `br` (our own files break dates and
 * document numbers for layout only, so there they join with nothing). Deleted text is left out.
 */
function paragraphText(p: Element, br: string): string {
  let s = '';
  const walk = (el: Element) => {
    for (let n = el.firstChild; n; n = n.nextSibling) {
      if (n.nodeType !== 1) continue;
      const e = n as Element;
      if (e.namespaceURI !== W) continue;
      switch (e.localName) {
        case 't':
          s += e.textContent ?? '';
          break;
        case 'tab':
          s += ' ';
          break;
        case 'br':
        case 'cr':
          s += br;
          break;
        case 'del':
        case 'moveFrom':
        case 'instrText':
        case 'delText':
        case 'tbl':
          break;
        default:
          walk(e);
      }
    }
  };
  walk(p);
  return s;
}

function cellText(tc: Element, br: string): string {
  return wChildren(tc, 'p')
    .map((p) => paragraphText(p, br))
    .join('\n')
    .trim();
}

/** One `w:tbl` as a grid below an optional title row. */
export function tableGrid(tbl: Element, title: string | null, name: string, br: string): DocxTable {
  const rows: CellValue[][] = [];
  const merges: CellRange[] = [];
  if (title) rows.push([title]);
  const firstRow = rows.length + 1;
  /** Open vertical merges by their first column. */
  let open = new Map<number, CellRange>();
  for (const tr of wChildren(tbl, 'tr')) {
    const r = rows.length + 1;
    const values: CellValue[] = [];
    const next = new Map<number, CellRange>();
    let col = 1 + Number(wVal(wChild(tr, 'trPr', 'gridBefore')) ?? 0);
    for (const tc of wChildren(tr, 'tc')) {
      const span = Math.max(1, Math.min(64, Number(wVal(wChild(tc, 'tcPr', 'gridSpan')) ?? 1) || 1));
      const vm = wChild(tc, 'tcPr', 'vMerge');
      const above = open.get(col);
      if (vm && wVal(vm) !== 'restart' && above && above.right === col + span - 1) {
        above.bottom = r;
        next.set(col, above);
      } else {
        const text = cellText(tc, br);
        values[col - 1] = text === '' ? null : text;
        const m = { top: r, left: col, bottom: r, right: col + span - 1 };
        if (span > 1 || vm) merges.push(m);
        if (vm) next.set(col, m);
      }
      col += span;
    }
    open = next;
    for (let i = 0; i < values.length; i++) if (values[i] === undefined) values[i] = null;
    rows.push(values);
  }
  return { title, firstRow, grid: { name, top: 1, left: 1, rows, merges: merges.filter((m) => m.bottom > m.top || m.right > m.left) } };
}

async function mainPart(zip: ZipParts, name: string): Promise<string> {
  const rels = await zip.text('_rels/.rels');
  if (rels) {
    const root = parse(rels, name);
    const list = root.getElementsByTagNameNS(REL_NS, 'Relationship');
    for (let i = 0; i < list.length; i++) {
      const rel = list[i];
      if (rel.getAttribute('Type') === OFFICE_DOCUMENT) return (rel.getAttribute('Target') ?? '').replace(/^\//, '');
    }
  }
  return 'word/document.xml';
}

/**
 * Our embedded data is a copy of what the tables print, so it is never much larger than the
 * document's own XML (which wraps the same text in markup). A part larger than this bound is not
 * read past it: rows the tables do not have cost nothing.
 */
export function embeddedCap(documentXmlLength: number): number {
  return 256 * 1024 + 2 * documentXmlLength;
}

async function embeddedOf(zip: ZipParts, cap: number): Promise<EmbeddedRead> {
  for (const part of zip.names.filter((n) => /^customXml\/item\d*\.xml$/i.test(n))) {
    const head = await zip.head(part, 4096);
    if (!head?.includes(EMBEDDED_NAMESPACE)) continue;
    let text: string | null;
    try {
      text = await zip.text(part, cap);
    } catch (e) {
      if (e instanceof InputError && e.reason === 'too-large') return { ok: false, reason: '内嵌数据远多于 Word 表格中的内容（与表格不符），没有读取' };
      throw e;
    }
    const read = text === null ? null : readEmbedded(text);
    if (read) return read;
  }
  return null;
}

/** Reads a .docx: paragraphs, tables as grids, embedded data. Throws `InputError` when it is no Word file. */
export async function readDocx(zip: ZipParts, name: string): Promise<DocxContent> {
  if (zip.names.includes('xl/workbook.xml')) throw new InputError(`${name} 是 Excel 工作簿，不是 Word 文件，请把扩展名改为 .xlsx`, 'not-xlsx');
  const xml = await zip.text(await mainPart(zip, name));
  if (xml === null) throw new InputError(`${name} 不是 Word 文件（.docx）：找不到正文`, 'not-xlsx');
  const embedded = await embeddedOf(zip, embeddedCap(xml.length));
  const br = embedded?.ok ? '' : '\n';
  const root = parse(xml, name);
  const body = wChild(root, 'body');
  if (!body) throw new InputError(`${name} 不是 Word 文件（.docx）：找不到正文`, 'not-xlsx');
  const paragraphs: string[] = [];
  const tables: DocxTable[] = [];
  let lastText: string | null = null;
  const blocks = (el: Element) => {
    for (let n = el.firstChild; n; n = n.nextSibling) {
      if (n.nodeType !== 1) continue;
      const e = n as Element;
      if (e.namespaceURI !== W) continue;
      if (e.localName === 'p') {
        const t = paragraphText(e, ' ').trim();
        paragraphs.push(t);
        if (t) lastText = t;
      } else if (e.localName === 'tbl') {
        tables.push(tableGrid(e, lastText, `表格${tables.length + 1}`, br));
        lastText = null;
      } else if (WRAPPERS.has(e.localName ?? '')) blocks(e);
    }
  };
  blocks(body);
  return { paragraphs, tables, embedded };
}
