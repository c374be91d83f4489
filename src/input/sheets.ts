/*
 * The workbook's parts (ECMA-376 Part 1, 12.3): where the workbook part is (`_rels/.rels`), its
 * worksheets in order with their names and visibility, the date system, and where the shared
 * strings and styles are (the workbook's relationships). Browser-capable: no Node APIs.
 */
import { Attrs, attrLocal, parseXml } from './xml';

export interface SheetPart {
  name: string;
  /** Zip entry of the worksheet. */
  path: string;
  /** `hidden` or `veryHidden` in `<sheet state>`. */
  hidden: boolean;
}

export interface WorkbookParts {
  workbookPath: string;
  sheets: SheetPart[];
  date1904: boolean;
  sharedStrings: string | null;
  styles: string | null;
}

/** An entry path from a relationship target, relative to the folder of the part that has it. */
export function resolveTarget(base: string, target: string): string {
  const t = target.replace(/\\/g, '/');
  const parts = t.startsWith('/') ? [] : base.split('/').slice(0, -1);
  for (const seg of t.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return parts.join('/');
}

interface Rel {
  id: string;
  type: string;
  target: string;
}

export function readRels(xml: string | null): Rel[] {
  const out: Rel[] = [];
  if (!xml) return out;
  parseXml(xml, {
    open(name: string, a: Attrs) {
      if (name === 'Relationship' && a.Id && a.Target && a.TargetMode !== 'External') out.push({ id: a.Id, type: a.Type ?? '', target: a.Target });
    },
    close() {},
  });
  return out;
}

const relType = (r: Rel, t: string) => r.type.endsWith(`/${t}`);

/** The officeDocument of `_rels/.rels`, or `xl/workbook.xml`. */
export function workbookPath(rootRels: string | null): string {
  const r = readRels(rootRels).find((x) => relType(x, 'officeDocument'));
  return r ? resolveTarget('', r.target) : 'xl/workbook.xml';
}

/** Parses `workbook.xml` with its relationships; throws `XmlFailed` when either is not well formed. */
export function readWorkbookParts(path: string, workbookXml: string, relsXml: string | null): WorkbookParts {
  const rels = readRels(relsXml);
  const byId = new Map(rels.map((r) => [r.id, r]));
  const sheets: SheetPart[] = [];
  let date1904 = false;
  parseXml(workbookXml, {
    open(name: string, a: Attrs) {
      if (name === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
      else if (name === 'sheet') {
        const rel = byId.get(attrLocal(a, 'id') ?? '');
        if (!rel || !relType(rel, 'worksheet') || a.name === undefined) return;
        sheets.push({ name: a.name, path: resolveTarget(path, rel.target), hidden: a.state === 'hidden' || a.state === 'veryHidden' });
      }
    },
    close() {},
  });
  const part = (t: string) => {
    const r = rels.find((x) => relType(x, t));
    return r ? resolveTarget(path, r.target) : null;
  };
  return { workbookPath: path, sheets, date1904, sharedStrings: part('sharedStrings'), styles: part('styles') };
}

/** `xl/workbook.xml` → `xl/_rels/workbook.xml.rels` */
export function relsPathOf(path: string): string {
  const i = path.lastIndexOf('/');
  return `${path.slice(0, i + 1)}_rels/${path.slice(i + 1)}.rels`;
}
