/*
 * The 县局汇总 tab (the county's side, issue 12): the month, an optional list of the townships
 * that must report, the townships' files picked from disk (mails, ledgers, archives; read in the
 * browser, sent nowhere) → the roll-up, then its tables as new sheets of the open workbook, the
 * summary .xlsx and the 通报 draft. Loaded with its own chunk when the tab is first opened; the
 * roll-up itself (src/rollup, exceljs, docx, the .eml parser) comes through `loadRollup`: the
 * add-in's lazy chunk (rollup-api.ts) on 汇总, or the offline page's worker.
 */
import * as React from 'react';
import { Button, Caption1, Field, Select, Spinner, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import type { LedgerService } from '../session/service';
import type { NewSheet } from '../session/driver';
import { lastMonth, monthChoices, townshipList } from './form';
import { MonthOptions } from './SubmissionForm';
import { errorText, sentence, useAction } from './hooks';
import { Note, visuallyHidden } from './Note';
import type { Deliver } from './SubmissionPanel';
import type { PickedFile, RollupView, SavedFile } from './rollup-api';
import { RollupResult } from './RollupResult';

/** A roll-up's result: what the view shows, and `rollup` to hand back to the same API (the roll-up, or the worker's handle on it). */
export interface RollupRun {
  rollup: unknown;
  view: RollupView;
}

/**
 * The roll-up's reading and building: rollup-api.ts in process (the add-in's lazy chunk), or the
 * offline page's worker (src/offline/rollup-client.ts). Each takes back only the runs it made.
 */
export interface RollupApi {
  runRollup(picked: PickedFile[], o: { period: string; today: string; townships?: string[] }): Promise<RollupRun>;
  rollupSheets(rollup: unknown): NewSheet[] | Promise<NewSheet[]>;
  rollupXlsx(rollup: unknown): Promise<SavedFile>;
  noticeFile(rollup: unknown): Promise<SavedFile>;
}

export interface RollupPanelProps {
  service: LedgerService;
  deliver: Deliver;
  /** Loads src/rollup and its libraries (the add-in: the `rollup` chunk, on 汇总). */
  loadRollup: () => Promise<RollupApi>;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  files: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, alignItems: 'flex-start' },
  picked: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  muted: { color: tokens.colorNeutralForeground3 },
  hidden: visuallyHidden,
  input: { display: 'none' },
});

export type Status = { intent: 'success' | 'info' | 'warning' | 'error'; text: string };

/** `天宁镇.eml、西营镇.eml 等 12 个文件` */
export function pickedText(names: string[]): string {
  if (!names.length) return '还没有选择文件';
  const shown = names.slice(0, 3).join('、');
  return names.length > 3 ? `已选 ${names.length} 个文件：${shown} 等` : `已选 ${names.length} 个文件：${shown}`;
}

/** `2023-10` → `2023年11月1日` (交司字〔2023〕65号: 每月1日前报送上月台账). */
export function dueLabel(period: string): string {
  const y = Number(period.slice(0, 4));
  const m = Number(period.slice(5, 7));
  return m === 12 ? `${y + 1}年1月1日` : `${y}年${m + 1}月1日`;
}

