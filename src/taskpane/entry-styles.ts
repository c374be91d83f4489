/*
 * The look of issues by severity, the same everywhere: the bar on the left of an entry, the
 * badge, the card's counts and the filter toggles (errors red as the cells' marks, warnings
 * yellow as theirs, infos grey).
 */
import { makeStyles, tokens } from '@fluentui/react-components';

export const useEntryStyles = makeStyles({
  entry: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'stretch',
    gap: '2px',
    width: '100%',
    boxSizing: 'border-box',
    textAlign: 'left',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':active': { backgroundColor: tokens.colorNeutralBackground1Pressed },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
  error: { borderLeft: `4px solid ${tokens.colorStatusDangerBorder2}` },
  warning: { borderLeft: `4px solid ${tokens.colorPaletteMarigoldBorder2}` },
  info: { borderLeft: `4px solid ${tokens.colorNeutralStroke1}` },
  where: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere', minWidth: 0 },
  message: { overflowWrap: 'anywhere' },
  rule: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

/** Badges and toggles per severity (Fluent's `warning` badge is orange, close to its red: warnings get the marks' yellow). */
export const useSeverityStyles = makeStyles({
  // A badge is one word: never broken over two lines in a narrow pane.
  badge: { whiteSpace: 'nowrap', flexShrink: 0 },
  badgeError: { backgroundColor: tokens.colorStatusDangerBackground1, color: tokens.colorStatusDangerForeground1, border: `${tokens.strokeWidthThin} solid ${tokens.colorStatusDangerBorder1}` },
  badgeWarning: { backgroundColor: tokens.colorPaletteMarigoldBackground2, color: tokens.colorPaletteMarigoldForeground2, border: `${tokens.strokeWidthThin} solid ${tokens.colorPaletteMarigoldBorder1}` },
  badgeInfo: { backgroundColor: tokens.colorNeutralBackground4, color: tokens.colorNeutralForeground2, border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  onError: {
    backgroundColor: tokens.colorStatusDangerBackground1,
    color: tokens.colorStatusDangerForeground1,
    border: `${tokens.strokeWidthThick} solid ${tokens.colorStatusDangerBorder2}`,
    ':hover': { backgroundColor: tokens.colorStatusDangerBackground2, color: tokens.colorStatusDangerForeground1 },
  },
  onWarning: {
    backgroundColor: tokens.colorPaletteMarigoldBackground2,
    color: tokens.colorPaletteMarigoldForeground2,
    border: `${tokens.strokeWidthThick} solid ${tokens.colorPaletteMarigoldBorder2}`,
    ':hover': { backgroundColor: tokens.colorPaletteMarigoldBackground1, color: tokens.colorPaletteMarigoldForeground2 },
  },
  onInfo: {
    backgroundColor: tokens.colorNeutralBackground4,
    color: tokens.colorNeutralForeground1,
    border: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
    ':hover': { backgroundColor: tokens.colorNeutralBackground4Hover, color: tokens.colorNeutralForeground1 },
  },
  off: {
    backgroundColor: 'transparent',
    color: tokens.colorNeutralForeground2,
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke1}`,
    textDecorationLine: 'line-through',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover, color: tokens.colorNeutralForeground2 },
  },
});

export const BADGE_CLASS = { error: 'badgeError', warning: 'badgeWarning', info: 'badgeInfo' } as const;
export const ON_CLASS = { error: 'onError', warning: 'onWarning', info: 'onInfo' } as const;
