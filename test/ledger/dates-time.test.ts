/*
 * Dates with a time of day, and dates padded with spaces. These give the same answers in every
 * time zone: test/ledger/dates-tz.test.ts runs this file again under TZ=Asia/Shanghai and TZ=UTC.
 */
import ExcelJS from 'exceljs';
import { CellValue } from '../../src/ledger/cell';
import { parseDate } from '../../src/ledger/dates';
import { checkWorkbook } from '../../src/validation/workbook';
import { GOOD, ledgerGrid } from '../helpers/ledger';

describe('a date-time cell is the day written in it, in every time zone', () => {
  // exceljs hands a cell's date-time over as a Date whose UTC fields are the wall-clock value.
  test.each([
    [Date.UTC(2024, 0, 31, 16, 0), '2024-01-31'],
    [Date.UTC(2024, 0, 31, 23, 59, 59), '2024-01-31'],
    [Date.UTC(2024, 1, 1, 0, 0), '2024-02-01'],
    [Date.UTC(2023, 11, 31, 8, 30), '2023-12-31'],
  ])('%p', (ms, iso) => {
    expect(parseDate(new Date(ms))).toEqual({ ok: true, date: iso, twoDigitYear: false });
  });

  test('2024/1/31 16:00 in an .xlsx read with exceljs is reported in January', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.getCell('A1').value = new Date(Date.UTC(2024, 0, 31, 16, 0));
    ws.getCell('A1').numFmt = 'yyyy/m/d h:mm';
    const back = new ExcelJS.Workbook();
    await back.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const value = back.getWorksheet('S')!.getCell('A1').value as CellValue;
    expect(value).toBeInstanceOf(Date);
    const grid = ledgerGrid('penalty', [{ ...GOOD.penalty, closedOn: value }]);
    const [rec] = checkWorkbook([grid], { today: '2024-02-05' }).ledgers[0].records;
    expect(rec.reportMonth).toBe('2024-01');
    expect(rec.display.closedOn).toBe('2024年1月31日');
  });

  test('text with a time of day', () => {
    for (const t of ['2024/1/31 16:00', '2024-01-31 23:59:59', '2024年1月31日16时', '2024年1月31日 下午4:00']) {
      expect(parseDate(t)).toEqual({ ok: true, date: '2024-01-31', twoDigitYear: false });
    }
  });
});

describe('padding between a date and what follows does not change the answer', () => {
  test.each([1, 10, 189, 190, 191, 200, 1000, 100_000])('%i spaces', (n) => {
    const pad = ' '.repeat(n);
    expect(parseDate(`2023年10月12日${pad}至2023年12月30日`)).toMatchObject({ ok: false, reason: expect.stringMatching(/日期范围/) });
    expect(parseDate(`2023年10月12日${pad}（预计）`)).toMatchObject({ ok: false });
    expect(parseDate(`2023年10月12日${pad}（补录）`)).toEqual({ ok: true, date: '2023-10-12', twoDigitYear: false, remark: '补录' });
    expect(parseDate(`2023年10月12日${pad}`)).toEqual({ ok: true, date: '2023-10-12', twoDigitYear: false });
    expect(parseDate(`${pad}2023-10-12${pad}16:00`)).toEqual({ ok: true, date: '2023-10-12', twoDigitYear: false });
    expect(parseDate(`2023年10月12日${'\u3000'.repeat(n)}至2023年12月30日`).ok).toBe(false);
  });
});
