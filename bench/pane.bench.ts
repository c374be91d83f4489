/*
 * The task pane on two books, in headless Chromium over the fake Excel, from the production
 * build, one line each:
 *   pane <book>: first result <ms> ms, core alone <ms> ms, ratio <x>, longest task <ms> ms, marks <ms> ms, heap after GC <MB> MB
 * Books: 20,000 + 20,000 rows (penalty + inspection, 5 % of rows with a typical mistake), and one
 * 40,000-row penalty ledger with a mistake on every row (the marks' worst case: about 150
 * conditional formats over 30,000 areas).
 * - first result: from Office.onReady (held back until the page has loaded) to the ledgers'
 *   cards with their counts on screen, without the page's tasks that ran the fake's commands
 *   (found in a trace: the same tasks the CPU figure leaves out);
 * - marks: from Office.onReady to the fake host's answer to the first check's last sync (its last mark written);
 * - core alone: checkWorkbook on the same cells (as JSON-fresh grids) in a page of its own, first run;
 * - longest task: the Long Tasks API over the whole session (first check, then 生成报送文件 with
 *   the errors allowed), pane and fake alike; the fake's own work between the commands of a sync
 *   runs as separate tasks (`yieldBetweenOps`), as Excel does it in its own process;
 * - heap after GC: what the pane holds at the end (package built), minus the page with the fake
 *   workbook before the pane started; next to the grids' own size (the same cells parsed from JSON).
 * Medians of RUNS pages; also the median of each pane run's ratio to the core run just before it
 * (the two share the machine's load of that moment, which the medians of each side do not).
 * TZ_PANE_DIST=<dist> uses an existing production build; TZ_PANE_RUNS=<n>
 * another number of pages; TZ_PANE_BOOK=<text> only the books whose name holds it (`40,000`).
 */
import type { Browser, CDPSession, Page } from 'playwright-core';
import { FakeWorkbook } from '../test/fake-excel';
import { benchRow } from './core.bench';
import { bigLedgerSheet, gridOf, ledgerSheet } from '../test/excel/helpers';
import { browserBundle } from '../test/helpers/office-fake';
import { CHROMIUM, CHROMIUM_ARGS, HAS_CHROMIUM, HOLD_ON_READY, builtPane, paneScript, routePane, serve } from '../test/helpers/pane-browser';
import * as os from 'os';
import * as path from 'path';

const RUNS = Number(process.env.TZ_PANE_RUNS) || 3;

/** The books: the bench's (20,000 + 20,000 rows) and a 40,000-row ledger with a mistake on every row. */
const BOOKS = [
  { name: '20,000 + 20,000 rows', sheets: () => [bigLedgerSheet('penalty', 20_000), bigLedgerSheet('inspection', 20_000)], package: true },
  { name: '40,000 rows', sheets: () => [ledgerSheet('penalty', Array.from({ length: 40_000 }, (_, i) => benchRow('penalty', i, 1)))], package: false },
];
const TODAY = '2023-11-05T10:00:00';

/**
 * Today is 2023-11-05 for the pane (Date only: Playwright's clock would also replace
 * performance.now, whose timeline the Long Tasks and User Timing entries share). Holds
 * Office.onReady back until the bench releases it; records long tasks, the fake host's work and
 * the first result.
 */
const PROBE = `
  var RealDate = Date;
  var offset = new RealDate('${TODAY}').getTime() - RealDate.now();
  window.Date = class extends RealDate {
    constructor() { if (arguments.length) super(...arguments); else super(RealDate.now() + offset); }
    static now() { return RealDate.now() + offset; }
  };
  var shown;
  var bench = (window.__bench = { longtasks: [], fake: [], first: null, hostReady: null, lastSync: 0, shown: new Promise(function (r) { shown = r; }) });
  // When the fake host last answered a sync (the last mark written, once the pane is quiet).
  var hostSync = installed.host.sync.bind(installed.host);
  installed.host.sync = function (ctx) { return hostSync(ctx).finally(function () { bench.lastSync = performance.now(); }); };
  ${HOLD_ON_READY}
  bench.release = function () { performance.mark('tz-release'); bench.hostReady = performance.now(); window.__release(); };
  new PerformanceObserver(function (list) {
    list.getEntries().forEach(function (e) { bench.longtasks.push([e.startTime, e.duration]); });
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver(function (list) {
    list.getEntries().forEach(function (e) { if (e.name === 'fake-excel') bench.fake.push([e.startTime, e.duration]); });
  }).observe({ type: 'measure', buffered: true });
  new MutationObserver(function () {
    if (bench.first === null && document.querySelector('[aria-label="本工作簿中的台账"] li')) { performance.mark('tz-first'); bench.first = performance.now(); shown(); }
  }).observe(document, { childList: true, subtree: true });
`;

