// Batch benchmark: converts generated articles (about 5 KB each, six languages) from a nested
// folder to an --out-dir, at -j1 and -j2, and prints files/s, MB/s, CPU seconds and peak RSS,
// beside `cp -r` of the same tree (the floor: reading and writing as many files); then peak RSS
// for a small and a large batch (memory should stay flat in the number of inputs). Each timing
// is the median of --repeat runs (the machine may be shared: look at CPU seconds too).
//
//   node bench/batch.mjs [--count 10000] [--small 1000] [--middle 10000] [--large 50000] [--jobs 1,2] [--bytes 5000] [--repeat 3] [--memory 0]
//
// `main(options)` is exported for bench/run.mjs; it returns the measurements.

import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateArticle } from './batch-articles.mjs';

const CHILD = fileURLToPath(new URL('./batch-child.mjs', import.meta.url));

/** Write `count` articles under `dir` in nested folders; returns their total bytes. */
async function generate(dir, count, bytes) {
  let total = 0;
  const made = new Set();
  for (let i = 0; i < count; i++) {
    const folder = join(dir, `s${i % 10}`, `p${Math.floor(i / 10) % 50}`);
    if (!made.has(folder)) {
      await mkdir(folder, { recursive: true });
      made.add(folder);
    }
    const text = generateArticle(i, bytes);
    total += Buffer.byteLength(text);
    await writeFile(join(folder, `a${i}.txt`), text);
  }
  return total;
}

/** Run a command once; resolves with its wall time and exit code. */
function timeCommand(command, args, cwd) {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (s) => (stderr += s));
    child.on('error', reject);
    child.on('close', (code) => resolve({ seconds: (performance.now() - start) / 1000, code, stderr }));
  });
}

/** The run with the median wall time. */
function median(runs) {
  const sorted = [...runs].sort((a, b) => a.seconds - b.seconds);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

/** Run the CLI once (with `env` added to this process's); resolves with wall time, exit code, CPU seconds and peak RSS. */
function runOnce(args, cwd, env = {}) {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, [CHILD, ...args], { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let stats = '';
    child.stderr.setEncoding('utf8').on('data', (s) => (stderr += s));
    child.stdio[3].setEncoding('utf8').on('data', (s) => (stats += s));
    child.on('error', reject);
    child.on('close', () => {
      const seconds = (performance.now() - start) / 1000;
      const parsed = stats.trim() === '' ? { code: null, maxRssMB: NaN, userS: NaN, systemS: NaN } : JSON.parse(stats.trim());
      resolve({ seconds, code: parsed.code, maxRssMB: parsed.maxRssMB, cpuSeconds: parsed.userS + parsed.systemS, userS: parsed.userS, stderr });
    });
  });
}

function parseArgs(argv) {
  const options = {};
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i]?.replace(/^--/u, '');
    const value = argv[i + 1];
    if (key === 'jobs') options.jobs = value.split(',').map(Number);
    else if (key !== undefined && value !== undefined) options[key] = Number(value);
  }
  return options;
}

/**
 * Run the benchmark.
 * @param {{count?: number, small?: number, middle?: number, large?: number, jobs?: number[], bytes?: number, repeat?: number, memory?: number, log?: (line: string) => void}} [options]
 */
