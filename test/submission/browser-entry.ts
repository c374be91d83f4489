// Bundled for the browser by test/submission/browser.test.ts: the task pane's path from grids to the package.
export { prepareSubmission } from '../../src/submission';
export { checkWorkbook } from '../../src/validation/workbook';
export { periodSchema } from '../../src/ledger/options';
