/*
 * What every part reader shares: saxes fed UTF-8 bytes as they inflate (a sequence cut between
 * two chunks is completed by the decoder), local element names (any prefix, the transitional or
 * the strict namespace alike), and OOXML's `_xHHHH_` escapes. Browser-capable: no Node APIs.
 */
import { SaxesParser, SaxesTag } from 'saxes';

/** The XML is not well formed, or not UTF-8. */
export class XmlFailed extends Error {}

export type Attrs = Record<string, string>;

export function localName(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

/** An attribute by local name (`r:id` under whatever prefix the writer chose). */
export function attrLocal(attrs: Attrs, local: string): string | undefined {
  if (attrs[local] !== undefined) return attrs[local];
  for (const k in attrs) if (localName(k) === local && k.includes(':')) return attrs[k];
  return undefined;
}

export interface XmlHandlers {
  open(local: string, attrs: Attrs, selfClosing: boolean): void;
  close(local: string): void;
  /** Text and CDATA, entities decoded. */
  text?(text: string): void;
}

/** Feeds a part's bytes, as they inflate, to saxes: `write` each chunk, then `end`. */
export class XmlStream {
  private readonly parser = new SaxesParser({ position: false });
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });

  constructor(h: XmlHandlers) {
    const p = this.parser;
    p.on('error', (e) => {
      throw new XmlFailed(e.message);
    });
    p.on('opentag', (t: SaxesTag) => h.open(localName(t.name), t.attributes as Attrs, t.isSelfClosing));
    p.on('closetag', (t: SaxesTag) => h.close(localName(t.name)));
    if (h.text) {
      const text = h.text;
      p.on('text', text);
      p.on('cdata', text);
    }
  }

  write(chunk: Uint8Array): void {
    this.parser.write(this.decode(chunk, true));
  }

  writeText(text: string): void {
    this.parser.write(text);
  }

  end(): void {
    const rest = this.decode(new Uint8Array(0), false);
    if (rest) this.parser.write(rest);
    this.parser.close();
  }

  private decode(chunk: Uint8Array, stream: boolean): string {
    try {
      return this.decoder.decode(chunk, { stream });
    } catch {
      throw new XmlFailed('not UTF-8');
    }
  }
}

/** Parses a small part held whole; throws `XmlFailed` when it is not well formed. */
export function parseXml(xml: string | Uint8Array, h: XmlHandlers): void {
  const s = new XmlStream(h);
  if (typeof xml === 'string') s.writeText(xml);
  else s.write(xml);
  s.end();
}

const ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

/** Decodes `_xHHHH_` (ECMA-376 Part 1, 22.9.2.19 ST_Xstring: how a writer stores a character XML cannot hold, e.g. `_x000D_`). */
export function unescapeXstring(s: string): string {
  return s.indexOf('_x') < 0 ? s : s.replace(ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
