/* What "生成报送文件" produced: the refusal (rows with errors) or the package (files, e-mail). */
import * as React from 'react';
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Body1,
  Body1Strong,
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Field,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  mergeClasses,
  tokens,
  useArrowNavigationGroup,
} from '@fluentui/react-components';
import { KINDS, LEDGERS } from '../ledger/columns';
import { formatChineseDate } from '../ledger/dates';
import type { BlockingIssue, Due, SubmissionPackage, SubmissionRefused } from '../submission';
import { RULE_BY_ID } from '../validation/rules';
import { useEntryStyles } from './entry-styles';
import type { SelectCell } from './IssueList';
import { messageBody } from './issues';

export const BLOCKING_PAGE = 30;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  text: { overflowWrap: 'anywhere' },
  muted: { color: tokens.colorNeutralForeground3 },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  file: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, alignItems: 'flex-start' },
  fileName: { overflowWrap: 'anywhere', color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  h: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  subject: { overflowWrap: 'anywhere' },
  body: {
    width: '100%',
    boxSizing: 'border-box',
    resize: 'vertical',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
});

/** `2023年11月1日（已逾期 4 天）` */
export function dueText(due: Due): string {
  const when = formatChineseDate(due.date);
  if (due.overdue) return `报送截止日期：${when}（已逾期 ${due.daysLate} 天）`;
  return `报送截止日期：${when}`;
}

export function DueBar({ due }: { due: Due }): React.ReactElement {
  return (
    <MessageBar intent={due.overdue ? 'warning' : 'info'}>
      <MessageBarBody>{dueText(due)}</MessageBarBody>
    </MessageBar>
  );
}

export function Notices({ notices }: { notices: string[] }): React.ReactElement | null {
  if (!notices.length) return null;
  return (
    <>
      {notices.map((n) => (
        <MessageBar key={n} intent="warning" layout="multiline">
          <MessageBarBody>{n}</MessageBarBody>
        </MessageBar>
      ))}
    </>
  );
}

/** The rows with errors, each a button to its cell. */
export function BlockingList({ items, onSelect }: { items: BlockingIssue[]; onSelect: SelectCell }): React.ReactElement {
  const s = useStyles();
  const e = useEntryStyles();
  const [limit, setLimit] = React.useState(BLOCKING_PAGE);
  const nav = useArrowNavigationGroup({ axis: 'vertical' });
  return (
    <>
      <ul className={s.list} aria-label="有错误的行" {...nav}>
        {items.slice(0, limit).map((b, k) => (
          <li key={`${b.sheet}-${b.cell}-${b.rule}-${k}`}>
            <button type="button" className={mergeClasses(e.entry, e.error)} onClick={() => onSelect(b.sheet, b.cell)} title={`在表格中选中 ${b.cell}`}>
              <span className={e.where}>
                {b.sheet} 第{b.row}行 · {b.cell}「{b.column}」
              </span>
              <span className={e.message}>{messageBody(b)}</span>
              <span className={e.rule}>{RULE_BY_ID.get(b.rule)?.title ?? b.rule}</span>
            </button>
          </li>
        ))}
      </ul>
      {items.length > limit && (
        <Button size="small" onClick={() => setLimit((n) => n + BLOCKING_PAGE * 2)}>
          显示更多（还有 {items.length - limit} 处）
        </Button>
      )}
    </>
  );
}

export interface RefusedProps {
  result: SubmissionRefused;
  onSelect: SelectCell;
  onAllowErrors: () => void;
  busy: boolean;
}

