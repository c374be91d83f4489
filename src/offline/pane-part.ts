/*
 * What the offline page needs only once a file is read: the pane (src/taskpane/App), the file
 * driver and session (the check), the package's planning and the form's checks, the added
 * holiday arrangements. Imported on the first file (`import()` in the same inline script: no
 * request, no chunk), so the page's start runs none of these modules.
 */
import type { SubmissionApi } from '../taskpane/SubmissionPanel';
import { planSteps } from '../submission/plan';
import { runInSlices } from '../taskpane/pause';
import { validateForm } from '../taskpane/validate';
import { type HolidayStartup, holidayStorage } from '../taskpane/holiday-start';
import { applyStoredHolidays } from '../taskpane/holiday-settings';
import type { OfflineFiles } from './types';

export { App } from '../taskpane/App';
export { FileDriver, FileSession, browserStore } from './file-driver';

let holidays: HolidayStartup | null = null;

/** Added holiday arrangements (the page's settings text), read once, before the first file is checked. */
export function storedHolidays(): HolidayStartup {
  return (holidays ??= { storage: holidayStorage(), problems: applyStoredHolidays(holidayStorage()) });
}

/** Deciding the package here in slices; building the Word file and the e-mail in the worker. */
export function offlineSubmission(files: Pick<OfflineFiles, 'buildPackage'>): SubmissionApi {
  return {
    planSubmission: (check, options) => runInSlices(planSteps(check, options)),
    buildPackage: (plan) => files.buildPackage(plan),
    validateForm,
  };
}
