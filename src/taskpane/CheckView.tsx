/* The 检查结果 tab: the ledgers found (or what to do when there are none), what is still to do, and the issue list. */
import * as React from 'react';
import { Badge, Body1, Body1Strong, Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { LEDGERS } from '../ledger/columns';
import { thousands } from '../ledger/numbers';
import type { PaneState, SheetSummary } from '../session/service';
import { IssueList, SelectCell, SeverityBadge } from './IssueList';
import { HIDDEN_MARK, HIDDEN_NOTE } from './hidden-sheet';
import { useSeverityStyles } from './entry-styles';
import { groupIssues } from './issues';
import { Note } from './Note';
import type { RostersProps } from './RosterCard';
import { card, cardHead, cardList } from './card-styles';
import { LazyPart } from './LazyPart';

// The roster's card comes in its own small chunk: most workbooks have no roster (the initial bundle has a size budget).
// Fetched as the pane starts, not when the first result is drawn (that render is on the clerk's wait).
const rosterChunk = import(/* webpackChunkName: "roster-view" */ './RosterCard');
rosterChunk.catch(() => undefined); // said where the card would be (LazyPart)
const LazyRosters = React.lazy(() => rosterChunk.then((m) => ({ default: m.Rosters })));

function Rosters(props: RostersProps): React.ReactElement | null {
  if (!props.rosters?.length && !props.onInsert) return null;
  return (
    <LazyPart loading={null} failed={<Caption1>没能加载执法人员名单的卡片：请检查网络后关闭任务窗格再重新打开（检查结果不受影响）。</Caption1>}>
      <LazyRosters {...props} />
    </LazyPart>
  );
}

export const KIND_COLOR = { penalty: 'danger', inspection: 'brand', coercion: 'warning' } as const;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  sheets: cardList,
  sheet: card,
  sheetHead: cardHead,
  sheetName: { minWidth: 0, overflowWrap: 'anywhere' },
  counts: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, alignItems: 'center' },
  team: { color: tokens.colorNeutralForeground3 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalS },
  badge: { whiteSpace: 'nowrap', flexShrink: 0 },
  todo: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalL },
});

/** A count on a card: coloured as the issue list's badges when there are any. */
function Count({ n, label, severity }: { n: number; label: string; severity: 'error' | 'warning' | 'info' | 'pending' }) {
  const s = useStyles();
  if (!n) {
    return (
      <Badge appearance="ghost" color="informative" shape="rounded" className={s.badge}>
        {label} 0
      </Badge>
    );
  }
  if (severity === 'pending') {
    return (
      <Badge appearance="tint" color="brand" shape="rounded" className={s.badge}>
        {label} {thousands(n)}
      </Badge>
    );
  }
  return (
    <SeverityBadge severity={severity} size="medium">
      {label} {thousands(n)}
    </SeverityBadge>
  );
}

function SheetCard({ sheet }: { sheet: SheetSummary }): React.ReactElement {
  const s = useStyles();
  return (
    <li className={s.sheet} aria-label={sheet.name}>
      <div className={s.sheetHead}>
        <Badge appearance="filled" color={KIND_COLOR[sheet.kind]} shape="rounded" className={s.badge}>
          {LEDGERS[sheet.kind].name}
        </Badge>
        <Body1Strong className={s.sheetName}>
          {sheet.name}
          {sheet.hidden && <span className={s.team}>{HIDDEN_MARK}</span>}
        </Body1Strong>
      </div>
      <div className={s.counts}>
        <Body1>{thousands(sheet.records)} 条记录</Body1>
        <Count n={sheet.errors} label="错误" severity="error" />
        <Count n={sheet.warnings} label="警告" severity="warning" />
        <Count n={sheet.infos} label="提示" severity="info" />
        <Count n={sheet.pending} label="待办" severity="pending" />
      </div>
      {!sheet.team && <Caption1 className={s.team}>标题中的单位还是“XX”或没有写，请在标题中写明本单位名称。</Caption1>}
      {sheet.hidden && <Caption1 className={s.team}>{HIDDEN_NOTE}</Caption1>}
    </li>
  );
}

export interface CheckViewProps {
  state: PaneState;
  onSelect: SelectCell;
  /** 插入官方台账表: the missing ledgers, and with `roster` the 执法人员名单. */
  onInsert: (roster?: boolean) => void;
  inserting: boolean;
}

