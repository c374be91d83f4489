/**
 * The 通报 draft as a Word file in the layout of GB/T 9704-2012《党政机关公文格式》: A4, 版心
 * 156 × 225 mm (margins 37/35/28/26 mm), 3号仿宋 body at 22 lines a page, 2号小标宋 title,
 * 黑体 / 楷体 headings, red 发文机关标志 and separator, page numbers `— 1 —` on the outer side.
 */
import { AlignmentType, BorderStyle, Document, Footer, HighlightColor, LineRuleType, Packer, PageNumber, Paragraph, TabStopType, TextRun } from 'docx';
import { FONTS } from '../submission/docx';
import { xmlSafe } from '../submission/tablexml';
import { BLANK_DATE, NoticeModel } from './notice-text';

const mm = (x: number) => Math.round((x / 25.4) * 1440);
const BODY_PT = 16;
/** 225 mm / 22 lines. */
const LINE = Math.round(mm(225) / 22);
const HEI = '黑体';
const TEXT_WIDTH = mm(210 - 28 - 26);
const KAI = '楷体_GB2312';

function font(name: string) {
  return { ascii: name, hAnsi: name, eastAsia: name, cs: name };
}

/** Text with the 【】 blanks highlighted yellow, so nobody prints the draft with them. */
function runs(text: string, opts: { font: string; size: number; bold?: boolean; color?: string }): TextRun[] {
  const out: TextRun[] = [];
  for (const part of xmlSafe(text).split(/(【[^】]*】)/)) {
    if (!part) continue;
    const blank = part.startsWith('【');
    out.push(new TextRun({ text: part, font: font(opts.font), size: opts.size * 2, bold: opts.bold, color: opts.color, highlight: blank ? HighlightColor.YELLOW : undefined }));
  }
  return out;
}

interface ParaOpts {
  align?: (typeof AlignmentType)[keyof typeof AlignmentType];
  indent?: boolean;
  before?: number;
  after?: number;
  line?: number;
  border?: 'red' | 'top' | 'bottom' | 'both';
  keepNext?: boolean;
  /** Right indent in characters. */
  right?: number;
  /** A right tab stop at the end of the line. */
  tabRight?: boolean;
}

function para(children: TextRun[], o: ParaOpts = {}): Paragraph {
  const thin = { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 2 };
  const border =
    o.border === 'red'
      ? { bottom: { style: BorderStyle.SINGLE, size: 12, color: 'FF0000', space: 8 } }
      : o.border === 'top'
        ? { top: thin }
        : o.border === 'bottom'
          ? { bottom: thin }
          : o.border === 'both'
            ? { top: thin, bottom: thin }
            : undefined;
  return new Paragraph({
    alignment: o.align ?? AlignmentType.JUSTIFIED,
    indent: o.indent || o.right ? { firstLine: o.indent ? BODY_PT * 2 * 20 : undefined, right: o.right ? o.right * BODY_PT * 20 : undefined } : undefined,
    tabStops: o.tabRight ? [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }] : undefined,
    spacing: { before: o.before ?? 0, after: o.after ?? 0, line: o.line ?? LINE, lineRule: LineRuleType.EXACT },
    border,
    keepNext: o.keepNext,
    children,
  });
}

const body = (text: string) => runs(text, { font: FONTS.body.name, size: BODY_PT });

function footer(side: 'odd' | 'even'): Footer {
  const dash = { font: font('宋体'), size: 28 };
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: 280 } : { left: 280 },
        children: [new TextRun({ ...dash, children: ['— ', PageNumber.CURRENT, ' —'] })],
      }),
    ],
  });
}

export function noticeDocument(m: NoticeModel): Document {
  const children: Paragraph[] = [
    para(runs('【草稿：发文字号、成文日期待填，核对后删除本行】', { font: FONTS.body.name, size: 12 }), { align: AlignmentType.LEFT, line: 360 }),
    para(runs(`${m.issuer}文件`, { font: FONTS.title.name, size: 36, color: 'FF0000' }), { align: AlignmentType.CENTER, before: mm(20), after: mm(10), line: 960 }),
    para(body(m.docNo), { align: AlignmentType.CENTER, border: 'red', after: LINE * 2 }),
    ...m.title.map((t, i) => para(runs(t, { font: FONTS.title.name, size: 22 }), { align: AlignmentType.CENTER, line: 700, after: i === m.title.length - 1 ? LINE : 0 })),
    para(body(m.recipients), { align: AlignmentType.LEFT }),
  ];
  for (const s of m.sections) {
    children.push(para(runs(s.heading, { font: HEI, size: BODY_PT }), { indent: true, keepNext: true }));
    for (const p of s.paragraphs) {
      const lead = p.lead ? runs(p.lead, { font: KAI, size: BODY_PT }) : [];
      children.push(para([...lead, ...body(p.text)], { indent: true }));
    }
  }
  children.push(
    para(body(m.signer), { align: AlignmentType.RIGHT, before: LINE * 2, keepNext: true, right: 2 }),
    para(body(m.date), { align: AlignmentType.RIGHT, right: 2 }),
    // 版记: 印发机关 left, 印发日期 right, between two lines.
    para(runs(`${m.issuer}办公室\t${BLANK_DATE}印发`, { font: FONTS.body.name, size: 14 }), { align: AlignmentType.LEFT, before: LINE * 3, border: 'both', line: 480, tabRight: true }),
  );
  return new Document({
    creator: '执法台账助手',
    title: m.title.join(''),
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: { font: font(FONTS.body.name), size: BODY_PT * 2, language: { value: 'zh-CN', eastAsia: 'zh-CN' } } } } },
    sections: [
      {
        properties: { page: { size: { width: mm(210), height: mm(297) }, margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26), header: mm(15), footer: mm(20) } } },
        footers: { default: footer('odd'), even: footer('even') },
        children,
      },
    ],
  });
}

export async function noticeDocx(m: NoticeModel): Promise<Uint8Array> {
  return Packer.pack(noticeDocument(m), 'uint8array');
}

