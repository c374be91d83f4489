/* Bidi controls in cells and in the team name reach neither the Word file nor the e-mail (they already stay out of file names). */
import { simpleParser } from 'mailparser';
import JSZip from 'jszip';
import { prepareSubmission } from '../../src/submission';
import { checkWorkbook } from '../../src/validation/workbook';
import { GOOD, ledgerGrid } from '../helpers/ledger';
import { CONTACT, TODAY, period } from './helpers-package';

const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

test('U+202E and friends are dropped from the Word text, the subject and the body', async () => {
  const row = { ...GOOD.penalty, party: '李\u202e某某\u202c公司', facts: '占道\u2067经营\u2069' };
  const check = checkWorkbook([ledgerGrid('penalty', [row], '行政处罚案件台账')], { today: TODAY });
  const r = await prepareSubmission(check, { period: period('2023-10'), team: '天宁镇\u202e综合行政执法队', contact: CONTACT, today: TODAY });
  if (r.refused) throw new Error(r.message);
  expect(r.team).toBe('天宁镇综合行政执法队');
  expect(r.subject).toBe('天宁镇综合行政执法队2023年10月行政执法案件台账报备');
  expect(r.body).not.toMatch(BIDI);
  const xml = await (await JSZip.loadAsync(r.docx)).file('word/document.xml')!.async('string');
  expect(xml).toContain('李某某公司');
  expect(xml).toContain('占道经营');
  expect(xml).not.toMatch(BIDI);
  const mail = await simpleParser(r.eml);
  expect(mail.subject).toBe(r.subject);
  expect(mail.text).not.toMatch(BIDI);
});