export async function main(options = {}) {
  const count = options.count ?? 10_000;
  const small = options.small ?? 1_000;
  const large = options.large ?? 50_000;
  // between the two: by 10,000 inputs V8 has grown the main thread's young generation to its
  // largest, so from there on only what the batch keeps per input adds up
  const middle = options.middle ?? 10_000;
  const jobs = options.jobs ?? [1, 2];
  const bytes = options.bytes ?? 5_000;
  const repeat = Math.max(1, options.repeat ?? 3);
  const memory = options.memory ?? 1;
  const log = options.log ?? ((line) => console.log(line));
  const root = await mkdtemp(join(tmpdir(), 'article-parse-bench-'));
  const results = { throughput: [], streamed: [], copy: null, memory: [], memoryDefault: null };
  try {
    log(`batch bench: generating ${count} articles of ~${bytes} bytes in ${root}`);
    const inputBytes = await generate(join(root, 'in'), count, bytes);
    // cp -r and each -jN take turns, each into a folder of its own, all removed only at the end:
    // on some file systems creating files costs several times more for a while after many were
    // removed, which would charge one run for the clean-up of the one before it. (ext4 without a
    // journal does not reuse an inode within 60 s of its deletion, 300 s while its inode table
    // block is not yet written back, and checks each candidate in turn: fs/ext4/ialloc.c,
    // recently_deleted. Measured here: cp -r of 10,000 files took 0.3 s of system time before
    // a removal of as many and 5 to 6 s just after it.) Nothing should remove many files
    // shortly before this benchmark, on the same file system.
    const copies = [];
    const runsByJobs = new Map(jobs.map((j) => [j, []]));
    // the same conversions with NDJSON on stdout (to /dev/null): no files created, so the file
    // system's pace drops out and what is left is the converting and the threads' scaling
    const streamRunsByJobs = new Map(jobs.map((j) => [j, []]));
    for (let r = 0; r < repeat; r++) {
      const copyRun = await timeCommand('cp', ['-r', 'in', `out-cp-${r}`], root);
      if (copyRun.code !== 0) throw new Error(`cp -r exited ${copyRun.code}: ${copyRun.stderr.slice(0, 500)}`);
      copies.push(copyRun);
      for (const j of jobs) {
        const run = await runOnce(['in', '--out-dir', `out-j${j}-${r}`, `-j${j}`, '-q'], root);
        if (run.code !== 0) throw new Error(`-j${j} exited ${run.code}: ${run.stderr.slice(0, 500)}`);
        runsByJobs.get(j).push(run);
        const streamed = await runOnce(['in', '--format', 'ndjson', `-j${j}`, '-q'], root);
        if (streamed.code !== 0) throw new Error(`-j${j} --format ndjson exited ${streamed.code}: ${streamed.stderr.slice(0, 500)}`);
        streamRunsByJobs.get(j).push(streamed);
      }
    }
    const copy = median(copies);
    results.copy = { files: count, seconds: copy.seconds, filesPerSecond: count / copy.seconds, mbPerSecond: inputBytes / 1e6 / copy.seconds };
    log(`  cp -r: ${count} files in ${copy.seconds.toFixed(2)} s = ${results.copy.filesPerSecond.toFixed(0)} files/s, ${results.copy.mbPerSecond.toFixed(1)} MB/s (median of ${repeat})`);
    for (const j of jobs) {
      const run = median(runsByJobs.get(j));
      const row = {
        jobs: j,
        files: count,
        seconds: run.seconds,
        filesPerSecond: count / run.seconds,
        mbPerSecond: inputBytes / 1e6 / run.seconds,
        cpuSeconds: run.cpuSeconds,
        userSeconds: run.userS,
        filesPerCpuSecond: count / run.cpuSeconds,
        vsCopy: count / run.seconds / results.copy.filesPerSecond,
        maxRssMB: run.maxRssMB,
      };
      results.throughput.push(row);
      log(
        `  -j${j}: ${count} files, ${(inputBytes / 1e6).toFixed(1)} MB in ${run.seconds.toFixed(2)} s = ${row.filesPerSecond.toFixed(0)} files/s, ${row.mbPerSecond.toFixed(2)} MB/s, ` +
          `${run.cpuSeconds.toFixed(2)} CPU s (${run.userS.toFixed(2)} user; ${row.filesPerCpuSecond.toFixed(0)} files per CPU second), ${row.vsCopy.toFixed(3)}× cp -r, peak RSS ${run.maxRssMB.toFixed(0)} MB (median of ${repeat})`,
      );
    }
    for (const j of jobs) {
      const run = median(streamRunsByJobs.get(j));
      const row = { jobs: j, files: count, seconds: run.seconds, filesPerSecond: count / run.seconds, cpuSeconds: run.cpuSeconds, filesPerCpuSecond: count / run.cpuSeconds };
      results.streamed.push(row);
      log(`  -j${j} --format ndjson > /dev/null: ${run.seconds.toFixed(2)} s = ${row.filesPerSecond.toFixed(0)} files/s, ${run.cpuSeconds.toFixed(2)} CPU s (${row.filesPerCpuSecond.toFixed(0)} files per CPU second; median of ${repeat})`);
    }
    for (let r = 0; r < repeat; r++) {
      await rm(join(root, `out-cp-${r}`), { recursive: true, force: true });
      for (const j of jobs) await rm(join(root, `out-j${j}-${r}`), { recursive: true, force: true });
    }
    await rm(join(root, 'in'), { recursive: true, force: true });
    if (memory === 0) return results;
    const memJobs = Math.max(...jobs);
    for (const n of [small, middle, large].filter((n, i, all) => n > 0 && all.indexOf(n) === i)) {
      log(`  memory: generating ${n} articles…`);
      const dir = `mem-${n}`;
      await generate(join(root, dir), n, bytes);
      // Both sizes with the workers from the start, so that the two differ only in the number of
      // inputs (a batch of fewer than 2,000 files otherwise starts in the main thread).
      const run = await runOnce([dir, '--out-dir', `${dir}-out`, `-j${memJobs}`, '-q'], root, { ARTICLE_PARSE_POOL_START_MS: '0' });
      if (run.code !== 0) throw new Error(`${n} inputs exited ${run.code}: ${run.stderr.slice(0, 500)}`);
      results.memory.push({ files: n, jobs: memJobs, seconds: run.seconds, maxRssMB: run.maxRssMB });
      log(`  memory: ${n} inputs at -j${memJobs}, workers from the start: peak RSS ${run.maxRssMB.toFixed(0)} MB (${run.seconds.toFixed(1)} s, ${(n / run.seconds).toFixed(0)} files/s)`);
      if (n === small) {
        await rm(join(root, `${dir}-out`), { recursive: true, force: true });
        const usual = await runOnce([dir, '--out-dir', `${dir}-out`, `-j${memJobs}`, '-q'], root);
        if (usual.code !== 0) throw new Error(`${n} inputs exited ${usual.code}: ${usual.stderr.slice(0, 500)}`);
        results.memoryDefault = { files: n, jobs: memJobs, seconds: usual.seconds, maxRssMB: usual.maxRssMB };
        log(`  memory: ${n} inputs at -j${memJobs} as usual (main thread first): peak RSS ${usual.maxRssMB.toFixed(0)} MB (${usual.seconds.toFixed(1)} s)`);
      }
      await rm(join(root, dir), { recursive: true, force: true });
      await rm(join(root, `${dir}-out`), { recursive: true, force: true });
    }
  } finally {
    await rm(root, { recursive: true, force: true });
  }
  return results;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await main(parseArgs(process.argv.slice(2)));
}
