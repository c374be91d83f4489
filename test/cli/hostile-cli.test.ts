/*
 * `taizhang check` on crafted files (made here, see test/helpers/hostile-files.ts): each ends with exit 0, 1
 * or 2 and, when refused, one Chinese line naming what the file is or which limit it passes.
 * How long and how much memory each refusal takes is measured in `npm run bench -- input`.
 */
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { AlignmentType, Document, Packer, Paragraph } from 'docx';
import { runCli } from './run';
import * as H from '../helpers/hostile-files';

const ROOT = path.join(__dirname, '../..');
let tmp: string;
beforeAll(() => (tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tz-hostile-'))));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const run = runCli;

function put(name: string, bytes: Uint8Array): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, bytes);
  return file;
}

function refusedInOneLine(r: { code: number; out: string; err: string }, message: RegExp): void {
  expect(r.code).toBe(2);
  expect(r.out).toBe('');
  expect(r.err.trim().split('\n')).toHaveLength(1);
  expect(r.err).toMatch(/^错误：.*[\u4e00-\u9fff]/);
  expect(r.err).not.toMatch(/处理失败|Error|\n\s+at /);
  expect(r.err).toMatch(message);
}

async function docxBytes(): Promise<Uint8Array> {
  return Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph({ text: '台账', alignment: AlignmentType.CENTER })] }] }));
}

describe('merges cost what the rows cost', () => {
  test.each<[string, () => Uint8Array, number]>([
    ['a 2 KB workbook with one merge A4:XFD1048576', () => H.xlsx(H.sheetXml({ rows: H.ledgerRows(1), merges: ['A1:K1', 'A4:XFD1048576'] }), {}, 9), 1],
    ['a merge down a whole column', () => H.xlsx(H.sheetXml({ rows: H.ledgerRows(2), merges: ['I3:I1048576'] }), {}, 9), 2],
    ['200,000 small merges (the limit)', () => H.manyMerges(200_000), 2],
    ['a <dimension> claiming the whole sheet', () => H.xlsx(H.sheetXml({ rows: H.ledgerRows(2), dimension: 'A1:XFD1048576' }), {}, 9), 2],
  ])('%s: read, checked, exit 0', async (_, make, records) => {
    const file = put('merges.xlsx', make());
    const r = await run('check', file, '--json', '--today', '2023-11-05');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).records).toHaveLength(records);
  });

  test('a vertical merge still spreads its value down after being cut to the used range', async () => {
    // 执法人员 written once in I3 and merged down the whole column: row 4 reads it too.
    const rows = H.row(1, [H.TITLE]) + H.row(2, H.HEADER) + H.row(3, H.record(1)) + H.row(4, H.record(2, { 8: '' }));
    const r = await run('check', put('vertical.xlsx', H.xlsx(H.sheetXml({ rows, merges: ['I3:I1048576'] }), {}, 9)), '--json', '--today', '2023-11-05');
    expect(JSON.parse(r.out).issues).toEqual([]);
    expect(r.code).toBe(0);
  });
});

describe('past a limit: exit 2, one line saying which limit and how to split', () => {
  test.each<[string, () => Uint8Array | Promise<Uint8Array>, RegExp]>([
    ['200,001 merges', () => H.manyMerges(200_001), /合并单元格超过20万个的上限.*取消.*合并.*分成几个文件/],
    ['210,000 short rows', () => H.manyRows(210_000), /超过20万行的上限.*分成几个文件/],
    ['a value in column XFD on 300 rows', () => H.xlsx(H.sheetXml({ rows: H.ledgerRows(2) + Array.from({ length: 300 }, (_, i) => `<row r="${i + 10}"><c r="XFD${i + 10}"><v>1</v></c></row>`).join('') })), /单元格超过400万个的上限.*右侧/],
    ['shared strings inflating to 60 MB from 60 KB', () => H.sharedStringsBomb(60 * 1024 * 1024), /文字表.*50 MB 的上限/],
    ['a sheet inflating to 60 MB', () => H.xlsx(H.paddedSheet(60 * 1024 * 1024), {}, 9), /工作表“处罚台账”.*50 MB 的上限/],
    ['a sheet declaring 1 KB and inflating to 60 MB', () => H.lieAboutSize(H.xlsx(H.paddedSheet(60 * 1024 * 1024), {}, 9), 'xl/worksheets/sheet1.xml', 1000), /工作表“处罚台账”解压后超过 50 MB 的上限/],
    ['10,001 parts', () => H.zip(Object.fromEntries([['xl/workbook.xml', '<workbook/>'], ...Array.from({ length: 10_000 }, (_, i) => [`xl/media/p${i}.txt`, '.'])])), /部件.*超过1万个的上限/],
  ])('%s', async (_, make, message) => {
    refusedInOneLine(await run('check', put('limit.xlsx', await make())), message);
  });
});

