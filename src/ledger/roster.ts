/*
 * The 执法人员名单 read from a sheet (issue 21): one entry per officer, found by the same table
 * machinery as the ledgers (detect.ts, rows.ts). What a row says about its person: the name as the
 * checker matches it (persons.ts personKey), the certificate number (present or not), until when
 * it is valid, and whether the roster marks the person as no 行政执法人员 (协管员 …) or as gone
 * (已调离 2023-08-01). Nothing here throws; what cannot be read is said, row by row.
 */
import { CellValue, SheetGrid, cellText, isBlank, isCellError } from './cell';
import { IsoDate, parseDate } from './dates';
import { MergeIndex, RosterLayout, detectRoster } from './detect';
import { isNotApplicable } from './na';
import { marksAuxiliary, parsePersons, personKey } from './persons';
import { layoutColumns, readTable } from './records';
import { ROSTER } from './roster-columns';
import { quote } from './text';

export interface RosterEntry {
  sheet: string;
  row: number;
  /** The name as written (trimmed, a role note in brackets left out). */
  name: string;
  /** personKey(name): what a ledger's name is matched by. */
  key: string;
  /** The certificate number; null when the cell is empty or says 无 (or the roster has no such column: see `RosterRead.columns`). */
  certNo: string | null;
  /** The roster has a 执法证号 column and this row's is empty (or 无): no 执法证. */
  noCert: boolean;
  issuer: string | null;
  /** 有效期至; null when not written, 长期, or unreadable (`RosterRead.problems` says so). */
  validUntil: IsoDate | null;
  /** Marked as 协管员, 辅警, 网格员 … (in its name, 人员类别 or 备注): holds no 执法证. */
  auxiliary: boolean;
  /** 已调离 / 离职 / 退休 with the day it happened; null when not written or undated. */
  left: IsoDate | null;
  /** 所属单位 (the county's combined roster), or null. */
  unit: string | null;
}

/** A row of the roster that could not be read as it should (named in the roster's warning). */
export interface RosterProblem {
  row: number;
  col: number;
  /** What is wrong, in Chinese, quoting the cell. */
  text: string;
}

export interface RosterRead {
  sheet: string;
  layout: RosterLayout | null;
  /** The sheet is a roster whose 姓名 column cannot be found: nothing of it is used. */
  unreadable: { row: number; title: string | null } | null;
  entries: RosterEntry[];
  problems: RosterProblem[];
  /** Which optional columns the roster has: without 执法证号 nobody is "without a certificate", without 有效期至 nobody has expired. */
  columns: { certNo: boolean; validUntil: boolean };
  hidden?: boolean;
}

const LONG_TERM = /长期|永久|无固定期限|无期限|终身/;
const RANGE_SPLIT = /至|到|[~～]|—|--|－－/;
const LEFT = /调离|调出|调走|调往|离职|辞职|退休|离岗|不在岗|已离开|辞退|解聘/;
const DAY_IN_TEXT = /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?/;
const MULTI = /[、，,；;/／]/;

const KEY_INDEX: Record<string, number> = Object.fromEntries(ROSTER.columns.map((c, i) => [c.key, i]));

function text(v: CellValue): string {
  return isBlank(v) || isCellError(v) ? '' : cellText(v).trim();
}

/** 有效期至: a date, the end of a range (`2021年1月1日至2026年12月31日`), 长期 (no end), else unreadable. */
export function readValidUntil(v: CellValue, date1904 = false): { date: IsoDate | null; unreadable: string | null } {
  if (isBlank(v) || isNotApplicable(v)) return { date: null, unreadable: null };
  if (isCellError(v)) return { date: null, unreadable: `单元格是错误值 ${v.error}` };
  const p = parseDate(v, date1904);
  if (p.ok) return { date: p.date, unreadable: null };
  const t = text(v);
  if (LONG_TERM.test(t)) return { date: null, unreadable: null };
  const parts = t.split(RANGE_SPLIT).map((x) => x.trim()).filter(Boolean);
  if (parts.length === 2) {
    const end = parseDate(parts[1], date1904);
    if (end.ok) return { date: end.date, unreadable: null };
  }
  return { date: null, unreadable: p.reason };
}

