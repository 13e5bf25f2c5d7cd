#!/usr/bin/env node
// Accuracy benchmark: article-parse vs @mozilla/readability on the 130 pages of Readability's test
// suite (../shared/corpora/readability-pages), scored by ../shared/tools/score.mjs.
//
//   npm run bench:accuracy [-- --worst 10] [--jsdom] [--no-readability] [--segmenter-only] [--keep]
//
// Prints one side-by-side table and writes it to bench/RESULTS-accuracy.md.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CORPUS, REPO, SCORER, corpusAvailable, listPages, loadArticleParse, loadReadability, predictAll } from './accuracy-lib.mjs';

const args = process.argv.slice(2);
const flag = (f) => args.includes(f);
const worstAt = args.indexOf('--worst');
const worst = worstAt >= 0 ? Number(args[worstAt + 1]) : 0;

if (!corpusAvailable()) {
  process.stderr.write(`bench:accuracy: ${CORPUS} or ${SCORER} is missing\n`);
  process.exit(2);
}

const pages = listPages();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ap-accuracy-'));
const tools = [await loadArticleParse({ segmenterOnly: flag('--segmenter-only') })];
if (!flag('--no-readability')) tools.push(await loadReadability({ dom: 'linkedom' }));
if (flag('--jsdom')) tools.push(await loadReadability({ dom: 'jsdom' }));

const timing = [];
for (const tool of tools) {
  const dir = path.join(tmp, tool.name);
  const { failures, ms } = predictAll(tool, dir, pages);
  timing.push(`- ${tool.name} (${tool.mode}): ${pages.length} pages in ${(ms / 1000).toFixed(1)} s${failures.length ? `, ${failures.length} failed: ${failures.map((f) => `${f.page} (${f.error})`).join('; ')}` : ''}`);
}

const scoreArgs = [SCORER, ...tools.map((t) => path.join(tmp, t.name)), '--sets', 'readability-pages'];
if (worst > 0) scoreArgs.push('--worst', String(worst));
const table = execFileSync(process.execPath, scoreArgs, { encoding: 'utf8', maxBuffer: 1 << 26 });
process.stdout.write(`${table}\n${timing.join('\n')}\n`);

const section = [
  `## ${new Date().toISOString().slice(0, 10)} · Node ${process.version} · ${pages.length} pages`,
  '',
  `Command: \`npm run bench:accuracy${args.length ? ` -- ${args.join(' ')}` : ''}\``,
  '',
  '```',
  table.trimEnd(),
  '```',
  '',
  ...timing,
  '',
].join('\n');
const out = path.join(REPO, 'bench', 'RESULTS-accuracy.md');
const head = '# Accuracy: article-parse vs Readability.js on Readability\'s test pages\n\nThe expected articles are Readability\'s own output, so Readability scores about 0.99 here: it is the reference, not the bar. Newest run first.\n\n';
const old = fs.existsSync(out) ? fs.readFileSync(out, 'utf8').replace(head, '') : '';
fs.writeFileSync(out, `${head}${section}\n${old}`);
if (!flag('--keep')) fs.rmSync(tmp, { recursive: true, force: true });
else process.stdout.write(`predictions kept in ${tmp}\n`);
