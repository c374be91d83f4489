/*
 * A workbook a real program writes: LibreOffice converts a hand-written flat OpenDocument sheet
 * to .xlsx (its own shared strings, styles, date formats, merges, cached formula results and a
 * hidden sheet), and the reader gives what LibreOffice shows. Skips, saying so, without soffice.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readWorkbook } from '../../src/cli/xlsx';
import { checkWorkbook } from '../../src/validation/workbook';
import { ledgerIssues } from '../../src/validation/check';
import { HEADER, TITLE } from '../helpers/hostile-files';

const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => fs.existsSync(p));
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

type Cell = string | number | { date: string } | { formula: string; value: number } | null;

function cell(v: Cell): string {
  if (v === null) return '<table:table-cell/>';
  if (typeof v === 'number') return `<table:table-cell office:value-type="float" office:value="${v}"><text:p>${v}</text:p></table:table-cell>`;
  if (typeof v === 'string') return `<table:table-cell office:value-type="string"><text:p>${esc(v)}</text:p></table:table-cell>`;
  if ('date' in v) return `<table:table-cell table:style-name="ce1" office:value-type="date" office:date-value="${v.date}"><text:p>${v.date}</text:p></table:table-cell>`;
  return `<table:table-cell table:formula="of:=${esc(v.formula)}" office:value-type="float" office:value="${v.value}"><text:p>${v.value}</text:p></table:table-cell>`;
}

const row = (cells: Cell[]) => `<table:table-row>${cells.map(cell).join('')}</table:table-row>`;
/** One merged cell across the 11 columns. */
const banner = (text: string) =>
  `<table:table-row><table:table-cell table:number-columns-spanned="11" table:number-rows-spanned="1" office:value-type="string"><text:p>${esc(text)}</text:p></table:table-cell><table:covered-table-cell table:number-columns-repeated="10"/></table:table-row>`;

const rec = (n: number, seq: Cell, date: string): Cell[] => [seq, `天综执罚决〔2023〕${n}号`, '占道经营案', `李某${n}`, '占道经营', { date }, '警告', '《城市市容和环境卫生管理条例》第三十六条', '王明、李强', null, null];

function fods(): string {
  const table = (name: string, style: string, rows: string) => `<table:table table:name="${name}" table:style-name="${style}"><table:table-column table:number-columns-repeated="11"/>${rows}</table:table>`;
  const visible =
    banner(TITLE) +
    row(HEADER) +
    row(rec(1, { formula: 'ROW()-2', value: 1 }, '2023-10-09')) +
    row(rec(2, { formula: 'ROW()-2', value: 2 }, '2023-10-20')) +
    banner('2023年11月') +
    row(rec(3, 3, '2023-11-02')) +
    row([null, null, null, null, '（续）当事人经责令改正后拒不改正', null, null, null, null, null, null]) +
    row(['合计', '共3件', null, null, null, null, null, null, null, null, null]) +
    banner('填表说明：结案时间写到日');
  const hidden = banner('天宁镇综合行政执法队2022年行政处罚案件台账') + row(HEADER) + row(rec(9, 1, '2022-10-09'));
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:automatic-styles>
<number:date-style style:name="N1"><number:year number:style="long"/><number:text>年</number:text><number:month/><number:text>月</number:text><number:day/><number:text>日</number:text></number:date-style>
<style:style style:name="ce1" style:family="table-cell" style:data-style-name="N1"/>
<style:style style:name="ta1" style:family="table"><style:table-properties table:display="true"/></style:style>
<style:style style:name="ta2" style:family="table"><style:table-properties table:display="false"/></style:style>
</office:automatic-styles>
<office:body><office:spreadsheet>${table('处罚台账', 'ta1', visible)}${table('2022年处罚', 'ta2', hidden)}</office:spreadsheet></office:body></office:document>`;
}

const maybe = SOFFICE ? describe : describe.skip;
if (!SOFFICE) console.warn('LibreOffice (soffice) is not installed: the LibreOffice-written workbook is not tried (.ci/run installs it).');

maybe('a workbook LibreOffice wrote', () => {
  let dir: string;
  let file: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tz-lo-'));
    fs.writeFileSync(path.join(dir, 'ledger.fods'), fods());
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'tz-lo-profile-'));
    const r = spawnSync(SOFFICE!, [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'xlsx', '--outdir', dir, path.join(dir, 'ledger.fods')], { encoding: 'utf8', timeout: 120_000 });
    fs.rmSync(profile, { recursive: true, force: true });
    file = path.join(dir, 'ledger.xlsx');
    if (!fs.existsSync(file)) throw new Error(`soffice wrote no .xlsx: ${r.stderr || r.stdout}`);
  }, 150_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('cells, merges and the hidden sheet as LibreOffice shows them; every case read across the divider, total and note', async () => {
    const wb = await readWorkbook(file);
    expect(wb.sheets.map((s) => [s.name, !!s.hidden])).toEqual([
      ['处罚台账', false],
      ['2022年处罚', true],
    ]);
    const g = wb.sheets[0];
    expect(g.rows[2][0]).toBe(1);
    expect(g.rows[2][5]).toEqual(new Date(Date.UTC(2023, 9, 9)));
    expect(g.merges).toEqual(expect.arrayContaining([{ top: 5, left: 1, bottom: 5, right: 11 }]));
    const check = checkWorkbook(wb.sheets, { today: '2023-12-05', date1904: wb.date1904 });
    const [visible, hidden] = check.ledgers;
    expect(visible.records.map((r) => [r.row, r.reportMonth])).toEqual([
      [3, '2023-10'],
      [4, '2023-10'],
      [6, '2023-11'],
    ]);
    expect(visible.records[2].display.facts).toBe('占道经营（续）当事人经责令改正后拒不改正');
    expect(ledgerIssues(visible)).toEqual([]);
    expect([hidden.layout.hidden, hidden.records.map((r) => r.reportMonth)]).toEqual([true, ['2022-10']]);
  });
});
