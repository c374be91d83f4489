/*
 * The progress line under the toolbar: a bar and `读取 n/N 行` / `检查中… n/N 行` while a check
 * runs, `检查已完成，正在表格中标记 n/N 处` while the marks of a big workbook are written after the
 * results. It follows the service itself, so a progress tick re-renders only this line, not the
 * pane (App reads the state without the progress: usePaneStateWithoutProgress).
 */
import * as React from 'react';
import { Caption1, ProgressBar, makeStyles, tokens } from '@fluentui/react-components';
import { thousands } from '../ledger/numbers';
import type { LedgerService, PaneState } from '../session/service';
import { useDelayedFlag, usePaneState } from './hooks';

const useStyles = makeStyles({
  progress: { minHeight: '2px', display: 'flex', flexDirection: 'column', gap: '2px' },
  progressText: { color: tokens.colorNeutralForeground2 },
  // Fluent animates the bar's width for 0.3 s on each update: a layout on every frame of a check that updates it every 100 ms, on the thread doing the check.
  bar: { transitionProperty: 'none' },
});

/** `读取 12,000/40,000 行` while reading, `检查中… 8,000/40,000 行` while checking, `检查已完成，正在表格中标记 6,000/30,001 处` while the marks of a big workbook are written. */
export function progressText(p: PaneState['progress']): string {
  if (!p) return '正在检查…';
  const n = thousands;
  if (p.step === 'reading') return p.total ? `读取 ${n(p.done)}/${n(p.total)} 行` : '正在读取工作簿…';
  if (p.step === 'marking') return `检查已完成，正在表格中标记 ${n(p.done)}/${n(p.total)} 处`;
  return p.total ? `检查中… ${n(p.done)}/${n(p.total)} 行` : '检查中…';
}

export function CheckProgress({ service, busy }: { service: LedgerService; busy: boolean }): React.ReactElement {
  const s = useStyles();
  const state = usePaneState(service);
  const checking = state.phase === 'checking' || busy;
  const progress = state.progress;
  // From the first 100 ms of a check; at once while nothing was checked yet; and while marks are written after the results.
  const slow = useDelayedFlag(checking, state.check ? 100 : 0) || progress?.step === 'marking';
  const fraction = progress?.total ? Math.min(1, progress.done / progress.total) : undefined;
  return (
    <div className={s.progress}>
      {slow && (
        <>
          <ProgressBar thickness="medium" value={fraction} aria-label={progressText(progress)} bar={{ className: s.bar }} />
          <Caption1 className={s.progressText}>{progressText(progress)}</Caption1>
        </>
      )}
    </div>
  );
}
