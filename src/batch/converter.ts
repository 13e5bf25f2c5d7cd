/**
 * Where conversion tasks run: in the calling thread (small batches and `-j1`, no start-up cost)
 * or in a piscina worker pool of N threads. Both give the same results; the runner keeps input
 * order. A task carries several inputs, so that messaging costs little per input.
 */

import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { BroadcastChannel } from 'node:worker_threads';
import type { Piscina } from 'piscina';
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
  /** Tasks a pool converted in the calling thread while its workers were starting (0 without a pool). */
  readonly inlineTasks: number;
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
    inlineTasks: 0,
  };
}

/**
 * The file each worker loads: the bundled worker with its code cache (worker-entry.cjs, beside
 * this file in dist/), else the compiled worker module (in dist/ when this file runs from src/,
 * as in the tests, or when the build made no bundle).
 */
export function workerFile(): string {
  const bundled = fileURLToPath(new URL('./worker-entry.cjs', import.meta.url));
  if (existsSync(bundled) && existsSync(fileURLToPath(new URL('./worker-bundle.cjs', import.meta.url)))) return bundled;
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

/** The next turn of the event loop, where messages from the workers are handled. */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * How long a short batch (see SHORT_BATCH in run-batch.ts) converts in the calling thread before
 * its worker pool is started, in ms.
 *
 * Workers cost more than a short batch takes. Each needs about 0.1 s to start (a new isolate
 * loads the converter's bundle) and converts slowly until V8 has optimised the hot code, which
 * costs each of them about 0.4 CPU seconds over its first 1,000 inputs; on two cores, 200 short
 * articles took 0.35 s in one thread and 0.55 s with two workers started at once, 1,000 took
 * 0.85 s and 1.0 s. So a short batch starts in this thread, and only one still running after
 * this long (long inputs, such as saved pages) gets the workers; it goes on converting here while
 * they start.
 */
export const POOL_START_AFTER_MS = 250;

/**
 * The delay for a short batch: POOL_START_AFTER_MS, or the number of ms in
 * `ARTICLE_PARSE_POOL_START_MS` (0 starts the pool at once: the tests use it to exercise the
 * workers with a few inputs).
 */
export function poolStartAfter(env: Readonly<Record<string, string | undefined>>): number {
  const text = env['ARTICLE_PARSE_POOL_START_MS'];
  const value = Number(text);
  return text !== undefined && text.trim() !== '' && Number.isFinite(value) && value >= 0 ? value : POOL_START_AFTER_MS;
}

/**
 * Conversions in a pool of `threads` worker threads (piscina is loaded when the pool starts).
 *
 * With `startAfterMs` 0 the pool starts at once and takes every task (they wait for its workers
 * to start). Otherwise it starts that long after the first task, and until one of its workers has
 * loaded the converter, tasks are converted in the calling thread, one per turn of the event loop
 * so that the pool hears from its workers; from then on every task goes to the pool. Converted
 * here, a task's results come back as objects rather than packed; the runner reads both.
 */
export async function poolConverter(threads: number, startAfterMs = 0): Promise<Converter> {
  const state: { pool: Piscina<TaskRequest, Uint8Array> | null; channel: BroadcastChannel | null } = { pool: null, channel: null };
  /** Set once a worker has loaded the converter. */
  let started = false;
  /** Set once the pool has been asked to start. */
  let starting = false;
  let firstTask = -1;
  let inlineTasks = 0;

  const startPool = (): void => {
    starting = true;
    // Loaded synchronously: `import()` would load piscina's modules over several turns of the
    // event loop, and while a short batch converts here a turn comes only between tasks, so the
    // workers were started seconds late (see POOL_START_AFTER_MS).
    const { Piscina: Pool } = createRequire(import.meta.url)('piscina') as { Piscina: typeof Piscina };
    // Workers say on this channel when they have loaded the converter (see worker.ts).
    const loadedChannel = `article-parse-worker-loaded-${process.pid}-${randomUUID()}`;
    const channel = new BroadcastChannel(loadedChannel);
    channel.onmessage = () => {
      started = true;
      channel.close();
    };
    // (an unreferenced channel never keeps the process alive)
    channel.unref();
    state.channel = channel;
    state.pool = new Pool<TaskRequest, Uint8Array>({
      filename: workerFile(),
      minThreads: threads,
      maxThreads: threads,
      idleTimeout: 1000,
      // no histograms of each task's wait and run times: nothing reads them
      recordTiming: false,
      resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB, maxOldGenerationSizeMb: WORKER_HEAP_MB },
      workerData: { loadedChannel },
    });
  };
  if (startAfterMs <= 0) {
    startPool();
    started = true;
  }

  return {
    async run(request) {
      let pool = state.pool;
      if (!started || pool === null) {
        const now = performance.now();
        if (firstTask < 0) firstTask = now;
        if (!starting && now - firstTask >= startAfterMs) {
          try {
            startPool();
          } catch {
            // a pool that cannot start leaves the batch converting here
          }
        }
        await nextTurn();
        pool = state.pool;
        if (!started || pool === null) {
          inlineTasks++;
          return resultList(runTask(request));
        }
      }
      // Bytes already in memory (archive entries, stdin) are moved, not copied; files are read by the worker.
      const transferList: ArrayBuffer[] = [];
      const inputs = request.inputs.map((input) => {
        if (input.bytes === null) return input;
        const bytes = ownBuffer(input.bytes);
        transferList.push(bytes.buffer as ArrayBuffer);
        return { ...input, bytes };
      });
      return unpackResults(await pool.run({ ...request, inputs }, { transferList }));
    },
    async close() {
      state.channel?.close();
      await state.pool?.destroy();
    },
    largestInput: WORKER_LARGEST_INPUT,
    threads,
    get inlineTasks() {
      return inlineTasks;
    },
  };
}
