/* The Word file, read back with jszip + xmldom (no project code) and with ../shared/tools/docx_dump.py. */
import { DOMParser, Element } from '@xmldom/xmldom';
import * as fc from 'fast-check';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Packer } from 'docx';
import JSZip from 'jszip';
import { SubmissionPackage, prepareSubmission } from '../../src/submission';
import { documentXml, skeletonDocument } from '../../src/submission/docx';
import { CONTACT, DocxRead, TEAM, TODAY, W, child, children, dataRows, headerTexts, period, python, readDocx, textOf, wattr, workbook } from './helpers-package';
import { GOOD } from '../helpers/ledger';

// Official columns in official order (spec §1.1–1.3).
const PENALTY_HEADERS = ['序号', '行政处罚决定书', '案由', '行政相对人名称', '主要违法事实', '结案时间', '处罚情况', '处罚依据', '执法人员', '罚没票据号', '备注'];
const INSPECTION_HEADERS = ['序号', '行政检查文书号', '检查时间', '检查人员', '行政相对人名称', '检查方法', '发现隐患数', '隐患内容', '整改措施', '整改责任人', '整改结果/已完成', '整改结果/未完成', '复检日期', '复检人', '备注'];
const COERCION_HEADERS = ['序号', '行政强制决定书文号', '案由', '行政相对人名称', '强制类别', '强制方式', '实施时间', '期限', '结案时间', '处理结果', '强制依据', '执法人员', '备注'];

async function build(p = '2023-10', check = workbook(), allowErrors = false): Promise<{ pkg: SubmissionPackage; doc: DocxRead }> {
  const r = await prepareSubmission(check, { period: period(p), team: TEAM, contact: CONTACT, today: TODAY, allowErrors });
  if (r.refused) throw new Error(r.message);
  return { pkg: r, doc: await readDocx(r.docx) };
}

