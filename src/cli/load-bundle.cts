/**
 * Loads the bundled CLI (dist/cli/bundle.cjs) and the batch workers' bundle
 * (dist/batch/worker-bundle.cjs), both made by scripts/bundle-cli.mjs, with V8's code cache: the
 * build runs each once over sample inputs and saves the compiled code of every function it used
 * (`<bundle>-<size>-<mtime>.cache` beside it, by scripts/code-cache.mjs), so a start compiles
 * nothing it has compiled before. The cache file names the bundle's size and modification time;
 * a cache made for another bundle, another Node version or other V8 flags is not used (V8 refuses
 * it too), and then the bundle is compiled as usual. Nothing is written at run time. CommonJS,
 * like the bin shim: a CommonJS entry starts a few milliseconds sooner.
 */

import fs = require('node:fs');
import nodeModule = require('node:module');
import path = require('node:path');
import vm = require('node:vm');
import type { CliIO } from './io.js';
import type { Importer } from './lazy-import.js';

/** What the bundle exports (src/cli/entry.ts). */
interface CliBundle {
  main(argv: readonly string[], io: CliIO): Promise<number>;
  processIO(): CliIO;
  setImporter(importer: Importer): void;
}

interface LoadedFile<T> {
  exports: T;
  /** The compiled script: `createCachedData()` after a run gives the cache. */
  script: vm.Script;
  /** Where the cache for this bundle belongs. */
  cachePath: string;
  /** True when a cache was found and V8 accepted it. */
  cacheUsed: boolean;
}

interface LoadedBundle extends Omit<LoadedFile<CliBundle>, 'exports'> {
  cli: CliBundle;
}

const BUNDLE = path.join(__dirname, 'bundle.cjs');

/** The cache file for a bundle (`x.cjs` → `x-<size>-<mtime>.cache` beside it) as it is on disk now. */
function cachePathFor(bundle: string): string {
  const { size, mtimeMs } = fs.statSync(bundle);
  return path.join(path.dirname(bundle), `${path.basename(bundle, '.cjs')}-${size}-${Math.round(mtimeMs)}.cache`);
}

function readCache(file: string): Buffer | undefined {
  try {
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}

/**
 * Compile and evaluate a CommonJS bundle with its code cache; `useCache: false` ignores any cache
 * (the build makes a fresh one). Also used for the batch workers' bundle (src/batch/worker-entry.cts).
 */
function loadBundleFile<T>(file: string, options: { useCache?: boolean } = {}): LoadedFile<T> {
  const cachePath = cachePathFor(file);
  const cachedData = options.useCache === false ? undefined : readCache(cachePath);
  // the bundle holds the CommonJS wrapper itself (see scripts/bundle-cli.mjs): compiled as it is
  const script = new vm.Script(fs.readFileSync(file, 'utf8'), {
    filename: file,
    ...(cachedData !== undefined ? { cachedData } : {}),
  });
  const module = { exports: {} as T };
  const wrapper = script.runInThisContext() as (exports: object, require: NodeJS.Require, module: object, filename: string, dirname: string) => void;
  wrapper(module.exports as object, nodeModule.createRequire(file), module, file, path.dirname(file));
  return { exports: module.exports, script, cachePath, cacheUsed: cachedData !== undefined && !script.cachedDataRejected };
}

/** Compile and evaluate the CLI bundle; `useCache: false` ignores any cache (the build makes a fresh one). */
function loadBundle(options: { useCache?: boolean } = {}): LoadedBundle {
  const { exports: cli, ...loaded } = loadBundleFile<CliBundle>(BUNDLE, options);
  // `import()` does not work inside a compiled script: modules loaded on demand come through here
  cli.setImporter((specifier) => import(specifier));
  return { cli, ...loaded };
}

export = { loadBundle, loadBundleFile };
