/*
 * The offline page's copy with 报送月份 is rewritten by exceljs, which reads the workbook again:
 * where its cells differ from the reader's, the copy would change the clerk's data, so it is not
 * made and the page names the cells. Where they agree, the copy is made as before.
 */
import * as fs from 'fs';
import * as path from 'path';
import { workbookCopy } from '../../src/offline/copy';
import { openWorkbookFile } from '../../src/offline/read';
import { readXlsx } from '../../src/input/workbook';
import { craftXlsx, esc, inlRow } from '../input/craft';
import { HEADER, TITLE, record } from '../helpers/hostile-files';

const SAMPLE = path.join(__dirname, '../../../shared/fixtures/sample-2023-10.xlsx');

test('the sample workbook: exceljs reads what the reader reads, and the copy is made', async () => {
  const file = await openWorkbookFile('台账.xlsx', new Uint8Array(fs.readFileSync(SAMPLE)));
  const copy = await workbookCopy(file);
  const back = await readXlsx(copy.bytes, copy.name);
  expect(back.sheets.map((s) => s.rows.slice(0, 12))).toEqual(file.sheets.map((s) => s.grid.rows.slice(0, 12)));
});

test.each([
  ['phonetic runs (exceljs loses rows)', (r: number, v: string) => `<c r="D${r}" t="inlineStr"><is><r><t>${esc(v)}</t></r><rPh sb="0" eb="1"><t>li</t></rPh><phoneticPr fontId="1"/></is></c>`, /副本会改动您的数据/],
  ['an ISO date (exceljs reads 1905)', (r: number) => `<c r="D${r}" t="d"><v>2023-10-09T00:00:00</v></c>`, /检查时读到“2023-10-09”，副本中会变成“2023”/],
])('%s: no copy, and the page says which cells', async (_name, cell, message) => {
  const rows = inlRow(1, [TITLE]) + inlRow(2, HEADER) + [3, 4, 5].map((r) => inlRow(r, record(r - 2)).replace(/<c r="D\d+"[^]*?<\/c>/, cell(r, `李某${r}`))).join('');
  const file = await openWorkbookFile('台账.xlsx', craftXlsx({ sheets: [{ name: '处罚台账', rows }] }));
  await expect(workbookCopy(file)).rejects.toThrow(message);
  await expect(workbookCopy(file)).rejects.toThrow(/工作表“处罚台账”的 D3/);
});
