import * as path from 'path';
import { parseArgs } from 'util';
import { formatChineseDate, isoFromParts, partsOf } from '../ledger/dates';
import { Period, contactArgSchema, firstMessage, periodSchema } from '../ledger/options';
import { BlockingIssue, MAILTO_SAFE_LENGTH, SubmissionOptionError, SubmissionPackage, SubmissionResult, countsText, periodSpan, prepareSubmission } from '../submission';
import { checkWorkbook } from '../validation/workbook';
import { teamOf } from '../validation/report';
import { Io, UserError, parseToday, termLine } from './common';
import { outDir, writeOutFiles } from './out-files';
import { readWorkbook } from './xlsx';

/** The month before `today`'s, `YYYY-MM`. */
function lastMonth(today: string): string {
  const [y, m] = partsOf(today);
  return isoFromParts(m === 1 ? y - 1 : y, m === 1 ? 12 : m - 1, 1).slice(0, 7);
}

function parsePeriod(v: string | undefined, today: string): { period: Period; defaulted: boolean } {
  const r = periodSchema.safeParse(v ?? lastMonth(today));
  if (!r.success) throw new UserError(`--period：${firstMessage(r.error)}`);
  return { period: r.data, defaulted: v === undefined };
}

function rel(p: string): string {
  const r = path.relative(process.cwd(), p);
  return r && !r.startsWith('..') && !path.isAbsolute(r) ? r : p;
}

function blockingLine(b: BlockingIssue): string {
  return termLine(`  ${b.sheet} 第${b.row}行：${b.message}（${b.rule}）`);
}

function printRefusal(r: Extract<SubmissionResult, { refused: true }>, io: Io): number {
  if (r.reason === 'no-ledgers') throw new UserError(r.message);
  io.out(`${r.label}（${periodSpan(r.period)}）的台账中有以下错误，没有生成报送文件：`);
  for (const b of r.blocking) io.out(blockingLine(b));
  io.err(`错误：${r.message.replace(/。$/, '')}，或加 --allow-errors 仍然生成。`);
  return 1;
}

function printPackage(r: SubmissionPackage, written: string[], allowed: boolean, io: Io): void {
  const due = r.due;
  io.out(termLine(`报送单位：${r.team}`));
  io.out(`报送期间：${r.label}（${periodSpan(r.period)}）`);
  io.out(`报送截止：${formatChineseDate(due.date)}${due.overdue ? `，已逾期${due.daysLate}天` : ''}`);
  io.out(`本期案件：${countsText(r.counts)}`);
  if (r.pending.length) {
    io.out(`待办案件（未计入本期，已在邮件正文中列出）：`);
    for (const p of r.pending) io.out(termLine(`  ${p.sheet} 第${p.row}行：${p.text}`));
  }
  if (allowed && r.blocking.length) {
    io.out(`注意：以下${r.blocking.length}处错误按 --allow-errors 仍列入台账，报送前请再核对：`);
    for (const b of r.blocking) io.out(blockingLine(b));
  }
  for (const n of r.notices) io.out(termLine(`提示：${n}`));
  if (r.unplaced.length) {
    io.out(`注意：以下${r.unplaced.length}件案件决定报送月份的日期没有填写或无法识别，可能属于${r.label}，但没有列入本期台账，报送前请改正后重新生成：`);
    for (const u of r.unplaced) io.out(termLine(`  ${u.sheet} 第${u.row}行 ${u.cell}：${u.text}`));
  }
  io.out(r.unplaced.length ? `已生成（可能缺少上面${r.unplaced.length}件案件）：` : '已生成：');
  io.out(`  Word 台账：${rel(written[0])}`);
  io.out(`  邮件草稿：${rel(written[1])}（Outlook 中双击打开即为可编辑的草稿，附件已带上，核对后发送；其他邮件客户端用“编辑为新邮件”）`);
  io.out('');
  io.out(`使用网页邮箱时：收件人 ${r.to.join(', ')}，主题和正文如下。${r.mailtoNote}`);
  io.out(termLine(`主题：${r.subject}`));
  io.out('正文：');
  io.out(r.body);
  io.out('');
  if (r.mailto && r.mailtoWithBody) io.out(`mailto 链接：${r.mailto}`);
  else if (r.mailto) io.out(`mailto 链接（只有收件人和主题：带上正文会超过 ${MAILTO_SAFE_LENGTH} 个字符，会被截断；正文请复制上面的文字）：${r.mailto}`);
  else io.out(`（收件人较多，mailto 链接会超过 ${MAILTO_SAFE_LENGTH} 个字符，没有列出；请复制上面的收件人、主题和正文。）`);
}

/** `taizhang submit`: the Word ledgers and the e-mail draft for a period (spec §4, §5.1). */
export async function runSubmit(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      period: { type: 'string' },
      team: { type: 'string' },
      contact: { type: 'string' },
      to: { type: 'string' },
      out: { type: 'string' },
      today: { type: 'string' },
      'allow-errors': { type: 'boolean' },
      force: { type: 'boolean' },
    },
    allowPositionals: true,
  });
  if (positionals.length !== 1) throw new UserError('请指定一个台账 .xlsx 文件，如：taizhang submit 台账.xlsx --period 2023-10 --team 天宁镇综合行政执法队 --contact 张三,队员,13812345678');
  const today = parseToday(values.today);
  const { period, defaulted } = parsePeriod(values.period, today);
  if (values.contact === undefined) throw new UserError('请用 --contact 写联系人：姓名,职务,电话，如 --contact 张三,综合执法队队员,13812345678');
  const contact = contactArgSchema.safeParse(values.contact);
  if (!contact.success) throw new UserError(`--contact：${firstMessage(contact.error)}`);
  const wb = await readWorkbook(positionals[0]);
  const check = checkWorkbook(wb.sheets, { today, date1904: wb.date1904 });
  const team = values.team ?? teamOf(check);
  if (!team) throw new UserError('请用 --team 写报送单位，如 --team 天宁镇综合行政执法队（台账标题中的单位还是“XX”）');
  const allowed = !!values['allow-errors'];
  let r: SubmissionResult;
  try {
    r = await prepareSubmission(check, { period, team, contact: contact.data, to: values.to, today, allowErrors: allowed });
  } catch (e) {
    if (e instanceof SubmissionOptionError) throw new UserError(e.message);
    throw e;
  }
  if (defaulted) io.out(`（未指定 --period，按上月 ${r.label} 报送）`);
  if (r.refused) return printRefusal(r, io);
  const dir = await outDir(values.out ?? '.');
  const written = await writeOutFiles(
    dir,
    [
      { name: r.docxName, data: r.docx },
      { name: r.emlName, data: r.eml },
    ],
    !!values.force,
  );
  printPackage(r, written, allowed, io);
  for (const l of check.ledgers) {
    const n = l.records.filter((x) => x.reportMonth !== null && period.months.includes(x.reportMonth)).length;
    if (l.layout.hidden && n) io.out(termLine(`提示：工作表“${l.layout.sheet}”在工作簿中是隐藏的，其中${n}件本期案件也已列入台账。如果它是往年的副本或草稿，请核对后删除这些行或整张表，再重新生成。`));
  }
  return 0;
}
