/* The task pane: toolbar, progress, the check results and the monthly submission (spec §5.3). */
import * as React from 'react';
import { Button, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { PaneCommand } from '../commands/bridge';
import type { LedgerService } from '../session/service';
import { thousands } from '../ledger/numbers';
import { teamOf } from '../validation/report';
import { CheckView } from './CheckView';
import { errorText, sentence, useAction, usePaneStateWithoutProgress } from './hooks';
import { CheckProgress, progressText } from './CheckProgress';
import { Note } from './Note';
import type { Deliver, SubmissionApi } from './SubmissionPanel';
import { SubmitTab } from './SubmitTab';
import { SelfTestDialog } from './SelfTestDialog';
import { RollupTab } from './RollupTab';
import type { RollupApi } from './RollupPanel';
import { HolidayDialog } from './HolidayDialog';
import type { HolidayStartup } from './holiday-start';
import { PaneFooter, PaneTab, PaneTabs, PaneToolbar, useStableHandlers } from './AppChrome';

export interface AppProps {
  service: LedgerService;
  /** Loads src/submission (lazily in the add-in). */
  loadSubmission: () => Promise<SubmissionApi>;
  /** Loads the 县局汇总 view's reading and building (the add-in: its `rollup` chunk; the offline page: its worker). */
  loadRollup: () => Promise<RollupApi>;
  deliver: Deliver;
  /** Added holiday arrangements: where they are kept, and problems found at start-up (absent: none can be added here). */
  holidays?: HolidayStartup;
  /** Current year, to warn when next year's holidays are not yet known. */
  year: number;
  /** Ribbon commands for the pane (准备月度报送); absent where the host has none. */
  commands?: (listener: (c: PaneCommand) => void) => () => void;
  /** Inside a page of its own (the offline page): the page has the `h1` and the `main` landmark. */
  embedded?: boolean;
  /** Shown while nothing was checked and no check runs (the add-in drawn before Excel is ready, or waiting to be shown). */
  startNote?: React.ReactNode;
}

type Notice = { intent: 'success' | 'info' | 'warning' | 'error'; text: string };

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    minWidth: 0,
    boxSizing: 'border-box',
    backgroundColor: tokens.colorNeutralBackground2,
    minHeight: '100vh',
  },
  head: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  title: { margin: 0 },
  // Where to find a cell (a host that cannot select one): pinned to the bottom of the window, where the clerk is looking.
  where: {
    position: 'fixed',
    left: 0,
    right: 0,
    bottom: 0,
    zIndex: 1,
    display: 'flex',
    justifyContent: 'center',
    padding: `0 ${tokens.spacingHorizontalS} ${tokens.spacingVerticalS}`,
    pointerEvents: 'none',
  },
  whereBox: { maxWidth: '760px', width: '100%', pointerEvents: 'auto', boxShadow: tokens.shadow16, borderRadius: tokens.borderRadiusMedium },
  whereRoom: { paddingBottom: '140px' },
});

/** Where to look for a cell in Excel or WPS, for a host that cannot select it (the offline page). */
export function whereText(sheet: string, cell: string): string {
  return `「${sheet}」${cell}：离线页面不能跳到单元格。请在 Excel 或 WPS 中切换到工作表「${sheet}」，在左上角的名称框中输入 ${cell} 后按回车。`;
}

export { progressText };

