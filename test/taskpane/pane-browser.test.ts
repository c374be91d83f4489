/*
 * The production task pane in headless Chromium over the fake Excel (test/helpers/pane-browser.ts),
 * as a clerk meets it: every fix of issue 11 in the state the clerk sees, at 320 and 450 px, each
 * state checked with axe-core (no serious or critical violation of our own) and photographed into
 * test-output/pane/ (the best are in the README). Tests wait for what the user waits for.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Browser, Locator, Page } from 'playwright-core';
import type { SheetJson, WorkbookJson } from '../fake-excel';
import { CHROMIUM, HAS_CHROMIUM, HOLD_ON_READY, ROOT, openPaneSite, paneScript, routePane, type PaneSite } from '../helpers/pane-browser';
import { ledgerSheet, penaltyRow, serial } from '../excel/helpers';
import { benchRow } from '../../bench/core.bench';
import { AxeResults, axeCheck, headingLevels } from '../helpers/axe';

if (!HAS_CHROMIUM) console.warn(`test/pane-browser.test.ts: 找不到 Chromium（${CHROMIUM}），跳过任务窗格的浏览器测试`);
const chromiumTest = HAS_CHROMIUM ? test : test.skip;

const OUT = path.join(ROOT, 'test-output', 'pane');
const WIDTHS = [320, 450];
const HEIGHT = 640;
const P = '行政处罚案件台账';

let browser: Browser;
let site: { origin: string; close(): Promise<void> };
let fixture: WorkbookJson;
/** Every axe finding, by state and width, for docs/dev/task-pane.md. */
const report: Record<string, AxeResults> = {};

let pane: PaneSite | undefined;

beforeAll(async () => {
  if (!HAS_CHROMIUM) return;
  fs.mkdirSync(OUT, { recursive: true });
  pane = await openPaneSite();
  ({ browser, site, fixture } = pane);
}, 900_000);

afterAll(async () => {
  await pane?.close();
  if (Object.keys(report).length) fs.writeFileSync(path.join(OUT, 'axe-report.json'), JSON.stringify(report, null, 2));
});

interface Pane {
  page: Page;
  errors: string[];
  offsite: string[];
}

/** The built pane over `workbook` (today 2023-11-05), as Excel opens it. */
async function openPane(workbook: WorkbookJson | string, o: { platform?: string; before?: string; width?: number } = {}): Promise<Pane> {
  const context = await browser.newContext({ viewport: { width: o.width ?? 450, height: HEIGHT }, acceptDownloads: true });
  const page = await context.newPage();
  await page.clock.setFixedTime(new Date('2023-11-05T10:00:00'));
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const { offsite } = await routePane(page, site.origin);
  await page.addInitScript({ content: await paneScript(workbook, { host: { platform: o.platform ?? 'OfficeOnline' }, before: o.before }) });
  await page.goto(`${site.origin}/taskpane.html`);
  return { page, errors, offsite };
}

/**
 * One state of the pane at both widths: a screenshot each (the first screen, or from `scrollTo`), no horizontal overflow,
 * unique ids, headings that do not skip a level, and axe-core with no serious or critical
 * violation of our own (Fluent's focus helpers are reported apart, see helpers/axe.ts).
 */
async function checkState(page: Page, name: string, scrollTo?: Locator): Promise<void> {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: HEIGHT });
    if (scrollTo) await scrollTo.scrollIntoViewIfNeeded();
    // A dialog's or a card's entrance motion ended (axe would measure contrast mid-fade); spinners never end.
    await page.evaluate(() =>
      Promise.all(
        document
          .getAnimations()
          .filter((a) => Number.isFinite(a.effect?.getComputedTiming().endTime ?? Infinity))
          .map((a) => a.finished.catch(() => undefined)),
      ),
    );
    // The screen the clerk sees (the pane's height is the window's).
    await page.screenshot({ path: path.join(OUT, `${name}-${width}.png`) });
    // Nothing wider than the pane.
    expect([name, width, await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)]).toEqual([name, width, true]);
    const ids = await page.evaluate(() => {
      const seen = new Map<string, number>();
      for (const el of document.querySelectorAll('[id]')) seen.set(el.id, (seen.get(el.id) ?? 0) + 1);
      return [...seen].filter(([, n]) => n > 1).map(([id]) => id);
    });
    expect([name, ids]).toEqual([name, []]);
    // h1 first; no level skipped going down (h1 → h2 sheet → h3 row; h2 result → h3 step).
    const levels = await headingLevels(page);
    expect([name, levels[0]]).toEqual([name, 1]);
    expect([name, levels.filter((l, i) => i > 0 && l > levels[i - 1] + 1)]).toEqual([name, []]);
    const axe = await axeCheck(page);
    report[`${name}@${width}`] = axe;
    expect([name, width, axe.ours]).toEqual([name, width, []]);
  }
}

