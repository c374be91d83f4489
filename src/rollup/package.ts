/**
 * One township package as the bureau has it (a saved e-mail's attachment, a loose Word file or
 * workbook): who sent it, which months it reports, when it came, and its ledgers checked by the
 * same rules the townships use.
 */
import { KINDS, Kind, LEDGERS, officialColumns } from '../ledger/columns';
import { IsoDate } from '../ledger/dates';
import { periodSchema } from '../ledger/options';
import { compact, toHalfWidth } from '../ledger/text';
import { EmbeddedPackage } from '../submission/embedded';
import { xmlSafe } from '../submission/tablexml';
import { RecordResult, WorkbookCheck } from '../validation/check';
import { teamOf } from '../validation/report';
import { checkWorkbook } from '../validation/workbook';
import { DocxTable, readDocx } from './docx-read';
import { InputError, openDocx, openWorkbook } from './input';
import { MailRead, readMail } from './mail';
import { chinaTime } from './time';

/** A file of the folder (or a picked file in the task pane): its path as shown, and its bytes. */
export interface RollupFile {
  name: string;
  bytes: Uint8Array;
}

/** A finding about a package itself rather than one cell (the tables disagree with the embedded data …). */
export interface PackageNote {
  rule: 'embedded-mismatch' | 'embedded-unusable' | 'outside-period' | 'file-unreadable';
  severity: 'error' | 'warning';
  table: string;
  row: number | null;
  message: string;
}

export interface Package {
  /** `10月/天宁镇.eml › 台账.docx` */
  file: string;
  format: 'docx' | 'xlsx';
  fromMail: boolean;
  team: string | null;
  /** Months it reports (`YYYY-MM`), sorted. */
  months: string[];
  /** Months came from the package's own statement (embedded data, titles, subject), not from its rows. */
  declared: boolean;
  received: Date | null;
  generatedAt: Date | null;
  /** Carries our embedded data, usable. */
  embedded: boolean;
  check: WorkbookCheck;
  /** Word tables by grid name (to print table rows, not grid rows), absent for workbooks. */
  tables: Map<string, DocxTable & { kind: Kind | null }>;
  /** Inspections awaiting recheck as the package states them (cover or embedded data); null: count its rows. */
  pendingRecheck: number | null;
  notes: PackageNote[];
  bytes: Uint8Array;
}

/** A file that could not be used, and what it seems to be from its e-mail's subject. */
export interface Unreadable {
  file: string;
  reason: string;
  team: string | null;
  months: string[];
  received: Date | null;
}

export interface ReadResult {
  packages: Package[];
  unreadable: Unreadable[];
}

const TITLE_SPAN = /(\d{4})年(\d{1,2})月\d{1,2}日\s*[-—–~～至到]+\s*(\d{4})年(\d{1,2})月\d{1,2}日/;
const SUBJECT_PERIOD = /(\d{4})年(\d{1,2})月(?:(?:至|到|[-—–~～])(?:(\d{4})年)?(\d{1,2})月)?/;

const pad = (m: string | number) => String(m).padStart(2, '0');

function monthsBetween(from: string, to: string): string[] {
  const r = periodSchema.safeParse(`${from}..${to}`);
  return r.success ? r.data.months : [];
}

/** The months a title's `2023年10月1日--2023年10月31日` spans. */
export function titleMonths(title: string | null): string[] {
  const m = title ? TITLE_SPAN.exec(toHalfWidth(compact(title))) : null;
  return m ? monthsBetween(`${m[1]}-${pad(m[2])}`, `${m[3]}-${pad(m[4])}`) : [];
}

/** Team and months from a subject such as `天宁镇综合行政执法队2023年10月行政执法案件台账报备`. */
export function subjectInfo(subject: string): { team: string | null; months: string[] } {
  const s = toHalfWidth(compact(subject)).replace(/^(?:(?:re|fw|fwd|回复|答复|转发)[:：]\s*)+/i, '');
  const m = SUBJECT_PERIOD.exec(s);
  if (!m) return { team: null, months: [] };
  const from = `${m[1]}-${pad(m[2])}`;
  const to = m[4] ? `${m[3] ?? m[1]}-${pad(m[4])}` : from;
  const team = s.slice(0, m.index).replace(/[【】[\]（）()《》"“”]/g, '').replace(/(?:关于|报送|报备)$/, '');
  return { team: /[xX]{2}/.test(team) || team.length < 2 ? null : team, months: monthsBetween(from, to) };
}

/** `报送单位：天宁镇综合行政执法队` on the cover or the sign-off line. */
function coverTeam(paragraphs: string[]): string | null {
  for (const p of paragraphs) {
    const m = /报送单位(?:（盖章）|\(盖章\))?[:：]\s*([^\s　]{2,40})/.exec(p);
    if (m && !/[xX]{2}/.test(m[1])) return m[1];
  }
  return null;
}

/** `行政检查2件（待复检）` on our cover. */
function coverPending(paragraphs: string[]): number | null {
  const line = paragraphs.find((p) => p.startsWith('待办案件'));
  if (!line) return paragraphs.some((p) => p.startsWith('本期案件')) ? 0 : null;
  const m = /行政检查(\d+)件/.exec(line);
  return m ? Number(m[1]) : 0;
}

const norm = (s: string | undefined) =>
  xmlSafe(s ?? '')
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\u3000]+/g, ' ')
    .replace(/\s*\n\s*/g, '\n')
    .trim();

