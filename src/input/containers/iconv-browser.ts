/*
 * What @kenjiuno/msgreader asks of iconv-lite (decode 8-bit strings in a code page), with the
 * browser's own TextDecoder, which knows GBK, GB18030, Big5 and the others (WHATWG Encoding).
 * The pane's builds alias `iconv-lite` to this file: iconv-lite's tables and the Buffer
 * polyfill it needs would add ~150 KB gzip to the roll-up chunk. Node (CLI, tests) uses iconv-lite.
 */
export function decode(bytes: Uint8Array, encoding: string): string {
  try {
    return new TextDecoder(encoding.toLowerCase().replace(/^cp(936|54936)$/, 'gb18030')).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

export function encode(text: string, encoding: string): Uint8Array {
  if (/^utf-?8$/i.test(encoding)) return new TextEncoder().encode(text);
  // msgreader encodes only when it writes a .msg, which the roll-up never does.
  throw new Error(`encoding ${encoding} is not available in the browser`);
}
