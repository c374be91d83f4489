/* prepareSubmission: which rows block the package, what goes where, due dates. */
import { SubmissionOptionError, prepareSubmission } from '../../src/submission';
import { checkWorkbook } from '../../src/validation/workbook';
import { namedMonth } from '../../src/submission/select';
import { CONTACT, INSPECTION_ROWS, PENALTY_ROWS, TEAM, TODAY, dataRows, period, readDocx, workbook } from './helpers-package';
import { GOOD, ledgerGrid } from '../helpers/ledger';

const opts = (p = '2023-10', extra: { allowErrors?: boolean; today?: string } = {}) => ({ period: period(p), team: TEAM, contact: CONTACT, today: TODAY, ...extra });

// Row 8: October, one officer (persons-min-two, an error). Row 9: September, a placeholder (error). Row 10: closing date unreadable.
const WITH_ERRORS = [
  ...PENALTY_ROWS,
  { ...GOOD.penalty, seq: 6, decisionNo: '天综执罚决〔2023〕41号', party: '己公司', closedOn: '2023年10月15日', officers: '王明' },
  { ...GOOD.penalty, seq: 7, decisionNo: '天综执罚决〔2023〕42号', party: 'XX有限公司', closedOn: '2023年9月15日' },
  { ...GOOD.penalty, seq: 8, decisionNo: '天综执罚决〔2023〕43号', party: '庚公司', closedOn: '2023年2月30日' },
];

