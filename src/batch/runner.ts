/**
 * What a batch loads when it starts (src/batch/load-runner.ts): the runner, the NDJSON mapper,
 * and the hook through which they load their own on-demand modules. The build bundles this
 * module and everything it imports into dist/batch/runner-bundle.cjs.
 */

export { setImporter } from '../cli/lazy-import.js';
export { runNdjsonInput } from './ndjson-input.js';
export { runBatch } from './run-batch.js';
