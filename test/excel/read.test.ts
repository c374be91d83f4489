/* Reading through the adapter: same results as the CLI, sync counts, payload limits, 1904, merges, API sets. */
import { readWorkbook } from '../../src/cli/xlsx';
import { templateSheet } from '../../src/ledger/template';
import { checkWorkbook } from '../../src/validation/workbook';
import { toCheckJson } from '../../src/validation/report';
import { FakeWorkbook, SheetJson, rectA1 } from '../fake-excel';
import { benchRow } from '../../bench/core.bench';
import { FIXTURE, TODAY, bigLedgerSheet, fixtureWorkbook, freshCheck, gridOf, ledgerSheet, serial, setup, teardown } from './helpers';

afterEach(teardown);

const GOOD_PENALTY = {
  seq: 1,
  decisionNo: '天综执罚决〔2023〕15号',
  cause: '生产不符合食品安全标准的食品案',
  party: '交城县某食品有限公司',
  facts: '该公司生产的月饼菌落总数超标',
  closedOn: serial('2023-10-12'),
  outcome: '警告',
  basis: '《中华人民共和国食品安全法》第一百二十四条第一款',
  officers: '王明、李强',
  receiptNo: '',
  remarks: '',
};

test('the fixture read through Office.js gives the same sheets, records and issues as the CLI', async () => {
  const cli = checkWorkbook((await readWorkbook(FIXTURE)).sheets, { today: TODAY });
  const s = setup(await fixtureWorkbook(), { apiVersion: '1.14' }); // the CLI reads merged areas: so must the host
  const state = await s.service.checkAll();
  expect(state.phase).toBe('ready');
  expect(state.check).not.toBeNull();
  const ours = toCheckJson(state.check!, 'sample-2023-10.xlsx');
  expect(ours).toEqual(toCheckJson(cli, 'sample-2023-10.xlsx'));
  expect(ours.records.length).toBe(23);
  expect(state.sheets.map((x) => [x.name, x.kind, x.records])).toEqual([
    ['行政处罚案件台账', 'penalty', 10],
    ['行政检查案件台账', 'inspection', 8],
    ['行政强制案件台账', 'coercion', 5],
  ]);
  expect(state.missingKinds).toEqual([]);
  expect(state.date1904).toBe(false);
  expect(s.logs.map((l) => l.op)).toEqual(['checkAll']);
  expect(s.logs[0].syncs).toBe(s.office.host.syncCount);
});

test('a full check of a 5,000-row ledger (next to the two other ledgers) takes at most 3 syncs on the desktop, marks included', async () => {
  const wb = FakeWorkbook.fromJson({
    sheets: [bigLedgerSheet('penalty', 5000), ledgerSheet('inspection', []), ledgerSheet('coercion', [])],
  });
  const s = setup(wb, { platform: 'PC' });
  const state = await s.service.checkAll();
  expect(state.sheets[0].records).toBe(5000);
  expect(state.sheets[0].errors).toBeGreaterThan(100);
  expect(s.office.host.syncCount).toBeLessThanOrEqual(3);
  expect(s.logs).toEqual([expect.objectContaining({ op: 'checkAll', syncs: s.office.host.syncCount })]);
  // The marks were written in that same operation.
  expect(wb.sheet('行政处罚案件台账').cfs.length).toBeGreaterThan(0);
  // And the result is the core's on the same cells.
  const core = checkWorkbook([gridOf(wb, '行政处罚案件台账')], { today: TODAY });
  expect(toCheckJson(state.check!, 'x').issues.filter((i) => i.sheet === '行政处罚案件台账')).toEqual(toCheckJson(core, 'x').issues);
});

test('Excel on the web: every sync stays under the 5 MB payload limit; one 5,000-row ledger still takes at most 3 syncs', async () => {
  const wb = FakeWorkbook.fromJson({ sheets: [bigLedgerSheet('inspection', 5000)] });
  const s = setup(wb, { platform: 'OfficeOnline' });
  const state = await s.service.checkAll();
  expect(state.phase).toBe('ready');
  expect(state.sheets[0].records).toBe(5000);
  expect(s.office.host.syncCount).toBeLessThanOrEqual(3);
  const limit = 5 * 1024 * 1024;
  for (const r of s.office.host.syncs) {
    expect(r.error).toBeUndefined();
    expect(r.responseBytes).toBeLessThan(limit);
    expect(r.requestBytes).toBeLessThan(limit);
  }
});