export function RollupPanel({ service, deliver, loadRollup }: RollupPanelProps): React.ReactElement {
  const s = useStyles();
  const today = service.today();
  const months = React.useMemo(() => monthChoices(today), [today]);
  const [period, setPeriod] = React.useState(() => lastMonth(today));
  const [list, setList] = React.useState('');
  const [files, setFiles] = React.useState<File[]>([]);
  const [run, setRun] = React.useState<RollupRun | null>(null);
  const [failed, setFailed] = React.useState<string | null>(null);
  const [status, setStatus] = React.useState<Status | null>(null);
  const [announced, setAnnounced] = React.useState('');
  const input = React.useRef<HTMLInputElement>(null);
  const api = React.useRef<RollupApi | null>(null);
  const rolling = useAction();
  const acting = useAction();

  const load = async () => (api.current ??= await loadRollup());

  const rollup = () =>
    rolling.run(async () => {
      setRun(null);
      setFailed(null);
      setStatus(null);
      setAnnounced('');
      try {
        const a = await load();
        const r = await a.runRollup(files, { period, today, townships: townshipList(list) });
        setRun(r);
        const v = r.view;
        setAnnounced(`${v.label}汇总完成：按时 ${v.statuses.onTime} 个，逾期 ${v.statuses.late} 个，未报 ${v.statuses.missing} 个${v.statuses.unreadable ? `，已收到但无法读取 ${v.statuses.unreadable} 个` : ''}${v.unreadable.length ? `；${v.unreadable.length} 个文件无法读取` : ''}。`);
      } catch (e) {
        const message = `没有汇总：${sentence(errorText(e))}。`;
        setFailed(message);
        setAnnounced(message);
      }
    });

  const write = () =>
    acting.run(async () => {
      if (!run || !service.addSheets) return;
      try {
        const names = await service.addSheets(await (await load()).rollupSheets(run.rollup));
        const where = service.platform() === null ? '请点页面上方的“保存工作簿副本”保存。' : '原有的工作表没有改动。';
        setStatus({ intent: 'success', text: `已在工作簿末尾添加 ${names.length} 张工作表：${names.join('、')}。${where}` });
      } catch (e) {
        setStatus({ intent: 'error', text: `没能写入工作簿：${sentence(errorText(e))}。可以改用“保存汇总表（.xlsx）”。` });
      }
    });

  const save = (which: 'xlsx' | 'docx') =>
    acting.run(async () => {
      if (!run) return;
      try {
        const a = await load();
        const file = which === 'xlsx' ? await a.rollupXlsx(run.rollup) : await a.noticeFile(run.rollup);
        const r = await deliver({ files: [file], primary: 0 }, service.platform());
        setStatus({ intent: r.route === 'none' || r.skipped.length ? 'warning' : 'info', text: r.message });
      } catch (e) {
        setStatus({ intent: 'error', text: `保存失败：${sentence(errorText(e))}。` });
      }
    });

  return (
    <div className={s.root}>
      <form
        className={s.form}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void rollup();
        }}
      >
        <Caption1 className={s.muted}>县司法局用：读取各乡镇报送的邮件和台账，生成汇总表、逾期和未报名单、通报稿。文件只在本机读取，不会上传。</Caption1>
        <Field label="汇总月份" size="small" hint={`报送截止日期：${dueLabel(period)}`}>
          <Select value={period} onChange={(_, d) => setPeriod(d.value)}>
            <MonthOptions months={months} />
          </Select>
        </Field>
        <Field label="应报乡镇名单（可不填）" size="small" hint="每行一个乡镇，用来列出未报的乡镇；不填时只列出报送了的乡镇">
          <Textarea value={list} onChange={(_, d) => setList(d.value)} rows={3} resize="vertical" placeholder={'天宁镇\n西营镇'} />
        </Field>
        <div className={s.files}>
          <Button onClick={() => input.current?.click()} disabled={rolling.busy}>
            选择文件…
          </Button>
          <input
            ref={input}
            className={s.input}
            type="file"
            multiple
            accept=".eml,.msg,.mbox,.mbx,.docx,.xlsx,.zip,.rar,.dat,.doc,.wps,.xls,.et,.pdf"
            aria-label="选择各乡镇报送的文件"
            onChange={(e) => {
              setFiles(Array.from(e.target.files ?? []));
              setRun(null);
              setStatus(null);
            }}
          />
          <Caption1 className={s.picked}>{pickedText(files.map((f) => f.name))}</Caption1>
          <Caption1 className={s.muted}>可一次选中多个文件：邮件另存的 .eml、Outlook 的 .msg、邮箱导出的 .mbox（Thunderbird 的邮箱文件没有扩展名，请在对话框中选“所有文件”），Word 台账 .docx、Excel 台账 .xlsx，压缩包 .zip、.rar。</Caption1>
        </div>
        <div>
          <Button appearance="primary" type="submit" disabled={rolling.busy}>
            汇总
          </Button>
        </div>
      </form>
      <div className={s.hidden} aria-live="polite" aria-atomic="true">
        {announced}
      </div>
      {rolling.busy && <Spinner size="tiny" labelPosition="after" label="正在读取文件并汇总…" />}
      {failed && <Note intent="error">{failed}</Note>}
      {run && (
        <RollupResult
          view={run.view}
          canWrite={!!service.addSheets}
          busy={acting.busy}
          status={status}
          onWrite={() => void write()}
          onSave={(w) => void save(w)}
        />
      )}
    </div>
  );
}

export default RollupPanel;
