/* The 报送月份 word of a record in no month: 缺日期 only when nothing is written; an error value is 日期有误. */
import { reportMonthValues } from '../../src/session/report-month';
import { checkWorkbook } from '../../src/validation/workbook';
import { GOOD, TODAY, ledgerGrid } from '../helpers/ledger';

function words(kind: 'penalty' | 'inspection', rows: Record<string, unknown>[]): string[] {
  const l = checkWorkbook([ledgerGrid(kind, rows as never)], { today: TODAY }).ledgers[0];
  return [...reportMonthValues(l.layout, l.records).values()];
}

test('penalty: a month, a day that does not exist, an error value, text, nothing', () => {
  const rows = ['2023年10月12日', '2023年2月30日', { error: '#VALUE!' }, '待定', ''].map((closedOn, i) => ({ ...GOOD.penalty, seq: i + 1, decisionNo: `天综执罚决〔2023〕${60 + i}号`, closedOn }));
  expect(words('penalty', rows)).toEqual(['2023-10', '日期有误', '日期有误', '日期有误', '缺日期']);
});

test('inspection: an error value as the hazard count or the recheck date is 有误, not 缺', () => {
  const rows = [
    { ...GOOD.inspection, hazardCount: { error: '#N/A' } },
    { ...GOOD.inspection, seq: 2, docNo: '天综执检〔2023〕41号', hazardCount: '' },
    { ...GOOD.inspection, seq: 3, docNo: '天综执检〔2023〕42号', recheckOn: { error: '#REF!' } },
  ];
  expect(words('inspection', rows)).toEqual(['隐患数有误', '缺隐患数', '日期有误']);
});