function rowKey(kind: Kind, cells: Record<string, string | undefined>): string {
  return officialColumns(kind)
    .filter((c) => c.key !== 'seq')
    .map((c) => norm(cells[c.key]))
    .join('\u0001');
}

/** The tables win: where they disagree with the embedded data, say which rows. */
function compareEmbedded(data: EmbeddedPackage, check: WorkbookCheck, tables: Package['tables']): PackageNote[] {
  const notes: PackageNote[] = [];
  for (const kind of KINDS) {
    const section = data.sections.find((s) => s.kind === kind);
    const expected = new Map<string, number>();
    for (const r of section?.rows ?? []) expected.set(rowKey(kind, r), (expected.get(rowKey(kind, r)) ?? 0) + 1);
    const extra: RecordResult[] = [];
    for (const l of check.ledgers.filter((x) => x.layout.kind === kind)) {
      for (const r of l.records) {
        const key = rowKey(kind, r.display);
        const n = expected.get(key) ?? 0;
        if (n > 0) expected.set(key, n - 1);
        else extra.push(r);
      }
    }
    const missing = (section?.rows ?? []).filter((r) => {
      const key = rowKey(kind, r);
      const n = expected.get(key) ?? 0;
      if (n > 0) expected.set(key, n - 1);
      return n > 0;
    });
    const table = `${LEDGERS[kind].name}表`;
    for (const r of extra) {
      const t = tables.get(r.sheet);
      notes.push({ rule: 'embedded-mismatch', severity: 'warning', table, row: t ? r.row - t.firstRow + 1 : r.row, message: `Word 表格中的这一行（${norm(r.display.party) || '未填相对人'}）与文件生成时的内嵌数据不同（生成后在 Word 中改过），已按表格统计，请核实` });
    }
    for (const r of missing) {
      notes.push({ rule: 'embedded-mismatch', severity: 'warning', table, row: null, message: `文件生成时有这一行（${norm(r.party) || '未填相对人'}${r.decisionNo || r.docNo ? `，${norm(r.decisionNo || r.docNo)}` : ''}），Word 表格中已没有（生成后在 Word 中删改过），已按表格统计，请核实` });
    }
  }
  return notes;
}

function kindOf(check: WorkbookCheck, sheet: string): Kind | null {
  return check.ledgers.find((l) => l.layout.sheet === sheet)?.layout.kind ?? null;
}

function rowMonths(check: WorkbookCheck): string[] {
  const set = new Set<string>();
  for (const l of check.ledgers) for (const r of l.records) if (r.reportMonth) set.add(r.reportMonth);
  return [...set].sort();
}

interface Context {
  file: string;
  mail: boolean;
  received: Date | null;
  subject: { team: string | null; months: string[] };
  today: IsoDate;
}

async function readWordPackage(bytes: Uint8Array, c: Context): Promise<Package> {
  const content = await readDocx(await openDocx(bytes, c.file), c.file);
  const check = checkWorkbook(content.tables.map((t) => t.grid), { today: c.today });
  const tables = new Map(content.tables.map((t) => [t.grid.name, { ...t, kind: kindOf(check, t.grid.name) }]));
  const notes: PackageNote[] = [];
  const emb = content.embedded;
  let data: EmbeddedPackage | null = null;
  if (emb && !emb.ok) notes.push({ rule: 'embedded-unusable', severity: 'warning', table: '', row: null, message: `${emb.reason}，已按 Word 表格读取` });
  if (emb?.ok) {
    data = emb.data;
    notes.push(...compareEmbedded(data, check, tables));
  }
  const titled = [...new Set(check.ledgers.flatMap((l) => titleMonths(l.layout.title)))].sort();
  const declared = data ? monthsBetween(data.period.from, data.period.to) : titled.length ? titled : c.subject.months;
  return {
    file: c.file,
    format: 'docx',
    fromMail: c.mail,
    team: data?.team ?? teamOf(check) ?? coverTeam(content.paragraphs) ?? c.subject.team,
    months: declared.length ? declared : rowMonths(check),
    declared: declared.length > 0,
    received: c.received,
    generatedAt: data ? new Date(data.generatedAt) : null,
    embedded: !!data,
    check,
    tables,
    pendingRecheck: data ? data.pending.filter((p) => p.kind === 'inspection').length : coverPending(content.paragraphs),
    notes,
    bytes,
  };
}

