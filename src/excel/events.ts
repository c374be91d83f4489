/*
 * Change events → the session's HostChange. Registered on the worksheet collection in one
 * batch. What Excel reports, and what is done with it:
 * - `RangeEdited` with the edited `address` (its `details` exist only for one-cell edits,
 *   https://learn.microsoft.com/javascript/api/excel/excel.worksheetchangedeventargs, so they are not
 *   used); merging or unmerging cells arrives the same way, as a plain edit of the range;
 * - rows or cells inserted or deleted, and sorting (ExcelApi 1.10): positions moved;
 * - the add-in's own writes: `triggerSource === 'ThisLocalAddin'` (ExcelApi 1.14) is dropped here;
 *   writes run with events off anyway, and the session drops edits of cells it just wrote;
 * - a co-author's change (`source === 'Remote'`, ExcelApi 1.7: "the source of the event. It can be
 *   local or remote (through co-authoring)"): passed on as `remote`, so the session re-checks it but
 *   never writes for it — every open client would otherwise rewrite the same marks.
 */
import { parseAddress } from '../ledger/cell';
import type { HostChange } from '../session/driver';
import { excelApiSupported } from './office';

export type Handlers = OfficeExtension.EventHandlerResult<unknown>[];

/** Queues the handlers on `ctx` (the caller syncs). */
export function addHandlers(ctx: Excel.RequestContext, sink: (c: HostChange) => void): Handlers {
  const ws = ctx.workbook.worksheets;
  const onChanged = async (e: Excel.WorksheetChangedEventArgs): Promise<void> => {
    if ((e.triggerSource as string | undefined) === 'ThisLocalAddin') return;
    const range = parseAddress(e.address ?? '');
    const remote = (e.source as string | undefined) === 'Remote';
    if (e.changeType === 'RangeEdited') sink({ kind: 'edit', sheetId: e.worksheetId, range, remote });
    else sink({ kind: 'structure', sheetId: e.worksheetId, remote });
  };
  const hs: Handlers = [
    ws.onChanged.add(onChanged),
    ws.onActivated.add(async (e) => sink({ kind: 'activated', sheetId: e.worksheetId })),
    ws.onAdded.add(async (e) => sink({ kind: 'added', sheetId: e.worksheetId, remote: (e.source as string | undefined) === 'Remote' })),
    ws.onDeleted.add(async (e) => sink({ kind: 'deleted', sheetId: e.worksheetId, remote: (e.source as string | undefined) === 'Remote' })),
  ];
  if (excelApiSupported('1.10')) {
    const sorted = async (e: { worksheetId: string }) => sink({ kind: 'structure', sheetId: e.worksheetId });
    hs.push(ws.onRowSorted.add(sorted), ws.onColumnSorted.add(sorted));
  }
  return hs;
}
