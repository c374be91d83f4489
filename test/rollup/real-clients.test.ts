/*
 * An inbox written by real mail programs, run here under faketime (China time): mutt sends
 * 天宁镇's report and forwards 东坡底乡's mail as an attachment (message/rfc822); GNU Mailutils'
 * `mail` sends 西营镇's late report; s-nail sends 会立乡's reply without attachment and keeps
 * 夏家营镇's sent mail in its mbox record. Each client hands the message to a stand-in sendmail
 * that saves it. Skipped, saying so, where the programs are not installed (.ci/run installs them).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Rollup, noticeModel, rollUp } from '../../src/rollup';
import { GOOD } from '../helpers/ledger';
import { townshipPackage } from '../../scripts/rollup-samples';

const TOOLS = ['mutt', 's-nail', 'mail', 'faketime'];
const missing = TOOLS.filter((t) => spawnSync('sh', ['-c', `command -v ${t}`]).status !== 0);
if (missing.length) console.warn(`跳过真实邮件客户端的测试：未安装 ${missing.join('、')}（apt-get install mutt s-nail mailutils faketime）`);
const maybe = missing.length ? describe.skip : describe;

let dir: string;
const ONE = { penalty: [{ ...GOOD.penalty, closedOn: '2023年10月20日' }], inspection: [], coercion: [] };

function send(tool: string[], at: string, out: string, stdin = '县司法局：附件是本月台账，请查收。\n'): Uint8Array {
  const p = spawnSync('faketime', [at, ...tool], { input: stdin, env: { ...process.env, HOME: dir, TZ: 'Asia/Shanghai', MAIL_OUT: out, LC_ALL: 'C.UTF-8' }, cwd: dir, encoding: 'utf8' });
  if (p.status !== 0) throw new Error(`${tool[0]}: ${p.stderr}`);
  return new Uint8Array(fs.readFileSync(out));
}

async function docx(team: string, sent: string): Promise<string> {
  const p = await townshipPackage({ team: `${team}综合行政执法队`, ledgers: ONE, period: '2023-10', sent: new Date(sent), today: sent.slice(0, 10) });
  const file = path.join(dir, `${team}综合行政执法队2023年10月行政执法案件台账.docx`);
  fs.writeFileSync(file, p.docx);
  return file;
}

const subject = (team: string) => `${team}综合行政执法队2023年10月行政执法案件台账报备`;
const mutt = (from: string, subj: string, attach: string) => ['mutt', '-n', '-F', '/dev/null', '-e', `set sendmail="${dir}/sendmail.sh"; set from="${from}"; set send_charset="utf-8"; set use_from=yes`, '-s', subj, '-a', attach, '--', 'jiaochengxzfy@163.com'];
const snail = (from: string, subj: string, extra: string[] = []) => ['s-nail', '-:/', '-S', `mta=${dir}/sendmail.sh`, '-S', `from=${from}`, '-S', 'ttycharset=utf-8', '-S', 'sendcharsets=utf-8', ...extra, '-s', subj, 'jiaochengxzfy@163.com'];

maybe('an inbox from mutt, s-nail and GNU Mailutils', () => {
  let r: Rollup;
  let files: { name: string; bytes: Uint8Array }[];

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tz-clients-'));
    fs.writeFileSync(path.join(dir, 'sendmail.sh'), '#!/bin/sh\ncat > "$MAIL_OUT"\n', { mode: 0o755 });
    const o = (n: string) => path.join(dir, n);
    files = [];
    files.push({ name: '天宁镇.eml', bytes: send(mutt('tn@example.com', subject('天宁镇'), await docx('天宁镇', '2023-10-31T09:12:00+08:00')), '2023-10-31 09:12:00', o('tn.eml')) });
    files.push({ name: '西营镇.eml', bytes: send(['mail', '-E', `set sendmail=sendmail://${dir}/sendmail.sh`, '-r', 'xy@example.com', '-s', subject('西营镇'), '-A', await docx('西营镇', '2023-11-03T16:05:00+08:00'), 'jiaochengxzfy@163.com'], '2023-11-03 16:05:00', o('xy.eml')) });
    files.push({ name: '会立乡回复.eml', bytes: send(snail('hl@example.com', `Re: ${subject('会立乡')}`), '2023-11-02 08:30:00', o('hl.eml'), '收到，马上补报。\n') });
    // 东坡底乡 sends on time with mutt; a colleague forwards that mail as an attachment two days later.
    send(mutt('dpd@example.com', subject('东坡底乡'), await docx('东坡底乡', '2023-10-31T17:00:00+08:00')), '2023-10-31 17:00:00', o('dpd.eml'));
    files.push({ name: '转发.eml', bytes: send(mutt('colleague@example.com', 'Fw: 东坡底乡10月台账', o('dpd.eml')), '2023-11-03 09:00:00', o('fw.eml')) });
    // 夏家营镇's clerk keeps the sent mail (s-nail `record`): the county is given that mbox.
    send(snail('xjy@example.com', subject('夏家营镇'), ['-S', `record=${o('sent.mbox')}`, '-a', await docx('夏家营镇', '2023-11-01T08:00:00+08:00')]), '2023-11-01 08:00:00', o('xjy.eml'));
    files.push({ name: '夏家营镇已发送', bytes: new Uint8Array(fs.readFileSync(o('sent.mbox'))) });
    r = await rollUp(files, { period: '2023-10', today: '2023-11-06', townships: ['天宁镇', '西营镇', '会立乡', '东坡底乡', '夏家营镇'] });
  });

  test('the clients wrote what they are known to write', () => {
    const text = (n: string) => Buffer.from(files.find((f) => f.name === n)!.bytes).toString('utf8');
    expect(text('天宁镇.eml')).toMatch(/^Date: Tue, 31 Oct 2023 09:12:00 \+0800$/m);
    expect(text('转发.eml')).toMatch(/^Content-Type: message\/rfc822/m);
    expect(text('西营镇.eml')).toMatch(/^User-Agent: mail \(GNU Mailutils/m);
    expect(text('会立乡回复.eml')).toMatch(/^User-Agent: s-nail/m);
    expect(text('夏家营镇已发送')).toMatch(/^From \S+ Wed Nov {1,2}1 08:00:00 2023$/m);
  });

  test('statuses: on time, late, the forward by its inner Date, the reply is no report, the mbox message read', () => {
    expect(r.current.townships.map((t) => [t.team, t.status, t.lateDays, t.figures.penalty.cases])).toEqual([
      ['天宁镇', 'on-time', 0, 1],
      ['西营镇', 'late', 2, 1],
      ['会立乡', 'missing', 5, 0],
      ['东坡底乡', 'on-time', 0, 1],
      ['夏家营镇', 'on-time', 0, 1],
    ]);
    expect(r.files.find((f) => f.file === '会立乡回复.eml')!.use).toMatch(/^没有台账附件/);
    expect(r.current.townships[3].notes.join()).toContain('是转发的邮件（在“转发.eml”中），按原邮件的发送时间计算');
  });

  test('the 通报 says it in words', () => {
    const text = noticeModel(r).sections.flatMap((s) => s.paragraphs.map((p) => p.text)).join('\n');
    expect(text).toContain('按时报送的乡镇3个：天宁镇、东坡底乡、夏家营镇。');
    expect(text).toContain('逾期报送的乡镇1个：西营镇（逾期2天）。');
    expect(text).toContain('截至11月6日仍未报送的乡镇1个：会立乡。其中会立乡发来的邮件没有附上台账。');
  });
});
