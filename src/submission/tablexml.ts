/**
 * The ledger tables as WordprocessingML, written as strings: thousands of rows through docx's
 * object model take seconds, strings take milliseconds. The rest of the file comes from docx.
 */
import { ColumnDef, officialColumns } from '../ledger/columns';
import { CELL_MARGIN, KEEP_ROW_LINES, TABLE_PT, TEXT_WIDTH, cellLines, estimateLines, headerLines, tableLayout } from './layout';
import { BIDI_CONTROLS } from './period';
import { LedgerSection, noneText } from './select';

const UNSAFE = /[\u0000-\u001f\ud800-\udfff\ufffe\uffff\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** Removes what XML 1.0 cannot carry (control characters, lone surrogates, U+FFFE/FFFF) and bidi controls; tabs become spaces. */
export function xmlSafe(s: string): string {
  if (!UNSAFE.test(s)) return s;
  return s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(BIDI_CONTROLS, '')
    .replace(/[\ud800-\udbff][\udc00-\udfff]|[\ud800-\udfff]/g, (m) => (m.length === 2 ? m : ''))
    .replace(/\t/g, ' ');
}

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
export function escapeXml(s: string): string {
  const t = xmlSafe(s);
  return /[&<>"']/.test(t) ? t.replace(/[&<>"']/g, (c) => ESC[c]) : t;
}

const CENTERED: ReadonlySet<string> = new Set(['seq', 'date', 'mark', 'count']);
const LINE = 'w:val="single" w:sz="4" w:space="0" w:color="000000"';
const BORDERS = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((s) => `<w:${s} ${LINE}/>`).join('');

/** Paragraph styles of table text, one per size (half-points) and role; declared in the skeleton's styles. */
export type CellRole = 'left' | 'center' | 'header';
export function cellStyleId(size: number, role: CellRole): string {
  return `TZ${size}${role === 'left' ? 'L' : role === 'center' ? 'C' : 'H'}`;
}

/** Half-points of the document default (docDefaults: 仿宋_GB2312, no spacing): left-aligned text at this size needs no style. */
export const DEFAULT_SIZE = Math.round(TABLE_PT * 2);

/** Runs of one paragraph; lines are joined by line breaks (`w:br`), so the cell's text is unchanged. */
function runs(lines: string[]): string {
  let out = '';
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (!l && !i) continue;
    const space = /^\s|\s$|\s\s/.test(l) ? ' xml:space="preserve"' : '';
    out += `<w:r>${i ? '<w:br/>' : ''}<w:t${space}>${escapeXml(l)}</w:t></w:r>`;
  }
  return out;
}

/** Start of a cell: width, then `extra` (span, merge), centred vertically. */
function cellOpen(width: number, extra = ''): string {
  return `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/>${extra}<w:vAlign w:val="center"/></w:tcPr>`;
}

function paraOpen(size: number, role: CellRole): string {
  // Most cells: the document default does it, and a smaller file packs faster.
  if (size === DEFAULT_SIZE && role === 'left') return '<w:p>';
  return `<w:p><w:pPr><w:pStyle w:val="${cellStyleId(size, role)}"/></w:pPr>`;
}

/** A cell from its start, its paragraphs' start, and its text as paragraphs of lines. */
function cell(open: string, pOpen: string, paras: string[][]): string {
  let out = open;
  for (const p of paras) out += pOpen + runs(p) + '</w:p>';
  return out + '</w:tc>';
}

function row(cells: string, props: string): string {
  return `<w:tr>${props ? `<w:trPr>${props}</w:trPr>` : ''}${cells}</w:tr>`;
}

/** Header rows: one, or two with `整改结果` over `已完成`/`未完成` and every other header merged down. */
function headerRows(cols: ColumnDef[], widths: number[], size: number, pt: number): string {
  const twoRows = cols.some((c) => c.group);
  const p = paraOpen(size, 'header');
  let top = '';
  let bottom = '';
  for (let i = 0; i < cols.length; i++) {
    const c = cols[i];
    if (!c.group) {
      top += cell(cellOpen(widths[i], twoRows ? '<w:vMerge w:val="restart"/>' : ''), p, [headerLines(c.header, widths[i], pt)]);
      bottom += cell(cellOpen(widths[i], '<w:vMerge/>'), p, [['']]);
      continue;
    }
    if (i === 0 || cols[i - 1].group !== c.group) {
      let span = 0;
      let w = 0;
      for (let j = i; j < cols.length && cols[j].group === c.group; j++) {
        span++;
        w += widths[j];
      }
      top += cell(cellOpen(w, `<w:gridSpan w:val="${span}"/>`), p, [headerLines(c.group, w, pt)]);
    }
    bottom += cell(cellOpen(widths[i]), p, [headerLines(c.header, widths[i], pt)]);
  }
  const props = '<w:cantSplit/><w:tblHeader/>';
  return row(top, props) + (twoRows ? row(bottom, props) : '');
}

/** A ledger as one `w:tbl`, handed out in pieces (a row at a time): official columns, header rows repeated on each page, the period's rows or `本期无…案件`. */
export function ledgerTableParts(section: LedgerSection, emit: (xml: string) => void): void {
  const cols = officialColumns(section.kind);
  const { pt, widths } = tableLayout(cols);
  const size = Math.round(pt * 2);
  const tblPr =
    `<w:tblPr><w:tblW w:w="${TEXT_WIDTH}" w:type="dxa"/><w:tblBorders>${BORDERS}</w:tblBorders><w:tblLayout w:type="fixed"/>` +
    `<w:tblCellMar><w:top w:w="20" w:type="dxa"/><w:left w:w="${CELL_MARGIN}" w:type="dxa"/><w:bottom w:w="20" w:type="dxa"/><w:right w:w="${CELL_MARGIN}" w:type="dxa"/></w:tblCellMar></w:tblPr>`;
  const grid = `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`;
  emit(`<w:tbl>${tblPr}${grid}${headerRows(cols, widths, size, pt)}`);
  if (!section.rows.length) {
    const empty = cell(cellOpen(TEXT_WIDTH, `<w:gridSpan w:val="${cols.length}"/>`), paraOpen(size, 'center'), [[noneText(section.kind)]]);
    emit(row(empty, '<w:cantSplit/><w:trHeight w:val="567" w:hRule="atLeast"/>'));
  }
  const opens = widths.map((w) => cellOpen(w));
  const pOpens = cols.map((c) => paraOpen(size, CENTERED.has(c.type) ? 'center' : 'left'));
  for (const r of section.rows) {
    let cells = '';
    let tall = false;
    for (let i = 0; i < cols.length; i++) {
      const t = cellLines(r.cells[cols[i].key] ?? '', cols[i].type, widths[i], pt);
      tall = tall || estimateLines(t, widths[i], pt) > KEEP_ROW_LINES;
      cells += cell(opens[i], pOpens[i], t);
    }
    // Short rows stay on one page; a row taller than a page must be allowed to break, or Word cuts it off.
    emit(row(cells, tall ? '' : '<w:cantSplit/>'));
  }
  emit('</w:tbl>');
}

/** A ledger as one `w:tbl` string (see `ledgerTableParts`). */
export function ledgerTableXml(section: LedgerSection): string {
  const parts: string[] = [];
  ledgerTableParts(section, (x) => parts.push(x));
  return parts.join('');
}
