/*
 * Which cell styles show a number as a date (`xl/styles.xml`): a number in such a cell is read
 * as a date, as exceljs read it (utils.isDateFmt: y, m, d, h, s or b outside quotes and
 * brackets), so a cell reads the same as before this reader. Built-in formats as exceljs lists
 * them (defaultnumformats.js: 14–22, 45–47), plus the Chinese built-ins 27–36 and 50–58
 * (`yyyy"年"m"月"`, `m"月"d"日"` … in zh-CN, ECMA-376 Part 1, 18.8.30), which exceljs leaves as numbers.
 */
import { Attrs, parseXml } from './xml';

const BUILT_IN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** exceljs's test for a date format. */
export function isDateFormat(code: string): boolean {
  return /[ymdhMsb]/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** Per `s` index (a `cellXfs` entry): true when it formats numbers as dates. */
export function dateStyles(xml: string | Uint8Array | null): boolean[] {
  if (!xml) return [];
  const custom = new Map<number, string>();
  const xfNumFmts: number[] = [];
  let inCellXfs = 0;
  parseXml(xml, {
    open(name: string, a: Attrs) {
      if (name === 'numFmt' && a.numFmtId !== undefined) custom.set(Number(a.numFmtId), a.formatCode ?? '');
      else if (name === 'cellXfs') inCellXfs++;
      else if (name === 'xf' && inCellXfs) xfNumFmts.push(Number(a.numFmtId ?? 0) || 0);
    },
    close(name: string) {
      if (name === 'cellXfs') inCellXfs--;
    },
  });
  return xfNumFmts.map((id) => (custom.has(id) ? isDateFormat(custom.get(id)!) : BUILT_IN_DATES.has(id)));
}
