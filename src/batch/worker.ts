/**
 * The pool worker: compiled to dist/batch/worker.js and loaded by piscina; it uses the built
 * library through `runTask`.
 */

import { move } from 'piscina';
import { runTaskPacked } from './run-task.js';
import type { TaskRequest } from './types.js';

/** Run one task (several inputs) in a worker thread; the packed results are moved, not copied. */
export default function runTaskInWorker(request: TaskRequest): unknown {
  return move(runTaskPacked(request));
}
