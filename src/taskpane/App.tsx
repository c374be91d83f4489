/* Placeholder task pane: says which ledgers the workbook has. The full pane replaces it. */
import * as React from 'react';
import {
  Badge,
  Body1,
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { LedgerSummary } from './summary';

export interface PaneData {
  ledgers: LedgerSummary[];
  /** The workbook uses the 1904 date system (the TZ functions assume 1900). */
  date1904: boolean;
}

export interface AppProps {
  /** Reads the open workbook; injected so the pane can be shown without Excel. */
  load: () => Promise<PaneData>;
  /** First and last year of the holiday data, for the note under the list. */
  holidayYears: { first: number; last: number };
  /** Current year, to warn when next year's holidays are not yet known. */
  year: number;
}

const BADGE = { penalty: 'danger', inspection: 'brand', coercion: 'warning' } as const;

type State = { phase: 'loading' } | ({ phase: 'done' } & PaneData) | { phase: 'error'; message: string };

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalL },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    padding: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  grow: { flexGrow: 1, minWidth: 0, overflowWrap: 'anywhere' },
  fixed: { flexShrink: 0, whiteSpace: 'nowrap' },
  note: { color: tokens.colorNeutralForeground3 },
});

export function App({ load, holidayYears, year }: AppProps): React.ReactElement {
  const styles = useStyles();
  const [state, setState] = React.useState<State>({ phase: 'loading' });
  const refresh = React.useCallback(() => {
    setState({ phase: 'loading' });
    load().then(
      (data) => setState({ phase: 'done', ...data }),
      (e: unknown) => setState({ phase: 'error', message: e instanceof Error ? e.message : String(e) }),
    );
  }, [load]);
  React.useEffect(refresh, [refresh]);

  return (
    <main className={styles.root}>
      <Subtitle2 as="h1">执法台账助手</Subtitle2>
      {state.phase === 'loading' && <Spinner size="small" label="正在读取工作簿…" />}
      {state.phase === 'error' && (
        <MessageBar intent="error">
          <MessageBarBody>读取工作簿失败：{state.message}</MessageBarBody>
        </MessageBar>
      )}
      {state.phase === 'done' && <LedgerList ledgers={state.ledgers} />}
      {state.phase === 'done' && state.date1904 && (
        <MessageBar intent="warning">
          <MessageBarBody>
            本工作簿使用 1904 日期系统。TZ 函数按 1900 日期系统读取日期单元格，结果会相差 4 年零 1 天；在本工作簿中请给这些函数写文字日期，如“2023年10月9日”。
          </MessageBarBody>
        </MessageBar>
      )}
      <div>
        <Button onClick={refresh} disabled={state.phase === 'loading'}>
          重新读取
        </Button>
      </div>
      <Caption1 className={styles.note}>
        可在单元格中使用 TZ.REPORT_MONTH、TZ.CHECK_ROW、TZ.WORKDAY_CN、TZ.IS_WORKDAY_CN、TZ.PUBLICITY_DUE 函数。
        节假日和调休安排收录 {holidayYears.first}–{holidayYears.last} 年，其他年份按周一至周五计算工作日
        {year >= holidayYears.last ? `；${holidayYears.last + 1}年的安排公布后请更新加载项。` : '。'}
      </Caption1>
    </main>
  );
}

function LedgerList({ ledgers }: { ledgers: LedgerSummary[] }): React.ReactElement {
  const styles = useStyles();
  if (!ledgers.length) {
    return (
      <MessageBar intent="warning">
        <MessageBarBody>本工作簿中没有找到行政处罚、行政检查或行政强制案件台账。台账按标题和表头识别，请确认表头与县司法局下发的模板一致。</MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <section aria-label="本工作簿中的台账">
      <Body1>本工作簿中有 {ledgers.length} 个台账：</Body1>
      <ul className={styles.list}>
        {ledgers.map((l) => (
          <li key={l.sheet} className={styles.item}>
            <Badge className={styles.fixed} appearance="tint" color={BADGE[l.kind]}>
              {l.label}
            </Badge>
            <span className={styles.grow}>
              <Body1>{l.sheet}</Body1>
              {l.team && <Caption1 className={styles.note}>（{l.team}）</Caption1>}
            </span>
            <Caption1 className={styles.fixed}>{l.records} 条案件</Caption1>
          </li>
        ))}
      </ul>
    </section>
  );
}
