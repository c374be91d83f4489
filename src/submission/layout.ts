import { ColumnDef } from '../ledger/columns';

/** Page and table geometry of the Word file, in twips (1/20 pt). */
export const PAGE = {
  /** A4 portrait; the section is turned to landscape. */
  width: 11906,
  height: 16838,
  marginTop: 1134,
  marginBottom: 1134,
  marginLeft: 1021,
  marginRight: 1021,
  header: 567,
  footer: 567,
};

/** Width of the text area of the landscape page. */
export const TEXT_WIDTH = PAGE.height - PAGE.marginLeft - PAGE.marginRight;

/** Default table text size in points (五号). */
export const TABLE_PT = 10.5;
/** Left and right cell margins. */
export const CELL_MARGIN = 57;
const PAD = 2 * CELL_MARGIN + 40;

/** 0 other, 1 CJK (one em), 2 Latin letter or digit. */
function charClass(c: number): number {
  if ((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) return 2;
  if (
    (c >= 0x1100 && c <= 0x115f) ||
    (c >= 0x2e80 && c <= 0xa4cf) ||
    (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xff60) ||
    (c >= 0xffe0 && c <= 0xffe6) ||
    (c >= 0xd800 && c <= 0xdbff) // a character outside the BMP (CJK extensions): its high surrogate
  )
    return 1;
  return 0;
}

/**
 * Approximate printed width of a line in twips at `pt` points: CJK one em, the rest half an em,
 * plus the quarter em Word and LibreOffice put between CJK and Latin text.
 */
export function textWidth(s: string, pt = TABLE_PT): number {
  let em = 0;
  let prev = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff) continue; // low surrogate: counted with its pair
    const k = charClass(c);
    em += k === 1 ? 1 : 0.55;
    if (prev + k === 3) em += 0.25;
    prev = k;
  }
  return Math.ceil(em * pt * 20);
}

/** Where a long header may break: before these endings. */
const HEADER_ENDINGS = ['决定书文号', '决定书', '文书号', '名称', '事实', '隐患数', '责任人', '票据号', '人员', '日期', '时间', '方法', '方式', '类别', '依据', '情况', '内容', '措施', '结果'];

/** A header on one line, or on two broken before a known ending (else in the middle); the break is a line break inside one paragraph. */
export function splitHeader(header: string): string[] {
  const chars = [...header];
  if (chars.length <= 3) return [header];
  const end = HEADER_ENDINGS.find((e) => header.endsWith(e) && header.length - e.length >= 2);
  const at = end ? chars.length - [...end].length : Math.ceil(chars.length / 2);
  return [chars.slice(0, at).join(''), chars.slice(at).join('')];
}

export function headerLines(header: string, width: number, pt = TABLE_PT): string[] {
  return textWidth(header, pt) + PAD <= width ? [header] : splitHeader(header);
}

const SAMPLE_DATE = '2023年12月31日';
/** A date as two lines (`2023年` / `10月9日`) for a column too narrow for one. */
export function splitDate(text: string): string[] {
  const m = /^(\d{4}年)(\d{1,2}月\d{1,2}日)$/.exec(text);
  return m ? [m[1], m[2]] : [text];
}