test('Excel on the web: three 5,000-row ledgers are read in more syncs, each under the limit', async () => {
  const wb = FakeWorkbook.fromJson({
    sheets: [bigLedgerSheet('penalty', 5000), bigLedgerSheet('inspection', 5000), bigLedgerSheet('coercion', 5000)],
  });
  const s = setup(wb, { platform: 'OfficeOnline' });
  const state = await s.service.checkAll();
  expect(state.sheets.map((x) => x.records)).toEqual([5000, 5000, 5000]);
  const syncs = s.office.host.syncs;
  expect(syncs.length).toBeGreaterThan(3);
  expect(syncs.every((r) => !r.error && r.responseBytes < 5 * 1024 * 1024)).toBe(true);
  // The estimate keeps each read well under the limit.
  expect(Math.max(...syncs.map((r) => r.responseBytes))).toBeLessThan(4 * 1024 * 1024);
});

test('a payload larger than estimated (long texts) is read again in smaller pieces', async () => {
  const long = '当事人在天宁街占道摆摊经营，经责令改正拒不改正。'.repeat(8);
  const rows = Array.from({ length: 3000 }, (_, i) => ({ ...GOOD_PENALTY, seq: i + 1, decisionNo: `天综执罚决〔2023〕${i + 1}号`, facts: long, party: `某公司${i}` }));
  const wb = FakeWorkbook.fromJson({ sheets: [ledgerSheet('penalty', rows)] });
  const s = setup(wb, { platform: 'OfficeOnline', payloadLimit: 1_000_000 });
  const state = await s.service.checkAll();
  expect(state.phase).toBe('ready');
  expect(state.sheets[0].records).toBe(3000);
  const syncs = s.office.host.syncs;
  expect(syncs.some((r) => r.error === 'ResponsePayloadSizeLimitExceeded')).toBe(true);
  expect(syncs[syncs.length - 1].error).toBeUndefined();
});

test('a workbook in the 1904 date system: serials are read as the right dates', async () => {
  const row = { ...GOOD_PENALTY, closedOn: serial('2023-10-12') - 1462 };
  const wb = FakeWorkbook.fromJson({ date1904: true, sheets: [ledgerSheet('penalty', [row])] });
  const s = setup(wb);
  const state = await s.service.checkAll();
  expect(state.date1904).toBe(true);
  const rec = state.check!.ledgers[0].records[0];
  expect(rec.reportMonth).toBe('2023-10');
  expect(rec.issues).toEqual([]);
});

/** A penalty ledger whose 执法人员 cells are merged over two rows each (`pairs` merges). */
function mergedOfficers(pairs: number): SheetJson {
  const rows = Array.from({ length: pairs * 2 }, (_, i) => ({
    ...GOOD_PENALTY,
    seq: i + 1,
    decisionNo: `天综执罚决〔2023〕${i + 1}号`,
    party: `某公司${i}`,
    officers: i % 2 === 0 ? '王明、李强' : null,
  }));
  const sheet = ledgerSheet('penalty', rows);
  const t = templateSheet('penalty');
  for (let p = 0; p < pairs; p++) {
    const top = t.firstDataRow + p * 2;
    sheet.merges!.push(rectA1({ top, left: 9, bottom: top + 1, right: 9 }));
  }
  return sheet;
}

test('vertically merged 执法人员 count for every row of the merge (ExcelApi 1.13 reads merged areas)', async () => {
  const wb = FakeWorkbook.fromJson({ sheets: [mergedOfficers(3)] });
  const s = setup(wb, { apiVersion: '1.14' });
  const state = await s.service.checkAll();
  const recs = state.check!.ledgers[0].records;
  expect(recs).toHaveLength(6);
  expect(recs.every((r) => r.issues.length === 0)).toBe(true);
});

test('more than 512 merged areas: read again in 64-row bands, and the sheet is read banded from then on', async () => {
  const wb = FakeWorkbook.fromJson({ sheets: [mergedOfficers(600)] });
  const s = setup(wb, { apiVersion: '1.14' });
  const state = await s.service.checkAll();
  const recs = state.check!.ledgers[0].records;
  expect(recs).toHaveLength(1200);
  expect(recs.filter((r) => r.issues.length)).toEqual([]);
  expect(s.office.host.syncs.some((r) => r.error === 'GeneralException')).toBe(true);
  const core = checkWorkbook([gridOf(wb, '行政处罚案件台账')], { today: TODAY });
  expect(toCheckJson(state.check!, 'x')).toEqual(toCheckJson(core, 'x'));
  s.syncsSince();
  await s.service.checkAll();
  expect(s.syncsSince()).toBeLessThanOrEqual(3);
  expect(s.office.host.syncs.slice(-3).every((r) => !r.error)).toBe(true);
});