async function readWorkbookPackage(bytes: Uint8Array, c: Context): Promise<Package> {
  const wb = await openWorkbook(bytes, c.file);
  const check = checkWorkbook(wb.sheets, { today: c.today, date1904: wb.date1904 });
  const titled = [...new Set(check.ledgers.flatMap((l) => titleMonths(l.layout.title)))].sort();
  const declared = titled.length ? titled : c.subject.months;
  return {
    file: c.file,
    format: 'xlsx',
    fromMail: c.mail,
    team: teamOf(check) ?? c.subject.team,
    months: declared.length ? declared : rowMonths(check),
    declared: declared.length > 0,
    received: c.received,
    generatedAt: null,
    embedded: false,
    check,
    tables: new Map(),
    pendingRecheck: null,
    notes: [],
    bytes,
  };
}

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b;

/** Why a file of this type is not read, or null when it is a package format. */
function formatOf(name: string, bytes: Uint8Array): 'docx' | 'xlsx' | { reason: string } {
  const ext = (/\.([^./\\]+)$/.exec(name)?.[1] ?? '').toLowerCase();
  if (ext === 'docx' || ext === 'docm') return 'docx';
  if (ext === 'xlsx' || ext === 'xlsm') return 'xlsx';
  if (ext === 'doc') return { reason: '旧版 Word 格式（.doc），无法读取表格，请在 Word 中“另存为” .docx' };
  if (ext === 'wps') return { reason: 'WPS 文字格式（.wps），请在 WPS 中“另存为” Word 文件（.docx）' };
  if (ext === 'xls' || ext === 'et') return { reason: '旧版 Excel 或 WPS 表格格式，请“另存为” Excel 工作簿（.xlsx）' };
  if (ext === 'pdf') return { reason: 'PDF 文件无法读取表格，请报送 Word 版（.docx）台账' };
  if (ext === 'zip' || ext === 'rar' || ext === '7z') return { reason: '压缩包，请解压后把其中的 Word 文件放入文件夹' };
  if (isZip(bytes)) return { reason: '不是 Word（.docx）或 Excel（.xlsx）文件' };
  return { reason: '不是报送材料（只读取 .eml 邮件、.docx 和 .xlsx 文件）' };
}

async function readOne(bytes: Uint8Array, fmt: 'docx' | 'xlsx', c: Context): Promise<Package> {
  return fmt === 'docx' ? readWordPackage(bytes, c) : readWorkbookPackage(bytes, c);
}

function why(e: unknown): string {
  if (e instanceof InputError) return e.message;
  return '文件无法读取，可能已损坏';
}

/** Reads every file: packages to count, and files that could not be used with the reason. */
export async function readFiles(files: RollupFile[], today: IsoDate): Promise<ReadResult> {
  const out: ReadResult = { packages: [], unreadable: [] };
  const none = { team: null, months: [] as string[] };
  for (const f of files) {
    const ext = (/\.([^./\\]+)$/.exec(f.name)?.[1] ?? '').toLowerCase();
    if (ext !== 'eml') {
      const fmt = formatOf(f.name, f.bytes);
      if (typeof fmt !== 'string') {
        out.unreadable.push({ file: f.name, reason: fmt.reason, ...none, received: null });
        continue;
      }
      try {
        out.packages.push(await readOne(f.bytes, fmt, { file: f.name, mail: false, received: null, subject: none, today }));
      } catch (e) {
        out.unreadable.push({ file: f.name, reason: why(e), ...none, received: null });
      }
      continue;
    }
    let mail: MailRead;
    try {
      mail = await readMail(f.bytes, f.name);
    } catch (e) {
      out.unreadable.push({ file: f.name, reason: why(e), ...none, received: null });
      continue;
    }
    const subject = subjectInfo(mail.subject);
    const mailToday = mail.received ? chinaTime(mail.received).date : today;
    const attachments = mail.attachments.filter((a) => !/\.(png|jpe?g|gif|bmp)$/i.test(a.name));
    if (!attachments.length) {
      out.unreadable.push({ file: f.name, reason: mail.received ? '邮件没有附件（没有附上 Word 台账）' : '邮件没有附件', ...subject, received: mail.received });
      continue;
    }
    for (const a of attachments) {
      const name = `${f.name} › ${a.name}`;
      const fmt = formatOf(a.name, a.bytes);
      if (typeof fmt !== 'string') {
        out.unreadable.push({ file: name, reason: fmt.reason, ...subject, received: mail.received });
        continue;
      }
      try {
        out.packages.push(await readOne(a.bytes, fmt, { file: name, mail: true, received: mail.received, subject, today: mailToday }));
      } catch (e) {
        out.unreadable.push({ file: name, reason: why(e), ...subject, received: mail.received });
      }
    }
  }
  return out;
}

/** Records of a package that count for `month`: its rows of that month, and undated rows of a one-month package. */
export function recordsFor(p: Package, month: string): RecordResult[] {
  const alone = p.months.length === 1 && p.months[0] === month;
  return p.check.ledgers.flatMap((l) => l.records.filter((r) => r.reportMonth === month || (alone && !r.reportMonth && !r.pending)));
}
