/*
 * Holiday arrangements after the built-in data (chinese-days covers 2004–2026): a year's
 * arrangement added as a small JSON text (src/ledger/holiday-file.ts), the same for the CLI
 * (`--holidays`, TAIZHANG_HOLIDAYS) and the pane's settings text; deadlines in a year not
 * covered say so in their message. The 2027 arrangement here is made up for the tests (the State
 * Council's real one is not in this repository); the 2026 example file is the real one.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import calendar from 'chinese-days/dist/chinese-days.json';
import { parseHolidayText } from '../../src/ledger/holiday-file';
import { addWorkdays, addedArrangements, hasSchedule, installArrangements, isWorkday, scheduleYears } from '../../src/ledger/workdays';
import { addDays } from '../../src/ledger/dates';
import { workdayCn } from '../../src/validation/cell-functions';
import { main } from '../../src/cli/main';
import { HOLIDAY_KEY } from '../../src/taskpane/holiday-start';
import { applyStoredHolidays, removeHolidayText, saveHolidayText } from '../../src/taskpane/holiday-settings';
import { GOOD, checkRows, ledgerGrid } from '../helpers/ledger';

const ROOT = path.resolve(__dirname, '..', '..');

/** Not the real 2027 arrangement: a stand-in with a Spring Festival week over 8 February 2027 (a Monday). */
const MADE_UP_2027 = {
  年份: 2027,
  依据: '测试用的虚构安排',
  假期: [
    { 名称: '元旦', 放假: '2027-01-01', 至: '2027-01-03' },
    { 名称: '春节', 放假: '2027-02-06', 至: '2027-02-12', 上班: ['2027-02-14'] },
  ],
};
const TEXT_2027 = JSON.stringify(MADE_UP_2027, null, 2);

/** A penalty case filed 2026-11-10: the 90-day decision term ends on 2027-02-08 (a Monday); decided 2027-02-10. */
const LATE_DECISION = { ...GOOD.penalty, filedOn: '2026年11月10日', decidedOn: '2027年2月10日', closedOn: '2027年2月20日' };
const TODAY = '2027-03-01';

afterEach(() => installArrangements([]));

test('the installed chinese-days ends in 2026: 2027 is not covered until an arrangement is added', () => {
  expect(Math.max(...Object.keys(calendar.holidays).map((d) => Number(d.slice(0, 4))))).toBe(2026);
  expect(hasSchedule(2026)).toBe(true);
  expect(hasSchedule(2027)).toBe(false);
  expect(scheduleYears().at(-1)).toBe(2026);
});

test('the format describes a real year exactly: the 2026 example file gives chinese-days’ own 2026', () => {
  const r = parseHolidayText(fs.readFileSync(path.join(ROOT, 'docs', 'examples', '节假日安排-2026.json'), 'utf8'));
  if (!r.ok) throw new Error(r.problems.join('\n'));
  const [y] = r.years;
  const of = (table: Record<string, string>) => Object.keys(table).filter((d) => d.startsWith('2026')).sort();
  expect([...y.holidays].sort()).toEqual(of(calendar.holidays));
  expect([...y.workdays].sort()).toEqual(of(calendar.workdays));
  // Installed, every day of 2026 is a working day or not exactly as before.
  const before: boolean[] = [];
  for (let d = '2026-01-01'; d <= '2026-12-31'; d = addDays(d, 1)) before.push(isWorkday(d));
  installArrangements(r.years);
  const after: boolean[] = [];
  for (let d = '2026-01-01'; d <= '2026-12-31'; d = addDays(d, 1)) after.push(isWorkday(d));
  expect(after).toEqual(before);
});

test('an added 2027 arrangement changes a deadline: the 90-day decision term, TZ.WORKDAY_CN and the coverage', () => {
  // Not covered: counted Mon–Fri, and the message says so.
  const [without] = checkRows('penalty', [LATE_DECISION], { today: TODAY });
  const late = without.issues.find((i) => i.rule === 'decision-overdue');
  expect(late?.message).toContain('期限至2027年2月8日；2027年的法定节假日安排尚未收录，按周一至周五计算，期限可能有出入）');
  expect(addWorkdays('2027-02-05', 1)).toEqual({ date: '2027-02-08', unknownYears: [2027] });

  const r = parseHolidayText(TEXT_2027);
  if (!r.ok) throw new Error(r.problems.join('\n'));
  installArrangements(r.years);
  expect(hasSchedule(2027)).toBe(true);
  expect(addedArrangements().map((a) => [a.year, a.source])).toEqual([[2027, '测试用的虚构安排']]);
  // 8 February is a holiday now: the term ends on the next working day, the make-up Sunday 14 February; decided on the 10th is on time.
  const [withIt] = checkRows('penalty', [LATE_DECISION], { today: TODAY });
  expect(withIt.issues.map((i) => i.rule)).not.toContain('decision-overdue');
  const [later] = checkRows('penalty', [{ ...LATE_DECISION, decidedOn: '2027年2月15日', closedOn: '2027年2月20日' }], { today: TODAY });
  const m = later.issues.find((i) => i.rule === 'decision-overdue')!.message;
  expect(m).toContain('期限至2027年2月14日）');
  expect(m).not.toContain('尚未收录');
  expect(addWorkdays('2027-02-05', 1)).toEqual({ date: '2027-02-14', unknownYears: [] });
  const serial = workdayCn('2027-02-05', 1);
  expect(serial.ok && serial.value).toBe(Math.round((Date.UTC(2027, 1, 14) - Date.UTC(1899, 11, 30)) / 86400000));
});

