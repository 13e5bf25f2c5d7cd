#!/usr/bin/env node
/**
 * Bundle the CLI (dist/cli/entry.js and everything it imports statically) into one CommonJS
 * file, dist/cli/bundle.cjs; the batch runner (dist/batch/runner.js, loaded by a batch only) into
 * dist/batch/runner-bundle.cjs; and the batch workers' module into dist/batch/worker-bundle.cjs:
 * loading one file is markedly faster than loading sixty at every start, and
 * scripts/code-cache.mjs then saves their compiled code.
 * What is loaded on demand stays outside: the HTML parser, yaml, chardet and chalk (loaded with
 * createRequire or import() when first needed), the archive readers, the glob matcher and the
 * progress bar.
 */

import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));

/**
 * Each bundle is written inside the CommonJS wrapper (the function Node's own loader would put
 * around a module), so that src/cli/load-bundle.cts compiles the file's text as it is. Adding the
 * wrapper at run time made a second copy of the whole source (420 KB) at every start: loading the
 * CLI bundle took 10.9 ms instead of 10.3 (medians of 41 fresh processes, alternating).
 */
const WRAPPER_START = '(function (exports, require, module, __filename, __dirname) {';
const WRAPPER_END = '})';

/**
 * Modules imported with `import()` (the batch runner and its libraries) are loaded only when
 * used: they stay separate files. Their paths are written relative to dist/<folder>/, which is
 * where both the unbundled module and the bundle sit, so they resolve the same from either.
 */
const lazyModulesStayOutside = {
  name: 'lazy-modules-stay-outside',
  setup(build) {
    build.onResolve({ filter: /^\.\.?\// }, (args) => (args.kind === 'dynamic-import' ? { path: args.path, external: true } : undefined));
  },
};

/**
 * commander loads `node:child_process` at start for executable subcommands, which this CLI does
 * not have; it costs about 2 ms of every start. Inside the bundle it becomes a stand-in that
 * loads the real module on first use.
 */
const childProcessOnFirstUse = {
  name: 'child-process-on-first-use',
  setup(build) {
    build.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      args.namespace === 'on-first-use' ? { path: 'node:child_process', external: true } : { path: 'child_process', namespace: 'on-first-use' },
    );
    build.onLoad({ filter: /.*/, namespace: 'on-first-use' }, () => ({
      contents: "let real; module.exports = new Proxy({}, { get: (_, key) => (real ??= require('node:child_process'))[key] });",
      loader: 'js',
    }));
  },
};

const outfile = `${dist}cli/bundle.cjs`;
const runnerOutfile = `${dist}batch/runner-bundle.cjs`;
const workerOutfile = `${dist}batch/worker-bundle.cjs`;

/** Modules loaded on demand, by every bundle: kept as separate files. */
const LOADED_ON_DEMAND = ['cheerio', 'cheerio/slim', 'yaml', 'chardet', 'chalk'];

/** Bundle `entry` and what it imports statically into `file`, inside the CommonJS wrapper. */
async function bundle(entry, file, { external = [], plugins = [] } = {}) {
  await build({
    entryPoints: [entry],
    outfile: file,
    bundle: true,
    platform: 'node',
    // CommonJS, so that src/cli/load-bundle.cts can compile it as a script with V8's code cache
    format: 'cjs',
    target: 'node20',
    logLevel: 'warning',
    external: [...external, ...LOADED_ON_DEMAND],
    plugins: [lazyModulesStayOutside, ...plugins],
    // the sources locate lazily loaded files from their own URL, computed when first asked for
    define: { 'import.meta.url': '__bundleMeta.url' },
    banner: { js: `${WRAPPER_START}const __bundleMeta = { get url() { return require('node:url').pathToFileURL(__filename).href; } };` },
    footer: { js: WRAPPER_END },
  });
}

await bundle(`${dist}cli/entry.js`, outfile, { plugins: [childProcessOnFirstUse] });

/**
 * The batch runner for the main thread (dist/batch/runner.js and what it imports: the runner, the
 * converter, the NDJSON mapper), loaded by dist/batch/load-runner.js (inside the CLI bundle) with
 * its own code cache. Its modules loaded on demand go through its `setImporter`, like the CLI's.
 * piscina stays outside (the bundle requires it).
 */
await bundle(`${dist}batch/runner.js`, runnerOutfile, { external: ['piscina'] });

/**
 * The batch workers' module (dist/batch/worker.js and what it imports) in one file too, loaded
 * with its own code cache by dist/batch/worker-entry.cjs: a new worker then starts without loading
 * and compiling some sixty modules. piscina stays outside (the bundle requires it).
 */
await bundle(`${dist}batch/worker.js`, workerOutfile, { external: ['piscina'] });

/**
 * The bundles must be plain ASCII. V8 then holds their source as a one-byte string (a single
 * character outside ASCII makes the whole 400 KB source two bytes per character), and every start
 * reads, copies and scans half as much: loading the CLI bundle with its code cache took 8.8
 * instead of 10.3 ms (CPU, medians of 60 fresh processes, alternating). esbuild escapes strings and
 * templates itself but leaves regular expression literals, raw template text and comments as they
 * are; write those characters as `\uXXXX` in the source (and name them in a comment).
 */
for (const file of [outfile, runnerOutfile, workerOutfile]) {
  const lines = readFileSync(file, 'utf8').split('\n');
  const offending = [];
  for (let i = 0; i < lines.length; i++) if (/[^\x00-\x7f]/u.test(lines[i])) offending.push(`  ${i + 1}: ${lines[i].trim().slice(0, 100)}`);
  if (offending.length > 0) {
    console.error(`bundle-cli: ${file} has characters outside ASCII (write them as \\uXXXX in the source):\n${offending.join('\n')}`);
    process.exit(1);
  }
}
