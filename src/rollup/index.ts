/**
 * The county side (issue 12): roll up every township's monthly package into the county's
 * tables, its list of late and missing townships, and a 通报 draft. Pure — file bytes in,
 * figures, JSON, .xlsx and .docx bytes out — so the CLI and a task-pane view call the same:
 *
 *   const r = await rollUp(files, { period: '2023-10', today, townships });
 *   rollupJson(r);                            // the `--json` object
 *   summaryWorkbook(r);                       // sheets as rows (a pane writes them as new sheets)
 *   await summaryXlsx(summaryWorkbook(r));    // the same as an .xlsx
 *   await noticeDocx(noticeModel(r));         // the 通报 draft
 */
export { rollUp, teamKey, monthLabel } from './rollup';
export type { CaseRow, FileEntry, MonthRollup, ReportStatus, Rollup, RollupIssue, RollupOptions, TownshipMonth } from './rollup';
export type { RollupFile } from './package';
export { STATUSES } from './types';
export { rollupJson } from './json';
export type { RollupJson, TownshipJson } from './json';
export { summaryWorkbook, statusText } from './summary';
export type { SheetModel } from './summary';
export { summaryXlsx } from './summary-xlsx';
export { noticeModel } from './notice-text';
export type { NoticeModel } from './notice-text';
export { noticeDocx } from './notice-docx';
export { classifyPenalty, classifyCoercion, moneyOf } from './stats';
export type { Figures } from './stats';
export { REVIEW_GROUPS, reviewGroup } from './groups';