const list = (page: Page) => page.getByRole('list', { name: '本工作簿中的台账' });

async function fillContact(page: Page): Promise<void> {
  await page.getByRole('textbox', { name: /姓名/ }).fill('张三');
  await page.getByRole('textbox', { name: /职务/ }).fill('综合执法队队员');
  await page.getByRole('textbox', { name: /电话/ }).fill('13812345678');
}

/** The element that has the focus, described by role and name. */
const focused = (page: Page) => page.evaluate(() => `${document.activeElement?.tagName.toLowerCase()}:${(document.activeElement?.textContent ?? '').trim().slice(0, 40)}`);

chromiumTest(
  '检查结果: headings sheet → row, filter state in words, “n 条已隐藏”, warnings yellow and errors red alike in bar, badge and card, pending one tab stop',
  async () => {
    // Office.onReady held back, as while Office.js starts (Office.context and Excel.run not usable yet): the pane is drawn already, and touches nothing of Office until it is ready.
    const { page, errors, offsite } = await openPane(fixture, { before: HOLD_ON_READY });
    await page.getByText('正在连接 Excel…').waitFor();
    await page.getByRole('toolbar', { name: '台账操作' }).waitFor();
    await page.waitForTimeout(300);
    await expect(page.evaluate(() => (window as unknown as { __syncs: number }).__syncs)).resolves.toBe(0);
    await page.evaluate(() => (window as unknown as { __release(): void }).__release());
    await list(page).waitFor();
    await expect(page.getByText('正在连接 Excel…').count()).resolves.toBe(0);
    await page.getByRole('heading', { level: 3, name: '第6行' }).first().waitFor();
    await checkState(page, 'issues');

    // Colours: the bar on the left and the badge agree per severity, and differ between them.
    const look = await page.evaluate(() => {
      const of = (sev: string) => {
        const badge = [...document.querySelectorAll('button[title^="在表格中选中"] .fui-Badge')].find((b) => b.textContent === sev)!;
        const entry = badge.closest('button')!;
        return { bar: getComputedStyle(entry).borderLeftColor, badge: getComputedStyle(badge).backgroundColor, text: getComputedStyle(badge).color };
      };
      const card = [...document.querySelectorAll('[aria-label="本工作簿中的台账"] .fui-Badge')].find((b) => /^警告 [1-9]/.test(b.textContent ?? ''))!;
      return { error: of('错误'), warning: of('警告'), cardWarning: getComputedStyle(card).backgroundColor };
    });
    expect(look.error.bar).toBe('rgb(197, 15, 31)'); // the marks' red family
    expect(look.warning.bar).toBe('rgb(234, 163, 0)'); // the marks' yellow
    expect(look.cardWarning).toBe(look.warning.badge);
    expect(look.warning.badge).not.toBe(look.error.badge);

    // The filter: on and off in words; a sheet whose shown issues are all hidden says how many are.
    const errorsToggle = page.getByRole('button', { name: /^✓ 错误 \d+$/ });
    await errorsToggle.click();
    const off = page.getByRole('button', { name: /^错误 \d+（已隐藏）$/ });
    await expect(off.getAttribute('aria-pressed')).resolves.toBe('false');
    const penaltyHead = page.getByRole('heading', { level: 2, name: new RegExp(`^${P}`) });
    await expect(penaltyHead.innerText()).resolves.toMatch(/\d+ 条已隐藏/);
    await checkState(page, 'issues-filtered');
    await off.click();

    // Pending rows: one tab stop, arrow keys inside.
    const pending = page.getByRole('group', { name: /待办行/ }).first();
    const buttons = pending.getByRole('button');
    expect(await buttons.count()).toBeGreaterThan(1);
    await buttons.first().focus();
    await page.keyboard.press('ArrowRight');
    expect(await focused(page)).toBe(`button:${(await buttons.nth(1).innerText()).trim()}`);
    await page.keyboard.press('Tab');
    expect(await pending.evaluate((g) => g.contains(document.activeElement))).toBe(false);

    expect(errors).toEqual([]);
    expect(offsite).toEqual([]);
    await page.context().close();

    // Outside Excel (a plain browser: Office.js answers nothing), with an added holiday arrangement whose module loads late: the page says where to open the pane, and the pane's first drawing does not come over it.
    const plain = await browser.newContext({ viewport: { width: 450, height: HEIGHT } });
    const other = await plain.newPage();
    await routePane(other, site.origin);
    await other.addInitScript({ content: 'localStorage.setItem("taizhang.holidays", "{}");' });
    await other.goto(`${site.origin}/taskpane.html`);
    await other.getByText('请在 Excel 中打开执法台账助手。').waitFor();
    await other.waitForTimeout(500);
    await expect(other.getByRole('toolbar').count()).resolves.toBe(0);
    await expect(other.getByText('请在 Excel 中打开执法台账助手。').count()).resolves.toBe(1);
    // Office.js that fails to start: said, not 正在连接 Excel… for ever.
    const failing = await plain.newPage();
    await routePane(failing, site.origin);
    await failing.addInitScript({ content: 'window.Office = { onReady: function () { return Promise.reject(new Error("测试：Office.js 启动失败")); } };' });
    await failing.goto(`${site.origin}/taskpane.html`);
    await failing.getByText('执法台账助手没能启动（测试：Office.js 启动失败）。请关闭任务窗格后重新打开。').waitFor();
    await expect(failing.getByText('正在连接 Excel…').count()).resolves.toBe(0);
    await plain.close();
  },
  180_000,
);

