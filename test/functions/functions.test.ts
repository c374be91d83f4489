/* The TZ.* custom functions (spec §5.2), called the way Excel calls them. */
import { CellValue } from '../../src/ledger/cell';
import { Kind, officialColumns } from '../../src/ledger/columns';
import { isoFromSerial, serialFromIso } from '../../src/ledger/dates';
import { templateSheet } from '../../src/ledger/template';
import { GOOD, Row } from '../helpers/ledger';

// The custom functions runtime, as far as the wrappers use it.
class FakeCfError {
  constructor(
    public code: string,
    public message?: string,
  ) {}
}
(globalThis as Record<string, unknown>).CustomFunctions = {
  Error: FakeCfError,
  ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A', invalidNumber: '#NUM!', divisionByZero: '#DIV/0!', nullReference: '#NULL!' },
  associate: () => undefined,
};

// eslint-disable-next-line import/first
import { checkRowFn, isWorkdayCnFn, publicityDueFn, reportMonthFn, workdayCnFn } from '../../src/functions/functions';

const S = (iso: string): number => serialFromIso(iso);
const iso = (serial: number): string => isoFromSerial(serial);

/** The #VALUE! error a call throws (fails the test when it does not throw one). */
function valueError(call: () => unknown): FakeCfError {
  let thrown: unknown;
  try {
    call();
  } catch (e) {
    thrown = e;
  }
  expect(thrown).toBeInstanceOf(FakeCfError);
  const e = thrown as FakeCfError;
  expect(e.code).toBe('#VALUE!');
  expect(typeof e.message).toBe('string');
  return e;
}

describe('TZ.REPORT_MONTH', () => {
  test('a date serial or a text date gives YYYY-MM', () => {
    expect(reportMonthFn(S('2023-10-12'))).toBe('2023-10');
    expect(reportMonthFn('2023年8月11日')).toBe('2023-08');
    expect(reportMonthFn('二〇二三年十二月一日')).toBe('2023-12');
    expect(reportMonthFn('2023/1/31 下午')).toBe('2023-01');
  });

  test('inspections: hazards decide by the recheck date, or 待复检 without one', () => {
    expect(reportMonthFn(S('2023-09-28'), 0)).toBe('2023-09');
    expect(reportMonthFn(S('2023-09-28'), 0, S('2023-10-08'))).toBe('2023-09');
    expect(reportMonthFn(S('2023-09-28'), 2, S('2023-10-08'))).toBe('2023-10');
    expect(reportMonthFn(S('2023-09-28'), 1)).toBe('待复检');
    expect(reportMonthFn(S('2023-09-28'), '1处', null as unknown as string)).toBe('待复检');
    expect(reportMonthFn(S('2023-09-28'), '一', '2023年10月8日')).toBe('2023-10');
  });

  test('an empty date gives empty text; an omitted count counts as 0', () => {
    expect(reportMonthFn(null as unknown as string)).toBe('');
    expect(reportMonthFn('  ', null as unknown as string, S('2023-10-08'))).toBe('');
    expect(reportMonthFn(null as unknown as string, 3, S('2023-10-08'))).toBe('2023-10');
  });

  test('an unreadable date is #VALUE! naming the value and why', () => {
    const impossible = valueError(() => reportMonthFn('2023年2月30日'));
    expect(impossible.message).toContain('「日期」');
    expect(impossible.message).toContain('2023年2月30日');
    expect(impossible.message).toContain('只有28天');
    expect(valueError(() => reportMonthFn('XX年XX月XX月')).message).toContain('占位符');
    expect(valueError(() => reportMonthFn('2023年8月')).message).toContain('缺少日');
    expect(valueError(() => reportMonthFn('8月11日')).message).toContain('缺少年份');
    expect(valueError(() => reportMonthFn(5)).message).toContain('数字5');
    expect(valueError(() => reportMonthFn(true as unknown as string)).message).toContain('TRUE不是日期');
  });

  test('an unreadable recheck date or count is #VALUE! naming that argument', () => {
    const recheck = valueError(() => reportMonthFn(S('2023-09-28'), 1, '2023年13月1日'));
    expect(recheck.message).toContain('「复检日期」');
    expect(recheck.message).toContain('2023年13月1日');
    const count = valueError(() => reportMonthFn(S('2023-09-28'), '若干'));
    expect(count.message).toContain('「发现隐患数」');
    expect(count.message).toContain('若干');
    expect(valueError(() => reportMonthFn(S('2023-09-28'), -1)).message).toContain('不能为负数');
    // The first date is checked even when the recheck date decides.
    expect(valueError(() => reportMonthFn('2023-02-30', 1, S('2023-10-08'))).message).toContain('「日期」');
  });
});

