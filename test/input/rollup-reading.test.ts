/*
 * The county roll-up reads a township's .xlsx through the same reader and the same table
 * boundaries (issue 16 §3): October's cases below a month divider and a 合计 line, with a
 * continuation row, a hidden sheet and an ISO date, are all counted; nothing below a divider vanishes.
 */
import { rollUp } from '../../src/rollup';
import { craftXlsx, inlRow } from './craft';
import { HEADER, TITLE, record } from '../helpers/hostile-files';

test('a township workbook with dividers, a total and a continuation: every October case is counted', async () => {
  const iso = (r: number, n: number) => inlRow(r, record(n)).replace(/<c r="F\d+"[^]*?<\/c>/, `<c r="F${r}" t="d"><v>2023-10-2${n % 9}T00:00:00</v></c>`);
  const rows =
    inlRow(1, [TITLE]) +
    inlRow(2, HEADER) +
    inlRow(3, ['2023年9月']) +
    inlRow(4, record(1, { 5: '2023年9月20日' })) +
    inlRow(5, ['2023年10月']) +
    inlRow(6, record(2)) +
    inlRow(7, [null, null, null, null, '（续）经责令改正拒不改正']) +
    iso(8, 3) +
    inlRow(9, ['合计', '共3件']) +
    inlRow(10, record(4, { 5: '2023年10月30日' }));
  const files = [{ name: '天宁镇/台账.xlsx', bytes: craftXlsx({ sheets: [{ name: '处罚台账', rows, merges: ['A3:K3', 'A5:K5'] }] }) }];
  const r = await rollUp(files, { period: '2023-10', today: '2023-11-05', townships: ['天宁镇'] });
  const t = r.current.townships.find((x) => x.team.startsWith('天宁镇'))!;
  expect(t.figures.penalty.cases).toBe(3);
  // September's case is said to be outside the month; no row is unread, nothing asks for fields a divider or a total does not have.
  expect(t.issues.map((i) => [i.rule, i.row])).toEqual([['outside-period', 4]]);
});
