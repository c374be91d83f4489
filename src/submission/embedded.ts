/**
 * The package's records as machine-readable data inside our Word file: a custom XML part
 * (`customXml/item1.xml`, ECMA-376 Part 1 §22.5) holding versioned JSON, so the county's
 * roll-up reads exactly what was sent. Custom XML parts are data only: Word, WPS and
 * LibreOffice neither show nor print them, so the file looks and prints as before.
 */
import { DOMParser, Element } from '@xmldom/xmldom';
import type { Document } from 'docx';
import { z } from 'zod';
import { KINDS, Kind, officialColumns } from '../ledger/columns';
import { IsoDate, isIsoDate } from '../ledger/dates';
import { Contact, Period } from '../ledger/options';
import { LedgerSection, PendingItem } from './select';

/** Root namespace of our part; a reader finds the part by it, whatever the part's file name. */
export const EMBEDDED_NAMESPACE = 'urn:taizhang:submission';
export const EMBEDDED_VERSION = 1;
const ITEM_ID = '{6F1C2A0E-6D3B-4C59-9E61-5A7B2D0C1E01}';

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
const isoDate = z.string().refine(isIsoDate);
const kind = z.enum(KINDS as [Kind, ...Kind[]]);

export const embeddedSchema = z.object({
  format: z.literal('taizhang-submission'),
  version: z.literal(EMBEDDED_VERSION),
  team: z.string().min(1).max(200),
  period: z.object({ from: month, to: month }).refine((p) => p.from <= p.to),
  /** 报送日期 printed in the file. */
  today: isoDate,
  /** When the file was made (ISO 8601 instant). */
  generatedAt: z.string().refine((s) => !Number.isNaN(Date.parse(s))),
  contact: z.object({ name: z.string(), title: z.string(), phone: z.string() }),
  /** One per ledger, in 处罚, 检查, 强制 order: the rows of its Word table, text per official column key. */
  sections: z.array(z.object({ kind, title: z.string(), rows: z.array(z.record(z.string(), z.string())) })).max(3),
  /** Rows in no month yet (待复检 / 尚未结案), listed on the cover but not in the tables. */
  pending: z.array(z.object({ kind, state: z.string(), text: z.string() })),
});
export type EmbeddedPackage = z.infer<typeof embeddedSchema>;

export interface EmbeddedInput {
  team: string;
  period: Period;
  sections: LedgerSection[];
  pending: PendingItem[];
  contact: Contact;
  today: IsoDate;
  generatedAt?: Date;
}

/** The data our Word file carries: what its tables print, as text per official column. */
export function embeddedPackage(d: EmbeddedInput): EmbeddedPackage {
  return {
    format: 'taizhang-submission',
    version: EMBEDDED_VERSION,
    team: d.team,
    period: { from: d.period.from, to: d.period.to },
    today: d.today,
    generatedAt: (d.generatedAt ?? new Date()).toISOString(),
    contact: { name: d.contact.name, title: d.contact.title, phone: d.contact.phone },
    sections: d.sections.map((s) => {
      const keys = officialColumns(s.kind).map((c) => c.key);
      return { kind: s.kind, title: s.title, rows: s.rows.map((r) => Object.fromEntries(keys.map((k) => [k, r.cells[k] ?? '']))) };
    }),
    pending: d.pending.map((p) => ({ kind: p.kind, state: p.state, text: p.text })),
  };
}

/** JSON as XML text: `&<>` escaped, and characters XML 1.0 cannot carry written as JSON `\u` escapes (JSON.stringify already escapes lone surrogates). */
function jsonText(data: EmbeddedPackage): string {
  const json = JSON.stringify(data).replace(/[\u0000-\u001f\u007f-\u009f\ufffe\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return json.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

const REL_CUSTOM_XML = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml';
const REL_PROPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps';
const PROPS_TYPE = 'application/vnd.openxmlformats-officedocument.customXmlProperties+xml';
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/**
 * Adds the part to a docx `Document` before it is packed: the relationship from the main
 * document and the content type of its properties; returns the files to pack with it.
 */
export function embedParts(doc: Document, data: EmbeddedPackage): { path: string; data: string }[] {
  doc.Document.Relationships.addRelationship('TzData1', REL_CUSTOM_XML, '../customXml/item1.xml');
  doc.ContentTypes.addOverride(PROPS_TYPE, '/customXml/itemProps1.xml');
  return [
    { path: 'customXml/item1.xml', data: `${DECL}<tz:package xmlns:tz="${EMBEDDED_NAMESPACE}" tz:version="${EMBEDDED_VERSION}">${jsonText(data)}</tz:package>` },
    {
      path: 'customXml/itemProps1.xml',
      data: `${DECL}<ds:datastoreItem ds:itemID="${ITEM_ID}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs><ds:schemaRef ds:uri="${EMBEDDED_NAMESPACE}"/></ds:schemaRefs></ds:datastoreItem>`,
    },
    {
      path: 'customXml/_rels/item1.xml.rels',
      data: `${DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_PROPS}" Target="itemProps1.xml"/></Relationships>`,
    },
  ];
}

export type EmbeddedRead =
  | { ok: true; data: EmbeddedPackage }
  /** The part is ours but its data is unusable: say why, and read the tables. */
  | { ok: false; reason: string }
  /** Not our part. */
  | null;

/** Reads one custom XML part's text: our data, validated, or why it cannot be used; null for someone else's part. */
export function readEmbedded(xml: string): EmbeddedRead {
  let root: Element | null = null;
  try {
    root = new DOMParser({ onError: () => undefined }).parseFromString(xml, 'application/xml').documentElement;
  } catch {
    return null;
  }
  if (!root || root.namespaceURI !== EMBEDDED_NAMESPACE || root.localName !== 'package') return null;
  const version = Number(root.getAttributeNS(EMBEDDED_NAMESPACE, 'version'));
  if (version > EMBEDDED_VERSION) return { ok: false, reason: `内嵌数据由较新版本的执法台账助手生成（第${version}版）` };
  let json: unknown;
  try {
    json = JSON.parse(root.textContent ?? '');
  } catch {
    return { ok: false, reason: '内嵌数据已损坏' };
  }
  const r = embeddedSchema.safeParse(json);
  if (!r.success) return { ok: false, reason: `内嵌数据不完整（${r.error.issues[0]?.path.join('.') || '格式'}）` };
  return { ok: true, data: r.data };
}
