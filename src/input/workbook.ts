/*
 * The one reader of .xlsx files (the CLI's check and submit, the offline page, the county
 * roll-up): `openArchive` refuses what is no .xlsx or declares a part past a cap; then the
 * workbook part, its relationships, styles and shared strings, and each worksheet in one
 * streaming saxes pass (sheet-read.ts) that both counts against the limits and gives every cell
 * its value. What is counted is what is read. exceljs is not used to read.
 */
import { CellRange, SheetGrid } from '../ledger/cell';
import { ValueContext } from './cell-value';
import { toGrid, area, clipMerges } from './grid';
import { Archive, damaged, openArchive, tooLarge } from './inspect';
import { InputError, LIMITS, Limits, countText } from './limits';
import { ScanLimitPassed, SheetRead, SheetReader } from './sheet-read';
import { SheetPart, WorkbookParts, readWorkbookParts, relsPathOf, workbookPath } from './sheets';
import { sharedStringsReader } from './strings';
import { dateStyles } from './styles';
import { XmlStream } from './xml';

export interface WorkbookData {
  sheets: SheetGrid[];
  date1904: boolean;
  /**
   * Some sheet has merges exceljs would pay dearly for (more than a few, or reaching past the
   * cells with values): a copy rewritten with exceljs (the offline page's) is then not made.
   */
  costlyMerges?: boolean;
}

// exceljs creates a cell for every merged cell and compares each merge with every other one.
const EXCELJS_MERGES = 1000;
const EXCELJS_MERGED_CELLS = 20_000;

function exceljsMergesCheap(written: CellRange[], clipped: CellRange[]): boolean {
  if (written.length > EXCELJS_MERGES || written.length !== clipped.length) return false;
  let cells = 0;
  for (let i = 0; i < written.length; i++) {
    if (written[i].bottom !== clipped[i].bottom || written[i].right !== clipped[i].right) return false;
    cells += area(written[i]);
  }
  return cells <= EXCELJS_MERGED_CELLS;
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

/** Runs `body`; what is not an `InputError` (XML not well formed, a broken deflate stream) means the file is damaged. */
async function orDamaged<T>(name: string, body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw damaged(name);
  }
}

async function readParts(a: Archive): Promise<WorkbookParts> {
  const path = workbookPath(await a.text('_rels/.rels'));
  const xml = await a.text(path);
  if (xml === null) throw damaged(a.name);
  const parts = readWorkbookParts(path, xml, await a.text(relsPathOf(path)));
  // Without a relationship, the usual place (as exceljs read it).
  const beside = (file: string) => (a.has(`${path.slice(0, path.lastIndexOf('/') + 1)}${file}`) ? `${path.slice(0, path.lastIndexOf('/') + 1)}${file}` : null);
  return { ...parts, sharedStrings: parts.sharedStrings ?? beside('sharedStrings.xml'), styles: parts.styles ?? beside('styles.xml') };
}

async function streamPart(a: Archive, path: string, xml: XmlStream): Promise<void> {
  await a.inflate(path, (c) => xml.write(c));
  xml.end();
}

/**
 * Reading progress in rows (the offline page's 读取 n/N 行): the rows passed so far, and the
 * rows all worksheets will have, estimated from the share of their declared bytes inflated so
 * far (exact once the last sheet is read).
 */
export type ReadProgress = (done: number, total: number) => void;

/**
 * An .xlsx's worksheets as grids, or an `InputError` (one Chinese line: what the file is, or
 * which limit it passes and what to do) for anything else.
 */
export async function readXlsx(bytes: Uint8Array, name: string, limits: Limits = LIMITS, progress?: ReadProgress): Promise<WorkbookData> {
  const a = await openArchive(bytes, name, limits);
  const parts = await orDamaged(name, () => readParts(a));
  const sheetAt = new Map<string, SheetPart>();
  for (const s of parts.sheets) {
    if (!a.has(s.path) || sheetAt.has(s.path)) continue;
    sheetAt.set(s.path, s);
    a.setLabel(s.path, `工作表“${s.name}”`);
  }
  a.checkDeclared();

  const ctx: ValueContext = { sharedStrings: [], dateStyles: [], date1904: parts.date1904 };
  const done = new Set<string>(['_rels/.rels', parts.workbookPath, relsPathOf(parts.workbookPath)]);
  await orDamaged(name, async () => {
    if (parts.styles) ctx.dateStyles = dateStyles(await a.bytes(parts.styles));
    if (parts.sharedStrings && a.has(parts.sharedStrings)) await streamPart(a, parts.sharedStrings, new XmlStream(sharedStringsReader(ctx.sharedStrings)));
  });
  for (const p of [parts.styles, parts.sharedStrings]) if (p) done.add(p);

  const used = { rows: 0, cells: 0, merges: 0 };
  const read = new Map<string, { s: SheetRead; merges: CellRange[] }>();
  const sheetBytes = [...sheetAt.keys()].reduce((n, p) => n + a.declaredSize(p), 0);
  let bytesDone = 0;
  const report = (rows: number) => progress?.(rows, bytesDone >= sheetBytes || !bytesDone ? rows : Math.max(rows, Math.round((rows * sheetBytes) / bytesDone)));
  progress?.(0, 0);
  let costly = false;
  for (const path of a.paths()) {
    if (done.has(path)) continue;
    const sheet = sheetAt.get(path);
    if (!sheet) {
      // Counted against the caps (a copy rewritten with exceljs inflates every part), not kept.
      await orDamaged(name, () => a.inflate(path));
      continue;
    }
    const label = `${name}：${a.label(path)}`;
    const reader = new SheetReader(ctx, { rows: limits.rows - used.rows, cells: limits.cells - used.cells, merges: limits.merges - used.merges });
    const s = await orDamaged(name, async () => {
      try {
        await a.inflate(path, (c) => {
          reader.write(c);
          if (progress) {
            bytesDone += c.length;
            report(used.rows + reader.rowReached);
          }
        });
        return reader.end();
      } catch (e) {
        if (e instanceof ScanLimitPassed) throw limitRefusal(e, label, limits);
        throw e;
      }
    });
    used.rows += s.lastRow;
    used.cells += s.cells;
    used.merges += s.merges.length;
    const merges = clipMerges(s.merges, s.used);
    if (merges.reduce((n, m) => n + area(m), 0) > limits.cells) {
      throw tooLarge(`${label}的合并单元格互相重叠，合计覆盖超过${countText(limits.cells)}个单元格（文件可能已损坏）。`);
    }
    costly ||= !exceljsMergesCheap(s.merges, merges);
    read.set(path, { s, merges });
  }

  if (progress) {
    bytesDone = sheetBytes;
    report(used.rows);
  }
  const sheets: SheetGrid[] = [];
  for (const p of sheetAt.values()) {
    const r = read.get(p.path);
    if (r) sheets.push(toGrid(p.name, r.s.rows, r.merges, p.hidden));
  }
  return { sheets, date1904: parts.date1904, costlyMerges: costly };
}
