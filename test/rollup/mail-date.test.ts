/* Mail dates: RFC 5322 and its obsolete forms, what Chinese systems write, the Received fallback, and never a guessed year. */
import fc from 'fast-check';
import { MailHeaders } from '../../src/input/containers/types';
import { parseMailDate, receivedTime } from '../../src/input/containers/mail-date';
import { mailTime } from '../../src/rollup/time';

const iso = (raw: string) => parseMailDate(raw)?.at.toISOString() ?? null;

test('RFC 5322 dates and the obsolete forms of §4.3', () => {
  expect(iso('Tue, 31 Oct 2023 09:12:00 +0800')).toBe('2023-10-31T01:12:00.000Z');
  // No weekday, no seconds, folding and comments.
  expect(iso('31 Oct 2023 09:12 +0800')).toBe('2023-10-31T01:12:00.000Z');
  expect(iso(' Tue,\r\n 31 Oct 2023\r\n 09:12:00 +0800 (CST)')).toBe('2023-10-31T01:12:00.000Z');
  expect(iso('Tue, 31 Oct 2023 09:12:00 +0800 (China (Standard) Time)')).toBe('2023-10-31T01:12:00.000Z');
  // Two- and three-digit years.
  expect(iso('Tue, 31 Oct 23 09:12:00 +0800')).toBe('2023-10-31T01:12:00.000Z');
  expect(iso('Sun, 31 Oct 99 09:12:00 +0000')).toBe('1999-10-31T09:12:00.000Z');
  expect(iso('Tue, 31 Oct 123 09:12:00 +0000')).toBe('2023-10-31T09:12:00.000Z');
  // Named zones; GMT and UT are UTC; EST is −5.
  expect(iso('Tue, 31 Oct 2023 01:12:00 GMT')).toBe('2023-10-31T01:12:00.000Z');
  expect(iso('Tue, 31 Oct 2023 01:12:00 UT')).toBe('2023-10-31T01:12:00.000Z');
  expect(iso('Mon, 30 Oct 2023 20:12:00 EST')).toBe('2023-10-31T01:12:00.000Z');
});

test('what Chinese mail systems write: CST is China Standard Time (said so), Java Date.toString, ISO-like, no zone = Beijing time', () => {
  const cst = parseMailDate('Tue, 31 Oct 2023 09:12:00 CST')!;
  expect(cst.at.toISOString()).toBe('2023-10-31T01:12:00.000Z');
  expect(cst.zoneNote).toMatch(/CST.*中国标准时间/);
  expect(iso('Tue Oct 31 09:12:00 CST 2023')).toBe('2023-10-31T01:12:00.000Z');
  expect(iso('2023-10-31 09:12:00')).toBe('2023-10-31T01:12:00.000Z');
  expect(iso('2023/10/31 09:12 +08:00')).toBe('2023-10-31T01:12:00.000Z');
  expect(parseMailDate('Tue, 31 Oct 2023 09:12:00')!.zoneNote).toMatch(/没有写时区/);
});

test('unreadable dates are null, never a guessed year: 明天上午, impossible days, garbage', () => {
  for (const raw of ['明天上午', '上午10点', 'Tue, 31 Feb 2023 09:12:00 +0800', '31 Oct 2023 25:00 +0800', 'yesterday', '2023', '', '10/31', 'Tue, 31 Oct 2023 09:12:00 +9999']) {
    expect([raw, parseMailDate(raw)]).toEqual([raw, null]);
  }
  // V8's own parser makes a year out of anything; ours does not.
  expect(new Date('明天上午 800').getFullYear()).toBe(800);
  expect(parseMailDate('明天上午 800')).toBeNull();
});

test('a Received line ends with its time', () => {
  expect(receivedTime('from mx.example.com (unknown [1.2.3.4])\r\n\tby mx.163.com (Coremail) with SMTP id abc;\r\n\tTue, 31 Oct 2023 09:12:05 +0800 (CST)')!.at.toISOString()).toBe('2023-10-31T01:12:05.000Z');
  expect(receivedTime('from a by b')).toBeNull();
});

test('parsing never throws, on any text', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 400 }), (s) => {
      const d = parseMailDate(s);
      expect(d === null || !Number.isNaN(d.at.getTime())).toBe(true);
    }),
    { numRuns: 2000 },
  );
});

const headers = (o: Partial<MailHeaders>): MailHeaders => ({ kind: 'eml', subject: '', from: '', dateHeader: null, date: null, received: null, submitted: null, ...o });

test('the time that counts: Date; else the topmost Received, said so; implausible dates are not used; else 时间不明', () => {
  const today = '2023-11-06';
  const at = (s: string) => parseMailDate(s);
  expect(mailTime(headers({ dateHeader: 'x', date: at('Tue, 31 Oct 2023 09:12:00 +0800') }), today)).toMatchObject({ how: 'date', note: null });
  const noDate = mailTime(headers({ received: at('Wed, 1 Nov 2023 08:00:00 +0800') }), today);
  expect(noDate).toMatchObject({ how: 'received', note: '邮件没有 Date（发送时间），按最上面一条 Received（邮件服务器收到）的时间计算' });
  expect(noDate.at!.toISOString()).toBe('2023-11-01T00:00:00.000Z');
  const tomorrow = mailTime(headers({ dateHeader: '明天上午' }), today);
  expect(tomorrow).toEqual({ at: null, how: null, note: '邮件的 Date“明天上午”无法识别，也没有可用的 Received 记录，收到时间不明' });
  const y1900 = mailTime(headers({ dateHeader: 'Mon, 1 Jan 1900 00:00:00 +0800', date: at('Mon, 1 Jan 1900 00:00:00 +0800') }), today);
  expect(y1900.at).toBeNull();
  expect(y1900.note).toMatch(/^邮件的 Date“Mon, 1 Jan 1900 00:00:00 \+0800”早于 2015 年或晚于今天，不可信/);
  const future = mailTime(headers({ dateHeader: 'x', date: at('Fri, 1 Nov 2024 08:00:00 +0800'), received: at('Wed, 1 Nov 2023 08:00:00 +0800') }), today);
  expect(future.how).toBe('received');
});
