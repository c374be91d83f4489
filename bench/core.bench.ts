/* The ledger core against the reader (src/input): load vs check time for 10,000-row ledgers, and memory to 100,000 rows. */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readWorkbook } from '../src/cli/xlsx';
import { CellValue, SheetGrid } from '../src/ledger/cell';
import { Kind, officialColumns } from '../src/ledger/columns';
import { templateSheet } from '../src/ledger/template';
import { WorkbookChecker, checkWorkbook } from '../src/validation/workbook';

const TODAY = '2023-11-05';
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';
const GIVEN = '明强伟芳娜敏静丽军磊洋勇艳杰涛超';

function person(i: number): string {
  return SURNAMES[i % SURNAMES.length] + GIVEN[(i * 7) % GIVEN.length] + (i % 3 ? GIVEN[(i * 3) % GIVEN.length] : '');
}

function date(i: number): CellValue {
  const d = new Date(Date.UTC(2023, 0, 1) + (i % 300) * 86_400_000);
  // A realistic mix: Excel dates, Chinese text, dotted text, serials.
  switch (i % 4) {
    case 0:
      return d;
    case 1:
      return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
    case 2:
      return `${d.getUTCFullYear()}.${d.getUTCMonth() + 1}.${d.getUTCDate()}`;
    default:
      return Math.round(d.getTime() / 86_400_000) + 25569;
  }
}

/**
 * A row of realistic values. `bad` decides how often a row carries one of the clerks' typical
 * mistakes (wrong date, one officer, placeholder, no article, …): 20 → every 20th row, 1 → every row.
 */
export function benchRow(kind: Kind, i: number, bad = 20): Record<string, CellValue> {
  const m = bad === 1 ? i % 6 : i % bad === 3 ? ((i / bad) % 6) | 0 : -1;
  const officers = m === 0 ? person(i) : `${person(i)}、${person(i + 1)}`;
  if (kind === 'penalty') {
    return {
      seq: i + 1,
      decisionNo: `天综执罚决〔2023〕${i + 1}号`,
      cause: ['占道经营案', '违法倾倒建筑垃圾案', '未按规定公示营业执照案', '销售过期食品案'][i % 4],
      party: `交城县某${['食品', '建筑', '商贸', '餐饮'][i % 4]}有限公司${i}`,
      facts: '当事人在天宁街占道摆摊经营，经责令改正拒不改正',
      closedOn: m === 1 ? '2023年2月30日' : date(i),
      outcome: m === 2 ? '罚款XX元' : ['警告', '警告，并处罚款5000元', '罚款200元', '没收违法所得300元，并处罚款5000元'][i % 4],
      basis: m === 3 ? '食品安全法' : '《中华人民共和国食品安全法》第一百二十四条第一款',
      officers,
      receiptNo: i % 4 && m !== 4 ? `晋非税2023-${String(i).padStart(7, '0')}` : '',
      remarks: '',
    };
  }
  if (kind === 'inspection') {
    const hazards = i % 3;
    const pending = hazards && m === 5;
    return {
      seq: i + 1,
      docNo: `天综执检〔2023〕${i + 1}号`,
      inspectedOn: date(i),
      inspectors: officers,
      party: `某小吃店${i}`,
      method: '现场检查',
      hazardCount: m === 1 ? '1处' : hazards,
      hazards: hazards ? '灭火器过期；安全出口堵塞' : '',
      measures: hazards ? ['按照规定在2个工作日内整改完毕', '5日内整改', '立即整改'][i % 3] : '',
      rectifyOwner: hazards && m !== 2 ? person(i + 2) : '',
      rectifyDone: hazards && !pending && m !== 3 ? '√' : '',
      rectifyOpen: hazards && m === 3 ? '√' : '',
      recheckOn: hazards && !pending ? date(i + (m === 4 ? 12 : 1)) : '',
      rechecker: hazards && !pending ? `${person(i)}、${person(i + 1)}` : '',
      remarks: '',
    };
  }
  return {
    seq: i + 1,
    decisionNo: `天综执强〔2023〕${i + 1}号`,
    cause: '涉嫌无证经营案',
    party: `某废品收购站${i}`,
    category: m === 1 ? '罚款' : '行政强制措施',
    measure: ['扣押财物', '查封场所'][i % 2],
    startedOn: date(i),
    term: '30日',
    closedOn: i % 5 ? date(i + 20) : '',
    result: i % 5 ? '解除扣押，退还物品' : '',
    basis: '《无证无照经营查处办法》第十一条',
    officers,
    remarks: '',
  };
}

/** An in-memory ledger grid of n rows in the official layout. */
export function benchGrid(kind: Kind, n: number, bad = 20): SheetGrid {
  const t = templateSheet(kind, '天宁镇综合行政执法队');
  const cols = officialColumns(kind);
  const rows: CellValue[][] = [[t.title], ...t.headerRows.map((r) => [...r])];
  for (let i = 0; i < n; i++) {
    const r = benchRow(kind, i, bad);
    rows.push(cols.map((c) => r[c.key] ?? null));
  }
  return { name: t.name, top: 1, left: 1, rows, merges: t.merges.filter((m) => m.top < t.firstDataRow) };
}

