// The batch's per-article work without file I/O: parse, render JSON and fingerprint generated
// articles in memory, in one worker thread and then in two at once (each over the same
// articles). The first gives the code's own rate per core; the second shows what running two
// converting threads at once gives on this machine, the ceiling for `-j2`.
//
//   node bench/convert-speed.mjs [--count 3000] [--bytes 5000]
//
// `measureConvert(options)` is exported for bench/run.mjs.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

const SELF = fileURLToPath(import.meta.url);

/**
 * CPU milliseconds of the calling thread (user + system), from /proc/thread-self/stat (in clock
 * ticks of 10 ms); null where that is not available. (Node 20 has no per-thread CPU clock.)
 */
function threadCpuMs() {
  try {
    const stat = readFileSync('/proc/thread-self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

/** In a worker: convert the articles (after a warm-up round); post CPU and wall milliseconds. */
async function convertInWorker({ count, bytes }) {
  const { generateArticle } = await import('./batch-articles.mjs');
  const { convert } = await import('../dist/batch/convert.js');
  const encoder = new TextEncoder();
  const inputs = Array.from({ length: count }, (_, i) => encoder.encode(generateArticle(i, bytes)));
  const settings = { format: 'json', compact: false, encoding: null };
  const once = () => {
    for (let i = 0; i < inputs.length; i++) convert({ bytes: inputs[i], path: `a${i}.txt`, settings });
  };
  once();
  parentPort.postMessage('warm');
  await new Promise((resolve) => parentPort.once('message', resolve));
  const cpu0 = threadCpuMs();
  const t0 = performance.now();
  once();
  const wallMs = performance.now() - t0;
  const cpu1 = threadCpuMs();
  parentPort.postMessage({ wallMs, cpuMs: cpu0 === null || cpu1 === null ? wallMs : cpu1 - cpu0 });
}

/** Run `threads` workers at once over the same articles; resolves with each one's figures. */
function runThreads(threads, count, bytes) {
  return new Promise((resolve, reject) => {
    const workers = Array.from({ length: threads }, () => new Worker(SELF, { workerData: { count, bytes } }));
    const results = [];
    let warm = 0;
    for (const w of workers) {
      w.on('error', reject);
      w.on('message', (m) => {
        if (m === 'warm') {
          // start the timed round in all threads together
          if (++warm === threads) for (const x of workers) x.postMessage('go');
          return;
        }
        results.push(m);
        void w.terminate();
        if (results.length === threads) resolve(results);
      });
    }
  });
}

/**
 * @param {{count?: number, bytes?: number}} [options]
 * @returns {Promise<{count: number, oneThread: {articlesPerCpuSecond: number, msPerArticle: number}, twoThreads: {articlesPerSecond: number, speedup: number, cpuMsPerArticle: number}}>}
 */
export async function measureConvert(options = {}) {
  const count = options.count ?? 3000;
  const bytes = options.bytes ?? 5000;
  const [one] = await runThreads(1, count, bytes);
  const two = await runThreads(2, count, bytes);
  const oneRate = count / (one.wallMs / 1000);
  const twoWall = Math.max(...two.map((r) => r.wallMs));
  const twoRate = (2 * count) / (twoWall / 1000);
  return {
    count,
    oneThread: { articlesPerCpuSecond: Math.round(count / (one.cpuMs / 1000)), articlesPerSecond: Math.round(oneRate), msPerArticle: one.cpuMs / count },
    twoThreads: { articlesPerSecond: Math.round(twoRate), speedup: twoRate / oneRate, cpuMsPerArticle: two.reduce((s, r) => s + r.cpuMs, 0) / (2 * count) },
  };
}

if (!isMainThread) await convertInWorker(workerData);
else if (process.argv[1] === SELF) {
  const args = process.argv.slice(2);
  const get = (name, fallback) => {
    const i = args.indexOf(`--${name}`);
    return i === -1 ? fallback : Number(args[i + 1]);
  };
  console.log(JSON.stringify(await measureConvert({ count: get('count', 3000), bytes: get('bytes', 5000) }), null, 2));
}
