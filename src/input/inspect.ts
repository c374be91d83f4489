/*
 * Inspects an archive before exceljs parses anything: what the file is, how many parts it has
 * and how large each really inflates, and, for each worksheet, the rows and cells it holds and
 * its merges, all against `LIMITS`. Returns the archive to hand to exceljs (a worksheet whose
 * merges would cost exceljs more than a few cells goes without its `<mergeCells>`) and the
 * merges, cut to the cells with values, per sheet name.
 * Browser-capable: no Node APIs, no exceljs.
 */
import JSZip from 'jszip';
import { CellRange } from '../ledger/cell';
import { containerOf, oleRefusal, otherRefusal, zipRefusal } from './format';
import { InputError, Limits, SPLIT_HINT, countText, mbText } from './limits';
import { ScanLimitPassed, SheetScanner, area, clipMerges, cutRanges } from './sheet-scan';
import { WORKSHEET_PART, sheetNamesByPart } from './sheets';
import { EntryTooLarge, TooManyEntries, inflateEntry, listEntries, readEntry } from './zip';

export interface Inspected {
  /** The archive for exceljs. */
  xlsx: Uint8Array;
  /** Merges per sheet name, cut to the used range. */
  merges: Map<string, CellRange[]>;
  /** Rows per worksheet part (`xl/worksheets/sheet1.xml` → its last row), for progress. */
  rows: Map<string, number>;
}

export function damaged(name: string): InputError {
  return new InputError(`${name} 无法读取，文件可能已损坏。请用 Excel 打开后另存为 .xlsx 再试`, 'damaged');
}

function tooLarge(text: string): InputError {
  return new InputError(`${text}${SPLIT_HINT}`, 'too-large');
}

// exceljs creates a cell for every merged cell and compares each merge with every other one:
// a sheet keeps its `<mergeCells>` for exceljs only when that costs next to nothing.
const EXCELJS_MERGES = 1000;
const EXCELJS_MERGED_CELLS = 20_000;

/** True when exceljs may read the merges as written: few, small, none reaching past the used range. */
function exceljsMergesCheap(written: CellRange[], clipped: CellRange[]): boolean {
  if (written.length > EXCELJS_MERGES || written.length !== clipped.length) return false;
  let cells = 0;
  for (let i = 0; i < written.length; i++) {
    const w = written[i];
    const c = clipped[i];
    if (w.bottom !== c.bottom || w.right !== c.right) return false;
    cells += area(w);
  }
  return cells <= EXCELJS_MERGED_CELLS;
}

interface ScannedSheet {
  path: string;
  label: string;
  merges: CellRange[];
  cut: [number, number][];
}

const utf8 = (b: Uint8Array) => new TextDecoder().decode(b);

