/* The cards of the 检查结果 tab (a ledger's, the 执法人员名单's): one look, declared once for makeStyles. */
import { tokens } from '@fluentui/react-components';

export const cardList = { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS } as const;

export const card = {
  display: 'flex',
  flexDirection: 'column',
  gap: tokens.spacingVerticalXS,
  padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
  borderRadius: tokens.borderRadiusMedium,
  backgroundColor: tokens.colorNeutralBackground1,
  boxShadow: tokens.shadow2,
} as const;

export const cardHead = { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, minWidth: 0 } as const;
