/*
 * The 执法人员名单 rules (issue 21), each with a lawful near miss: who is not on the roster, whose
 * certificate had expired on the day of the act (and the one valid that day that expired later),
 * who holds none (and two officers plus a 协管员), a name spelled with a full-width space; the act
 * date per ledger; what an unreadable roster says (once); and that without a roster nothing changes.
 */
import fc from 'fast-check';
import { Kind } from '../../src/ledger/columns';
import { readRoster } from '../../src/ledger/roster';
import { CheckOptions, Issue, WorkbookCheck } from '../../src/validation/check';
import { toCheckJson } from '../../src/validation/report';
import { checkWorkbook } from '../../src/validation/workbook';
import { GOOD, Row, TODAY, ledgerGrid } from '../helpers/ledger';
import { Officer, TEAM, rosterGrid } from '../helpers/roster';

const with_ = (officers: Officer[], over: Partial<Record<string, Officer>> = {}): Officer[] => officers.map((o) => ({ ...o, ...(over[o.name as string] ?? {}) }));

function check(kind: Kind, rows: Row[], officers: Officer[] | null, opts: Partial<CheckOptions> = {}): WorkbookCheck {
  const grids = [ledgerGrid(kind, rows, '台账'), ...(officers ? [rosterGrid(officers)] : [])];
  return checkWorkbook(grids, { today: TODAY, ...opts });
}

function issues(kind: Kind, row: Row, officers: Officer[] | null, opts: Partial<CheckOptions> = {}): Issue[] {
  return check(kind, [{ ...GOOD[kind], ...row }], officers, opts).ledgers[0].records[0].issues;
}

const roster = (list: Issue[]) => list.filter((i) => i.rule.startsWith('roster-'));
const rules = (list: Issue[]) => roster(list).map((i) => `${i.rule}@${i.cell}`);

describe('roster-not-listed', () => {
  test('an officer the roster does not list is a warning on the 执法人员 cell; all listed: nothing', () => {
    const found = issues('penalty', { officers: '王明、钱七' }, TEAM);
    expect(rules(found)).toEqual(['roster-not-listed@I3']);
    expect(found[0].severity).toBe('warning');
    expect(found[0].message).toContain('“钱七”不在「执法人员名单」中');
    expect(rules(issues('penalty', { officers: '王明、李强' }, TEAM))).toEqual([]);
  });
  test('a name with a full-width space, padding or a stray space matches its entry, both ways', () => {
    expect(rules(issues('penalty', { officers: '王　明、李 强' }, TEAM))).toEqual([]);
    expect(rules(issues('penalty', { officers: '王明\u3000李强' }, TEAM))).toEqual([]);
    const padded = with_(TEAM, { 李强: { name: '李　强' }, 王明: { name: ' 王明 ' } });
    expect(rules(issues('penalty', { officers: '王明、李强' }, padded))).toEqual([]);
    // A minority name with another dot.
    const minority = [...TEAM, { name: '阿依古丽·买买提', certNo: '14010009', validUntil: '2027年1月1日' }];
    expect(rules(issues('penalty', { officers: '王明、阿依古丽•买买提' }, minority))).toEqual([]);
  });
  test('someone the roster says left before the act is not listed for it; an act before the day he left is fine', () => {
    const left = with_(TEAM, { 李强: { remarks: '已调离 2023-08-01' } });
    const after = issues('penalty', { closedOn: '2023年9月5日' }, left);
    expect(rules(after)).toEqual(['roster-not-listed@I3']);
    expect(after.find((i) => i.rule === 'roster-not-listed')!.message).toContain('已于2023年8月1日调离，早于结案时间（2023年9月5日）');
    expect(rules(issues('penalty', { closedOn: '2023年7月20日' }, left))).toEqual([]);
    expect(rules(issues('penalty', { closedOn: '2023年8月1日' }, left))).toEqual([]);
    // 已调离 without a day cannot be placed before or after the act: nothing.
    expect(rules(issues('penalty', {}, with_(TEAM, { 李强: { remarks: '已调离' } })))).toEqual([]);
  });
});