/** Reads what exceljs would read and refuses (InputError) what is no .xlsx or passes a limit; returns the archive to hand to exceljs. */
export async function inspectXlsx(bytes: Uint8Array, name: string, limits: Limits): Promise<Inspected> {
  if (bytes.length > limits.fileBytes) throw tooLarge(`${name} 有 ${mbText(bytes.length)}，超过 ${mbText(limits.fileBytes)} 的上限。`);
  const container = containerOf(bytes);
  if (container === 'ole') throw oleRefusal(bytes, name);
  if (container === 'other') throw otherRefusal(name);
  let declared;
  try {
    declared = listEntries(bytes, limits.entries);
  } catch (e) {
    if (e instanceof TooManyEntries) throw tooLarge(`${name} 里的部件（工作表、图片等）超过${countText(limits.entries)}个的上限。`);
    throw damaged(name);
  }
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw damaged(name);
  }
  const files = Object.values(zip.files).filter((f) => !f.dir);
  const names = new Set(files.map((f) => f.name));
  const text = async (path: string, cap: number) => {
    const f = zip.file(path);
    return f ? utf8(await readEntry(f, cap).catch(() => new Uint8Array())) : null;
  };
  const refusal = zipRefusal(names, await text('mimetype', 1024), name);
  if (refusal) throw refusal;

  const partName = (path: string, sheetName: string | undefined) =>
    sheetName ? `工作表“${sheetName}”` : path === 'xl/sharedStrings.xml' ? '文字表（sharedStrings.xml）' : /\/media\//.test(path) ? `图片 ${path.slice(path.lastIndexOf('/') + 1)}` : `部件 ${path}`;
  // Unreadable or too large: no names (the loop below refuses a part past the cap).
  const sheetNames = sheetNamesByPart((await text('xl/workbook.xml', limits.partBytes)) ?? '', (await text('xl/_rels/workbook.xml.rels', limits.partBytes)) ?? '');
  for (const e of declared) {
    if (e.declaredSize > limits.partBytes) throw tooLarge(`${name} 中的${partName(e.name, sheetNames.get(e.name))}解压后有 ${mbText(e.declaredSize)}，超过 ${mbText(limits.partBytes)} 的上限。`);
  }

  let total = 0;
  const used = { rows: 0, cells: 0, merges: 0 };
  const scanned: ScannedSheet[] = [];
  const rows = new Map<string, number>();
  for (const f of files) {
    const label = partName(f.name, sheetNames.get(f.name));
    const isSheet = WORKSHEET_PART.test(f.name);
    const scanner = isSheet ? new SheetScanner({ rows: limits.rows - used.rows, cells: limits.cells - used.cells, merges: limits.merges - used.merges }) : null;
    const sheetOnly = `${name}：${label}`;
    try {
      const cap = Math.min(limits.partBytes, limits.totalBytes - total);
      total += await inflateEntry(f, cap, scanner ? (c) => scanner.write(c) : undefined);
      if (!scanner) continue;
      const s = scanner.end();
      used.rows += s.lastRow;
      rows.set(f.name, s.lastRow);
      used.cells += s.cells;
      used.merges += s.merges.length;
      const merges = clipMerges(s.merges, s.used);
      if (merges.reduce((n, m) => n + area(m), 0) > limits.cells) {
        throw tooLarge(`${sheetOnly}的合并单元格互相重叠，合计覆盖超过${countText(limits.cells)}个单元格（文件可能已损坏）。`);
      }
      // A sheet we cannot name gets no merges from us, so exceljs must not apply any either.
      const keep = sheetNames.has(f.name) && exceljsMergesCheap(s.merges, merges);
      scanned.push({ path: f.name, label, merges, cut: keep ? [] : s.mergeElements });
    } catch (e) {
      if (e instanceof InputError) throw e;
      if (e instanceof EntryTooLarge) {
        if (limits.totalBytes - total < limits.partBytes) throw tooLarge(`${name} 解压后超过 ${mbText(limits.totalBytes)} 的上限（到${label}为止）。`);
        throw tooLarge(`${name} 中的${label}解压后超过 ${mbText(limits.partBytes)} 的上限。`);
      }
      if (e instanceof ScanLimitPassed) throw limitRefusal(e, sheetOnly, limits);
      // ScanFailed (not well-formed XML, not UTF-8) or a broken deflate stream.
      throw damaged(name);
    }
  }

  const sheets = new Map<string, CellRange[]>();
  let changed = false;
  for (const s of scanned) {
    const sheetName = sheetNames.get(s.path);
    if (sheetName !== undefined) sheets.set(sheetName, s.merges);
    if (!s.cut.length) continue;
    const file = zip.file(s.path)!;
    zip.file(s.path, cutRanges(await readEntry(file, limits.partBytes), s.cut), { binary: true, compression: 'STORE' });
    changed = true;
  }
  const xlsx = changed ? await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 1 } }) : bytes;
  return { xlsx, merges: sheets, rows };
}

function limitRefusal(e: ScanLimitPassed, sheet: string, limits: Limits): InputError {
  switch (e.limit) {
    case 'rows':
      return tooLarge(
        e.value > limits.rows ? `${sheet}超过${countText(limits.rows)}行的上限（行数算到最后一行）。` : `${sheet}：各工作表合计超过${countText(limits.rows)}行的上限。`,
      );
    case 'cells':
      return tooLarge(
        e.value > limits.cells
          ? `${sheet}的单元格超过${countText(limits.cells)}个的上限（每行算到最右边一个单元格）。`
          : `${sheet}：各工作表的单元格合计超过${countText(limits.cells)}个的上限（每行算到最右边一个单元格）。`,
      );
    case 'merges':
      return new InputError(
        `${sheet}的合并单元格超过${countText(limits.merges)}个的上限。请取消不需要的合并（开始→合并后居中→取消单元格合并），或把台账按年度分成几个文件后分别检查`,
        'too-large',
      );
  }
}