describe('refusal', () => {
  test('an error on a row of the period refuses the package and names that row only', async () => {
    const r = await prepareSubmission(workbook({ penalty: WITH_ERRORS }), opts());
    expect(r.refused).toBe(true);
    if (!r.refused) return;
    expect(r.reason).toBe('errors');
    expect(r.blocking.map((b) => [b.sheet, b.row, b.cell, b.rule])).toEqual([['行政处罚案件台账', 8, 'I8', 'persons-min-two']]);
    expect(r.blocking[0].message).toMatch(/执法人员/);
    expect(r.message).toMatch(/^2023年10月的台账中有1行存在1处错误/);
    expect(r.message).not.toMatch(/\n/);
    expect(r).not.toHaveProperty('docx');
  });

  test('September: the placeholder row blocks; October errors do not', async () => {
    const r = await prepareSubmission(workbook({ penalty: WITH_ERRORS }), opts('2023-09'));
    expect(r.refused && r.blocking.map((b) => b.row)).toEqual([9]);
  });

  test('allowErrors: the invalid row is in the table, in order, and still reported', async () => {
    const r = await prepareSubmission(workbook({ penalty: WITH_ERRORS }), opts('2023-10', { allowErrors: true }));
    if (r.refused) throw new Error(r.message);
    expect(r.blocking.map((b) => b.row)).toEqual([8]);
    const rows = dataRows((await readDocx(r.docx)).tables[0]);
    expect(rows.map((x) => x[3])).toEqual(['乙公司', '丁公司', '己公司', '甲公司']);
    expect(rows.map((x) => x[0])).toEqual(['1', '2', '3', '4']);
  });

  test('a date that names a month of no real day (2023年2月30日) belongs to that month: nothing in October', async () => {
    const r = await prepareSubmission(workbook({ penalty: WITH_ERRORS }), opts('2023-10', { allowErrors: true }));
    if (r.refused) throw new Error(r.message);
    expect(r.sections[0].rows.map((x) => x.row)).not.toContain(10);
    expect(r.unplaced).toEqual([]);
    expect(r.notices.join('\n')).not.toMatch(/第10行/);
  });

  test('… and blocks the package of its own month; allowed, it is listed after that month’s dated rows', async () => {
    const feb = [{ ...GOOD.penalty, party: '甲公司', closedOn: '2023年2月10日' }, WITH_ERRORS[7], { ...GOOD.penalty, seq: 9, decisionNo: '天综执罚决〔2023〕44号', party: '辛公司', closedOn: '2023年2月20日' }];
    const r = await prepareSubmission(workbook({ penalty: feb }), opts('2023-02'));
    expect(r.refused && r.blocking.map((b) => [b.row, b.cell, b.rule])).toEqual([[4, 'F4', 'date-invalid']]);
    const allowed = await prepareSubmission(workbook({ penalty: feb }), opts('2023-02', { allowErrors: true }));
    if (allowed.refused) throw new Error(allowed.message);
    expect(allowed.sections[0].rows.map((x) => [x.row, x.decidingDate, x.cells.closedOn])).toEqual([
      [3, '2023-02-10', '2023年2月10日'],
      [5, '2023-02-20', '2023年2月20日'],
      [4, null, '2023年2月30日'],
    ]);
  });

  test('a deciding date that names no month (#VALUE!, 待定, empty) is unplaced: not in the file, not blocking, named with its cell', async () => {
    const penalty = [
      ...PENALTY_ROWS,
      { ...GOOD.penalty, seq: 6, decisionNo: '天综执罚决〔2023〕51号', party: '壬公司', closedOn: { error: '#VALUE!' } },
      { ...GOOD.penalty, seq: 7, decisionNo: '天综执罚决〔2023〕52号', party: '癸公司', closedOn: '待定' },
      { ...GOOD.penalty, seq: 8, decisionNo: '天综执罚决〔2023〕53号', party: '子公司', closedOn: '' },
    ];
    const r = await prepareSubmission(workbook({ penalty }), opts('2023-10', { allowErrors: true }));
    if (r.refused) throw new Error(r.message);
    expect(r.sections[0].rows.map((x) => x.row)).toEqual([4, 6, 3]);
    expect(r.unplaced).toEqual([
      { kind: 'penalty', sheet: '行政处罚案件台账', row: 8, cell: 'F8', text: '结案时间是错误值 #VALUE!' },
      { kind: 'penalty', sheet: '行政处罚案件台账', row: 9, cell: 'F9', text: '结案时间“待定”无法识别' },
      { kind: 'penalty', sheet: '行政处罚案件台账', row: 10, cell: 'F10', text: '结案时间没有填写，也没有写明尚未结案（已结案的请填写结案时间，尚未结案的请在备注中写明）' },
    ]);
    expect(r.blocking.map((b) => b.row)).toEqual([]);
    // An empty 结案时间 is pending (issue 17): in the e-mail's 待办 list too, without saying it is open.
    expect(r.pending.filter((p) => p.kind === 'penalty').map((p) => [p.row, p.state, p.text])).toEqual([[10, '结案时间未填', '子公司，警告，并处罚款5000元，结案时间未填写']]);
  });

  test('… unless another date on its row is after the period (the case ended after it)', async () => {
    const inspection = [{ ...INSPECTION_ROWS[1], party: '某茶馆', inspectedOn: '2023年11月2日', recheckOn: { error: '#VALUE!' } }];
    const oct = await prepareSubmission(workbook({ inspection }), opts('2023-10', { allowErrors: true }));
    expect(oct.unplaced).toEqual([]);
    const nov = await prepareSubmission(workbook({ inspection }), opts('2023-11', { allowErrors: true, today: '2023-12-05' }));
    expect(nov.unplaced.map((u) => [u.row, u.cell, u.text])).toEqual([[4, 'M4', '复检日期是错误值 #VALUE!']]);
  });

  test('namedMonth: the one year and month a date that cannot be read names', () => {
    expect(namedMonth('2023年2月30日')).toBe('2023-02');
    expect(namedMonth('二〇二三年十月三十二日')).toBe('2023-10');
    expect(namedMonth('２０２３年１０月')).toBe('2023-10');
    expect(namedMonth('2023-10-32')).toBe('2023-10');
    expect(namedMonth('2023.2.29 上午')).toBe('2023-02');
    expect(namedMonth('20231032')).toBe('2023-10');
    expect(namedMonth('2023年10月12日至2023年12月30日')).toBeNull();
    expect(namedMonth('2023年13月1日')).toBeNull();
    expect(namedMonth('待定')).toBeNull();
    expect(namedMonth('10月12日')).toBeNull();
  });

  test('pending rows with errors do not block (they are in no month) but are listed', async () => {
    const coercion = [{ ...GOOD.coercion, party: '某仓库', category: '罚款', closedOn: '', result: '' }];
    const r = await prepareSubmission(workbook({ coercion }), opts());
    if (r.refused) throw new Error(r.message);
    expect(r.pending.map((p) => [p.kind, p.row, p.state])).toEqual([
      ['inspection', 6, '待复检'],
      ['coercion', 3, '尚未结案'],
    ]);
  });

  test('pending rows that started after the period are not listed for it', async () => {
    const r = await prepareSubmission(workbook(), opts('2023-09'));
    if (r.refused) throw new Error(r.message);
    expect(r.pending).toEqual([]);
  });

  test('a ledger missing a required column blocks the package (the error is on its header row)', async () => {
    const grid = ledgerGrid('penalty', [GOOD.penalty], '行政处罚案件台账');
    const col = grid.rows[1].indexOf('处罚依据');
    for (const row of grid.rows) if (row.length > col) row[col] = null;
    const r = await prepareSubmission(checkWorkbook([grid], { today: TODAY }), opts());
    expect(r.refused && r.blocking.map((b) => [b.row, b.rule])).toEqual([[2, 'required']]);
  });

  test('a workbook with no ledger is refused as such', async () => {
    const r = await prepareSubmission(checkWorkbook([{ name: 'Sheet1', top: 1, left: 1, rows: [['随便写点什么']], merges: [] }], { today: TODAY }), opts());
    expect(r.refused && r.reason).toBe('no-ledgers');
  });
});

