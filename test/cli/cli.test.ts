import { execFileSync, spawnSync } from 'child_process';
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from './run';
import { readWorkbook } from '../../src/cli/xlsx';
import { checkWorkbook } from '../../src/validation/workbook';
import { ole } from '../helpers/hostile-files';

const ROOT = path.join(__dirname, '../..');
const FIXTURE = path.join(ROOT, '../shared/fixtures/sample-2023-10.xlsx');
let tmp: string;

const run = runCli;

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'taizhang-cli-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('taizhang check', () => {
  test('--json prints the spec §5.1 object and exits 1 when the ledger has errors', async () => {
    const r = await run('check', FIXTURE, '--json', '--today', '2023-11-05');
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out);
    expect(Object.keys(j)).toEqual(['file', 'today', 'sheets', 'records', 'issues']);
    expect(j.today).toBe('2023-11-05');
    expect(j.sheets[0]).toEqual({ name: '行政处罚案件台账', kind: 'penalty', headerRow: 2, records: 10, team: '天宁镇综合行政执法队' });
    expect(j.sheets).toHaveLength(3);
    for (const rec of j.records) expect(Object.keys(rec)).toEqual(['sheet', 'row', 'kind', 'status', 'reportMonth']);
    for (const i of j.issues) expect(Object.keys(i)).toEqual(['sheet', 'row', 'cell', 'column', 'rule', 'severity', 'message']);
    expect(j.issues.find((i: { cell: string }) => i.cell === 'F6')).toMatchObject({ rule: 'date-invalid', severity: 'error', column: '结案时间', row: 6 });
  });

  test('human output is grouped by sheet with a summary line', async () => {
    const r = await run('check', FIXTURE, '--today', '2023-11-05');
    expect(r.code).toBe(1);
    const sheets = ['【行政处罚案件台账】', '【行政检查案件台账】', '【行政强制案件台账】'].map((s) => r.out.indexOf(s));
    expect(sheets.every((i, n) => i > 0 && (n === 0 || i > sheets[n - 1]))).toBe(true);
    expect(r.out).toMatch(/汇总：3个台账，23条记录；错误\d+条/);
    expect(r.out).toContain('F6「结案时间」');
  });

  test('a workbook without errors exits 0', async () => {
    const file = path.join(tmp, 'clean.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('处罚');
    ws.addRow(['天宁镇综合行政执法队2023年10月1日--2023年10月31日行政处罚案件台账']);
    ws.addRow(['序号', '行政处罚决定书', '案由', '行政相对人名称', '主要违法事实', '结案时间', '处罚情况', '处罚依据', '执法人员', '罚没票据号', '备注']);
    ws.addRow([1, '天综执罚决〔2023〕15号', '占道经营案', '李某', '占道经营', new Date(Date.UTC(2023, 9, 12)), '警告', '《城市市容和环境卫生管理条例》第三十六条', '王明、李强', '', '']);
    await wb.xlsx.writeFile(file);
    const r = await run('check', file, '--today', '2023-11-05');
    expect(r.code).toBe(0);
    expect(r.out).toContain('没有错误');
  });

  test.each([
    [['check'], /请指定/],
    [['check', 'a.xlsx', 'b.xlsx'], /请指定一个/],
    [['check', FIXTURE, '--today', '2023-13-01'], /--today/],
    [['check', FIXTURE, '--bogus'], /参数有误/],
    [['frobnicate'], /未知命令/],
    [[], /用法/],
  ])('bad usage %p exits 2 with a Chinese message', async (argv, msg) => {
    const r = await run(...argv);
    expect(r.code).toBe(2);
    expect(r.err + r.out).toMatch(msg);
  });

  test.each([
    ['missing.xlsx', null, /找不到文件/],
    ['old.xls', ole(['Workbook']), /另存为.*\.xlsx/],
    ['wps.et', ole(['Workbook']), /WPS/],
    ['locked.xlsx', ole(['EncryptionInfo', 'EncryptedPackage']), /密码/],
    ['cut-short.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]), /损坏.*另存为/],
    ['notes.xlsx', Buffer.from('这不是表格'), /不是 Excel 工作簿/],
    ['broken.xlsx', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(64, 7)]), /损坏/],
  ])('%s exits 2 with one line of Chinese', async (name, bytes, msg) => {
    const file = path.join(tmp, name);
    if (bytes) fs.writeFileSync(file, bytes);
    const r = await run('check', file);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(msg);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });
});

describe('taizhang template', () => {
  test('writes the three official sheets that check recognises with 0 records, and never overwrites silently', async () => {
    const file = path.join(tmp, 'template.xlsx');
    expect((await run('template', '--out', file)).code).toBe(0);
    const data = await readWorkbook(file);
    const res = checkWorkbook(data.sheets, { today: '2023-11-05' });
    expect(res.ledgers.map((l) => [l.layout.sheet, l.layout.kind, l.records.length, l.layout.team])).toEqual([
      ['行政处罚案件台账', 'penalty', 0, null],
      ['行政检查案件台账', 'inspection', 0, null],
      ['行政强制案件台账', 'coercion', 0, null],
    ]);
    expect(res.ledgers[1].layout.headerRows).toBe(2);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ins = wb.getWorksheet('行政检查案件台账')!;
    const merges = (ins.model as unknown as { merges: string[] }).merges;
    expect(merges).toEqual(expect.arrayContaining(['A1:O1', 'K2:L2', 'A2:A3', 'M2:M3']));
    expect(ins.getCell('K3').value).toBe('已完成');
    expect(ins.getColumn(8).width).toBeGreaterThan(ins.getColumn(1).width!);
    const dv = (ins as unknown as { dataValidations: { model: Record<string, { type: string; formulae: unknown[] }> } }).dataValidations.model;
    // exceljs reads a range's validation back cell by cell.
    const types = new Set(Object.entries(dv).map(([cell, v]) => `${cell.replace(/\d+/g, '')}:${v.type}`));
    expect([...types].sort()).toEqual(['C:date', 'G:whole', 'K:list', 'L:list', 'M:date']);
    expect(dv.C4.type).toBe('date');
    expect(dv.C23.type).toBe('date');
    expect(Object.values(dv).find((v) => v.type === 'list')!.formulae).toEqual(['"√"']);

    const again = await run('template', '--out', file);
    expect(again.code).toBe(2);
    expect(again.err).toContain('已存在');
  });
});

describe('the installed command', () => {
  beforeAll(() => {
    execFileSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', path.join(ROOT, 'tsconfig.cli.json')]);
  });
  test('bin/taizhang.js: exit codes, and no stack trace for a bad file', () => {
    const bin = path.join(ROOT, 'bin/taizhang.js');
    const ok = spawnSync(process.execPath, [bin, 'check', FIXTURE, '--json', '--today', '2023-11-05'], { encoding: 'utf8' });
    expect(ok.status).toBe(1);
    expect(JSON.parse(ok.stdout).records).toHaveLength(23);
    const bad = spawnSync(process.execPath, [bin, 'check', path.join(tmp, 'nope.xls')], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
    expect(bad.stdout).toBe('');
  });
});
