/**
 * The file the worker pool loads in each worker: the worker module (worker.ts) as one bundle with
 * its code cache (dist/batch/worker-bundle.cjs, made by scripts/bundle-cli.mjs and
 * scripts/code-cache.mjs), so that a new worker does not load and compile some sixty modules.
 * Without the bundle (tests running from the sources) the pool loads worker.js itself.
 */

import path = require('node:path');
import loader = require('../cli/load-bundle.cjs');

interface WorkerBundle {
  default: (request: unknown) => unknown;
}

const { exports: bundle } = loader.loadBundleFile<WorkerBundle>(path.join(__dirname, 'worker-bundle.cjs'));

export = bundle.default;
