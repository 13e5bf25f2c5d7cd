#!/usr/bin/env node
/**
 * `npm run bench`: every speed benchmark in one run, one table, written to bench/RESULTS.md with
 * the machine's CPU, cores and Node version.
 *
 *   BENCH_JSDOM=0   skip Readability + jsdom (timed by default, in one process of its own: tens of
 *                   CPU-seconds over the 130 pages and 1.5 to 3 GB of memory)
 *   BENCH_QUICK=1   smaller batch and growth sizes (for a quick look, not for the record)
 *
 * HTML extraction: article-parse and Readability + linkedom are each timed in three processes of
 * their own and the median run is reported (the machine may be shared); Readability + jsdom once.
 */

import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { measureStartup } from './startup.mjs';

const ROOT = join(import.meta.dirname, '..');
const rows = [];
const notes = [];

function row(benchmark, value, peer, ratio, target) {
  rows.push({ benchmark, value, peer, ratio, target });
  process.stderr.write(`  ${benchmark}: ${value}${peer ? ` (peer ${peer})` : ''}${ratio ? `, ratio ${ratio}` : ''}\n`);
}

function htmlSpeed(kind) {
  const r = spawnSync(process.execPath, [join(import.meta.dirname, 'html-speed.mjs'), kind], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`html-speed ${kind} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

/** The median (by pages per CPU-second) of `runs` separate runs of one extractor. */
function htmlSpeedMedian(kind, runs) {
  const results = [];
  for (let i = 0; i < runs; i++) results.push(htmlSpeed(kind));
  results.sort((a, b) => a.pagesPerCpuSecond - b.pagesPerCpuSecond);
  return results[Math.floor(runs / 2)];
}

process.stderr.write('start-up…\n');
const startup = measureStartup();
row('start-up: article-parse seed --format json (median ms)', startup.articleParseMs, `node -e 0: ${startup.nodeMs}`, `${startup.ratio}×`, '≤ 1.5×');

process.stderr.write('HTML extraction over the Readability pages…\n');
const ours = htmlSpeedMedian('article-parse', 3);
const linkedom = htmlSpeedMedian('readability-linkedom', 3);
const withJsdom = process.env['BENCH_JSDOM'] !== '0';
if (withJsdom) process.stderr.write('Readability + jsdom over the same pages (tens of CPU-seconds)…\n');
const jsdom = withJsdom ? htmlSpeed('readability-jsdom') : null;
row('HTML: pages per CPU-second (article-parse)', ours.pagesPerCpuSecond, `Readability+linkedom: ${linkedom.pagesPerCpuSecond}`, `${(ours.pagesPerCpuSecond / linkedom.pagesPerCpuSecond).toFixed(2)}×`, '≥ 2×');
if (jsdom !== null) {
  row('HTML: pages per CPU-second vs Readability+jsdom', ours.pagesPerCpuSecond, `Readability+jsdom: ${jsdom.pagesPerCpuSecond}`, `${(ours.pagesPerCpuSecond / jsdom.pagesPerCpuSecond).toFixed(2)}×`, '≥ 10×');
} else notes.push('Readability + jsdom not timed in this run (BENCH_JSDOM=0).');
const peers = [`Readability+linkedom: ${linkedom.peakRssMB}`, ...(jsdom !== null ? [`Readability+jsdom: ${jsdom.peakRssMB}`] : [])].join(', ');
row('HTML: peak RSS MB (article-parse, all pages)', ours.peakRssMB, peers, '', '< 300 MB');

const quick = process.env['BENCH_QUICK'] === '1';

process.stderr.write('growth (1 / 10 / 50 MB inputs)…\n');
const { runGrowth } = await import('./growth.mjs');
for (const r of await runGrowth({ quick })) row(r.benchmark, r.value, r.peer ?? '', r.ratio ?? '', r.target ?? '');

process.stderr.write('conversion in memory (one thread, then two at once)…\n');
const { measureConvert } = await import('./convert-speed.mjs');
const convertSpeed = await measureConvert({ count: quick ? 1_000 : 3_000 });
row(
  'text convert in memory (parse + JSON + fingerprint, no file I/O), one thread: articles per CPU-second',
  convertSpeed.oneThread.articlesPerCpuSecond,
  `${convertSpeed.oneThread.msPerArticle.toFixed(3)} CPU ms per article`,
  '',
  '≥ 3,000 per core',
);
row(
  'text convert in memory, two threads at once vs one: articles/s',
  convertSpeed.twoThreads.articlesPerSecond,
  `one thread: ${convertSpeed.oneThread.articlesPerSecond}`,
  `${convertSpeed.twoThreads.speedup.toFixed(2)}×`,
  'the ceiling for -j2',
);

process.stderr.write('text batch…\n');
const { main: runBatchBench } = await import('./batch.mjs');
const batch = await runBatchBench({
  count: quick ? 2_000 : 10_000,
  small: quick ? 500 : 1_000,
  large: quick ? 5_000 : 50_000,
  log: (line) => process.stderr.write(line + '\n'),
});
const j1 = batch.throughput.find((t) => t.jobs === 1);
const j2 = batch.throughput.find((t) => t.jobs === 2);
if (j1 !== undefined) row(`text batch -j1: files/s (${j1.files} articles of ~5 KB)`, Math.round(j1.filesPerSecond), `${j1.mbPerSecond.toFixed(2)} MB/s, ${Math.round(j1.filesPerCpuSecond)} files per CPU second (${Math.round(j1.files / j1.userSeconds)} per user CPU second)`, '', '≥ 3,000 files/s per core');
if (j1 !== undefined && batch.copy !== null) row('text batch -j1 vs `cp -r` of the same tree: files/s', Math.round(j1.filesPerSecond), `cp -r: ${Math.round(batch.copy.filesPerSecond)} files/s, ${batch.copy.mbPerSecond.toFixed(1)} MB/s`, `${j1.vsCopy.toFixed(3)}×`, '');
if (j1 !== undefined && j2 !== undefined) row('text batch -j2: files/s', Math.round(j2.filesPerSecond), `-j1: ${Math.round(j1.filesPerSecond)}`, `${(j2.filesPerSecond / j1.filesPerSecond).toFixed(2)}×`, '≥ 1.7× -j1');
const s1 = batch.streamed.find((t) => t.jobs === 1);
const s2 = batch.streamed.find((t) => t.jobs === 2);
if (s1 !== undefined && s2 !== undefined) {
  row(
    'text batch -j2, NDJSON to stdout (no files written): files/s',
    Math.round(s2.filesPerSecond),
    `-j1: ${Math.round(s1.filesPerSecond)} (${Math.round(s1.filesPerCpuSecond)} files per CPU second)`,
    `${(s2.filesPerSecond / s1.filesPerSecond).toFixed(2)}×`,
    '',
  );
}
const few = batch.memory[0];
const many = batch.memory.at(-1);
const middle = batch.memory.length > 2 ? batch.memory[1] : undefined;
if (few !== undefined && many !== undefined && many !== few) row(`batch memory: peak RSS MB, ${many.files} vs ${few.files} inputs (workers from the start in both)`, Math.round(many.maxRssMB), `${few.files} inputs: ${Math.round(few.maxRssMB)}`, `${(many.maxRssMB / few.maxRssMB).toFixed(2)}×`, '≤ 1.2×');
if (middle !== undefined && many !== undefined) row(`batch memory: peak RSS MB, ${many.files} vs ${middle.files} inputs (V8's young generation is at its largest in both)`, Math.round(many.maxRssMB), `${middle.files} inputs: ${Math.round(middle.maxRssMB)}`, `${(many.maxRssMB / middle.maxRssMB).toFixed(2)}×`, '');
if (batch.memoryDefault !== null && batch.memoryDefault !== undefined) {
  const usual = batch.memoryDefault;
  row(`batch memory: peak RSS MB, ${usual.files} inputs as usual (a batch under 2,000 files starts in the main thread)`, Math.round(usual.maxRssMB), few !== undefined ? `workers from the start: ${Math.round(few.maxRssMB)}` : '', '', '');
}

const cpu = cpus()[0]?.model ?? 'unknown CPU';
const table = [
  '| benchmark | article-parse | peer / floor | ratio | target |',
  '| --- | ---: | --- | ---: | --- |',
  ...rows.map((r) => `| ${r.benchmark} | ${r.value} | ${r.peer} | ${r.ratio} | ${r.target} |`),
].join('\n');
const report = `# Benchmarks\n\nMeasured ${new Date().toISOString().slice(0, 10)} on ${cpu}, ${cpus().length} cores, Node ${process.version} (\`npm run bench\`).\n\n${table}\n${notes.length > 0 ? '\n' + notes.map((n) => `- ${n}`).join('\n') + '\n' : ''}`;
writeFileSync(join(ROOT, 'bench', 'RESULTS.md'), report);
process.stdout.write(report);
