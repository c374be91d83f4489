import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readWorkbook } from '../../src/cli/xlsx';
import { fromExcelJs } from '../../src/offline/copy-check';
import { checkWorkbook } from '../../src/validation/workbook';
import { contactArgSchema, periodSchema, phoneSchema, todaySchema } from '../../src/ledger/options';

const HEADER = ['序号', '行政处罚决定书', '案由', '行政相对人名称', '主要违法事实', '结案时间', '处罚情况', '处罚依据', '执法人员', '罚没票据号', '备注'];

describe('reading real workbooks with exceljs', () => {
  let dir: string;
  beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'taizhang-xlsx-'))));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('formulas by value, rich text and links by text, errors as errors, hidden rows and merges', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('处罚台账');
    ws.addRow(['天宁镇综合行政执法队2023年10月1日--2023年10月31日行政处罚案件台账']);
    ws.mergeCells('A1:K1');
    ws.addRow(HEADER);
    const base = ['占道经营案', '李某', '占道经营', null, '警告', '《城市市容和环境卫生管理条例》第三十六条', '王明、李强', '', ''];
    ws.addRow([{ formula: 'ROW()-2', result: 1 }, '天综执罚决〔2023〕1号', ...base]);
    ws.addRow([{ formula: 'ROW()-2', result: 2 }, { richText: [{ text: '天综执罚决' }, { font: { bold: true }, text: '〔2023〕2号' }] }, ...base]);
    ws.addRow([3, { text: '天综执罚决〔2023〕3号', hyperlink: 'https://example.invalid/3' }, ...base]);
    ws.addRow([4, '天综执罚决〔2023〕4号', ...base]);
    ws.getCell('F3').value = { formula: 'DATE(2023,10,9)', result: new Date(Date.UTC(2023, 9, 9)) };
    ws.getCell('F4').value = 45208; // 2023-10-09 as a plain serial
    ws.getCell('F5').value = { formula: 'VLOOKUP(1,Z:Z,2,0)', result: { error: '#N/A' } };
    ws.getCell('F6').value = '2023年10月9日';
    ws.getRow(6).hidden = true;
    // 执法人员 merged down over rows 4–6.
    ws.getCell('I5').value = null;
    ws.getCell('I6').value = null;
    ws.mergeCells('I4:I6');
    const file = path.join(dir, 'real.xlsx');
    await wb.xlsx.writeFile(file);

    const data = await readWorkbook(file);
    const res = checkWorkbook(data.sheets, { today: '2023-11-05', date1904: data.date1904 });
    const recs = res.ledgers[0].records;
    expect(recs.map((r) => r.row)).toEqual([3, 4, 5, 6]);
    expect(recs.map((r) => r.display.decisionNo)).toEqual(['天综执罚决〔2023〕1号', '天综执罚决〔2023〕2号', '天综执罚决〔2023〕3号', '天综执罚决〔2023〕4号']);
    expect(recs.map((r) => r.reportMonth)).toEqual(['2023-10', '2023-10', null, '2023-10']);
    expect(recs.map((r) => r.fields.officers)).toEqual([['王明', '李强'], ['王明', '李强'], ['王明', '李强'], ['王明', '李强']]);
    expect(recs[2].issues.map((i) => [i.rule, i.cell])).toEqual([['cell-error', 'F5']]);
    expect(recs[3].status).toBe('ok');
  });

  test('the 1904 date system', async () => {
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = true;
    const ws = wb.addWorksheet('处罚');
    ws.addRow(HEADER);
    ws.addRow([1, '天综执罚决〔2023〕1号', '占道经营案', '李某', '占道经营', 45208 - 1462, '警告', '《条例》第三十六条', '王明、李强', '', '']);
    const file = path.join(dir, 'd1904.xlsx');
    await wb.xlsx.writeFile(file);
    const data = await readWorkbook(file);
    expect(data.date1904).toBe(true);
    const res = checkWorkbook(data.sheets, { today: '2023-11-05', date1904: data.date1904 });
    expect(res.ledgers[0].records[0].fields.closedOn).toBe('2023-10-09');
  });

  test('fromExcelJs normalises every exceljs value shape', () => {
    expect(fromExcelJs({ sharedFormula: 'A1', result: 5 })).toBe(5);
    expect(fromExcelJs({ formula: 'A1' })).toBeNull();
    expect(fromExcelJs({ error: '#DIV/0!' })).toEqual({ error: '#DIV/0!' });
    expect(fromExcelJs({ text: { richText: [{ text: 'a' }, { text: 'b' }] }, hyperlink: 'x' })).toBe('ab');
    expect(fromExcelJs(undefined)).toBeNull();
  });
});

describe('options are validated with zod, in Chinese', () => {
  test('--today', () => {
    expect(todaySchema.parse(' 2023-11-05 ')).toBe('2023-11-05');
    expect(todaySchema.safeParse('2023-02-30').success).toBe(false);
    expect(todaySchema.safeParse('2023/11/05').error?.issues[0].message).toMatch(/YYYY-MM-DD/);
  });
  test('--period: a month or a range', () => {
    expect(periodSchema.parse('2023-10')).toMatchObject({ from: '2023-10', to: '2023-10', months: ['2023-10'], firstDay: '2023-10-01', lastDay: '2023-10-31' });
    expect(periodSchema.parse('2023-08..2023-09').months).toEqual(['2023-08', '2023-09']);
    expect(periodSchema.parse('2023-12..2024-01').lastDay).toBe('2024-01-31');
    expect(periodSchema.safeParse('2023-10..2023-08').error?.issues[0].message).toMatch(/早于/);
    expect(periodSchema.safeParse('2023-13').success).toBe(false);
    expect(periodSchema.safeParse('2022-01..2023-06').error?.issues[0].message).toMatch(/最长/);
  });
  test('contact phone: a mainland mobile or landline number', () => {
    expect(phoneSchema.parse('138 1234 5678')).toBe('13812345678');
    expect(phoneSchema.parse('+86 138-1234-5678')).toBe('13812345678');
    expect(phoneSchema.parse('0358-1234567')).toBe('0358-1234567');
    expect(phoneSchema.parse('03581234567')).toBe('03581234567');
    expect(phoneSchema.parse('0358-1234567-802')).toBe('0358-1234567-802');
    for (const bad of ['12812345678', '1381234567', '1234567', 'abc', '0358-12345']) {
      expect(phoneSchema.safeParse(bad).error?.issues[0].message).toMatch(/手机号|座机号/);
    }
  });
  test('--contact 姓名,职务,电话', () => {
    expect(contactArgSchema.parse('张三，综合执法队队员，13812345678')).toEqual({ name: '张三', title: '综合执法队队员', phone: '13812345678' });
    expect(contactArgSchema.safeParse('张三,13812345678').error?.issues[0].message).toMatch(/姓名,职务,电话/);
    expect(contactArgSchema.safeParse('张\r\nBcc: x,队员,13812345678').success).toBe(false);
  });
});
