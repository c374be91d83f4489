/* Test helpers for the submission package: an independent .docx reader (jszip + xmldom, no project code) and sample workbooks. */
import { DOMParser, Element, Document as XmlDocument } from '@xmldom/xmldom';
import JSZip from 'jszip';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { readWorkbook } from '../../src/cli/xlsx';
import { periodSchema } from '../../src/ledger/options';
import { checkWorkbook } from '../../src/validation/workbook';
import { GOOD, Row, ledgerGrid } from '../helpers/ledger';

export const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
export const SAMPLE = path.join(__dirname, '../../../shared/fixtures/sample-2023-10.xlsx');
export const TOOLS = path.join(__dirname, '../../../shared/tools');
export const TEAM = '天宁镇综合行政执法队';
export const CONTACT = { name: '张三', title: '综合执法队队员', phone: '13812345678' };
export const TODAY = '2023-11-05';

// ---- reading a .docx without project code ----

export interface DocxCell {
  text: string;
  gridSpan: number;
  vMerge: string | null;
  /** Paragraph count. */
  paragraphs: number;
}
export interface DocxRow {
  header: boolean;
  cantSplit: boolean;
  cells: DocxCell[];
}
export interface DocxTable {
  grid: number[];
  rows: DocxRow[];
  fixed: boolean;
}
export interface DocxRead {
  files: string[];
  document: XmlDocument;
  /** Top-level paragraphs' text in order. */
  paragraphs: string[];
  /** Top-level blocks in order: 'p:<text>' or 'tbl:<index>'. */
  blocks: string[];
  tables: DocxTable[];
  pgSz: { w: number; h: number; orient: string | null };
  pgMar: Record<string, number>;
  fontTable: XmlDocument;
  footers: string[];
  xml: Record<string, string>;
}

export function children(el: Element | XmlDocument, local: string): Element[] {
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (n as Element).namespaceURI === W && (n as Element).localName === local) out.push(n as Element);
  }
  return out;
}

export function child(el: Element, ...locals: string[]): Element | null {
  let cur: Element | null = el;
  for (const l of locals) {
    if (!cur) return null;
    cur = children(cur, l)[0] ?? null;
  }
  return cur;
}

export function wattr(el: Element | null, name: string): string | null {
  return el ? el.getAttributeNS(W, name) || null : null;
}

/** All w:t text under an element (line breaks `w:br` add nothing, as in Word's own text). */
export function textOf(el: Element): string {
  const ts = el.getElementsByTagNameNS(W, 't');
  let s = '';
  for (let i = 0; i < ts.length; i++) s += ts[i].textContent ?? '';
  return s;
}

/** An on/off property (ST_OnOff): present and not `false`/`0`/`off`. */
export function on(el: Element | null): boolean {
  return !!el && !['false', '0', 'off'].includes(wattr(el, 'val') ?? 'true');
}

function cellText(tc: Element): string {
  return children(tc, 'p').map(textOf).join('\n');
}

export async function readDocx(bytes: Uint8Array): Promise<DocxRead> {
  const zip = await JSZip.loadAsync(bytes);
  const xml: Record<string, string> = {};
  for (const name of Object.keys(zip.files)) if (name.endsWith('.xml') || name.endsWith('.rels')) xml[name] = await zip.file(name)!.async('string');
  const parse = (s: string) => new DOMParser().parseFromString(s, 'application/xml');
  const document = parse(xml['word/document.xml']);
  const body = children(document.documentElement as unknown as Element, 'body')[0];
  const paragraphs: string[] = [];
  const blocks: string[] = [];
  const tables: DocxTable[] = [];
  for (let n = body.firstChild; n; n = n.nextSibling) {
    if (n.nodeType !== 1) continue;
    const el = n as Element;
    if (el.localName === 'p') {
      paragraphs.push(textOf(el));
      blocks.push(`p:${textOf(el)}`);
    } else if (el.localName === 'tbl') {
      blocks.push(`tbl:${tables.length}`);
      const grid = children(child(el, 'tblGrid')!, 'gridCol').map((g) => Number(wattr(g, 'w')));
      const rows = children(el, 'tr').map((tr) => {
        const trPr = child(tr, 'trPr');
        return {
          header: on(trPr && child(trPr, 'tblHeader')),
          cantSplit: on(trPr && child(trPr, 'cantSplit')),
          cells: children(tr, 'tc').map((tc) => {
            const span = child(tc, 'tcPr', 'gridSpan');
            const vm = child(tc, 'tcPr', 'vMerge');
            return { text: cellText(tc), gridSpan: span ? Number(wattr(span, 'val')) : 1, vMerge: vm ? wattr(vm, 'val') ?? 'continue' : null, paragraphs: children(tc, 'p').length };
          }),
        };
      });
      tables.push({ grid, rows, fixed: wattr(child(el, 'tblPr', 'tblLayout'), 'type') === 'fixed' });
    }
  }
  const sect = child(body, 'sectPr')!;
  const sz = child(sect, 'pgSz')!;
  const mar = child(sect, 'pgMar')!;
  const pgMar: Record<string, number> = {};
  for (const k of ['top', 'bottom', 'left', 'right']) pgMar[k] = Number(wattr(mar, k));
  const footers = Object.keys(xml)
    .filter((k) => /^word\/footer\d*\.xml$/.test(k))
    .map((k) => xml[k]);
  return {
    files: Object.keys(zip.files),
    document,
    paragraphs,
    blocks,
    tables,
    pgSz: { w: Number(wattr(sz, 'w')), h: Number(wattr(sz, 'h')), orient: wattr(sz, 'orient') },
    pgMar,
    fontTable: parse(xml['word/fontTable.xml']),
    footers,
    xml,
  };
}

