/* Cost of the TZ.* custom functions per call, through the wrappers Excel calls. */
import { CellValue } from '../src/ledger/cell';
import { officialColumns } from '../src/ledger/columns';
import { serialFromIso } from '../src/ledger/dates';
import { templateSheet } from '../src/ledger/template';

class CfError {
  constructor(
    public code: string,
    public message?: string,
  ) {}
}

function installRuntime(): void {
  (globalThis as Record<string, unknown>).CustomFunctions ??= {
    Error: CfError,
    ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A' },
    associate: () => undefined,
  };
}

/** Mixed REPORT_MONTH arguments as a real ledger column gives them. */
function reportMonthInputs(n: number): unknown[][] {
  const base = serialFromIso('2023-01-01');
  const texts = ['2023年8月11日', '2023-8-11', '2023/8/11', '2023.8.11', '20230811', '２０２３年８月１１日', '二〇二三年八月十一日', '2023年8月11日下午'];
  const bad = ['2023年2月30日', 'XX年XX月XX月', '2023年8月', '8月11日'];
  const out: unknown[][] = [];
  for (let i = 0; i < n; i++) {
    const serial = base + (i % 700);
    switch (i % 10) {
      case 0:
      case 1:
      case 2:
        out.push([serial]); // penalty / coercion: closing date
        break;
      case 3:
      case 4:
        out.push([texts[i % texts.length]]);
        break;
      case 5:
        out.push([serial, 0]);
        break;
      case 6:
        out.push([serial, 2, serial + 5]);
        break;
      case 7:
        out.push([serial, '1处', null]); // 待复检
        break;
      case 8:
        out.push([null]);
        break;
      default:
        out.push([bad[i % bad.length]]); // #VALUE!
    }
  }
  return out;
}

function time(label: string, calls: number, fn: () => void): void {
  fn(); // warm-up pass
  const t0 = process.hrtime.bigint();
  fn();
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  console.log(`${label.padEnd(34)} ${String(calls).padStart(7)} calls  ${ms.toFixed(1).padStart(8)} ms  ${((ms * 1000) / calls).toFixed(2).padStart(7)} µs/call`);
}

export async function run(): Promise<void> {
  installRuntime();
  const f = await import('../src/functions/functions');

  const N = 100_000;
  const inputs = reportMonthInputs(N);
  let errors = 0;
  let pending = 0;
  time('TZ.REPORT_MONTH (mixed inputs)', N, () => {
    errors = 0;
    pending = 0;
    for (const args of inputs) {
      try {
        const r = (f.reportMonthFn as (...a: unknown[]) => string)(...args);
        if (r === '待复检') pending++;
      } catch {
        errors++;
      }
    }
  });
  console.log(`  (${errors} × #VALUE!, ${pending} × 待复检)`);

  const start = serialFromIso('2023-09-01');
  time('TZ.WORKDAY_CN (1–20 days)', N, () => {
    for (let i = 0; i < N; i++) f.workdayCnFn(start + (i % 365), 1 + (i % 20));
  });
  time('TZ.IS_WORKDAY_CN', N, () => {
    for (let i = 0; i < N; i++) f.isWorkdayCnFn(start + (i % 365));
  });
  time('TZ.PUBLICITY_DUE (7/20 days)', N, () => {
    for (let i = 0; i < N; i++) f.publicityDueFn(start + (i % 365), i % 2 ? '处罚' : '检查');
  });

  const header = templateSheet('inspection', '天宁镇综合行政执法队').headerRows;
  const cols = officialColumns('inspection');
  const row: Record<string, CellValue> = {
    seq: 1, docNo: '天综执检〔2023〕40号', inspectedOn: serialFromIso('2023-10-16'), inspectors: '张三、李四', party: '某小吃店',
    method: '现场检查', hazardCount: 1, hazards: '灭火器过期', measures: '5日内整改', rectifyOwner: '赵五', rectifyDone: '√',
    rectifyOpen: '', recheckOn: serialFromIso('2023-10-20'), rechecker: '张三、李四', remarks: '',
  };
  const rowRange = [cols.map((c) => row[c.key] ?? null)];
  const M = 10_000;
  time('TZ.CHECK_ROW (行政检查, 2-row header)', M, () => {
    for (let i = 0; i < M; i++) f.checkRowFn(rowRange as unknown[][], header as unknown[][]);
  });
}
