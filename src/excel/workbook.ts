/* Reads the open workbook into SheetGrids with two context.sync() calls. */
import { SheetGrid } from '../ledger/cell';
import { excelApiSupported } from './office';
import { gridFromRange, mergesFromAddress } from './grid';

export interface WorkbookData {
  grids: SheetGrid[];
  /** The workbook uses the 1904 date system. */
  date1904: boolean;
  /** Merged areas were read (ExcelApi 1.13, and at most 512 per sheet). */
  mergesRead: boolean;
}

/** Merged areas need ExcelApi 1.13 (Excel 2021, Microsoft 365, web); older hosts read without them. */
const MERGES_API = '1.13';

export async function readWorkbook(): Promise<WorkbookData> {
  if (excelApiSupported(MERGES_API)) {
    try {
      return await read(true);
    } catch {
      // getMergedAreasOrNullObject fails on a sheet with more than 512 merged areas.
    }
  }
  return read(false);
}

function read(withMerges: boolean): Promise<WorkbookData> {
  return Excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name');
    // DATE(1904,1,1) is 1462 in the 1900 system and 0 in the 1904 system (ExcelApi 1.2).
    const probe = context.workbook.functions.date(1904, 1, 1);
    probe.load('value');
    await context.sync();

    const parts = sheets.items.map((ws) => {
      const used = ws.getUsedRangeOrNullObject(true);
      used.load('rowIndex,columnIndex,values,valueTypes');
      const merged = withMerges ? ws.getRange().getMergedAreasOrNullObject() : null;
      if (merged) merged.load('address');
      return { name: ws.name, used, merged };
    });
    await context.sync();

    const grids = parts.map(({ name, used, merged }) =>
      gridFromRange(
        name,
        used.isNullObject ? null : { rowIndex: used.rowIndex, columnIndex: used.columnIndex, values: used.values, valueTypes: used.valueTypes },
        merged && !merged.isNullObject ? mergesFromAddress(merged.address) : [],
      ),
    );
    return { grids, date1904: probe.value === 0, mergesRead: withMerges };
  });
}
