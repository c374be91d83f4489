/** `taizhang rollup DIR --period YYYY-MM [--townships FILE] [--today YYYY-MM-DD] --out DIR [--json] [--force]` */
import { promises as fs } from 'fs';
import * as path from 'path';
import { parseArgs } from 'util';
import { Rollup, monthLabel, noticeDocx, noticeModel, rollUp, rollupJson, statusText, summaryWorkbook, summaryXlsx } from '../rollup';
import { chinaTime } from '../rollup/time';
import { firstMessage, periodSchema } from '../ledger/options';
import { cleanFileName } from '../submission/period';
import { Io, UserError, jsonText, parseToday, termLine } from './common';
import { walkFolder } from './folder';
import { writeOutFiles } from './out-files';

function money(n: number): string {
  return `${n.toLocaleString('en-US', { maximumFractionDigits: 2 })}元`;
}

function report(r: Rollup, written: string[], io: Io): void {
  const c = r.current;
  io.out(`${monthLabel(r.period)}乡镇行政执法案件台账汇总（报送截止 ${r.due}，按北京时间）`);
  for (const t of c.townships) {
    const f = t.figures;
    const when = t.received ? `，${chinaTime(t.received).text} 收到${t.firstReceived ? `（首次报送 ${chinaTime(t.firstReceived).text}）` : ''}` : '';
    const what =
      t.status === 'unreadable'
        ? `台账无法读取：${t.unreadable.map((u) => `${u.file}（${u.reason}）`).join('；')}`
        : `行政处罚${f.penalty.cases}件（罚没${money(f.penalty.amountYuan)}），行政检查${f.inspection.count}次，行政强制${f.coercion.cases}件；错误${f.issues.error} 警告${f.issues.warning}`;
    io.out(termLine(`  ${t.team}：${statusText(t)}${when}；${what}`));
  }
  const s = c.statuses;
  io.out(`合计：按时${s['on-time']}个，逾期${s.late}个，未报${s.missing}个${s.submitted ? `，已报（时间不明）${s.submitted}个` : ''}${s.unreadable ? `，已收到但无法读取${s.unreadable}个` : ''}；行政处罚${c.total.penalty.cases}件，罚没${money(c.total.penalty.amountYuan)}，行政检查${c.total.inspection.count}次，行政强制${c.total.coercion.cases}件。`);
  if (r.yearToDate) io.out(`本年累计（${monthLabel(r.yearToDate.from)}起）：行政处罚${r.yearToDate.total.penalty.cases}件，罚没${money(r.yearToDate.total.penalty.amountYuan)}。`);
  for (const n of r.notes) io.out(termLine(`说明：${n}`));
  const bad = r.files.filter((f) => f.use.startsWith('无法') || f.use.includes('未计入'));
  if (bad.length) {
    io.out('没有计入的文件：');
    for (const f of bad) io.out(termLine(`  ${f.file}：${f.use}`));
  }
  io.out('已生成：');
  io.out(`  汇总表：${written[0]}（汇总、行政处罚、行政检查、行政强制、问题、文件六张工作表）`);
  io.out(`  通报草稿：${written[1]}（文号和日期待填，已用黄色标出）`);
}

export async function runRollup(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { period: { type: 'string' }, townships: { type: 'string' }, today: { type: 'string' }, out: { type: 'string' }, json: { type: 'boolean' }, force: { type: 'boolean' } },
    allowPositionals: true,
  });
  if (positionals.length !== 1) throw new UserError('请指定放报送材料的文件夹，如：taizhang rollup 报送材料 --period 2023-10 --out 汇总');
  if (!values.period || !/^\d{4}-\d{1,2}$/.test(values.period.trim())) throw new UserError('请用 --period 写汇总的月份，如 --period 2023-10');
  const month = periodSchema.safeParse(values.period);
  if (!month.success) throw new UserError(`--period：${firstMessage(month.error)}`);
  if (!values.out) throw new UserError('请用 --out 指定汇总表和通报草稿写到哪个文件夹，如 --out 汇总');
  const today = parseToday(values.today);
  const dir = positionals[0];
  const st = await fs.stat(dir).catch(() => null);
  if (!st?.isDirectory()) throw new UserError(`找不到文件夹：${dir}`);
  let townships: string[] | undefined;
  if (values.townships) {
    const text = await fs.readFile(values.townships, 'utf8').catch(() => {
      throw new UserError(`无法读取乡镇名单：${values.townships}`);
    });
    townships = text.replace(/^\uFEFF/, '').split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
    if (!townships.length) throw new UserError(`乡镇名单 ${values.townships} 是空的：每行写一个乡镇名称`);
  }
  const { files, skipped } = await walkFolder(dir);
  let r: Rollup;
  try {
    r = await rollUp(files, { period: month.data.from, today, townships });
  } catch (e) {
    if (e instanceof RangeError) throw new UserError(e.message);
    throw e;
  }
  for (const s of skipped) r.files.push({ file: s.name, team: null, months: [], received: null, timeSource: null, use: `无法读取：${s.reason}` });
  const out = path.resolve(values.out);
  await fs.mkdir(out, { recursive: true }).catch(() => {
    throw new UserError(`无法创建输出目录 ${values.out}`);
  });
  const label = monthLabel(r.period);
  const xlsx = await summaryXlsx(summaryWorkbook(r));
  const docx = await noticeDocx(noticeModel(r));
  const written = await writeOutFiles(
    out,
    [
      { name: cleanFileName(`${label}乡镇行政执法案件汇总`, 'xlsx'), data: xlsx },
      { name: cleanFileName(`关于${label}乡镇行政执法案件台账报送情况的通报（草稿）`, 'docx'), data: docx },
    ],
    !!values.force,
  );
  if (values.json) io.out(jsonText(rollupJson(r)));
  else report(r, written.map((p) => path.relative(process.cwd(), p) || p), io);
  return 0;
}
