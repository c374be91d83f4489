/*
 * The county's inbox as it really is, and the 通报 that states only what the roll-up knows: a
 * forward, a reply without attachment, a ledger that cannot be opened, a mail with no Date (only
 * Received lines), an unreadable Date, a Date in 1900, a hand-typed Word file whose township is
 * only in 报送单位 — and, for every status, what the draft says about the township, in words.
 * The messages are written from RFC 5322 (formats.ts); real mail programs: real-clients.test.ts.
 */
import { Rollup, noticeModel, rollUp, rollupJson, summaryWorkbook } from '../../src/rollup';
import { GOOD } from '../helpers/ledger';
import { handMadeDocx, townshipPackage } from '../../scripts/rollup-samples';
import { mailHeaders, rar5, rfc822 } from './formats';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const ONE = { penalty: [{ ...GOOD.penalty, closedOn: '2023年10月20日' }], inspection: [], coercion: [] };
const LIST = ['天宁镇', '西营镇', '水峪贯镇', '会立乡', '东坡底乡', '岭底乡', '庞泉沟镇', '西社镇', '夏家营镇', '洪相乡'];

async function word(team: string, sent: string): Promise<Uint8Array> {
  return (await townshipPackage({ team: `${team}综合行政执法队`, ledgers: ONE, period: '2023-10', sent: new Date(sent), today: sent.slice(0, 10) })).docx;
}

function report(team: string, date: string | null, docx: Uint8Array, extra: string[] = []): Uint8Array {
  return rfc822(mailHeaders(`${team}综合行政执法队2023年10月行政执法案件台账报备`, date, extra), [{ name: `${team}2023年10月台账.docx`, type: DOCX_TYPE, bytes: docx }]);
}

let r: Rollup;
let text: string;

beforeAll(async () => {
  const files: { name: string; bytes: Uint8Array }[] = [];
  files.push({ name: '天宁镇.eml', bytes: report('天宁镇', 'Tue, 31 Oct 2023 09:12:00 +0800', await word('天宁镇', '2023-10-31T09:12:00+08:00')) });
  files.push({ name: '西营镇.eml', bytes: report('西营镇', 'Fri, 3 Nov 2023 16:05:00 +0800', await word('西营镇', '2023-11-03T16:05:00+08:00')) });
  files.push({ name: '水峪贯镇10月台账.docx', bytes: await word('水峪贯镇', '2023-10-30T10:00:00+08:00') });
  // 会立乡 sent nothing but a reply to the bureau's reminder, without attachment.
  files.push({ name: 'Re 会立乡.eml', bytes: rfc822(mailHeaders('Re: 会立乡综合行政执法队2023年10月行政执法案件台账报备', 'Thu, 2 Nov 2023 08:30:00 +0800'), [], '收到，马上补报。') });
  // 东坡底乡's on-time mail, forwarded by a colleague two days late (a message/rfc822 part).
  const original = report('东坡底乡', 'Tue, 31 Oct 2023 17:00:00 +0800', await word('东坡底乡', '2023-10-31T17:00:00+08:00'));
  files.push({ name: '转发 东坡底乡.eml', bytes: rfc822(mailHeaders('Fw: 东坡底乡10月台账', 'Fri, 3 Nov 2023 09:00:00 +0800'), [{ name: '东坡底乡台账.eml', type: 'message/rfc822', bytes: original }], '转给你。') });
  // 岭底乡: on time, but its ledger is in a damaged .rar.
  const rar = rar5([{ name: '岭底乡台账.docx', bytes: await word('岭底乡', '2023-10-31T10:00:00+08:00') }]);
  files.push({ name: '岭底乡.eml', bytes: rfc822(mailHeaders('岭底乡综合行政执法队2023年10月行政执法案件台账报备', 'Tue, 31 Oct 2023 10:00:00 +0800'), [{ name: '岭底乡10月台账.rar', type: 'application/x-rar-compressed', bytes: rar.subarray(0, rar.length - 3000) }]) });
  // 庞泉沟镇: no Date header, only Received lines (the topmost is the county's server).
  files.push({
    name: '庞泉沟镇.eml',
    bytes: report('庞泉沟镇', null, await word('庞泉沟镇', '2023-11-01T20:00:00+08:00'), [
      'Received: from mx.example.com by mx.163.com (Coremail) with SMTP id x1;\r\n Wed, 1 Nov 2023 20:00:07 +0800 (CST)',
      'Received: from [10.0.0.2] by mx.example.com; Wed, 1 Nov 2023 20:00:02 +0800',
    ]),
  });
  // 西社镇: a Date nobody can read, and no Received line.
  files.push({ name: '西社镇.eml', bytes: report('西社镇', '明天上午', await word('西社镇', '2023-10-31T08:00:00+08:00')) });
  // 夏家营镇: a Date in 1900 (a PC's clock), with a Received line.
  files.push({ name: '夏家营镇.eml', bytes: report('夏家营镇', 'Mon, 1 Jan 1900 08:00:00 +0800', await word('夏家营镇', '2023-10-31T08:00:00+08:00'), ['Received: by mx.163.com; Tue, 31 Oct 2023 11:00:00 +0800']) });
  // 洪相乡: typed by hand, titles are section headings, the township only in 报送单位.
  const hand = await handMadeDocx('', '', [{ kind: 'penalty', rows: [{ ...(GOOD.penalty as Record<string, string>), closedOn: '2023年10月18日' }] }], { title: (n) => `一、${n}案件台账`, unit: '报送单位：洪相乡综合行政执法队' });
  files.push({ name: '洪相乡.eml', bytes: rfc822(mailHeaders('10月份台账', 'Tue, 31 Oct 2023 15:00:00 +0800'), [{ name: '台账.docx', type: DOCX_TYPE, bytes: hand }]) });
  r = await rollUp(files, { period: '2023-10', today: '2023-11-06', townships: LIST });
  text = noticeModel(r)
    .sections.flatMap((s) => s.paragraphs.map((p) => `${p.lead ?? ''}${p.text}`))
    .join('\n');
});

