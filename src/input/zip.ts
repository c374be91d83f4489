/*
 * The zip layer: lists entries from the central directory (fflate, stopping at the entry limit)
 * and inflates an entry as a stream (JSZip, the library exceljs reads with) counting the bytes
 * it actually produces, so a part that lies about its size is stopped at the cap.
 * Browser-capable: no Node APIs.
 */
import { unzipSync } from 'fflate';
import JSZip from 'jszip';

export interface EntryInfo {
  name: string;
  /** Inflated size as the central directory declares it (not trusted). */
  declaredSize: number;
}

/** Thrown when the zip's central directory has more than `max` entries. */
export class TooManyEntries extends Error {}

/** Entries as the central directory lists them (folders included), reading no file data. */
export function listEntries(bytes: Uint8Array, max: number): EntryInfo[] {
  const out: EntryInfo[] = [];
  unzipSync(bytes, {
    filter: (f) => {
      if (out.length >= max) throw new TooManyEntries();
      out.push({ name: f.name, declaredSize: f.originalSize });
      return false;
    },
  });
  return out;
}

/** Thrown by `inflateEntry` when an entry inflates past its cap. */
export class EntryTooLarge extends Error {
  constructor(readonly entry: string) {
    super(entry);
  }
}

/** `ZipObject#internalStream` (documented, missing from JSZip's typings). */
interface StreamHelper {
  on(event: 'data', cb: (chunk: Uint8Array) => void): StreamHelper;
  on(event: 'error', cb: (e: Error) => void): StreamHelper;
  on(event: 'end', cb: () => void): StreamHelper;
  resume(): StreamHelper;
  pause(): StreamHelper;
}

/**
 * Inflates `file`, handing each chunk to `onChunk`, and resolves with the number of bytes.
 * Rejects with `EntryTooLarge` as soon as more than `cap` bytes came out (JSZip inflates 16 KB
 * of input at a time, so at most ~16 MB more are produced before it stops), and with whatever
 * `onChunk` throws.
 */
export function inflateEntry(file: JSZip.JSZipObject, cap: number, onChunk?: (chunk: Uint8Array) => void): Promise<number> {
  return new Promise((resolve, reject) => {
    let n = 0;
    let done = false;
    const stream = (file as unknown as { internalStream(type: 'uint8array'): StreamHelper }).internalStream('uint8array');
    const fail = (e: unknown) => {
      if (done) return;
      done = true;
      stream.pause();
      reject(e);
    };
    stream
      .on('data', (chunk) => {
        if (done) return;
        n += chunk.length;
        if (n > cap) return fail(new EntryTooLarge(file.name));
        try {
          onChunk?.(chunk);
        } catch (e) {
          fail(e);
        }
      })
      .on('error', fail)
      .on('end', () => {
        if (done) return;
        done = true;
        resolve(n);
      })
      .resume();
  });
}

/** The whole entry, at most `cap` bytes. */
export async function readEntry(file: JSZip.JSZipObject, cap: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  const n = await inflateEntry(file, cap, (c) => chunks.push(c));
  return joinChunks(chunks, n);
}

/** Chunks of `n` bytes in all, as one array. */
export function joinChunks(chunks: Uint8Array[], n: number): Uint8Array {
  const out = new Uint8Array(n);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
