/*
 * The bounded reader: `taizhang check` (read and check) against SheetJS reading the same
 * 40,000-row workbook, side by side, time and peak memory, each in its own plain-node process
 * (bench/read-one.js, the compiled CLI); then peak memory per 10,000 rows for `check` and `submit`
 * on realistic ledgers, and the time and memory each crafted file takes to be read or refused
 * (bench/measure-cli.ts).
 */
import { execFileSync, spawnSync } from 'child_process';
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as H from '../test/helpers/hostile-files';
import { benchGrid } from './core.bench';

interface Measured {
  code: number;
  ms: number;
  rssMb: number;
  err: string;
}

function measure(args: string[]): Measured {
  const r = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', path.join(__dirname, 'measure-cli.ts'), ...args], {
    cwd: path.join(__dirname, '..'),
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  const last = r.stderr.trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(last) as Measured;
  } catch {
    return { code: r.status ?? -1, ms: NaN, rssMb: NaN, err: last.slice(0, 200) };
  }
}

async function ledgerFile(file: string, rows: number): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const g of [benchGrid('penalty', rows / 2), benchGrid('inspection', rows / 2)]) {
    const ws = wb.addWorksheet(g.name);
    for (const r of g.rows) ws.addRow(r.map((v) => (v === undefined ? null : v)));
    for (const m of g.merges) ws.mergeCells(m.top, m.left, m.bottom, m.right);
  }
  await wb.xlsx.writeFile(file);
}

/** A realistic-looking penalty ledger of `n` rows, inline strings (no exceljs needed to write it). */
function bigLedger(n: number): Uint8Array {
  const parts = [H.ledgerRows(0)];
  for (let i = 1; i <= n; i++) parts.push(H.row(i + 2, H.record(i)));
  return H.xlsx(H.sheetXml({ rows: parts.join('') }), {}, 1);
}

interface OneRead {
  ms: number;
  rssMb: number;
}