const town = (team: string) => r.current.townships.find((t) => t.team === team)!;
const sentenceWith = (needle: string) => text.split('\n').find((l) => l.includes(needle)) ?? '';

test('statuses: only what is known', () => {
  expect(r.current.townships.map((t) => [t.team, t.status, t.lateDays, t.figures.penalty.cases])).toEqual([
    ['天宁镇', 'on-time', 0, 1],
    ['西营镇', 'late', 2, 1],
    ['水峪贯镇', 'submitted', 0, 1],
    ['会立乡', 'missing', 5, 0],
    ['东坡底乡', 'on-time', 0, 1],
    ['岭底乡', 'unreadable', 0, 0],
    ['庞泉沟镇', 'on-time', 0, 1],
    ['西社镇', 'submitted', 0, 1],
    ['夏家营镇', 'on-time', 0, 1],
    ['洪相乡', 'on-time', 0, 1],
  ]);
  expect(rollupJson(r).total.statuses).toEqual({ 'on-time': 5, late: 1, missing: 1, submitted: 2, unreadable: 1 });
});

test('a Re: reply without attachment is no report: listed as 没有台账附件, the township stays 未报', () => {
  expect(r.files.find((f) => f.file === 'Re 会立乡.eml')!.use).toMatch(/^没有台账附件：邮件“Re: 会立乡综合行政执法队2023年10月行政执法案件台账报备”没有附上台账，不算报送/);
  expect(town('会立乡').received).toBeNull();
  expect(town('会立乡').notes.join()).toContain('没有台账附件，不算报送');
});

test('a forward is read, and judged by the inner message’s Date; the output says so', () => {
  const t = town('东坡底乡');
  expect(t.received!.toISOString()).toBe('2023-10-31T09:00:00.000Z');
  expect(t.notes.join()).toContain('是转发的邮件（在“转发 东坡底乡.eml”中），按原邮件的发送时间计算');
  expect(r.files.find((f) => f.file === '转发 东坡底乡.eml')!.use).toBe('转发邮件，其中的1封邮件已分别读取，按原邮件的时间计算');
});

