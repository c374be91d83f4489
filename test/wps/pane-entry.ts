// Bundled for the browser by test/wps/offline-build.test.ts: the fake WPS Application over a workbook model given as JSON.
import { FakeWorkbook, WorkbookJson } from '../fake-excel/model';
import { FakeEtApp } from '../fake-wps/app';

const w = window as unknown as { __wpsModel: WorkbookJson; Application: unknown; __wps: FakeEtApp };
const wb = FakeWorkbook.fromJson(w.__wpsModel);
w.__wps = new FakeEtApp(wb, { name: 'sample-2023-10.xlsx' });
w.Application = w.__wps;
