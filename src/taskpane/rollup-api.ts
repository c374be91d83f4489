/*
 * The lazily loaded part of the 县局汇总 view (chunk `rollup`: src/rollup, exceljs, docx, the
 * .eml parser): the picked files read in the browser and rolled up, the result as the view
 * shows it, the sheets for the open workbook, the summary .xlsx and the 通报 draft. Nothing
 * is sent anywhere.
 */
import { setRarWasm } from '../input/containers/archive-rar';
import { CONTAINER_LIMITS } from '../input/containers/budget';
import { ReportStatus, Rollup, RollupFile, monthLabel, noticeDocx, noticeModel, rollUp, statusText, summaryWorkbook, summaryXlsx } from '../rollup';
import { chinaTime } from '../rollup/time';
import type { NewSheet } from '../session/driver';
import { cleanFileName } from '../submission/period';
import { newSheetOf } from './rollup-sheets';

/** As the CLI (src/cli/folder.ts): the container readers' limit for one file. */
export const MAX_FILE_BYTES = CONTAINER_LIMITS.fileBytes;
/** `data:application/wasm;base64,…` → bytes. */
function dataUrlBytes(url: string): ArrayBuffer {
  const bin = atob(url.slice(url.indexOf(',') + 1));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out.buffer;
}

// The pane cannot read node-unrar-js's wasm from disk: the build inlines it (webpack asset/inline)
// in a chunk fetched only when a .rar is met. Under Node (tests) the package loads its own.
setRarWasm(async () => {
  try {
    const { default: url } = await import(/* webpackChunkName: "unrar" */ 'node-unrar-js/esm/js/unrar.wasm');
    return dataUrlBytes(url);
  } catch {
    return undefined;
  }
});

/** Files one roll-up reads in the pane (they are all held in the browser's memory). */
export const MAX_FILES = 500;