describe('TZ.WORKDAY_CN', () => {
  test('counts 调休 make-up days and skips holidays', () => {
    // 2023-09-29 … 10-06 off; Sat 10-07 and Sun 10-08 are make-up working days.
    expect(iso(workdayCnFn(S('2023-09-28'), 2))).toBe('2023-10-08');
    expect(iso(workdayCnFn(S('2023-09-28'), 1))).toBe('2023-10-07');
    expect(iso(workdayCnFn(S('2023-09-28'), 3))).toBe('2023-10-09');
    // 春节 2024: 02-10 … 02-17 off, Sun 02-18 a make-up day.
    expect(iso(workdayCnFn(S('2024-02-09'), 1))).toBe('2024-02-18');
  });

  test('zero, negative and fractional day counts', () => {
    expect(iso(workdayCnFn(S('2023-10-07'), 0))).toBe('2023-10-07');
    expect(iso(workdayCnFn(S('2023-10-01'), 0))).toBe('2023-10-07');
    expect(iso(workdayCnFn(S('2023-10-09'), -1))).toBe('2023-10-08');
    expect(iso(workdayCnFn(S('2023-10-09'), -3))).toBe('2023-09-28');
    expect(iso(workdayCnFn(S('2023-09-28'), 2.9))).toBe('2023-10-08');
    expect(iso(workdayCnFn('2023/9/28', '2' as unknown as number))).toBe('2023-10-08');
  });

  test('a year without a schedule counts Monday to Friday', () => {
    expect(iso(workdayCnFn(S('2030-01-04'), 1))).toBe('2030-01-07'); // Fri → Mon
    expect(iso(workdayCnFn(S('2030-09-30'), 1))).toBe('2030-10-01'); // no 国庆 data for 2030
  });

  test('bad inputs', () => {
    expect(valueError(() => workdayCnFn(null as unknown as string, 2)).message).toContain('「开始日期」为空');
    expect(valueError(() => workdayCnFn('2023年9月31日', 2)).message).toContain('2023年9月31日');
    expect(valueError(() => workdayCnFn(S('2023-09-28'), 'abc' as unknown as number)).message).toContain('「天数」');
    expect(valueError(() => workdayCnFn(S('2023-09-28'), 100000)).message).toContain('超出范围');
    expect(valueError(() => workdayCnFn(S('2023-09-28'), null as unknown as number)).message).toContain('「天数」为空');
  });
});

describe('TZ.IS_WORKDAY_CN', () => {
  test('holidays, make-up weekend days and plain days', () => {
    expect(isWorkdayCnFn(S('2023-10-07'))).toBe(true); // Sat, 调休
    expect(isWorkdayCnFn(S('2023-10-08'))).toBe(true); // Sun, 调休
    expect(isWorkdayCnFn(S('2023-10-02'))).toBe(false); // Mon, 国庆
    expect(isWorkdayCnFn(S('2023-10-09'))).toBe(true);
    expect(isWorkdayCnFn(S('2023-10-14'))).toBe(false); // plain Saturday
    expect(isWorkdayCnFn('2024年5月11日')).toBe(true); // Sat, 劳动节调休
    expect(isWorkdayCnFn('2024年5月1日')).toBe(false);
  });

  test('a year without a schedule answers Monday to Friday', () => {
    expect(isWorkdayCnFn(S('2030-01-01'))).toBe(true); // Tue; 元旦 2030 unknown
    expect(isWorkdayCnFn(S('2030-01-05'))).toBe(false); // Sat
  });

  test('bad inputs', () => {
    expect(valueError(() => isWorkdayCnFn('')).message).toContain('「日期」为空');
    expect(valueError(() => isWorkdayCnFn('下周一')).message).toContain('下周一');
    expect(valueError(() => isWorkdayCnFn(1)).message).toContain('超出');
  });
});