describe('Word file for October 2023', () => {
  let pkg: SubmissionPackage;
  let doc: DocxRead;
  beforeAll(async () => {
    ({ pkg, doc } = await build());
  });

  test('A4 landscape: portrait size turned, orient="landscape"', () => {
    expect(doc.pgSz).toEqual({ w: 16838, h: 11906, orient: 'landscape' });
  });

  test('three tables in the order 处罚, 检查, 强制, each after its official title for the period', () => {
    const titles = [
      `${TEAM}2023年10月1日--2023年10月31日行政处罚案件台账`,
      `${TEAM}2023年10月1日--2023年10月31日行政检查案件台账`,
      `${TEAM}2023年10月1日--2023年10月31日行政强制案件台账`,
    ];
    expect(doc.tables).toHaveLength(3);
    titles.forEach((t, i) => {
      const at = doc.blocks.indexOf(`tbl:${i}`);
      expect(doc.blocks[at - 1]).toBe(`p:${t}`);
    });
  });

  test('official columns in official order, the inspection header in two rows', () => {
    expect(headerTexts(doc.tables[0])).toEqual(PENALTY_HEADERS);
    expect(headerTexts(doc.tables[1])).toEqual(INSPECTION_HEADERS);
    expect(headerTexts(doc.tables[2])).toEqual(COERCION_HEADERS);
    expect(doc.tables.map((t) => t.grid.length)).toEqual([PENALTY_HEADERS.length, INSPECTION_HEADERS.length, COERCION_HEADERS.length]);
  });

  test('整改结果 spans 已完成/未完成; every other header is merged down over the second row', () => {
    const [top, second] = doc.tables[1].rows;
    const group = top.cells.find((c) => c.text === '整改结果')!;
    expect(group.gridSpan).toBe(2);
    expect(group.vMerge).toBeNull();
    for (const c of top.cells.filter((c) => c !== group)) expect(c.vMerge).toBe('restart');
    const marks = second.cells.filter((c) => c.vMerge !== 'continue');
    expect(marks.map((c) => c.text)).toEqual(['已完成', '未完成']);
    expect(second.cells.filter((c) => c.vMerge === 'continue')).toHaveLength(INSPECTION_HEADERS.length - 2);
    // Both sub-headers sit under the group: same grid position.
    const before = top.cells.slice(0, top.cells.indexOf(group)).reduce((a, c) => a + c.gridSpan, 0);
    const secondBefore = second.cells.slice(0, second.cells.indexOf(marks[0])).reduce((a, c) => a + c.gridSpan, 0);
    expect(secondBefore).toBe(before);
  });

  test('header rows repeat on every page (tblHeader) and data rows do not', () => {
    expect(doc.tables.map((t) => t.rows.filter((r) => r.header).length)).toEqual([1, 2, 1]);
    for (const t of doc.tables) {
      const firstData = t.rows.findIndex((r) => !r.header);
      expect(t.rows.slice(0, firstData).every((r) => r.header)).toBe(true);
      expect(t.rows.slice(firstData).some((r) => r.header)).toBe(false);
    }
  });

  test('penalty: only October rows, sorted by closing date, 序号 renumbered, dates as 2023年10月5日', () => {
    const rows = dataRows(doc.tables[0]);
    const col = (h: string) => PENALTY_HEADERS.indexOf(h);
    expect(rows.map((r) => r[col('行政相对人名称')])).toEqual(['乙公司', '丁公司', '甲公司']);
    expect(rows.map((r) => r[col('序号')])).toEqual(['1', '2', '3']);
    expect(rows.map((r) => r[col('结案时间')])).toEqual(['2023年10月5日', '2023年10月12日', '2023年10月20日']);
    expect(rows.map((r) => r[col('行政处罚决定书')])).toEqual(['天综执罚决〔2023〕32号', '天综执罚决〔2023〕34号', '天综执罚决〔2023〕31号']);
    const all = rows.flat().join('|');
    for (const out of ['丙公司', '戊公司']) expect(all).not.toContain(out);
    expect(rows[0][col('处罚依据')]).toBe(GOOD.penalty.basis);
  });

  test('a line break in a cell stays a line break (two paragraphs)', () => {
    const row = doc.tables[0].rows.filter((r) => !r.header)[1];
    const facts = row.cells[PENALTY_HEADERS.indexOf('主要违法事实')];
    expect(facts.text).toBe('第一行事实\n第二行事实');
    expect(facts.paragraphs).toBe(2);
  });

  test('inspection: reported by recheck date (with hazards) or inspection date (none); √ marks; pending row left out', () => {
    const rows = dataRows(doc.tables[1]);
    const col = (h: string) => INSPECTION_HEADERS.indexOf(h);
    expect(rows.map((r) => r[col('行政相对人名称')])).toEqual(['某餐馆', '某网吧']);
    expect(rows.map((r) => r[col('序号')])).toEqual(['1', '2']);
    expect(rows[0][col('整改结果/已完成')]).toBe('√');
    expect(rows[0][col('整改结果/未完成')]).toBe('');
    expect(rows[0][col('复检日期')]).toBe('2023年10月9日');
    expect(rows[0][col('检查时间')]).toBe('2023年9月25日');
    expect(rows.flat().join('|')).not.toMatch(/某超市|某药店/);
  });

  test('an empty ledger is one row 本期无行政强制案件 across the table', () => {
    const rows = doc.tables[2].rows.filter((r) => !r.header);
    expect(rows).toHaveLength(1);
    expect(rows[0].cells).toHaveLength(1);
    expect(rows[0].cells[0].text).toBe('本期无行政强制案件');
    expect(rows[0].cells[0].gridSpan).toBe(COERCION_HEADERS.length);
  });

  test('fixed layout; columns fill the text width and none is narrower than two characters and padding', () => {
    const text = doc.pgSz.w - doc.pgMar.left - doc.pgMar.right;
    for (const t of doc.tables) {
      expect(t.fixed).toBe(true);
      expect(t.grid.reduce((a, b) => a + b, 0)).toBe(text);
      expect(Math.min(...t.grid)).toBeGreaterThanOrEqual(2 * 9 * 20 + 2 * 57);
    }
    // Date columns hold `2023年10月31日` on one line or on two (`2023年` / `10月31日`), never narrower.
    const dateCol = doc.tables[0].grid[PENALTY_HEADERS.indexOf('结案时间')];
    expect(dateCol).toBeGreaterThanOrEqual(5 * 10.5 * 20);
  });

  test('fonts: titles 方正小标宋简体, body 仿宋_GB2312 (eastAsia), with 宋体/仿宋 as the fallbacks in the font table', () => {
    const styles = new DOMParser().parseFromString(doc.xml['word/styles.xml'], 'application/xml');
    const styleById = (id: string) => children(styles.documentElement as never, 'style').find((st) => wattr(st, 'styleId') === id);
    const defaults = child(children(styles.documentElement as never, 'docDefaults')[0], 'rPrDefault', 'rPr');
    // Effective East Asian font of a run: its own, else its paragraph style's (and what that is based on), else the document default.
    const effective = (r: Element, key: 'rFonts' | 'sz', attr: string) => {
      const own = wattr(child(r, 'rPr', key), attr);
      if (own) return own;
      let id = wattr(child(r.parentNode as Element, 'pPr', 'pStyle'), 'val');
      while (id) {
        const st = styleById(id);
        expect(st).toBeDefined();
        const v = wattr(child(st!, 'rPr', key), attr);
        if (v) return v;
        id = wattr(child(st!, 'basedOn'), 'val');
      }
      return wattr(defaults && child(defaults, key), attr);
    };
    const runsOf = (text: string) => {
      const ps = doc.document.getElementsByTagNameNS(W, 'p');
      for (let i = 0; i < ps.length; i++) if (textOf(ps[i]) === text) return children(ps[i], 'r');
      throw new Error(`no paragraph ${text}`);
    };
    expect(runsOf(pkg.sections[0].title).map((r) => effective(r, 'rFonts', 'eastAsia'))).toEqual(['方正小标宋简体']);
    const tables = doc.document.getElementsByTagNameNS(W, 'tbl');
    for (let t = 0; t < tables.length; t++) {
      const runs = tables[t].getElementsByTagNameNS(W, 'r');
      expect(runs.length).toBeGreaterThan(0);
      for (let i = 0; i < runs.length; i++) {
        expect(effective(runs[i], 'rFonts', 'eastAsia')).toBe('仿宋_GB2312');
        expect(Number(effective(runs[i], 'sz', 'val'))).toBeGreaterThanOrEqual(18);
      }
    }
    const fonts = children(doc.fontTable.documentElement as never, 'font');
    const alt = (name: string) => wattr(child(fonts.find((f) => wattr(f, 'name') === name)!, 'altName'), 'val');
    expect(alt('方正小标宋简体')).toBe('宋体');
    expect(alt('仿宋_GB2312')).toBe('仿宋');
    expect(doc.xml['word/_rels/document.xml.rels']).toContain('fontTable.xml');
  });

  test('page numbers in the footer (PAGE and NUMPAGES fields)', () => {
    expect(doc.footers).toHaveLength(1);
    expect(doc.footers[0]).toMatch(/<w:instrText[^>]*>\s*PAGE\s*</);
    expect(doc.footers[0]).toMatch(/<w:instrText[^>]*>\s*NUMPAGES\s*</);
    expect(doc.xml['word/document.xml']).toMatch(/<w:footerReference[^>]*w:type="default"/);
  });

  test('cover block: unit, period, counts, pending, contact; sign-off line for the stamp', () => {
    const text = doc.paragraphs.join('\n');
    expect(doc.paragraphs[0]).toBe(`${TEAM}2023年10月行政执法案件台账`);
    expect(text).toContain(`报送单位：${TEAM}`);
    expect(text).toContain('报送期间：2023年10月1日至2023年10月31日');
    expect(text).toContain('本期案件：行政处罚3件，行政检查2件，行政强制0件');
    expect(text).toMatch(/待办案件：行政检查1件（待复检），行政强制1件（尚未结案）/);
    expect(text).toContain('联 系 人：张三（综合执法队队员），电话13812345678');
    expect(doc.paragraphs[doc.paragraphs.length - 1]).toMatch(new RegExp(`^报送单位（盖章）：${TEAM}\\s+报送日期：2023年11月5日$`));
    expect(doc.blocks.indexOf('tbl:0')).toBeGreaterThan(doc.blocks.findIndex((b) => b.startsWith('p:联 系 人')));
  });

  test('docx_dump.py (stdlib ElementTree) reads the same structure', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tz-docx-'));
    const file = path.join(dir, pkg.docxName);
    fs.writeFileSync(file, pkg.docx);
    const r = python('docx_dump.py', file);
    expect(r.status).toBe(0);
    const d = JSON.parse(r.stdout) as { sections: Record<string, string>[]; tables: { header: boolean; cells: { text: string; gridSpan: number; vMerge: string | null }[] }[][] };
    expect(d.sections[0]).toMatchObject({ w: '16838', h: '11906', orient: 'landscape' });
    expect(d.tables).toHaveLength(3);
    expect(d.tables[1][0].header && d.tables[1][1].header).toBe(true);
    expect(d.tables[1][0].cells.find((c) => c.text === '整改结果')!.gridSpan).toBe(2);
    expect(d.tables[0].filter((r) => !r.header).map((r) => r.cells[0].text)).toEqual(['1', '2', '3']);
    expect(d.tables[2][1].cells[0]).toMatchObject({ text: '本期无行政强制案件', gridSpan: 13 });
  });
});

