/*
 * Valid-but-rare .xlsx files written by hand (XML parts zipped with fflate), for the reading cases
 * no program here writes: phonetic runs, inline strings, ISO `t="d"` dates, rows and cells
 * without `r`, formulas without a cached result, WPS's in-cell pictures, hidden sheets, long names.
 */
import { zipSync } from 'fflate';

export const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const STRICT_NS = 'http://purl.oclc.org/ooxml/spreadsheetml/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const STRICT_REL_NS = 'http://purl.oclc.org/ooxml/officeDocument/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';

export const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface CraftSheet {
  name: string;
  /** The `<sheetData>` content. */
  rows: string;
  state?: 'hidden' | 'veryHidden';
  merges?: string[];
}

export interface Craft {
  sheets: CraftSheet[];
  sharedStrings?: string[] | string;
  /** `<numFmts>` and `<cellXfs>` content, or a whole styles part. */
  styles?: { numFmts?: string; cellXfs: string };
  date1904?: boolean;
  /** Strict Open XML namespaces (as Excel's "Strict Open XML Spreadsheet" writes). */
  strict?: boolean;
  /** More parts, and more workbook relationships (`<Relationship …/>`), e.g. a chart sheet. */
  extra?: Record<string, string>;
  extraRels?: string;
  /** More `<sheet>` elements after the worksheets. */
  extraSheets?: string;
}

/** Text of a shared-string table from plain strings, or as given (rich text, phonetic runs). */
function sst(s: string[] | string): string {
  const items = typeof s === 'string' ? s : s.map((t) => `<si><t xml:space="preserve">${esc(t)}</t></si>`).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${NS}">${items}</sst>`;
}

export function craftXlsx(c: Craft): Uint8Array {
  const ns = c.strict ? STRICT_NS : NS;
  const rel = c.strict ? STRICT_REL_NS : REL_NS;
  const relType = (t: string) => `${c.strict ? 'http://purl.oclc.org/ooxml/officeDocument/relationships' : 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'}/${t}`;
  const parts: Record<string, string> = {};
  const overrides: string[] = [];
  const rels: string[] = [];
  c.sheets.forEach((s, i) => {
    const merges = s.merges?.length ? `<mergeCells count="${s.merges.length}">${s.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>` : '';
    parts[`xl/worksheets/sheet${i + 1}.xml`] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${ns}" xmlns:r="${rel}"><sheetData>${s.rows}</sheetData>${merges}</worksheet>`;
    overrides.push(`<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`);
    rels.push(`<Relationship Id="rId${i + 1}" Type="${relType('worksheet')}" Target="worksheets/sheet${i + 1}.xml"/>`);
  });
  if (c.sharedStrings !== undefined) {
    parts['xl/sharedStrings.xml'] = sst(c.sharedStrings);
    rels.push(`<Relationship Id="rIdS" Type="${relType('sharedStrings')}" Target="sharedStrings.xml"/>`);
  }
  if (c.styles) {
    parts['xl/styles.xml'] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${ns}">${c.styles.numFmts ? `<numFmts>${c.styles.numFmts}</numFmts>` : ''}<cellXfs>${c.styles.cellXfs}</cellXfs></styleSheet>`;
    rels.push(`<Relationship Id="rIdT" Type="${relType('styles')}" Target="styles.xml"/>`);
  }
  const sheets = c.sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`).join('');
  parts['xl/workbook.xml'] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${ns}" xmlns:r="${rel}">${c.date1904 ? '<workbookPr date1904="1"/>' : ''}<sheets>${sheets}${c.extraSheets ?? ''}</sheets></workbook>`;
  parts['xl/_rels/workbook.xml.rels'] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG}">${rels.join('')}${c.extraRels ?? ''}</Relationships>`;
  Object.assign(parts, c.extra ?? {});
  parts['_rels/.rels'] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${relType('officeDocument')}" Target="xl/workbook.xml"/></Relationships>`;
  parts['[Content_Types].xml'] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${overrides.join('')}</Types>`;
  const enc = new TextEncoder();
  return zipSync(Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, enc.encode(v)])));
}

/** A cell of inline text. */
export const inl = (ref: string, text: string): string => `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${esc(text)}</t></is></c>`;
/** A row of inline-text cells from column A (null: no cell). */
export const inlRow = (r: number, values: (string | number | null)[]): string =>
  `<row r="${r}">${values
    .map((v, i) => {
      const ref = `${String.fromCharCode(65 + i)}${r}`;
      return v === null ? '' : typeof v === 'number' ? `<c r="${ref}"><v>${v}</v></c>` : inl(ref, v);
    })
    .join('')}</row>`;