chromiumTest(
  'a big check: 读取 n/N 行 while the rows come; then the results and the tabs while the marks are written in steps (an issue clicked meanwhile is selected between two of them); then the marks done',
  async () => {
    // From the second sync on, each sync waits for the test: while one is held the pane has done
    // all it can, so what it shows then is what a clerk sees during that sync. The test lets the
    // syncs go one by one until the pane says how many rows it has read; then runs them freely up
    // to the first marks written, and holds the next write.
    const before = `var held = []; var mode = 'hold';
      var sync = installed.host.sync.bind(installed.host);
      window.__tzHeld = function () { return held.length; };
      window.__tzNext = function () { var r = held.shift(); if (r) r(); };
      window.__tzMode = function (m) { mode = m; if (m !== 'hold') while (held.length) held.shift()(); };
      installed.host.sync = function (ctx) {
        var marked = installed.host.wb.writes.some(function (w) { return w.kind === 'cf.add'; });
        if (mode === 'run' || installed.host.syncs.length < 1 || (mode === 'marks' && !marked)) return sync(ctx);
        return new Promise(function (r) { held.push(r); }).then(function () { return sync(ctx); });
      };`;
    // Excel on the web: a smaller payload per sync (5 MB), so the rows come in several syncs; a
    // mistake on every row, so the marks (some 4,500 areas) go in several steps.
    const big: WorkbookJson = { sheets: [ledgerSheet('penalty', Array.from({ length: 6000 }, (_, i) => benchRow('penalty', i, 1)), P)] };
    const { page, errors } = await openPane(big, { before, platform: 'OfficeOnline' });
    type Gate = { __tzHeld(): number; __tzNext(): void; __tzMode(m: 'hold' | 'marks' | 'run'): void };
    const gate = <K extends keyof Gate>(k: K, ...a: Parameters<Gate[K]>) => page.evaluate(([k, a]) => ((window as unknown as Gate)[k] as (...x: unknown[]) => unknown)(...a), [k, a] as const);
    const reading = page.getByText(/^读取 [\d,]+\/[\d,]+ 行$/);
    let seen = false;
    for (let i = 0; i < 30 && !seen; i++) {
      await page.waitForFunction(() => (window as unknown as Gate).__tzHeld() > 0);
      // The pane's renders of what came before the held sync (two frames).
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      seen = await reading.isVisible();
      if (!seen) await gate('__tzNext');
    }
    expect(seen).toBe(true);
    await page.getByRole('progressbar').waitFor();
    await checkState(page, 'progress');
    // The pages are there while the rows come (README: 检查时……可以切换页面): 县局汇总 opens, and back.
    await expect(list(page).count()).resolves.toBe(0);
    await page.getByRole('tab', { name: '县局汇总' }).click();
    await expect(page.getByRole('tab', { name: '县局汇总' }).getAttribute('aria-selected')).resolves.toBe('true');
    await page.getByRole('tab', { name: '检查结果' }).click();

    // The check runs on; the write after the first marks is held: the results are on the pane, the marks on their way.
    await gate('__tzMode', 'marks');
    await page.waitForFunction(() => (window as unknown as Gate).__tzHeld() > 0);
    const marking = page.getByText(/^检查已完成，正在表格中标记 [\d,]+\/[\d,]+ 处$/);
    await marking.waitFor();
    await list(page).waitFor();
    await page.getByRole('heading', { level: 3, name: '第4行' }).first().waitFor();
    await checkState(page, 'marking');
    // The tabs work meanwhile.
    await page.getByRole('tab', { name: '月度报送' }).click();
    await page.getByRole('button', { name: '生成报送文件' }).waitFor();
    await page.getByRole('tab', { name: '检查结果' }).click();
    await expect(page.getByRole('tab', { name: '检查结果' }).getAttribute('aria-selected')).resolves.toBe('true');
    // An issue clicked now is selected between two steps of the marks, not after the last.
    const issue = page.locator('button[title^="在表格中选中"]').filter({ hasText: /第\d+行|「/ }).nth(3);
    const cell = /([A-Z]+\d+)「/.exec(await issue.innerText())![1];
    await issue.click();
    await gate('__tzMode', 'run');
    type Host = { __tz: { host: { wb: { sheet(n: string): { selection: string }; writes: { sync: number; kind: string; address: string }[] } } } };
    await page.waitForFunction((c) => (window as unknown as Host).__tz.host.wb.sheet('行政处罚案件台账').selection === c, cell);
    await page.getByRole('progressbar').waitFor({ state: 'detached', timeout: 60_000 });
    const writes = await page.evaluate(() => (window as unknown as Host).__tz.host.wb.writes.map((w) => ({ sync: w.sync, kind: w.kind })));
    const lastMark = Math.max(...writes.filter((w) => w.kind === 'cf.add').map((w) => w.sync));
    expect(writes.find((w) => w.kind === 'select')!.sync).toBeLessThan(lastMark);
    expect(new Set(writes.filter((w) => w.kind === 'cf.add').map((w) => w.sync)).size).toBeGreaterThanOrEqual(3);
    // Done: no progress, no marks waiting.
    await expect(page.getByRole('progressbar').count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: '更新标记' }).count()).resolves.toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  },
  240_000,
);

