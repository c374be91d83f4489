/* Task pane entry: waits for Office.js, then renders the placeholder pane. */
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { officeReady } from '../excel/office';
import { readWorkbook } from '../excel/workbook';
import { holidayDataRange } from '../validation/cell-functions';
import { App, PaneData } from './App';
import { summarizeLedgers } from './summary';

async function load(): Promise<PaneData> {
  const { grids, date1904 } = await readWorkbook();
  return { ledgers: summarizeLedgers(grids), date1904 };
}

officeReady().then(({ host }) => {
  const root = document.getElementById('root');
  // taskpane.html already explains that IE/Edge Legacy webviews cannot run the pane.
  if (!root || (window as { tzUnsupportedWebview?: boolean }).tzUnsupportedWebview) return;
  const loader = host === 'Excel' ? load : () => Promise.reject(new Error('请在 Excel 中打开本加载项。'));
  createRoot(root).render(
    <FluentProvider theme={webLightTheme}>
      <App load={loader} holidayYears={holidayDataRange()} year={new Date().getFullYear()} />
    </FluentProvider>,
  );
});
