/* A time of day after a date, and the days off of an official holiday arrangement (for 行政强制法第四十三条). */
import { parseDate, parseTimeOfDay } from '../../src/ledger/dates';
import { inHolidayBreak } from '../../src/ledger/periods';

describe('time of day', () => {
  test.each([
    ['2023年10月9日 22:30', 22 * 60 + 30],
    ['2023-10-09 22:30', 22 * 60 + 30],
    ['2023/10/9 06:05', 6 * 60 + 5],
    ['2023年10月9日22时30分', 22 * 60 + 30],
    ['2023年10月9日晚上10点', 22 * 60],
    ['2023年10月9日下午3时30分', 15 * 60 + 30],
    ['2023年10月9日凌晨5时', 5 * 60],
    ['2023年10月9日 0:30', 30],
    [new Date(Date.UTC(2023, 9, 9, 23, 15)), 23 * 60 + 15],
    [45208.75, 18 * 60],
  ])('%p → %d minutes', (v, minutes) => {
    expect(parseTimeOfDay(v as never)).toBe(minutes);
  });
  test.each(['2023年10月9日', '2023-10-09', '2023年10月9日（星期一）', '2023年10月9日 00:00', new Date(Date.UTC(2023, 9, 9)), 45208, 20231009, null, '', '22:30', { error: '#N/A' }])('%p has no time of day', (v) => {
    expect(parseTimeOfDay(v as never)).toBeNull();
  });
  test('the date itself is unchanged by the time', () => {
    expect(parseDate('2023年10月9日晚上10点')).toEqual({ ok: true, date: '2023-10-09', twoDigitYear: false });
  });
});

describe('a note after a date', () => {
  test.each([
    ['2023年11月8日（已缴纳罚款）', '已缴纳罚款'],
    ['2023年11月8日(补录)', '补录'],
    ['2023年11月8日，当事人已履行', '当事人已履行'],
    ['2023-11-08【已结案】', '已结案'],
    ['2023年11月8日（已缴纳罚款500元）', '已缴纳罚款500元'],
  ])('%s is read, with the note', (text, remark) => {
    expect(parseDate(text)).toEqual({ ok: true, date: '2023-11-08', twoDigitYear: false, remark });
  });
  test.each(['2023年11月8日前', '2023年11月8日左右', '2023年11月8日（预计）', '2023年11月8日（拟结案）', '2023年11月8日至今', '2023年11月8日（原定11月20日）', '2023年11月8日或9日', '2023年11月8日abc'])(
    '%s is no date',
    (text) => {
      expect(parseDate(text).ok).toBe(false);
    },
  );
});

describe('holiday breaks (from the working-day calendar)', () => {
  test.each([
    ['2023-10-02', true], // National Day, a Monday
    ['2023-10-01', true], // a Sunday inside the break
    ['2023-09-30', true], // a Saturday inside the break
    ['2023-10-07', false], // 调休: a working Saturday
    ['2023-10-14', false], // a plain Saturday
    ['2023-10-09', false],
    ['2024-02-12', true], // Spring Festival
    ['2040-10-01', false], // no schedule known: only Mon–Fri, no holidays
  ])('%s → %s', (d, yes) => {
    expect(inHolidayBreak(d)).toBe(yes);
  });
});
