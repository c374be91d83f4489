/* Periods as the Civil Code counts them (第二百零一条至第二百零三条), on the official holiday calendar. */
import { findDeadlines, periodEnd } from '../../src/ledger/periods';
import { rectifyDeadline } from '../../src/validation/inspection';

describe('periodEnd', () => {
  test.each([
    // start, n, unit, last day, before a holiday moved it
    ['2023-09-28', 2, 'workday', '2023-10-08', '2023-10-08'], // 10-08 is a 调休 working Sunday
    ['2023-09-01', 30, 'day', '2023-10-07', '2023-10-01'], // National Day: the first working day after
    ['2023-09-30', 7, 'day', '2023-10-07', '2023-10-07'], // a 调休 working Saturday is no 法定休假日
    ['2023-10-16', 5, 'day', '2023-10-23', '2023-10-21'], // Saturday → Monday
    ['2024-02-01', 10, 'day', '2024-02-18', '2024-02-11'], // Spring Festival; 02-18 is a 调休 working Sunday
    ['2023-10-20', 1, 'week', '2023-10-27', '2023-10-27'],
    ['2023-10-04', 1, 'month', '2023-11-06', '2023-11-04'], // the corresponding day, a Saturday
    ['2023-01-31', 1, 'month', '2023-02-28', '2023-02-28'], // no 31 February: the month's last day
    ['2024-01-31', 1, 'month', '2024-02-29', '2024-02-29'],
    ['2023-06-01', 90, 'day', '2023-08-30', '2023-08-30'],
    ['2022-11-15', 1, 'year', '2023-11-15', '2023-11-15'],
  ] as const)('%s + %i %s ends on %s', (start, n, unit, date, nominal) => {
    const r = periodEnd(start, n, unit);
    expect([r.date, r.nominal]).toEqual([date, nominal]);
  });

  test('a year without a published schedule counts Mon–Fri and says so', () => {
    expect(periodEnd('2031-03-03', 5, 'day')).toEqual({ date: '2031-03-10', nominal: '2031-03-08', unknownYears: [2031] });
  });
});

describe('findDeadlines', () => {
  const of = (text: string, start = '2023-10-16') =>
    findDeadlines(text, start).map((d) => ('date' in d ? d.date : `${d.n}${d.unit}`)).sort();
  test.each([
    ['5个工作日内提交方案，30日内整改完毕', ['30day', '5workday']],
    ['按照规定在2个工作日内整改完毕', ['2workday']],
    ['三日内整改', ['3day']],
    ['限期3天整改', ['3day']],
    ['一周内整改', ['1week']],
    ['两个月内整改到位', ['2month']],
    ['2023年10月20日前整改完毕', ['2023-10-20']],
    ['10月20日之前整改完毕', ['2023-10-20']],
    ['立即整改', []],
    ['检查后复查', []],
  ])('%s', (text, found) => {
    expect(of(text)).toEqual(found);
  });
  test('a date without a year is the next such day after the start', () => {
    expect(of('1月5日前整改完毕', '2023-12-01')).toEqual(['2024-01-05']);
  });
});

describe('rectifyDeadline', () => {
  test('several deadlines: the completion (latest) one governs', () => {
    const d = rectifyDeadline('5个工作日内提交整改方案，30日内整改完毕', '2023-09-01');
    expect(d.date).toBe('2023-10-07');
    expect(d.label).toBe('（检查后30日，至2023年10月7日；2023年10月1日是法定休假日，顺延）');
  });
  test('none written: 30 days after the inspection, moved off a holiday', () => {
    expect(rectifyDeadline('立即整改', '2023-10-05')).toMatchObject({ date: '2023-11-06', written: false });
  });
});
