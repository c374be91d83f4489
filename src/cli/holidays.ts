/*
 * Holiday arrangements added without a software update, for every command: `--holidays 文件.json`
 * or the environment variable TAIZHANG_HOLIDAYS (a path), in the pane's format
 * (src/ledger/holiday-file.ts). Without either, the built-in data alone.
 */
import * as fs from 'fs';
import { parseHolidayText } from '../ledger/holiday-file';
import { installArrangements } from '../ledger/workdays';
import { UserError } from './common';

export const HOLIDAYS_ENV = 'TAIZHANG_HOLIDAYS';
const MAX_BYTES = 1024 * 1024;

/** `args` without `--holidays X` / `--holidays=X`, and the file named (the option wins over the environment). */
export function takeHolidaysOption(args: string[], env: NodeJS.ProcessEnv = process.env): { args: string[]; file: string | null; from: string } {
  const rest: string[] = [];
  let file: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--holidays') {
      if (i + 1 >= args.length) throw new UserError('--holidays 后面要写节假日安排文件，如 --holidays 节假日安排-2027.json');
      file = args[++i];
    } else if (a.startsWith('--holidays=')) file = a.slice('--holidays='.length);
    else rest.push(a);
  }
  if (file !== null) return { args: rest, file, from: '--holidays' };
  const fromEnv = env[HOLIDAYS_ENV]?.trim();
  return { args: rest, file: fromEnv || null, from: `环境变量 ${HOLIDAYS_ENV}` };
}

/** Reads, checks and installs the arrangements of `file` (none: the built-in data alone). */
export function loadHolidays(file: string | null, from: string): number[] {
  if (!file) {
    installArrangements([]);
    return [];
  }
  let text: string;
  try {
    const st = fs.statSync(file);
    if (!st.isFile()) throw new UserError(`${from}：「${file}」不是文件`);
    if (st.size > MAX_BYTES) throw new UserError(`${from}：「${file}」超过 1 MB，不像节假日安排文件`);
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError(`${from}：读不了节假日安排文件「${file}」（${(e as NodeJS.ErrnoException).code === 'ENOENT' ? '文件不存在' : '无法读取'}）`);
  }
  const r = parseHolidayText(text);
  if (!r.ok) throw new UserError(`${from}：节假日安排文件「${file}」有误：${r.problems.join('；')}`);
  installArrangements(r.years);
  return r.years.map((y) => y.year);
}