/** Penalty rows closed in October 2023, `unreadable` of them with #VALUE! as 结案时间 (the month cannot be told). */
function bigPenaltySheet(rows: number, unreadable: number): SheetJson {
  const every = unreadable ? Math.floor(rows / unreadable) : 0;
  return ledgerSheet(
    'penalty',
    Array.from({ length: rows }, (_, i) =>
      penaltyRow(i + 1, {
        closedOn: every && i % every === 0 && i / every < unreadable ? { error: '#VALUE!' } : serial(`2023-10-${String((i % 28) + 1).padStart(2, '0')}`),
        officers: i % 50 === 7 ? '王明' : '王明、李强',
      }),
    ),
    P,
  );
}

chromiumTest(
  '月度报送 on a big ledger: 180 cases whose month cannot be told are one collapsed block; the files and the save buttons are on the first screen of the result',
  async () => {
    const { page, errors } = await openPane({ sheets: [bigPenaltySheet(4000, 180)] });
    await list(page).waitFor();
    await page.getByRole('tab', { name: '月度报送' }).click();
    await fillContact(page);
    await page.getByRole('button', { name: '生成报送文件' }).click();
    const refused = page.getByRole('heading', { level: 2, name: '没有生成报送文件' });
    await refused.waitFor({ timeout: 60_000 });
    await expect(page.getByRole('button', { name: /180 件案件的报送月份无法确定/ }).count()).resolves.toBe(1);
    await page.getByRole('button', { name: '仍然生成（含错误）' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '仍然生成' }).click();
    const ready = page.getByRole('heading', { level: 2, name: /^报送文件已生成，但可能缺少 180 件案件$/ });
    await ready.waitFor({ timeout: 60_000 });
    // Focus on the result (not the page body after the dialog closed), announced.
    await page.waitForFunction(() => document.activeElement?.tagName === 'H2');
    expect(await page.locator('[aria-live="polite"]').last().innerText()).toMatch(/^报送文件已生成，但可能缺少 180 件案件/);
    // The bar under the heading is not green.
    expect(await page.locator('section[aria-label="报送文件"] .fui-MessageBar').first().getAttribute('class')).not.toMatch(/success/i);
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: HEIGHT });
      await ready.evaluate((h) => h.scrollIntoView({ block: 'start' }));
      const top = (await ready.boundingBox())!.y;
      for (const name of ['保存 Word 台账', '保存邮件草稿（.eml）']) {
        const box = (await page.getByRole('button', { name }).boundingBox())!;
        expect([width, name, box.y + box.height - top]).toEqual([width, name, expect.any(Number)]);
        expect(box.y + box.height - top).toBeLessThanOrEqual(HEIGHT);
      }
    }
    await checkState(page, 'big-ready', ready);
    // The block opens to clickable rows.
    await page.getByRole('button', { name: /180 件案件的报送月份无法确定/ }).click();
    const rows = page.getByRole('list', { name: '报送月份无法确定的行' }).getByRole('button');
    await expect(rows.first().innerText()).resolves.toMatch(/第\d+行 · F\d+\s+结案时间是错误值 #VALUE!/);
    await rows.first().click();
    const sel = await page.waitForFunction(() => (window as unknown as { __tz: { host: { wb: { sheet(n: string): { selection: string } } } } }).__tz.host.wb.sheet('行政处罚案件台账').selection !== 'A1');
    expect(await sel.jsonValue()).toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  },
  240_000,
);