test('the ExcelApi 1.14 host (Excel 2021): nothing newer is called, every operation works', async () => {
  const s = setup(await fixtureWorkbook(), { apiVersion: '1.14' });
  await s.service.checkAll();
  await s.service.startLive();
  s.wb.userEdit('行政处罚案件台账', 'I5', '王明、李强');
  await s.service.idle();
  await s.service.fillReportMonths();
  await s.service.setMarks(false);
  await s.service.setMarks(true);
  s.wb.userDeleteSheet('行政强制案件台账');
  await s.service.idle();
  await s.service.insertOfficialSheets('天宁镇综合行政执法队');
  await s.service.selectCell('行政处罚案件台账', 'F6');
  await s.service.stopLive();
  expect(s.office.host.syncs.filter((r) => r.error === 'ApiNotFound')).toEqual([]);
  const newer = [...s.office.host.apiUsed].filter(([, v]) => Number(v.split('.')[1]) > 14);
  expect(newer).toEqual([]);
  expect(s.office.host.apiUsed.has('Range.valuesAsJson')).toBe(false);
  expect(s.service.current().phase).toBe('ready');
});

test('a host without ExcelApi 1.13 reads without merged areas (and never asks for them)', async () => {
  const s = setup(await fixtureWorkbook(), { apiVersion: '1.12' });
  const state = await s.service.checkAll();
  expect(state.phase).toBe('ready');
  expect(state.sheets.map((x) => x.records)).toEqual([10, 8, 5]);
  expect(s.office.host.apiUsed.has('Range.getMergedAreasOrNullObject')).toBe(false);
  expect(s.office.host.syncs.every((r) => !r.error)).toBe(true);
});

test('a sheet that is no ledger is probed at the top only on later checks', async () => {
  const big: SheetJson = { name: '人员名单', rows: Array.from({ length: 3000 }, (_, i) => [`张${i}`, i, '综合执法队']) };
  const wb = FakeWorkbook.fromJson({ sheets: [big, ledgerSheet('penalty', [GOOD_PENALTY])] });
  const s = setup(wb);
  await s.service.checkAll();
  const first = s.office.host.syncs[1].responseBytes;
  await s.service.checkAll();
  const n = s.office.host.syncs.length;
  const again = s.office.host.syncs.slice(-2).find((r) => r.n === n - 1 || r.n === n)!;
  expect(again).toBeDefined();
  expect(s.office.host.syncs[n - 1].responseBytes).toBeLessThan(first / 5);
  expect(s.service.current().sheets.map((x) => x.name)).toEqual(['行政处罚案件台账']);
});

test('error values are told from text starting with “#” in both passes of a big read (Excel on the web: 8,000 rows take two), with valueTypes read only around the “#” strings', async () => {
  const plain = Array.from({ length: 8000 }, (_, i) => benchRow('penalty', i));
  const rows = [...plain];
  rows[2] = { ...rows[2], closedOn: { error: '#DIV/0!' }, remarks: '#3号柜' };
  rows[7990] = { ...rows[7990], officers: { error: '#N/A' }, remarks: '#NAME?' };
  const first = templateSheet('penalty', '天宁镇综合行政执法队').firstDataRow;
  const wb = FakeWorkbook.fromJson({ sheets: [ledgerSheet('penalty', rows)] });
  const s = setup(wb, { platform: 'OfficeOnline' });
  const state = await s.service.checkAll({ resultsOnly: true });
  expect(state.sheets[0].records).toBe(8000);
  // The cells as the host reports them (errors by valueTypes, text as text): the core's result on them.
  expect(toCheckJson(state.check!, 'x')).toEqual(freshCheck(wb));
  const rowsWithIssues = new Set(toCheckJson(state.check!, 'x').issues.map((i) => i.row));
  expect(rowsWithIssues.has(first + 2) && rowsWithIssues.has(first + 7990)).toBe(true);
  const withHash = s.office.host.syncCount;
  // One more sync for each pass that met a “#” string (pass 1, and pass 2's batch with row 7,990), none otherwise.
  const s2 = setup(FakeWorkbook.fromJson({ sheets: [ledgerSheet('penalty', plain)] }), { platform: 'OfficeOnline' });
  await s2.service.checkAll({ resultsOnly: true });
  expect(withHash - s2.office.host.syncCount).toBe(2);
});