test('no Date: the topmost Received line, said so', () => {
  const t = town('庞泉沟镇');
  expect(t.received!.toISOString()).toBe('2023-11-01T12:00:07.000Z');
  expect(r.files.find((f) => f.file.startsWith('庞泉沟镇.eml › '))).toMatchObject({ timeSource: 'received', use: expect.stringContaining('邮件没有 Date（发送时间），按最上面一条 Received') });
});

test('an unreadable Date is 时间不明 (no year 800), and the rule checks use the roll-up’s today, not the mail’s', () => {
  const t = town('西社镇');
  expect(t.received).toBeNull();
  expect(t.notes.join()).toContain('邮件的 Date“明天上午”无法识别，也没有可用的 Received 记录，收到时间不明');
  const x = town('夏家营镇');
  expect(x.received!.toISOString()).toBe('2023-10-31T03:00:00.000Z');
  // With 1900 as "today" every date would be in the future.
  expect(x.issues.filter((i) => i.rule === 'date-future')).toEqual([]);
  expect(t.issues.filter((i) => i.rule === 'date-future')).toEqual([]);
});

test('a hand-typed Word file: the team from 报送单位, never the heading “一、”', () => {
  expect(town('洪相乡').counted?.file).toBe('洪相乡.eml › 台账.docx');
  expect(r.current.townships.some((t) => /^一/.test(t.team))).toBe(false);
});

test('the summary sheet: an unreadable township’s figures are blank, not 0', () => {
  const s = summaryWorkbook(r)[0];
  const row = s.rows.find((x) => x[0] === '岭底乡')!;
  expect(row.slice(1, 3)).toEqual(['已收到但无法读取', '2023年10月31日 10:00']);
  expect(row.slice(3).every((v) => v === null)).toBe(true);
});

describe('the 通报 draft, for every status, in words', () => {
  test('按时', () => expect(sentenceWith('按时报送的乡镇')).toBe('按要求，2023年10月的台账应于11月1日前报送。按时报送的乡镇5个：天宁镇、东坡底乡、庞泉沟镇、夏家营镇、洪相乡。'));
  test('逾期', () => expect(sentenceWith('逾期报送')).toBe('逾期报送的乡镇1个：西营镇（逾期2天）。'));
  test('时间不明', () => expect(sentenceWith('无法确定报送时间')).toBe('已报送、但无法确定报送时间（不是通过邮件收到，或邮件没有可信的发送时间）的乡镇2个：水峪贯镇、西社镇。'));
  test('已收到但无法读取: named with the file, not 零办案, not 未报', () => {
    expect(sentenceWith('台账无法读取的乡镇')).toBe('已收到报送邮件、但台账无法读取的乡镇1个：岭底乡（10月31日 10:00收到，“岭底乡10月台账.rar”）。上述乡镇的台账未列入本通报的统计，请按 Word 格式（.docx）重新报送。');
    expect(sentenceWith('没有作出行政处罚决定')).not.toContain('岭底乡');
    expect(sentenceWith('仍未报送')).not.toContain('岭底乡');
    expect(sentenceWith('办案情况不明')).toBe('岭底乡的台账无法读取，办案情况不明，未列入本节。');
    expect(sentenceWith('应报送行政执法案件台账的乡镇')).toMatch(/^2023年10月，应报送行政执法案件台账的乡镇10个，已报送8个，另有1个乡镇报送的台账无法读取，未计入下列数字。/);
  });
  test('未报, and the reply without a ledger said so', () => expect(sentenceWith('仍未报送')).toBe('截至11月6日仍未报送的乡镇1个：会立乡。其中会立乡发来的邮件没有附上台账。'));
  test('零办案 lists only townships whose ledgers were read', () => expect(text).not.toMatch(/没有作出行政处罚决定的乡镇/));
});