describe('files that are no .xlsx say what they are (exit 2)', () => {
  test.each<[string, () => Uint8Array | Promise<Uint8Array>, RegExp, RegExp | null]>([
    ['ledger.ods.xlsx', () => H.zip({ mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'content.xml': '<office:document-content/>', 'META-INF/manifest.xml': '<m/>' }), /OpenDocument 表格（\.ods.*另存为.*\.xlsx/, null],
    ['report.docx.xlsx', docxBytes, /Word 文档（\.docx）.*不是 Excel 工作簿/, null],
    ['archive.xlsx', () => H.zip({ '台账/台账.xlsx': 'x', 'readme.txt': 'hi' }), /压缩包.*先解压/, null],
    ['binary.xlsx', () => H.zip({ 'xl/workbook.bin': 'x', '[Content_Types].xml': '<Types/>' }), /二进制工作簿（\.xlsb）.*另存为/, null],
    ['old.xlsx', () => H.ole(['Workbook', '\u0005SummaryInformation']), /旧版 Excel（\.xls）.*扩展名虽是 \.xlsx.*另存为/, /密码/],
    ['locked.xls', () => H.ole(['EncryptionInfo', 'EncryptedPackage', '\u0006DataSpaces']), /设置了打开密码/, /旧版|旧格式/],
    ['old95.xls', () => H.ole(['Book']), /旧版 Excel/, /密码/],
    ['memo.xlsx', () => H.ole(['WordDocument']), /Word 文档（\.doc）/, null],
    ['truncated.xlsx', () => H.xlsx(H.sheetXml({ rows: H.ledgerRows() })).subarray(0, 900), /损坏/, null],
    ['not-xml.xlsx', () => H.xlsx('<worksheet><sheetData><row r="1"></sheetData>'), /损坏/, null],
    ['entities.xlsx', () => H.xlsx('<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&b;</t></is></c></row></sheetData></worksheet>'), /损坏/, null],
  ])('%s', async (name, make, message, not) => {
    const r = await run('check', put(name, await make()));
    refusedInOneLine(r, message);
    if (not) expect(r.err).not.toMatch(not);
  });

  const posix = process.platform !== 'win32';
  (posix ? test : test.skip)('a FIFO or a device named .xlsx is refused without waiting for a writer', async () => {
    const fifo = path.join(tmp, 'pipe.xlsx');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    refusedInOneLine(await run('check', fifo), /不是普通文件/);
    const device = path.join(tmp, 'zero.xlsx');
    fs.symlinkSync('/dev/zero', device);
    refusedInOneLine(await run('check', device), /不是普通文件/);
  });
});

describe('cell text reaching the terminal', () => {
  // Stored as Excel stores control characters (`_x001B_`), which exceljs turns into real ones.
  const sharedStrings = (texts: string[]) =>
    `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${texts.map((t) => `<si><t>${t}</t></si>`).join('')}</sst>`;
  const hostile = () =>
    H.xlsx(
      H.sheetXml({ rows: H.ledgerRows(0) + H.row(3, H.record(1, { 3: '', 8: '' })).replace('</row>', '<c r="D3" t="s"><v>0</v></c><c r="I3" t="s"><v>1</v></c></row>') }),
      { 'xl/sharedStrings.xml': sharedStrings(['李某_x001B_[2J_x001B_]0;title_x0007__x000D_第9行 [错误] 伪造', '王明\u202e强李\u202c']) },
    );

  test('human output shows control characters as symbols and drops bidi controls', async () => {
    const r = await run('check', put('esc.xlsx', hostile()), '--today', '2023-11-05');
    expect(r.code).toBe(1);
    expect(r.out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(r.out).toContain('“王明强李”只有一人');
    const reportLines = r.out.split('\n').filter((l) => /^\s+第\d+行/.test(l));
    expect(reportLines.every((l) => l.startsWith('  第3行'))).toBe(true);
  });

  test('--json keeps the exact text, escaped', async () => {
    const r = await run('check', put('esc.xlsx', hostile()), '--json', '--today', '2023-11-05');
    expect(r.out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    expect(r.out).toContain('\\u001b[2J');
    expect(r.out).toContain('\\u202e');
    const j = JSON.parse(r.out);
    expect(j.issues.map((i: { message: string }) => i.message).join('')).toContain('王明\u202e强李\u202c');
  });
});

describe('template --team is checked like submit --team', () => {
  test.each([
    ['with CR LF', '天宁镇\r\n综合行政执法队', /控制字符/],
    ['of 5,000 characters', '天'.repeat(5000), /太长/],
    ['still the placeholder', 'XX镇综合行政执法队', /占位符/],
  ])('a name %s: exit 2, nothing written', async (_, team, message) => {
    const out = path.join(tmp, 'template-team.xlsx');
    refusedInOneLine(await run('template', '--out', out, '--team', team), message);
    expect(fs.existsSync(out)).toBe(false);
  });
});

describe('the process', () => {
  const cli = (args: string[]) => spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', path.join(ROOT, 'src/cli/index.ts'), ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const finish = (child: ReturnType<typeof cli>) =>
    new Promise<{ code: number | null; err: string }>((resolve) => {
      let err = '';
      child.stderr!.on('data', (d) => (err += d));
      child.on('close', (code) => resolve({ code, err }));
    });

  test('a reader that closes the pipe (| head -1): quiet, and the exit code of the work done', async () => {
    const sample = path.join(ROOT, '../shared/fixtures/sample-2023-10.xlsx');
    const out = path.join(tmp, 'epipe');
    const args = ['submit', sample, '--period', '2023-10', '--team', '天宁镇综合行政执法队', '--contact', '张三,队员,13812345678', '--today', '2023-11-05', '--out', out];
    const written = cli([...args, '--allow-errors']);
    written.stdout!.destroy();
    const a = await finish(written);
    expect(a.err).toBe('');
    expect(a.code).toBe(0);
    expect(fs.readdirSync(out)).toHaveLength(2);
    const refused = cli(args.map((a) => (a === out ? path.join(tmp, 'epipe2') : a)));
    refused.stdout!.destroy();
    const b = await finish(refused);
    expect(b.code).toBe(1);
    expect(b.err).not.toMatch(/EPIPE|\n\s+at /);
  });

  test('a crafted file through the real process: one line, no stack trace', async () => {
    const r = await finish(cli(['check', put('bomb.xlsx', H.lieAboutSize(H.xlsx(H.paddedSheet(60 * 1024 * 1024), {}, 9), 'xl/worksheets/sheet1.xml', 1000))]));
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).not.toMatch(/\n\s+at |Error:/);
  });
});
