/**
 * Where conversions run: in the calling thread (small batches and `-j1`, no start-up cost) or in
 * a piscina worker pool of N threads. Both give the same results; the runner keeps input order.
 */

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { convert } from './convert.js';
import type { ConvertRequest, ConvertResult } from './types.js';

/** Runs conversions. */
export interface Converter {
  convert(request: ConvertRequest): Promise<ConvertResult>;
  /** Stop the workers (after the pending conversions). */
  close(): Promise<void>;
  /** Worker threads in use; 0 when converting in the calling thread. */
  readonly threads: number;
}

/** Conversions in the calling thread. */
export function inlineConverter(): Converter {
  return {
    convert: (request) => Promise.resolve(convert(request)),
    close: () => Promise.resolve(),
    threads: 0,
  };
}

/** The compiled worker module: beside this file in dist/, or in dist/ when this file runs from src/ (tests). */
export function workerFile(): string {
  const beside = fileURLToPath(new URL('./worker.js', import.meta.url));
  if (existsSync(beside)) return beside;
  return fileURLToPath(new URL('../../dist/batch/worker.js', import.meta.url));
}

/** A copy of `bytes` that owns its whole buffer, so the buffer can be moved to a worker. */
function ownBuffer(bytes: Uint8Array): Uint8Array {
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer) return bytes;
  return new Uint8Array(bytes);
}

/** Conversions in a pool of `threads` worker threads (piscina is loaded on first use). */
export async function poolConverter(threads: number): Promise<Converter> {
  const { Piscina } = await import('piscina');
  const pool = new Piscina<ConvertRequest, ConvertResult>({ filename: workerFile(), minThreads: threads, maxThreads: threads, idleTimeout: 1000 });
  return {
    convert(request) {
      const bytes = ownBuffer(request.bytes);
      return pool.run({ ...request, bytes }, { transferList: [bytes.buffer as ArrayBuffer] });
    },
    close: () => pool.destroy(),
    threads,
  };
}
