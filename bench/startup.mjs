#!/usr/bin/env node
/**
 * Start-up: `article-parse <seed> --format json` as a whole process against bare `node -e 0`,
 * the median of 31 runs each, the two alternating, measured in the same run.
 */

import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const SEED = join(ROOT, 'fixtures', '000_e23e4bc210ee4778.txt');

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function timeOnce(args) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}`);
  return ms;
}

/**
 * Median wall milliseconds for article-parse on the seed and for `node -e 0`, and their ratio.
 * The two commands alternate, so a busy moment on the machine falls on both alike.
 */
export function measureStartup(runs = 31) {
  const node = [];
  const tool = [];
  const toolArgs = [join(ROOT, 'bin', 'article-parse.js'), SEED, '--format', 'json'];
  for (let i = 0; i < 3; i++) timeOnce(['-e', '0']), timeOnce(toolArgs); // warm the file cache
  for (let i = 0; i < runs; i++) {
    node.push(timeOnce(['-e', '0']));
    tool.push(timeOnce(toolArgs));
  }
  const n = median(node);
  const t = median(tool);
  return { nodeMs: Number(n.toFixed(1)), articleParseMs: Number(t.toFixed(1)), ratio: Number((t / n).toFixed(2)), runs };
}

if (process.argv[1] === import.meta.filename) process.stdout.write(JSON.stringify(measureStartup()) + '\n');
