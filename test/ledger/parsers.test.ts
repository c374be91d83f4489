import { execFileSync } from 'child_process';
import * as path from 'path';
import { parseCount } from '../../src/ledger/count';
import { formatChineseDate, parseDate, serialFromIso } from '../../src/ledger/dates';
import { parseMark } from '../../src/ledger/marks';
import { findAmounts, parseMoney } from '../../src/ledger/money';
import { parsePersons } from '../../src/ledger/persons';
import { parseChineseNumber } from '../../src/ledger/text';
import { addWorkdays, hasSchedule, isWorkday } from '../../src/ledger/workdays';

describe('dates (spec §2.1)', () => {
  const ok: [unknown, string][] = [
    ['2023年8月11日', '2023-08-11'],
    ['2023年08月11日', '2023-08-11'],
    ['2023年8月11号', '2023-08-11'],
    ['2023年8月11', '2023-08-11'],
    ['2023-8-11', '2023-08-11'],
    ['2023/8/11', '2023-08-11'],
    ['2023.8.11', '2023-08-11'],
    ['20230811', '2023-08-11'],
    ['２０２３年８月１１日', '2023-08-11'],
    ['二〇二三年八月十一日', '2023-08-11'],
    ['二零二三年八月十一日', '2023-08-11'],
    ['二〇二三年十月三十一日', '2023-10-31'],
    ['2023年8月11日 上午', '2023-08-11'],
    ['2023年8月11日下午3时30分', '2023-08-11'],
    ['2023-08-11 09:30', '2023-08-11'],
    ['2023-08-11T00:00:00', '2023-08-11'],
    [' 2023 年 8 月 11 日 ', '2023-08-11'],
    [45149, '2023-08-11'],
    [45149.75, '2023-08-11'],
    [20230811, '2023-08-11'],
    [new Date(Date.UTC(2023, 7, 11)), '2023-08-11'],
    ['2024年2月29日', '2024-02-29'],
    ['2023年8月11日（星期五）', '2023-08-11'],
    ['2023年8月11日。', '2023-08-11'],
  ];
  test.each(ok)('%p → %s', (v, iso) => {
    const r = parseDate(v as never);
    expect(r).toEqual({ ok: true, date: iso, twoDigitYear: false });
  });

  test('1904 date system', () => {
    expect(parseDate(45149 - 1462, true)).toEqual({ ok: true, date: '2023-08-11', twoDigitYear: false });
    expect(serialFromIso('2023-08-11')).toBe(45149);
    expect(serialFromIso('2023-08-11', true)).toBe(45149 - 1462);
  });

  test('two-digit years parse as 20yy and are flagged', () => {
    expect(parseDate('23.8.11')).toEqual({ ok: true, date: '2023-08-11', twoDigitYear: true });
    expect(parseDate('23年8月11日')).toEqual({ ok: true, date: '2023-08-11', twoDigitYear: true });
  });

  const bad: [unknown, RegExp][] = [
    ['2023年2月30日', /不存在.*2月只有28天/],
    ['2023年2月29日', /不存在/],
    ['XX年XX月XX月', /占位符/],
    ['x年x月x日', /占位符/],
    ['2023年8月', /只写到月份/],
    ['2023-08', /只写到月份/],
    ['8月11日', /缺少年份/],
    ['8月11日-12日', /日期范围/],
    ['2023年8月11日-12日', /日期范围/],
    ['2023年8月11日至2023年8月12日', /日期范围/],
    ['2023年13月1日', /没有13月/],
    ['明天', /无法识别/],
    [1000, /超出2000年至2099年/],
    [80000, /超出2000年至2099年/],
    [Number.NaN, /不是有效/],
    [Number.POSITIVE_INFINITY, /不是有效/],
    [true, /不是日期/],
    [{ error: '#N/A' }, /错误值#N\/A/],
    [null, /为空/],
    ['', /为空/],
    [new Date(Number.NaN), /不是有效日期/],
  ];
  test.each(bad)('%p is rejected: %s', (v, reason) => {
    const r = parseDate(v as never);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });

  test('the official print form', () => {
    expect(formatChineseDate('2023-10-09')).toBe('2023年10月9日');
  });
});

describe('persons (spec §2.2)', () => {
  test.each([
    ['王明、李强', ['王明', '李强']],
    ['王明，李强,赵刚；孙丽;周洋', ['王明', '李强', '赵刚', '孙丽', '周洋']],
    ['张三 李四', ['张三', '李四']],
    ['张三　李四', ['张三', '李四']],
    ['张三/李四', ['张三', '李四']],
    ['张三和李四', ['张三', '李四']],
    ['张三及李四', ['张三', '李四']],
    ['王和平、李四', ['王和平', '李四']],
    ['阿依古丽·买买提、王明', ['阿依古丽·买买提', '王明']],
    ['王明（14010001）李强（14010002）', ['王明', '李强']],
    ['王明(组长)、李强', ['王明', '李强']],
  ])('%s', (text, names) => {
    const p = parsePersons(text);
    expect(p.names).toEqual(names);
    expect(p.count).toBe(names.length);
    expect(p.runTogether).toEqual([]);
  });
  test('names run together', () => {
    expect(parsePersons('张三李四').runTogether).toEqual([]); // four characters can be one name
    expect(parsePersons('王小明李小红').runTogether).toEqual(['王小明李小红']);
    expect(parsePersons('王小明李小红').count).toBeGreaterThanOrEqual(2);
  });
});

describe('money (spec §2.3)', () => {
  test.each([
    ['罚款5000元', 5000],
    ['罚款5,000元', 5000],
    ['罚款0.5万元', 5000],
    ['罚款伍仟元', 5000],
    ['罚款五千元', 5000],
    ['罚款壹万元', 10000],
    ['罚款一万二千元', 12000],
    ['罚款１０００元', 1000],
    ['罚款人民币叁佰元整', 300],
    ['罚款5千元', 5000],
    ['罚款3百元', 300],
  ])('%s → %d', (text, yuan) => {
    expect(parseMoney(text)).toBe(yuan);
  });
  test('every amount is found; none in text without one', () => {
    expect(findAmounts('没收违法所得300元，并处罚款5000元').map((a) => a.yuan)).toEqual([300, 5000]);
    expect(findAmounts('罚款XX元')).toEqual([]);
    expect(parseMoney('警告')).toBeNull();
  });
});

describe('marks (spec §2.4)', () => {
  test('√ is the mark; others are accepted as non-standard', () => {
    expect(parseMark('√')).toEqual({ marked: true, nonStandard: false, unknown: false });
    for (const m of ['✓', '✔', '是', 'Y', 'y', '1', '○', '●', '完成', 1, true]) {
      expect(parseMark(m)).toEqual({ marked: true, nonStandard: true, unknown: false });
    }
    for (const m of ['', null, '×', '否', 0, ' ']) expect(parseMark(m).marked).toBe(false);
  });
});

describe('hazard counts', () => {
  test.each([
    [0, 0, false],
    [3, 3, false],
    ['2', 2, false],
    ['1处', 1, true],
    ['一', 1, true],
    ['两处', 2, true],
    ['十二项', 12, true],
    ['无', 0, true],
  ])('%p', (v, value, normalized) => {
    expect(parseCount(v)).toEqual({ ok: true, value, normalized });
  });
  test.each([[1.5], [-1], ['若干'], ['1-2处'], [true]])('%p is invalid', (v) => {
    expect(parseCount(v as never).ok).toBe(false);
  });
});

test('Chinese numerals', () => {
  expect(parseChineseNumber('二〇二三')).toBe(2023);
  expect(parseChineseNumber('十')).toBe(10);
  expect(parseChineseNumber('十一')).toBe(11);
  expect(parseChineseNumber('三十一')).toBe(31);
  expect(parseChineseNumber('一百二十四')).toBe(124);
  expect(parseChineseNumber('一百零五')).toBe(105);
  expect(parseChineseNumber('壹万贰仟')).toBe(12000);
  expect(parseChineseNumber('abc')).toBeNull();
});

describe('Chinese working days (chinese-days data)', () => {
  test('调休: 2023-10-07 (Saturday) is a working day, 2023-10-02 (Monday) is not', () => {
    expect(isWorkday('2023-10-07')).toBe(true);
    expect(isWorkday('2023-10-08')).toBe(true);
    expect(isWorkday('2023-10-02')).toBe(false);
    expect(isWorkday('2023-10-14')).toBe(false);
  });
  test('2023-09-28 + 2 working days = 2023-10-08', () => {
    expect(addWorkdays('2023-09-28', 2)).toEqual({ date: '2023-10-08', unknownYears: [] });
  });
  test('a year without a schedule is counted Mon–Fri and reported', () => {
    expect(hasSchedule(2023)).toBe(true);
    expect(hasSchedule(2040)).toBe(false);
    expect(addWorkdays('2040-01-06', 1)).toEqual({ date: '2040-01-09', unknownYears: [2040] });
  });
  test.each(['America/New_York', 'Asia/Shanghai', 'Pacific/Kiritimati'])('the same answers in time zone %s', (tz) => {
    const script = `require('ts-node/register/transpile-only');
      const w = require(${JSON.stringify(path.join(__dirname, '../../src/ledger/workdays.ts'))});
      process.stdout.write(JSON.stringify([w.addWorkdays('2023-09-28', 2).date, w.isWorkday('2023-10-07'), w.isWorkday('2023-10-06')]));`;
    const out = execFileSync(process.execPath, ['-e', script], { env: { ...process.env, TZ: tz }, encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual(['2023-10-08', true, false]);
  });
});
