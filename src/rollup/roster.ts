/*
 * The county's 执法人员名单 in the roll-up folder (issue 21): a workbook with a roster and no
 * ledger. Each township's package is checked again against the roster's entries for that
 * township (by 所属单位; a roster without that column applies to every township), by the same
 * rules the townships' own rosters are; a township the roster lists nobody of is not checked
 * against it (said in the notes) — a county roster never turns a township's officers into
 * "not listed" wholesale. Its 执法证号 are read, never written anywhere.
 */
import { RosterEntry, RosterRead } from '../ledger/roster';
import { checkWorkbook } from '../validation/workbook';
import type { Attribution } from './attribute';
import { teamKey } from './team';
import type { FileEntry } from './types';

export interface CountyRoster {
  file: string;
  reads: RosterRead[];
}

/** The entries that apply to a township (its key). */
export function entriesFor(entries: readonly RosterEntry[], key: string): RosterEntry[] {
  if (!entries.some((e) => e.unit)) return [...entries];
  const mine = entries.filter((e) => e.unit && teamKey(e.unit) === key);
  // Rows without 所属单位 in a roster that has one (county staff who join any township's cases) count only alongside the township's own.
  return mine.length ? [...mine, ...entries.filter((e) => !e.unit)] : [];
}

/**
 * Checks every attributed package again with the county roster's entries for its township
 * (replacing `a.packages[i].item`); returns the notes and the roster files' entries for the 文件 list.
 */
export function applyCountyRoster(rosters: CountyRoster[], a: Attribution): { notes: string[]; files: FileEntry[] } {
  const entries = rosters.flatMap((r) => r.reads.flatMap((x) => x.entries));
  const files: FileEntry[] = rosters.map((r) => {
    const people = r.reads.reduce((n, x) => n + x.entries.length, 0);
    const unreadable = r.reads.filter((x) => !x.layout);
    const use = people
      ? `县局执法人员名单：${people}人，用于核对各乡镇案件的执法人员（执法证号不写入汇总表和通报）`
      : unreadable.length
        ? `执法人员名单无法读取：找不到「姓名」列，没有按它核对执法人员`
        : '执法人员名单中没有人员，没有按它核对执法人员';
    return { file: r.file, team: null, months: [], received: null, timeSource: null, use };
  });
  const notes: string[] = [];
  if (!entries.length) return { notes, files };
  const uncovered = new Set<string>();
  for (const p of a.packages) {
    if (!p.key) continue;
    const mine = entriesFor(entries, p.key);
    if (!mine.length) {
      uncovered.add(p.key);
      continue;
    }
    p.item = { ...p.item, check: checkWorkbook(p.item.grids, p.item.checkOptions, { roster: mine }) };
  }
  for (const key of uncovered) {
    const team = a.towns.find((t) => t.key === key)?.team ?? key;
    notes.push(`${team}：县局执法人员名单中没有本乡镇的人员，本乡镇的案件没有按名单核对执法人员`);
  }
  return { notes, files };
}
