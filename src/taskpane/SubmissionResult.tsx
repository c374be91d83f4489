/*
 * What "生成报送文件" produced: the refusal (rows with errors) or the package (files first,
 * then what the clerk should know, then the e-mail). Each result starts with a heading the pane
 * focuses, so that it is read out and in view.
 */
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
  makeStyles,
  mergeClasses,
  tokens,
  useArrowNavigationGroup,
} from '@fluentui/react-components';
import { KINDS, LEDGERS } from '../ledger/columns';
import { formatChineseDate } from '../ledger/dates';
import { thousands } from '../ledger/numbers';
import type { BlockingIssue, Due, SubmissionPackage, SubmissionRefused, SubmissionResult, UnplacedRow } from '../submission';
import { RULE_BY_ID } from '../validation/rules';
import { useEntryStyles } from './entry-styles';
import type { SelectCell } from './IssueList';
import { messageBody } from './issues';
import { Note } from './Note';
import { useOpenFocus } from './hooks';

export const BLOCKING_PAGE = 30;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
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
  accordionHeader: { overflowWrap: 'anywhere' },
});

/** `2023年11月1日（已逾期 4 天）` */
export function dueText(due: Due): string {
  const when = formatChineseDate(due.date);
  if (due.overdue) return `报送截止日期：${when}（已逾期 ${due.daysLate} 天）`;
  return `报送截止日期：${when}`;
}

export function DueBar({ due }: { due: Due }): React.ReactElement {
  return <Note intent={due.overdue ? 'warning' : 'info'}>{dueText(due)}</Note>;
}

export function Notices({ notices }: { notices: string[] }): React.ReactElement | null {
  if (!notices.length) return null;
  return (
    <>
      {notices.map((n) => (
        <Note key={n} intent="warning">
          {n}
        </Note>
      ))}
    </>
  );
}

/** What a screen reader hears when the result arrives (the heading and its first line). */
export function resultSummary(r: SubmissionResult): string {
  if (r.refused) return `没有生成报送文件。${r.message}`;
  return `${readyTitle(r)}。${r.team}${r.label}：${KINDS.map((k) => `${LEDGERS[k].name} ${thousands(r.counts[k])} 件`).join('，')}。`;
}

function readyTitle(pkg: SubmissionPackage): string {
  if (pkg.unplaced.length) return `报送文件已生成，但可能缺少 ${thousands(pkg.unplaced.length)} 件案件`;
  if (pkg.blocking.length) return `报送文件已生成（含 ${thousands(pkg.blocking.length)} 处错误）`;
  return '报送文件已生成';
}

/** The heading a result starts with; the pane focuses it. */
function ResultHeading({ children }: { children: React.ReactNode }): React.ReactElement {
  const s = useStyles();
  return (
    <h2 className={s.heading} tabIndex={-1} data-result-focus>
      {children}
    </h2>
  );
}

/** Rows as buttons to their cells, BLOCKING_PAGE at a time; one tab stop, arrow keys inside. */
function CellList<T>({ items, label, keyOf, render, tone, onSelect, cell }: { items: T[]; label: string; keyOf: (x: T, i: number) => string; render: (x: T) => React.ReactNode; tone: 'error' | 'warning'; onSelect: SelectCell; cell: (x: T) => [string, string] }): React.ReactElement {
  const s = useStyles();
  const e = useEntryStyles();
  const [limit, setLimit] = React.useState(BLOCKING_PAGE);
  const nav = useArrowNavigationGroup({ axis: 'vertical', memorizeCurrent: true });
  return (
    <>
      <ul className={s.list} aria-label={label} {...nav}>
        {items.slice(0, limit).map((x, k) => {
          const [sheet, address] = cell(x);
          return (
            <li key={keyOf(x, k)}>
              <button type="button" className={mergeClasses(e.entry, e[tone])} onClick={() => onSelect(sheet, address)} title={`在表格中选中 ${address}`}>
                {render(x)}
              </button>
            </li>
          );
        })}
      </ul>
      {items.length > limit && (
        <Button size="small" onClick={() => setLimit((n) => n + BLOCKING_PAGE * 2)}>
          显示更多（还有 {thousands(items.length - limit)} 处）
        </Button>
      )}
    </>
  );
}

/** The rows with errors, each a button to its cell. */
export function BlockingList({ items, onSelect }: { items: BlockingIssue[]; onSelect: SelectCell }): React.ReactElement {
  const e = useEntryStyles();
  return (
    <CellList
      items={items}
      label="有错误的行"
      tone="error"
      onSelect={onSelect}
      cell={(b) => [b.sheet, b.cell]}
      keyOf={(b, k) => `${b.sheet}-${b.cell}-${b.rule}-${k}`}
      render={(b) => (
        <>
          <span className={e.where}>
            {b.sheet} 第{b.row}行 · {b.cell}「{b.column}」
          </span>
          <span className={e.message}>{messageBody(b)}</span>
          <span className={e.rule}>{RULE_BY_ID.get(b.rule)?.title ?? b.rule}</span>
        </>
      )}
    />
  );
}

/**
 * Cases whose month cannot be told that may belong to the period, in one collapsible block
 * with their count (a big ledger may have hundreds: the rest of the result stays in view).
 */