function readOnce(what: 'taizhang' | 'sheetjs', file: string): OneRead {
  const r = spawnSync(process.execPath, [path.join(__dirname, 'read-one.js'), what, file], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const last = r.stderr.trim().split('\n').pop() ?? '';
  return JSON.parse(last) as OneRead;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** `taizhang check` vs SheetJS's read of the same file: alternating runs (A B A B …), medians and the median of the pairwise ratios. */
async function sideBySide(dir: string, rows: number, runs: number): Promise<void> {
  execFileSync(process.execPath, [path.join(__dirname, '../node_modules/typescript/bin/tsc'), '-p', path.join(__dirname, '../tsconfig.cli.json')]);
  const file = path.join(dir, `side-${rows}.xlsx`);
  await ledgerFile(file, rows);
  readOnce('taizhang', file);
  readOnce('sheetjs', file);
  const ours: OneRead[] = [];
  const theirs: OneRead[] = [];
  for (let i = 0; i < runs; i++) {
    ours.push(readOnce('taizhang', file));
    theirs.push(readOnce('sheetjs', file));
  }
  const t = median(ours.map((m) => m.ms));
  const s = median(theirs.map((m) => m.ms));
  const tr = median(ours.map((m) => m.rssMb));
  const sr = median(theirs.map((m) => m.rssMb));
  const pairs = median(ours.map((m, i) => m.ms / theirs[i].ms));
  console.log(`taizhang check vs SheetJS xlsx 0.18.5 reading the same ${rows.toLocaleString('en')}-row workbook (${(fs.statSync(file).size / 1048576).toFixed(1)} MB), ${runs} alternating runs each, medians, whole process (node start and module loading included):`);
  console.log(`  taizhang check (read + check): ${(t / 1000).toFixed(2)} s, peak RSS ${tr.toFixed(0)} MB   [${ours.map((m) => (m.ms / 1000).toFixed(2)).join(' ')}]`);
  console.log(`  SheetJS read:                  ${(s / 1000).toFixed(2)} s, peak RSS ${sr.toFixed(0)} MB   [${theirs.map((m) => (m.ms / 1000).toFixed(2)).join(' ')}]`);
  console.log(`  ratio taizhang/SheetJS: time ${(t / s).toFixed(2)} (median of pairs ${pairs.toFixed(2)}; goal ≤ 1.2), peak memory ${(tr / sr).toFixed(2)} (goal ≤ 1)`);
}

const fmt = (m: Measured) => `exit ${m.code}, ${(m.ms / 1000).toFixed(2)} s, peak RSS ${m.rssMb.toFixed(0)} MB`;

export async function run(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'taizhang-input-bench-'));
  try {
    await sideBySide(dir, 40_000, 5);
    const base = measure(['--help']);
    console.log(`process baseline (ts-node, no file read): peak RSS ${base.rssMb.toFixed(0)} MB`);
    console.log('realistic ledgers (penalty + inspection, half each; submit over all ten months):');
    for (const rows of [10_000, 50_000, 100_000]) {
      const file = path.join(dir, `ledger-${rows}.xlsx`);
      await ledgerFile(file, rows);
      const size = fs.statSync(file).size / 1048576;
      const check = measure(['check', file, '--today', '2023-11-05']);
      const submit = measure(['submit', file, '--period', '2023-01..2023-10', '--team', '天宁镇综合行政执法队', '--contact', '张三,队员,13812345678', '--today', '2023-11-05', '--allow-errors', '--force', '--out', path.join(dir, 'out')]);
      const per = (m: Measured) => (((m.rssMb - base.rssMb) * 10_000) / rows).toFixed(0);
      console.log(`  ${rows.toLocaleString('en')} rows (${size.toFixed(1)} MB): check ${fmt(check)} (${per(check)} MB per 10k rows above baseline); submit ${fmt(submit)} (${per(submit)} MB per 10k rows)`);
    }

    console.log('crafted files (`taizhang check`):');
    const crafted: [string, () => Uint8Array][] = [
      ['2 KB workbook, one merge A4:XFD1048576', () => H.xlsx(H.sheetXml({ rows: H.ledgerRows(1), merges: ['A1:K1', 'A4:XFD1048576'] }), {}, 9)],
      ['one merge down a whole column', () => H.xlsx(H.sheetXml({ rows: H.ledgerRows(2), merges: ['I3:I1048576'] }), {}, 9)],
      ['200,000 small merges', () => H.manyMerges(200_000)],
      ['200,001 small merges', () => H.manyMerges(200_001)],
      ['<dimension> claiming A1:XFD1048576', () => H.xlsx(H.sheetXml({ rows: H.ledgerRows(2), dimension: 'A1:XFD1048576' }), {}, 9)],
      ['1.55 M short rows', () => H.manyRows(1_550_000)],
      ['300,000-row ledger', () => bigLedger(300_000)],
      ['shared strings inflating to 425 MB', () => H.sharedStringsBomb(425 << 20)],
      ['sheet inflating to 512 MB, declaring 1 KB', () => H.lieAboutSize(H.xlsx(H.paddedSheet(512 << 20), {}, 9), 'xl/worksheets/sheet1.xml', 1000)],
      ['value in column XFD on 300 rows', () => H.xlsx(H.sheetXml({ rows: H.ledgerRows(2) + Array.from({ length: 300 }, (_, i) => `<row r="${i + 10}"><c r="XFD${i + 10}"><v>1</v></c></row>`).join('') }))],
      ['.ods named .xlsx', () => H.zip({ mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'content.xml': '<x/>' })],
      ['.xls named .xlsx', () => H.ole(['Workbook'])],
      ['encrypted .xlsx named .xls', () => H.ole(['EncryptionInfo', 'EncryptedPackage'])],
    ];
    for (const [label, make] of crafted) {
      const file = path.join(dir, `crafted${/named \.xls$/.test(label) ? '.xls' : '.xlsx'}`);
      fs.writeFileSync(file, make());
      const size = fs.statSync(file).size;
      const m = measure(['check', file, '--today', '2023-11-05']);
      const said = m.err ? `: ${m.err.replace(/^错误：crafted\.xlsx?[：\s]?/, '').slice(0, 40)}…` : '';
      console.log(`  ${label} (${size < 1 << 20 ? `${(size / 1024).toFixed(0)} KB` : `${(size / 1048576).toFixed(1)} MB`}): ${fmt(m)}${said}`);
      fs.rmSync(file);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