describe('TZ.PUBLICITY_DUE', () => {
  test('7 working days for penalties and licences, not counting the decision day', () => {
    // Mon 2023-10-16: Tue 17 is day 1, … Wed 25 is day 7.
    expect(iso(publicityDueFn(S('2023-10-16')))).toBe('2023-10-25');
    expect(iso(publicityDueFn(S('2023-10-16'), '处罚'))).toBe('2023-10-25');
    expect(iso(publicityDueFn(S('2023-10-16'), '行政许可'))).toBe('2023-10-25');
    // Over 国庆 2023 with its two make-up days.
    expect(iso(publicityDueFn(S('2023-09-28'), '行政处罚'))).toBe('2023-10-13');
    // Decided on a Saturday: counting starts on Monday.
    expect(iso(publicityDueFn(S('2023-10-14')))).toBe('2023-10-24');
  });

  test('20 working days for other decisions', () => {
    expect(iso(publicityDueFn(S('2023-09-28'), '检查'))).toBe('2023-11-01');
    expect(iso(publicityDueFn(S('2023-09-28'), '行政强制'))).toBe('2023-11-01');
    expect(iso(publicityDueFn(S('2023-09-28'), '其他'))).toBe('2023-11-01');
  });

  test('bad inputs', () => {
    const kind = valueError(() => publicityDueFn(S('2023-09-28'), '罚单'));
    expect(kind.message).toContain('「类别」');
    expect(kind.message).toContain('罚单');
    expect(valueError(() => publicityDueFn('XX年XX月XX日')).message).toContain('「决定日期」');
    expect(valueError(() => publicityDueFn(null as unknown as string)).message).toContain('为空');
  });
});

describe('TZ.CHECK_ROW', () => {
  const headers = (kind: Kind): CellValue[][] => templateSheet(kind, '天宁镇综合行政执法队').headerRows.map((r) => r.map((v) => (v === '' ? null : v)));
  const rowOf = (kind: Kind, r: Row): CellValue[][] => [officialColumns(kind).map((c) => (c.key in r ? r[c.key] : null))];
  const check = (kind: Kind, r: Row) => checkRowFn(rowOf(kind, r) as unknown[][], headers(kind) as unknown[][]);

  test('clean rows of all three ledgers give ✓', () => {
    expect(check('penalty', GOOD.penalty)).toBe('✓');
    expect(check('inspection', GOOD.inspection)).toBe('✓');
    expect(check('coercion', GOOD.coercion)).toBe('✓');
  });

  test('issues are listed as 规则: 说明, joined by ；', () => {
    const out = check('penalty', { ...GOOD.penalty, officers: '王明', receiptNo: '' });
    const parts = out.split('；');
    expect(parts).toHaveLength(2);
    expect(parts[0]).toMatch(/^persons-min-two: 「执法人员」：“王明”只有一人/);
    expect(parts[1]).toMatch(/^receipt-missing: 「罚没票据号」.*请填写票据号，尚未缴纳的在备注中注明$/);
    expect(out).not.toMatch(/[A-Z]+\d+「/); // no cell address: the row stands alone
  });

  test('dates as Excel passes them (serials) and 未完成 marks under a two-row header', () => {
    const r = { ...GOOD.inspection, inspectedOn: S('2023-10-16'), recheckOn: S('2023-10-20'), rectifyDone: null, rectifyOpen: '√' };
    expect(check('inspection', r)).toMatch(/^rectify-open: /);
    expect(check('inspection', { ...r, rectifyDone: '√' })).toMatch(/^rectify-both-marked: /);
  });

  test('future dates are judged against the local today', () => {
    expect(check('penalty', { ...GOOD.penalty, closedOn: '2099年1月1日' })).toMatch(/^date-future: 「结案时间」/);
  });

  test('an Excel error value in the row is reported, not read as text', () => {
    const out = check('penalty', { ...GOOD.penalty, closedOn: new FakeCfError('#N/A') as unknown as CellValue });
    expect(out).toMatch(/^cell-error: 「结案时间」/);
  });

  test('a blank row gives empty text; so does the template row with only 0 hazards', () => {
    expect(check('penalty', {})).toBe('');
    expect(check('inspection', { hazardCount: 0 })).toBe('');
  });

  test('a title row above the header may be included', () => {
    const withTitle = [[templateSheet('penalty', '天宁镇综合行政执法队').title], ...headers('penalty')].map((r) => {
      const out = [...r];
      while (out.length < 11) out.push(null);
      return out;
    });
    expect(checkRowFn(rowOf('penalty', GOOD.penalty) as unknown[][], withTitle as unknown[][])).toBe('✓');
  });

  test('wrong ranges are #VALUE! with a hint', () => {
    const row = rowOf('penalty', GOOD.penalty);
    expect(valueError(() => checkRowFn([...row, ...row] as unknown[][], headers('penalty') as unknown[][])).message).toContain('选了2行');
    expect(valueError(() => checkRowFn([row[0].slice(0, 10)] as unknown[][], headers('penalty') as unknown[][])).message).toContain('有10列');
    expect(valueError(() => checkRowFn(row as unknown[][], [row[0].map(() => '甲')] as unknown[][])).message).toContain('不是行政处罚');
    // Only the second header row of the inspection ledger.
    const second = [headers('inspection')[1]];
    expect(valueError(() => checkRowFn(rowOf('inspection', GOOD.inspection) as unknown[][], second as unknown[][])).message).toContain('表头');
  });
});
