/* What the pane bench runs in a page beside the pane: the core alone (bundled by bench/pane.bench.ts). */
export { checkWorkbook } from '../src/validation/workbook';