type Span = [start: number, duration: number];
type Bench = { longtasks: Span[]; fake: Span[]; first: number | null; hostReady: number | null; lastSync: number; shown: Promise<void>; release(): void };

/** Time of `spans` inside [from, to]. */
function within(spans: Span[], from: number, to: number): number {
  return spans.reduce((n, [s, d]) => n + Math.max(0, Math.min(to, s + d) - Math.max(from, s)), 0);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mb = (n: number) => n / 1024 / 1024;

async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  return ((await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize;
}

async function newPage(browser: Browser): Promise<{ page: Page; cdp: CDPSession }> {
  const context = await browser.newContext({ viewport: { width: 400, height: 900 } });
  const page = await context.newPage();
  return { page, cdp: await context.newCDPSession(page) };
}

interface PaneRun {
  /** Host ready → first result, all of it, and the fake host's own work in it. */
  first: number;
  fakeInFirst: number;
  /** The wall time of the tasks that ran the fake's commands (spans included; from the trace). */
  fakeTasks: number;
  /** Longest task of the pane (the fake host's work in it taken out), and of all. */
  longest: number;
  longestAll: number;
  /** Host ready → every mark written. */
  marks: number;
  /** CPU time of the pane's thread (trace thread time) to the first result, the fake host's tasks taken out; and its longest own task's. */
  cpuFirst: number;
  cpuLongest: number;
  /** Held after the first check, and at the end (package built). */
  heapChecked: number;
  heap: number;
  build: number;
}

type TraceEvent = { name: string; cat: string; ph: string; pid: number; tid: number; ts: number; dur?: number; tts?: number; tdur?: number };

/**
 * CPU time, from a trace of the page (thread time: what the pane's thread really ran, however
 * busy the machine; the wall-clock figures above also hold the time other processes took): from
 * the `tz-release` mark to `tz-first`, without the tasks that ran the fake host's commands; and
 * the longest task of the pane's own, by its thread time.
 */
function cpuFromTrace(events: TraceEvent[], b: Bench): { cpuFirst: number; cpuLongest: number; fakeTasks: number } {
  const mark = (name: string) => events.find((e) => e.cat === 'blink.user_timing' && e.name === name)!;
  const release = mark('tz-release');
  const first = mark('tz-first');
  const offset = release.ts - b.hostReady! * 1000; // trace µs − page µs
  const tasks = events.filter((e) => e.name === 'ThreadControllerImpl::RunTask' && e.ph === 'X' && e.pid === release.pid && e.tid === release.tid).sort((x, y) => x.ts - y.ts);
  const fakeMid = b.fake.map(([st, d]) => (st + d / 2) * 1000 + offset).sort((x, y) => x - y);
  let j = 0;
  const isFake = (t: TraceEvent) => {
    while (j < fakeMid.length && fakeMid[j] < t.ts) j++;
    return j < fakeMid.length && fakeMid[j] <= t.ts + (t.dur ?? 0);
  };
  const fake = new Set(tasks.filter(isFake));
  const fakeInFirst = tasks.filter((t) => fake.has(t) && t.ts >= release.ts && t.ts <= first.ts);
  const fakeCpu = fakeInFirst.reduce((n, t) => n + (t.tdur ?? 0), 0);
  const cpuFirst = (first.tts! - release.tts! - fakeCpu) / 1000;
  // Wall time of those tasks: a command's span plus what the fake does around it on the pane's thread (its turn of the event loop, its bookkeeping, a collection its garbage starts).
  const fakeTasks = fakeInFirst.reduce((n, t) => n + (t.dur ?? 0), 0) / 1000;
  // The page's long tasks (Long Tasks API) that ran no fake command, by thread time (not the DevTools' forced collections between the steps).
  const reported = b.longtasks.map(([st]) => st * 1000 + offset);
  const long = tasks.filter((t) => !fake.has(t) && t.ts >= release.ts && reported.some((r) => Math.abs(r - t.ts) < 1000));
  return { cpuFirst, cpuLongest: Math.max(0, ...long.map((t) => (t.tdur ?? 0) / 1000)), fakeTasks };
}

/** The check and its marks are done: no progress line, and no sync for 500 ms. */
async function quiet(page: Page): Promise<void> {
  for (;;) {
    await page.getByRole('progressbar').waitFor({ state: 'detached', timeout: 120_000 });
    const last = await page.evaluate(() => (window as unknown as { __bench: Bench }).__bench.lastSync);
    await page.waitForTimeout(500);
    const now = await page.evaluate(() => (window as unknown as { __bench: Bench }).__bench.lastSync);
    if (now === last && (await page.getByRole('progressbar').count()) === 0) return;
  }
}

async function paneRun(browser: Browser, origin: string, script: string, withPackage: boolean): Promise<PaneRun> {
  const { page, cdp } = await newPage(browser);
  let tracing = false;
  try {
    await routePane(page, origin);
    await page.addInitScript({ content: script });
    await page.goto(`${origin}/taskpane.html`, { waitUntil: 'load' });
    const before = await heapAfterGc(cdp);
    await browser.startTracing(page, { categories: ['toplevel', 'blink.user_timing'] });
    tracing = true;
    const cpu = async (b: Bench) => {
      tracing = false;
      const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
      return cpuFromTrace(trace.traceEvents, b);
    };
    // Playwright's own script goes into the page before the clock starts, and nothing of it polls the page until the first result.
    await page.getByRole('list', { name: '本工作簿中的台账' }).count();
    await page.evaluate(() => (window as unknown as { __bench: Bench }).__bench.release());
    await page.evaluate(() => (window as unknown as { __bench: Bench }).__bench.shown);
    await page.getByRole('list', { name: '本工作簿中的台账' }).waitFor({ timeout: 120_000 });
    await page.getByRole('tab', { name: '月度报送' }).waitFor();
    await quiet(page);
    const heapChecked = (await heapAfterGc(cdp)) - before;
    const marked = await page.evaluate(() => (window as unknown as { __bench: Bench }).__bench.lastSync);
    if (!withPackage) {
      const b = await page.evaluate(() => (window as unknown as { __bench: Bench }).__bench);
      const tasks = b.longtasks.filter(([start]) => start >= b.hostReady!);
      return {
        ...(await cpu(b)),
        first: b.first! - b.hostReady!,
        fakeInFirst: within(b.fake, b.hostReady!, b.first!),
        longest: Math.max(0, ...tasks.map(([start, d]) => d - within(b.fake, start, start + d))),
        longestAll: Math.max(0, ...tasks.map(([, d]) => d)),
        marks: b.lastSync - b.hostReady!,
        heapChecked,
        heap: heapChecked,
        build: NaN,
      };
    }
    // The package: refused for the errors, then built with them (the heaviest thing the pane does).
    await page.getByRole('tab', { name: '月度报送' }).click();
    await page.getByRole('textbox', { name: /姓名/ }).fill('张三');
    await page.getByRole('textbox', { name: /职务/ }).fill('综合执法队队员');
    await page.getByRole('textbox', { name: /电话/ }).fill('13812345678');
    await page.getByRole('button', { name: '生成报送文件' }).click();
    await page.getByRole('button', { name: '仍然生成（含错误）' }).click({ timeout: 120_000 });
    const t0 = await page.evaluate(() => performance.now());
    await page.getByRole('dialog').getByRole('button', { name: '仍然生成' }).click();
    await page.getByRole('button', { name: '保存 Word 台账' }).waitFor({ timeout: 120_000 });
    const build = (await page.evaluate(() => performance.now())) - t0;
    const b = await page.evaluate(() => (window as unknown as { __bench: Bench }).__bench);
    const cpuFigures = await cpu(b);
    const heap = (await heapAfterGc(cdp)) - before;
    const tasks = b.longtasks.filter(([start]) => start >= b.hostReady!);
    const longestAll = Math.max(0, ...tasks.map(([, d]) => d));
    const longest = Math.max(0, ...tasks.map(([start, d]) => d - within(b.fake, start, start + d)));
    return { ...cpuFigures, first: b.first! - b.hostReady!, fakeInFirst: within(b.fake, b.hostReady!, b.first!), longest, longestAll, marks: marked - b.hostReady!, heapChecked, heap, build };
  } finally {
    if (tracing) await browser.stopTracing().catch(() => undefined);
    await page.context().close();
  }
}

/** The core alone on the same cells, first run in a fresh page; and the grids' own heap. */
async function coreRun(browser: Browser, core: string, grids: string): Promise<{ ms: number; cpu: number; grid: number }> {
  const { page, cdp } = await newPage(browser);
  try {
    await page.goto('about:blank');
    await page.addScriptTag({ content: core });
    await page.evaluate((g) => void ((window as unknown as { __grids: string }).__grids = g), grids);
    const before = await heapAfterGc(cdp);
    await page.evaluate(() => {
      const w = window as unknown as { __grids: string; __parsed: unknown };
      w.__parsed = JSON.parse(w.__grids);
    });
    const grid = (await heapAfterGc(cdp)) - before;
    // The page does nothing else: the thread time around the call is the check's CPU time.
    const threadTime = async () => ((await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] }).metrics.find((m) => m.name === 'ThreadTime')!.value * 1000;
    await cdp.send('Performance.enable');
    const t0 = await threadTime();
    const ms = await page.evaluate(() => {
      const w = window as unknown as { __parsed: unknown; TZCore: { checkWorkbook(g: unknown, o: unknown): unknown } };
      const t = performance.now();
      w.TZCore.checkWorkbook(w.__parsed, { today: '2023-11-05' });
      return performance.now() - t;
    });
    return { ms, cpu: (await threadTime()) - t0, grid };
  } finally {
    await page.context().close();
  }
}

export async function run(): Promise<void> {
  if (!HAS_CHROMIUM) {
    console.log(`pane: skipped (no Chromium at ${CHROMIUM})`);
    return;
  }
  const dist = await builtPane();
  const site = await serve(dist);
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { chromium } = require('playwright-core') as typeof import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const core = await browserBundle(path.join(__dirname, 'pane-page.ts'), 'TZCore');
    for (const book of BOOKS.filter((b) => b.name.includes(process.env.TZ_PANE_BOOK ?? ''))) {
      const model = { sheets: book.sheets() };
      const wb = FakeWorkbook.fromJson(model);
      const grids = JSON.stringify(wb.sheets.map((s) => gridOf(wb, s.name)));
      const script = await paneScript(JSON.stringify(model), { host: { platform: 'PC' }, before: PROBE });
      const panes: PaneRun[] = [];
      const cores: { ms: number; cpu: number; grid: number }[] = [];
      for (let i = 0; i < RUNS; i++) {
        cores.push(await coreRun(browser, core, grids));
        panes.push(await paneRun(browser, site.origin, script, book.package));
      }
      const m = (f: (p: PaneRun) => number) => median(panes.map(f));
      // The fake's tasks, not only its commands' spans: what it does around a command on the pane's thread is Excel's in reality too (the CPU figure takes out the same tasks).
      const ownOf = (p: PaneRun) => p.first - Math.max(p.fakeInFirst, p.fakeTasks);
      const own = m(ownOf);
      const spansOnly = m((p) => p.first - p.fakeInFirst);
      const alone = median(cores.map((c) => c.ms));
      const grid = median(cores.map((c) => c.grid));
      const heap = m((p) => p.heap);
      const longest = m((p) => p.longest);
      const cpuOwn = m((p) => p.cpuFirst);
      const cpuAlone = median(cores.map((c) => c.cpu));
      // Each page's core run and pane run are next to each other in time: their ratio shares the machine's load of that moment.
      const paired = median(panes.map((p, i) => ownOf(p) / cores[i].ms));
      const pairedCpu = median(panes.map((p, i) => p.cpuFirst / cores[i].cpu));
      console.log(
        `pane ${book.name}: first result ${own.toFixed(0)} ms, core alone ${alone.toFixed(0)} ms, ratio ${(own / alone).toFixed(2)}, longest task ${longest >= 1 ? `${longest.toFixed(0)} ms` : 'none over 50 ms'}, marks ${m((p) => p.marks).toFixed(0)} ms, heap after GC ${mb(heap).toFixed(0)} MB; CPU: first result ${cpuOwn.toFixed(0)} ms, core alone ${cpuAlone.toFixed(0)} ms, ratio ${(cpuOwn / cpuAlone).toFixed(2)}, longest task ${m((p) => p.cpuLongest).toFixed(0)} ms; ratio of each pane to the core run just before it: ${paired.toFixed(2)} (CPU ${pairedCpu.toFixed(2)})`,
      );
      console.log(
        `  (medians of ${RUNS}; load average ${os.loadavg()[0].toFixed(1)}. CPU: the thread time of the pane's thread (a trace), which other processes on the machine do not inflate; the other figures are wall-clock. First result and longest task are the pane's own: the fake Excel's work on its side of each sync (Excel's process in reality) is taken out: the tasks that ran its commands (taking out only the commands' own spans, as this bench did before 8 Dec: ${spansOnly.toFixed(0)} ms, ratio ${(spansOnly / alone).toFixed(2)}) — with it, first result ${m((p) => p.first).toFixed(0)} ms and longest task ${m((p) => p.longestAll).toFixed(0)} ms; marks: until the last mark is written, the fake's work included. The grids alone ${mb(grid).toFixed(0)} MB → heap ${(heap / grid).toFixed(1)}× the grids (${mb(m((p) => p.heapChecked)).toFixed(0)} MB after the first check${book.package ? `, before the package). 生成报送文件 with the errors allowed: ${m((p) => p.build).toFixed(0)} ms` : ')'}. Goals: ratio ≤ 1.5, longest task ≤ 100 ms, heap ≤ 3× the grids.)`,
      );
    }
  } finally {
    await browser.close();
    await site.close();
  }
}
