/* The monthly package (Word file + e-mail draft) for 1,000 rows per ledger, against exceljs writing the same rows as .xlsx. */
import ExcelJS from 'exceljs';
import { KINDS, LEDGERS, officialColumns } from '../src/ledger/columns';
import { periodSchema } from '../src/ledger/options';
import { prepareSubmission } from '../src/submission';
import { checkWorkbook } from '../src/validation/workbook';
import { benchGrid } from './core.bench';

const ROWS = 1000;
const TODAY = '2023-11-05';
const PERIOD = periodSchema.parse('2023-01..2023-12');
const OPTIONS = { period: PERIOD, team: '天宁镇综合行政执法队', contact: { name: '张三', title: '综合执法队队员', phone: '13812345678' }, today: TODAY, allowErrors: true };

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function time(f: () => Promise<unknown>, runs = 5): Promise<number> {
  await f(); // warm-up
  const ms: number[] = [];
  for (let k = 0; k < runs; k++) {
    const t = process.hrtime.bigint();
    await f();
    ms.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return median(ms);
}

const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;

export async function run(): Promise<void> {
  // Enough generated rows that each ledger has 1,000 rows in the period (pending and undated ones are not), then exactly 1,000.
  const check = checkWorkbook(KINDS.map((k) => benchGrid(k, Math.ceil(ROWS * 1.5))), { today: TODAY });
  for (const l of check.ledgers) l.records = l.records.filter((r) => r.reportMonth && PERIOD.months.includes(r.reportMonth)).slice(0, ROWS);
  const counts = check.ledgers.map((l) => `${LEDGERS[l.layout.kind].name} ${l.records.length}`).join('，');

  let pkg: Awaited<ReturnType<typeof prepareSubmission>> | undefined;
  const submit = await time(async () => {
    pkg = await prepareSubmission(check, { ...OPTIONS, now: new Date(Date.UTC(2023, 10, 5)) });
  });
  if (!pkg || pkg.refused) throw new Error('package refused');

  const xlsx = async () => {
    const wb = new ExcelJS.Workbook();
    for (const l of check.ledgers) {
      const cols = officialColumns(l.layout.kind);
      const ws = wb.addWorksheet(LEDGERS[l.layout.kind].sheetName);
      ws.addRow(cols.map((c) => c.header));
      for (const r of l.records) ws.addRow(cols.map((c) => r.display[c.key] ?? ''));
    }
    return wb.xlsx.writeBuffer();
  };
  const excel = await time(xlsx);
  const xlsxSize = (await xlsx()).byteLength;

  console.log(`rows in the period: ${counts}`);
  console.log(`package (Word file + e-mail draft, median of 5): ${submit.toFixed(0)} ms  (.docx ${kb(pkg.docx.byteLength)}, .eml ${kb(pkg.eml.length)})`);
  console.log(`exceljs writing the same rows as .xlsx (median of 5): ${excel.toFixed(0)} ms  (${kb(xlsxSize)})`);
  console.log(`package / exceljs: ${(submit / excel).toFixed(2)}  (goal ≤ 1)`);
}
