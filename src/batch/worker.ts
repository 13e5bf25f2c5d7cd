/**
 * The pool worker: compiled to dist/batch/worker.js and loaded by piscina; it uses the built
 * library through `runTask`.
 */

import { runTask } from './run-task.js';
import type { TaskRequest, TaskResult } from './types.js';

/** Run one task (several inputs) in a worker thread. */
export default function runTaskInWorker(request: TaskRequest): TaskResult[] {
  return runTask(request);
}
