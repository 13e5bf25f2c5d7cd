#!/usr/bin/env node
// Whole-page text accuracy: article-parse in TEXT mode over the browser-rendered innerText of the
// 130 Readability test pages (../shared/corpora/readability-pages/<page>/source.innertext.txt),
// scored with ../shared/tools/score.mjs against the same truth as the HTML-mode bench.
//
//   npm run build && node bench/accuracy-text.mjs [--worst 10] [--no-html] [--keep]
//
// Three prediction sets are scored in one run, side by side:
//   - article-parse-text: parseArticle(innerText, { inputFormat: 'text' }) (whole-page stage on);
//   - innertext-raw: the whole innerText, no extraction, no title (the baseline);
//   - article-parse-html: parseArticle(source.html, { inputFormat: 'html' }), as bench/accuracy.mjs
//     (skip with --no-html).
// The body text of an Article is built by accuracy-lib.mjs's predictionFromArticle for both modes
// (lede with its dateline, then each section's heading and blocks, one per line), so the text and
// HTML figures are comparable.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CORPUS, REPO, SCORER, corpusAvailable, loadArticleParse, predictAll, predictionFromArticle } from './accuracy-lib.mjs';

/** Page folders that have a source.innertext.txt, sorted. */
export function listTextPages(dir = CORPUS) {
  return fs.readdirSync(dir).filter((n) => fs.existsSync(path.join(dir, n, 'source.innertext.txt'))).sort();
}

/**
 * Run the text-mode benchmark. Returns the score table (as printed by score.mjs) and the parsed
 * metrics per prediction set: { table, results: [{ name, f1, precision, recall, titleExact, … }] }.
 */
export async function runTextAccuracy({ worst = 0, html = true, keep = false, dist = path.join(REPO, 'dist') } = {}) {
  if (!corpusAvailable()) throw new Error(`${CORPUS} or ${SCORER} is missing`);
  const api = await import(pathToFileURL(path.join(dist, 'index.js')).href);
  const pages = listTextPages();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ap-accuracy-text-'));
  const timing = [];
  const dirs = [];
  const run = (name, predict) => {
    const dir = path.join(tmp, name);
    const { failures, ms } = predictAll({ predict }, dir, pages, 'source.innertext.txt');
    timing.push(`- ${name}: ${pages.length} pages in ${(ms / 1000).toFixed(1)} s${failures.length ? `, ${failures.length} failed: ${failures.map((f) => `${f.page} (${f.error})`).join('; ')}` : ''}`);
    dirs.push(dir);
  };
  run('article-parse-text', (text) => predictionFromArticle(api.parseArticle(text, { inputFormat: 'text' })));
  run('innertext-raw', (text) => ({ title: null, text }));
  if (html) {
    const tool = await loadArticleParse({ dist });
    const dir = path.join(tmp, 'article-parse-html');
    const { failures, ms } = predictAll(tool, dir, pages);
    timing.push(`- article-parse-html (${tool.mode}): ${pages.length} pages in ${(ms / 1000).toFixed(1)} s${failures.length ? `, ${failures.length} failed` : ''}`);
    dirs.push(dir);
  }
  const jsonOut = path.join(tmp, 'scores.json');
  const args = [SCORER, ...dirs, '--sets', 'readability-pages', '--json', jsonOut];
  if (worst > 0) args.push('--worst', String(worst));
  const table = execFileSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 26 });
  const scores = JSON.parse(fs.readFileSync(jsonOut, 'utf8'));
  const results = scores.results.map((r) => ({
    name: path.basename(r.predictions),
    f1: r.f1, precision: r.precision, recall: r.recall, titleExact: r.titleExact, perPage: r.perPage,
  }));
  if (!keep) fs.rmSync(tmp, { recursive: true, force: true });
  return { table, timing, results, pages: pages.length, predictions: keep ? tmp : null };
}

const f3 = (x) => (typeof x === 'number' && !Number.isNaN(x) ? x.toFixed(3) : 'n/a');

async function main() {
  const argv = process.argv.slice(2);
  const at = argv.indexOf('--worst');
  const worst = at >= 0 ? Number(argv[at + 1]) : 0;
  const r = await runTextAccuracy({ worst, html: !argv.includes('--no-html'), keep: argv.includes('--keep') });
  process.stdout.write(`${r.table}\n${r.timing.join('\n')}\n\n`);
  process.stdout.write('summary (title exact · body P / R / F1):\n');
  for (const x of r.results) process.stdout.write(`  ${x.name.padEnd(20)} ${f3(x.titleExact)} · ${f3(x.precision)} / ${f3(x.recall)} / ${f3(x.f1)}\n`);
  const text = r.results.find((x) => x.name === 'article-parse-text');
  const htmlRow = r.results.find((x) => x.name === 'article-parse-html');
  if (text && htmlRow) process.stdout.write(`  text-mode F1 − HTML-mode F1 = ${(text.f1 - htmlRow.f1).toFixed(3)} (goal: ≥ −0.050)\n`);
  if (r.predictions) process.stdout.write(`predictions kept in ${r.predictions}\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    process.stderr.write(`accuracy-text: ${e?.stack ?? e}\n`);
    process.exit(2);
  });
}