export function UnplacedBlock({ rows, label, onSelect, open }: { rows: UnplacedRow[]; label: string; onSelect: SelectCell; open?: boolean }): React.ReactElement | null {
  const s = useStyles();
  const e = useEntryStyles();
  if (!rows.length) return null;
  return (
    <Accordion collapsible defaultOpenItems={open ? ['unplaced'] : []}>
      <AccordionItem value="unplaced">
        <AccordionHeader expandIconPosition="end" as="h3">
          <span className={s.accordionHeader}>
            {thousands(rows.length)} 件案件的报送月份无法确定，可能属于{label}，不在文件中
          </span>
        </AccordionHeader>
        <AccordionPanel collapseMotion={null}>
          <Body1>决定报送月份的日期没有填写或无法识别。改正后（点一下跳到单元格）再点“生成报送文件”。</Body1>
          <CellList
            items={rows}
            label="报送月份无法确定的行"
            tone="warning"
            onSelect={onSelect}
            cell={(u) => [u.sheet, u.cell]}
            keyOf={(u) => `${u.sheet}-${u.row}`}
            render={(u) => (
              <>
                <span className={e.where}>
                  {u.sheet} 第{u.row}行 · {u.cell}
                </span>
                <span className={e.message}>{u.text}</span>
              </>
            )}
          />
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
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
  const [confirming, setConfirming] = React.useState(false);
  const safe = React.useRef<HTMLButtonElement>(null);
  useOpenFocus(confirming, safe);
  return (
    <section className={s.root} aria-label="没有生成报送文件">
      <ResultHeading>没有生成报送文件</ResultHeading>
      <Note intent="error">{result.message}</Note>
      {result.reason === 'errors' && (
        <>
          <div className={s.buttons}>
            <Dialog open={confirming} onOpenChange={(_, d) => setConfirming(d.open)}>
              <DialogTrigger disableButtonEnhancement>
                <Button disabled={busy}>仍然生成（含错误）</Button>
              </DialogTrigger>
              <DialogSurface>
                <DialogBody>
                  <DialogTitle>确认生成含错误的报送文件？</DialogTitle>
                  <DialogContent>
                    {result.label}的台账中有 {thousands(rows)} 行、{thousands(result.blocking.length)} 处错误还没有改正。有错误的行会照样写进 Word 台账。县司法局会抽查台账，建议先改正再报送。
                  </DialogContent>
                  {/* The safe choice first: the dialog focuses its first button, so Enter twice never ships the errors. */}
                  <DialogActions>
                    <DialogTrigger disableButtonEnhancement>
                      <Button appearance="primary" ref={safe}>
                        返回修改
                      </Button>
                    </DialogTrigger>
                    <DialogTrigger disableButtonEnhancement>
                      <Button onClick={onAllowErrors}>仍然生成</Button>
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
      <UnplacedBlock rows={result.unplaced} label={result.label} onSelect={onSelect} />
      <DueBar due={result.due} />
      <Notices notices={result.notices} />
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
  const counts = KINDS.map((k) => `${LEDGERS[k].name} ${thousands(pkg.counts[k])} 件`).join('，');
  // Green only when nothing may be missing and nothing wrong went in.
  const intent = pkg.unplaced.length || pkg.blocking.length ? 'warning' : 'success';
  return (
    <section className={s.root} aria-label="报送文件">
      <ResultHeading>{readyTitle(pkg)}</ResultHeading>
      <Note intent={intent}>
        {pkg.team}
        {pkg.label}：{counts}
        {pkg.pending.length > 0 && `；另有待办 ${thousands(pkg.pending.length)} 件，写在邮件正文中`}。
        {pkg.blocking.length > 0 && `\n按您的确认，Word 台账中含有 ${thousands(pkg.blocking.length)} 处错误；它们列在本页最下面的“文件中含有的错误”中，点一下可以跳到单元格。`}
      </Note>

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
          <div role="status">
            <Note intent={status.intent}>{status.text}</Note>
          </div>
        )}
      </div>

      <UnplacedBlock rows={pkg.unplaced} label={pkg.label} onSelect={onSelect} />
      <DueBar due={pkg.due} />
      <Notices notices={pkg.notices} />

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
        <Field label="正文">{(field) => <textarea {...field} className={s.body} readOnly value={pkg.body} rows={6} />}</Field>
        {pkg.mailto && (
          <div>
            <Link href={pkg.mailto} target="_blank" rel="noreferrer">
              用默认邮件程序打开
            </Link>
          </div>
        )}
        <Caption1 className={s.muted}>
          {pkg.mailto ? (pkg.mailtoWithBody ? '打开电脑上的邮件程序，收件人、主题和正文已填好。' : '打开电脑上的邮件程序，收件人和主题已填好；正文较长，请点“复制正文”后粘贴进去。') : '收件人较多，不能用邮件程序直接打开，请复制收件人、主题和正文。'}
          {pkg.mailtoNote}
        </Caption1>
      </div>

      {pkg.blocking.length > 0 && (
        <Accordion collapsible>
          <AccordionItem value="errors">
            <AccordionHeader expandIconPosition="end" as="h3">
              文件中含有的错误（{thousands(pkg.blocking.length)} 处）
            </AccordionHeader>
            <AccordionPanel collapseMotion={null}>
              <BlockingList items={pkg.blocking} onSelect={onSelect} />
            </AccordionPanel>
          </AccordionItem>
        </Accordion>
      )}
    </section>
  );
}
