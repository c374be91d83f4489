import { AlignmentType, Document, Footer, IRunOptions, IXmlableObject, Packer, PageNumber, PageOrientation, Paragraph, TextRun } from 'docx';
import { KINDS, Kind, LEDGERS } from '../ledger/columns';
import { IsoDate, formatChineseDate } from '../ledger/dates';
import { Contact, Period } from '../ledger/options';
import { embedParts, embeddedPackage } from './embedded';
import { PAGE, TABLE_SIZES } from './layout';
import { periodLabel, periodSpan } from './period';
import { LedgerSection, PendingItem, countsText, noneText } from './select';
import { CellRole, DEFAULT_SIZE, cellStyleId, escapeXml, ledgerTableParts, xmlSafe } from './tablexml';

/** Fonts of the spec (§4) and what Word/WPS should use where they are not installed. */
export const FONTS = {
  title: { name: '方正小标宋简体', fallback: '宋体' },
  body: { name: '仿宋_GB2312', fallback: '仿宋' },
} as const;

export interface DocxInput {
  team: string;
  period: Period;
  sections: LedgerSection[];
  counts: Record<Kind, number>;
  pending: PendingItem[];
  contact: Contact;
  today: IsoDate;
  /** When the package was made, for its embedded data (default now). */
  generatedAt?: Date;
}

const half = (pt: number) => Math.round(pt * 2);

function font(name: string) {
  return { ascii: name, hAnsi: name, eastAsia: name, cs: name };
}

function run(text: string, opts: Partial<IRunOptions> & { title?: boolean } = {}): TextRun {
  const { title, ...rest } = opts;
  return new TextRun({ text: xmlSafe(text), font: font(title ? FONTS.title.name : FONTS.body.name), ...rest });
}

function para(children: TextRun[], opts: { align?: (typeof AlignmentType)[keyof typeof AlignmentType]; before?: number; after?: number; pageBreak?: boolean; keepNext?: boolean } = {}): Paragraph {
  return new Paragraph({
    alignment: opts.align,
    spacing: { before: opts.before ?? 0, after: opts.after ?? 0 },
    pageBreakBefore: opts.pageBreak,
    keepNext: opts.keepNext,
    children,
  });
}

const COVER_PT = 14;

function pendingSummary(pending: PendingItem[]): string {
  const by = KINDS.map((k) => ({ k, items: pending.filter((p) => p.kind === k) })).filter((x) => x.items.length);
  return by
    .map(({ k, items }) => {
      const states = [...new Set(items.map((p) => p.state))];
      const how = states.length === 1 ? states[0] : states.map((s) => `${s}${items.filter((p) => p.state === s).length}件`).join('、');
      return `${LEDGERS[k].name}${items.length}件（${how}）`;
    })
    .join('，');
}

/** The cover block: what is reported, for whom, and whom to call. */
function cover(d: DocxInput): Paragraph[] {
  const size = half(COVER_PT);
  const line = (label: string, text: string) => para([run(`${label}：`, { size, bold: true }), run(text, { size })], { after: 60 });
  const out = [
    para([run(`${d.team}${periodLabel(d.period)}行政执法案件台账`, { size: half(20), title: true })], { align: AlignmentType.CENTER, after: 240 }),
    line('报送单位', d.team),
    line('报送期间', periodSpan(d.period)),
    line('本期案件', `${countsText(d.counts)}${d.counts.penalty === 0 ? `（${noneText('penalty')}）` : ''}`),
  ];
  if (d.pending.length) out.push(line('待办案件', `${pendingSummary(d.pending)}，未计入本期，复检或结案后按月报送`));
  out.push(line('联 系 人', `${d.contact.name}（${d.contact.title}），电话${d.contact.phone}`));
  return out;
}

function footer(): Footer {
  const size = half(10.5);
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: ['第 ', PageNumber.CURRENT, ' 页，共 ', PageNumber.TOTAL_PAGES, ' 页'], size, font: font(FONTS.body.name) })],
      }),
    ],
  });
}

/** `word/fontTable.xml` naming each font's fallback (`w:altName`), for Word and WPS without the fonts. */
export function fontTableXml(): string {
  const entry = (name: string, alt: string, family: string, pitch: string) =>
    `<w:font w:name="${name}"><w:altName w:val="${alt}"/><w:charset w:val="86"/><w:family w:val="${family}"/><w:pitch w:val="${pitch}"/></w:font>`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    entry(FONTS.title.name, FONTS.title.fallback, 'roman', 'variable') +
    entry(FONTS.body.name, FONTS.body.fallback, 'modern', 'fixed') +
    entry(FONTS.title.fallback, 'SimSun', 'auto', 'variable') +
    entry(FONTS.body.fallback, 'FangSong', 'modern', 'fixed') +
    '</w:fonts>'
  );
}

/** The paragraph styles `ledgerTableXml` refers to: table text at each size, left, centred, or a bold header kept with the next row. */
const ROLE_NAME: Record<CellRole, string> = { left: '左对齐', center: '居中', header: '表头' };

function cellStyles() {
  const roles: CellRole[] = ['left', 'center', 'header'];
  return TABLE_SIZES.flatMap((pt) =>
    roles.map((role) => ({
      id: cellStyleId(half(pt), role),
      name: `台账表格 ${pt}磅 ${ROLE_NAME[role]}`,
      basedOn: 'Normal',
      run: { size: half(pt), bold: role === 'header' },
      paragraph: { spacing: { before: 0, after: 0 }, alignment: role === 'left' ? AlignmentType.LEFT : AlignmentType.CENTER, keepNext: role === 'header' },
    })),
  );
}

/** Marks where a ledger table goes in the skeleton docx builds (see `buildDocx`). */
const slot = (i: number) => `@@taizhang-table-${i}@@`;

