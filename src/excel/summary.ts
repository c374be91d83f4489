/* Compatibility re-export: pane summaries now live in src/session/summary.ts (import them from there). */
export { missingKinds, sheetSummaries } from '../session/summary';