/** A file as the picker gives it (a DOM File, or a stand-in in tests). */
export interface PickedFile {
  name: string;
  size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export interface TownshipLine {
  team: string;
  /** 按时 / 逾期 3 天 / 未报 / 已报（时间不明） / 已收到但无法读取 */
  status: string;
  kind: ReportStatus;
  /** `2023年10月31日 09:12` (the counted mail's), or null. */
  received: string | null;
  /** The first report's time, when a later resend was counted (timeliness is the first report's). */
  firstReceived: string | null;
  /** The ledgers that came but could not be read (status `unreadable`): file and reason. */
  unreadable: { file: string; reason: string }[];
  penalty: number;
  inspection: number;
  coercion: number;
  errors: number;
  warnings: number;
  /** Not in the 应报乡镇名单. */
  unlisted: boolean;
}

export interface RollupView {
  period: string;
  /** `2023年10月` */
  label: string;
  /** `11月1日` */
  due: string;
  townships: TownshipLine[];
  statuses: { onTime: number; late: number; missing: number; submitted: number; unreadable: number };
  total: { penalty: number; amountYuan: number; inspection: number; coercion: number; errors: number; warnings: number };
  /** Files that could not be read, with the reason. */
  unreadable: { file: string; reason: string }[];
  /** Superseded resends and other notes, one Chinese sentence each. */
  notes: string[];
  /** Files read in all. */
  files: number;
  /** Nothing reported for the period, but the files report these months (`2023年9月`): the wrong month picked? */
  otherMonths: string[];
}

export interface RollupRun {
  rollup: Rollup;
  view: RollupView;
}

/** A file to save (the summary .xlsx, the 通报 draft). */
export interface SavedFile {
  name: string;
  type: string;
  bytes: Uint8Array;
}

function viewOf(r: Rollup): RollupView {
  const c = r.current;
  const UNREAD = '无法读取：';
  return {
    period: r.period,
    label: monthLabel(r.period),
    due: `${Number(r.due.slice(5, 7))}月${Number(r.due.slice(8, 10))}日`,
    townships: c.townships.map((t) => ({
      team: t.team,
      status: statusText(t),
      kind: t.status,
      received: t.received ? chinaTime(t.received).text : null,
      firstReceived: t.firstReceived ? chinaTime(t.firstReceived).text : null,
      unreadable: t.unreadable,
      penalty: t.figures.penalty.cases,
      inspection: t.figures.inspection.count,
      coercion: t.figures.coercion.cases,
      errors: t.figures.issues.error,
      warnings: t.figures.issues.warning,
      unlisted: t.unlisted,
    })),
    statuses: { onTime: c.statuses['on-time'], late: c.statuses.late, missing: c.statuses.missing, submitted: c.statuses.submitted, unreadable: c.statuses.unreadable },
    total: {
      penalty: c.total.penalty.cases,
      amountYuan: c.total.penalty.amountYuan,
      inspection: c.total.inspection.count,
      coercion: c.total.coercion.cases,
      errors: c.total.issues.error,
      warnings: c.total.issues.warning,
    },
    unreadable: r.files.filter((f) => f.use.startsWith(UNREAD)).map((f) => ({ file: f.file, reason: f.use.slice(UNREAD.length) })),
    notes: r.notes,
    files: r.files.length,
    otherMonths: c.townships.some((t) => t.status !== 'missing') ? [] : [...new Set(r.files.flatMap((f) => f.months))].filter((m) => m !== r.period).sort().map(monthLabel),
  };
}

/**
 * Reads the picked files and rolls up `period`. Rejects only with a Chinese message (no files,
 * a wrong period); a file that cannot be read is listed in the result with its reason.
 */
export async function runRollup(picked: PickedFile[], o: { period: string; today: string; townships?: string[] }): Promise<RollupRun> {
  if (!picked.length) throw new Error('还没有选择文件：请点“选择文件”，选中各乡镇报送的邮件（.eml、.msg、.mbox）、Word 台账（.docx）、Excel 台账（.xlsx）或压缩包（.zip、.rar）');
  if (picked.length > MAX_FILES) throw new Error(`一次最多汇总 ${MAX_FILES} 个文件，现在选了 ${picked.length} 个：请只选本月的报送材料`);
  const files: RollupFile[] = [];
  const skipped: { name: string; reason: string }[] = [];
  for (const f of picked) {
    if (f.size > MAX_FILE_BYTES) {
      skipped.push({ name: f.name, reason: `文件超过 ${MAX_FILE_BYTES / 1024 / 1024} MB，不像是报送材料，没有读取` });
      continue;
    }
    try {
      files.push({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) });
    } catch {
      skipped.push({ name: f.name, reason: '浏览器没能读取这个文件（可能已被移动或删除），请重新选择' });
    }
  }
  let r: Rollup;
  try {
    r = await rollUp(files, { period: o.period, today: o.today, townships: o.townships });
  } catch (e) {
    if (e instanceof RangeError) throw new Error(e.message);
    throw new Error(`汇总时出错：${e instanceof Error ? e.message : String(e)}`);
  }
  for (const s of skipped) r.files.push({ file: s.name, team: null, months: [], received: null, timeSource: null, use: `无法读取：${s.reason}` });
  return { rollup: r, view: viewOf(r) };
}

/** The summary's sheets for the open workbook (WorkbookIO.addSheets). */
export function rollupSheets(r: Rollup): NewSheet[] {
  return summaryWorkbook(r).map(newSheetOf);
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The summary workbook, named as the CLI names it. */
export async function rollupXlsx(r: Rollup): Promise<SavedFile> {
  return { name: cleanFileName(`${monthLabel(r.period)}乡镇行政执法案件汇总`, 'xlsx'), type: XLSX_TYPE, bytes: await summaryXlsx(summaryWorkbook(r)) };
}

/** The 通报 draft, named as the CLI names it. */
export async function noticeFile(r: Rollup): Promise<SavedFile> {
  return { name: cleanFileName(`关于${monthLabel(r.period)}乡镇行政执法案件台账报送情况的通报（草稿）`, 'docx'), type: DOCX_TYPE, bytes: await noticeDocx(noticeModel(r)) };
}
