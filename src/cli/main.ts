import * as path from 'path';
import { parseArgs } from 'util';
import { formatChineseDate } from '../ledger/dates';
import { thousands } from '../ledger/numbers';
import { InputError } from '../input/limits';
import { ledgerIssues, pendingLabel } from '../validation/check';
import { checkWorkbook } from '../validation/workbook';
import { countOf, hasErrors, isTodo, kindLabel, teamOf, toCheckJson } from '../validation/report';
import { SEVERITY_LABEL } from '../validation/rules';
import { Io, UserError, jsonText, parseToday, termLine, termText } from './common';
import { loadHolidays, takeHolidaysOption } from './holidays';
import { readWorkbook } from './xlsx';

export type { Io } from './common';

export const USAGE = `用法：
  taizhang check 文件.xlsx [--json] [--today YYYY-MM-DD]
      检查工作簿中的行政处罚、行政检查、行政强制台账
  taizhang submit 文件.xlsx --period YYYY-MM[..YYYY-MM] --team 单位 --contact 姓名,职务,电话
        [--to 邮箱] [--out 目录] [--today YYYY-MM-DD] [--allow-errors] [--force]
      生成月度报送的 Word 台账和邮件草稿（有错误时拒绝生成，除非加 --allow-errors；已有文件加 --force 才覆盖）
  taizhang template --out 文件.xlsx [--team 单位] [--roster]
      生成含三张官方台账表的空白工作簿（--roster：另加一张执法人员名单）
  taizhang rollup 文件夹 --period YYYY-MM --out 目录 [--townships 名单.txt] [--today YYYY-MM-DD] [--json] [--force]
      县司法局：汇总文件夹中各乡镇的报送材料（.eml、.docx、.xlsx），生成汇总表和通报草稿

每个命令都可以加 --holidays 节假日安排.json（或设环境变量 TAIZHANG_HOLIDAYS）：按其中添加的年份的放假和调休计算期限

退出码：0 正常；1 台账有错误（check）或因错误拒绝生成（submit）；2 用法错误或文件无法读取`;

const defaultIo: Io = {
  out: (s) => process.stdout.write(s + '\n'),
  err: (s) => process.stderr.write(s + '\n'),
};

async function runCheck(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { json: { type: 'boolean' }, today: { type: 'string' } },
    allowPositionals: true,
  });
  if (positionals.length !== 1) throw new UserError('请指定一个要检查的 .xlsx 文件，如：taizhang check 台账.xlsx');
  const today = parseToday(values.today);
  const file = positionals[0];
  const wb = await readWorkbook(file);
  const check = checkWorkbook(wb.sheets, { today, date1904: wb.date1904 });
  if (values.json) {
    io.out(jsonText(toCheckJson(check, file)));
  } else {
    io.out(humanReport(check, file));
  }
  return hasErrors(check) ? 1 : 0;
}

/** The check result for a Chinese terminal: grouped by sheet, a summary line at the end. */
export function humanReport(check: ReturnType<typeof checkWorkbook>, file: string): string {
  const lines: string[] = [];
  const team = teamOf(check);
  lines.push(`${path.basename(file)}${team ? ` · ${team}` : ''}（检查日期：${formatChineseDate(check.today)}）`);
  if (!check.ledgers.length) {
    lines.push('', '没有找到台账。台账表需要有“……行政处罚/行政检查/行政强制案件台账”标题或官方表头。可运行 taizhang template --out 台账.xlsx 生成官方格式。');
    return lines.map(termLine).join('\n');
  }
  const n = thousands;
  let total = { records: 0, error: 0, warning: 0, info: 0, pending: 0 };
  for (const l of check.ledgers) {
    const issues = ledgerIssues(l);
    const c = countOf(l.records, issues);
    total = { records: total.records + c.records, error: total.error + c.error, warning: total.warning + c.warning, info: total.info + c.info, pending: total.pending + c.pending };
    lines.push('');
    lines.push(
      `【${l.layout.sheet}】${l.layout.hidden ? '（隐藏的工作表）' : ''}${kindLabel(l.layout.kind)} · 表头第${l.layout.headerRow}行 · ${n(c.records)}条记录（正常${n(c.ok)}，有错误${n(c.invalid)}；待办${n(c.pending)}）· 错误${n(c.error)} 警告${n(c.warning)} 提示${n(c.info)}`,
    );
    if (l.layout.hidden) lines.push('  （这张工作表在工作簿中是隐藏的，常是往年的副本；它的案件也照样检查、计入报送。不需要时请删除这张表，需要时请取消隐藏）');
    if (!l.layout.team) lines.push('  （标题中的单位名称还是“XX”或未填写）');
    for (const i of issues) lines.push(`  第${i.row}行 [${SEVERITY_LABEL[i.severity]}] ${i.message}（${i.rule}）`);
    const pending = l.records.filter(isTodo);
    if (pending.length) {
      const states = [...new Set(pending.map(pendingLabel))];
      const rows = states.map((s) => `第${pending.filter((r) => pendingLabel(r) === s).map((r) => r.row).join('、')}行${s}`).join('；');
      lines.push(`  待办：${rows}，暂不计入任何月份`);
    }
  }
  lines.push(...rosterLines(check));
  lines.push('');
  lines.push(
    `汇总：${check.ledgers.length}个台账，${n(total.records)}条记录；错误${n(total.error)}条，警告${n(total.warning)}条，提示${n(total.info)}条；待办${n(total.pending)}条。${total.error ? '请先改正错误再报送。' : '没有错误，可以报送。'}`,
  );
  return lines.map(termLine).join('\n');
}

