/*
 * Requirement sets of Office.js members, generated from @types/office-js by
 * scripts/office-api-sets.js (api-sets.generated.json; a test keeps it current). No Node APIs.
 */
import generated from './api-sets.generated.json';

/** `[set, version]`, e.g. `['ExcelApi', '1.9']`. */
export type Requirement = [string, string];

const MEMBERS = generated.members as unknown as Record<string, Requirement>;

/** The highest numbered ExcelApi in the typings. */
export const LATEST_EXCEL_API: string = generated.latestExcelApi;
export const TYPINGS: string = generated.source;

export function versionLe(a: string, b: string): boolean {
  const [a1, a2 = 0] = a.split('.').map(Number);
  const [b1, b2 = 0] = b.split('.').map(Number);
  return a1 < b1 || (a1 === b1 && a2 <= b2);
}

/**
 * The requirement of `Excel.<member>` or `Office.<member>` (`Worksheet.getRanges`, `Office.UI.openBrowserWindow`);
 * `set` asks for the setter where the typings name a later version for setting. Undefined when
 * the typings tag no set (e.g. `Excel.RunOptions.delayForCellEdit`).
 */
export function requirementOf(member: string, set = false): Requirement | undefined {
  const key = member.startsWith('Office.') ? member : `Excel.${member}`;
  return (set ? MEMBERS[`${key}=`] : undefined) ?? MEMBERS[key];
}

/** Whether the typings know the member at all (the fake refuses to model members they do not tag). */
export function isTagged(member: string): boolean {
  return requirementOf(member) !== undefined;
}
