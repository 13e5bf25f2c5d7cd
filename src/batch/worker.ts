/**
 * The pool worker: compiled to dist/batch/worker.js and loaded by piscina; it uses the built
 * library through `runTask`.
 */

import { BroadcastChannel } from 'node:worker_threads';
import { move, workerData } from 'piscina';
import { runTaskPacked } from './run-task.js';
import type { TaskRequest } from './types.js';

// Tell the runner that this worker has loaded the converter: until one has, the runner converts
// in its own thread (see poolConverter). The channel's name comes with the pool's worker data.
const loaded = (workerData as { loadedChannel?: unknown } | undefined)?.loadedChannel;
if (typeof loaded === 'string') {
  const channel = new BroadcastChannel(loaded);
  channel.postMessage(true);
  channel.close();
}

/** Run one task (several inputs) in a worker thread; the packed results are moved, not copied. */
export default function runTaskInWorker(request: TaskRequest): unknown {
  return move(runTaskPacked(request));
}
