/*
 * The containers clerks receive, each written from its format's specification (formats.ts),
 * read by src/input/containers: .mbox, Outlook .msg (with a forwarded .msg inside), winmail.dat,
 * .zip with GBK names, .rar; each held to the limits, and a file nested too deep named.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { expandFile } from '../../src/input/containers/expand';
import { CONTAINER_LIMITS } from '../../src/input/containers/budget';
import { rollUp } from '../../src/rollup';
import { TIANNING_OCT, townshipPackage } from '../../scripts/rollup-samples';
import { deflatedZip, gbkZip, mailHeaders, mbox, outlookMsg, rar5, rfc822, winmailDat } from './formats';

let docx: Uint8Array;
const DOCX = '天宁镇综合行政执法队2023年10月行政执法案件台账.docx';
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

beforeAll(async () => {
  docx = (await townshipPackage({ team: '天宁镇综合行政执法队', ledgers: TIANNING_OCT, period: '2023-10', sent: new Date('2023-10-31T09:12:00+08:00'), today: '2023-10-31' })).docx;
});

const HAVE_7Z = spawnSync('sh', ['-c', 'command -v 7z']).status === 0;

test('an .mbox: every message is a mail of its own, with its own Date; a body line “From …” does not split it', async () => {
  const a = rfc822(mailHeaders('天宁镇综合行政执法队2023年10月行政执法案件台账报备', 'Tue, 31 Oct 2023 09:12:00 +0800'), [{ name: DOCX, type: DOCX_TYPE, bytes: docx }], 'From the clerk: see attachment.\n');
  const b = rfc822(mailHeaders('Re: 收到', 'Wed, 1 Nov 2023 08:00:00 +0800'), []);
  const ds = await expandFile('收件箱.mbox', mbox([a, b]));
  expect(ds.map((d) => [d.file, d.mail?.subject, d.ledgers.map((l) => l.name)])).toEqual([
    ['收件箱.mbox › 第1封', '天宁镇综合行政执法队2023年10月行政执法案件台账报备', [DOCX]],
    ['收件箱.mbox › 第2封', 'Re: 收到', []],
  ]);
  expect(ds[0].ledgers[0].bytes).toEqual(docx);
  // Thunderbird's folder files have no extension: recognised by their content.
  expect((await expandFile('Inbox', mbox([a]))).map((d) => d.ledgers.length)).toEqual([1]);
  const r = await rollUp([{ name: '收件箱.mbox', bytes: mbox([a, b]) }], { period: '2023-10', today: '2023-11-06' });
  expect(r.current.townships.map((t) => [t.team, t.status, t.figures.penalty.cases])).toEqual([['天宁镇综合行政执法队', 'on-time', 3]]);
  expect(r.files.find((f) => f.file === '收件箱.mbox › 第2封')!.use).toMatch(/^没有台账附件：邮件“Re: 收到”没有附上台账，不算报送/);
});

test('an Outlook .msg: subject, Date from its transport headers, the attachment; a forwarded .msg inside is read as its own mail', async () => {
  const inner = { subject: '西营镇综合行政执法队2023年10月行政执法案件台账报备', headers: 'Received: from mx.example.com by mx.163.com; Tue, 31 Oct 2023 10:00:05 +0800\r\nDate: Tue, 31 Oct 2023 10:00:00 +0800\r\nSubject: x\r\n', attachments: [{ name: '西营镇台账.docx', bytes: docx }] };
  const msg = outlookMsg({ subject: '天宁镇综合行政执法队2023年10月行政执法案件台账报备', senderName: '天宁镇', senderEmail: 'tn@example.com', submitted: new Date('2023-10-31T01:12:00Z'), attachments: [{ name: DOCX, bytes: docx }] }, inner);
  const ds = await expandFile('天宁镇.msg', msg);
  expect(ds[0].mail).toMatchObject({ kind: 'msg', subject: '天宁镇综合行政执法队2023年10月行政执法案件台账报备', dateHeader: null, from: '天宁镇 <tn@example.com>' });
  expect(ds[0].mail!.submitted!.toISOString()).toBe('2023-10-31T01:12:00.000Z');
  expect(ds[0].ledgers.map((l) => l.name)).toEqual([DOCX]);
  expect(ds[0].ledgers[0].bytes).toEqual(docx);
  expect(ds[1].forwardedIn?.file).toBe('天宁镇.msg');
  expect(ds[1].mail!.date!.at.toISOString()).toBe('2023-10-31T02:00:00.000Z');
  expect(ds[1].ledgers.map((l) => l.name)).toEqual(['西营镇台账.docx']);
  const r = await rollUp([{ name: '天宁镇.msg', bytes: msg }], { period: '2023-10', today: '2023-11-06' });
  const f = r.files.find((x) => x.file === `天宁镇.msg › ${DOCX}`)!;
  expect(f).toMatchObject({ timeSource: 'submitted', use: expect.stringContaining('邮件没有 Date（发送时间），按 Outlook 记录的发送时间计算') });
});

test('winmail.dat: its attachments come out, GBK titles and Unicode long names both read', async () => {
  const dat = winmailDat([{ name: DOCX, bytes: docx }, { name: '说明.txt', bytes: new TextEncoder().encode('附件为台账') }]);
  const mail = rfc822(mailHeaders('天宁镇综合行政执法队2023年10月行政执法案件台账报备', 'Tue, 31 Oct 2023 09:12:00 +0800'), [{ name: 'winmail.dat', type: 'application/ms-tnef', bytes: dat }]);
  const [d] = await expandFile('天宁镇.eml', mail);
  expect(d.ledgers.map((l) => [l.file, l.bytes.length])).toEqual([[`天宁镇.eml › winmail.dat › ${DOCX}`, docx.length]]);
  expect(d.refused).toEqual([{ file: '天宁镇.eml › winmail.dat › 说明.txt', reason: '不是台账', ledger: false }]);
  // A truncated stream: named, not a crash.
  const [cut] = await expandFile('x.eml', rfc822(mailHeaders('天宁镇2023年10月台账', 'Tue, 31 Oct 2023 09:12:00 +0800'), [{ name: 'winmail.dat', type: 'application/ms-tnef', bytes: dat.subarray(0, 400) }]));
  expect(cut.ledgers).toEqual([]);
  expect(cut.refused[0]).toMatchObject({ ledger: true, reason: expect.stringMatching(/不完整|损坏/) });
});

test('a .zip with GBK names and no UTF-8 flag (Windows “发送到压缩文件夹”) gives back the Chinese names', async () => {
  const zip = gbkZip([{ name: `10月/${DOCX}`, bytes: docx }]);
  // General-purpose flag bit 11 (UTF-8) clear; the name stored in GBK.
  expect((zip[6] | (zip[7] << 8)) & 0x800).toBe(0);
  expect(Buffer.from(zip).includes(Buffer.from(`10月/${DOCX}`, 'utf8'))).toBe(false);
  const [d] = await expandFile('天宁镇10月台账.zip', zip);
  expect(d.ledgers.map((l) => l.file)).toEqual([`天宁镇10月台账.zip › 10月/${DOCX}`]);
});

(HAVE_7Z ? test : test.skip)('a .zip made by 7-Zip with code page 936 names reads the same', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tz-7z-'));
  fs.writeFileSync(path.join(dir, DOCX), docx);
  const p = spawnSync('7z', ['a', '-tzip', '-mcu=off', '-mcp=936', path.join(dir, 'a.zip'), DOCX], { cwd: dir, encoding: 'utf8' });
  expect(p.status).toBe(0);
  const [d] = await expandFile('a.zip', new Uint8Array(fs.readFileSync(path.join(dir, 'a.zip'))));
  expect(d.ledgers.map((l) => l.name)).toEqual([DOCX]);
});

test('a .rar (RAR 5) is unpacked with the wasm unrar', async () => {
  const rar = rar5([{ name: DOCX, bytes: docx }]);
  if (HAVE_7Z) {
    // A second reader agrees the archive is what the spec says.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tz-rar-'));
    fs.writeFileSync(path.join(dir, 'a.rar'), rar);
    expect(spawnSync('7z', ['t', path.join(dir, 'a.rar')], { encoding: 'utf8' }).stdout).toMatch(/Everything is Ok/);
  }
  const [d] = await expandFile('天宁镇.rar', rar);
  expect(d.ledgers.map((l) => l.file)).toEqual([`天宁镇.rar › ${DOCX}`]);
  expect(d.ledgers[0].bytes).toEqual(docx);
  const [broken] = await expandFile('坏.rar', rar.subarray(0, rar.length - 2000));
  expect(broken.ledgers).toEqual([]);
  expect(broken.refused[0].reason).toMatch(/已损坏|无法/);
});

test('limits: entries, one part, all parts, and nesting depth are named, and the rest still read', async () => {
  const limits = { ...CONTAINER_LIMITS, entries: 3, partBytes: docx.length + 10, totalBytes: 2 * docx.length + 100, depth: 2 };
  const four = gbkZip([1, 2, 3, 4].map((i) => ({ name: `${i}.docx`, bytes: docx })));
  const [d] = await expandFile('多.zip', four, limits);
  expect(d.ledgers.length).toBe(2);
  expect(d.refused.map((r) => r.reason).join('\n')).toMatch(/合计超过|上限/);
  const big = gbkZip([{ name: 'big.docx', bytes: new Uint8Array(docx.length + 1000) }]);
  const [b] = await expandFile('大.zip', big, limits);
  expect(b.refused[0].reason).toMatch(/超过/);
  let nested = gbkZip([{ name: DOCX, bytes: docx }]);
  for (let i = 0; i < 4; i++) nested = gbkZip([{ name: `层${i}.zip`, bytes: nested }]);
  const [n] = await expandFile('套.zip', nested, { ...CONTAINER_LIMITS, depth: 2 });
  expect(n.ledgers).toEqual([]);
  expect(n.refused[0].reason).toMatch(/层层套装超过 2 层/);
  // A zip bomb: 60 MB of zeros in a few KB is stopped at the part limit, by the bytes really inflated.
  const bomb = await deflatedZip([{ name: 'a.docx', bytes: new Uint8Array(60 * 1024 * 1024) }]);
  expect(bomb.length).toBeLessThan(200 * 1024);
  const [z] = await expandFile('炸弹.zip', bomb);
  expect(z.refused[0].reason).toMatch(/超过 50 MB 的上限/);
});

test('files that are not ledgers are named with how to fix them', async () => {
  const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Uint8Array(600)]);
  const cases: [string, Uint8Array, RegExp][] = [
    ['台账.7z', new Uint8Array([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c, 0, 4]), /7z 压缩包.*改用 zip/],
    ['台账.pdf', new TextEncoder().encode('%PDF-1.7\n'), /PDF.*Word 版/],
    ['台账.doc', ole, /另存为/],
    ['台账.wps', new TextEncoder().encode('x'), /另存为” Word 文档（\.docx）/],
  ];
  for (const [name, bytes, re] of cases) {
    const [d] = await expandFile(name, bytes);
    expect([name, d.refused[0]?.reason]).toEqual([name, expect.stringMatching(re)]);
    expect(d.refused[0].ledger).toBe(true);
  }
});

test('the readers never throw on any bytes: each file becomes deliveries with reasons', async () => {
  const fc = (await import('fast-check')).default;
  const magics = [[], [0x50, 0x4b, 0x03, 0x04], [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07, 0x01, 0x00], [0x78, 0x9f, 0x3e, 0x22], [...Buffer.from('From x Mon Oct 30 17:20:00 2023\nDate: y\n')], [...Buffer.from('Date: x\r\nSubject: y\r\n\r\n')]];
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...magics), fc.uint8Array({ maxLength: 600 }), fc.constantFrom('a.eml', 'a.zip', 'a.msg', 'winmail.dat', 'a.rar', 'Inbox', 'a.docx'), async (magic, rest, name) => {
      const ds = await expandFile(name, new Uint8Array([...magic, ...rest]));
      expect(ds.length).toBeGreaterThan(0);
      for (const d of ds) for (const r of d.refused) expect(r.reason).toMatch(/[\u4e00-\u9fff]/);
    }),
    { numRuns: 300 },
  );
});

test('the pane’s stand-in for iconv-lite (msgreader’s code pages) decodes as iconv-lite does', async () => {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const iconv = require('iconv-lite') as { encode(s: string, e: string): Buffer; decode(b: Uint8Array, e: string): string };
  const { decode } = await import('../../src/input/containers/iconv-browser');
  for (const [text, enc] of [['天宁镇综合行政执法队2023年10月台账', 'gbk'], ['臺賬報送', 'big5'], ['Café', 'windows-1252'], ['𠀀天宁', 'gb18030']] as const) {
    const bytes = new Uint8Array(iconv.encode(text, enc));
    expect([enc, decode(bytes, enc)]).toEqual([enc, iconv.decode(bytes, enc)]);
  }
});
