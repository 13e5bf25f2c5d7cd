/**
 * The pool worker: compiled to dist/batch/worker.js and loaded by piscina; it uses the built
 * library through `convert`.
 */

import { convert } from './convert.js';
import type { ConvertRequest, ConvertResult } from './types.js';

/** Convert one input in a worker thread. */
export default function convertInWorker(request: ConvertRequest): ConvertResult {
  return convert(request);
}
