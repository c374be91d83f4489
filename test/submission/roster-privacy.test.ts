/*
 * Privacy of the 执法人员名单 (issue 21): the officers' 执法证号 are personal data. A workbook with
 * a roster gives a Word package and an e-mail draft that carry the cases and the findings, never
 * a certificate number — not in any part of the .docx (its embedded data included), not in the
 * e-mail's headers, body or attachment, not in the mailto link.
 */
import JSZip from 'jszip';
import { simpleParser } from 'mailparser';
import { periodSchema } from '../../src/ledger/options';
import { prepareSubmission } from '../../src/submission';
import { checkWorkbook } from '../../src/validation/workbook';
import { GOOD, ledgerGrid } from '../helpers/ledger';
import { TEAM, rosterGrid } from '../helpers/roster';

const CERT = /1401000\d|ZF-88-\d+/;

test('the Word file and the e-mail draft carry no 执法证号 from the roster (nor its issuer or remarks)', async () => {
  const roster = rosterGrid([
    ...TEAM.map((o) => ({ ...o, certNo: `ZF-88-${String(o.certNo).slice(-4)}`, issuer: '交城县人民政府法制办', remarks: '身份证142301199001011234' })),
    { name: '周八', certNo: '', remarks: '协管员' },
  ]);
  // 李强's certificate (in the roster) ran out before the penalty closed: an error the package is built with.
  roster.rows[3][3] = '2023年10月1日';
  // The pattern does find the roster's numbers where they are.
  expect(JSON.stringify(roster.rows)).toMatch(CERT);
  const grids = [ledgerGrid('penalty', [{ ...GOOD.penalty, officers: '王明、李强、周八' }], '处罚'), ledgerGrid('inspection', [GOOD.inspection], '检查'), roster];
  const check = checkWorkbook(grids, { today: '2023-11-05' });
  expect(check.ledgers[0].records[0].issues.map((i) => i.rule)).toContain('roster-cert-expired');
  const pkg = await prepareSubmission(check, { period: periodSchema.parse('2023-10'), team: '天宁镇综合行政执法队', contact: { name: '张三', title: '综合执法队队员', phone: '13812345678' }, today: '2023-11-05', now: new Date('2023-11-05T09:00:00+08:00'), allowErrors: true });
  if (pkg.refused) throw new Error(pkg.message);
  const zip = await JSZip.loadAsync(pkg.docx);
  const parts = await Promise.all(Object.values(zip.files).filter((f) => !f.dir).map(async (f) => [f.name, await f.async('string')] as const));
  expect(parts.map(([n]) => n)).toContain('customXml/item1.xml');
  for (const [name, text] of parts) {
    expect([name, CERT.test(text), text.includes('法制办'), text.includes('142301199001011234')]).toEqual([name, false, false, false]);
  }
  // The officers' names are the ledger's own cell, as written.
  expect(parts.find(([n]) => n === 'word/document.xml')![1]).toContain('王明、李强、周八');
  const mail = await simpleParser(Buffer.from(pkg.eml, 'utf8'));
  const texts = [pkg.eml, mail.text ?? '', mail.subject ?? '', pkg.body, pkg.subject, pkg.mailto ?? ''];
  for (const t of texts) expect(t).not.toMatch(CERT);
  expect(mail.attachments).toHaveLength(1);
  expect(Buffer.from(mail.attachments[0].content).equals(Buffer.from(pkg.docx))).toBe(true);
});