test('every deadline reckoned into an uncovered year says so: re-inspection (written and default), coercion term', () => {
  const inspection = { ...GOOD.inspection, inspectedOn: '2026年12月20日', measures: '20日内整改', rectifyDone: '', recheckOn: '', rechecker: '' };
  const [written] = checkRows('inspection', [inspection], { today: TODAY });
  expect(written.issues.find((i) => i.rule === 'recheck-overdue')!.message).toMatch(/检查后20日，至2027年1月\d+日.*；2027年的法定节假日安排尚未收录/);
  const [byDefault] = checkRows('inspection', [{ ...inspection, measures: '立即整改' }], { today: TODAY });
  expect(byDefault.issues.find((i) => i.rule === 'recheck-overdue')!.message).toMatch(/按检查后30日计，至2027年1月\d+日.*；2027年的法定节假日安排尚未收录/);
  const coercion = { ...GOOD.coercion, startedOn: '2026年12月20日', closedOn: '2027年2月20日' };
  const [term] = checkRows('coercion', [coercion], { today: TODAY });
  expect(term.issues.find((i) => i.rule === 'coercion-term-exceeded')!.message).toMatch(/期限至2027年1月\d+日；2027年的法定节假日安排尚未收录/);
  // A deadline inside the covered years has no such note.
  const [covered] = checkRows('inspection', [{ ...inspection, inspectedOn: '2026年3月2日' }], { today: TODAY });
  expect(covered.issues.find((i) => i.rule === 'recheck-overdue')!.message).not.toContain('尚未收录');
});

test('a wrong arrangement is refused with Chinese lines naming the item', () => {
  const problems = (v: unknown) => {
    const r = parseHolidayText(typeof v === 'string' ? v : JSON.stringify(v));
    return r.ok ? [] : r.problems;
  };
  expect(problems('{ "年份": 2027, ')[0]).toMatch(/^不是有效的 JSON 文字/);
  expect(problems({ 年份: 2027 })).toEqual([expect.stringContaining('缺少“假期”')]);
  expect(problems({ ...MADE_UP_2027, 假期: [{ 名称: '春节', 放假: '2027-02-30', 至: '2027-02-12' }] }).join()).toContain('实际存在的日期');
  expect(problems({ ...MADE_UP_2027, 假期: [{ 名称: '春节', 放假: '2027-02-12', 至: '2027-02-06' }] })).toEqual(['第1个假期“春节”：“至”2027-02-06早于“放假”2027-02-12']);
  expect(problems({ ...MADE_UP_2027, 假期: [{ 名称: '春节', 放假: '2027-02-06', 至: '2027-02-12', 上班: ['2027-02-15'] }] })).toEqual([
    '第1个假期“春节”的上班日 2027-02-15：不是星期六或星期日（调休上班日总是周末，周一至周五本来就上班）',
  ]);
  expect(problems({ ...MADE_UP_2027, 假期: [{ 名称: '国庆', 放假: '2028-10-01', 至: '2028-10-07' }] }).join()).toContain('不在 2027 年的安排之内');
  expect(problems([MADE_UP_2027, MADE_UP_2027])).toEqual(['2027 年的安排写了两次。']);
  // A list of years is read as a whole.
  const two = parseHolidayText(JSON.stringify([MADE_UP_2027, { ...MADE_UP_2027, 年份: 2028, 假期: [{ 名称: '元旦', 放假: '2028-01-01', 至: '2028-01-01' }] }]));
  expect(two.ok && two.years.map((y) => y.year)).toEqual([2027, 2028]);
});

