/*
 * 自检 on the clerk's own Excel: each host behaviour the add-in relies on, tried on a temporary
 * hidden sheet that is deleted afterwards, through the calls production makes: marks added through
 * `RangeAreas.conditionalFormats` (getRanges, as write.ts), found, read back (getRanges) and
 * deleted by the add-in's own code (marks.ts); changes heard through the add-in's own handlers on
 * the worksheet collection (events.ts); an undo-grouped write where Excel offers it; the pane's
 * visibility event. Deleting the sheet and trying sheet protection are APIs Excel cannot undo
 * (undo capabilities article), so 自检 empties Excel's undo history: the dialog says so before it
 * runs, and it runs outside any undo group.
 */
import { MARK_TAG } from '../session/marks';
import type { ProbeResult, SelfTestReport } from '../session/selftest';
import { failureOf } from '../session/errors';
import { excelApiSupported, officePlatform, setSupported } from './office';
import { cfsOf, deleteMarks, foundMarks, readMarkCells } from './marks';

type Run = <T>(name: string, body: (ctx: Excel.RequestContext, sync: () => Promise<void>) => Promise<T>, grouped?: boolean) => Promise<T>;

const SETTINGS_PROBE = 'taizhang.selftest';
const EVENT_WAIT_MS = 3000;

/** The highest supported version of a set among `versions` (ascending), or null. */
function highest(name: string, versions: string[]): string | null {
  let best: string | null = null;
  for (const v of versions) {
    if (setSupported(name, v)) best = v;
    else break;
  }
  return best;
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `1.${from + i}`);

