/**
 * The bundled CLI's code cache (src/cli/load-bundle.cts, scripts/code-cache.mjs): the build makes
 * one that V8 accepts; a cache that does not belong to the bundle is never used, and the CLI
 * then works exactly as with it.
 */

import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compilerFlags } from '../src/batch/compiler-flags.js';

const ROOT = join(import.meta.dirname, '..');
const CLI_DIST = join(ROOT, 'dist', 'cli');
const SEED = join(ROOT, 'fixtures', '000_e23e4bc210ee4778.txt');
/** The flags a batch sets on this Node (the workers' cache is made under them). */
const FLAGS = compilerFlags(process.versions.v8);

/** Load the bundle from `dir` in a fresh process, convert the seed, report whether the cache was used. */
function run(dir: string): { cacheUsed: boolean; output: string } {
  const script = `
    const { loadBundle } = require(${JSON.stringify(join(dir, 'load-bundle.cjs'))});
    const loaded = loadBundle();
    let output = '';
    const sink = { write: (t) => { output += t; }, closed: false, isTTY: false };
    loaded.cli.main([${JSON.stringify(SEED)}, '--format', 'json'], { ...loaded.cli.processIO(), stdout: sink, stderr: sink }).then((code) => {
      process.stdout.write(JSON.stringify({ cacheUsed: loaded.cacheUsed, code, output }));
    });`;
  const result = JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })) as { cacheUsed: boolean; code: number; output: string };
  expect(result.code).toBe(0);
  return result;
}