async function writeXlsx(file: string, grids: SheetGrid[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const g of grids) {
    const ws = wb.addWorksheet(g.name);
    for (const r of g.rows) ws.addRow(r.map((v) => (v === undefined ? null : v)));
    for (const m of g.merges) ws.mergeCells(m.top, m.left, m.bottom, m.right);
  }
  await wb.xlsx.writeFile(file);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time<T>(f: () => T): [T, number] {
  const t = process.hrtime.bigint();
  const r = f();
  return [r, Number(process.hrtime.bigint() - t) / 1e6];
}

const gc = (globalThis as { gc?: () => void }).gc;
const mb = (b: number) => `${(b / 1048576).toFixed(1)} MB`;

/** One cell edited in one of twelve monthly 1,000-row penalty sheets: re-check and every sheet's result. */
function editBench(): void {
  const checker = new WorkbookChecker({ today: TODAY });
  const sheets = Array.from({ length: 12 }, (_, m) => {
    const g = benchGrid('penalty', 1000);
    g.name = `${m + 1}月`;
    // Numbers per month, so that a number can repeat one of an earlier month's.
    for (const r of g.rows.slice(2)) if (typeof r[1] === 'string') r[1] = r[1].replace('〔2023〕', `〔2023〕${m + 1}-`);
    checker.setSheet(g.name, g, m);
    return g;
  });
  for (const g of sheets) checker.ledger(g.name);
  const times: number[] = [];
  for (let k = 0; k < 50; k++) {
    const g = sheets[k % 6];
    const row = g.rows[10];
    row[1] = k % 2 ? '天综执罚决〔2023〕12-5号' : `天综执罚决〔2023〕${(k % 6) + 1}-9号`; // a number of December's, then its own again
    const t = process.hrtime.bigint();
    checker.updateRows(g.name, [11]);
    for (const s of sheets) checker.ledger(s.name);
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  console.log(`one-cell edit among twelve 1,000-row sheets, re-check and all results (median of 50): ${median(times).toFixed(2)} ms`);
}

export async function run(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'taizhang-bench-'));
  try {
    const file = path.join(dir, 'ledgers-10k.xlsx');
    await writeXlsx(file, [benchGrid('penalty', 10_000), benchGrid('inspection', 10_000)]);
    console.log(`workbook: 10,000-row penalty + 10,000-row inspection ledger, ${mb(fs.statSync(file).size)} .xlsx`);

    const loads: number[] = [];
    const checks: number[] = [];
    let issues = 0;
    for (let k = 0; k < 5; k++) {
      const t = process.hrtime.bigint();
      const data = await readWorkbook(file);
      loads.push(Number(process.hrtime.bigint() - t) / 1e6);
      gc?.(); // the reader's garbage is its own cost, not the check's
      const [res, ms] = time(() => checkWorkbook(data.sheets, { today: TODAY, date1904: data.date1904 }));
      checks.push(ms);
      issues = res.ledgers.reduce((n, l) => n + l.records.reduce((m, r) => m + r.issues.length, 0), 0);
    }
    const load = median(loads);
    const check = median(checks);
    console.log(`reader load, src/input (median of 5): ${load.toFixed(0)} ms`);
    console.log(`core check   (median of 5): ${check.toFixed(1)} ms  (${issues} issues, ${((check * 1000) / 20_000).toFixed(1)} µs/row)`);
    console.log(`check / load: ${((100 * check) / load).toFixed(2)} %  (goal < 5 %)`);
    const worst = [benchGrid('penalty', 10_000, 1), benchGrid('inspection', 10_000, 1)];
    const worstTimes: number[] = [];
    for (let k = 0; k < 5; k++) {
      gc?.();
      worstTimes.push(time(() => checkWorkbook(worst, { today: TODAY }))[1]);
    }
    console.log(`worst case, a mistake on every row: ${median(worstTimes).toFixed(1)} ms (${((100 * median(worstTimes)) / load).toFixed(2)} % of the load)`);
    editBench();

    console.log(gc ? 'memory (heap in use after checking, grid and results retained):' : 'memory (run with node --expose-gc for steadier numbers):');
    for (const n of [10_000, 50_000, 100_000]) {
      gc?.();
      const before = process.memoryUsage().heapUsed;
      let peak = before;
      const grids = [benchGrid('penalty', n / 2), benchGrid('inspection', n / 2)];
      peak = Math.max(peak, process.memoryUsage().heapUsed);
      const res = checkWorkbook(grids, { today: TODAY });
      peak = Math.max(peak, process.memoryUsage().heapUsed);
      gc?.();
      const retained = process.memoryUsage().heapUsed - before;
      console.log(`  ${n.toLocaleString('en')} rows: +${mb(retained)} retained, peak seen ${mb(peak - before)} above start, ${((retained / n) | 0).toLocaleString('en')} B/row (${res.ledgers.length} ledgers)`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
