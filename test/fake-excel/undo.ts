/*
 * Excel's undo history, as the fake models it (no Node APIs). One stack per Excel instance —
 * the fake has one workbook per host, so it lives on the FakeWorkbook — holding the clerk's own
 * actions and, where Excel supports it, the add-in's writes:
 *
 * - Hosts with undo support (ExcelApi 1.20, https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-undo-capabilities):
 *   "Excel add-ins support undo behavior. This preserves both actions performed by Excel
 *   JavaScript APIs and actions performed by the user". Each `context.sync()` that writes is an
 *   undo step; with `Excel.run({ mergeUndoGroup: true })` the whole run is one ("When true, all
 *   context.sync() calls in a single Excel.run are merged into one undo group", RunOptions in
 *   @types/office-js). An API of the table below "clears the user's undo stack starting from that
 *   API call"; inside a merged group it fails the sync with `UndoNotSupported` instead ("If an
 *   API within the group doesn't offer undo support, the UndoNotSupported error is thrown").
 * - Older hosts (Excel 2021/LTSC, retail perpetual before Version 2509, Mac before 16.100): every
 *   write clears the whole stack (office-js#3788: "most of the set operation of Excel API will
 *   disable undo/redo operation, it's a by-design behavior"; office-js#6170, Version 2507:
 *   "range.formulas, worksheets.add clear the undo stack", closed as by design; the 2022 note in
 *   "Application-specific API model": "When an application-specific API is processed, the undo
 *   stack of the application is cleared"). Reads are not modelled as clearing it.
 * - A co-author's change is not on this clerk's stack ("the undo stack for an individual user").
 *
 * The clerk's Ctrl+Z (`FakeWorkbook.userUndo`) restores the sheets as they were before the step
 * and, for a step of the clerk's own, raises the change event for the cells it restored (assumed:
 * Excel's documentation does not say whether an undo raises onChanged; the session re-reads on
 * activation and 重新检查 either way). Undoing the add-in's step raises nothing.
 */
import type { FakeSheet } from './model';

/** The APIs the undo article lists as not supporting undo: [member, supported on the web, supported on Windows and Mac]. Those the add-in could touch. */
export const UNDO_UNSUPPORTED: [string, boolean, boolean][] = [
  ['Workbook.close', false, false],
  ['Workbook.insertWorksheetsFromBase64', false, false],
  ['Workbook.save', false, false],
  ['WorkbookProtection.protect', false, false],
  ['WorkbookProtection.unprotect', false, false],
  ['Worksheet.copy', false, false],
  ['Worksheet.delete', false, false],
  ['Worksheet.name', true, false],
  ['Worksheet.standardWidth', false, true],
  ['Worksheet.position', true, false],
  ['Worksheet.visibility', true, false],
  ['WorksheetCollection.addFromBase64', false, false],
  ['WorksheetProtection.pauseProtection', false, false],
  ['WorksheetProtection.protect', false, false],
  ['WorksheetProtection.resumeProtection', false, false],
  ['WorksheetProtection.setPassword', false, false],
  ['WorksheetProtection.unprotect', false, false],
  ['WorksheetProtection.updateOptions', false, false],
  ['DocumentProperties.title', false, true],
  ['NamedItem.comment', false, true],
];

/** Whether `member` (`Worksheet.delete`) cannot be undone on this platform. */
export function undoUnsupported(member: string, platform: string): boolean {
  const row = UNDO_UNSUPPORTED.find((r) => r[0] === member);
  return !!row && !(platform === 'OfficeOnline' ? row[1] : row[2]);
}

/** The sheets as they were before a step: a deep copy of each sheet touched (null: it did not exist yet), and the tab order. */
export interface Snapshot {
  order: string[];
  sheets: Map<string, FakeSheet | null>;
}

export interface UndoStep {
  by: 'clerk' | 'add-in';
  label: string;
  before: Snapshot;
  /** For the clerk's steps: the sheet and cells whose change event the undo raises. */
  event?: { sheetId: string; address: string };
}

export class UndoHistory {
  readonly steps: UndoStep[] = [];
  /** Why and how often the stack was emptied (for assertions). */
  readonly clears: string[] = [];

  push(step: UndoStep): void {
    this.steps.push(step);
  }

  clear(why: string): void {
    this.steps.length = 0;
    this.clears.push(why);
  }

  /** The step Ctrl+Z undoes next, or undefined (Excel: "Can't undo"). */
  top(): UndoStep | undefined {
    return this.steps[this.steps.length - 1];
  }

  /** Labels of the steps, oldest first. */
  labels(): string[] {
    return this.steps.map((s) => `${s.by}:${s.label}`);
  }
}
