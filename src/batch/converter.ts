/**
 * Where conversion tasks run: in the calling thread (small batches and `-j1`, no start-up cost)
 * or in a piscina worker pool of N threads. Both give the same results; the runner keeps input
 * order. A task carries several inputs, so that messaging costs little per input.
 */

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runTask } from './run-task.js';
import type { TaskRequest, TaskResult } from './types.js';

/** Runs conversion tasks. */
export interface Converter {
  run(request: TaskRequest): Promise<TaskResult[]>;
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
        return Promise.resolve(runTask(request));
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    },
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

/**
 * A worker's young generation, in MB. V8 lets it grow to several times this over a long run,
 * which makes peak memory grow with the batch; conversions keep little alive between inputs, so
 * a small one costs no measurable time.
 */
const WORKER_YOUNG_GENERATION_MB = 8;

/** Conversions in a pool of `threads` worker threads (piscina is loaded on first use). */
export async function poolConverter(threads: number): Promise<Converter> {
  const { Piscina } = await import('piscina');
  const pool = new Piscina<TaskRequest, TaskResult[]>({
    filename: workerFile(),
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: 1000,
    resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
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
      return pool.run({ ...request, inputs }, { transferList });
    },
    close: () => pool.destroy(),
    threads,
  };
}
