/*
 * Text as a cell shows it, from a shared string (`<si>`) or an inline string (`<is>`): plain
 * `<t>`, or rich-text runs `<r><t>` joined; phonetic runs (`<rPh>`, furigana/pinyin guides,
 * valid by the schema: ECMA-376 Part 1, 18.4.6) are not part of the text and are skipped.
 * Browser-capable: no Node APIs.
 */
import { Attrs, XmlHandlers, unescapeXstring } from './xml';

/** Collects the text of one `<si>` or `<is>` element's children as they stream by. */
export class RichTextCollector {
  private parts: string[] = [];
  private inT = false;
  private skip = 0;

  reset(): void {
    this.parts = [];
    this.inT = false;
    this.skip = 0;
  }

  /** True when the element belongs to the string (and was taken). */
  open(name: string): boolean {
    if (name === 'rPh' || name === 'phoneticPr') this.skip++;
    else if (name === 't' && !this.skip) this.inT = true;
    else return name === 'r' || name === 'rPr' || this.skip > 0;
    return true;
  }

  close(name: string): void {
    if (name === 'rPh' || name === 'phoneticPr') this.skip--;
    else if (name === 't') this.inT = false;
  }

  text(t: string): void {
    if (this.inT) this.parts.push(t);
  }

  /** The text, or null when there is none. */
  value(): string | null {
    const s = this.parts.length === 1 ? this.parts[0] : this.parts.join('');
    return s === '' ? null : unescapeXstring(s);
  }
}

/** Handlers that read `xl/sharedStrings.xml` into `out` (index = `<si>` order). */
export function sharedStringsReader(out: (string | null)[]): XmlHandlers {
  const rt = new RichTextCollector();
  let inSi = false;
  return {
    open(name: string, _a: Attrs) {
      if (name === 'si') {
        inSi = true;
        rt.reset();
      } else if (inSi) rt.open(name);
    },
    close(name: string) {
      if (name === 'si') {
        out.push(rt.value());
        inSi = false;
      } else if (inSi) rt.close(name);
    },
    text(t: string) {
      if (inSi) rt.text(t);
    },
  };
}