chromiumTest(
  'a new attempt never leaves the last result on screen: a month error in the dropdowns’ words, shown and focused; the result when allowed is focused after the dialog',
  async () => {
    const { page, errors } = await openPane(fixture);
    await list(page).waitFor();
    await page.getByRole('tab', { name: '月度报送' }).click();
    await fillContact(page);
    await checkState(page, 'form');
    await page.getByRole('button', { name: '生成报送文件' }).click();
    const refused = page.getByRole('heading', { level: 2, name: '没有生成报送文件' });
    await refused.waitFor({ timeout: 60_000 });
    await page.waitForFunction(() => document.activeElement?.textContent === '没有生成报送文件');
    await checkState(page, 'refused', refused);
    await page.getByRole('button', { name: '仍然生成（含错误）' }).click();
    await page.getByRole('dialog').waitFor();
    await checkState(page, 'confirm');
    await page.getByRole('dialog').getByRole('button', { name: '仍然生成' }).click();
    const ready = page.getByRole('heading', { level: 2, name: /^报送文件已生成/ });
    await ready.waitFor({ timeout: 60_000 });
    await page.waitForFunction(() => /^报送文件已生成/.test(document.activeElement?.textContent ?? ''));
    await expect(page.getByText(/Word 台账中含有 \d+ 处错误；它们列在本页最下面的“文件中含有的错误”中/).count()).resolves.toBe(1);
    const mail = page.getByRole('link', { name: '用默认邮件程序打开' });
    expect((await mail.getAttribute('href'))!.length).toBeLessThanOrEqual(2000);
    await checkState(page, 'ready', ready);

    // The end month before the start month: the files go, the error is in the dropdowns' words, focused.
    await page.getByRole('combobox', { name: '开始月份' }).selectOption('2023-11');
    await page.getByRole('button', { name: '生成报送文件' }).click();
    const error = page.getByRole('alert').filter({ hasText: '结束月份（2023年10月）早于开始月份（2023年11月），请重新选择。' });
    await error.waitFor();
    await expect(page.getByRole('button', { name: '保存 Word 台账' }).count()).resolves.toBe(0);
    await expect(page.getByRole('heading', { level: 2 }).count()).resolves.toBe(0);
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-invalid') === 'true');
    expect(await page.evaluate(() => (document.activeElement as HTMLSelectElement).value)).toBe('2023-11');
    await checkState(page, 'period-error');
    expect(errors).toEqual([]);
    await page.context().close();
  },
  240_000,
);

