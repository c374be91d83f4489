/* `taizhang template`: a blank workbook with the three official sheets, written whole or not at all. */
import { promises as fs } from 'fs';
import * as path from 'path';
import { parseArgs } from 'util';
import { firstMessage } from '../ledger/options';
import { teamSchema } from '../submission/options';
import { Io, UserError } from './common';
import { writeOutFiles } from './out-files';
import { templateWorkbook } from './template';

/** `taizhang template --out FILE.xlsx [--team 单位] [--roster] [--force]`; the team is checked as `submit --team` is. */
export async function runTemplate(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { out: { type: 'string' }, team: { type: 'string' }, roster: { type: 'boolean' }, force: { type: 'boolean' } },
    allowPositionals: true,
  });
  if (positionals.length) throw new UserError(`多余的参数：${positionals.join(' ')}`);
  if (!values.out) throw new UserError('请用 --out 指定要生成的文件，如：taizhang template --out 台账.xlsx');
  const out = values.out;
  if (!/\.xlsx$/i.test(out)) throw new UserError('--out 的文件名应以 .xlsx 结尾');
  let team: string | null = null;
  if (values.team !== undefined && values.team.trim() !== '') {
    const r = teamSchema.safeParse(values.team);
    if (!r.success) throw new UserError(`--team：${firstMessage(r.error)}`);
    team = r.data;
  }
  const dir = path.dirname(path.resolve(out));
  if (!(await fs.stat(dir).then((st) => st.isDirectory(), () => false))) throw new UserError(`无法写入 ${out}：目录 ${path.dirname(out)} 不存在`);
  const data = new Uint8Array((await templateWorkbook(team, { roster: !!values.roster }).xlsx.writeBuffer()) as ArrayBuffer);
  // Whole or absent, never through a link (out-files.ts); an existing file only with --force.
  await writeOutFiles(dir, [{ name: path.basename(out), data }], !!values.force);
  io.out(`已生成 ${out}：行政处罚、行政检查、行政强制三张官方台账表${values.roster ? '和执法人员名单（按名单核对执法人员的执法证，可不填）' : ''}。`);
  return 0;
}
