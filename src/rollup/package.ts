/**
 * One township package as the bureau has it (a mail's attachment, a file in an archive, a loose
 * Word file or workbook): who sent it, which months it reports, and its ledgers checked by the
 * same rules the townships use. Where it came from (which mail, when) is the caller's.
 */
import { SheetGrid } from '../ledger/cell';
import { Kind } from '../ledger/columns';
import { IsoDate } from '../ledger/dates';
import { EmbeddedPackage } from '../submission/embedded';
import { CheckOptions, RecordResult, WorkbookCheck } from '../validation/check';
import { teamOf } from '../validation/report';
import { checkWorkbook } from '../validation/workbook';
import { DocxTable, readDocx } from './docx-read';
import { agreedMonths, agreedTeam, compareRows } from './embedded-check';
import { openDocx, openWorkbook } from './input';
import { cleanTeam, gridTexts, titleMonths, unitLine } from './team';

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
  /** Read from the file (报送单位, titles, embedded data); null when it says none. */
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
  /** What was checked, and how: to check it again against the county's 执法人员名单 (roster.ts). */
  grids: SheetGrid[];
  checkOptions: CheckOptions;
  /** Word tables by grid name (to print table rows, not grid rows), absent for workbooks. */
  tables: Map<string, DocxTable & { kind: Kind | null }>;
  /** Inspections awaiting recheck as the package states them (cover or embedded data); null: count its rows. */
  pendingRecheck: number | null;
  notes: PackageNote[];
  bytes: Uint8Array;
}

/** `行政检查2件（待复检）` on our cover. */
function coverPending(paragraphs: string[]): number | null {
  const line = paragraphs.find((p) => p.startsWith('待办案件'));
  if (!line) return paragraphs.some((p) => p.startsWith('本期案件')) ? 0 : null;
  const m = /行政检查(\d+)件/.exec(line);
  return m ? Number(m[1]) : 0;
}

function kindOf(check: WorkbookCheck, sheet: string): Kind | null {
  return check.ledgers.find((l) => l.layout.sheet === sheet)?.layout.kind ?? null;
}

export function rowMonths(check: WorkbookCheck): string[] {
  const set = new Set<string>();
  for (const l of check.ledgers) for (const r of l.records) if (r.reportMonth) set.add(r.reportMonth);
  return [...set].sort();
}

/** Where a ledger file came from. */
export interface Context {
  file: string;
  mail: boolean;
  received: Date | null;
  /** What the mail's subject says (team, months), if any. */
  subject: { team: string | null; months: string[] };
  /** "Today" for the rule checks: the day it was sent when known, else the roll-up's today. */
  today: IsoDate;
}

/** The team a file states: `报送单位：`/`填报单位：` first, then the tables' titles; never a section heading. */
function ownTeam(check: WorkbookCheck, texts: Iterable<string>): string | null {
  return unitLine(texts) ?? cleanTeam(teamOf(check));
}

async function readWordPackage(bytes: Uint8Array, c: Context): Promise<Package> {
  const content = await readDocx(await openDocx(bytes, c.file), c.file);
  const grids = content.tables.map((t) => t.grid);
  const checkOptions: CheckOptions = { today: c.today };
  const check = checkWorkbook(grids, checkOptions);
  const tables = new Map(content.tables.map((t) => [t.grid.name, { ...t, kind: kindOf(check, t.grid.name) }]));
  const notes: PackageNote[] = [];
  const emb = content.embedded;
  const own = ownTeam(check, [...content.paragraphs, ...gridTexts(content.tables.map((t) => t.grid))]);
  const titled = [...new Set(check.ledgers.flatMap((l) => titleMonths(l.layout.title)))].sort();
  let team = own;
  let declared = titled.length ? titled : c.subject.months;
  let data: EmbeddedPackage | null = null;
  if (emb && !emb.ok) notes.push({ rule: 'embedded-unusable', severity: 'warning', table: '', row: null, message: `${emb.reason}，已按 Word 表格读取` });
  if (emb?.ok) {
    data = emb.data;
    notes.push(...compareRows(data, check, tables));
    const t = agreedTeam(data, own);
    team = t.team;
    const m = agreedMonths(data, titled, rowMonths(check));
    if (m.months) declared = m.months;
    for (const n of [t.note, m.note]) if (n) notes.push(n);
  }
  return {
    file: c.file,
    format: 'docx',
    fromMail: c.mail,
    team: team ?? c.subject.team,
    months: declared.length ? declared : rowMonths(check),
    declared: declared.length > 0,
    received: c.received,
    generatedAt: data ? new Date(data.generatedAt) : null,
    embedded: !!data,
    check,
    grids,
    checkOptions,
    tables,
    pendingRecheck: data ? data.pending.filter((p) => p.kind === 'inspection').length : coverPending(content.paragraphs),
    notes,
    bytes,
  };
}

async function readWorkbookPackage(bytes: Uint8Array, c: Context): Promise<Package> {
  const wb = await openWorkbook(bytes, c.file);
  const checkOptions: CheckOptions = { today: c.today, date1904: wb.date1904 };
  const check = checkWorkbook(wb.sheets, checkOptions);
  const titled = [...new Set(check.ledgers.flatMap((l) => titleMonths(l.layout.title)))].sort();
  const declared = titled.length ? titled : c.subject.months;
  return {
    file: c.file,
    format: 'xlsx',
    fromMail: c.mail,
    team: ownTeam(check, gridTexts(wb.sheets)) ?? c.subject.team,
    months: declared.length ? declared : rowMonths(check),
    declared: declared.length > 0,
    received: c.received,
    generatedAt: null,
    embedded: false,
    check,
    grids: wb.sheets,
    checkOptions,
    tables: new Map(),
    pendingRecheck: null,
    notes: [],
    bytes,
  };
}

/** Reads one ledger file; throws `InputError` (or anything) when it cannot be read. */
export function readPackage(bytes: Uint8Array, format: 'docx' | 'xlsx', c: Context): Promise<Package> {
  return format === 'docx' ? readWordPackage(bytes, c) : readWorkbookPackage(bytes, c);
}

/** Records of a package that count for `month`: its rows of that month, and undated rows of a one-month package. */
export function recordsFor(p: Package, month: string): RecordResult[] {
  const alone = p.months.length === 1 && p.months[0] === month;
  return p.check.ledgers.flatMap((l) => l.records.filter((r) => r.reportMonth === month || (alone && !r.reportMonth && !r.pending)));
}
