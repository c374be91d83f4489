/* Who sent a package: 报送单位 / 填报单位 or the title, never a section heading; names mentioned in subjects and file names. */
import { cleanTeam, mentionedTeam, subjectInfo, teamKey, unitLine } from '../../src/rollup/team';
import { nameMonths } from '../../src/rollup/sources';

test('section headings and numbering are no team', () => {
  for (const t of ['一、', '（二）', '1.', '附件1：', '附件', '表2', 'XX镇', '本单位', '行政处罚案件', '']) expect([t, cleanTeam(t)]).toEqual([t, null]);
  expect(cleanTeam('一、天宁镇综合行政执法队')).toBe('天宁镇综合行政执法队');
  expect(cleanTeam('附件1：西营镇')).toBe('西营镇');
});

test('报送单位 / 填报单位 in a paragraph or a table cell, with other text on the line', () => {
  expect(unitLine(['一、行政处罚案件台账', '报送单位：天宁镇综合行政执法队'])).toBe('天宁镇综合行政执法队');
  expect(unitLine(['填报单位：西营镇人民政府　　填报日期：2023年11月1日'])).toBe('西营镇人民政府');
  expect(unitLine(['报送单位（盖章）：XX综合行政执法队'])).toBeNull();
  expect(unitLine(['制表单位: 水峪贯镇综合执法队'])).toBe('水峪贯镇综合执法队');
});

test('subjects: team and months, replies and forwards stripped; a township named in a file name or sender', () => {
  expect(subjectInfo('Re: 回复：天宁镇综合行政执法队2023年10月行政执法案件台账报备')).toEqual({ team: '天宁镇综合行政执法队', months: ['2023-10'] });
  expect(subjectInfo('一、2023年10月台账')).toEqual({ team: null, months: ['2023-10'] });
  const known = ['天宁镇', '西营镇'].map((t) => ({ team: t, key: teamKey(t) }));
  expect(mentionedTeam(['', '西营镇10月台账.rar'], known)?.team).toBe('西营镇');
  expect(mentionedTeam(['天宁镇和西营镇'], known)).toBeNull();
});

test('months in file names: 2023年10月, or 10月 in the year that makes it the latest month not after the mail', () => {
  expect(nameMonths('天宁镇2023年10月台账.doc', null)).toEqual(['2023-10']);
  expect(nameMonths('天宁镇12月份台账.doc', new Date('2024-01-02T02:00:00Z'))).toEqual(['2023-12']);
  expect(nameMonths('天宁镇10月台账.doc', new Date('2023-11-01T02:00:00Z'))).toEqual(['2023-10']);
  expect(nameMonths('天宁镇10月台账.doc', null)).toEqual([]);
});
