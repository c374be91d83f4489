/* Task pane entry: waits for Office.js, wires the ledger service and renders the pane. */
import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { deliverFiles } from '../excel/delivery';
import { officeReady } from '../excel/office';
import { createLedgerService } from '../excel/session';
import { holidayDataRange } from '../validation/cell-functions';
import { App } from './App';

/** src/submission (docx, the MIME builder) and the form's zod checks in their own chunk, fetched on the first 生成报送文件. */
const loadSubmission = () => import(/* webpackChunkName: "submission" */ './submit-api');

officeReady().then(({ host }) => {
  const root = document.getElementById('root');
  // taskpane.html already explains that IE/Edge Legacy webviews cannot run the pane.
  if (!root || (window as { tzUnsupportedWebview?: boolean }).tzUnsupportedWebview) return;

  if (host !== 'Excel') {
    root.textContent = '请在 Excel 中打开执法台账助手。';
    return;
  }
  // The one place the pane meets the Excel adapter.
  const service = createLedgerService();

  createRoot(root).render(
    <FluentProvider theme={webLightTheme}>
      <App service={service} loadSubmission={loadSubmission} deliver={deliverFiles} holidayYears={holidayDataRange()} year={new Date().getFullYear()} />
    </FluentProvider>,
  );
});