function stamp(d = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function probe(out: ProbeResult[], id: string, title: string, body: () => Promise<{ ok: boolean | 'skip'; detail: string }>): Promise<void> {
  try {
    const r = await body();
    out.push({ id, title, status: r.ok === 'skip' ? 'skipped' : r.ok ? 'passed' : 'failed', detail: r.detail });
  } catch (e) {
    const f = failureOf(e);
    out.push({ id, title, status: 'failed', detail: f.message, code: f.code });
  }
}

export async function runSelfTest(run: Run): Promise<SelfTestReport> {
  const probes: ProbeResult[] = [];
  let scratchId: string | undefined;
  await run('selfTest', async (ctx, sync) => {
    const sheets = ctx.workbook.worksheets;
    let ws: Excel.Worksheet | null = null;
    await probe(probes, 'sheet', '建立临时隐藏工作表', async () => {
      sheets.load('items/name');
      await sync();
      const names = new Set(sheets.items.map((s) => s.name));
      let name = '执法台账助手自检';
      for (let i = 2; names.has(name); i++) name = `执法台账助手自检${i}`;
      ctx.runtime.enableEvents = false;
      ws = sheets.add(name);
      ws.visibility = Excel.SheetVisibility.hidden;
      ws.load('id,visibility');
      ctx.runtime.enableEvents = true;
      await sync();
      scratchId = ws.id;
      return { ok: ws.visibility === 'Hidden', detail: `工作表「${name}」，可见性 ${ws.visibility}` };
    });
    const sheet = ws as Excel.Worksheet | null;
    if (!sheet) return;
    try {
      await probe(probes, 'cf-delete', '条件格式：添加 3 条，读回范围，一批删除其中 2 条', async () => {
        const tags = ['甲', '乙', '丙'];
        for (const t of tags) {
          const cf = sheet.getRanges('A1:A3,C5').conditionalFormats.add(Excel.ConditionalFormatType.custom);
          cf.custom.rule.formula = `="${MARK_TAG}·自检${t}"<>""`;
          cf.custom.format.fill.color = '#FFC7CE';
        }
        await sync();
        const cfs = cfsOf(sheet, true);
        await sync();
        const ids = cfs.items.map((c) => c.id);
        const found = foundMarks(cfs);
        const cells = (await readMarkCells(sync, new Map([['scratch', found]]))).get('scratch')!;
        const areas = cells.error.map((r) => `${r.top},${r.left}:${r.bottom},${r.right}`);
        if (areas.length !== 6) return { ok: false, detail: `读回的范围不对：${areas.join('；') || '无'}（应为 3 条 × A1:A3、C5）` };
        const doomed = found.filter((m) => /自检[甲丙]/.test(m.cf.customOrNullObject.rule.formula));
        ctx.runtime.enableEvents = false;
        deleteMarks(doomed);
        ctx.runtime.enableEvents = true;
        await sync();
        const after = cfsOf(sheet, true);
        await sync();
        const left = after.items.map((c) => c.customOrNullObject.rule.formula);
        const leftIds = after.items.map((c) => c.id);
        const ok = left.length === 1 && left[0].includes('自检乙');
        const kind = ids.join(',') === ids.map((_, i) => String(i)).join(',') ? '编号即位置' : '编号不随位置变化';
        return { ok, detail: `剩下 ${left.length} 条（${left.map((f) => f.replace(/^.*自检(.).*$/, '$1')).join('、') || '无'}，应为“乙”）；删除前编号 ${ids.join(',')}，删除后 ${leftIds.join(',')}（${kind}）` };
      });

      await probe(probes, 'events', '修改单元格时收到变更通知（工作表集合的 onChanged，与边填边查相同）', async () => {
        const got: { address: string; changeType: string; source: string }[] = [];
        const id = scratchId!;
        // The event live checking listens to (events.ts): the worksheet collection's, not one sheet's.
        const handler = ctx.workbook.worksheets.onChanged.add(async (e: Excel.WorksheetChangedEventArgs) => {
          if (e.worksheetId === id) got.push({ address: e.address, changeType: e.changeType, source: `${e.source}${e.triggerSource ? `/${e.triggerSource}` : ''}` });
        });
        await sync();
        sheet.getRange('B1').values = [['自检']];
        sheet.getRange('B2:C3').values = [
          ['1', '2'],
          ['3', '4'],
        ];
        await sync();
        for (let t = 0; t < EVENT_WAIT_MS && got.length < 2; t += 50) await wait(50);
        handler.remove();
        await sync();
        const one = got.find((g) => g.address === 'B1');
        const many = got.find((g) => g.address === 'B2:C3');
        const detail = got.length ? got.map((g) => `${g.address} ${g.changeType}（${g.source}）`).join('；') : `${EVENT_WAIT_MS / 1000} 秒内没有收到通知`;
        return { ok: !!one && !!many && one.changeType === 'RangeEdited', detail };
      });

      await probe(probes, 'merged', '读取合并单元格', async () => {
        sheet.getRange('D1').values = [['王明、李强']];
        sheet.getRange('D1:D3').merge(false);
        const r = sheet.getRange('D1:D3');
        r.load('values');
        if (!excelApiSupported('1.13')) {
          await sync();
          return { ok: 'skip', detail: '需要 ExcelApi 1.13：没有它时，纵向合并的单元格只按第一行检查' };
        }
        const areas = sheet.getRange('A1:Z10').getMergedAreasOrNullObject();
        areas.load('address');
        await sync();
        const address = areas.isNullObject ? '' : areas.address.replace(/^.*!/, '');
        const values = r.values.map((v) => String(v[0]));
        return { ok: address === 'D1:D3' && values[0] === '王明、李强' && values[1] === '', detail: `合并区域 ${address || '（未读到）'}，值 ${JSON.stringify(values)}` };
      });

      await probe(probes, 'protection', '受保护的工作表拒绝写入', async () => {
        sheet.protection.protect();
        sheet.load('protection/protected');
        await sync();
        const prot = sheet.protection.protected;
        let code = '';
        try {
          sheet.getRange('E1').conditionalFormats.add(Excel.ConditionalFormatType.custom).custom.rule.formula = `="${MARK_TAG}·自检"<>""`;
          await sync();
        } catch (e) {
          code = failureOf(e).code;
        }
        sheet.protection.unprotect();
        await sync();
        return { ok: prot && code === 'AccessDenied', detail: `protection.protected = ${prot}；写入时${code ? `报错 ${code}` : '没有报错'}（应为 AccessDenied）` };
      });

      await probe(probes, 'undo', '撤销：加载项的写入算作一步（Excel.run 的 mergeUndoGroup，ExcelApi 1.20）', async () => {
        if (!excelApiSupported('1.20')) return { ok: 'skip', detail: '这个版本的 Excel 在加载项写入后会清空“撤销”记录：边填边查时不写入表格，标记在点“更新标记”时更新' };
        const id = scratchId!;
        // Its own run, as one undo group (what every operation does on such a host): an API Excel cannot undo would fail it (UndoNotSupported).
        await run(
          'selfTestUndo',
          async (c2, s2) => {
            const cf = c2.workbook.worksheets.getItem(id).getRanges('E5').conditionalFormats.add(Excel.ConditionalFormatType.custom);
            cf.custom.rule.formula = `="${MARK_TAG}·自检撤销"<>""`;
            await s2();
          },
          true,
        );
        return { ok: true, detail: '可以：标记写入算作一步，可用 Ctrl+Z 撤销；离开工作表时自动更新标记' };
      });
    } finally {
      await probe(probes, 'cleanup', '删除临时工作表', async () => {
        ctx.runtime.enableEvents = false;
        sheet.delete();
        ctx.runtime.enableEvents = true;
        await sync();
        const gone = sheets.getItemOrNullObject(scratchId ?? '');
        await sync();
        return { ok: gone.isNullObject, detail: gone.isNullObject ? '已删除' : '仍在工作簿中，请手动删除' };
      });
    }
  });

  await probe(probes, 'settings', '把设置保存到工作簿', async () => {
    const s = Office.context.document.settings;
    const save = () => new Promise<void>((resolve, reject) => s.saveAsync((r) => (String(r.status) === 'failed' ? reject(Object.assign(new Error(r.error?.message ?? '保存失败'), { code: String(r.error?.code ?? 'SaveFailed') })) : resolve())));
    const value = stamp();
    s.set(SETTINGS_PROBE, value);
    await save();
    const back = s.get(SETTINGS_PROBE);
    s.remove(SETTINGS_PROBE);
    await save();
    return { ok: back === value, detail: back === value ? '保存并读回成功' : `读回的值不一致：${String(back)}` };
  });

  await probe(probes, 'visibility', '任务窗格关闭和打开的通知（Office.addin.onVisibilityModeChanged）', async () => {
    const addin = (Office as unknown as { addin?: { onVisibilityModeChanged?: (h: (a: { visibilityMode: string }) => void) => Promise<() => Promise<void>> } }).addin;
    if (!addin?.onVisibilityModeChanged) return { ok: false, detail: '没有这个通知（需要 SharedRuntime 1.1）：关闭任务窗格后，加载项无法知道，请点“重新检查”' };
    const remove = await addin.onVisibilityModeChanged(() => undefined);
    await remove?.();
    return { ok: true, detail: '可用：关闭任务窗格时边填边查暂停，再打开时重新检查' };
  });

  const platform = officePlatform();
  await probe(probes, 'dialog', '对话框（Windows 版保存报送文件用）', async () => {
    const ok = setSupported('DialogApi', '1.2') && typeof Office.context.ui?.displayDialogAsync === 'function';
    if (ok) return { ok: true, detail: '可用（DialogApi 1.2）' };
    return { ok: platform === 'PC' ? false : 'skip', detail: 'DialogApi 1.2 不可用' + (platform === 'PC' ? '：保存报送文件时改为直接下载' : '（本平台不需要）') };
  });
  await probe(probes, 'browser', '在浏览器中打开页面（Mac 版保存报送文件用）', async () => {
    const ok = setSupported('OpenBrowserWindowApi', '1.1') && typeof (Office.context.ui as { openBrowserWindow?: unknown })?.openBrowserWindow === 'function';
    if (ok) return { ok: true, detail: '可用（OpenBrowserWindowApi 1.1）' };
    return { ok: platform === 'Mac' ? false : 'skip', detail: 'OpenBrowserWindowApi 1.1 不可用' + (platform === 'Mac' ? '' : '（本平台不需要）') };
  });

  let version: string | null = null;
  try {
    version = Office.context.diagnostics?.version ?? null;
  } catch {
    version = null;
  }
  return {
    at: stamp(),
    host: 'Excel',
    platform,
    version,
    sets: [
      { name: 'ExcelApi', version: highest('ExcelApi', range(1, 30)) },
      { name: 'SharedRuntime', version: highest('SharedRuntime', range(1, 2)) },
      { name: 'CustomFunctionsRuntime', version: highest('CustomFunctionsRuntime', range(1, 5)) },
      { name: 'DialogApi', version: highest('DialogApi', range(1, 2)) },
      { name: 'OpenBrowserWindowApi', version: highest('OpenBrowserWindowApi', range(1, 1)) },
    ],
    probes,
    scratchSheetId: scratchId,
  };
}
