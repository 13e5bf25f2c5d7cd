#!/usr/bin/env node
/**
 * Start-up: `article-parse <seed> --format json` as a whole process against bare `node -e 0`,
 * the median of several runs each, measured in the same run.
 */

import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const SEED = join(ROOT, 'fixtures', '000_e23e4bc210ee4778.txt');

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function timeRun(args, runs) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'inherit'] });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}`);
    times.push(ms);
  }
  return median(times);
}

/** Median wall milliseconds for article-parse on the seed and for `node -e 0`, and their ratio. */
export function measureStartup(runs = 15) {
  timeRun(['-e', '0'], 2); // warm the file cache
  const node = timeRun(['-e', '0'], runs);
  const tool = timeRun([join(ROOT, 'bin', 'article-parse.js'), SEED, '--format', 'json'], runs);
  return { nodeMs: Number(node.toFixed(1)), articleParseMs: Number(tool.toFixed(1)), ratio: Number((tool / node).toFixed(2)), runs };
}

if (process.argv[1] === import.meta.filename) process.stdout.write(JSON.stringify(measureStartup()) + '\n');
