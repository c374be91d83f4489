/* Task pane entry: waits for Office.js and for the pane to be shown, then wires the ledger service and renders the pane. */
import { startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { Button, FluentProvider, webLightTheme } from '@fluentui/react-components';
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

officeReady().then(({ host }) => {
  const el = document.getElementById('root');
  // taskpane.html already explains that IE/Edge Legacy webviews cannot run the pane.
  if (!el || (window as { tzUnsupportedWebview?: boolean }).tzUnsupportedWebview) return;

  if (host !== 'Excel') {
    el.textContent = '请在 Excel 中打开执法台账助手。';
    return;
  }
  const root = createRoot(el);
  let started = false;
  // Started hidden (TZ.* formulas recalculating): nothing is read or written until the pane is shown.
  const start = whenPaneShown(async () => {
    started = true;
    const added = await holidays;
    const service = createLedgerService({ pause: yieldToHost }); // the one place the pane meets the Excel adapter
    // Closed, the pane's runtime keeps running: live checking pauses, and a fresh check follows when it is shown again.
    onPaneVisibility((visible) => void service.setPaneVisible(visible));
    // A transition: the first render of the whole pane in slices, not one long task.
    startTransition(() =>
      root.render(
        <FluentProvider theme={webLightTheme}>
          <App service={service} loadSubmission={loadSubmission} loadRollup={loadRollup} deliver={deliverFiles} holidays={added} year={new Date().getFullYear()} commands={onPaneCommand} />
        </FluentProvider>,
      ),
    );
  });
  // Until the pane is known to be shown: a button (the clerk's click also counts as shown). Shown already, the pane itself comes at once.
  if (!started) {
    root.render(
      <FluentProvider theme={webLightTheme}>
        <p style={{ padding: 16 }}>执法台账助手已就绪。</p>
        <Button appearance="primary" style={{ marginLeft: 16 }} onClick={() => start()}>
          检查本工作簿
        </Button>
      </FluentProvider>,
    );
  }
});
