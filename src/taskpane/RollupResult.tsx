/*
 * What 汇总 found, compact enough for a 320 px pane: the totals, one line per township (status,
 * time received, cases, problems), the files that could not be read and why, the resends that
 * replaced earlier files; then 写入工作簿 and the two files to save.
 */
import * as React from 'react';
import { Badge, Body1Strong, Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { Note } from './Note';
import type { RollupView, TownshipLine } from './rollup-api';
import type { Status } from './RollupPanel';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  h: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: '2px',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  line: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  team: { overflowWrap: 'anywhere' },
  muted: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

const BADGE: Record<TownshipLine['kind'], 'success' | 'warning' | 'danger' | 'informative'> = { 'on-time': 'success', late: 'warning', missing: 'danger', submitted: 'informative', unreadable: 'warning' };

/** `处罚 3 件 · 检查 3 次 · 强制 1 件 · 错误 0 处、警告 1 处` */
export function figuresText(t: Pick<TownshipLine, 'penalty' | 'inspection' | 'coercion' | 'errors' | 'warnings'>): string {
  const problems = t.errors || t.warnings ? ` · 错误 ${t.errors} 处、警告 ${t.warnings} 处` : '';
  return `处罚 ${t.penalty} 件 · 检查 ${t.inspection} 次 · 强制 ${t.coercion} 件${problems}`;
}

/** The reason, led by the file unless the reason names it already (the reader's messages do). */
export function unreadableText(u: { file: string; reason: string }): string {
  const base = u.file.split(' › ').pop() ?? u.file;
  if (u.reason.startsWith(u.file)) return u.reason;
  if (u.reason.startsWith(base)) return u.file.slice(0, u.file.length - base.length) + u.reason;
  return `${u.file}：${u.reason}`;
}

/** `1,234.5` */
function yuan(n: number): string {
  const [i, d] = String(Math.round(n * 100) / 100).split('.');
  return i.replace(/\B(?=(\d{3})+$)/g, ',') + (d ? `.${d}` : '');
}

export interface RollupResultProps {
  view: RollupView;
  /** The host can add sheets to the open workbook. */
  canWrite: boolean;
  busy: boolean;
  status: Status | null;
  onWrite: () => void;
  onSave: (which: 'xlsx' | 'docx') => void;
}

export function RollupResult({ view, canWrite, busy, status, onWrite, onSave }: RollupResultProps): React.ReactElement {
  const s = useStyles();
  const st = view.statuses;
  const counts = [`按时 ${st.onTime}`, `逾期 ${st.late}`, `未报 ${st.missing}`, ...(st.submitted ? [`时间不明 ${st.submitted}`] : []), ...(st.unreadable ? [`无法读取 ${st.unreadable}`] : [])].join(' · ');
  const t = view.total;
  return (
    <section className={s.root} aria-labelledby="tz-rollup-heading">
      <h2 id="tz-rollup-heading" className={s.heading}>
        {view.label}汇总（截止 {view.due}）
      </h2>
      {!!view.otherMonths.length && (
        <Note intent="warning">
          所选文件中没有{view.label}的报送，它们报送的是{view.otherMonths.join('、')}：请确认上面的“汇总月份”后重新汇总。
        </Note>
      )}
      <Body1Strong>{counts}</Body1Strong>
      <Caption1>
        合计：处罚 {t.penalty} 件（罚没 {yuan(t.amountYuan)} 元） · 检查 {t.inspection} 次 · 强制 {t.coercion} 件；台账问题：错误 {t.errors} 处、警告 {t.warnings} 处。共读取 {view.files} 个文件。
      </Caption1>
      <div className={s.buttons}>
        <Button appearance="primary" onClick={onWrite} disabled={busy || !canWrite} title="把汇总表、案件汇总台账、问题和文件清单作为新工作表加到本工作簿末尾（不改动原有工作表）">
          写入工作簿
        </Button>
        <Button onClick={() => onSave('xlsx')} disabled={busy}>
          保存汇总表（.xlsx）
        </Button>
        <Button onClick={() => onSave('docx')} disabled={busy}>
          保存通报稿（.docx）
        </Button>
      </div>
      {!canWrite && <Caption1 className={s.muted}>这里不能在工作簿中添加工作表，请用“保存汇总表（.xlsx）”。</Caption1>}
      {status && <Note intent={status.intent}>{status.text}</Note>}
      <div className={s.section}>
        <h3 className={s.h}>各乡镇报送情况</h3>
        <ul className={s.list} aria-label="各乡镇报送情况">
          {view.townships.map((x) => (
            <li key={x.team} className={s.item} aria-label={`${x.team}：${x.status}`}>
              <div className={s.line}>
                <Body1Strong className={s.team}>{x.team}</Body1Strong>
                <Badge appearance="tint" color={BADGE[x.kind]} shape="rounded">
                  {x.status}
                </Badge>
              </div>
              <Caption1 className={s.muted}>
                {x.received ? `${x.received} 收到${x.firstReceived ? `（首次报送 ${x.firstReceived}）` : ''} · ` : ''}
                {x.kind === 'missing' ? '没有收到报送材料' : x.kind === 'unreadable' ? `台账无法读取，未计入统计：${x.unreadable.map(unreadableText).join('；')}` : figuresText(x)}
                {x.unlisted ? ' · 不在应报乡镇名单中' : ''}
              </Caption1>
            </li>
          ))}
        </ul>
        {!view.townships.length && <Caption1 className={s.muted}>所选文件中没有找到这个月的报送。请确认汇总月份，或填写应报乡镇名单以列出未报的乡镇。</Caption1>}
      </div>
      {!!view.unreadable.length && (
        <Note intent="warning" title={`${view.unreadable.length} 个文件无法读取`}>
          {view.unreadable.map(unreadableText).join('\n')}
        </Note>
      )}
      {!!view.notes.length && (
        <Note intent="info" title="说明">
          {view.notes.join('\n')}
        </Note>
      )}
    </section>
  );
}
