/*
 * The pane's frame around the results: toolbar, tab strip and footer. Each is memoised: a change
 * of the check's phase or results re-renders the results, not the frame (on a big ledger the
 * first result's render is on the clerk's wait).
 */
import * as React from 'react';
import { Button, Caption1, Tab, TabList, Toolbar, ToolbarButton, makeStyles, tokens } from '@fluentui/react-components';
import { coverageText } from './HolidayDialog';
import { hasSchedule } from '../ledger/workdays';

export type PaneTab = 'check' | 'submit' | 'rollup';

const useStyles = makeStyles({
  toolbar: { flexWrap: 'wrap', padding: 0, gap: tokens.spacingHorizontalXS, marginLeft: `calc(-1 * ${tokens.spacingHorizontalS})` },
  tabs: { marginLeft: `calc(-1 * ${tokens.spacingHorizontalM})` },
  note: { color: tokens.colorNeutralForeground3 },
  footer: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalXS },
});

/** Callbacks that keep their identity across renders and call the latest function given (for memoised children). */
export function useStableHandlers<T extends Record<string, (...args: never[]) => unknown>>(handlers: T): T {
  const latest = React.useRef(handlers);
  latest.current = handlers;
  const [stable] = React.useState(() => {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(handlers)) out[k] = (...args: never[]) => latest.current[k](...args);
    return out as T;
  });
  return stable;
}

export interface PaneToolbarProps {
  busy: boolean;
  hasLedgers: boolean;
  marksShown: boolean;
  /** The host can draw marks (not the offline page). */
  canMark: boolean;
  canSelfTest: boolean;
  onRecheck: () => void;
  onToggleMarks: () => void;
  onFillMonths: () => void;
  onSelfTest: () => void;
}

export const PaneToolbar = React.memo(function PaneToolbar(p: PaneToolbarProps): React.ReactElement {
  const s = useStyles();
  return (
    <Toolbar aria-label="台账操作" size="small" className={s.toolbar}>
      <ToolbarButton onClick={p.onRecheck} disabled={p.busy} title="重新读取整个工作簿并检查（表格改动没有自动更新时用）">
        重新检查
      </ToolbarButton>
      {p.canMark && (
        <ToolbarButton onClick={p.onToggleMarks} disabled={p.busy || !p.hasLedgers} title={p.marksShown ? '去掉表格中的问题标记，恢复原来的样子' : '在表格中标出有问题的单元格'}>
          {p.marksShown ? '清除标记' : '显示标记'}
        </ToolbarButton>
      )}
      <ToolbarButton onClick={p.onFillMonths} disabled={p.busy || !p.hasLedgers} title="在每张台账右侧的“报送月份”列写上每条记录的报送月份">
        填写报送月份
      </ToolbarButton>
      {p.canSelfTest && (
        <ToolbarButton onClick={p.onSelfTest} disabled={p.busy} title="检查这台电脑上的 Excel 是否支持本加载项用到的功能，生成可以复制的报告">
          自检
        </ToolbarButton>
      )}
    </Toolbar>
  );
});

export const PaneTabs = React.memo(function PaneTabs({ tab, onSelect }: { tab: PaneTab; onSelect: (tab: PaneTab) => void }): React.ReactElement {
  const s = useStyles();
  return (
    <TabList className={s.tabs} selectedValue={tab} onTabSelect={(_, d) => onSelect(d.value as PaneTab)}>
      <Tab value="check" id="tz-tab-check" aria-controls="tz-panel-check">
        检查结果
      </Tab>
      <Tab value="submit" id="tz-tab-submit" aria-controls="tz-panel-submit">
        月度报送
      </Tab>
      <Tab value="rollup" id="tz-tab-rollup" aria-controls="tz-panel-rollup">
        县局汇总
      </Tab>
    </TabList>
  );
});

export interface PaneFooterProps {
  /** TZ.* functions exist in this host. */
  functions: boolean;
  year: number;
  /** Holiday arrangements can be added here (the 节假日安排 button). */
  canAddHolidays: boolean;
  embedded?: boolean;
  /** Bumped when the added arrangements change: the coverage line is computed again. */
  holidayVersion: number;
  onHolidays: () => void;
}

export const PaneFooter = React.memo(function PaneFooter({ functions, year, canAddHolidays, embedded, onHolidays }: PaneFooterProps): React.ReactElement {
  const s = useStyles();
  return (
    <div className={s.footer}>
      <Caption1 className={s.note}>
        {functions && '可在单元格中使用 TZ.REPORT_MONTH、TZ.CHECK_ROW、TZ.WORKDAY_CN、TZ.IS_WORKDAY_CN、TZ.PUBLICITY_DUE 函数。'}
        {coverageText()}，其他年份按周一至周五计算工作日，涉及这些年份的期限会注明。
        {!hasSchedule(year + 1) && (canAddHolidays ? `${year + 1}年的安排公布后（通常在${year}年11–12月），点“节假日安排”添加即可，不用更新${embedded ? '本页面' : '加载项'}。` : `${year + 1}年的安排公布后请更新加载项。`)}
      </Caption1>
      {canAddHolidays && (
        <Button size="small" appearance="secondary" onClick={onHolidays}>
          节假日安排
        </Button>
      )}
    </div>
  );
});