describe('roster-cert-expired', () => {
  const expiredMid = with_(TEAM, { 李强: { validUntil: '2023年6月30日' } });
  test('penalty: a certificate expired before 结案时间 is an error; valid on the day, expired later: nothing', () => {
    const found = issues('penalty', { closedOn: '2023年7月5日' }, expiredMid);
    expect(rules(found)).toEqual(['roster-cert-expired@I3']);
    const i = found.find((x) => x.rule === 'roster-cert-expired')!;
    expect(i.severity).toBe('error');
    expect(i.message).toContain('李强的执法证有效期至2023年6月30日，早于结案时间（2023年7月5日）');
    expect(i.message).toContain('第四十二条');
    expect(check('penalty', [{ ...GOOD.penalty, closedOn: '2023年7月5日' }], expiredMid).ledgers[0].records[0].status).toBe('invalid');
    expect(rules(issues('penalty', { closedOn: '2023年6月30日' }, expiredMid))).toEqual([]);
  });
  test('penalty with a 决定时间 column: the decision day counts (the officers acted before it)', () => {
    expect(rules(issues('penalty', { decidedOn: '2023年6月20日', closedOn: '2023年7月5日' }, expiredMid))).toEqual([]);
    expect(rules(issues('penalty', { decidedOn: '2023年7月1日', closedOn: '2023年7月5日' }, expiredMid))).toEqual(['roster-cert-expired@I3']);
    // No readable decision day on the row: 结案时间 again.
    expect(rules(issues('penalty', { decidedOn: '', closedOn: '2023年7月5日' }, expiredMid))).toEqual(['roster-cert-expired@I3']);
  });
  test('inspection: 检查人员 by 检查时间, 复检人 by 复检日期', () => {
    const r = with_(TEAM, { 李四: { validUntil: '2023年10月18日' } });
    const found = issues('inspection', { inspectedOn: '2023年10月16日', recheckOn: '2023年10月20日', inspectors: '张三、李四', rechecker: '张三、李四' }, r);
    expect(rules(found)).toEqual(['roster-cert-expired@N4']);
    expect(found.find((x) => x.rule === 'roster-cert-expired')!.message).toContain('早于复检日期（2023年10月20日）');
    expect(rules(issues('inspection', { inspectedOn: '2023年10月16日', recheckOn: '2023年10月18日' }, r))).toEqual([]);
  });
  test('复检人 `同上` is the inspectors on the recheck day; no recheck yet: the 复检人 is not checked', () => {
    const r = with_(TEAM, { 李四: { validUntil: '2023年10月18日' } });
    const found = issues('inspection', { inspectedOn: '2023年10月16日', recheckOn: '2023年10月20日', inspectors: '张三、李四', rechecker: '同上' }, r);
    expect(rules(found)).toEqual(['roster-cert-expired@N4']);
    expect(found.find((x) => x.rule === 'roster-cert-expired')!.message).toContain('“同上”中李四的执法证有效期至2023年10月18日');
    expect(rules(issues('inspection', { inspectedOn: '2023年10月16日', recheckOn: '', rectifyDone: '', rechecker: '钱七、孙八' }, r))).toEqual([]);
  });
  test('coercion: by 实施时间, not by the later 结案时间', () => {
    const r = with_(TEAM, { 王明: { validUntil: '2023年10月1日' } });
    expect(rules(issues('coercion', { startedOn: '2023年9月20日', closedOn: '2023年10月18日' }, r))).toEqual([]);
    expect(rules(issues('coercion', { startedOn: '2023年10月2日', closedOn: '2023年10月18日' }, r))).toEqual(['roster-cert-expired@L3']);
  });
  test('a renewed certificate (two rows, one valid that day), 长期, no 有效期至, an unreadable one: never “expired”', () => {
    const renewed = [...with_(TEAM, { 李强: { validUntil: '2022年12月31日' } }), { name: '李强', certNo: '14019002', validUntil: '2028年12月31日' }];
    expect(rules(issues('penalty', {}, renewed))).toEqual([]);
    expect(rules(issues('penalty', {}, with_(TEAM, { 李强: { validUntil: '长期' } })))).toEqual([]);
    expect(rules(issues('penalty', {}, with_(TEAM, { 李强: { validUntil: null } })))).toEqual([]);
    expect(rules(issues('penalty', {}, with_(TEAM, { 李强: { validUntil: '2023年2月30日' } })))).toEqual([]);
    // A range: its end counts.
    expect(rules(issues('penalty', { closedOn: '2023年7月5日' }, with_(TEAM, { 李强: { validUntil: '2018年7月1日至2023年6月30日' } })))).toEqual(['roster-cert-expired@I3']);
  });
  test('an Excel date serial in 有效期至 reads as the date it shows (1900 and 1904 systems)', () => {
    // 2023-06-30 is 45107 (1900) and 43645 (1904).
    expect(rules(issues('penalty', { closedOn: '2023年7月5日' }, with_(TEAM, { 李强: { validUntil: 45107 } })))).toEqual(['roster-cert-expired@I3']);
    expect(rules(issues('penalty', { closedOn: '2023年7月5日' }, with_(TEAM, { 李强: { validUntil: 43645 } }), { date1904: true }))).toEqual(['roster-cert-expired@I3']);
  });
});

