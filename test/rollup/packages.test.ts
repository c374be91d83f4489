/*
 * A month's folder as the bureau has it: packages made by our own submit (on time, late, a corrected
 * resend, on the due date's last minute and just after), a Word file typed by hand, a workbook, an
 * unreadable attachment and a broken file, and a township that sent nothing.
 */
import ExcelJS from 'exceljs';
import { Kind } from '../../src/ledger/columns';
import { RollupJson, rollUp, rollupJson, Rollup, classifyPenalty } from '../../src/rollup';
import { SubmissionPackage } from '../../src/submission';
import { GOOD, ledgerGrid } from '../helpers/ledger';
import { DocxTable, dataRows, headerTexts, readDocx } from '../submission/helpers-package';
import { TIANNING_OCT, TIANNING_OCT_CORRECTED, TOWNSHIP_LIST, XIYING_OCT, sampleFolder, sentEml, shuiyuguanDocx, townshipPackage } from '../../scripts/rollup-samples';

const at = (s: string) => new Date(s);
const ONE_CASE = { penalty: [{ ...GOOD.penalty }], inspection: [], coercion: [] };

/** An e-mail as a mail client saves it, with an attachment we cannot read. */
function mailWith(subject: string, date: string, attachment: { name: string; type: string; bytes: Uint8Array }): Uint8Array {
  const b64 = (s: string | Uint8Array) => Buffer.from(s).toString('base64');
  const text = [
    'From: =?UTF-8?B?' + b64('庞泉沟镇') + '?= <pqg@example.com>',
    'To: jiaochengxzfy@163.com',
    `Subject: =?UTF-8?B?${b64(subject)}?=`,
    `Date: ${date}`,
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="----=_NextPart_000"',
    '',
    '------=_NextPart_000',
    'Content-Type: text/plain; charset="UTF-8"',
    'Content-Transfer-Encoding: base64',
    '',
    b64('县司法局：附件是本月台账。'),
    '------=_NextPart_000',
    `Content-Type: ${attachment.type}; name="=?UTF-8?B?${b64(attachment.name)}?="`,
    'Content-Transfer-Encoding: base64',
    `Content-Disposition: attachment; filename="=?UTF-8?B?${b64(attachment.name)}?="`,
    '',
    b64(attachment.bytes),
    '------=_NextPart_000--',
    '',
  ].join('\r\n');
  return new TextEncoder().encode(text);
}

async function workbookBytes(team: string, rows: Partial<Record<Kind, Record<string, unknown>[]>>): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const kind of ['penalty', 'inspection', 'coercion'] as Kind[]) {
    const g = ledgerGrid(kind, (rows[kind] ?? []) as never, kind, team);
    const ws = wb.addWorksheet(kind);
    g.rows.forEach((r) => ws.addRow(r));
    for (const m of g.merges) ws.mergeCells(m.top, m.left, m.bottom, m.right);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

let r: Rollup;
let json: RollupJson;
/** The Word file each township's counted package carries. */
const wordOf = new Map<string, Uint8Array>();

beforeAll(async () => {
  const folder = await sampleFolder();
  const pkg = async (team: string, ledgers: typeof TIANNING_OCT, sent: string): Promise<SubmissionPackage> => townshipPackage({ team, ledgers, period: '2023-10', sent: at(sent), today: sent.slice(0, 10), allowErrors: true });
  const dongpodi = await pkg('东坡底乡综合行政执法队', ONE_CASE, '2023-11-01T23:59:00+08:00');
  const xishe = await pkg('西社镇综合行政执法队', ONE_CASE, '2023-11-02T00:00:30+08:00');
  const xiajiaying = await pkg('夏家营镇综合行政执法队', XIYING_OCT, '2023-10-31T10:00:00+08:00');
  folder.push(
    { name: '10月/东坡底乡.eml', bytes: sentEml(dongpodi) },
    { name: '10月/西社镇.eml', bytes: sentEml(xishe) },
    { name: '10月/夏家营镇台账.docx', bytes: xiajiaying.docx },
    { name: '10月/岭底乡台账.xlsx', bytes: await workbookBytes('岭底乡综合行政执法队', { penalty: [{ ...GOOD.penalty, outcome: '没收违法所得800元，罚款1000元' }], coercion: [{ ...GOOD.coercion }] }) },
    { name: '10月/庞泉沟镇.eml', bytes: mailWith('庞泉沟镇综合行政执法队2023年10月行政执法案件台账报备', 'Mon, 30 Oct 2023 17:20:00 +0800', { name: '10月台账.doc', type: 'application/msword', bytes: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]) }) },
    { name: '10月/坏文件.docx', bytes: new TextEncoder().encode('这不是 Word 文件') },
  );
  const sent = async (l: typeof TIANNING_OCT, team: string, when: string) => (await pkg(team, l, when)).docx;
  wordOf.set('天宁镇', await sent(TIANNING_OCT_CORRECTED, '天宁镇综合行政执法队', '2023-11-02T14:30:00+08:00'));
  wordOf.set('西营镇', (await townshipPackage({ team: '西营镇综合行政执法队', ledgers: XIYING_OCT, period: '2023-10', sent: at('2023-11-03T16:05:00+08:00'), today: '2023-11-03', allowErrors: true })).docx);
  wordOf.set('水峪贯镇', await shuiyuguanDocx());
  wordOf.set('东坡底乡综合行政执法队', dongpodi.docx);
  wordOf.set('西社镇综合行政执法队', xishe.docx);
  wordOf.set('夏家营镇综合行政执法队', xiajiaying.docx);
  r = await rollUp(folder, { period: '2023-10', today: '2023-11-06', townships: TOWNSHIP_LIST });
  json = rollupJson(r);
});