chromiumTest(
  '准备月度报送 from the ribbon, through the function Office calls: the first time the form with 姓名 focused; with the saved contact it prepares at once',
  async () => {
    const first = await openPane(fixture);
    await list(first.page).waitFor();
    await first.page.evaluate(() => (window as unknown as { __tz: { host: { runCommand(n: string): Promise<void> } } }).__tz.host.runCommand('prepareMonthlySubmission'));
    await first.page.waitForFunction(() => (document.activeElement as HTMLInputElement | null)?.closest('.fui-Field')?.textContent?.includes('姓名') ?? false);
    await expect(first.page.getByRole('tab', { name: '月度报送' }).getAttribute('aria-selected')).resolves.toBe('true');
    await checkState(first.page, 'ribbon-missing');
    await first.page.context().close();

    const settings = { 'taizhang.pane': { team: '天宁镇综合行政执法队', contact: { name: '张三', title: '综合执法队队员', phone: '13812345678' }, to: 'jiaochengxzfy@163.com' } };
    const saved = await openPane({ ...fixture, settings });
    // The pane may not have been opened yet: the command waits for it.
    await saved.page.evaluate(() => (window as unknown as { __tz: { host: { runCommand(n: string): Promise<void> } } }).__tz.host.runCommand('prepareMonthlySubmission'));
    const refused = saved.page.getByRole('heading', { level: 2, name: '没有生成报送文件' });
    await refused.waitFor({ timeout: 60_000 });
    await expect(saved.page.getByRole('combobox', { name: '开始月份' }).inputValue()).resolves.toBe('2023-10');
    await saved.page.waitForFunction(() => document.activeElement?.textContent === '没有生成报送文件');
    expect(saved.errors).toEqual([]);
    await saved.page.context().close();
  },
  240_000,
);

chromiumTest(
  'after 插入官方台账表 the empty sheets are not “可以报送”: what is still to do; 填写报送月份 on them says so instead of “0 行”',
  async () => {
    const { page, errors } = await openPane({ sheets: [{ name: 'Sheet1', rows: [['人员名单']] }] });
    await page.getByRole('button', { name: '插入官方台账表' }).waitFor();
    await checkState(page, 'no-ledger');
    await page.getByRole('button', { name: '插入官方台账表' }).click();
    await list(page).waitFor();
    const todo = page.getByText('还不能报送');
    await todo.waitFor();
    // The cards come in the results' slices: wait for the last line of what is still to do.
    await page.getByText(/标题中的“XX综合行政执法队”改成本单位名称/).waitFor();
    await expect(page.getByText('没有发现问题，台账可以报送。').count()).resolves.toBe(0);
    await expect(page.getByText(/台账里还没有案件记录/).count()).resolves.toBe(1);
    await expect(page.getByText(/标题中的“XX综合行政执法队”改成本单位名称/).count()).resolves.toBe(1);
    await checkState(page, 'empty-sheets');
    await page.getByRole('button', { name: '填写报送月份' }).click();
    await page.getByText(/还没有案件记录，只在 [A-Z]+ 列写了“报送月份”表头/).first().waitFor();
    await expect(page.getByText(/写入 0 行/).count()).resolves.toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  },
  180_000,
);
