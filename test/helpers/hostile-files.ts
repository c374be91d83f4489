/*
 * Crafted input files, made by the tests and the bench themselves (none are kept in the repo):
 * merge bombs, row and cell floods, parts that inflate past the caps (honestly or lying about
 * their size), zips and OLE files that are no .xlsx, control characters in cells.
 */
import * as CFB from 'cfb';
import { zipSync } from 'fflate';

const enc = new TextEncoder();

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A cell: numbers as numbers, text inline. */
export function cell(ref: string, v: string | number): string {
  return typeof v === 'number' ? `<c r="${ref}"><v>${v}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${esc(v)}</t></is></c>`;
}

export function row(r: number, values: (string | number | null)[]): string {
  const cells = values.map((v, i) => (v === null || v === '' ? '' : cell(`${String.fromCharCode(65 + i)}${r}`, v))).join('');
  return `<row r="${r}">${cells}</row>`;
}

export const TITLE = '天宁镇综合行政执法队2023年10月1日--2023年10月31日行政处罚案件台账';
export const HEADER = ['序号', '行政处罚决定书', '案由', '行政相对人名称', '主要违法事实', '结案时间', '处罚情况', '处罚依据', '执法人员', '罚没票据号', '备注'];
export function record(n: number, change: Partial<Record<number, string>> = {}): (string | number)[] {
  const r: (string | number)[] = [n, `天综执罚决〔2023〕${n}号`, '占道经营案', '李某', '占道经营', '2023年10月12日', '警告', '《城市市容和环境卫生管理条例》第三十六条', '王明、李强', '', ''];
  for (const [i, v] of Object.entries(change)) r[Number(i)] = v!;
  return r;
}

/** A small clean penalty ledger's rows (title, header, `n` records from row 3). */
export function ledgerRows(n = 2, change: Partial<Record<number, string>> = {}): string {
  let out = row(1, [TITLE]) + row(2, HEADER);
  for (let i = 1; i <= n; i++) out += row(i + 2, record(i, change));
  return out;
}

export function sheetXml(o: { rows: string; merges?: string[] | string; dimension?: string }): string {
  const merges = typeof o.merges === 'string' ? o.merges : o.merges?.length ? `<mergeCells count="${o.merges.length}">${o.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>` : '';
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    (o.dimension ? `<dimension ref="${o.dimension}"/>` : '') +
    `<sheetData>${o.rows}</sheetData>${merges}</worksheet>`
  );
}

type Part = string | Uint8Array;

/** An .xlsx with one sheet “处罚台账” (plus `extra` parts), zipped with fflate. */
export function xlsx(sheet: Part, extra: Record<string, Part> = {}, level: 0 | 1 | 6 | 9 = 6): Uint8Array {
  const parts: Record<string, Part> = {
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    '_rels/.rels':
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    'xl/workbook.xml':
      '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="处罚台账" sheetId="1" r:id="rId1"/></sheets></workbook>',
    'xl/_rels/workbook.xml.rels':
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    'xl/worksheets/sheet1.xml': sheet,
    ...extra,
  };
  const bytes: Record<string, Uint8Array> = {};
  for (const [k, v] of Object.entries(parts)) bytes[k] = typeof v === 'string' ? enc.encode(v) : v;
  return zipSync(bytes, { level });
}

export function zip(parts: Record<string, Part>): Uint8Array {
  const bytes: Record<string, Uint8Array> = {};
  for (const [k, v] of Object.entries(parts)) bytes[k] = typeof v === 'string' ? enc.encode(v) : v;
  return zipSync(bytes);
}

/** `n` bytes of XML whitespace inside the sheet: a part that inflates to `n` from a few KB. */
export function paddedSheet(n: number): Uint8Array {
  const head = enc.encode(sheetXml({ rows: ledgerRows() }).replace('</worksheet>', ''));
  const tail = enc.encode('</worksheet>');
  const out = new Uint8Array(head.length + n + tail.length).fill(0x20);
  out.set(head);
  out.set(tail, head.length + n);
  return out;
}

/** Rewrites the inflated size the zip declares for `entry` (local header and central directory). */
export function lieAboutSize(z: Uint8Array, entry: string, size: number): Uint8Array {
  const out = z.slice();
  const view = new DataView(out.buffer);
  const name = enc.encode(entry);
  const matches = (at: number) => name.every((b, i) => out[at + i] === b);
  for (let i = 0; i + 46 < out.length; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50 && view.getUint16(i + 26, true) === name.length && matches(i + 30)) view.setUint32(i + 22, size, true);
    if (sig === 0x02014b50 && view.getUint16(i + 28, true) === name.length && matches(i + 46)) view.setUint32(i + 24, size, true);
  }
  return out;
}

/** An OLE compound file holding these streams, as Excel, Word or Office's encryption write them. */
export function ole(streams: string[]): Uint8Array {
  const c = CFB.utils.cfb_new();
  for (const s of streams) CFB.utils.cfb_add(c, `/${s}`, new Uint8Array(600).fill(1));
  return Uint8Array.from(CFB.write(c, { type: 'buffer' }) as Uint8Array);
}

/** `n` merges of two cells each, down column L (right of the table, over empty cells), beside a 2-record ledger. */
export function manyMerges(n: number): Uint8Array {
  let merges = '';
  for (let i = 0; i < n; i++) merges += `<mergeCell ref="L${2 * i + 3}:L${2 * i + 4}"/>`;
  return xlsx(sheetXml({ rows: ledgerRows(), merges: `<mergeCells count="${n}">${merges}</mergeCells>` }), {}, 9);
}

/** `n` short rows after the ledger (the issue's 1.55 M rows in 48 MB). */
export function manyRows(n: number): Uint8Array {
  const parts: string[] = [ledgerRows()];
  for (let r = 5; r < n + 5; r++) parts.push(`<row r="${r}"><c r="A${r}"><v>1</v></c></row>`);
  return xlsx(sheetXml({ rows: parts.join('') }), {}, 1);
}

/** A sharedStrings part of `n` bytes of one repeated string (the issue's 425 MB from 1 MB). */
export function sharedStringsBomb(n: number): Uint8Array {
  const head = enc.encode('<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>');
  const tail = enc.encode('</t></si></sst>');
  const ss = new Uint8Array(head.length + n + tail.length).fill(0x61);
  ss.set(head);
  ss.set(tail, head.length + n);
  return xlsx(sheetXml({ rows: ledgerRows() + '<row r="9"><c r="A9" t="s"><v>0</v></c></row>' }), { 'xl/sharedStrings.xml': ss }, 9);
}
