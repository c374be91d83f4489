/* Entry of the offline page (dist/offline/执法台账助手.html): everything inline, no network. */
import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { SubmissionApi } from '../taskpane/SubmissionPanel';
import { planSteps } from '../submission/plan';
import { runInSlices } from '../taskpane/pause';
import { validateForm } from '../taskpane/validate';
import { OfflinePage } from './OfflinePage';
import { workerFiles } from './worker-client';
import { holidayStorage } from '../taskpane/holiday-start';
import { applyStoredHolidays } from '../taskpane/holiday-settings';

(window as { tzStarted?: boolean }).tzStarted = true;

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // file:// pages may have none
  }
}

const files = workerFiles();
// Added holiday arrangements (the page's settings text), before the first file is checked.
const holidays = { storage: holidayStorage(), problems: applyStoredHolidays(holidayStorage()) };
// Deciding the package here in slices; building the Word file and the e-mail in the worker.
const submission: SubmissionApi = {
  planSubmission: (check, options) => runInSlices(planSteps(check, options)),
  buildPackage: (plan) => files.buildPackage(plan),
  validateForm,
};

const el = document.getElementById('root');
if (el) {
  createRoot(el).render(
    <FluentProvider theme={webLightTheme}>
      <OfflinePage loadSubmission={() => Promise.resolve(submission)} files={files} storage={storage()} holidays={holidays} />
    </FluentProvider>,
  );
}