const town = (team: string) => json.townships.find((t) => t.team === team)!;

test('on time, late, no received time, missing: status, time received in China time, days late', () => {
  expect(json.period).toBe('2023-10');
  expect(json.due).toBe('2023-11-01');
  expect(json.townships.map((t) => [t.team, t.status, t.received, t.lateDays])).toEqual([
    // On time by its first report; received is the counted correction's.
    ['天宁镇', 'on-time', '2023-11-02T14:30:00+08:00', 0],
    ['西营镇', 'late', '2023-11-03T16:05:00+08:00', 2],
    ['水峪贯镇', 'submitted', null, 0],
    // Listed, sent nothing: days past the due date on --today.
    ['会立乡', 'missing', null, 5],
    // Not in the list: listed after it, by name.
    ['东坡底乡综合行政执法队', 'on-time', '2023-11-01T23:59:00+08:00', 0],
    ['岭底乡综合行政执法队', 'submitted', null, 0],
    // Its mail came on time but the ledger (.doc) cannot be read: neither on time nor missing.
    ['庞泉沟镇综合行政执法队', 'unreadable', '2023-10-30T17:20:00+08:00', 0],
    ['西社镇综合行政执法队', 'late', '2023-11-02T00:00:30+08:00', 1],
    ['夏家营镇综合行政执法队', 'submitted', null, 0],
  ]);
  expect(r.notes.filter((n) => n.includes('不在乡镇名单中'))).toHaveLength(5);
});

test('a corrected resend supersedes the earlier one whatever the names; timeliness stays the first report’s', () => {
  const t = town('天宁镇');
  expect(t.penalty.cases).toBe(4);
  expect(t.files[0]).toBe('10月/天宁镇10月台账（更正）.eml › 天宁镇综合行政执法队2023年10月行政执法案件台账.docx');
  expect(t.files[1]).toBe('10月/天宁镇10月台账.eml › 天宁镇综合行政执法队2023年10月行政执法案件台账.docx');
  expect(json.notes[0]).toMatch(/^天宁镇：“10月\/天宁镇10月台账（更正）\.eml › .*”（2023年11月2日 14:30 收到）是更正后重新报送的，取代了“10月\/天宁镇10月台账\.eml › .*”（2023年10月31日 09:12 收到）$/);
  expect(json.files.find((f) => f.file === t.files[1])!.use).toContain('取代');
});

test('files that cannot be read are listed with the reason, and counted against their township when the e-mail names it', () => {
  const doc = json.files.find((f) => f.file === '10月/庞泉沟镇.eml › 10月台账.doc')!;
  expect(doc).toMatchObject({ team: '庞泉沟镇综合行政执法队', months: ['2023-10'], received: '2023-10-30T17:20:00+08:00' });
  expect(doc.use).toMatch(/^无法读取：.*（\.doc）.*另存为” Word 文档（\.docx）/);
  expect(town('庞泉沟镇综合行政执法队').issues).toEqual({ error: 1, warning: 0 });
  const broken = json.files.find((f) => f.file === '10月/坏文件.docx')!;
  expect(broken.use).toMatch(/^无法读取：10月\/坏文件\.docx 不是 Word 文档（\.docx）/);
  expect(broken.team).toBeNull();
});

/** The figures computed from a Word file's tables, read by the independent test reader, one row at a time. */
async function figuresFromTables(bytes: Uint8Array) {
  const d = await readDocx(bytes);
  const byTitle = (word: string): DocxTable | undefined => d.tables[d.blocks.filter((b) => b.startsWith('tbl:') || b.startsWith('p:')).reduce((found, b, i, all) => (b.startsWith('tbl:') && all[i - 1]?.includes(word) ? Number(b.slice(4)) : found), -1)];
  const rows = (word: string) => {
    const t = byTitle(word);
    if (!t) return [];
    const heads = headerTexts(t);
    return dataRows(t)
      .filter((cells) => cells.length === heads.length)
      .map((cells) => Object.fromEntries(heads.map((h, i) => [h, cells[i]])));
  };
  const penalty = rows('行政处罚案件台账');
  const inspection = rows('行政检查案件台账');
  const coercion = rows('行政强制案件台账');
  const byKind: Record<string, number> = {};
  let amount = 0;
  let noPenalty = 0;
  for (const p of penalty) {
    const c = classifyPenalty(p['处罚情况']);
    if (c.noPenalty) noPenalty++;
    else byKind[c.kind!] = (byKind[c.kind!] ?? 0) + 1;
    amount += c.amountYuan;
  }
  const hazards = inspection.filter((i) => Number(String(i['发现隐患数']).replace(/处$/, '')) > 0);
  return {
    penalty: { cases: penalty.length, byKind, amountYuan: amount, noPenalty },
    inspection: { count: inspection.length, withHazards: hazards.length, rechecked: hazards.filter((i) => i['复检日期']).length },
    coercion: { cases: coercion.length },
  };
}

