/*
 * What a cell reads as, for the valid-but-rare cases issue 16 names, each built as a real file:
 * crafted XML where no program here writes it (craft.ts), LibreOffice where one does
 * (libreoffice.test.ts). Each case is checked end to end: records, months, messages.
 */
import ExcelJS from 'exceljs';
import { unzipSync, zipSync } from 'fflate';
import { CellValue, SheetGrid } from '../../src/ledger/cell';
import { readXlsx } from '../../src/input/workbook';
import { checkWorkbook } from '../../src/validation/workbook';
import { ledgerIssues } from '../../src/validation/check';
import { Craft, NS, craftXlsx, esc, inl, inlRow } from './craft';
import { HEADER, TITLE, record } from '../helpers/hostile-files';
import { cellOf } from '../../src/wps/values';

const TODAY = '2023-11-05';
const read = (c: Craft) => readXlsx(craftXlsx(c), '台账.xlsx');
const checkOf = async (c: Craft) => {
  const wb = await read(c);
  return { wb, check: checkWorkbook(wb.sheets, { today: TODAY, date1904: wb.date1904 }) };
};
const at = (g: SheetGrid, ref: string): CellValue => {
  const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
  return g.rows[Number(m[2]) - 1]?.[m[1].charCodeAt(0) - 65] ?? null;
};

/** What exceljs made of the same file (the reader before this issue). */
async function exceljsRows(bytes: Uint8Array): Promise<number> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  let n = 0;
  wb.eachSheet((ws) => ws.eachRow(() => n++));
  return n;
}

describe('phonetic runs (<rPh>, <phoneticPr>) are not text, and cost no rows', () => {
  /** Rich text with a phonetic guide, as a Japanese/Chinese IME writes it. */
  const phonetic = (text: string) => `<r><rPr><sz val="11"/></rPr><t>${esc(text)}</t></r><rPh sb="0" eb="2"><t>ピンイン</t></rPh><phoneticPr fontId="1" type="noConversion"/>`;

  test('inline strings: all 50 records of 52 rows are read (exceljs read 3 rows of them)', async () => {
    const rows = [inlRow(1, [TITLE]), inlRow(2, HEADER)];
    for (let i = 1; i <= 50; i++) {
      const r = i + 2;
      const cells = record(i).map((v, j) => {
        const ref = `${String.fromCharCode(65 + j)}${r}`;
        if (v === '') return '';
        if (typeof v === 'number') return `<c r="${ref}"><v>${v}</v></c>`;
        return `<c r="${ref}" t="inlineStr"><is>${phonetic(String(v))}</is></c>`;
      });
      rows.push(`<row r="${r}">${cells.join('')}</row>`);
    }
    const c: Craft = { sheets: [{ name: '处罚台账', rows: rows.join('') }] };
    const { wb, check } = await checkOf(c);
    const recs = check.ledgers[0].records;
    expect(recs).toHaveLength(50);
    expect(recs.every((r) => r.reportMonth === '2023-10' && r.status === 'ok')).toBe(true);
    expect(at(wb.sheets[0], 'D3')).toBe('李某');
    expect(await exceljsRows(craftXlsx(c))).toBeLessThan(52);
  });

  test('shared strings with rich text and phonetic runs', async () => {
    const { wb, check } = await checkOf({
      sharedStrings: `<si>${phonetic('王明、')}<r><t>李强</t></r></si><si><t>占道经营案</t><rPh sb="0" eb="1"><t>zhan</t></rPh></si>`,
      sheets: [{ name: '处罚台账', rows: inlRow(1, HEADER) + `<row r="2">${inl('B2', '天综执罚决〔2023〕1号')}<c r="C2" t="s"><v>1</v></c>${inl('D2', '李某')}${inl('E2', '占道')}${inl('F2', '2023年10月9日')}${inl('G2', '警告')}${inl('H2', '《城市市容和环境卫生管理条例》第三十六条')}<c r="I2" t="s"><v>0</v></c></row>` }],
    });
    expect([at(wb.sheets[0], 'C2'), at(wb.sheets[0], 'I2')]).toEqual(['占道经营案', '王明、李强']);
    expect(check.ledgers[0].records[0].issues).toEqual([]);
  });

  test('OOXML escapes (_x000D_) in shared and inline strings are characters', async () => {
    const { wb } = await checkOf({ sharedStrings: ['王明_x000D_\n李强', '_x005F_x000D_'], sheets: [{ name: 'S', rows: `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>${inl('C1', 'a_x0009_b')}</row>` }] });
    expect(wb.sheets[0].rows[0]).toEqual(['王明\r\n李强', '_x000D_', 'a\tb']);
  });
});