describe('roster-no-cert', () => {
  const aux = [...TEAM, { name: '周八', certNo: '', remarks: '协管员' }];
  test('two officers and a 协管员 of the roster: lawful; one officer and the 协管员: an error naming him', () => {
    expect(rules(issues('penalty', { officers: '王明、李强、周八' }, aux))).toEqual([]);
    const found = issues('penalty', { officers: '王明、周八' }, aux);
    expect(rules(found)).toEqual(['roster-no-cert@I3']);
    expect(found[0].message).toContain('周八（名单中注明为协管员等辅助人员）');
    expect(found[0].severity).toBe('error');
  });
  test('a row without 执法证号 holds no certificate; a roster without that column says nothing of it', () => {
    const noNumber = [...TEAM, { name: '吴九', certNo: '无', validUntil: '2027年1月1日' }];
    const found = issues('penalty', { officers: '王明、吴九' }, noNumber);
    expect(rules(found)).toEqual(['roster-no-cert@I3']);
    expect(found[0].message).toContain('吴九（名单中没有执法证号）');
    const grid = rosterGrid([{ name: '王明' }, { name: '吴九' }], '名单', null, {});
    // The same names in a roster of 姓名 and 有效期至 only (under its title): no 执法证号 column, no finding.
    grid.rows[1] = ['姓名', '', '', '有效期至', ''];
    const res = checkWorkbook([ledgerGrid('penalty', [{ ...GOOD.penalty, officers: '王明、吴九' }]), grid], { today: TODAY });
    expect(roster(res.ledgers[0].records[0].issues)).toEqual([]);
  });
  test('the role may be in 人员类别 or in the name itself; “原协管员” holding a certificate is an officer', () => {
    expect(rules(issues('penalty', { officers: '王明、周八' }, [...TEAM, { name: '周八', certNo: '14010008', role: '辅警' }]))).toEqual(['roster-no-cert@I3']);
    expect(rules(issues('penalty', { officers: '王明、周八' }, [...TEAM, { name: '周八（网格员）', certNo: '' }]))).toEqual(['roster-no-cert@I3']);
    expect(rules(issues('penalty', { officers: '王明、周八' }, [...TEAM, { name: '周八', certNo: '14010008', validUntil: '2027年1月1日', remarks: '原协管员，2022年取得执法证' }]))).toEqual([]);
  });
  test('fewer than two on the cell itself stays persons-min-two’s (one cell, one root)', () => {
    const found = issues('penalty', { officers: '周八' }, aux);
    expect(found.map((i) => i.rule)).toEqual(['persons-min-two']);
  });
});

