// Bundled for the browser by test/input/browser.test.ts: the one reader the offline page and the county roll-up use.
export { readXlsx } from '../../src/input/workbook';
export { LIMITS } from '../../src/input/limits';
