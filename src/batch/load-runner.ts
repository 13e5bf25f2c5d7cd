/**
 * Loading the batch runner in the main thread. After a build it is one bundle with a V8 code
 * cache (dist/batch/runner-bundle.cjs, made by scripts/bundle-cli.mjs and scripts/code-cache.mjs,
 * loaded like the CLI's own bundle): loading the runner and the converter as some seventy ES
 * modules took about 65 ms of CPU at every batch. Without the bundle (the sources under test) the
 * modules are imported as they are.
 */

import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { lazyImport } from '../cli/lazy-import.js';

/** What the runner module exports (src/batch/runner.ts). */
export type Runner = typeof import('./runner.js');

interface BundleLoader {
  loadBundleFile<T>(file: string): { exports: T };
}

let loaded: Promise<Runner> | undefined;

/**
 * The runner, loaded once per process. Call it after the batch's compiler flags are set
 * (src/batch/compiler-flags.ts): the bundle's cache was made under them.
 */
export function loadRunner(): Promise<Runner> {
  loaded ??= load();
  return loaded;
}

async function load(): Promise<Runner> {
  const bundle = fileURLToPath(new URL('../batch/runner-bundle.cjs', import.meta.url));
  if (!existsSync(bundle)) return lazyImport<Runner>(new URL('../batch/runner.js', import.meta.url).href);
  const loader = createRequire(import.meta.url)(fileURLToPath(new URL('../cli/load-bundle.cjs', import.meta.url))) as BundleLoader;
  const runner = loader.loadBundleFile<Runner>(bundle).exports;
  // `import()` does not work inside a compiled script: the bundle's on-demand modules (archive
  // readers, the glob matcher, the progress bar) are loaded through this module's importer
  runner.setImporter((specifier) => lazyImport(specifier));
  return runner;
}