/** Nothing found: say what a ledger looks like and offer the official sheets (the roster if wanted). */
function NoLedger({ onInsert, inserting, hasRoster }: Pick<CheckViewProps, 'onInsert' | 'inserting'> & { hasRoster: boolean }): React.ReactElement {
  const s = useStyles();
  return (
    <Note intent="info" title="没有找到台账">
      本工作簿中没有行政处罚、行政检查或行政强制案件台账。台账按标题（如“……行政处罚案件台账”）和表头识别，表头要与县司法局下发的模板一致。 可以插入三张官方台账表，再把案件填进去。
      {!hasRoster && '还可以同时插入执法人员名单（可不填）：填写后按名单核对每件案件的执法人员是否持有有效的执法证。'}
      <div className={s.actions}>
        <Button appearance="primary" onClick={() => onInsert(false)} disabled={inserting}>
          {inserting ? '正在插入…' : '插入官方台账表'}
        </Button>
        {!hasRoster && (
          <Button onClick={() => onInsert(true)} disabled={inserting}>
            插入台账表和执法人员名单
          </Button>
        )}
      </div>
    </Note>
  );
}

/**
 * When nothing is wrong: "可以报送" only when there is something to report under a real team
 * name; otherwise what is still to do (after 插入官方台账表: empty sheets titled “XX…”).
 */
function AllClear({ sheets }: { sheets: SheetSummary[] }): React.ReactElement {
  const s = useStyles();
  const empty = sheets.filter((x) => x.records === 0);
  const placeholder = sheets.filter((x) => !x.team);
  if (!empty.length && !placeholder.length) return <Note intent="success">没有发现问题，台账可以报送。</Note>;
  const todo = [
    ...(empty.length === sheets.length
      ? ['台账里还没有案件记录：把每件案件填成一行（从表头下面第一行开始），填完会自动检查。']
      : empty.length
        ? [`${empty.map((x) => `「${x.name}」`).join('、')}还没有案件记录；本期没有这类案件时可以空着，报送时 Word 文件写“本期无……案件”。`]
        : []),
    ...(placeholder.length ? [`把${placeholder.map((x) => `「${x.name}」`).join('、')}标题中的“XX综合行政执法队”改成本单位名称。`] : []),
  ];
  return (
    <Note intent="info" title={empty.length === sheets.length ? '还不能报送' : '没有发现问题，还有几件事要做'}>
      <ul className={s.todo}>
        {todo.map((t) => (
          <li key={t}>{t}</li>
        ))}
      </ul>
    </Note>
  );
}

export function CheckView({ state, onSelect, onInsert, inserting }: CheckViewProps): React.ReactElement | null {
  const s = useStyles();
  // Resolved from the first drawing: a makeStyles hook builds its CSS on first use (≈ 3 ms), which would fall on the first result's cards.
  useSeverityStyles();
  // The issue list follows in a transition (rendered in slices): the cards and counts come first.
  const [deferred, setDeferred] = React.useState<PaneState['check']>(null);
  React.useEffect(() => React.startTransition(() => setDeferred(state.check)), [state.check]);
  const groups = React.useMemo(() => groupIssues(deferred), [deferred]);
  // While the list catches up with a new check, the note stays as it was unless the cards show issues (no blink on every publish).
  const wasClear = React.useRef(false);
  const cardsClear = state.sheets.every((x) => !x.errors && !x.warnings && !x.infos);
  if (deferred === state.check) wasClear.current = groups.every((g) => !g.sheetIssues.length && !g.rows.length);
  if (!state.check) return null;
  const rosters = state.check.rosters;
  if (!state.sheets.length) {
    return (
      <div className={s.root}>
        <NoLedger onInsert={onInsert} inserting={inserting} hasRoster={!!rosters?.length} />
        {!!rosters?.length && <Rosters rosters={rosters} onSelect={onSelect} inserting={inserting} />}
      </div>
    );
  }
  const clear = cardsClear && wasClear.current;
  return (
    <div className={s.root}>
      <ul className={s.sheets} aria-label="本工作簿中的台账">
        {state.sheets.map((sh) => (
          <SheetCard key={sh.name} sheet={sh} />
        ))}
      </ul>
      {state.missingKinds.length > 0 && (
        <Note intent="info">
          本工作簿中没有{state.missingKinds.map((k) => `${LEDGERS[k].name}案件台账`).join('、')}。每月报送时，没有台账的在 Word 文件中写“本期无……案件”。
          <div className={s.actions}>
            <Button size="small" onClick={() => onInsert()} disabled={inserting}>
              {inserting ? '正在插入…' : '插入缺少的台账表'}
            </Button>
          </div>
        </Note>
      )}
      <Rosters rosters={rosters} onSelect={onSelect} onInsert={() => onInsert(true)} inserting={inserting} />
      {clear && <AllClear sheets={state.sheets} />}
      {groups.length > 0 && <IssueList groups={groups} onSelect={onSelect} />}
    </div>
  );
}
