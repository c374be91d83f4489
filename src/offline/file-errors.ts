/*
 * What the offline page says when a chosen file cannot be read: in Chinese, naming the file,
 * saying what to do. Before reading: Excel's and WPS's own lock files (`~$台账.xlsx`, a few
 * hundred bytes written beside a workbook while it is open) and empty files. While reading:
 * the browser's errors for a file that was moved, deleted, changed or locked after it was
 * chosen (File API: NotFoundError, NotReadableError; their messages are English).
 */

/** A file refused by its name or size alone, or null. */
export function fileProblem(name: string, size: number): string | null {
  if (/^~\$/.test(name)) {
    const original = name.slice(2);
    return `「${name}」是 Excel 或 WPS 打开台账时自动生成的临时锁定文件，不是台账本身。请选择同一文件夹中不带“~$”的那个文件${original ? `（「${original}」）` : ''}。`;
  }
  if (size === 0) {
    return `「${name}」是空文件（0 字节），里面没有任何内容：可能还没有保存完，或者复制、下载时出了错。请在 Excel 或 WPS 中打开原台账，另存为 Excel 工作簿（.xlsx）后再选择。`;
  }
  return null;
}

/** The Chinese message for a file the browser could not read after it was chosen. */
export function readFailure(name: string, error: unknown): string {
  const kind = error && typeof error === 'object' ? String((error as { name?: unknown }).name ?? '') : '';
  if (kind === 'NotFoundError') {
    return `找不到「${name}」了：选择之后，它被移动、改名或删除了。请重新选择文件。`;
  }
  if (kind === 'NotReadableError' || kind === 'SecurityError') {
    return `读不了「${name}」：选择之后，这个文件被修改了，或者正被别的程序占用（例如 Excel、WPS 正在保存它，或网盘正在同步）。请等它保存完或关闭那个程序，再重新选择文件。`;
  }
  return `读不了「${name}」。请确认文件还在原来的位置、没有被别的程序占用，再重新选择文件；仍然不行时，在 Excel 或 WPS 中把它另存为一个新的 .xlsx 文件再选择。`;
}
