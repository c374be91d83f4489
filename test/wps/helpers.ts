/* Shared setup for the WPS driver tests: the fake ET application over the fixture, and the session over the WPS driver. */
import type { WorkbookSession } from '../../src/session/session';
import { createWpsService } from '../../src/wps/session';
import type { EtApp } from '../../src/wps/et';
import { FakeWorkbook, WorkbookJson } from '../fake-excel';
import { FakeEtApp, FakeEtOptions } from '../fake-wps';
import { TODAY } from '../excel/helpers';

export interface WpsSetup {
  wb: FakeWorkbook;
  app: FakeEtApp;
  service: WorkbookSession;
  ops: string[];
}

export function wpsSetup(wb: FakeWorkbook, opts: FakeEtOptions = {}, app = new FakeEtApp(wb, opts)): WpsSetup {
  const ops: string[] = [];
  const service = createWpsService(app as unknown as EtApp, { today: () => TODAY, debounceMs: 0, log: (e) => ops.push(e.op) });
  return { wb, app, service, ops };
}

export function fromJson(json: WorkbookJson): FakeWorkbook {
  return FakeWorkbook.fromJson(JSON.parse(JSON.stringify(json)));
}

/** The add-in's marks on a sheet: formula and the ranges they cover. */
export function marksOn(wb: FakeWorkbook, sheet: string): { formula: string; ranges: string[]; fill?: string; font?: string }[] {
  return wb
    .sheet(sheet)
    .cfs.filter((cf) => cf.formula.includes('执法台账助手'))
    .map((cf) => ({ formula: cf.formula, ranges: cf.ranges.map((r) => `${r.top}:${r.left}-${r.bottom}:${r.right}`), fill: cf.fill, font: cf.fontColor }));
}
