#!/usr/bin/env node
/**
 * Make the CLI's code cache (see src/cli/load-bundle.cts): load dist/cli/bundle.cjs without a
 * cache, run the CLI in this process over sample inputs of every kind and in every output format
 * (output discarded), then save V8's compiled code for every function those runs used. Older
 * caches of earlier bundles are removed.
 */

import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { loadBundle } = createRequire(import.meta.url)(join(root, 'dist', 'cli', 'load-bundle.cjs'));

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

const folder = dirname(loaded.cachePath);
for (const name of readdirSync(folder)) if (/^bundle-.*\.cache$/u.test(name)) rmSync(join(folder, name));
writeFileSync(loaded.cachePath, loaded.script.createCachedData());