export function RefusedView({ result, onSelect, onAllowErrors, busy }: RefusedProps): React.ReactElement {
  const s = useStyles();
  const rows = new Set(result.blocking.map((b) => `${b.sheet}\u0000${b.row}`)).size;
  return (
    <section className={s.root} aria-label="没有生成报送文件">
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>没有生成报送文件</MessageBarTitle>
          {result.message}
        </MessageBarBody>
      </MessageBar>
      <DueBar due={result.due} />
      <Notices notices={result.notices} />
      {result.reason === 'errors' && (
        <>
          <div className={s.buttons}>
            <Dialog>
              <DialogTrigger disableButtonEnhancement>
                <Button disabled={busy}>仍然生成（含错误）</Button>
              </DialogTrigger>
              <DialogSurface>
                <DialogBody>
                  <DialogTitle>确认生成含错误的报送文件？</DialogTitle>
                  <DialogContent>
                    {result.label}的台账中有 {rows} 行、{result.blocking.length} 处错误还没有改正。有错误的行会照样写进 Word 台账。县司法局会抽查台账，建议先改正再报送。
                  </DialogContent>
                  <DialogActions>
                    <DialogTrigger disableButtonEnhancement>
                      <Button appearance="primary" onClick={onAllowErrors}>
                        仍然生成
                      </Button>
                    </DialogTrigger>
                    <DialogTrigger disableButtonEnhancement>
                      <Button>取消</Button>
                    </DialogTrigger>
                  </DialogActions>
                </DialogBody>
              </DialogSurface>
            </Dialog>
          </div>
          <Body1>下面是有错误的行，点一下可以跳到对应的单元格。改正后再点“生成报送文件”。</Body1>
          <BlockingList items={result.blocking} onSelect={onSelect} />
        </>
      )}
    </section>
  );
}

export interface ReadyProps {
  pkg: SubmissionPackage;
  onSelect: SelectCell;
  onSave: (which: 'docx' | 'eml') => void;
  onCopy: (which: 'subject' | 'body') => void;
  saving: boolean;
  /** The last delivery or copy outcome, Chinese. */
  status: { intent: 'success' | 'info' | 'warning' | 'error'; text: string } | null;
}

export function ReadyView({ pkg, onSelect, onSave, onCopy, saving, status }: ReadyProps): React.ReactElement {
  const s = useStyles();
  const counts = KINDS.map((k) => `${LEDGERS[k].name} ${pkg.counts[k]} 件`).join('，');
  return (
    <section className={s.root} aria-label="报送文件已生成">
      <MessageBar intent="success" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>报送文件已生成</MessageBarTitle>
          {pkg.team}{pkg.label}：{counts}
          {pkg.pending.length > 0 && `；另有待办 ${pkg.pending.length} 件，写在邮件正文中`}。
        </MessageBarBody>
      </MessageBar>
      <DueBar due={pkg.due} />
      <Notices notices={pkg.notices} />
      {pkg.blocking.length > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>按您的确认，文件中含有 {pkg.blocking.length} 处错误（列在最后）。</MessageBarBody>
        </MessageBar>
      )}

      <div className={s.section}>
        <h3 className={s.h}>1. 保存文件</h3>
        <div className={s.file}>
          <Button appearance="primary" onClick={() => onSave('docx')} disabled={saving}>
            保存 Word 台账
          </Button>
          <span className={s.fileName}>{pkg.docxName}</span>
        </div>
        <div className={s.file}>
          <Button onClick={() => onSave('eml')} disabled={saving}>
            保存邮件草稿（.eml）
          </Button>
          <span className={s.fileName}>{pkg.emlName}（已带 Word 附件，双击用 Outlook 打开后发送）</span>
        </div>
        {status && (
          <MessageBar intent={status.intent} layout="multiline" role="status">
            <MessageBarBody>{status.text}</MessageBarBody>
          </MessageBar>
        )}
      </div>

      <div className={s.section}>
        <h3 className={s.h}>2. 发送邮件</h3>
        <Body1>
          收件人：<Body1Strong>{pkg.to.join('，')}</Body1Strong>
        </Body1>
        <Body1 className={s.subject}>主题：{pkg.subject}</Body1>
        <div className={s.buttons}>
          <Button onClick={() => onCopy('subject')}>复制主题</Button>
          <Button onClick={() => onCopy('body')}>复制正文</Button>
        </div>
        <Field label="正文">
          {(field) => <textarea {...field} className={s.body} readOnly value={pkg.body} rows={6} />}
        </Field>
        {pkg.mailto && (
          <div>
            <Link href={pkg.mailto} target="_blank" rel="noreferrer">
              用默认邮件程序打开
            </Link>
          </div>
        )}
        <Caption1 className={s.muted}>{pkg.mailtoNote}</Caption1>
      </div>

      {pkg.blocking.length > 0 && (
        <Accordion collapsible>
          <AccordionItem value="errors">
            <AccordionHeader expandIconPosition="end">文件中含有的错误（{pkg.blocking.length} 处）</AccordionHeader>
            <AccordionPanel>
              <BlockingList items={pkg.blocking} onSelect={onSelect} />
            </AccordionPanel>
          </AccordionItem>
        </Accordion>
      )}
    </section>
  );
}
