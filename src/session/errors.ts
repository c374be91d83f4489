/* Host errors in the clerk's words (drivers reject with the host's own, often English, errors). */
import type { HostFailure } from './driver';

/** Cell-edit mode: the host refuses every request until the clerk finishes typing. */
export const CELL_EDIT = 'InvalidOperationInCellEditMode';
/** A protected sheet refused a write. */
export const ACCESS_DENIED = 'AccessDenied';

export function failureOf(e: unknown): HostFailure {
  const o = e as { code?: unknown; message?: unknown } | null;
  const code = typeof o?.code === 'string' ? o.code : 'GeneralException';
  const message = e instanceof Error ? e.message : typeof o?.message === 'string' ? o.message : String(e);
  return { code, message };
}

/** One Chinese sentence for an operation that failed as a whole. */
export function describeFailure(e: unknown): string {
  const f = failureOf(e);
  if (/[\u4e00-\u9fff]/.test(f.message)) return f.message;
  if (f.code === CELL_EDIT) return 'Excel 正在编辑单元格，暂时不能读取工作簿。请按 Enter 或 Esc 结束编辑，再点“重新检查”。';
  if (f.code === ACCESS_DENIED) return '工作表受保护，不能写入。';
  return `读取或写入工作簿时出错（${f.code}）：${f.message}。请点“重新检查”再试；如果一直出错，请关闭任务窗格后重新打开。`;
}

/** Why the add-in's marks (or its 报送月份 cells) on a sheet are not up to date: the one line the pane shows under the results. */
export function sheetNote(sheet: string, f: HostFailure, what: 'marks' | 'clear' | 'cells' = 'marks'): string {
  const thing = what === 'cells' ? '报送月份没有更新' : what === 'clear' ? '没有清除标记' : '没有更新标记';
  if (f.code === ACCESS_DENIED) return `「${sheet}」受工作表保护，${thing}（检查结果照常列出）。如需写入，请先在“审阅”中撤销工作表保护。`;
  if (f.code === CELL_EDIT) return `「${sheet}」${thing}：Excel 正在编辑单元格。结束编辑后会自动重试。`;
  if (what === 'cells' && /merged/i.test(f.message)) return `「${sheet}」${thing}：要写的列中有合并单元格（这个版本的 Excel 读不出合并单元格，事先没能发现）。请先取消这一列中单元格的合并，或在表格右侧留出一列没有合并单元格的空列后再试。`;
  return `「${sheet}」${thing}（${f.code}）：${f.message}。检查结果照常列出；可点“重新检查”再试。`;
}

/** Shown while a host cannot read merged areas (Excel before ExcelApi 1.13). */
export const NO_MERGES_NOTE = '这个版本的 Excel 读不出合并单元格（需要 ExcelApi 1.13，如 Excel 2021 或更新的 Microsoft 365）：纵向合并的单元格只在第一行有内容，下面几行可能被误报为“未填写”。请更新 Excel 后再检查。';

/** A protected sheet, as a failure (known before any write is tried). */
export const PROTECTED: HostFailure = { code: ACCESS_DENIED, message: '' };
