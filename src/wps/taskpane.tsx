/*
 * The task pane in WPS 表格: the same React pane as in Excel, over the WPS driver, with files
 * saved through WPS's file API. One session per workbook: when the clerk switches to another
 * workbook, the pane starts over on that one.
 */
import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { App } from '../taskpane/App';
import { holidayStorage } from '../taskpane/holiday-start';
import { applyStoredHolidays } from '../taskpane/holiday-settings';
import { deliverWps } from './delivery';
import { EtApp, etApp } from './et';
import { createWpsService } from './session';
import { sameWorkbook } from './events';

// taskpane.html tells a pane too old to run this bundle (it never gets here) from one still loading.
(window as { tzStarted?: boolean }).tzStarted = true;

const loadSubmission = () => import(/* webpackChunkName: "submission" */ '../taskpane/submit-api');
const loadRollup = () => import(/* webpackChunkName: "rollup" */ '../taskpane/rollup-api');
// Added holiday arrangements (the pane's settings text), before the first check.
const holidays = { storage: holidayStorage(), problems: applyStoredHolidays(holidayStorage()) };

function start(el: HTMLElement, app: EtApp): void {
  const root = createRoot(el);
  let current: { wb: Et.Workbook | null; stop: () => void } | null = null;
  let n = 0;
  const show = () => {
    const wb = app.ActiveWorkbook ?? null;
    // The same open file (identity, else its full path): not its name, which two files may share.
    if (current && (current.wb === wb || sameWorkbook(current.wb, wb))) return;
    current?.stop();
    const service = createWpsService(app);
    const name = `${wb ? String(wb.Name) : ''}#${++n}`;
    current = { wb, stop: () => void service.stopLive().catch(() => undefined) };
    root.render(
      <FluentProvider theme={webLightTheme}>
        <App key={name} service={service} loadSubmission={loadSubmission} loadRollup={loadRollup} deliver={deliverWps} holidays={holidays} year={new Date().getFullYear()} />
      </FluentProvider>,
    );
  };
  show();
  const events = app.ApiEvent as unknown as { AddApiEventListener?(name: string, fn: () => void): void } | undefined;
  try {
    events?.AddApiEventListener?.('WorkbookActivate', () => setTimeout(show, 0));
  } catch {
    // no workbook events: the pane stays on the workbook it started with
  }
}

const el = document.getElementById('root');
const app = etApp();
if (el) {
  if (!app) el.textContent = '请在 WPS 表格中打开执法台账助手（功能区“执法台账助手”→“台账助手”）。';
  else start(el, app);
}