describe('ISO 8601 dates (t="d", Strict Open XML and other writers)', () => {
  const row = (r: number, n: number, date: string) =>
    `<row r="${r}">` + record(n).map((v, j) => (j === 5 ? `<c r="F${r}" t="d"><v>${date}</v></c>` : v === '' ? '' : typeof v === 'number' ? `<c r="A${r}"><v>${v}</v></c>` : inl(`${String.fromCharCode(65 + j)}${r}`, v))).join('') + '</row>';

  test.each([false, true])('read as the day written, not 1905 (strict namespaces: %p)', async (strict) => {
    const { wb, check } = await checkOf({
      strict,
      sheets: [{ name: '处罚台账', rows: inlRow(1, [TITLE]) + inlRow(2, HEADER) + row(3, 1, '2023-10-09T00:00:00') + row(4, 2, '2023-10-31T16:30:00') + row(5, 3, '2023-10-12') + row(6, 4, '2023-02-30') }],
    });
    expect(at(wb.sheets[0], 'F3')).toEqual(new Date(Date.UTC(2023, 9, 9)));
    const recs = check.ledgers[0].records;
    expect(recs.map((r) => r.reportMonth)).toEqual(['2023-10', '2023-10', '2023-10', null]);
    expect(recs[3].issues.map((i) => [i.rule, i.cell])).toEqual([['date-invalid', 'F6']]);
  });
});

describe('the 1904 date system', () => {
  test('date-formatted serials and plain serials in a date column', async () => {
    const serial1904 = 45208 - 1462; // 2023-10-09
    const { wb, check } = await checkOf({
      date1904: true,
      styles: { numFmts: '<numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/>', cellXfs: '<xf numFmtId="0"/><xf numFmtId="176"/><xf numFmtId="14"/><xf numFmtId="31"/>' },
      sheets: [
        {
          name: '处罚台账',
          rows:
            inlRow(1, HEADER) +
            [2, 3, 4, 5]
              .map((r, i) => `<row r="${r}"><c r="A${r}"><v>${r - 1}</v></c>${inl(`B${r}`, `天综执罚决〔2023〕${r}号`)}${inl(`C${r}`, '占道经营案')}${inl(`D${r}`, '李某')}${inl(`E${r}`, '占道')}<c r="F${r}" s="${i}"><v>${serial1904}</v></c>${inl(`G${r}`, '警告')}${inl(`H${r}`, '《城市市容和环境卫生管理条例》第三十六条')}${inl(`I${r}`, '王明、李强')}</row>`)
              .join(''),
        },
      ],
    });
    expect(wb.date1904).toBe(true);
    expect(at(wb.sheets[0], 'F2')).toBe(serial1904);
    for (const ref of ['F3', 'F4', 'F5']) expect(at(wb.sheets[0], ref)).toEqual(new Date(Date.UTC(2023, 9, 9)));
    expect(check.ledgers[0].records.map((r) => r.fields.closedOn)).toEqual(['2023-10-09', '2023-10-09', '2023-10-09', '2023-10-09']);
  });
});

describe('rows and cells without the optional r attribute take the next position', () => {
  test('a ledger written without any r', async () => {
    const noR = (values: (string | number)[]) => `<row>${values.map((v) => (v === '' ? '<c/>' : typeof v === 'number' ? `<c><v>${v}</v></c>` : `<c t="inlineStr"><is><t>${esc(v)}</t></is></c>`)).join('')}</row>`;
    const { wb, check } = await checkOf({ sheets: [{ name: '处罚台账', rows: noR([TITLE]) + noR(HEADER) + noR(record(1)) + '<row r="5">' + inl('A5', '2') + '</row>' + noR(record(3)) }] });
    expect(at(wb.sheets[0], 'I3')).toBe('王明、李强');
    expect(at(wb.sheets[0], 'A6')).toBe(3);
    expect(check.ledgers[0].records.map((r) => r.row)).toEqual([3, 6]);
  });
});

