/*
 * Task pane entry: draws the pane at once, while Office.js starts (its first render is not left
 * for after Office.onReady), and lets the ledger service read the workbook only once Office is
 * ready, the host is Excel and the pane is shown.
 */
import { startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { Button, Caption1, FluentProvider, ProgressBar, webLightTheme } from '@fluentui/react-components';
import { deliverFiles } from '../excel/delivery';
import { officeReady } from '../excel/office';
import { createLedgerService } from '../excel/session';
import { onPaneVisibility, whenPaneShown } from '../excel/visibility';
import { onPaneCommand } from '../commands/bridge';
import { App } from './App';
import { yieldToHost } from './pause';
import { HolidayStartup, holidayStorage, startHolidays } from './holiday-start';

// taskpane.html tells a webview too old to run this bundle (it never gets here) from one still loading.
(window as { tzStarted?: boolean }).tzStarted = true;

/** src/submission (docx, the MIME builder) and the form's zod checks in their own chunk, fetched on the first 生成报送文件. */
const loadSubmission = () => import(/* webpackChunkName: "submission" */ './submit-api');
/** The 县局汇总 view's roll-up (src/rollup, exceljs, docx, the mail and archive readers), fetched on the first 汇总. */
const loadRollup = () => import(/* webpackChunkName: "rollup" */ './rollup-api');

// Added holiday arrangements, before anything is checked or any TZ function computed (the functions share this page's table).
const holidays: Promise<HolidayStartup> = startHolidays(holidayStorage(), () => import(/* webpackChunkName: "settings" */ './holiday-settings'));

const el = document.getElementById('root');
// taskpane.html already explains that IE/Edge Legacy webviews cannot run the pane.
if (el && !(window as { tzUnsupportedWebview?: boolean }).tzUnsupportedWebview) {
  const root = createRoot(el);
  // Opens when the add-in may read: Office ready, in Excel, the pane shown.
  let open!: () => void;
  const ready = new Promise<void>((r) => (open = r));
  const service = createLedgerService({ pause: yieldToHost, ready }); // the one place the pane meets the Excel adapter
  const draw = (added: HolidayStartup, startNote: React.ReactNode) =>
    root.render(
      <FluentProvider theme={webLightTheme}>
        <App service={service} loadSubmission={loadSubmission} loadRollup={loadRollup} deliver={deliverFiles} holidays={added} year={new Date().getFullYear()} commands={onPaneCommand} startNote={startNote} />
      </FluentProvider>,
    );
  // A transition: the first render of the whole pane in slices, not one long task.
  const drawn = holidays.then((added) => {
    // With a bar as the check's own progress has (which then mounts without the first use's cost).
    startTransition(() =>
      draw(
        added,
        <div>
          <ProgressBar thickness="medium" aria-label="正在连接 Excel…" />
          <Caption1>正在连接 Excel…</Caption1>
        </div>,
      ),
    );
    return added;
  });

  officeReady().then(async ({ host }) => {
    const added = await drawn; // after the first drawing, which would otherwise draw over what follows
    if (host !== 'Excel') {
      root.render(<p style={{ padding: 16 }}>请在 Excel 中打开执法台账助手。</p>);
      return;
    }
    let started = false;
    // Started hidden (TZ.* formulas recalculating): nothing is read or written until the pane is shown.
    const start = whenPaneShown(() => {
      started = true;
      // Closed, the pane's runtime keeps running: live checking pauses, and a fresh check follows when it is shown again.
      onPaneVisibility((visible) => void service.setPaneVisible(visible));
      open();
    });
    // Not known to be shown yet: a button (the clerk's click also counts as shown).
    if (!started) {
      draw(
        added,
        <div>
          <p style={{ margin: '8px 0' }}>执法台账助手已就绪。</p>
          <Button appearance="primary" onClick={() => start()}>
            检查本工作簿
          </Button>
        </div>,
      );
    }
  }).catch(async (e: unknown) => {
    await drawn;
    // Office.js did not start: said, instead of 正在连接 Excel… for ever.
    root.render(<p style={{ padding: 16 }}>执法台账助手没能启动（{e instanceof Error ? e.message : String(e)}）。请关闭任务窗格后重新打开。</p>);
  });
}