const temp = mkdtempSync(join(tmpdir(), 'article-parse-cache-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/**
 * A copy of the loader and the bundle (with the same modification time) in a folder of its own,
 * beside a link to the data files the bundle reads (dist/language/).
 */
function copyBundle(name: string): string {
  const dir = join(temp, name, 'cli');
  mkdirSync(dir, { recursive: true });
  symlinkSync(join(ROOT, 'dist', 'language'), join(temp, name, 'language'));
  for (const file of ['load-bundle.cjs', 'bundle.cjs']) {
    copyFileSync(join(CLI_DIST, file), join(dir, file));
    const { atime, mtime } = statSync(join(CLI_DIST, file));
    utimesSync(join(dir, file), atime, mtime);
  }
  return dir;
}

function cacheName(): string {
  const names = readdirSync(CLI_DIST).filter((n) => /^bundle-\d+-\d+\.cache$/u.test(n));
  expect(names).toHaveLength(1);
  return names[0] as string;
}

describe('the CLI code cache', () => {
  const reference = run(CLI_DIST);

  it('is made by the build for the bundle as built, and V8 accepts it', () => {
    const { size, mtimeMs } = statSync(join(CLI_DIST, 'bundle.cjs'));
    expect(cacheName()).toBe(`bundle-${size}-${Math.round(mtimeMs)}.cache`);
    expect(reference.cacheUsed).toBe(true);
    expect(JSON.parse(reference.output)).toMatchObject({ title: expect.stringContaining('ماكرون') });
  });

  it('is not used for a bundle changed since (another modification time); the output is the same', () => {
    const dir = copyBundle('changed');
    copyFileSync(join(CLI_DIST, cacheName()), join(dir, cacheName()));
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(dir, 'bundle.cjs'), later, later);
    const result = run(dir);
    expect(result.cacheUsed).toBe(false);
    expect(result.output).toBe(reference.output);
  });

  it('is refused by V8 when its bytes are not a code cache; the output is the same', () => {
    const dir = copyBundle('corrupt');
    writeFileSync(join(dir, cacheName()), Buffer.alloc(4096, 7));
    const result = run(dir);
    expect(result.cacheUsed).toBe(false);
    expect(result.output).toBe(reference.output);
  });

  it('is not needed: without one the CLI works the same', () => {
    const result = run(copyBundle('none'));
    expect(result.cacheUsed).toBe(false);
    expect(result.output).toBe(reference.output);
  });
});

describe('the batch workers\' code cache', () => {
  const BATCH_DIST = join(ROOT, 'dist', 'batch');

  /** The folder holds one cache for bundle `name`: the one for the bundle as built now. */
  function expectOnlyCacheOf(name: string): void {
    const names = readdirSync(BATCH_DIST).filter((n) => n.startsWith(`${name}-`) && /^[a-z-]+-\d+-\d+\.cache$/u.test(n));
    const { size, mtimeMs } = statSync(join(BATCH_DIST, `${name}.cjs`));
    expect(names).toEqual([`${name}-${size}-${Math.round(mtimeMs)}.cache`]);
  }

  /** Script text: set the batch's flags, then load bundle `name` as `loaded` (as a batch does). */
  function loadUnderBatchFlags(name: string): string {
    return `const { loadBundleFile } = require(${JSON.stringify(join(CLI_DIST, 'load-bundle.cjs'))});
      require('node:v8').setFlagsFromString(${JSON.stringify(FLAGS ?? '')});
      const loaded = loadBundleFile(${JSON.stringify(join(BATCH_DIST, `${name}.cjs`))});`;
  }

  it('is made by the build for the worker bundle, V8 accepts it, and the bundled worker runs a task', () => {
    expectOnlyCacheOf('worker-bundle');
    const script = `
      ${loadUnderBatchFlags('worker-bundle')}
      import(${JSON.stringify(join(ROOT, 'dist', 'index.js'))}).then(({ BUILTIN_LABELS }) => {
        const input = { file: ${JSON.stringify(SEED)}, bytes: null, path: 'seed.txt', hash: false, skipIfHash: null, convert: true, temp: null, returnOutput: true };
        const moved = loaded.exports.default({ inputs: [input], settings: { format: 'json', compact: false, inputFormat: 'auto', encoding: null, labels: BUILTIN_LABELS }, maxBytes: 1e8, largestInput: 1e8 });
        process.stdout.write(JSON.stringify({ cacheUsed: loaded.cacheUsed, isFunction: typeof loaded.exports.default === 'function', moved: moved !== null && typeof moved === 'object' }));
      });`;
    const result = JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })) as { cacheUsed: boolean; isFunction: boolean; moved: boolean };
    expect(result).toEqual({ cacheUsed: true, isFunction: true, moved: true });
  });

  it('is made by the build for the runner\'s bundle too; V8 accepts it under the batch\'s flags, and the bundled runner runs a batch', () => {
    expectOnlyCacheOf('runner-bundle');
    const script = `
      ${loadUnderBatchFlags('runner-bundle')}
      loaded.exports.setImporter((specifier) => import(specifier));
      import(${JSON.stringify(join(ROOT, 'dist', 'index.js'))}).then(async ({ BUILTIN_LABELS }) => {
        let out = '';
        const sink = { write: (t) => { out += t; return true; }, closed: false, isTTY: false };
        const io = { stdout: sink, stderr: sink, readStdin: async () => new Uint8Array(), stdinIsTTY: true, env: {}, cwd: process.cwd() };
        const paint = { error: (t) => t, warning: (t) => t, info: (t) => t, dim: (t) => t };
        const settings = { format: 'ndjson', compact: false, inputFormat: 'auto', encoding: null, labels: BUILTIN_LABELS };
        const code = await loaded.exports.runBatch({ inputs: [${JSON.stringify(SEED)}], filesFrom: null, outDir: null, settings, maxBytes: 1e8, jobs: 1, dedupe: false, mode: 'fresh', dryRun: false, report: null, verbosity: 'quiet', paint, progress: false }, io);
        process.stdout.write(JSON.stringify({ cacheUsed: loaded.cacheUsed, code, title: JSON.parse(out.split('\\n')[0]).title }));
      });`;
    const result = JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })) as { cacheUsed: boolean; code: number; title: string };
    expect(result).toMatchObject({ cacheUsed: true, code: 0, title: expect.stringContaining('ماكرون') });
  });

  it('is accepted in a worker thread of a process that loaded the CLI and set the batch\'s flags, as in a batch', () => {
    // the cache is accepted only under the flags it was made with: this fails if the build and
    // the batch disagree
    const script = `
      const { Worker } = require('node:worker_threads');
      require(${JSON.stringify(join(CLI_DIST, 'load-bundle.cjs'))}).loadBundle();
      import(${JSON.stringify(join(BATCH_DIST, 'compiler-flags.js'))}).then(({ tuneCompilerForBatch }) => {
        tuneCompilerForBatch();
        const code = 'const { parentPort } = require("node:worker_threads");' +
          'const loaded = require(' + ${JSON.stringify(JSON.stringify(join(CLI_DIST, 'load-bundle.cjs')))} + ').loadBundleFile(' + ${JSON.stringify(JSON.stringify(join(BATCH_DIST, 'worker-bundle.cjs')))} + ');' +
          'parentPort.postMessage(loaded.cacheUsed);';
        const worker = new Worker(code, { eval: true });
        worker.once('message', (used) => { process.stdout.write(JSON.stringify({ used })); worker.terminate(); });
      });`;
    expect(JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }))).toEqual({ used: true });
  });
});

describe('the compiler flags a CLI batch sets', () => {

  it('are set for the V8 version they were measured on, and for no other', () => {
    for (const version of ['11.3.244.8-node.38', '11.8.172.17-node.15']) expect(compilerFlags(version)).toBe('--max-inlined-bytecode-size-cumulative=500');
    for (const version of ['10.2.154.26-node.26', '12.4.254.21-node.33', '13.6.233.10-node.27', '', 'unknown']) expect(compilerFlags(version)).toBeNull();
  });
});
