/* The lazily loaded part of the pane: deciding the package (in slices), building it (in a Web Worker where one starts), the form's zod validation. */
import type { WorkbookCheck } from '../validation/check';
import { PlanResult, SubmissionOptions, planSteps } from '../submission/plan';
import { runInSlices } from './pause';

export { buildPackage } from './package-client';
export { parsePeriod, validateForm } from './validate';

/** planSubmission without blocking the pane: a few milliseconds at a time. */
export function planSubmission(check: WorkbookCheck, options: SubmissionOptions): Promise<PlanResult> {
  return runInSlices(planSteps(check, options));
}
