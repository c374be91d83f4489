/* The fake Office.js for adapter tests and the browser end-to-end test (no Node APIs here). */
export * from './a1';
export * from './model';
export { FakeContext, FakeHost, FakeOfficeError, installFakeOffice } from './office';
export type { FakeOfficeOptions, InstalledOffice, SyncRecord } from './office';
