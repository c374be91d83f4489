/*
 * The offline page (执法台账助手.html): choose or drop an .xlsx, then the same pane as in Excel
 * over the in-browser file driver; the workbook with its 报送月份 column filled is saved as a
 * new file on request. Reading, the copy and the package run in the page's worker (OfflineFiles);
 * unsaved changes are never dropped without asking. Nothing leaves the browser.
 */
import * as React from 'react';
import { Body1, Button, Caption1, MessageBar, MessageBarBody, ProgressBar, Subtitle1, makeStyles, tokens } from '@fluentui/react-components';
import type { SubmissionApi } from '../taskpane/SubmissionPanel';
import type { RollupApi } from '../taskpane/RollupPanel';
import { progressText } from '../taskpane/CheckProgress';
import { saveFile } from '../download/save';
import { yieldToHost } from '../taskpane/pause';
import type { HolidayStartup } from '../taskpane/holiday-start';
import { deliverDownload } from './delivery';
import { fileProblem, readFailure } from './file-errors';
import type { FileSession } from './file-driver';
import { LeaveDialog } from './LeaveDialog';
import type { OfflineFiles } from './types';
import type { WorkbookFile } from './workbook-file';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const useStyles = makeStyles({
  page: { maxWidth: '760px', margin: '0 auto', padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, fontFamily: tokens.fontFamilyBase },
  head: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  main: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  muted: { color: tokens.colorNeutralForeground3 },
  drop: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalXL,
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    textAlign: 'center',
  },
  dropActive: { border: `${tokens.strokeWidthThick} dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  progress: { width: '100%', display: 'flex', flexDirection: 'column', gap: '2px' },
  bar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  fileHeading: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: 'anywhere',
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
  pane: { border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusLarge, overflow: 'hidden' },
  error: { ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` } },
  hidden: { display: 'none' },
});

type PanePart = typeof import('./pane-part');

interface Opened {
  file: WorkbookFile;
  service: FileSession;
  pane: PanePart;
}

/** The pane's modules, run on the first file (the page's start runs none of them). */
const loadPaneDefault = (): Promise<PanePart> => import('./pane-part');

export interface OfflinePageProps {
  loadSubmission: () => Promise<SubmissionApi>;
  /** The 县局汇总 view's reading and building (the page's worker: rollup-client.ts). */
  loadRollup: () => Promise<RollupApi>;
  /** Reading, the copy and the package, off the page's thread (worker-client.ts; in process in tests). */
  files: OfflineFiles;
  /** Settings storage (the browser's localStorage). */
  storage: Pick<Storage, 'getItem' | 'setItem'> | null;
  /** Added holiday arrangements (default: read from the page's storage with the pane's modules). */
  holidays?: HolidayStartup;
  /** The pane's modules (pane-part.ts). */
  loadPane?: () => Promise<PanePart>;
  /** The page's window, for the leave-page prompt (beforeunload). */
  win?: Pick<Window, 'addEventListener' | 'removeEventListener'>;
}

type Loading = { name: string; done: number; total: number };

/** Asks before the tab closes while the page holds changes not saved as a copy. */
function useLeavePrompt(active: boolean, win: OfflinePageProps['win']): void {
  React.useEffect(() => {
    if (!active || !win) return;
    const ask = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      // Older Chromium (360, QQ) asks only with returnValue set; the text is the browser's own.
      e.returnValue = '';
    };
    win.addEventListener('beforeunload', ask);
    return () => win.removeEventListener('beforeunload', ask);
  }, [active, win]);
}

