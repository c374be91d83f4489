/* The 文件 list: every file and mail read, and what became of it for the period, in Chinese. */
import { Package } from './package';
import { Attribution, unreadFor } from './attribute';
import { Origin } from './sources';
import { monthLabel } from './team';
import { FileEntry, MonthRollup } from './types';

function timeOf(o: Origin): Pick<FileEntry, 'received' | 'timeSource'> {
  return { received: o.time?.at ?? null, timeSource: o.time?.how ?? null };
}

/** ` （邮件没有 Date，按最上面一条 Received …）` */
function timeText(o: Origin): string {
  const parts = [o.forwardedIn ? '转发的邮件，按原邮件的发送时间' : '', o.time?.note ?? ''].filter(Boolean);
  return parts.length ? `（${parts.join('；')}）` : '';
}

export function fileEntries(a: Attribution, current: MonthRollup, period: string): FileEntry[] {
  const counted = new Map<Package, string>();
  for (const t of current.townships) if (t.counted) counted.set(t.counted, t.team);
  const teamOf = (key: string | null, stated: string | null) => stated ?? a.towns.find((t) => t.key === key)?.team ?? null;
  const entries: FileEntry[] = a.packages.map(({ item: p, key }) => {
    let use: string;
    if (counted.has(p)) use = `已计入${monthLabel(period)}`;
    else if (!key) use = '无法确定报送单位（标题、报送单位、邮件主题都没有写明），未计入';
    else if (!p.months.length) use = '无法确定报送期间，未计入';
    else if (p.months.includes(period)) use = '被同一乡镇的另一份文件取代，未计入（见说明）';
    else use = `${p.months.map(monthLabel).join('、')}的报送，不属于本月`;
    return { file: p.file, team: teamOf(key, p.team), months: p.months, ...timeOf(p.origin), use: use + timeText(p.origin) };
  });
  for (const { item: u, key } of a.unreadable) {
    const assumed = !u.months.length && unreadFor(u, period).match ? `（看不出报送月份，按收到时间计入${monthLabel(period)}）` : '';
    entries.push({ file: u.file, team: teamOf(key, u.team), months: u.months, ...timeOf(u.origin), use: `无法读取：${u.reason}${assumed}${key ? '' : '（看不出是哪个乡镇的）'}` });
  }
  for (const { item: m, key } of a.mails) {
    const use =
      m.kind === 'envelope'
        ? `转发邮件，其中的${m.inner}封邮件已分别读取，按原邮件的时间计算`
        : `没有台账附件：邮件“${m.origin.subject || '无主题'}”没有附上台账，不算报送${timeText(m.origin)}`;
    entries.push({ file: m.file, team: teamOf(key, m.team), months: m.months, ...timeOf(m.origin), use });
  }
  for (const i of a.ignored) entries.push({ file: i.file, team: null, months: [], received: null, timeSource: null, use: `未读取：${i.reason}` });
  return entries.sort((x, y) => x.file.localeCompare(y.file, 'zh-CN'));
}
