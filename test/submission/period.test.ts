/* Periods, due dates and file names of the submission package. */
import * as fc from 'fast-check';
import { cleanFileName, docxFileName, dueOf, emlFileName, periodLabel } from '../../src/submission';
import { recipientsSchema, teamSchema } from '../../src/submission/options';
import { period } from './helpers-package';

describe('period labels and due dates', () => {
  test.each([
    ['2023-10', '2023年10月'],
    ['2023-08..2023-09', '2023年8月至9月'],
    ['2023-12..2024-01', '2023年12月至2024年1月'],
    ['2023-01..2023-12', '2023年1月至12月'],
  ])('%s → %s', (p, label) => {
    expect(periodLabel(period(p))).toBe(label);
  });

  test('due on the 1st of the month after the period; late from the 2nd', () => {
    expect(dueOf(period('2023-10'), '2023-11-01')).toEqual({ date: '2023-11-01', overdue: false, daysLate: 0, unfinished: false });
    expect(dueOf(period('2023-10'), '2023-11-05')).toEqual({ date: '2023-11-01', overdue: true, daysLate: 4, unfinished: false });
    expect(dueOf(period('2023-12'), '2024-01-02')).toMatchObject({ date: '2024-01-01', overdue: true, daysLate: 1 });
    expect(dueOf(period('2023-08..2023-09'), '2023-09-30')).toMatchObject({ date: '2023-10-01', overdue: false, unfinished: true });
  });
});

describe('file names', () => {
  test('spec §4 names, a range, a year boundary', () => {
    expect(docxFileName('天宁镇综合行政执法队', period('2023-10'))).toBe('天宁镇综合行政执法队2023年10月行政执法案件台账.docx');
    expect(docxFileName('天宁镇综合行政执法队', period('2023-08..2023-09'))).toBe('天宁镇综合行政执法队2023年8月至9月行政执法案件台账.docx');
    expect(emlFileName('天宁镇综合行政执法队', period('2023-12..2024-01'))).toBe('天宁镇综合行政执法队2023年12月至2024年1月行政执法案件台账报备.eml');
  });

  test('characters Windows forbids, controls, leading dots and path parts are removed', () => {
    expect(docxFileName('../天宁镇\\综合:行政*执法?队"<>|\r\n', period('2023-10'))).toBe('天宁镇综合行政执法队2023年10月行政执法案件台账.docx');
    expect(cleanFileName('  ..  ', 'docx')).toBe('行政执法案件台账.docx');
  });

  test('any name gives a safe, bounded file name with the extension', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => {
        const name = cleanFileName(s, 'docx');
        expect(name).toMatch(/\.docx$/);
        expect(name).not.toMatch(/[\\/:*?"<>|\u0000-\u001f]/);
        expect(name).not.toMatch(/^[.\s]/);
        expect(name.length).toBeLessThanOrEqual(125);
        expect(name).not.toMatch(/[\ud800-\udbff]\.docx$/);
      }),
    );
  });
});

describe('option schemas', () => {
  test('team: trimmed; placeholders, line breaks and empty names refused', () => {
    expect(teamSchema.parse('  天宁镇　综合行政执法队 ')).toBe('天宁镇 综合行政执法队');
    for (const bad of ['XX综合行政执法队', '天宁镇\n综合行政执法队', '天宁镇\ud800执法队', ' ', '队']) expect(teamSchema.safeParse(bad).success).toBe(false);
  });

  test('recipients: lists split on , ; ， ； and spaces, duplicates dropped, anything else refused', () => {
    expect(recipientsSchema.parse('a@x.cn, b@y.com；a@x.cn')).toEqual(['a@x.cn', 'b@y.com']);
    for (const bad of ['a@b', 'a b@c.com x', '<a@b.com>', 'a@b.com\r\nBcc: c@d.com', '']) expect(recipientsSchema.safeParse(bad).success).toBe(false);
  });
});