describe('formulas by their cached value; a formula whose result was never saved says so', () => {
  const f = (ref: string, formula: string, v: string | null, t?: string, s?: number) =>
    `<c r="${ref}"${t ? ` t="${t}"` : ''}${s ? ` s="${s}"` : ''}><f>${esc(formula)}</f>${v === null ? '' : `<v>${esc(v)}</v>`}</c>`;
  const rest = (r: number) => `${inl(`C${r}`, '占道经营案')}${inl(`D${r}`, '李某')}${inl(`E${r}`, '占道')}${inl(`G${r}`, '警告')}${inl(`H${r}`, '《城市市容和环境卫生管理条例》第三十六条')}${inl(`I${r}`, '王明、李强')}`;

  test('numbers, text, booleans, errors, dates and shared formulas', async () => {
    const { wb, check } = await checkOf({
      styles: { cellXfs: '<xf numFmtId="0"/><xf numFmtId="14"/>' },
      sheets: [
        {
          name: '处罚台账',
          rows:
            inlRow(1, HEADER) +
            `<row r="2">${f('A2', 'ROW()-1', '1')}${f('B2', '"天综执罚决〔2023〕"&A2&"号"', '天综执罚决〔2023〕1号', 'str')}${rest(2)}${f('F2', 'DATE(2023,10,9)', '45208', undefined, 1)}${f('K2', 'A2>0', '1', 'b')}</row>` +
            `<row r="3"><c r="A3"><f t="shared" ref="A3:A4" si="0">ROW()-1</f><v>2</v></c>${inl('B3', '天综执罚决〔2023〕2号')}${rest(3)}${f('F3', 'VLOOKUP(1,Z:Z,2,0)', '#N/A', 'e')}</row>` +
            `<row r="4"><c r="A4"><f t="shared" si="0"/><v>3</v></c>${inl('B4', '天综执罚决〔2023〕3号')}${rest(4)}<c r="F4" s="1"><f>DATE(2023,10,12)</f></c></row>` +
            `<row r="5">${f('A5', 'ROW()-1', null)}${inl('B5', '天综执罚决〔2023〕4号')}${rest(5)}${inl('F5', '2023年10月9日')}</row>`,
        },
      ],
    });
    const g = wb.sheets[0];
    expect([at(g, 'A2'), at(g, 'B2'), at(g, 'F2'), at(g, 'K2'), at(g, 'A4'), at(g, 'F3')]).toEqual([1, '天综执罚决〔2023〕1号', new Date(Date.UTC(2023, 9, 9)), true, 3, { error: '#N/A' }]);
    const recs = check.ledgers[0].records;
    expect(recs.map((r) => r.row)).toEqual([2, 3, 4, 5]);
    expect(recs[1].issues.map((i) => i.rule)).toEqual(['cell-error']);
    // F4: no cached result. Not "不能为空": it says it is a formula whose result was never saved, and how to fix it.
    const noResult = ledgerIssues(check.ledgers[0]).filter((i) => i.row === 4);
    expect(noResult.map((i) => [i.rule, i.cell, i.severity])).toEqual([['formula-no-result', 'F4', 'error']]);
    expect(noResult[0].message).toMatch(/^F4「结案时间」：单元格是公式 “=DATE\(2023,10,12\)”，但文件里没有保存它的计算结果.*请用 Excel 或 WPS 打开这个文件，保存后再检查。$/);
    expect(recs[2].reportMonth).toBeNull();
    // 序号 is renumbered on output: its missing result does not matter.
    expect(recs[3].issues).toEqual([]);
  });

  test("WPS's in-cell pictures (=DISPIMG) read as [图片], as formula or as cached text", async () => {
    const { wb } = await checkOf({
      sheets: [{ name: 'S', rows: `<row r="1">${f('A1', '_xlfn.DISPIMG("ID_0A1B2C3D",1)', '=DISPIMG("ID_0A1B2C3D",1)', 'str')}<c r="B1" t="str"><v>=DISPIMG("ID_9F",1)</v></c>${f('C1', 'DISPIMG("ID_1",1)', null)}${inl('D1', '见DISPIMG说明')}</row>` }],
    });
    expect(wb.sheets[0].rows[0]).toEqual(['[图片]', '[图片]', '[图片]', '见DISPIMG说明']);
    // Excel's picture placed in a cell: #VALUE! pointing at a rich value (vm), not an error in the ledger.
    const excel = await read({ sheets: [{ name: 'S', rows: '<row r="1"><c r="A1" t="e" vm="1"><v>#VALUE!</v></c><c r="B1" t="e"><v>#VALUE!</v></c></row>' }] });
    expect(excel.sheets[0].rows[0]).toEqual(['[图片]', { error: '#VALUE!' }]);
    // The WPS add-in reads the same cell from WPS itself (Value2 is the formula's text).
    expect([cellOf('=DISPIMG("ID_0A1B2C3D",1)'), cellOf('见DISPIMG说明')]).toEqual(['[图片]', '见DISPIMG说明']);
  });
});