test('the JSON figures equal the rows of each package’s Word tables', async () => {
  expect(wordOf.size).toBe(6);
  for (const [team, bytes] of wordOf) {
    const t = town(team);
    const f = await figuresFromTables(bytes);
    expect([team, t.penalty]).toEqual([team, f.penalty]);
    expect([team, { count: t.inspection.count, withHazards: t.inspection.withHazards, rechecked: t.inspection.rechecked }]).toEqual([team, f.inspection]);
    expect([team, t.coercion.cases]).toEqual([team, f.coercion.cases]);
  }
  // Spot values, by hand from the samples.
  expect(town('天宁镇').penalty).toEqual({ cases: 4, byKind: { 罚款: 1, 没收违法所得: 1, 责令停产停业: 1 }, amountYuan: 29200, noPenalty: 1 });
  expect(town('天宁镇').inspection).toEqual({ count: 2, withHazards: 1, rechecked: 1, pendingRecheck: 1 });
  expect(town('天宁镇').coercion).toEqual({ measures: { 扣押: 1 }, enforcement: {}, cases: 1 });
  expect(town('水峪贯镇').penalty.cases).toBe(0);
});

test('a workbook (.xlsx) is read like a ledger the townships keep', () => {
  expect(town('岭底乡综合行政执法队')).toMatchObject({ penalty: { cases: 1, byKind: { 没收违法所得: 1 }, amountYuan: 1800, noPenalty: 0 }, coercion: { measures: { 扣押: 1 }, cases: 1 } });
});

test('errors found by the same rules as the townships’: the officer missing in 西营镇, with table and row of the Word file', () => {
  const t = r.current.townships.find((x) => x.team === '西营镇')!;
  expect(t.issues).toEqual([expect.objectContaining({ group: '主体', severity: 'error', table: '行政处罚表', row: 2, column: '执法人员', rule: 'persons-min-two' })]);
  expect(t.issues[0].message).toMatch(/^「执法人员」：“王五”只有一人/);
});

test('the total is the sum of the townships; statuses counted', () => {
  const sum = (pick: (t: (typeof json.townships)[number]) => number) => json.townships.reduce((a, t) => a + pick(t), 0);
  expect(json.total.penalty.cases).toBe(sum((t) => t.penalty.cases));
  expect(json.total.penalty.amountYuan).toBe(sum((t) => t.penalty.amountYuan));
  expect(json.total.inspection.count).toBe(sum((t) => t.inspection.count));
  expect(json.total.coercion.cases).toBe(sum((t) => t.coercion.cases));
  expect(json.total.issues.error).toBe(sum((t) => t.issues.error));
  expect(json.total.penalty.byKind.罚款).toBe(sum((t) => t.penalty.byKind.罚款 ?? 0));
  expect(json.total.statuses).toEqual({ 'on-time': 2, late: 2, missing: 1, submitted: 3, unreadable: 1 });
});

test('earlier months in the folder: last month for the change, the year to date summed over the months', () => {
  expect(r.lastMonth?.month).toBe('2023-09');
  expect(r.lastMonth!.total.penalty.cases).toBe(1);
  const y = json.yearToDate!;
  expect([y.from, y.to]).toEqual(['2023-01', '2023-10']);
  const tn = y.townships.find((t) => t.team === '天宁镇')!;
  expect(tn.penalty.cases).toBe(5);
  expect(tn.penalty.amountYuan).toBe(31200);
  expect(tn.inspection.count).toBe(3);
  // 待复检 is the state at the end of the period, not a sum.
  expect(tn.inspection.pendingRecheck).toBe(1);
});

test('without a list, the townships are those seen in the folder; a month nobody reported has all of them missing', async () => {
  const files = await sampleFolder();
  const nov = await rollUp(files, { period: '2023-11', today: '2023-12-05' });
  expect(nov.current.townships.map((t) => [t.team, t.status, t.lateDays])).toEqual([
    ['水峪贯镇综合行政执法队', 'missing', 4],
    ['天宁镇综合行政执法队', 'missing', 4],
    ['西营镇综合行政执法队', 'missing', 4],
  ]);
});