async function workbookFile(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tz-holidays-'));
  const wb = new ExcelJS.Workbook();
  const g = ledgerGrid('penalty', [LATE_DECISION], '行政处罚案件台账');
  const ws = wb.addWorksheet(g.name);
  for (const r of g.rows) ws.addRow(r.map((v) => (v === undefined ? null : v)));
  const file = path.join(dir, '台账.xlsx');
  await wb.xlsx.writeFile(file);
  fs.writeFileSync(path.join(dir, '节假日安排-2027.json'), TEXT_2027);
  fs.writeFileSync(path.join(dir, '坏的.json'), JSON.stringify({ ...MADE_UP_2027, 假期: [{ 名称: '春节', 放假: '2027-02-06', 至: '2027-02-12', 上班: ['2027-02-15'] }] }));
  return file;
}

async function run(argv: string[], env: Record<string, string> = {}): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const saved = process.env.TAIZHANG_HOLIDAYS;
  if (env.TAIZHANG_HOLIDAYS) process.env.TAIZHANG_HOLIDAYS = env.TAIZHANG_HOLIDAYS;
  else delete process.env.TAIZHANG_HOLIDAYS;
  try {
    const code = await main(argv, { out: (s) => (out += s + '\n'), err: (s) => (err += s + '\n') });
    return { code, out, err };
  } finally {
    if (saved === undefined) delete process.env.TAIZHANG_HOLIDAYS;
    else process.env.TAIZHANG_HOLIDAYS = saved;
  }
}

test('the CLI: --holidays or TAIZHANG_HOLIDAYS adds the year for every command; a wrong file is exit 2 with one Chinese line', async () => {
  const file = await workbookFile();
  const dir = path.dirname(file);
  const plain = await run(['check', file, '--today', TODAY]);
  expect(plain.out).toContain('decision-overdue');
  expect(plain.out).toContain('2027年的法定节假日安排尚未收录');

  const added = await run(['check', file, '--today', TODAY, '--holidays', path.join(dir, '节假日安排-2027.json')]);
  expect(added.err).toBe('');
  expect(added.out).not.toContain('decision-overdue');
  const byEnv = await run(['check', file, '--json', '--today', TODAY], { TAIZHANG_HOLIDAYS: path.join(dir, '节假日安排-2027.json') });
  expect(JSON.parse(byEnv.out).issues.map((i: { rule: string }) => i.rule)).not.toContain('decision-overdue');
  // The next run without the option is back to the built-in data (nothing left behind).
  expect((await run(['check', file, '--today', TODAY])).out).toContain('decision-overdue');

  const bad = await run(['check', file, '--holidays', path.join(dir, '坏的.json')]);
  expect(bad.code).toBe(2);
  expect(bad.err.trim().split('\n')).toEqual([expect.stringMatching(/^错误：--holidays：节假日安排文件「.*坏的\.json」有误：第1个假期“春节”的上班日 2027-02-15：不是星期六或星期日/)]);
  const missing = await run(['check', file], { TAIZHANG_HOLIDAYS: path.join(dir, '没有.json') });
  expect([missing.code, missing.err.trim()]).toEqual([2, `错误：环境变量 TAIZHANG_HOLIDAYS：读不了节假日安排文件「${path.join(dir, '没有.json')}」（文件不存在）`]);
});

class MemoryStorage {
  readonly items = new Map<string, string>();
  getItem(k: string) {
    return this.items.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.items.set(k, v);
  }
  removeItem(k: string) {
    this.items.delete(k);
  }
}

test('the pane’s settings text: kept only when it passes, read and checked again at start-up, removable', () => {
  const storage = new MemoryStorage();
  expect(applyStoredHolidays(storage)).toEqual([]);
  const refused = saveHolidayText(storage, '{"年份": 2027}');
  expect(refused.ok).toBe(false);
  expect(storage.items.has(HOLIDAY_KEY)).toBe(false);
  expect(hasSchedule(2027)).toBe(false);

  expect(saveHolidayText(storage, TEXT_2027).ok).toBe(true);
  expect(storage.items.get(HOLIDAY_KEY)).toBe(TEXT_2027);
  expect(isWorkday('2027-02-08')).toBe(false);
  // A new start (another page of the same origin): read from storage and checked again.
  installArrangements([]);
  expect(applyStoredHolidays(storage)).toEqual([]);
  expect(isWorkday('2027-02-08')).toBe(false);
  // A stored text that no longer passes is not used, and the start says why.
  storage.setItem(HOLIDAY_KEY, '{"年份": 2027, "假期": []}');
  expect(applyStoredHolidays(storage)).toEqual(['“假期”中至少要有一个假期']);
  expect(hasSchedule(2027)).toBe(false);
  removeHolidayText(storage);
  expect(storage.items.size).toBe(0);
});
