/*
 * Shared setup for the adapter tests: the fake Office.js under a host profile (TZ_HOST_PROFILE,
 * default Excel 2021; `npm run test:hosts` runs the suites under each), the fixture, ledger
 * sheets as JSON.
 */
import * as path from 'path';
import { CellValue, SheetGrid } from '../../src/ledger/cell';
import { checkWorkbook } from '../../src/validation/workbook';
import { CheckJson, toCheckJson } from '../../src/validation/report';
import { Kind, officialColumns } from '../../src/ledger/columns';
import { templateSheet } from '../../src/ledger/template';
import { benchRow } from '../../bench/core.bench';
import { ExcelLedgerService, LedgerServiceOptions, OpLog, createLedgerService } from '../../src/excel/session';
import { CellJson, FakeOfficeOptions, FakeWorkbook, InstalledOffice, SheetJson, WorkbookJson, installFakeOffice, rectA1 } from '../fake-excel';
import { modelFromXlsx } from '../fake-excel/from-xlsx';
import { DECLARED_MIN, profile } from '../fake-excel/profiles';

export const FIXTURE = path.resolve(__dirname, '..', '..', '..', 'shared', 'fixtures', 'sample-2023-10.xlsx');
export const TODAY = '2023-11-05';

let installed: InstalledOffice | null = null;

export interface Setup {
  wb: FakeWorkbook;
  office: InstalledOffice;
  service: ExcelLedgerService;
  logs: OpLog[];
  /** Syncs made since the last call. */
  syncsSince(): number;
}

/** The host options of the profile the suite runs under, with `opts` on top. */
export function hostOptions(opts: FakeOfficeOptions = {}): FakeOfficeOptions {
  const p = profile().options;
  return { ...p, declaredMin: DECLARED_MIN, ...opts, sets: { ...p.sets, ...opts.sets } };
}

export function setup(wb: FakeWorkbook, opts: FakeOfficeOptions = {}, svc: LedgerServiceOptions = {}): Setup {
  installed?.uninstall();
  const office = installFakeOffice(globalThis as unknown as Record<string, unknown>, wb, hostOptions(opts));
  installed = office;
  const logs: OpLog[] = [];
  const service = createLedgerService({ today: () => TODAY, debounceMs: 0, log: (e) => logs.push(e), ...svc });
  let mark = 0;
  return {
    wb,
    office,
    service,
    logs,
    syncsSince() {
      const n = office.host.syncCount - mark;
      mark = office.host.syncCount;
      return n;
    },
  };
}

/** Uninstalls the fake; fails the test when the code used a member above the manifest's requirement without asking isSetSupported first. */
export function teardown(): void {
  const host = installed?.host;
  installed?.uninstall();
  installed = null;
  if (host && host.unguarded.length) throw new Error(`members above the manifest's ExcelApi ${DECLARED_MIN} used without isSetSupported: ${host.unguarded.join(', ')}`);
}

let fixtureModel: WorkbookJson | null = null;
export async function fixtureWorkbook(): Promise<FakeWorkbook> {
  if (!fixtureModel) fixtureModel = await modelFromXlsx(FIXTURE);
  return FakeWorkbook.fromJson(JSON.parse(JSON.stringify(fixtureModel)));
}

export type Row = Record<string, CellValue | CellJson>;

/** A ledger sheet in the official layout with the given rows (values by field key), like the template. */
export function ledgerSheet(kind: Kind, rows: Row[], name?: string, opts: { footnote?: boolean; team?: string } = {}): SheetJson {
  const t = templateSheet(kind, opts.team ?? '天宁镇综合行政执法队');
  const cols = officialColumns(kind);
  const out: CellJson[][] = [[t.title], ...t.headerRows.map((r) => r.map((x) => x || null))];
  for (const r of rows) out.push(cols.map((c) => (c.key in r ? (r[c.key] as CellJson) : null)));
  const merges = t.merges.filter((m) => m.top < t.firstDataRow).map(rectA1);
  if (opts.footnote) {
    const fr = out.length + 1;
    out.push([t.footnote]);
    merges.push(rectA1({ top: fr, left: 1, bottom: fr, right: cols.length }));
  }
  return { name: name ?? t.name, rows: out.map((r) => r.map(toJson)), merges };
}

/** A cell as Office.js reports it: dates as serial numbers. */
export function toJson(c: CellValue | CellJson): CellJson {
  if (c instanceof Date) return Math.round((c.getTime() - Date.UTC(1899, 11, 30)) / 86400000);
  if (c === undefined) return null;
  return c as CellJson;
}

/** A ledger of `n` realistic rows (every 20th with a typical mistake), as in the core bench. */
export function bigLedgerSheet(kind: Kind, n: number, name?: string): SheetJson {
  return ledgerSheet(kind, Array.from({ length: n }, (_, i) => benchRow(kind, i)), name);
}

/** A clean penalty row numbered `n` (序号 and 文号), with `over` changed. */
export function penaltyRow(n: number, over: Row = {}): Row {
  return {
    seq: n,
    decisionNo: `天综执罚决〔2023〕${n}号`,
    cause: '占道经营案',
    party: `某公司${n}`,
    facts: '占道经营',
    closedOn: serial('2023-10-12'),
    outcome: '警告',
    basis: '《城市市容和环境卫生管理条例》第三十六条',
    officers: '王明、李强',
    ...over,
  };
}

export function serial(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000);
}


/** The cells the fake holds, as the core would read them (to compare with checkWorkbook). */
export function gridOf(wb: FakeWorkbook, name: string): SheetGrid {
  const s = wb.sheet(name);
  const hidden = s.visibility === 'Hidden' || s.visibility === 'VeryHidden' ? { hidden: true } : {};
  const used = wb.usedRect(s, true);
  if (!used) return { name, top: 1, left: 1, rows: [], merges: [], ...hidden };
  const rows: CellValue[][] = [];
  for (let r = used.top; r <= used.bottom; r++) {
    const row: CellValue[] = [];
    for (let c = used.left; c <= used.right; c++) {
      const t = wb.typeAt(s, r, c);
      const v = wb.valueAt(s, r, c);
      row.push(t === 'Empty' ? null : t === 'Error' ? { error: String(v) } : v);
    }
    rows.push(row);
  }
  return { name, top: used.top, left: used.left, rows, merges: s.merges.map((m) => ({ ...m })), ...hidden };
}

/**
 * What a fresh check of the whole fake workbook reports, with the cells as the host can read
 * them (no merged areas before ExcelApi 1.13): the live state must always equal it.
 */
export function freshCheck(wb: FakeWorkbook): CheckJson {
  const merges = !installed || installed.host.supports('1.13');
  const grids = wb.sheets.map((s) => gridOf(wb, s.name)).map((g) => (merges ? g : { ...g, merges: [] }));
  return toCheckJson(checkWorkbook(grids, { today: TODAY, date1904: wb.date1904 }), 'x');
}

export function stateJson(service: ExcelLedgerService): CheckJson {
  return toCheckJson(service.current().check!, 'x');
}