describe('sheets', () => {
  test('a hidden sheet is read and checked, and says it is hidden', async () => {
    const { wb, check } = await checkOf({
      sheets: [
        { name: '2022年处罚', state: 'hidden', rows: inlRow(1, [TITLE]) + inlRow(2, HEADER) + inlRow(3, record(1)) },
        { name: '处罚台账', rows: inlRow(1, [TITLE]) + inlRow(2, HEADER) + inlRow(3, record(2)) },
        { name: '很隐藏', state: 'veryHidden', rows: inlRow(1, ['x']) },
      ],
    });
    expect(wb.sheets.map((s) => [s.name, !!s.hidden])).toEqual([
      ['2022年处罚', true],
      ['处罚台账', false],
      ['很隐藏', true],
    ]);
    expect(check.ledgers.map((l) => [l.layout.sheet, !!l.layout.hidden, l.records.length])).toEqual([
      ['2022年处罚', true, 1],
      ['处罚台账', false, 1],
    ]);
  });

  test('a workbook part under another name, found through _rels/.rels', async () => {
    const parts = unzipSync(craftXlsx({ sheets: [{ name: '处罚台账', rows: inlRow(1, HEADER) + inlRow(2, record(1)) }] }));
    const dec = new TextDecoder();
    const enc = new TextEncoder();
    parts['xl/book.xml'] = parts['xl/workbook.xml'];
    parts['xl/_rels/book.xml.rels'] = parts['xl/_rels/workbook.xml.rels'];
    delete parts['xl/workbook.xml'];
    delete parts['xl/_rels/workbook.xml.rels'];
    parts['_rels/.rels'] = enc.encode(dec.decode(parts['_rels/.rels']).replace('xl/workbook.xml', 'xl/book.xml'));
    const wb = await readXlsx(zipSync(parts), 'x.xlsx');
    expect(checkWorkbook(wb.sheets, { today: TODAY }).ledgers[0].records).toHaveLength(1);
  });

  test('a sheet name longer than 31 characters is read as written', async () => {
    const name = '天宁镇综合行政执法队二〇二三年十月份行政处罚案件台账（第二稿，已核对）';
    expect(name.length).toBeGreaterThan(31);
    const { check } = await checkOf({ sheets: [{ name, rows: inlRow(1, HEADER) + inlRow(2, record(1)) }] });
    expect(check.ledgers[0].layout.sheet).toBe(name);
  });

  test('a sheet part the workbook does not list, and a chart sheet, are not sheets', async () => {
    const wb = await read({
      sheets: [{ name: 'A', rows: inlRow(1, ['a']) }],
      extraSheets: '<sheet name="图表" sheetId="9" r:id="rIdC"/><sheet name="丢失" sheetId="10" r:id="rIdX"/>',
      extraRels:
        '<Relationship Id="rIdC" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"/>' +
        '<Relationship Id="rIdX" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet7.xml"/>',
      extra: { 'xl/chartsheets/sheet1.xml': `<chartsheet xmlns="${NS}"/>`, 'xl/worksheets/sheet2.xml': `<worksheet xmlns="${NS}"><sheetData>${inlRow(1, ['孤儿'])}</sheetData></worksheet>` },
    });
    expect(wb.sheets.map((s) => [s.name, s.rows])).toEqual([['A', [['a']]]]);
  });
});

describe('any cell the schema allows, and many it does not, reads without throwing', () => {
  test('random types, values, formulas, styles and references', async () => {
    const fc = (await import('fast-check')).default;
    const xmlText = fc.string({ maxLength: 12 }).map((s) => esc(s.replace(/[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd]/g, '')));
    const cellArb = fc.record({
      t: fc.constantFrom(undefined, 's', 'str', 'b', 'e', 'd', 'n', 'inlineStr', 'x'),
      r: fc.option(fc.constantFrom('A1', 'B2', 'XFD9', 'ZZZZ1', '$C$3', '1A', ''), { nil: undefined }),
      s: fc.option(fc.constantFrom('0', '1', '2', '99', '-1', 'x'), { nil: undefined }),
      v: fc.option(fc.oneof(xmlText, fc.constantFrom('0', '1', '45208', '-1e308', '2023-10-09T00:00:00', '2023-02-30', 'NaN', '#N/A')), { nil: undefined }),
      f: fc.option(xmlText, { nil: undefined }),
      inline: fc.option(xmlText, { nil: undefined }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(cellArb, { maxLength: 5 }), { maxLength: 6 }), async (rows) => {
        const xml = rows
          .map((cells, i) => `<row${i % 2 ? '' : ` r="${i + 1}"`}>${cells.map((c) => `<c${c.r !== undefined ? ` r="${c.r}"` : ''}${c.t ? ` t="${c.t}"` : ''}${c.s ? ` s="${c.s}"` : ''}>${c.f !== undefined ? `<f>${c.f}</f>` : ''}${c.v !== undefined ? `<v>${c.v}</v>` : ''}${c.inline !== undefined ? `<is><r><t>${c.inline}</t></r><rPh><t>x</t></rPh></is>` : ''}</c>`).join('')}</row>`)
          .join('');
        const wb = await read({ sharedStrings: ['a'], styles: { cellXfs: '<xf numFmtId="14"/><xf numFmtId="0"/>' }, sheets: [{ name: 'S', rows: xml }] });
        checkWorkbook(wb.sheets, { today: TODAY, date1904: wb.date1904 });
      }),
      { numRuns: 200 },
    );
  });
});
