/**
 * Where conversion tasks run: in the calling thread (small batches and `-j1`, no start-up cost)
 * or in a piscina worker pool of N threads. Both give the same results; the runner keeps input
 * order. A task carries several inputs, so that messaging costs little per input.
 */

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runTask } from './run-task.js';
import { resultList, unpackResults, type TaskResults } from './task-results.js';
import type { TaskRequest } from './types.js';

/** Runs conversion tasks. */
export interface Converter {
  run(request: TaskRequest): Promise<TaskResults>;
  /**
   * The largest input (in bytes) this converter takes: a larger one comes back `deferred`, for
   * the caller to convert in its own thread.
   */
  readonly largestInput: number;
  /** Stop the workers (after the pending tasks). */
  close(): Promise<void>;
  /** Worker threads in use; 0 when converting in the calling thread. */
  readonly threads: number;
}

/** Conversions in the calling thread. */
export function inlineConverter(): Converter {
  return {
    run: (request) => {
      try {
        return Promise.resolve(resultList(runTask(request)));
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    },
    close: () => Promise.resolve(),
    largestInput: Number.POSITIVE_INFINITY,
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

/**
 * A worker's young generation, in MB. V8 lets it grow to several times this over a long run,
 * which makes peak memory grow with the batch; conversions keep little alive between inputs, so
 * a small one costs no measurable time.
 */
const WORKER_YOUNG_GENERATION_MB = 8;

/**
 * A worker's heap limit, in MB. After each full collection V8 lets the old generation grow to
 * up to 4× what survived when the limit is 2 GB or more, and to 2× (or the live size + 8 MB)
 * below it: with the default limit (about 4 GB) a worker's heap grew from about 10 MB to 30 MB
 * over a long batch, with this one it stays near 15 MB. The inputs a worker takes are bounded
 * (`WORKER_LARGEST_INPUT`) so that this limit is never near.
 */
const WORKER_HEAP_MB = 2000;

/**
 * The largest input a worker converts, in bytes. Converting takes up to about 22 bytes of heap
 * per input byte (measured on 60 MB text and HTML inputs), so a 16 MiB input needs about 370 MB,
 * a fifth of the worker's limit. Larger inputs (rare) are converted in the calling thread, with
 * its default limit, as with `-j1`.
 */
export const WORKER_LARGEST_INPUT = 16 * 1024 * 1024;

/** Conversions in a pool of `threads` worker threads (piscina is loaded on first use). */
export async function poolConverter(threads: number): Promise<Converter> {
  const { Piscina } = await import('piscina');
  const pool = new Piscina<TaskRequest, Uint8Array>({
    filename: workerFile(),
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: 1000,
    // no histograms of each task's wait and run times: nothing reads them
    recordTiming: false,
    resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB, maxOldGenerationSizeMb: WORKER_HEAP_MB },
  });
  return {
    run(request) {
      // Bytes already in memory (archive entries, stdin) are moved, not copied; files are read by the worker.
      const transferList: ArrayBuffer[] = [];
      const inputs = request.inputs.map((input) => {
        if (input.bytes === null) return input;
        const bytes = ownBuffer(input.bytes);
        transferList.push(bytes.buffer as ArrayBuffer);
        return { ...input, bytes };
      });
      return pool.run({ ...request, inputs }, { transferList }).then(unpackResults);
    },
    close: () => pool.destroy(),
    largestInput: WORKER_LARGEST_INPUT,
    threads,
  };
}