describe('Word file for other periods', () => {
  test('the body docx writes and the one we write around the tables agree byte for byte', async () => {
    // Our XML writer serializes docx's own objects; a docx upgrade that changes them shows here.
    const input = { team: `${TEAM}<&>"'`, period: period('2023-10'), sections: [], counts: { penalty: 0, inspection: 0, coercion: 0 }, pending: [], contact: CONTACT, today: TODAY };
    const zip = await JSZip.loadAsync(await Packer.pack(skeletonDocument(input), 'uint8array'));
    expect(documentXml(skeletonDocument(input), [])).toBe(await zip.file('word/document.xml')!.async('string'));
  });

  test('a range: title from the first day of the first month to the last day of the last', async () => {
    const { doc } = await build('2023-09..2023-10');
    expect(doc.blocks.filter((b) => b.startsWith('p:') && b.endsWith('案件台账')).slice(1)).toEqual([
      `p:${TEAM}2023年9月1日--2023年10月31日行政处罚案件台账`,
      `p:${TEAM}2023年9月1日--2023年10月31日行政检查案件台账`,
      `p:${TEAM}2023年9月1日--2023年10月31日行政强制案件台账`,
    ]);
    expect(dataRows(doc.tables[0]).map((r) => r[3])).toEqual(['丙公司', '乙公司', '丁公司', '甲公司']);
    expect(dataRows(doc.tables[2]).map((r) => r[3])).toEqual(['某废品收购站']);
  });

  test('a month with no cases prints all three tables, each with its 本期无…案件 row', async () => {
    const { doc } = await build('2023-07');
    expect(doc.tables.map((t) => dataRows(t))).toEqual([[['本期无行政处罚案件']], [['本期无行政检查案件']], [['本期无行政强制案件']]]);
  });

  test('a workbook without a coercion sheet still prints the coercion table', async () => {
    const check = workbook();
    check.ledgers = check.ledgers.filter((l) => l.layout.kind !== 'coercion');
    const r = await prepareSubmission(check, { period: period('2023-10'), team: TEAM, contact: CONTACT, today: TODAY });
    if (r.refused) throw new Error(r.message);
    const doc = await readDocx(r.docx);
    expect(doc.tables).toHaveLength(3);
    expect(dataRows(doc.tables[2])).toEqual([['本期无行政强制案件']]);
    expect(r.notices.join('')).toContain('没有行政强制案件台账');
  });

  test('any cell text, control characters included, yields XML that a strict parser reads', async () => {
    const nasty = ['\u0000\u0001\u000b\u000c\u001f', 'a\ud800b\udc00c', '\uffff\ufffe', 'x\ty', 'p\r\nq\rr', '<w:t>&amp;</w:t>]]>', '😀𠀀'];
    const texts = [...nasty, ...fc.sample(fc.string({ unit: 'binary', maxLength: 40 }), { numRuns: 40, seed: 20231105 })];
    const rows = texts.map((t, i) => ({ ...GOOD.penalty, seq: i + 1, decisionNo: `天综执罚决〔2023〕${100 + i}号`, facts: `事实${t}` }));
    // Random text may trip a rule (a placeholder `XX`); the row is still printed.
    const { pkg } = await build('2023-10', workbook({ penalty: rows }), true);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tz-docx-'));
    const file = path.join(dir, 'x.docx');
    fs.writeFileSync(file, pkg.docx);
    const r = python('docx_dump.py', file);
    expect(r.stderr).toBe('');
    const d = JSON.parse(r.stdout) as { tables: { header: boolean; cells: { text: string }[] }[][] };
    const facts = d.tables[0].filter((row) => !row.header).map((row) => row.cells[4].text);
    // What XML 1.0 can carry arrives: line breaks as paragraphs, tabs as spaces; other controls and lone surrogates are dropped.
    const expected = (s: string) =>
      s
        .trim()
        .replace(/\r\n?/g, '\n')
        .replace(/\t/g, ' ')
        .replace(/[\u0000-\u0009\u000b-\u001f\ufffe\uffff]/g, '')
        .replace(/[\ud800-\udbff][\udc00-\udfff]|[\ud800-\udfff]/g, (m) => (m.length === 2 ? m : ''));
    expect(facts.sort()).toEqual(rows.map((x) => expected(String(x.facts))).sort());
  });
});
