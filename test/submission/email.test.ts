/* The e-mail draft, parsed with mailparser and checked with ../shared/tools/eml_check.py. */
import * as fc from 'fast-check';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ParsedMail, simpleParser } from 'mailparser';
import { MAILTO_SAFE_LENGTH, SubmissionOptionError, SubmissionPackage, prepareSubmission } from '../../src/submission';
import { buildEml, mailtoUrl } from '../../src/submission/email';
import { CONTACT, TEAM, TODAY, period, python, sampleCheck, workbook } from './helpers-package';
import { GOOD } from '../helpers/ledger';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
/** Header fields of a draft: nothing else may appear, whatever the cells and options hold. */
const HEADERS = ['content-type', 'date', 'message-id', 'mime-version', 'subject', 'to', 'x-unsent'];

async function pkgOf(opts: { p?: string; to?: string; team?: string; check?: Awaited<ReturnType<typeof sampleCheck>> } = {}): Promise<SubmissionPackage> {
  const r = await prepareSubmission(opts.check ?? workbook(), { period: period(opts.p ?? '2023-10'), team: opts.team ?? TEAM, contact: CONTACT, to: opts.to, today: TODAY, allowErrors: true });
  if (r.refused) throw new Error(r.message);
  return r;
}

function tmp(name: string, data: string | Uint8Array): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tz-eml-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, data);
  return file;
}

describe('e-mail draft for the sample, October 2023', () => {
  let pkg: SubmissionPackage;
  let mail: ParsedMail;
  beforeAll(async () => {
    pkg = await pkgOf({ check: await sampleCheck() });
    mail = await simpleParser(Buffer.from(pkg.eml, 'utf8'));
  });

  test('To the county mailbox, decoded subject, X-Unsent: 1, no From for the client to fill', () => {
    expect(mail.to).toMatchObject({ value: [{ address: 'jiaochengxzfy@163.com' }] });
    expect(mail.subject).toBe('天宁镇综合行政执法队2023年10月行政执法案件台账报备');
    expect(mail.headers.get('x-unsent')).toBe('1');
    expect(mail.from).toBeUndefined();
    expect([...mail.headers.keys()].sort()).toEqual(HEADERS);
  });

  test('the Word file is attached under its Chinese name, byte for byte', () => {
    expect(mail.attachments).toHaveLength(1);
    const a = mail.attachments[0];
    expect(a.filename).toBe('天宁镇综合行政执法队2023年10月行政执法案件台账.docx');
    expect(a.filename).toBe(pkg.docxName);
    expect(a.contentType).toBe(DOCX);
    expect(a.contentDisposition).toBe('attachment');
    expect(Buffer.compare(a.content, Buffer.from(pkg.docx))).toBe(0);
  });

  test('wire format: CRLF only, ASCII only, RFC 2047 subject, RFC 2231 file name, lines ≤ 78', () => {
    expect(pkg.eml).not.toMatch(/[^\r]\n/);
    expect(pkg.eml).toMatch(/^[\x00-\x7f]*$/);
    expect(pkg.eml).toMatch(/^Subject: =\?UTF-8\?B\?/m);
    expect(pkg.eml).toMatch(/filename\*0\*=utf-8''%E5%A4%A9/);
    expect(Math.max(...pkg.eml.split('\r\n').map((l) => l.length))).toBeLessThanOrEqual(78);
  });

  test('eml_check.py: every check passes and the attachment equals the .docx', () => {
    const eml = tmp(pkg.emlName, pkg.eml);
    const docx = tmp(pkg.docxName, pkg.docx);
    const r = python('eml_check.py', eml, docx);
    expect(r.stdout).not.toContain('FAIL');
    expect(r.stdout).toContain('OK   attachment bytes equal the file');
    expect(r.status).toBe(0);
  });

  test('body: addressed to the office, counts, pending rows with their sheet and row, contact, signature and date', () => {
    const text = mail.text!.replace(/\r\n/g, '\n');
    expect(text.trim()).toBe(pkg.body.trim());
    expect(text).toMatch(/^县司法局行政复议与应诉股：/);
    expect(text).toContain('行政处罚案件7件');
    expect(text).toContain('行政检查案件5件');
    expect(text).toContain('行政强制案件4件');
    expect(text).toMatch(/行政检查案件台账第6行：某超市，2023年10月20日检查.*待复检/);
    expect(text).toMatch(/行政检查案件台账第7行：某加油站/);
    expect(text).toMatch(/行政强制案件台账第4行：某仓库.*尚未结案/);
    expect(text).toContain('联系人：张三（综合执法队队员），电话：13812345678');
    expect(text).toContain(`附件“${pkg.docxName}”`);
    expect(text.trimEnd()).toMatch(/天宁镇综合行政执法队\n\s*2023年11月5日$/);
  });
});

