/*
 * A .rar (RAR 4 and 5) with node-unrar-js: RARLAB's own unrar compiled to WebAssembly, the same
 * in Node and the browser. The headers are read first, so sizes and counts are checked against
 * the container budget before anything is unpacked. In the browser the wasm binary is handed in
 * (`setRarWasm`); under Node the package loads its own.
 */
import { InputError } from '../limits';
import { ArchiveEntry } from './archive-zip';
import { Budget } from './budget';

type WasmLoader = () => Promise<ArrayBuffer | undefined>;
let wasmLoader: WasmLoader | null = null;

/** The task pane's build hands in the wasm file (it cannot read it from disk). */
export function setRarWasm(load: WasmLoader | null): void {
  wasmLoader = load;
}

function reasonOf(e: unknown, name: string): InputError {
  const r = String((e as { reason?: string })?.reason ?? '');
  if (r === 'ERAR_MISSING_PASSWORD' || r === 'ERAR_BAD_PASSWORD') return new InputError(`${name} 压缩包设置了密码，无法打开。请去掉密码后重新报送`, 'encrypted');
  if (r === 'ERAR_EOPEN' || r === 'ERAR_EREFERENCE') return new InputError(`${name} 是分卷压缩包的一部分，无法单独打开。请解压后报送其中的 Word 文件`, 'damaged');
  return new InputError(`${name} 压缩包已损坏或无法识别，无法打开`, 'damaged');
}

export async function readRarArchive(bytes: Uint8Array, name: string, budget: Budget): Promise<ArchiveEntry[]> {
  const { createExtractorFromData } = await import(/* webpackChunkName: "unrar" */ 'node-unrar-js');
  const data = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  let headers;
  let extractor;
  try {
    extractor = await createExtractorFromData({ data, wasmBinary: wasmLoader ? await wasmLoader() : undefined });
  } catch (e) {
    if ((e as { reason?: string })?.reason) throw reasonOf(e, name);
    // The WebAssembly unrar did not start (a page whose security policy forbids WebAssembly, an old browser).
    throw new InputError(`${name} 是 .rar 压缩包，但这里无法运行解压程序。请用命令行 taizhang rollup 汇总，或解压后选择其中的 Word 文件`, 'damaged');
  }
  try {
    const list = extractor.getFileList();
    if (list.arcHeader.flags.headerEncrypted) throw Object.assign(new Error('password'), { reason: 'ERAR_MISSING_PASSWORD' });
    if (list.arcHeader.flags.volume) throw Object.assign(new Error('volume'), { reason: 'ERAR_EOPEN' });
    headers = [];
    for (const h of list.fileHeaders) {
      if (headers.length >= budget.limits.entries) throw new InputError(`${name} 里的文件超过上限，没有读取`, 'too-large');
      headers.push(h);
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw reasonOf(e, name);
  }
  const out: ArchiveEntry[] = [];
  const take = new Set<string>();
  for (const h of headers) {
    if (h.flags.directory) continue;
    const label = `${name} 中的 ${h.name}`;
    if (h.flags.encrypted) {
      out.push({ name: h.name, bytes: new Uint8Array(), problem: '设置了密码，无法解压' });
      continue;
    }
    try {
      budget.take(h.unpSize, label);
      take.add(h.name);
    } catch (e) {
      out.push({ name: h.name, bytes: new Uint8Array(), problem: e instanceof InputError ? e.message.slice(label.length).replace(/^[：，]/, '') || e.message : '无法解压' });
    }
  }
  if (!take.size) return out;
  try {
    const files = extractor.extract({ files: (h) => take.has(h.name) }).files;
    for (const f of files) {
      const got = f.extraction;
      if (!got || got.length > f.fileHeader.unpSize) out.push({ name: f.fileHeader.name, bytes: new Uint8Array(), problem: '解压后与声明的大小不符，可能已损坏' });
      else out.push({ name: f.fileHeader.name, bytes: got, problem: null });
    }
  } catch (e) {
    const err = reasonOf(e, name);
    for (const n of take) if (!out.some((o) => o.name === n)) out.push({ name: n, bytes: new Uint8Array(), problem: err.message.slice(name.length).trim() });
  }
  return out;
}

