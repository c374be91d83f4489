/* Which worksheet part belongs to which sheet name, resolved the way exceljs resolves it. */
import { SaxesParser } from 'saxes';

/** exceljs reads a zip entry as a worksheet when its name matches this (lib/xlsx/xlsx.js). */
export const WORKSHEET_PART = /xl\/worksheets\/sheet(\d+)[.]xml/;

function eachElement(xml: string, onOpen: (local: string, attrs: Record<string, string>) => void): void {
  const p = new SaxesParser();
  p.on('opentag', (t) => onOpen(t.name.slice(t.name.indexOf(':') + 1), t.attributes as Record<string, string>));
  p.write(xml).close();
}

/**
 * Part path → sheet name, from `xl/workbook.xml` and its relationships. As exceljs does
 * (xlsx.js `reconcile`): the sheet's `r:id` names a relationship whose target, without a
 * leading `/xl/`, is the part under `xl/`. Unreadable XML gives an empty map.
 */
export function sheetNamesByPart(workbookXml: string, relsXml: string): Map<string, string> {
  const out = new Map<string, string>();
  try {
    const targets = new Map<string, string>();
    eachElement(relsXml, (name, a) => {
      if (name === 'Relationship' && a.Id && a.Target) targets.set(a.Id, a.Target);
    });
    eachElement(workbookXml, (name, a) => {
      if (name !== 'sheet' || !a.name) return;
      const target = targets.get(a['r:id']);
      // exceljs cuts longer names to Excel's 31 characters.
      if (target) out.set(`xl/${target.replace(/^(\s|\/xl\/)+/, '')}`, a.name.slice(0, 31));
    });
  } catch {
    // The names only label messages and attach merges; exceljs will judge the XML itself.
  }
  return out;
}