describe('periods, recipients and links', () => {
  test('a period with no penalty cases says so plainly', async () => {
    const pkg = await pkgOf({ check: workbook({ penalty: [] }) });
    expect(pkg.body).toContain('本期无行政处罚案件');
    expect(pkg.body).not.toMatch(/行政处罚案件0件/);
    expect(pkg.notices.join('')).toContain('第一张罚单');
  });

  test('range and year-crossing subjects', async () => {
    expect((await pkgOf({ p: '2023-08..2023-09' })).subject).toBe(`${TEAM}2023年8月至9月行政执法案件台账报备`);
    const cross = await pkgOf({ p: '2023-12..2024-01' });
    expect(cross.subject).toBe(`${TEAM}2023年12月至2024年1月行政执法案件台账报备`);
    expect(cross.docxName).toBe(`${TEAM}2023年12月至2024年1月行政执法案件台账.docx`);
  });

  test('several recipients', async () => {
    const pkg = await pkgOf({ to: 'a.b@example.com；jiaochengxzfy@163.com, c@example.org' });
    const mail = await simpleParser(pkg.eml);
    expect((mail.to as { value: { address: string }[] }).value.map((v) => v.address)).toEqual(['a.b@example.com', 'jiaochengxzfy@163.com', 'c@example.org']);
  });

  test('mailto: link carries To, subject and body (CRLF) but says the attachment must be added by hand', async () => {
    const pkg = await pkgOf({ check: workbook({ penalty: [], inspection: [], coercion: [] }) });
    expect(pkg.mailtoWithBody).toBe(true);
    const url = new URL(pkg.mailto!);
    expect(url.protocol).toBe('mailto:');
    expect(decodeURIComponent(url.pathname)).toBe('jiaochengxzfy@163.com');
    expect(url.searchParams.get('subject')).toBe(pkg.subject);
    expect(url.searchParams.get('body')).toBe(pkg.body.replace(/\n/g, '\r\n'));
    expect(pkg.mailto).not.toMatch(/[\s"<>]/);
    expect(pkg.mailtoNote).toContain(pkg.docxName);
    expect(pkg.mailtoNote).toMatch(/不能.*附件/);
  });
});

test('broken text from a cell (a lone surrogate) still gives a valid body and link', async () => {
  const coercion = [{ ...GOOD.coercion, party: '某仓库\ud800', closedOn: '', result: '' }];
  const pkg = await pkgOf({ check: workbook({ coercion }) });
  expect(pkg.body).toContain('某仓库\ufffd');
  expect(new URL(mailtoUrl(pkg.to, pkg.subject, pkg.body)).searchParams.get('body')).toContain('某仓库\ufffd');
  expect((await simpleParser(pkg.eml)).text).toContain('某仓库\ufffd');
});

test('a link with the body longer than 2,000 characters (what Windows hands to the mail program) carries To and subject only', async () => {
  const pkg = await pkgOf();
  expect(pkg.body.length).toBeGreaterThan(300);
  expect(pkg.mailtoWithBody).toBe(false);
  expect(pkg.mailto!.length).toBeLessThanOrEqual(MAILTO_SAFE_LENGTH);
  const url = new URL(pkg.mailto!);
  expect(url.searchParams.get('subject')).toBe(pkg.subject);
  expect(url.searchParams.has('body')).toBe(false);
  const many = await pkgOf({ to: Array.from({ length: 100 }, (_, i) => `township${i}@example.gov.cn`).join(',') });
  expect(many.mailto).toBeNull();
});

describe('header injection', () => {
  const base = { period: period('2023-10'), contact: CONTACT, today: TODAY, allowErrors: true };

  test.each([
    ['team with CR/LF', { team: `${TEAM}\r\nBcc: evil@example.com` }],
    ['recipient with CR/LF', { team: TEAM, to: 'jiaochengxzfy@163.com\r\nBcc: evil@example.com' }],
    ['recipient with a display part', { team: TEAM, to: '"x" <evil@example.com>' }],
    ['recipient without a domain', { team: TEAM, to: 'evil' }],
    ['contact with a line break', { team: TEAM, contact: { ...CONTACT, name: '张三\nBcc: x' } }],
  ])('%s is refused with a Chinese message', async (_, o) => {
    const err = await prepareSubmission(workbook(), { ...base, ...o }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SubmissionOptionError);
    expect((err as Error).message).toMatch(/[\u4e00-\u9fff]/);
    expect((err as Error).message).not.toMatch(/\n/);
  });

  test('the MIME layer folds CR/LF in a subject into the encoded word: no new header', async () => {
    const eml = buildEml({
      to: ['jiaochengxzfy@163.com'],
      subject: '报备\r\nBcc: evil@example.com\r\nX-Evil: 1',
      body: '正文',
      attachment: { name: 'a"b\r\nX-Evil: 2.docx', bytes: new Uint8Array([1, 2, 3]) },
      date: new Date(Date.UTC(2023, 10, 5)),
    });
    const mail = await simpleParser(eml);
    expect([...mail.headers.keys()].sort()).toEqual(HEADERS);
    expect(mail.bcc).toBeUndefined();
    expect(mail.subject).toBe('报备 Bcc: evil@example.com X-Evil: 1');
    expect(mail.attachments[0].filename).toBe('abX-Evil: 2.docx');
    expect([...mail.attachments[0].headers.keys()].sort()).toEqual(['content-disposition', 'content-transfer-encoding', 'content-type']);
  });

  test('any text in the cells reaches no header; any valid team name only the subject and file name', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 30 }), fc.string({ unit: 'binary', minLength: 2, maxLength: 30 }), async (cellText, team) => {
        const check = workbook({ penalty: [{ ...GOOD.penalty, party: cellText || '某公司', facts: `事实${cellText}` }], inspection: [], coercion: [{ ...GOOD.coercion, party: `仓库${cellText}`, closedOn: '', result: '' }] });
        const r = await prepareSubmission(check, { ...base, team }).catch((e: unknown) => e);
        if (r instanceof SubmissionOptionError) return;
        if (r instanceof Error || !r || (r as { refused: boolean }).refused) throw r;
        const pkg = r as SubmissionPackage;
        const mail = await simpleParser(pkg.eml);
        expect([...mail.headers.keys()].sort()).toEqual(HEADERS);
        expect(mail.subject).toBe(pkg.subject);
        expect(mail.attachments).toHaveLength(1);
        expect(mail.attachments[0].filename).toBe(pkg.docxName);
        expect(pkg.docxName).not.toMatch(/[\\/:*?"<>|\u0000-\u001f]/);
        expect(pkg.eml).toMatch(/^[\x00-\x7f]*$/);
      }),
      { numRuns: 40 },
    );
  });
});