export function OfflinePage({ loadSubmission, loadRollup, files, storage, holidays, loadPane = loadPaneDefault, win = typeof window === 'undefined' ? undefined : window }: OfflinePageProps): React.ReactElement {
  const s = useStyles();
  const [opened, setOpened] = React.useState<Opened | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [loading, setLoading] = React.useState<Loading | null>(null);
  const [copying, setCopying] = React.useState(false);
  /** Changes made to the open file, and how many of them a saved copy holds. */
  const [changed, setChanged] = React.useState(0);
  const [savedAt, setSavedAt] = React.useState(0);
  const [saved, setSaved] = React.useState<{ intent: 'success' | 'error'; text: string } | null>(null);
  const [dragging, setDragging] = React.useState(false);
  /** A file chosen while changes are unsaved: what to do is asked first. */
  const [waiting, setWaiting] = React.useState<File | null>(null);
  const input = React.useRef<HTMLInputElement>(null);
  const heading = React.useRef<HTMLHeadingElement>(null);
  const errorBox = React.useRef<HTMLDivElement>(null);
  const [focus, setFocus] = React.useState<'heading' | 'error' | null>(null);
  const unsaved = !!opened && changed > savedAt;
  useLeavePrompt(unsaved, win);

  // Focus follows the outcome of choosing a file (the button may have been pressed with Enter).
  React.useEffect(() => {
    if (focus === 'heading') heading.current?.focus();
    if (focus === 'error') errorBox.current?.focus();
    if (focus) setFocus(null);
  }, [focus]);

  const read = async (f: File) => {
    setError(null);
    setSaved(null);
    const problem = fileProblem(f.name, f.size);
    if (problem) {
      setError(problem);
      setFocus('error');
      return;
    }
    setLoading({ name: f.name, done: 0, total: 0 });
    try {
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(await f.arrayBuffer());
      } catch (e) {
        throw new Error(readFailure(f.name, e));
      }
      const [file, pane] = await Promise.all([files.open(f.name, bytes, (done, total) => setLoading({ name: f.name, done, total })), loadPane()]);
      const { FileDriver, FileSession, browserStore } = pane;
      const driver = new FileDriver(file, browserStore(storage), () => setChanged((n) => n + 1));
      const service = new FileSession(driver, {
        setTimer: (fn, ms) => setTimeout(fn, ms),
        clearTimer: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
        now: () => performance.now(),
        tick: () => new Promise<void>((r) => setTimeout(r, 0)),
        // The check in slices: the page answers while 40,000 rows are checked.
        pause: yieldToHost,
      });
      setChanged(0);
      setSavedAt(0);
      setOpened({ file, service, pane });
      setFocus('heading');
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setFocus('error');
    } finally {
      setLoading(null);
    }
  };

  const open = (f: File | undefined) => {
    if (input.current) input.current.value = '';
    if (!f || loading) return;
    if (unsaved) setWaiting(f);
    else void read(f);
  };

  /** Saves the copy; true when it was handed to the browser. */
  const saveCopy = async (): Promise<boolean> => {
    if (!opened || copying) return false;
    const upTo = changed;
    setCopying(true);
    try {
      const copy = await files.copy(opened.file);
      saveFile(copy.name, XLSX_TYPE, copy.bytes);
      setSavedAt(upTo);
      setSaved({ intent: 'success', text: `已开始下载“${copy.name}”（原文件没有改动）。请检查副本后再用它替换原台账。` });
      return true;
    } catch (e) {
      setSaved({ intent: 'error', text: `没能生成副本：${e instanceof Error ? e.message : String(e)}` });
      return false;
    } finally {
      setCopying(false);
    }
  };

  const onDrop = (e: React.DragEvent) => {
    e.preventDefault();
    setDragging(false);
    open(e.dataTransfer.files[0]);
  };

  return (
    <div className={s.page}>
      <header className={s.head}>
        <Subtitle1 as="h1" style={{ margin: 0 }}>
          执法台账助手（离线版）
        </Subtitle1>
        <Caption1 className={s.muted}>检查台账、填写报送月份、生成月度报送的 Word 文件和邮件草稿。文件只在这台电脑的浏览器里读取，不会上传；本页面不联网。</Caption1>
      </header>

      <main className={s.main}>
        <div
          className={dragging ? `${s.drop} ${s.dropActive}` : s.drop}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <Body1>把台账文件（.xlsx）拖到这里，或</Body1>
          {/* Never disabled: a disabled button drops the keyboard focus to the page. */}
          <Button appearance="primary" onClick={() => !loading && input.current?.click()} aria-disabled={!!loading}>
            选择台账文件
          </Button>
          <input ref={input} className={s.hidden} type="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" aria-label="选择台账文件" onChange={(e) => open(e.target.files?.[0])} />
          {loading && (
            <div className={s.progress} role="status">
              <ProgressBar thickness="medium" value={loading.total ? Math.min(1, loading.done / loading.total) : undefined} aria-label={`正在读取「${loading.name}」`} />
              <Caption1>
                正在读取「{loading.name}」：{loading.total ? progressText({ step: 'reading', done: loading.done, total: loading.total }) : '正在打开文件…'}
              </Caption1>
            </div>
          )}
        </div>

        {error && (
          <div ref={errorBox} tabIndex={-1} className={s.error} role="alert">
            <MessageBar intent="error" layout="multiline">
              <MessageBarBody>{error}</MessageBarBody>
            </MessageBar>
          </div>
        )}

        {opened && (
          <section aria-labelledby="tz-file-heading" className={s.main}>
            <h2 id="tz-file-heading" ref={heading} tabIndex={-1} className={s.fileHeading}>
              正在检查：{opened.file.name}
            </h2>
            <div className={s.bar}>
              <Button onClick={() => void saveCopy()} disabled={!changed || copying}>
                {copying ? '正在生成副本…' : '保存工作簿副本'}
              </Button>
              {unsaved && <Caption1>有还没有保存的改动</Caption1>}
            </div>
            <Caption1 className={s.muted}>
              {changed ? '已在副本中填写报送月份（或插入台账表、写入汇总表）：点“保存工作簿副本”另存为新文件，原文件不会改动。副本由本页面重新生成，图表等对象可能不会保留。' : '在下方点“填写报送月份”后，可以把填好报送月份的工作簿另存为新文件（原文件不会改动）。'}
            </Caption1>
            {saved && (
              <MessageBar intent={saved.intent} layout="multiline">
                <MessageBarBody>{saved.text}</MessageBarBody>
              </MessageBar>
            )}
            <div className={s.pane}>
              <opened.pane.App key={opened.file.name + opened.file.bytes.length} embedded service={opened.service} loadSubmission={loadSubmission} loadRollup={loadRollup} deliver={deliverDownload} holidays={holidays ?? opened.pane.storedHolidays()} year={new Date().getFullYear()} />
            </div>
          </section>
        )}
      </main>

      <LeaveDialog
        open={!!waiting}
        current={opened?.file.name ?? ''}
        next={waiting?.name ?? ''}
        saving={copying}
        error={waiting && saved?.intent === 'error' ? saved.text : null}
        onStay={() => setWaiting(null)}
        onSave={async () => {
          const next = waiting;
          if (await saveCopy()) {
            setWaiting(null);
            if (next) void read(next);
          }
        }}
        onDiscard={() => {
          const next = waiting;
          setWaiting(null);
          if (next) void read(next);
        }}
      />
    </div>
  );
}