/** A document number as two lines (`天综执检` / `〔2023〕43号`), broken before the year's bracket. */
export function splitDocNo(text: string): string[] {
  const at = text.search(/[〔[【(（]/);
  return at > 0 ? [text.slice(0, at), text.slice(at)] : [text];
}

function longest(lines: string[], pt: number): number {
  return Math.max(...lines.map((l) => textWidth(l, pt)));
}

/** Narrowest and preferred width of a column. */
function bounds(c: ColumnDef, pt: number): { min: number; pref: number } {
  const w = (t: string) => textWidth(t, pt);
  const header = longest(splitHeader(c.header), pt);
  const three = w('三个字');
  const same = (x: number) => ({ min: x + PAD, pref: x + PAD });
  switch (c.type) {
    case 'seq':
      return same(Math.max(w(c.header), w('999')));
    case 'date':
      return { min: Math.max(header, longest(splitDate(SAMPLE_DATE), pt)) + PAD, pref: Math.max(header, w(SAMPLE_DATE)) + PAD };
    case 'mark':
      return same(w(c.header));
    case 'count':
      return same(Math.max(header, w('999')));
    case 'persons':
      return { min: Math.max(header, three) + PAD, pref: Math.max(header, w('张三、李四')) + PAD };
    case 'docNo':
      // Room for the part after the break (see splitDocNo).
      return same(Math.max(header, w('〔2023〕123号')));
    default:
      return same(Math.max(header, three));
  }
}

const FLEX = new Set(['text', 'docNo', 'persons']);
/** Which columns get their preferred width first. */
const UPGRADE_ORDER = ['persons', 'date'];
/** Room kept for free text before a column gets its preferred width. */
const TEXT_RESERVE = 1 / 8;

export interface TableLayout {
  /** Text size in points. */
  pt: number;
  /** Column widths in twips, summing to the table width. */
  widths: number[];
}

/** Text sizes tried in turn: 五号, 10 pt, 小五. */
export const TABLE_SIZES = [10.5, 10, 9];

/**
 * Widths that fill `total` at the largest size where names (`张三、李四`) fit on one line and an
 * eighth of the table is left for free text: every column its minimum, persons then dates their
 * preferred width while that room is left, free text columns share the rest in proportion to
 * their `width`. Dates that do not fit on one line break after 年 (see `cellLines`).
 */
export function tableLayout(cols: readonly ColumnDef[], total = TEXT_WIDTH): TableLayout {
  let last: TableLayout | null = null;
  for (const pt of TABLE_SIZES) {
    const { widths, upgraded } = widthsAt(cols, total, pt);
    last = { pt, widths };
    if (upgraded.has('persons') || !cols.some((c) => c.type === 'persons')) return last;
  }
  return last!;
}

function widthsAt(cols: readonly ColumnDef[], total: number, pt: number): { widths: number[]; upgraded: Set<string> } {
  const b = cols.map((c) => bounds(c, pt));
  const widths = b.map((x) => x.min);
  const upgraded = new Set<string>();
  const sum = () => widths.reduce((a, w) => a + w, 0);
  if (sum() > total) {
    const s = sum();
    return { widths: fill(widths.map((w) => (w * total) / s), total), upgraded };
  }
  for (const type of UPGRADE_ORDER) {
    const idx = cols.map((c, i) => (c.type === type ? i : -1)).filter((i) => i >= 0);
    const extra = idx.reduce((a, i) => a + b[i].pref - b[i].min, 0);
    if (idx.length && sum() + extra <= total * (1 - TEXT_RESERVE)) {
      for (const i of idx) widths[i] = b[i].pref;
      upgraded.add(type);
    }
  }
  const spare = total - sum();
  const weight = cols.reduce((a, c) => a + (FLEX.has(c.type) ? c.width : 0), 0);
  cols.forEach((c, i) => {
    if (weight && FLEX.has(c.type)) widths[i] += (spare * c.width) / weight;
  });
  return { widths: fill(widths, total), upgraded };
}

function fill(widths: number[], total: number): number[] {
  const out = widths.map(Math.floor);
  const rest = total - out.reduce((a, b) => a + b, 0);
  out[out.indexOf(Math.max(...out))] += rest;
  return out;
}

/**
 * A cell's text as paragraphs (its own line breaks) of printed lines: a date too wide for its
 * column breaks after 年, a document number before its year's bracket, within its paragraph, so
 * the cell's text stays `2023年10月9日` / `天综执检〔2023〕43号`.
 */
export function cellLines(text: string, type: ColumnDef['type'], width: number, pt = TABLE_PT): string[][] {
  if (type !== 'date' && type !== 'docNo' && !/[\r\n]/.test(text)) return [[text]];
  const paras = text.replace(/\r\n?/g, '\n').split('\n');
  if (paras.length === 1 && textWidth(text, pt) + PAD > width) {
    if (type === 'date') return [splitDate(text)];
    // A number that breaks inside its year (`〔2` / `023〕`) reads badly: break before the bracket.
    if (type === 'docNo') return [splitDocNo(text)];
  }
  return paras.map((p) => [p]);
}

/** Rows up to this many estimated lines are kept on one page (`cantSplit`); taller ones may break, or Word would cut them off. */
export const KEEP_ROW_LINES = 15;

/** Estimated printed lines of a cell's text in a column. */
export function estimateLines(paras: string[][], width: number, pt = TABLE_PT): number {
  const room = Math.max(1, width - PAD);
  // Short cells (nearly all) need no measuring: even all-CJK text fits in this many lines.
  if (paras.length === 1 && paras[0].length === 1 && paras[0][0].length * 1.25 * pt * 20 <= room) return 1;
  return paras.flat().reduce((n, l) => n + Math.max(1, Math.ceil(textWidth(l, pt) / room)), 0);
}
