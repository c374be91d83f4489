/*
 * The offline page (执法台账助手.html): choose or drop an .xlsx, then the same pane as in Excel
 * over the in-browser file driver; the workbook with its 报送月份 column filled is saved as a
 * new file on request. Nothing leaves the browser.
 */
import * as React from 'react';
import { Body1, Button, Caption1, MessageBar, MessageBarBody, Spinner, Subtitle1, makeStyles, tokens } from '@fluentui/react-components';
import type { SubmissionApi } from '../taskpane/SubmissionPanel';
import { App } from '../taskpane/App';
import { saveFile } from '../download/save';
import { holidayDataRange } from '../validation/cell-functions';
import { workbookCopy } from './copy';
import { deliverDownload } from './delivery';
import { FileDriver, FileSession, browserStore } from './file-driver';
import { WorkbookFile, openWorkbookFile } from './workbook-file';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const useStyles = makeStyles({
  page: { maxWidth: '760px', margin: '0 auto', padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, fontFamily: tokens.fontFamilyBase },
  head: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
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
  bar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  file: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  pane: { border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusLarge, overflow: 'hidden' },
  hidden: { display: 'none' },
});

interface Opened {
  file: WorkbookFile;
  service: FileSession;
}

export interface OfflinePageProps {
  loadSubmission: () => Promise<SubmissionApi>;
  /** Settings storage (the browser's localStorage). */
  storage: Pick<Storage, 'getItem' | 'setItem'> | null;
}

export function OfflinePage({ loadSubmission, storage }: OfflinePageProps): React.ReactElement {
  const s = useStyles();
  const [opened, setOpened] = React.useState<Opened | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [loading, setLoading] = React.useState(false);
  const [changed, setChanged] = React.useState(0);
  const [saved, setSaved] = React.useState<{ intent: 'success' | 'error'; text: string } | null>(null);
  const [dragging, setDragging] = React.useState(false);
  const input = React.useRef<HTMLInputElement>(null);

  const open = async (f: File | undefined) => {
    if (!f) return;
    setLoading(true);
    setError(null);
    setSaved(null);
    try {
      const file = await openWorkbookFile(f.name, new Uint8Array(await f.arrayBuffer()));
      const driver = new FileDriver(file, browserStore(storage), () => setChanged((n) => n + 1));
      const service = new FileSession(driver, {
        setTimer: (fn, ms) => setTimeout(fn, ms),
        clearTimer: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
        now: () => performance.now(),
        tick: () => new Promise<void>((r) => setTimeout(r, 0)),
      });
      setChanged(0);
      setOpened({ file, service });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setLoading(false);
      if (input.current) input.current.value = '';
    }
  };

  const saveCopy = async () => {
    if (!opened) return;
    try {
      const copy = await workbookCopy(opened.file);
      saveFile(copy.name, XLSX_TYPE, copy.bytes);
      setSaved({ intent: 'success', text: `已开始下载“${copy.name}”（原文件没有改动）。请检查副本后再用它替换原台账。` });
    } catch (e) {
      setSaved({ intent: 'error', text: `没能生成副本：${e instanceof Error ? e.message : String(e)}` });
    }
  };

  const onDrop = (e: React.DragEvent) => {
    e.preventDefault();
    setDragging(false);
    void open(e.dataTransfer.files[0]);
  };

  return (
    <div className={s.page}>
      <header className={s.head}>
        <Subtitle1 as="h1" style={{ margin: 0 }}>
          执法台账助手（离线版）
        </Subtitle1>
        <Caption1 className={s.muted}>检查台账、填写报送月份、生成月度报送的 Word 文件和邮件草稿。文件只在这台电脑的浏览器里读取，不会上传；本页面不联网。</Caption1>
      </header>

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
        <Button appearance="primary" onClick={() => input.current?.click()} disabled={loading}>
          选择台账文件
        </Button>
        <input ref={input} className={s.hidden} type="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" aria-label="选择台账文件" onChange={(e) => void open(e.target.files?.[0])} />
        {loading && <Spinner size="tiny" label="正在读取…" />}
      </div>

      {error && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}

      {opened && (
        <>
          <div className={s.bar}>
            <Body1>
              正在检查：<span className={s.file}>{opened.file.name}</span>
            </Body1>
            <Button onClick={() => void saveCopy()} disabled={!changed}>
              保存工作簿副本
            </Button>
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
            <App key={opened.file.name + opened.file.bytes.length} service={opened.service} loadSubmission={loadSubmission} deliver={deliverDownload} holidayYears={holidayDataRange()} year={new Date().getFullYear()} />
          </div>
        </>
      )}
    </div>
  );
}