/** The day a departure note gives (`已调离 2023-08-01`, `2023年8月1日调出`), when it gives one. */
function leftOn(note: string): { left: boolean; on: IsoDate | null } {
  if (!LEFT.test(note)) return { left: false, on: null };
  const m = DAY_IN_TEXT.exec(note);
  if (!m) return { left: true, on: null };
  const p = parseDate(`${m[1]}年${m[2]}月${m[3]}日`);
  return { left: true, on: p.ok ? p.date : null };
}

/** The roster of one sheet, or null when the sheet is no roster. */
export function readRoster(grid: SheetGrid, date1904 = false): RosterRead | null {
  const found = detectRoster(grid);
  if (!found) return null;
  const hidden = grid.hidden ? { hidden: true } : {};
  if ('unreadable' in found) return { sheet: grid.name, layout: null, unreadable: { row: found.unreadable.row, title: found.unreadable.title }, entries: [], problems: [], columns: { certNo: false, validUntil: false }, ...hidden };
  const layout = found;
  const cols = layoutColumns(layout);
  const table = readTable(grid, layout, new MergeIndex(grid));
  const entries: RosterEntry[] = [];
  const problems: RosterProblem[] = [];
  const at = (key: string) => cols[KEY_INDEX[key]];
  for (const rec of table.records) {
    const v = (key: string) => rec.values[KEY_INDEX[key]];
    const rawName = text(v('name'));
    const nameCol = at('name') ?? layout.tableLeft;
    if (!rawName || isNotApplicable(rawName)) {
      problems.push({ row: rec.row, col: nameCol, text: `第${rec.row}行没有姓名` });
      continue;
    }
    const persons = parsePersons(rawName);
    // One person a row: `王明、李强` in one cell cannot say whose the certificate is.
    if (MULTI.test(rawName.replace(/[(（【[][^)）】\]]*[)）】\]]/g, '')) && persons.names.length > 1) {
      problems.push({ row: rec.row, col: nameCol, text: `第${rec.row}行的姓名${quote(rawName)}写了几个人，一行只能写一个人` });
      continue;
    }
    const name = persons.names.length === 1 ? persons.names[0] : rawName.replace(/[(（【[][^)）】\]]*[)）】\]]/g, '').trim() || rawName;
    const certRaw = text(v('certNo'));
    const until = readValidUntil(v('validUntil'), date1904);
    if (until.unreadable) problems.push({ row: rec.row, col: at('validUntil')!, text: `第${rec.row}行（${name}）的有效期至无法识别：${until.unreadable}` });
    const notes = [text(v('role')), text(v('remarks'))].join(' ');
    const gone = leftOn(notes);
    const certNo = certRaw && !isNotApplicable(certRaw) ? certRaw : null;
    entries.push({
      sheet: grid.name,
      row: rec.row,
      name,
      key: personKey(name),
      certNo,
      noCert: at('certNo') !== undefined && certNo === null,
      issuer: text(v('issuer')) || null,
      validUntil: until.date,
      auxiliary: persons.auxiliary.length > 0 || marksAuxiliary(notes),
      left: gone.on,
      unit: text(v('unit')) || null,
    });
  }
  for (const u of table.unread) problems.push({ row: u.row, col: u.col, text: `第${u.row}行有内容（${quote(u.text, 20)}），但没有姓名，没有作为名单中的人员读取` });
  problems.sort((a, b) => a.row - b.row);
  return { sheet: grid.name, layout, unreadable: null, entries, problems, columns: { certNo: at('certNo') !== undefined, validUntil: at('validUntil') !== undefined }, ...hidden };
}
