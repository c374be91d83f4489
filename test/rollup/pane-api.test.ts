/*
 * The pane's 县局汇总 tab reads picked files with the same readers as the CLI: an Outlook .msg,
 * a Thunderbird mbox (no extension), a GBK-named .zip, a .rar and a damaged .rar come out the
 * same in the view and in the CLI's JSON; an unreadable township is shown as such, never 0 cases.
 */
import { rollUp, rollupJson } from '../../src/rollup';
import { runRollup } from '../../src/taskpane/rollup-api';
import { TIANNING_OCT, townshipPackage } from '../../scripts/rollup-samples';
import { gbkZip, mailHeaders, mbox, outlookMsg, rar5, rfc822 } from './formats';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

async function docx(team: string, sent: string): Promise<Uint8Array> {
  return (await townshipPackage({ team: `${team}综合行政执法队`, ledgers: TIANNING_OCT, period: '2023-10', sent: new Date(sent), today: sent.slice(0, 10) })).docx;
}

const picked = (name: string, bytes: Uint8Array) => ({ name, size: bytes.length, arrayBuffer: async () => bytes.slice().buffer as ArrayBuffer });

test('the pane reads .msg, mbox, .zip and .rar as the CLI does, and names the unreadable township', async () => {
  const subject = (t: string) => `${t}综合行政执法队2023年10月行政执法案件台账报备`;
  const files = [
    picked('天宁镇.msg', outlookMsg({ subject: subject('天宁镇'), headers: 'Date: Tue, 31 Oct 2023 09:12:00 +0800\r\n', attachments: [{ name: '天宁镇.docx', bytes: await docx('天宁镇', '2023-10-31T09:12:00+08:00') }] })),
    picked('Inbox', mbox([rfc822(mailHeaders(subject('西营镇'), 'Fri, 3 Nov 2023 16:05:00 +0800'), [{ name: '西营镇.docx', type: DOCX_TYPE, bytes: await docx('西营镇', '2023-11-03T16:05:00+08:00') }])])),
    picked('水峪贯镇10月台账.zip', gbkZip([{ name: '水峪贯镇综合行政执法队10月台账.docx', bytes: await docx('水峪贯镇', '2023-10-30T10:00:00+08:00') }])),
    picked('会立乡.eml', rfc822(mailHeaders(subject('会立乡'), 'Tue, 31 Oct 2023 11:00:00 +0800'), [{ name: '会立乡.rar', type: 'application/x-rar-compressed', bytes: rar5([{ name: '会立乡.docx', bytes: await docx('会立乡', '2023-10-31T11:00:00+08:00') }]) }])),
  ];
  const rar = rar5([{ name: '岭底乡.docx', bytes: await docx('岭底乡', '2023-10-31T11:00:00+08:00') }]);
  files.push(picked('岭底乡.eml', rfc822(mailHeaders(subject('岭底乡'), 'Tue, 31 Oct 2023 11:00:00 +0800'), [{ name: '岭底乡10月台账.rar', type: 'application/x-rar-compressed', bytes: rar.subarray(0, rar.length - 3000) }])));
  const towns = ['天宁镇', '西营镇', '水峪贯镇', '会立乡', '岭底乡'];
  const { view, rollup } = await runRollup(files, { period: '2023-10', today: '2023-11-06', townships: towns });
  expect(view.townships.map((t) => [t.team, t.kind, t.status, t.penalty])).toEqual([
    ['天宁镇', 'on-time', '按时', 3],
    ['西营镇', 'late', '逾期 2 天', 3],
    ['水峪贯镇', 'submitted', '已报（时间不明）', 3],
    ['会立乡', 'on-time', '按时', 3],
    ['岭底乡', 'unreadable', '已收到但无法读取', 0],
  ]);
  expect(view.townships[4].unreadable).toEqual([{ file: '岭底乡.eml › 岭底乡10月台账.rar', reason: expect.stringMatching(/已损坏|无法/) }]);
  expect(view.statuses).toEqual({ onTime: 2, late: 1, missing: 0, submitted: 1, unreadable: 1 });
  // The CLI's roll-up of the same bytes gives the same JSON.
  const cli = await rollUp(await Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) }))), { period: '2023-10', today: '2023-11-06', townships: towns });
  expect(rollupJson(rollup)).toEqual(rollupJson(cli));
});
