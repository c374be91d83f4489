/*
 * The pane's settings in the workbook file: custom document properties (文件 → 属性 → 自定义),
 * which WPS saves with the .xlsx. WPS's PluginStorage is not kept across sessions, so it is not
 * used. Each key's JSON is cut into text properties `key#1`, `key#2`, … of at most 240
 * characters: Office limits a text property to 255 characters and WPS documents no limit,
 * so the cut is safe either way.
 */
import type { DocumentStore } from '../session/driver';
import { XL } from './et';

/** Characters per property value. */
export const CHUNK = 240;
const PREFIX = 'taizhang.';

interface Property {
  Name: string;
  Value: unknown;
  Delete(): void;
}

interface Properties {
  Count: number;
  Item(i: number | string): Property;
  Add(name: string, linkToContent: boolean, type: number, value: unknown): Property;
}

function propertiesOf(wb: Et.Workbook): Properties {
  return wb.CustomDocumentProperties as unknown as Properties;
}

/** Our properties: key → chunk index → text. */
function readAll(props: Properties): Map<string, Map<number, string>> {
  const out = new Map<string, Map<number, string>>();
  for (let i = 1; i <= props.Count; i++) {
    const p = props.Item(i);
    const m = /^(.+)#(\d+)$/.exec(String(p.Name));
    if (!m || !m[1].startsWith(PREFIX)) continue;
    const parts = out.get(m[1]) ?? new Map<number, string>();
    parts.set(Number(m[2]), String(p.Value ?? ''));
    out.set(m[1], parts);
  }
  return out;
}

function joined(parts: Map<number, string>): unknown {
  let text = '';
  for (let i = 1; parts.has(i); i++) text += parts.get(i);
  try {
    return JSON.parse(text);
  } catch {
    return undefined; // damaged or cut short: the session's sanitizer ignores it
  }
}

/** The workbook's settings (read once; `save` writes the keys that were set). */
export function workbookStore(wb: Et.Workbook): DocumentStore {
  let cache: Map<string, unknown> | null = null;
  const dirty = new Set<string>();
  const load = () => {
    if (cache) return cache;
    cache = new Map();
    try {
      for (const [k, parts] of readAll(propertiesOf(wb))) cache.set(k, joined(parts));
    } catch {
      // no properties readable: start empty
    }
    return cache;
  };
  return {
    get: (key) => load().get(key),
    set: (key, value) => {
      load().set(key, value);
      dirty.add(key);
    },
    save: async () => {
      const props = propertiesOf(wb);
      try {
        for (const key of dirty) {
          for (let i = props.Count; i >= 1; i--) {
            const p = props.Item(i);
            if (String(p.Name).startsWith(`${key}#`)) p.Delete();
          }
          const text = JSON.stringify(load().get(key) ?? null);
          for (let i = 0, n = 1; i < text.length; i += CHUNK, n++) props.Add(`${key}#${n}`, false, XL.propertyString, text.slice(i, i + CHUNK));
        }
        dirty.clear();
      } catch (e) {
        throw new Error(`设置没有保存到工作簿：${e instanceof Error && e.message ? e.message : '未知原因'}`);
      }
    },
  };
}
