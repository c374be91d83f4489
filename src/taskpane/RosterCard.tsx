/* The 执法人员名单 on the 检查结果 tab (issue 21): its state, a jump to its sheet, its own issues; or, with none, the offer to insert one. */
import * as React from 'react';
import { Badge, Body1, Body1Strong, Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { formatChineseDate } from '../ledger/dates';
import { thousands } from '../ledger/numbers';
import type { RosterCertificate, RosterResult } from '../validation/check';
import { HIDDEN_MARK } from './hidden-sheet';
import { IssueEntry, SelectCell, SeverityBadge } from './IssueList';
import { card, cardHead, cardList } from './card-styles';

const useStyles = makeStyles({
  list: cardList,
  card: card,
  head: cardHead,
  name: { minWidth: 0, overflowWrap: 'anywhere', flexGrow: 1 },
  counts: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, alignItems: 'center' },
  muted: { color: tokens.colorNeutralForeground3 },
  issues: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  badge: { whiteSpace: 'nowrap', flexShrink: 0 },
  offer: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

/** `李四 2023年12月1日、张三 2024年1月4日` (the first five). */
export function certificatesText(list: RosterCertificate[]): string {
  const shown = list.slice(0, 5).map((c) => `${c.name} ${formatChineseDate(c.until)}`);
  return shown.join('、') + (list.length > 5 ? ` 等${thousands(list.length)}本` : '');
}

function RosterCard({ roster, onSelect }: { roster: RosterResult; onSelect: SelectCell }): React.ReactElement {
  const s = useStyles();
  return (
    <li className={s.card} aria-label={roster.sheet}>
      <div className={s.head}>
        <Badge appearance="filled" color="informative" shape="rounded" className={s.badge}>
          执法人员名单
        </Badge>
        <Body1Strong className={s.name}>
          {roster.sheet}
          {roster.hidden && <span className={s.muted}>{HIDDEN_MARK}</span>}
        </Body1Strong>
        <Button size="small" appearance="subtle" onClick={() => onSelect(roster.sheet, roster.cell)} title={`转到工作表「${roster.sheet}」`}>
          转到名单
        </Button>
      </div>
      {roster.readable && roster.people > 0 && (
        <>
          <div className={s.counts}>
            <Body1>持证执法人员 {thousands(roster.certified)} 人</Body1>
            {roster.certified !== roster.people && <Caption1 className={s.muted}>（名单共 {thousands(roster.people)} 人）</Caption1>}
            {roster.expiringSoon.length > 0 ? (
              <SeverityBadge severity="warning" size="medium">
                60 天内到期 {thousands(roster.expiringSoon.length)}
              </SeverityBadge>
            ) : (
              <Badge appearance="ghost" color="informative" shape="rounded" className={s.badge}>
                60 天内到期 0
              </Badge>
            )}
            {roster.expired.length > 0 && (
              <SeverityBadge severity="error" size="medium">
                已过期 {thousands(roster.expired.length)}
              </SeverityBadge>
            )}
          </div>
          {roster.expiringSoon.length > 0 && <Caption1>即将到期：{certificatesText(roster.expiringSoon)}。请及时换证，换证后在名单中改为新证的有效期。</Caption1>}
          {roster.expired.length > 0 && <Caption1>已过期：{certificatesText(roster.expired)}。过期后不能再执法；已换证的请在名单中改为新证的有效期。</Caption1>}
        </>
      )}
      {roster.readable && roster.people === 0 && (
        <Caption1 className={s.muted}>还没有填写。一人一行填写姓名、执法证号、发证机关、有效期至（协管员等在备注中写明）；填写后按名单核对每件案件的执法人员，不填不影响其他检查。</Caption1>
      )}
      {roster.issues.length > 0 && (
        <ul className={s.issues} aria-label={`${roster.sheet}中的问题`}>
          {roster.issues.map((i, k) => (
            <li key={`${i.cell}-${k}`}>
              <IssueEntry issue={i} onSelect={onSelect} />
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

export interface RostersProps {
  rosters: RosterResult[] | undefined;
  onSelect: SelectCell;
  /** Inserts the 执法人员名单 (absent where sheets cannot be inserted). */
  onInsert?: () => void;
  inserting: boolean;
}

/** The roster cards, or a one-line offer to insert a roster (opt-in: a team without one is checked as before). */
export function Rosters({ rosters, onSelect, onInsert, inserting }: RostersProps): React.ReactElement | null {
  const s = useStyles();
  if (rosters?.length) {
    return (
      <ul className={s.list} aria-label="执法人员名单">
        {rosters.map((r) => (
          <RosterCard key={r.sheet} roster={r} onSelect={onSelect} />
        ))}
      </ul>
    );
  }
  if (!onInsert) return null;
  return (
    <div className={s.offer}>
      <Caption1 className={s.muted}>可选：有执法人员名单时，按名单核对每件案件的执法人员是否持有有效的执法证。</Caption1>
      <Button size="small" appearance="secondary" onClick={onInsert} disabled={inserting}>
        {inserting ? '正在插入…' : '插入执法人员名单'}
      </Button>
    </div>
  );
}