/** Row texts of a table's data rows (after the header rows). */
export function dataRows(t: DocxTable): string[][] {
  return t.rows.filter((r) => !r.header).map((r) => r.cells.map((c) => c.text));
}

/** Header text of each column, sub-headers joined to their group as `整改结果/已完成`. */
export function headerTexts(t: DocxTable): string[] {
  const head = t.rows.filter((r) => r.header);
  const top: string[] = [];
  for (const c of head[0].cells) for (let i = 0; i < c.gridSpan; i++) top.push(c.gridSpan > 1 ? `${c.text}/` : c.text);
  if (head.length < 2) return top;
  const second: string[] = [];
  for (const c of head[1].cells) for (let i = 0; i < c.gridSpan; i++) second.push(c.vMerge === 'continue' ? '' : c.text);
  return top.map((t, i) => (t.endsWith('/') ? t + second[i] : t));
}

// ---- python tools of ../shared (standard library only) ----

export function python(tool: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync('python3', [path.join(TOOLS, tool), ...args], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

// ---- workbooks ----

export const period = (s: string) => periodSchema.parse(s);

export async function sampleCheck() {
  const wb = await readWorkbook(SAMPLE);
  return checkWorkbook(wb.sheets, { today: TODAY, date1904: wb.date1904 });
}

const p = (n: number, party: string, closedOn: string, extra: Row = {}): Row => ({ ...GOOD.penalty, seq: n, decisionNo: `天综执罚决〔2023〕${30 + n}号`, party, closedOn, ...extra });
const ins = (n: number, extra: Row): Row => ({ ...GOOD.inspection, seq: n, docNo: `天综执检〔2023〕${60 + n}号`, ...extra });
const NO_HAZARD: Row = { hazardCount: 0, hazards: '', measures: '', rectifyOwner: '', rectifyDone: '', rectifyOpen: '', recheckOn: '', rechecker: '' };

/** Penalty rows: Excel rows 3–7. In October, by closing date: 乙公司 (row 4), 丁公司 (row 6), 甲公司 (row 3). */
export const PENALTY_ROWS: Row[] = [
  p(1, '甲公司', '2023年10月20日'),
  p(2, '乙公司', '2023年10月5日'),
  p(3, '丙公司', '2023年9月28日'),
  p(4, '丁公司', '2023年10月12日', { facts: '第一行事实\n第二行事实' }),
  p(5, '戊公司', '2023年11月2日'),
];

/** Inspection rows: Excel rows 4–7. October: 某餐馆 (rechecked 10-09, row 5), 某网吧 (no hazard, 10-16, row 4); 某超市 pending. */
export const INSPECTION_ROWS: Row[] = [
  ins(1, { ...NO_HAZARD, party: '某网吧', inspectedOn: '2023年10月16日' }),
  ins(2, { party: '某餐馆', inspectedOn: '2023年9月25日', measures: '15日内整改', recheckOn: '2023年10月9日', rectifyDone: '√', rectifyOpen: '' }),
  ins(3, { party: '某超市', hazardCount: 2, inspectedOn: '2023年10月20日', measures: '30日内整改', rectifyDone: '', rectifyOpen: '', recheckOn: '', rechecker: '' }),
  ins(4, { ...NO_HAZARD, party: '某药店', inspectedOn: '2023年9月3日' }),
];

/** Coercion rows: Excel rows 3–4; none closed in October; 某仓库 still running. */
export const COERCION_ROWS: Row[] = [
  { ...GOOD.coercion, party: '某废品收购站', startedOn: '2023年8月20日', closedOn: '2023年9月18日' },
  { ...GOOD.coercion, seq: 2, decisionNo: '天综执强〔2023〕3号', party: '某仓库', startedOn: '2023年10月25日', closedOn: '', result: '' },
];

export function workbook(rows: { penalty?: Row[]; inspection?: Row[]; coercion?: Row[] } = {}) {
  const grids = [
    ledgerGrid('penalty', rows.penalty ?? PENALTY_ROWS, '行政处罚案件台账'),
    ledgerGrid('inspection', rows.inspection ?? INSPECTION_ROWS, '行政检查案件台账'),
    ledgerGrid('coercion', rows.coercion ?? COERCION_ROWS, '行政强制案件台账'),
  ];
  return checkWorkbook(grids, { today: TODAY });
}
