#!/usr/bin/env node
/**
 * Growth (issue 6, item 4): parseArticle + render (JSON) on generated text articles and HTML pages
 * of 1 MB, 10 MB and 50 MB. Linear time means the 10 MB input takes about 10× and the 50 MB input
 * about 50× the 1 MB one. Peak RSS for the 50 MB inputs is measured in a child process of its own
 * (process.resourceUsage().maxRSS), so the sizes measured before it do not count.
 *
 *   node bench/growth.mjs            print the table (and the rows as JSON with --json)
 *   BENCH_QUICK=1 / { quick: true }  0.5 / 5 / 25 MB (for a quick look, not for the record)
 *
 * Uses the built library (dist/): run `npm run build` first.
 * `runGrowth()` returns rows for bench/run.mjs: { benchmark, value, peer, ratio, target }.
 */

import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const DIST = new URL('../dist/index.js', import.meta.url);
const MB = 1_000_000;

// ---------------------------------------------------------------------------------------------
// generated inputs: every paragraph different, so no duplicate removal shortens the work

const sentence = (i) => `Am Tag ${i} hat die Stadt den Hafen Nummer ${i % 97} eröffnet, sagte der Bürgermeister am Abend.`;

function paragraphs(bytes) {
  const out = [];
  let size = 0;
  for (let i = 0; size < bytes; ) {
    const p = [];
    for (let k = 0; k < 6; k++) p.push(sentence(i++));
    const text = p.join(' ');
    out.push(text);
    size += Buffer.byteLength(text) + 2;
  }
  return out;
}

/** A text article of about `bytes` UTF-8 bytes. */
export function textArticle(bytes) {
  return `Der neue Hafen wird eröffnet\n\n${paragraphs(bytes - 40).join('\n\n')}\n`;
}

/** An HTML page of about `bytes` UTF-8 bytes: navigation, an article of linked paragraphs, a footer. */
export function htmlPage(bytes) {
  const head = '<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Der neue Hafen wird eröffnet</title></head><body><nav><a href="/">Start</a> <a href="/politik">Politik</a></nav><main><article><h1>Der neue Hafen wird eröffnet</h1>\n';
  const tail = '\n</article></main><footer><p>Impressum</p></footer></body></html>';
  // about 50 bytes of markup per 600-byte paragraph: aim the text at 92% of the size
  const paras = paragraphs((bytes - head.length - tail.length) * 0.92).map((p, i) => `<p>${p} <a href="https://example.org/a/${i}">mehr</a></p>`);
  return head + paras.join('\n') + tail;
}

const make = (kind, bytes) => (kind === 'html' ? htmlPage(bytes) : textArticle(bytes));

// ---------------------------------------------------------------------------------------------
// measuring

/** Milliseconds for parseArticle + render(json) on `input`, best of `runs`. */
function timeOnce(parseArticle, render, input, runs) {
  let best = Infinity;
  let blocks = 0;
  for (let r = 0; r < runs; r++) {
    const t0 = process.hrtime.bigint();
    const article = parseArticle(input);
    const json = render(article, 'json');
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    best = Math.min(best, ms);
    if (article.diagnostics.some((d) => d.severity === 'error')) throw new Error(`error diagnostics: ${article.diagnostics.map((d) => d.code).join(', ')}`);
    blocks = article.stats.paragraphs;
    if (json.length < input.length / 4) throw new Error('the output lost most of the input');
  }
  return { ms: best, paragraphs: blocks };
}

/** Child-process mode: one measurement, printed as JSON (used for the peak-RSS runs). */
async function child(kind, bytes, runs) {
  const { parseArticle, render } = await import(DIST);
  const input = make(kind, bytes);
  const rssBefore = process.resourceUsage().maxRSS;
  const { ms, paragraphs } = timeOnce(parseArticle, render, input, runs);
  process.stdout.write(JSON.stringify({ kind, bytes: Buffer.byteLength(input), ms, paragraphs, maxRssKB: process.resourceUsage().maxRSS, rssBeforeKB: rssBefore }) + '\n');
}

function inChild(kind, bytes, runs) {
  const r = spawnSync(process.execPath, ['--max-old-space-size=8192', fileURLToPath(import.meta.url), '--child', kind, String(bytes), String(runs)], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0) return { kind, bytes, error: (r.stderr.trim().split('\n').find((l) => /Error/u.test(l)) ?? `exit ${r.status}`).trim() };
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

/**
 * Rows for each kind (text, html): time at 1/10/50 MB, ratios to 1 MB, peak RSS at 50 MB.
 * Each size runs in a fresh child process (same start for every size, no heap left over from a
 * smaller one); the 1 MB and 10 MB sizes are the best of 3, 50 MB is one run.
 */
export async function runGrowth({ quick = false } = {}) {
  const sizes = quick ? [0.5 * MB, 5 * MB, 25 * MB] : [1 * MB, 10 * MB, 50 * MB];
  const label = (b) => `${b / MB} MB`;
  const rows = [];
  for (const kind of ['text', 'html']) {
    const results = sizes.map((bytes, i) => {
      process.stderr.write(`  growth: ${kind} ${label(bytes)}…\n`);
      return inChild(kind, bytes, i === sizes.length - 1 ? 1 : 3);
    });
    const base = results[0];
    results.forEach((r, i) => {
      const factor = sizes[i] / sizes[0];
      const name = `growth: ${kind} ${label(sizes[i])}, parse + render JSON (ms)`;
      if (r.error !== undefined) {
        rows.push({ benchmark: name, value: `failed: ${r.error}`, peer: '', ratio: '', target: i === 0 ? '' : `≤ ${(factor * 1.2).toFixed(0)}× (1.2× linear)` });
        return;
      }
      const ratio = base.error === undefined ? r.ms / base.ms : NaN;
      rows.push({
        benchmark: name,
        value: Math.round(r.ms),
        peer: i === 0 ? '' : `linear: ${factor}×`,
        ratio: i === 0 || Number.isNaN(ratio) ? '' : `${ratio.toFixed(1)}× (${(ratio / factor).toFixed(2)} of linear)`,
        target: i === 0 ? '' : `≤ ${(factor * 1.2).toFixed(0)}× (1.2× linear)`,
      });
    });
    const last = results.at(-1);
    if (last.error === undefined) {
      rows.push({ benchmark: `memory: peak RSS, ${kind} ${label(sizes.at(-1))} (MB)`, value: Math.round(last.maxRssKB / 1024), peer: `input ${(last.bytes / MB).toFixed(1)} MB`, ratio: `${(last.maxRssKB / 1024 / (last.bytes / MB)).toFixed(1)}× input`, target: '' });
    }
  }
  return rows;
}

function printTable(rows) {
  const cols = ['benchmark', 'value', 'peer', 'ratio', 'target'];
  const width = cols.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c] ?? '').length)));
  const line = (cells) => cells.map((c, i) => String(c).padEnd(width[i])).join('  ');
  process.stdout.write(`${line(cols)}\n${line(width.map((w) => '-'.repeat(w)))}\n${rows.map((r) => line(cols.map((c) => r[c] ?? ''))).join('\n')}\n`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  if (args[0] === '--child') await child(args[1], Number(args[2]), Number(args[3]));
  else {
    const rows = await runGrowth({ quick: process.env['BENCH_QUICK'] === '1' });
    printTable(rows);
    if (args.includes('--json')) process.stdout.write(JSON.stringify(rows) + '\n');
  }
}