/** The 执法人员名单 sheets: who they list, certificates running out, what of them could not be read. */
function rosterLines(check: ReturnType<typeof checkWorkbook>): string[] {
  const lines: string[] = [];
  const certs = (list: { name: string; until: string }[]) => list.slice(0, 10).map((c) => `${c.name} ${formatChineseDate(c.until)}`).join('、') + (list.length > 10 ? ` 等${list.length}本` : '');
  for (const r of check.rosters ?? []) {
    lines.push('');
    if (!r.readable) lines.push(`【${r.sheet}】执法人员名单 · 无法读取，没有按名单核对执法人员`);
    else {
      const parts = [`${r.people}人（持证执法人员${r.certified}人）`];
      if (r.expiringSoon.length) parts.push(`60天内到期的执法证${r.expiringSoon.length}本（${certs(r.expiringSoon)}）`);
      if (r.expired.length) parts.push(`已过期${r.expired.length}本（${certs(r.expired)}）`);
      lines.push(`【${r.sheet}】${r.hidden ? '（隐藏的工作表）' : ''}执法人员名单 · 表头第${r.headerRow}行 · ${parts.join(' · ')}${r.people ? '' : ' · 还没有填写，填写后按名单核对执法人员'}`);
    }
    for (const i of r.issues) lines.push(`  第${i.row}行 [${SEVERITY_LABEL[i.severity]}] ${i.message}（${i.rule}）`);
  }
  return lines;
}

type Command = (args: string[], io: Io) => Promise<number>;
// submit loads docx and the MIME builder only when used.
const runSubmit: Command = async (args, io) => (await import('./submit')).runSubmit(args, io);
const runRollup: Command = async (args, io) => (await import('./rollup')).runRollup(args, io);
// template writes with exceljs: loaded only when used (check reads without it).
const runTemplate: Command = async (args, io) => (await import('./template-command')).runTemplate(args, io);
const COMMANDS: Record<string, Command> = { check: runCheck, submit: runSubmit, template: runTemplate, rollup: runRollup };

export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  const [cmd, ...rest] = argv;
  if (!cmd || cmd === '--help' || cmd === '-h' || cmd === 'help') {
    io.out(USAGE);
    return cmd ? 0 : 2;
  }
  const run = COMMANDS[cmd];
  if (!run) {
    io.err(`未知命令：${cmd}\n${USAGE}`);
    return 2;
  }
  // Whatever reaches the terminal has its control characters shown and its bidi controls dropped.
  const safe: Io = { out: (s) => io.out(termText(s)), err: (s) => io.err(termText(s)) };
  try {
    const h = takeHolidaysOption(rest);
    loadHolidays(h.file, h.from);
    return await run(h.args, safe);
  } catch (e) {
    if (e instanceof UserError || e instanceof InputError) {
      safe.err(`错误：${termLine(e.message)}`);
    } else if (e && typeof e === 'object' && (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      safe.err(`错误：参数有误（${termLine((e as Error).message.split('\n')[0])}）。运行 taizhang --help 查看用法`);
    } else {
      safe.err(`错误：处理失败（${termLine(e instanceof Error ? e.message.split('\n')[0] : String(e))}）`);
    }
    return 2;
  }
}
