/**
 * Where conversion tasks run: in the calling thread (small batches and `-j1`, no start-up cost),
 * or in a piscina worker pool and the calling thread beside it. All give the same results; the
 * runner keeps input order. A task carries several inputs, so that messaging costs little per
 * input.
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
  /** Tasks a pool converted in the calling thread while its workers were starting (0 without a pool). */
  readonly inlineTasks: number;
  /**
   * How many tasks handed to `run` and not yet finished the runner should keep: enough that no
   * worker waits, and a few more for `assist`.
   */
  readonly capacity: number;
  /**
   * Convert the oldest task still waiting for a worker here, in the calling thread; false when
   * none waits. The runner calls it when it would otherwise wait for results.
   */
  assist(): boolean;
  /** Tasks converted by `assist`. */
  readonly assisted: number;
}

/** `error` as an Error (a thrown value may be anything). */
function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

/** Conversions in the calling thread. */
export function inlineConverter(): Converter {
  return {
    run: (request) => {
      try {
        return Promise.resolve(resultList(runTask(request)));
      } catch (error) {
        return Promise.reject(asError(error));
      }
    },
    close: () => Promise.resolve(),
    largestInput: Number.POSITIVE_INFINITY,
    inlineTasks: 0,
    capacity: 1,
    assist: () => false,
    assisted: 0,
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
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * How long a short batch (see SHORT_BATCH in run-batch.ts) converts in the calling thread before
 * its worker pool may start, in ms.
 *
 * Workers cost more than a short batch takes. Each needs about 0.1 s to start (a new isolate
 * loads the converter's bundle) and converts slowly until V8 has optimised the hot code (its
 * first 1,000 articles cost it about 0.4 CPU seconds more); on a machine with few cores it also
 * takes CPU from the compiler and collector threads of the calling thread. On two cores, batches
 * that took up to about 3.7 s in one thread (1,000 and 1,999 articles, 130 to 520 saved pages)
 * were at best a little faster with a worker, some slower; 1,040 saved pages took 5.4 to 6.1 s
 * instead of 6.4 to 7.2 (docs/batch.md has the figures). So a short batch starts in this thread,
 * and after this delay gets a worker only while at least MIN_REMAINING_MS of work is ahead.
 */
export const POOL_START_AFTER_MS = 250;
/**
 * The conversion work (in ms at the pace of the tasks so far) that must still be ahead of a short
 * batch for its pool to start.
 */
export const MIN_REMAINING_MS = 3000;

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
 * Tasks a worker holds at once: one converting and the next queued in the worker itself, so that
 * it goes on without waiting for the calling thread to send it one (that thread may be busy
 * converting).
 */
export const TASKS_PER_WORKER = 2;
/** Tasks the runner keeps beyond what the workers hold, for the calling thread to `assist` with. */
const TASKS_FOR_CALLER = 2;

/** A task handed to `run` and not yet sent to a worker or converted by `assist`. */
interface WaitingTask {
  request: TaskRequest;
  resolve(results: TaskResults): void;
  reject(error: Error): void;
}

/**
 * Conversions in a pool of `threads` worker threads (piscina is loaded when the pool starts),
 * and in the calling thread alongside them.
 *
 * Tasks go to the workers first, up to TASKS_PER_WORKER each; the others wait here, in order,
 * for the first worker done with a task, unless the runner, finding nothing else to do, converts
 * them itself (`assist`). So the calling thread, which would otherwise mostly wait for results,
 * converts too: `-j N` runs N − 1 workers beside it.
 *
 * With `startAfterMs` 0 the pool starts at once. Otherwise it starts no sooner than that long
 * after the first task, and, when `remaining` tells how many inputs are still to come, only while
 * they would take at least MIN_REMAINING_MS here at the pace so far. Until then, and until one
 * of its workers has loaded the converter, tasks are converted in the calling thread, one per
 * turn of the event loop so that the pool hears from its workers. Converted here, a task's
 * results come back as objects rather than packed; the runner reads both.
 */
export async function poolConverter(threads: number, startAfterMs = 0, remaining: (() => number) | null = null): Promise<Converter> {
  const state: { pool: Piscina<TaskRequest, Uint8Array> | null; channel: BroadcastChannel | null } = { pool: null, channel: null };
  /** Set once a worker has loaded the converter. */
  let started = false;
  /** Set once the pool has been asked to start. */
  let starting = false;
  let closed = false;
  let firstTask = -1;
  let inlineTasks = 0;
  /**
   * The pace of the tasks converted here before the pool started, in ms per input: the quicker
   * of the latest task's and the average (the first tasks are slow while V8 warms up, and a task
   * of large pages is slow), so that the pool starts only when both foresee enough work.
   */
  let inlineInputs = 0;
  let inlineMs = 0;
  let msPerInput = 0;
  let assisted = 0;
  const waiting: WaitingTask[] = [];
  /** Tasks sent to the workers and not yet back. */
  let sent = 0;
  const workerSlots = threads * TASKS_PER_WORKER;

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
      concurrentTasksPerWorker: TASKS_PER_WORKER,
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

  /** Send waiting tasks to the workers while they have room. */
  const pump = (): void => {
    const pool = state.pool;
    if (pool === null) return;
    while (sent < workerSlots) {
      const task = waiting.shift();
      if (task === undefined) return;
      sent++;
      // Bytes already in memory (archive entries, stdin) are moved, not copied; files are read by the worker.
      const transferList: ArrayBuffer[] = [];
      const inputs = task.request.inputs.map((input) => {
        if (input.bytes === null) return input;
        const bytes = ownBuffer(input.bytes);
        transferList.push(bytes.buffer as ArrayBuffer);
        return { ...input, bytes };
      });
      pool.run({ ...task.request, inputs }, { transferList }).then(
        (packed) => {
          sent--;
          pump();
          try {
            task.resolve(unpackResults(packed));
          } catch (error) {
            task.reject(asError(error));
          }
        },
        (error: unknown) => {
          sent--;
          pump();
          task.reject(asError(error));
        },
      );
    }
  };

  return {
    async run(request) {
      if (!started || state.pool === null) {
        const now = performance.now();
        if (firstTask < 0) firstTask = now;
        if (!starting && now - firstTask >= startAfterMs && (remaining === null || remaining() * msPerInput >= MIN_REMAINING_MS)) {
          try {
            startPool();
          } catch {
            // a pool that cannot start leaves the batch converting here
          }
        }
        await nextTurn();
        if (!started || state.pool === null) {
          inlineTasks++;
          const began = performance.now();
          const results = runTask(request);
          const ms = performance.now() - began;
          const inputs = Math.max(1, request.inputs.length);
          inlineMs += ms;
          inlineInputs += inputs;
          msPerInput = Math.min(ms / inputs, inlineMs / inlineInputs);
          return resultList(results);
        }
      }
      if (closed) throw new Error('the worker pool is closed');
      return new Promise<TaskResults>((resolve, reject) => {
        waiting.push({ request, resolve, reject });
        pump();
      });
    },
    assist() {
      const task = waiting.shift();
      if (task === undefined) return false;
      assisted++;
      try {
        task.resolve(resultList(runTask(task.request)));
      } catch (error) {
        task.reject(asError(error));
      }
      return true;
    },
    async close() {
      closed = true;
      // (tasks still waiting belong to an abandoned batch)
      for (const task of waiting.splice(0)) task.reject(new Error('the worker pool is closed'));
      state.channel?.close();
      await state.pool?.destroy();
    },
    largestInput: WORKER_LARGEST_INPUT,
    get inlineTasks() {
      return inlineTasks;
    },
    capacity: workerSlots + TASKS_FOR_CALLER,
    get assisted() {
      return assisted;
    },
  };
}
