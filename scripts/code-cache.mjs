#!/usr/bin/env node
/**
 * Make the code caches (see src/cli/load-bundle.cts): load dist/cli/bundle.cjs without a cache,
 * run the CLI in this process over sample inputs of every kind and in every output format
 * (output discarded), then save V8's compiled code for every function those runs used; the same
 * for the batch runner's bundle (dist/batch/runner-bundle.cjs), with the samples as a batch in
 * every format, and for the batch workers' bundle (dist/batch/worker-bundle.cjs), with the samples
 * as conversion tasks. Older caches of earlier bundles are removed.
 */

import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { loadBundle, loadBundleFile } = createRequire(import.meta.url)(join(root, 'dist', 'cli', 'load-bundle.cjs'));

/** An in-memory stand-in for the process streams. */
function quietIO() {
  const sink = { write() {}, closed: false, isTTY: false };
  return {
    stdout: sink,
    stderr: sink,
    async readStdin() {
      return new Uint8Array();
    },
    stdinIsTTY: true,
    env: {},
    cwd: root,
  };
}

const SAMPLES = [
  '000_e23e4bc210ee4778.txt',
  'de-bremen-fullpage.txt',
  'ja-sendai-toshokan.txt',
  'ar-rabat-entsalzung.cp1256.txt',
  'de-hamburg-hafen-seite.html',
  'tr-bursa-teleferik.md',
].map((name) => join(root, 'fixtures', name));

const loaded = loadBundle({ useCache: false });
for (const format of ['json', 'yaml', 'md', 'ndjson', 'text']) {
  for (const sample of SAMPLES) {
    const code = await loaded.cli.main([sample, '--format', format], quietIO());
    if (code !== 0) throw new Error(`code cache: article-parse ${sample} --format ${format} exited ${code}`);
  }
}
await loaded.cli.main(['--help'], quietIO());

/** Replace a bundle's older caches with the one for its current build. */
function saveCache(prefix, cachePath, script) {
  const folder = dirname(cachePath);
  for (const name of readdirSync(folder)) if (name.startsWith(`${prefix}-`) && name.endsWith('.cache')) rmSync(join(folder, name));
  writeFileSync(cachePath, script.createCachedData());
}

saveCache('bundle', loaded.cachePath, loaded.script);

// The batch's bundles are loaded only after a batch has set V8's flags for itself
// (src/batch/compiler-flags.ts): their caches are made under the same flags, or V8 would refuse them.
const { tuneCompilerForBatch } = await import(pathToFileURL(join(root, 'dist', 'batch', 'compiler-flags.js')).href);
tuneCompilerForBatch();
const { BUILTIN_LABELS } = await import(pathToFileURL(join(root, 'dist', 'index.js')).href);
const scratch = mkdtempSync(join(tmpdir(), 'article-parse-code-cache-'));

// The runner's bundle: the samples as a batch in the main thread, into a folder and (NDJSON) to
// standard output, in every format.
const runner = loadBundleFile(join(root, 'dist', 'batch', 'runner-bundle.cjs'), { useCache: false });
runner.exports.setImporter((specifier) => import(specifier));
try {
  const inputs = join(scratch, 'in');
  mkdirSync(inputs);
  SAMPLES.forEach((file, i) => copyFileSync(file, join(inputs, `${i}-${file.slice(file.lastIndexOf('/') + 1)}`)));
  const paint = { error: (t) => t, warning: (t) => t, info: (t) => t, dim: (t) => t };
  for (const format of ['json', 'yaml', 'md', 'ndjson', 'text']) {
    const settings = { format, compact: false, inputFormat: 'auto', encoding: null, labels: BUILTIN_LABELS };
    const outDir = format === 'ndjson' ? null : join(scratch, `out-${format}`);
    const options = { inputs: [inputs], filesFrom: null, outDir, settings, maxBytes: 64 * 1024 * 1024, jobs: 1, dedupe: false, mode: 'fresh', dryRun: false, report: null, verbosity: 'quiet', paint, progress: false };
    const code = await runner.exports.runBatch(options, quietIO());
    if (code !== 0) throw new Error(`code cache: the batch runner exited ${code} for --format ${format}`);
  }
} catch (error) {
  rmSync(scratch, { recursive: true, force: true });
  throw error;
}
saveCache('runner-bundle', runner.cachePath, runner.script);

// The batch workers' bundle: the same samples as conversion tasks, written to files and sent back.
const worker = loadBundleFile(join(root, 'dist', 'batch', 'worker-bundle.cjs'), { useCache: false });
try {
  for (const format of ['json', 'yaml', 'md', 'ndjson', 'text']) {
    const inputs = SAMPLES.map((file, i) => ({ file, bytes: null, path: file, hash: true, skipIfHash: null, convert: true, temp: join(scratch, `${format}-${i}.out`), returnOutput: format === 'ndjson' }));
    worker.exports.default({ inputs, settings: { format, compact: false, inputFormat: 'auto', encoding: null, labels: BUILTIN_LABELS }, maxBytes: 64 * 1024 * 1024, largestInput: 16 * 1024 * 1024 });
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
saveCache('worker-bundle', worker.cachePath, worker.script);