export function App({ service, loadSubmission, loadRollup, deliver, holidays, year, commands, embedded, startNote }: AppProps): React.ReactElement {
  const s = useStyles();
  const Root = embedded ? 'div' : 'main';
  // Without the progress: a progress tick re-renders only the progress line (CheckProgress).
  const state = usePaneStateWithoutProgress(service);
  const [tab, setTab] = React.useState<PaneTab>('check');
  const [rollupMounted, setRollupMounted] = React.useState(false);
  const [notice, setNotice] = React.useState<Notice | null>(null);
  const [selfTestOpen, setSelfTestOpen] = React.useState(false);
  const [holidayOpen, setHolidayOpen] = React.useState(false);
  const [holidayProblems, setHolidayProblems] = React.useState(holidays?.problems ?? []);
  // Bumped when the added arrangements change: the coverage line is read again.
  const [holidayVersion, setHolidayVersion] = React.useState(0);
  const features = React.useMemo(() => service.features?.(), [service]);
  const canSelect = features?.select !== false;
  const [where, setWhere] = React.useState<{ sheet: string; cell: string } | null>(null);
  const [prepareRequest, setPrepareRequest] = React.useState(0);
  // The 月度报送 tab is built after the first result is on screen (a transition: in slices), or at once when asked for.
  const [submitMounted, setSubmitMounted] = React.useState(false);
  const hasCheck = !!state.check;
  React.useEffect(() => {
    if (hasCheck && !submitMounted) React.startTransition(() => setSubmitMounted(true));
  }, [hasCheck, submitMounted]);
  const action = useAction();
  const inserting = useAction();

  React.useEffect(() => {
    // Listening first: the clerk's edits during a long first check (and its marks) are seen, and a paced marks write stops for them.
    // Live checking may be unavailable (older Excel): say so, 重新检查 still works.
    service.startLive().catch((e: unknown) => setNotice({ intent: 'warning', text: errorText(e) }));
    service.checkAll().catch(() => undefined); // the state says what went wrong
    return () => void service.stopLive().catch(() => undefined);
  }, [service]);

  // 准备月度报送 from the ribbon: the 月度报送 tab, preparing at once.
  React.useEffect(
    () =>
      commands?.((c) => {
        if (c !== 'prepare') return;
        setTab('submit');
        setSubmitMounted(true);
        setPrepareRequest((n) => n + 1);
      }),
    [commands],
  );

  const fail = (what: string) => (e: unknown) => setNotice({ intent: 'error', text: `${what}：${errorText(e)}` });

  const onSelect = React.useCallback(
    (sheet: string, cell: string) => {
      if (!canSelect) setWhere({ sheet, cell });
      else service.selectCell(sheet, cell).catch(fail(`没能选中 ${sheet} 的 ${cell}`));
    },
    [service, canSelect],
  );

  // The results end the button's wait; the marks of a big workbook follow (the progress line says how far).
  const recheck = () => action.run(() => service.checkAll({ resultsOnly: true })).then(() => setNotice(null), fail('检查失败'));

  const toggleMarks = () => {
    const show = !state.marksShown;
    action.run(() => service.setMarks(show)).then(
      () => setNotice({ intent: 'info', text: show ? '已在表格中标出有问题的单元格。' : '已清除全部标记，表格恢复原样（您填写的内容没有改动）。' }),
      fail(show ? '没能显示标记' : '没能清除标记'),
    );
  };

  const fillMonths = () =>
    action.run(() => service.fillReportMonths()).then((r) => {
      if (!r) return;
      const lines = [
        ...r.written.map((w) => (w.rows ? `${w.sheet}：已在 ${w.column} 列写入 ${thousands(w.rows)} 行的报送月份。` : `${w.sheet}：还没有案件记录，只在 ${w.column} 列写了“报送月份”表头；填入案件后会自动写上。`)),
        ...r.refused.map((x) => x.reason), // a full sentence naming the sheet
      ];
      setNotice({ intent: r.refused.length ? 'warning' : 'success', text: lines.join('\n') || '没有可以写入报送月份的台账。' });
    }, fail('没能填写报送月份'));

  const insert = (roster = false) => {
    const team = teamOf(state.check ?? { today: service.today(), ledgers: [] });
    return inserting.run(() => (roster ? service.insertOfficialSheets(team, { roster }) : service.insertOfficialSheets(team))).then(
      (names) => {
        setNotice({ intent: 'success', text: names?.length ? `已插入：${names.join('、')}。` : '三张台账表都已存在，没有插入。' });
        return service.checkAll();
      },
      fail('没能插入台账表'),
    );
  };

  const selectTab = (t: PaneTab) => {
    setTab(t);
    setSubmitMounted(true);
    if (t === 'rollup') setRollupMounted(true);
  };
  // Stable for the memoised frame (AppChrome): a new check re-renders the results, not the toolbar and tabs.
  const handlers = useStableHandlers({
    recheck: () => void recheck(),
    toggleMarks,
    fillMonths: () => void fillMonths(),
    openSelfTest: () => setSelfTestOpen(true),
    openHolidays: () => setHolidayOpen(true),
    selectTab,
  });

  const titleTeam = React.useMemo(() => state.sheets.map((x) => x.team).find((t): t is string => !!t) ?? null, [state.sheets]);
  const hasLedgers = state.sheets.length > 0;

  return (
    <Root className={where ? `${s.root} ${s.whereRoom}` : s.root}>
      <div className={s.head}>
        {!embedded && (
          <Subtitle2 as="h1" className={s.title}>
            执法台账助手
          </Subtitle2>
        )}
        <PaneToolbar
          busy={action.busy}
          hasLedgers={hasLedgers}
          marksShown={state.marksShown}
          canMark={features?.marks !== false}
          canSelfTest={!!service.selfTest}
          onRecheck={handlers.recheck}
          onToggleMarks={handlers.toggleMarks}
          onFillMonths={handlers.fillMonths}
          onSelfTest={handlers.openSelfTest}
        />
        <CheckProgress service={service} busy={action.busy} />
        {startNote && state.phase === 'idle' && !state.check && !action.busy && startNote}
      </div>

      {notice && (
        <Note
          intent={notice.intent}
          action={
            <Button appearance="transparent" size="small" aria-label="关闭提示" onClick={() => setNotice(null)}>
              关闭
            </Button>
          }
        >
          {notice.text}
        </Note>
      )}
      {state.phase === 'error' && <Note intent="error">读取工作簿失败：{sentence(state.error ?? '未知错误')}。请点“重新检查”。</Note>}
      {!!state.notes?.length && <Note intent="warning">{state.notes.join('\n')}</Note>}
      {state.pendingMarks && service.refreshMarks && (
        // Live checking leaves the sheets alone (the clerk's undo history); the marks follow on this button.
        <Note intent="info">
          {state.pendingMarks.note}
          <div style={{ marginTop: tokens.spacingVerticalXS }}>
            <Button size="small" disabled={action.busy} onClick={() => void action.run(() => service.refreshMarks!()).catch(fail('没能更新标记'))}>
              更新标记
            </Button>
          </div>
        </Note>
      )}
      {state.date1904 && (
        <Note intent="warning">
          本工作簿使用 1904 日期系统。TZ 函数按 1900 日期系统读取日期单元格，结果会相差 4 年零 1 天；在本工作簿中请给这些函数写文字日期，如“2023年10月9日”。
        </Note>
      )}

      {/* The pages from the first drawing: during a long first check the clerk can already open 月度报送 or 县局汇总. */}
      <PaneTabs tab={tab} onSelect={handlers.selectTab} />
      <div hidden={tab !== 'check'} role="tabpanel" id="tz-panel-check" aria-labelledby="tz-tab-check">
        <CheckView state={state} onSelect={onSelect} onInsert={(roster) => void insert(roster)} inserting={inserting.busy} />
      </div>
      <div hidden={tab !== 'submit'} role="tabpanel" id="tz-panel-submit" aria-labelledby="tz-tab-submit">
        {submitMounted && <SubmitTab service={service} titleTeam={titleTeam} onSelect={onSelect} loadSubmission={loadSubmission} deliver={deliver} prepareRequest={prepareRequest} />}
      </div>
      <div hidden={tab !== 'rollup'} role="tabpanel" id="tz-panel-rollup" aria-labelledby="tz-tab-rollup">
        {rollupMounted && <RollupTab service={service} deliver={deliver} loadRollup={loadRollup} />}
      </div>

      {!canSelect && (
        <div className={s.where} role="status">
          {where && (
            <div className={s.whereBox}>
              <Note
                intent="info"
                action={
                  <Button appearance="transparent" size="small" onClick={() => setWhere(null)}>
                    知道了
                  </Button>
                }
              >
                {whereText(where.sheet, where.cell)}
              </Note>
            </div>
          )}
        </div>
      )}
      {service.selfTest && selfTestOpen && <SelfTestDialog open onClose={() => setSelfTestOpen(false)} run={() => service.selfTest!()} />}
      {!!holidayProblems.length && <Note intent="warning">添加的节假日安排无法使用，已按内置的数据计算：{holidayProblems.map(sentence).join('；')}。请点“节假日安排”重新添加。</Note>}
      <PaneFooter functions={features?.functions !== false} year={year} canAddHolidays={!!holidays} embedded={embedded} holidayVersion={holidayVersion} onHolidays={handlers.openHolidays} />
      {/* Mounted only while open (as 自检): a closed dialog's focus trap would be set up before the first result. */}
      {holidays && holidayOpen && (
        <HolidayDialog
          open
          storage={holidays.storage}
          onClose={() => setHolidayOpen(false)}
          onChanged={(years) => {
            setHolidayOpen(false);
            setHolidayVersion((n) => n + 1);
            setHolidayProblems([]);
            setNotice({ intent: 'success', text: years.length ? `已添加 ${years.map((y) => y.year).join('、')} 年的节假日安排，已按新的安排重新检查。` : '已删除添加的节假日安排，已按内置的数据重新检查。' });
            void service.checkAll().catch(() => undefined);
          }}
        />
      )}
    </Root>
  );
}
