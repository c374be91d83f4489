/*
 * Open penalty cases (issue 17), from the check to the 报送月份 column and the package: an empty
 * 结案时间 is pending — `尚未结案` when the row says so, else `结案时间未填` with a warning, and
 * listed as possibly missing from the period.
 */
import { periodSchema } from '../../src/ledger/options';
import { reportMonthValues } from '../../src/session/report-month';
import { prepareSubmission } from '../../src/submission';
import { pendingLabel } from '../../src/validation/check';
import { checkWorkbook } from '../../src/validation/workbook';
import { GOOD, Row, TODAY, ledgerGrid } from '../helpers/ledger';
import { readDocx } from '../submission/helpers-package';

const row = (n: number, r: Row): Row => ({ ...GOOD.penalty, seq: n, decisionNo: `天综执罚决〔2023〕${70 + n}号`, party: `某公司${n}`, ...r });
const ROWS: Row[] = [
  row(1, {}), // closed in October
  row(2, { closedOn: '', receiptNo: '', remarks: '当事人申请分期缴纳，尚未缴清' }),
  row(3, { closedOn: '尚未结案', receiptNo: '' }),
  row(4, { closedOn: '', receiptNo: '', remarks: '逾期未缴纳罚款，已申请人民法院强制执行' }),
  row(5, { closedOn: '', receiptNo: '' }), // nothing says it is open
  row(6, { closedOn: '/', receiptNo: '' }),
];

function check() {
  return checkWorkbook([ledgerGrid('penalty', ROWS, '行政处罚案件台账')], { today: TODAY });
}

test('statuses, states and issues', () => {
  const recs = check().ledgers[0].records;
  expect(recs.map((r) => [r.row, r.status, r.reportMonth, r.pendingState ?? null, pendingLabel(r)])).toEqual([
    [3, 'ok', '2023-10', null, '尚未结案'],
    [4, 'pending', null, 'open', '尚未结案'],
    [5, 'pending', null, 'open', '尚未结案'],
    [6, 'pending', null, 'open', '尚未结案'],
    [7, 'pending', null, 'unconfirmed', '结案时间未填'],
    [8, 'pending', null, 'unconfirmed', '结案时间未填'],
  ]);
  // No error, no receipt asked of a case not yet paid; the unconfirmed ones get one warning on the date cell.
  expect(recs.map((r) => r.issues.map((i) => [i.cell, i.rule, i.severity]))).toEqual([
    [],
    [],
    [],
    [],
    [['F7', 'penalty-open-unconfirmed', 'warning']],
    [['F8', 'penalty-open-unconfirmed', 'warning']],
  ]);
  expect(recs[4].issues[0].message).toBe(
    'F7「结案时间」：「结案时间」为空，本行也没有写明尚未结案。处罚案件以结案时间为标准报送，本案暂按尚未结案处理，不计入任何月份。已结案的请填写结案时间；未结案的请在「备注」中写明“尚未结案”（或分期缴纳、申请法院强制执行等）。',
  );
});

test('the 报送月份 column: 未结案 for an open case, 缺日期 when the date is simply missing', () => {
  const l = check().ledgers[0];
  expect([...reportMonthValues(l.layout, l.records).values()]).toEqual(['2023-10', '未结案', '未结案', '未结案', '缺日期', '缺日期']);
});

test('the package: every open case in 待办; the unconfirmed ones also as possibly missing; nothing blocks', async () => {
  const period = periodSchema.parse('2023-10');
  const r = await prepareSubmission(check(), { period, team: '天宁镇综合行政执法队', contact: { name: '张三', title: '队员', phone: '13812345678' }, today: TODAY });
  if (r.refused) throw new Error(r.message);
  expect(r.sections[0].rows.map((x) => x.row)).toEqual([3]);
  expect(r.pending.map((p) => [p.row, p.state])).toEqual([
    [4, '尚未结案'],
    [5, '尚未结案'],
    [6, '尚未结案'],
    [7, '结案时间未填'],
    [8, '结案时间未填'],
  ]);
  expect(r.pending[0].text).toBe('某公司2，警告，并处罚款5000元，尚未结案');
  expect(r.pending[3].text).toBe('某公司5，警告，并处罚款5000元，结案时间未填写');
  expect(r.unplaced.map((u) => [u.row, u.cell])).toEqual([
    [7, 'F7'],
    [8, 'F8'],
  ]);
  expect(r.body).toContain('另有待办案件5件');
  // The Word cover counts them by state.
  expect((await readDocx(r.docx)).paragraphs.join('\n')).toContain('待办案件：行政处罚5件（尚未结案3件、结案时间未填2件），未计入本期');
  expect(r.body).toContain('行政处罚案件台账第7行：某公司5，警告，并处罚款5000元，结案时间未填写');
});

test('a case that says it was closed later than the period is not “possibly missing” from it', async () => {
  const rows = [row(1, { closedOn: '', receiptNo: '', filedOn: '2023年11月2日' })];
  const check2 = checkWorkbook([ledgerGrid('penalty', rows, '行政处罚案件台账')], { today: TODAY });
  const r = await prepareSubmission(check2, { period: periodSchema.parse('2023-10'), team: '天宁镇综合行政执法队', contact: { name: '张三', title: '队员', phone: '13812345678' }, today: TODAY });
  if (r.refused) throw new Error(r.message);
  expect(r.unplaced).toEqual([]);
  expect(r.pending).toEqual([]); // it started after the period
});
