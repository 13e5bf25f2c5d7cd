// Where a text conversion's time goes: CPU microseconds per article for each stage of the
// pipeline, each timed alone over generated articles (bench/batch-articles.mjs) after two
// warm-up rounds. The input of each stage is made once, beforehand, by the stages before it.
//
//   node bench/stage-speed.mjs [--count 3000] [--bytes 5000] [--rounds 4] [--dist DIR]
//
// `--dist` times another build (a dist/ folder of another checkout): to compare two versions,
// run both alternately a few times and compare medians.

import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { generateArticle } from './batch-articles.mjs';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '3000' },
    bytes: { type: 'string', default: '5000' },
    rounds: { type: 'string', default: '4' },
    dist: { type: 'string', default: join(import.meta.dirname, '..', 'dist') },
  },
});
const count = Number(values.count);
const rounds = Number(values.rounds);
const dist = resolve(values.dist);
const load = (path) => import(pathToFileURL(join(dist, path)).href);

const { parseArticle } = await load('index.js');
const { readSourceText } = await load('source/read-source-text.js');
const { segmentText } = await load('text/segment-text.js');
const { normaliseBlocks } = await load('normalise/normalise-blocks.js');
const { findArticleText } = await load('fullpage/find-article-text.js');
const { readMetadataBlock } = await load('classify/read-metadata-block.js');
const { readHeader } = await load('classify/read-header.js');
const { classifyBody } = await load('classify/classify-body.js');
const { BUILTIN_LABELS } = await load('classify/labels.js');
const { detectLanguage, joinSample } = await load('language/detect-language.js');
const { renderJson } = await load('render/render-data.js');
const { articleText, fingerprintText } = await load('batch/fingerprint.js');

const encoder = new TextEncoder();
const bytes = Array.from({ length: count }, (_, i) => encoder.encode(generateArticle(i, Number(values.bytes))));
const texts = bytes.map((b) => readSourceText(b, { path: null, inputFormat: 'auto' }).text);
const segmented = texts.map((t) => segmentText(t));
const normalised = segmented.map((s) => normaliseBlocks(s.blocks).blocks);
const found = normalised.map((blocks) => findArticleText(blocks).blocks);
const metas = found.map((blocks) => readMetadataBlock(blocks, BUILTIN_LABELS));
const mains = found.map((blocks, i) => (metas[i] === null ? blocks : blocks.slice(0, metas[i].start)));
const headers = mains.map((blocks, i) => readHeader(blocks, BUILTIN_LABELS, segmented[i].hints, [], () => 0));
const bodies = mains.map((blocks, i) => blocks.slice(headers[i].bodyStart));
const articles = bytes.map((b) => parseArticle(b));
const articleTexts = articles.map(articleText);
const samples = mains.map((blocks) => joinSample(blocks.map((b) => b.text)));

let sink = 0;
/** CPU µs per item of `fn` over `items`: two warm-up rounds, then `rounds` timed ones. */
function time(items, fn) {
  for (let r = 0; r < 2; r++) for (let i = 0; i < items.length; i++) sink += fn(items[i], i);
  const before = process.cpuUsage();
  for (let r = 0; r < rounds; r++) for (let i = 0; i < items.length; i++) sink += fn(items[i], i);
  const used = process.cpuUsage(before);
  return (used.user + used.system) / rounds / items.length;
}

const rows = [
  ['parseArticle (all stages below)', time(bytes, (b) => parseArticle(b).sections.length)],
  ['  readSourceText (decode, mojibake)', time(bytes, (b) => readSourceText(b, { path: null, inputFormat: 'auto' }).text.length)],
  ['  segmentText', time(texts, (t) => segmentText(t).blocks.length)],
  ['  normaliseBlocks', time(segmented, (s) => normaliseBlocks(s.blocks).blocks.length)],
  ['  findArticleText (whole-page finder)', time(normalised, (blocks) => findArticleText(blocks).blocks.length)],
  ['  readMetadataBlock', time(found, (blocks) => readMetadataBlock(blocks, BUILTIN_LABELS)?.start ?? 0)],
  ['  readHeader', time(mains, (blocks, i) => readHeader(blocks, BUILTIN_LABELS, segmented[i].hints, [], () => 0).bodyStart)],
  ['  classifyBody', time(bodies, (blocks) => classifyBody(blocks, false).items.length)],
  ['  detectLanguage (body sample)', time(samples, (s) => detectLanguage(s).language.length)],
  ['renderJson', time(articles, (a) => renderJson(a).length)],
  ['fingerprint (batch duplicate detection)', time(articleTexts, (t) => fingerprintText(t).exact.length)],
];

console.log(`CPU µs per article (${count} generated articles of about ${values.bytes} bytes, ${rounds} rounds, ${dist}):`);
for (const [name, us] of rows) console.log(`${name.padEnd(42)} ${us.toFixed(1).padStart(7)}`);
if (sink === 0) console.log('(nothing was converted)');
