/* The 检查结果 tab: the ledgers found, or what to do when there are none, and the issue list. */
import * as React from 'react';
import {
  Badge,
  Body1,
  Body1Strong,
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { LEDGERS } from '../ledger/columns';
import type { PaneState, SheetSummary } from '../session/service';
import { IssueList, SelectCell } from './IssueList';
import { groupIssues } from './issues';

export const KIND_COLOR = { penalty: 'danger', inspection: 'brand', coercion: 'warning' } as const;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  sheets: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  sheet: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow2,
  },
  sheetHead: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, minWidth: 0 },
  sheetName: { minWidth: 0, overflowWrap: 'anywhere' },
  counts: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, alignItems: 'center' },
  team: { color: tokens.colorNeutralForeground3 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalS },
});

function Count({ n, label, color }: { n: number; label: string; color: 'danger' | 'warning' | 'informative' | 'brand' }) {
  return (
    <Badge appearance={n ? 'tint' : 'ghost'} color={n ? color : 'informative'} shape="rounded">
      {label} {n}
    </Badge>
  );
}

function SheetCard({ sheet }: { sheet: SheetSummary }): React.ReactElement {
  const s = useStyles();
  return (
    <li className={s.sheet} aria-label={sheet.name}>
      <div className={s.sheetHead}>
        <Badge appearance="filled" color={KIND_COLOR[sheet.kind]} shape="rounded">
          {LEDGERS[sheet.kind].name}
        </Badge>
        <Body1Strong className={s.sheetName}>{sheet.name}</Body1Strong>
      </div>
      <div className={s.counts}>
        <Body1>{sheet.records} 条记录</Body1>
        <Count n={sheet.errors} label="错误" color="danger" />
        <Count n={sheet.warnings} label="警告" color="warning" />
        <Count n={sheet.infos} label="提示" color="informative" />
        <Count n={sheet.pending} label="待办" color="brand" />
      </div>
      {!sheet.team && <Caption1 className={s.team}>标题中的单位还是“XX”或没有写，请在标题中写明本单位名称。</Caption1>}
    </li>
  );
}

export interface CheckViewProps {
  state: PaneState;
  onSelect: SelectCell;
  onInsert: () => void;
  inserting: boolean;
}

/** Nothing found: say what a ledger looks like and offer the official sheets. */
function NoLedger({ onInsert, inserting }: Pick<CheckViewProps, 'onInsert' | 'inserting'>): React.ReactElement {
  const s = useStyles();
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>没有找到台账</MessageBarTitle>
        本工作簿中没有行政处罚、行政检查或行政强制案件台账。台账按标题（如“……行政处罚案件台账”）和表头识别，表头要与县司法局下发的模板一致。
        可以插入三张官方台账表，再把案件填进去。
        <div className={s.actions}>
          <Button appearance="primary" onClick={onInsert} disabled={inserting}>
            {inserting ? '正在插入…' : '插入官方台账表'}
          </Button>
        </div>
      </MessageBarBody>
    </MessageBar>
  );
}

export function CheckView({ state, onSelect, onInsert, inserting }: CheckViewProps): React.ReactElement | null {
  const s = useStyles();
  const groups = React.useMemo(() => groupIssues(state.check), [state.check]);
  if (!state.check) return null;
  if (!state.sheets.length) return <NoLedger onInsert={onInsert} inserting={inserting} />;
  return (
    <div className={s.root}>
      <ul className={s.sheets} aria-label="本工作簿中的台账">
        {state.sheets.map((sh) => (
          <SheetCard key={sh.name} sheet={sh} />
        ))}
      </ul>
      {state.missingKinds.length > 0 && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            本工作簿中没有{state.missingKinds.map((k) => `${LEDGERS[k].name}案件台账`).join('、')}。每月报送时，没有台账的在 Word 文件中写“本期无……案件”。
            <div className={s.actions}>
              <Button size="small" onClick={onInsert} disabled={inserting}>
                {inserting ? '正在插入…' : '插入缺少的台账表'}
              </Button>
            </div>
          </MessageBarBody>
        </MessageBar>
      )}
      <IssueList groups={groups} onSelect={onSelect} />
    </div>
  );
}