describe('the roster sheet itself', () => {
  test('a roster without a 姓名 column is said once, on the roster; no officer is flagged', () => {
    const grid = rosterGrid(TEAM, '执法人员名单');
    grid.rows[1] = ['编号', '执法证号', '发证机关', '有效期至', '备注'];
    grid.rows = grid.rows.map((r, i) => (i >= 2 ? [r[1], r[1], r[2], r[3], r[4]] : r));
    const res = checkWorkbook([ledgerGrid('penalty', [{ ...GOOD.penalty, officers: '钱七、孙八' }]), grid], { today: TODAY });
    expect(roster(res.ledgers[0].records[0].issues)).toEqual([]);
    expect(res.rosters!.map((r) => [r.readable, r.issues.map((i) => i.rule)])).toEqual([[false, ['roster-unreadable']]]);
    expect(res.rosters![0].issues[0].message).toContain('找不到「姓名」列');
  });
  test('a roster header without 姓名 and without a title is also named (not silently skipped)', () => {
    const grid = { name: 'Sheet3', top: 1, left: 1, merges: [], rows: [['证号', '发证机关', '有效期至'], ['14010001', '交城县人民政府', '2027年12月31日']] };
    const res = checkWorkbook([ledgerGrid('penalty', [GOOD.penalty]), grid], { today: TODAY });
    expect(res.rosters!.map((r) => r.issues.map((i) => i.rule))).toEqual([['roster-unreadable']]);
  });
  test('rows it cannot read are warnings on the roster: a date that does not exist, two names in a cell, a row without a name', () => {
    const res = check('penalty', [GOOD.penalty], [...TEAM, { name: '孙十', certNo: '1', validUntil: '2023年2月30日' }, { name: '钱七、孙八', certNo: '2' }, { certNo: '3', issuer: '交城县人民政府' }]);
    const r = res.rosters![0];
    expect(r.issues.map((i) => [i.rule, i.cell])).toEqual([
      ['roster-entry-unreadable', 'D9'],
      ['roster-entry-unreadable', 'A10'],
      ['roster-entry-unreadable', 'A11'],
    ]);
    expect(r.issues[0].message).toContain('孙十');
    expect(r.people).toBe(7);
  });
  test('the roster’s state: people, certified officers, certificates expiring within 60 days and already expired', () => {
    const r = check('penalty', [GOOD.penalty], [
      ...with_(TEAM, { 张三: { validUntil: '2024年1月4日' }, 李四: { validUntil: '2023年12月1日' }, 王五: { validUntil: '2024年1月5日' }, 赵六: { validUntil: '2023年11月4日' } }),
      { name: '周八', remarks: '协管员' },
    ]).rosters![0];
    expect([r.people, r.certified]).toEqual([7, 6]);
    // Today is 2023-11-05: 60 days ahead is 2024-01-04.
    expect(r.expiringSoon.map((c) => [c.name, c.until])).toEqual([
      ['李四', '2023-12-01'],
      ['张三', '2024-01-04'],
    ]);
    expect(r.expired.map((c) => c.name)).toEqual(['赵六']);
    expect(r.cell).toBe('A3');
  });
  test('recognised like a ledger: aliases, a title row with the team, extra columns, an offset, a 序号 column', () => {
    const grid = {
      name: '人员',
      top: 2,
      left: 2,
      merges: [],
      rows: [
        ['天宁镇综合行政执法队行政执法人员花名册'],
        [],
        ['序号', '执法人员姓名', '手机号', '行政执法证件号', '发证单位', '证件有效期', '备注'],
        [1, '王明', '13800000000', '14010001', '交城县人民政府', '2027/12/31', ''],
        [2, '李强', '13800000001', '14010002', '交城县人民政府', '2023.6.30', ''],
      ],
    };
    const read = readRoster(grid)!;
    expect(read.layout!.team).toBe('天宁镇综合行政执法队');
    expect(read.entries.map((e) => [e.name, e.certNo, e.validUntil])).toEqual([
      ['王明', '14010001', '2027-12-31'],
      ['李强', '14010002', '2023-06-30'],
    ]);
    expect(read.layout!.extras.map((e) => e.header)).toEqual(['手机号']);
    const res = checkWorkbook([ledgerGrid('penalty', [{ ...GOOD.penalty, closedOn: '2023年7月5日' }]), grid], { today: TODAY });
    expect(rules(res.ledgers[0].records[0].issues)).toEqual(['roster-cert-expired@I3']);
  });
  test('sheets that are no roster: a 人员名单 of 姓名 and 职务, a note mentioning the roster, a ledger', () => {
    expect(readRoster({ name: '人员名单', top: 1, left: 1, merges: [], rows: [['姓名', '职务'], ['张三', '队员']] })).toBeNull();
    expect(readRoster({ name: '说明', top: 1, left: 1, merges: [], rows: [['本工作簿的执法人员名单见另表，请每季度核对一次执法证件的有效期。']] })).toBeNull();
    expect(readRoster(ledgerGrid('penalty', [GOOD.penalty]))).toBeNull();
    // A licence list and an ID-card list: 发证机关 and 有效期至 without 执法证号 (and no roster title).
    expect(readRoster({ name: '许可证', top: 1, left: 1, merges: [], rows: [['经营者', '许可证编号', '发证机关', '有效期至'], ['某超市', 'JY1140', '交城县市场监督管理局', '2026年1月1日']] })).toBeNull();
    expect(readRoster({ name: '职工', top: 1, left: 1, merges: [], rows: [['姓名', '身份证号', '发证机关', '有效期限'], ['张三', '142301', '交城县公安局', '2030年1月1日']] })).toBeNull();
  });
});

