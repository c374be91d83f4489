/*
 * Which township each file belongs to: the team the file or its mail's subject states; failing
 * that, the one listed (or otherwise seen) township its subject, sender or file name mentions.
 * And the townships to list: the given list, then any other township that sent something.
 */
import { nextMonthStart } from '../ledger/dates';
import { Package } from './package';
import { OtherMail, Origin, Sources, Unreadable } from './sources';
import { mentionedTeam, teamKey } from './team';
import { chinaTime } from './time';

export interface Township {
  team: string;
  key: string;
  unlisted: boolean;
}

export interface Attributed<T> {
  item: T;
  /** Township key, or null when no township can be told. */
  key: string | null;
  /** The team was recognised by a name in the subject, sender or file name, not stated. */
  byName: boolean;
}

export interface Attribution {
  towns: Township[];
  packages: Attributed<Package & { origin: Origin }>[];
  unreadable: Attributed<Unreadable>[];
  mails: Attributed<OtherMail>[];
  /** Files that are no ledger (pictures, signatures …). */
  ignored: { file: string; reason: string }[];
}

function townships(named: (string | null)[], listed: string[] | undefined): Township[] {
  const seen = new Map<string, Map<string, number>>();
  for (const name of named) {
    if (!name) continue;
    const k = teamKey(name);
    const names = seen.get(k) ?? new Map<string, number>();
    names.set(name, (names.get(name) ?? 0) + 1);
    seen.set(k, names);
  }
  const out: Township[] = [];
  const keys = new Set<string>();
  for (const raw of listed ?? []) {
    const team = raw.trim();
    const key = teamKey(team);
    if (!team || keys.has(key)) continue;
    keys.add(key);
    out.push({ team, key, unlisted: false });
  }
  const rest = [...seen.entries()]
    .filter(([k]) => !keys.has(k))
    .map(([key, names]) => {
      const team = [...names.entries()].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length)[0][0];
      return { team, key, unlisted: !!listed };
    })
    .sort((a, b) => a.team.localeCompare(b.team, 'zh-CN'));
  return [...out, ...rest];
}

/** Teams stated first; then names mentioned, matched against the townships known from the list and the stated teams. */
export function attribute(src: Sources, listed: string[] | undefined): Attribution {
  const stated = [...src.packages.map((p) => p.team), ...src.unreadable.map((u) => u.team), ...src.mails.map((m) => m.team)];
  const known = townships(stated, listed);
  const of = <T extends { team: string | null; origin: Origin }>(item: T, extra: string[] = []): Attributed<T> => {
    if (item.team) return { item, key: teamKey(item.team), byName: false };
    const hit = mentionedTeam([...item.origin.hints, ...extra], known);
    return { item, key: hit?.key ?? null, byName: !!hit };
  };
  return {
    towns: known,
    packages: src.packages.map((p) => of(p)),
    unreadable: src.unreadable.map((u) => of(u, [u.file])),
    mails: src.mails.map((m) => of(m)),
    ignored: src.ignored,
  };
}

/**
 * Whether an unreadable ledger counts for `month`: its months say so; or, when they cannot be
 * told, it came between the month's first day and the end of the month after (or without a time).
 */
export function unreadFor(u: Unreadable, month: string): { match: boolean; assumed: boolean } {
  if (u.months.length) return { match: u.months.includes(month), assumed: false };
  if (!u.received) return { match: true, assumed: true };
  const day = chinaTime(u.received).date;
  return { match: day >= `${month}-01` && day < nextMonthStart(nextMonthStart(month).slice(0, 7)), assumed: true };
}