/** The document as docx builds it: cover block, each title and a slot for its table, sign-off line. */
export function skeletonDocument(d: DocxInput): Document {
  const children: Paragraph[] = [...cover(d)];
  d.sections.forEach((s, i) => {
    children.push(para([run(s.title, { size: half(16), title: true })], { align: AlignmentType.CENTER, before: i === 0 ? 360 : 0, after: 200, pageBreak: i > 0, keepNext: true }));
    children.push(new Paragraph({ children: [new TextRun(slot(i))] }));
  });
  const size = half(COVER_PT);
  children.push(
    para([run(`报送单位（盖章）：${d.team}`, { size }), run('\u3000\u3000\u3000\u3000', { size }), run(`报送日期：${formatChineseDate(d.today)}`, { size })], {
      align: AlignmentType.RIGHT,
      before: 480,
    }),
  );
  return new Document({
    creator: '执法台账助手',
    title: `${d.team}${periodLabel(d.period)}行政执法案件台账`,
    styles: {
      default: {
        // Table text by default (see DEFAULT_SIZE); every other paragraph sets its own size and spacing.
        document: {
          run: { font: font(FONTS.body.name), size: DEFAULT_SIZE, language: { value: 'zh-CN', eastAsia: 'zh-CN' } },
          paragraph: { spacing: { before: 0, after: 0 } },
        },
      },
      paragraphStyles: cellStyles(),
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height, orientation: PageOrientation.LANDSCAPE },
            margin: { top: PAGE.marginTop, bottom: PAGE.marginBottom, left: PAGE.marginLeft, right: PAGE.marginRight, header: PAGE.header, footer: PAGE.footer },
          },
        },
        footers: { default: footer() },
        children,
      },
    ],
  });
}

/** Writes docx's serializable object as XML (elements, `_attr`, text), for the small skeleton. */
function xmlOf(node: IXmlableObject): string {
  const name = Object.keys(node)[0];
  const value = (node as Record<string, unknown>)[name];
  let attrs = '';
  let inner = '';
  const addAttrs = (a: Record<string, unknown>) => {
    for (const [k, v] of Object.entries(a)) if (v !== undefined && v !== null) attrs += ` ${k}="${escapeXml(String(v))}"`;
  };
  if (Array.isArray(value)) {
    for (const item of value) {
      if (item !== null && typeof item === 'object') {
        if ('_attr' in item) addAttrs((item as { _attr: Record<string, unknown> })._attr);
        else inner += xmlOf(item as IXmlableObject);
      } else if (item !== undefined && item !== null) inner += escapeXml(String(item));
    }
  } else if (value !== null && typeof value === 'object') {
    if ('_attr' in value) addAttrs((value as { _attr: Record<string, unknown> })._attr);
  } else if (value !== undefined && value !== null) inner = escapeXml(String(value));
  return inner ? `<${name}${attrs}>${inner}</${name}>` : `<${name}${attrs}/>`;
}

/** `word/document.xml` in pieces: the skeleton, with each slot paragraph replaced by its ledger table row by row. */
function documentParts(doc: Document, sections: LedgerSection[], emit: (xml: string) => void): void {
  const view = doc.Document.View.prepForXml({ file: doc, viewWrapper: doc.Document, stack: [] });
  const xml = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' + xmlOf(view!);
  let from = 0;
  sections.forEach((s, i) => {
    const at = xml.indexOf(slot(i));
    const start = xml.lastIndexOf('<w:p>', at);
    if (at < 0 || start < from) throw new Error(`table slot ${i} not found`);
    emit(xml.slice(from, start));
    ledgerTableParts(s, emit);
    from = xml.indexOf('</w:p>', at) + '</w:p>'.length;
  });
  emit(xml.slice(from));
}

/** `word/document.xml`: the skeleton with each slot paragraph replaced by its ledger table. */
export function documentXml(doc: Document, sections: LedgerSection[]): string {
  const parts: string[] = [];
  documentParts(doc, sections, (x) => parts.push(x));
  return parts.join('');
}

// Typed here: the core is checked without DOM or Node types; browsers and Node both have it.
declare const TextEncoder: { new (): { encodeInto(s: string, into: Uint8Array): { read: number; written: number } } };

/**
 * `documentXml` as UTF-8, encoded a row at a time into one growing buffer: thousands of rows
 * as one string cost several times their bytes (a two-byte string, then its encoding).
 */
export function documentXmlBytes(doc: Document, sections: LedgerSection[]): Uint8Array {
  const encoder = new TextEncoder();
  let buf = new Uint8Array(1 << 20);
  let n = 0;
  documentParts(doc, sections, (x) => {
    // At most 3 bytes per UTF-16 code unit.
    if (n + x.length * 3 > buf.length) {
      const grown = new Uint8Array(Math.max(buf.length + (buf.length >> 1), n + x.length * 3));
      grown.set(buf.subarray(0, n));
      buf = grown;
    }
    n += encoder.encodeInto(x, buf.subarray(n)).written;
  });
  return buf.subarray(0, n);
}

/** The Word file's bytes (a Uint8Array in the browser and in Node): docx's package with our body, font table and embedded data. */
export async function buildDocx(d: DocxInput): Promise<Uint8Array> {
  const doc = skeletonDocument(d);
  return Packer.pack(doc, 'uint8array', false, [
    // docx zips a part's bytes as given (it does so for media); its typings only say string.
    { path: 'word/document.xml', data: documentXmlBytes(doc, d.sections) as unknown as string },
    { path: 'word/fontTable.xml', data: fontTableXml() },
    ...embedParts(doc, embeddedPackage(d)),
  ]);
}