describe('only when a roster exists', () => {
  test('no roster sheet: the same result as before, and no `rosters` key', () => {
    const res = check('penalty', [{ ...GOOD.penalty, officers: '钱七、孙八' }], null);
    expect(res.rosters).toBeUndefined();
    expect(roster(res.ledgers[0].records[0].issues)).toEqual([]);
    expect(Object.keys(toCheckJson(res, 'x'))).toEqual(['file', 'today', 'sheets', 'records', 'issues']);
  });
  test('the inserted, still empty roster checks nothing', () => {
    const res = check('penalty', [{ ...GOOD.penalty, officers: '钱七、孙八' }], []);
    expect(res.rosters!.map((r) => [r.readable, r.people])).toEqual([[true, 0]]);
    expect(roster(res.ledgers[0].records[0].issues)).toEqual([]);
  });
  test('check --json adds `rosters` (no 执法证号 in it) and keeps every other field', () => {
    const json = toCheckJson(check('penalty', [{ ...GOOD.penalty, officers: '王明、钱七' }], TEAM), 'x.xlsx');
    expect(Object.keys(json)).toEqual(['file', 'today', 'sheets', 'records', 'issues', 'rosters']);
    expect(json.sheets.map((s) => s.kind)).toEqual(['penalty']);
    expect(json.issues.map((i) => i.rule)).toContain('roster-not-listed');
    expect(json.rosters).toEqual([{ sheet: '执法人员名单', headerRow: 2, readable: true, people: 6, certified: 6, expiringSoon: [], expired: [], issues: [] }]);
    expect(JSON.stringify(json)).not.toContain('14010001');
  });
});

test('reading a roster never throws on any cell value', () => {
  const cell = fc.oneof(
    fc.string(),
    fc.constantFrom('王　明', '协管员', '已调离 2023-08-01', '长期', '2023年2月30日', '/', '无', '2018年1月1日至2023年6月30日', '王明、李强', '（辅警）'),
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.constant({ error: '#N/A' }),
    fc.date({ noInvalidDate: false }),
  );
  fc.assert(
    fc.property(fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 8 }), (rows) => {
      const grid = rosterGrid([]);
      grid.rows.push(...rows);
      const read = readRoster(grid);
      expect(read).not.toBeNull();
      checkWorkbook([ledgerGrid('penalty', [GOOD.penalty]), grid], { today: TODAY });
    }),
    { numRuns: 300 },
  );
});
