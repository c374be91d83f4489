// Bundled for the browser by test/input-browser.test.ts: the archive inspection the add-in's file paths and the county roll-up will use.
export { inspectXlsx } from '../src/input/inspect';
export { LIMITS } from '../src/input/limits';
