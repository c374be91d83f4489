/*
 * The county's 执法人员名单 in the roll-up folder (issue 21): a combined roster of all townships
 * (with 所属单位) finds the expired certificate in one township's Word package — by the same rules
 * as in the township's workbook — and lists it under 主体 in the 问题 sheet; another township's
 * officer of the same name does not vouch for it; a township the roster lists nobody of is not
 * checked against it (a note says so); the roster's 执法证号 appear in no output.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { Rollup, noticeDocx, noticeModel, rollUp, rollupJson, summaryWorkbook, summaryXlsx } from '../../src/rollup';
import { TIANNING_OCT, XIYING_OCT, sentEml, shuiyuguanDocx, townshipPackage } from '../../scripts/rollup-samples';

const CERT = /1401\d{4}/;

/** The county's roster as its staff keep it: a title, 所属单位 first, every township in one sheet. */
async function countyRoster(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('全县执法人员');
  ws.addRow(['交城县乡镇综合行政执法人员名单']);
  ws.addRow(['序号', '所属单位', '姓名', '执法证号', '发证机关', '有效期至', '备注']);
  const rows: [string, string, string, Date | string, string][] = [
    ['天宁镇综合行政执法队', '王明', '14010001', new Date(Date.UTC(2027, 11, 31)), ''],
    // 天宁镇's 李强: his certificate ran out on 15 October 2023.
    ['天宁镇综合行政执法队', '李　强', '14010002', new Date(Date.UTC(2023, 9, 15)), ''],
    ['天宁镇综合行政执法队', '张三', '14010003', new Date(Date.UTC(2027, 11, 31)), ''],
    ['天宁镇综合行政执法队', '李四', '14010004', new Date(Date.UTC(2027, 11, 31)), ''],
    ['西营镇', '王五', '14010005', new Date(Date.UTC(2027, 11, 31)), ''],
    ['西营镇', '张三', '14010006', new Date(Date.UTC(2027, 11, 31)), ''],
    ['西营镇', '李四', '14010007', new Date(Date.UTC(2027, 11, 31)), ''],
    // Another 李强, of 西营镇, valid: he does not vouch for 天宁镇's.
    ['西营镇', '李强', '14010008', new Date(Date.UTC(2027, 11, 31)), ''],
  ];
  rows.forEach(([unit, name, cert, until, note], i) => ws.addRow([i + 1, unit, name, cert, '交城县人民政府', until, note]));
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

async function zipText(bytes: Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = await Promise.all(Object.values(zip.files).filter((f) => !f.dir).map((f) => f.async('string')));
  return parts.join('\n');
}

let r: Rollup;
beforeAll(async () => {
  const at = (s: string) => new Date(s);
  const tianning = await townshipPackage({ team: '天宁镇综合行政执法队', ledgers: TIANNING_OCT, period: '2023-10', sent: at('2023-10-31T09:12:00+08:00'), today: '2023-10-31', allowErrors: true });
  const xiying = await townshipPackage({ team: '西营镇综合行政执法队', ledgers: XIYING_OCT, period: '2023-10', sent: at('2023-10-31T10:00:00+08:00'), today: '2023-10-31', allowErrors: true });
  const files = [
    { name: '10月/天宁镇10月台账.eml', bytes: sentEml(tianning) },
    { name: '10月/西营镇10月台账.eml', bytes: sentEml(xiying) },
    { name: '10月/水峪贯镇台账.docx', bytes: await shuiyuguanDocx() },
    { name: '县局/执法人员名单.xlsx', bytes: await countyRoster() },
  ];
  r = await rollUp(files, { period: '2023-10', today: '2023-11-06', townships: ['天宁镇', '西营镇', '水峪贯镇'] });
});

const rosterIssues = (team: string) => r.current.townships.find((t) => t.team === team)!.issues.filter((i) => i.rule.startsWith('roster-'));

test('the expired certificate is found in 天宁镇’s package (penalties closed after 15 October naming 李强), under 主体', () => {
  const found = rosterIssues('天宁镇');
  expect(found.map((i) => [i.table, i.row, i.column, i.rule, i.severity, i.group])).toEqual([
    ['行政处罚表', 3, '执法人员', 'roster-cert-expired', 'error', '主体'],
    ['行政处罚表', 4, '执法人员', 'roster-cert-expired', 'error', '主体'],
  ]);
  expect(found[0].message).toContain('李强的执法证有效期至2023年10月15日，早于结案时间（2023年10月20日）');
  // Closed on 12 October (valid that day) and the seizure begun on 20 September: nothing.
  expect(found.some((i) => i.row === 2)).toBe(false);
  // 西营镇's officers are on the roster and valid; its own 李强 is not 天宁镇's.
  expect(rosterIssues('西营镇')).toEqual([]);
  // 水峪贯镇: the roster lists nobody of it, so it is not checked against it, and the notes say so.
  expect(rosterIssues('水峪贯镇')).toEqual([]);
  expect(r.notes).toContain('水峪贯镇：县局执法人员名单中没有本乡镇的人员，本乡镇的案件没有按名单核对执法人员');
  // Counted with the township's errors.
  expect(rollupJson(r).townships.find((t) => t.team === '天宁镇')!.issues.error).toBeGreaterThanOrEqual(2);
});

test('the roster file is listed as the county’s roster, not as a township’s report', () => {
  const f = r.files.find((x) => x.file === '县局/执法人员名单.xlsx')!;
  expect(f.use).toBe('县局执法人员名单：8人，用于核对各乡镇案件的执法人员（执法证号不写入汇总表和通报）');
  expect(r.current.townships.map((t) => t.team)).toEqual(['天宁镇', '西营镇', '水峪贯镇']);
});

test('the 问题 sheet lists 天宁镇’s findings grouped by review group, 主体 first', () => {
  const sheet = summaryWorkbook(r).find((s) => s.name === '问题')!;
  const tianning = sheet.rows.filter((x) => x[0] === '天宁镇');
  const groups = tianning.map((x) => x[1] as string);
  expect(groups[0]).toBe('主体');
  expect(groups.indexOf('主体')).toBe(0);
  expect(groups.lastIndexOf('主体')).toBe(groups.filter((g) => g === '主体').length - 1);
  expect(tianning.filter((x) => x[8] === 'roster-cert-expired')).toHaveLength(2);
});

test('no 执法证号 in the JSON, the summary workbook or the 通报', async () => {
  expect(JSON.stringify(rollupJson(r))).not.toMatch(CERT);
  expect(await zipText(await summaryXlsx(summaryWorkbook(r)))).not.toMatch(CERT);
  expect(await zipText(await noticeDocx(noticeModel(r)))).not.toMatch(CERT);
});

test('a roster that came by e-mail (a township’s) is not used as the county’s', async () => {
  const roster = await countyRoster();
  const b64 = Buffer.from(roster).toString('base64');
  const eml = ['From: a@example.com', 'To: jiaochengxzfy@163.com', 'Subject: =?UTF-8?B?' + Buffer.from('执法人员名单').toString('base64') + '?=', 'Date: Mon, 30 Oct 2023 10:00:00 +0800', 'MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary="b"', '', '--b', 'Content-Type: text/plain; charset=UTF-8', '', 'x', '--b', 'Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet; name="roster.xlsx"', 'Content-Transfer-Encoding: base64', 'Content-Disposition: attachment; filename="roster.xlsx"', '', b64, '--b--', ''].join('\r\n');
  const at = (s: string) => new Date(s);
  const tianning = await townshipPackage({ team: '天宁镇综合行政执法队', ledgers: TIANNING_OCT, period: '2023-10', sent: at('2023-10-31T09:12:00+08:00'), today: '2023-10-31', allowErrors: true });
  const res = await rollUp([{ name: '天宁镇.eml', bytes: sentEml(tianning) }, { name: '名单.eml', bytes: new TextEncoder().encode(eml) }], { period: '2023-10', today: '2023-11-06' });
  expect(res.current.townships.flatMap((t) => t.issues).filter((i) => i.rule.startsWith('roster-'))).toEqual([]);
  expect(res.files.find((f) => f.file.endsWith('roster.xlsx'))!.use).toBe('未读取：是执法人员名单，不是台账（随邮件收到的名单不作为县局的执法人员名单使用）');
});

test('without the roster file the same folder finds no roster issue (the rules apply only when a roster exists)', async () => {
  const at = (s: string) => new Date(s);
  const tianning = await townshipPackage({ team: '天宁镇综合行政执法队', ledgers: TIANNING_OCT, period: '2023-10', sent: at('2023-10-31T09:12:00+08:00'), today: '2023-10-31', allowErrors: true });
  const plain = await rollUp([{ name: '天宁镇.eml', bytes: sentEml(tianning) }], { period: '2023-10', today: '2023-11-06' });
  expect(plain.current.townships[0].issues.filter((i) => i.rule.startsWith('roster-'))).toEqual([]);
});