describe('ordering', () => {
  test('rows of several sheets of one ledger are merged and sorted by date; equal dates keep sheet order', async () => {
    const row = (n: number, party: string, closedOn: string) => ({ ...GOOD.penalty, seq: n, decisionNo: `天综执罚决〔2023〕${50 + n}号`, party, closedOn });
    const grids = [
      ledgerGrid('penalty', [row(1, '甲', '2023年10月20日'), row(2, '乙', '2023年10月5日'), row(3, '丙', '2023年10月5日')], '处罚台账（一）'),
      ledgerGrid('penalty', [row(4, '丁', '2023年10月5日'), row(5, '戊', '2023年10月1日')], '处罚台账（二）'),
    ];
    const r = await prepareSubmission(checkWorkbook(grids, { today: TODAY }), opts());
    if (r.refused) throw new Error(r.message);
    expect(r.sections[0].rows.map((x) => [x.cells.seq, x.cells.party, x.sheet])).toEqual([
      ['1', '戊', '处罚台账（二）'],
      ['2', '乙', '处罚台账（一）'],
      ['3', '丙', '处罚台账（一）'],
      ['4', '丁', '处罚台账（二）'],
      ['5', '甲', '处罚台账（一）'],
    ]);
  });
});

describe('due date and options', () => {
  test('due on the 1st; overdue after it; the period not over yet is pointed out', async () => {
    const late = await prepareSubmission(workbook(), opts());
    expect(late.due).toEqual({ date: '2023-11-01', overdue: true, daysLate: 4, unfinished: false });
    const onTime = await prepareSubmission(workbook(), opts('2023-10', { today: '2023-11-01' }));
    expect(onTime.due.overdue).toBe(false);
    const early = await prepareSubmission(workbook(), opts('2023-11', { today: '2023-11-05' }));
    expect(early.notices.join('')).toMatch(/2023年11月30日才结束/);
  });

  test('bad options throw SubmissionOptionError with a Chinese message', async () => {
    await expect(prepareSubmission(workbook(), { ...opts(), today: '2023-13-01' })).rejects.toThrow(SubmissionOptionError);
    await expect(prepareSubmission(workbook(), { ...opts(), contact: { name: '张三', title: '队员', phone: '12' } })).rejects.toThrow(/电话/);
    await expect(prepareSubmission(workbook(), { ...opts(), team: 'XX综合行政执法队' })).rejects.toThrow(/占位符/);
  });
});
