// Shared logic of the accuracy benchmark (bench/accuracy.mjs) and its CI gate
// (test/accuracy-gate.test.ts): list the Readability test pages, run an extractor over each
// source.html, write {title, text} predictions, and score them with ../shared/tools/score.mjs.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SHARED = path.resolve(REPO, '..', 'shared');
export const CORPUS = path.join(SHARED, 'corpora', 'readability-pages');
export const SCORER = path.join(SHARED, 'tools', 'score.mjs');

/** True when the shared corpus and scorer are present. */
export function corpusAvailable() {
  return fs.existsSync(CORPUS) && fs.existsSync(SCORER);
}

/** Page folder names (those with a source.html), sorted. */
export function listPages(dir = CORPUS) {
  return fs.readdirSync(dir).filter((n) => fs.existsSync(path.join(dir, n, 'source.html'))).sort();
}

const BODY_HINTS = new Set(['heading', 'paragraph', 'listItem', 'quote', 'line']);

/** Prediction from the HTML segmenter's output: body = headings, paragraphs, items, quotes. */
export function predictionFromSegmented(seg) {
  const titleBlock = seg.blocks.find((b) => b.hint === 'title');
  const title = seg.hints.title ?? titleBlock?.text ?? null;
  const text = seg.blocks.filter((b) => BODY_HINTS.has(b.hint)).map((b) => b.text).join('\n');
  return { title, text };
}

/** Prediction from a full Article: body = teaser? no; lede and sections (headings and blocks). */
export function predictionFromArticle(article) {
  const lines = [];
  if (article.dateline && article.lede) lines.push(`${article.dateline} - ${article.lede}`);
  else if (article.lede) lines.push(article.lede);
  for (const s of article.sections ?? []) {
    if (s.heading) lines.push(s.heading);
    for (const b of s.blocks) {
      if (b.type === 'list') for (const it of b.items) lines.push(it.text);
      else lines.push(b.text);
    }
  }
  return { title: article.title ?? null, text: lines.join('\n') };
}

/**
 * Load article-parse's predictor. Uses the full pipeline (`parseArticle` from `dist/index.js`, or
 * `modulePath`'s) when it exists, else the HTML segmenter alone. `AP_SEGMENTER` may point at
 * another build of segment-html.js (development).
 */
export async function loadArticleParse({ dist = path.join(REPO, 'dist'), segmenterOnly = false } = {}) {
  const index = path.join(dist, 'index.js');
  if (!segmenterOnly && !process.env.AP_SEGMENTER && fs.existsSync(index)) {
    try {
      const api = await import(pathToFileURL(index).href);
      if (typeof api.parseArticle === 'function') {
        return {
          name: 'article-parse',
          mode: 'parseArticle',
          predict: (html) => predictionFromArticle(api.parseArticle(html, { inputFormat: 'html' })),
        };
      }
    } catch {
      // the lead's build may be mid-edit: fall back to the segmenter
    }
  }
  const seg = process.env.AP_SEGMENTER ?? path.join(dist, 'html', 'segment-html.js');
  const mod = await import(pathToFileURL(seg).href);
  return { name: 'article-parse', mode: 'segmentHtml', predict: (html) => predictionFromSegmented(mod.segmentHtml(html)) };
}

/** Predictor from an already-imported segmentHtml function (the gate passes the TS source). */
export function segmenterPredictor(segmentHtml) {
  return { name: 'article-parse', mode: 'segmentHtml', predict: (html) => predictionFromSegmented(segmentHtml(html)) };
}

/** Readability.js over linkedom (default) or jsdom; the article HTML turned to text like the truth. */
export async function loadReadability({ dom = 'linkedom' } = {}) {
  const { Readability } = await import('@mozilla/readability');
  const { htmlToText } = await import(pathToFileURL(SCORER).href);
  let makeDoc;
  if (dom === 'jsdom') {
    const { JSDOM, VirtualConsole } = await import('jsdom');
    makeDoc = (html) => new JSDOM(html, { url: 'http://fakehost/test/page.html', virtualConsole: new VirtualConsole() }).window.document;
  } else {
    const { parseHTML } = await import('linkedom');
    makeDoc = (html) => parseHTML(html).document;
  }
  return {
    name: `readability-${dom}`,
    mode: dom,
    predict: (html) => {
      const r = new Readability(makeDoc(html)).parse();
      return r ? { title: r.title ?? null, text: htmlToText(r.content ?? '') } : { title: null, text: '' };
    },
  };
}

/**
 * Run a predictor over every page's `source` file (the saved HTML by default, or the page's
 * whole visible text); write PRED_DIR/readability-pages/<page>.json.
 */
export function predictAll(predictor, outDir, pages = listPages(), source = 'source.html') {
  const dir = path.join(outDir, 'readability-pages');
  fs.mkdirSync(dir, { recursive: true });
  const failures = [];
  const t0 = performance.now();
  for (const page of pages) {
    const input = fs.readFileSync(path.join(CORPUS, page, source), 'utf8');
    let pred;
    try {
      pred = predictor.predict(input);
    } catch (e) {
      failures.push({ page, error: String(e?.message ?? e) });
      pred = { title: null, text: '' };
    }
    fs.writeFileSync(path.join(dir, `${page}.json`), JSON.stringify(pred));
  }
  return { failures, ms: performance.now() - t0 };
}

/** Score one prediction folder in-process with score.mjs's own functions (no bootstrap). */
export async function scoreDir(predDir, pages = listPages()) {
  const { tokenize, tpFpFn, aggregate, normTitle } = await import(pathToFileURL(SCORER).href);
  const triples = [];
  const perPage = [];
  let titled = 0;
  let titleHits = 0;
  for (const page of pages) {
    const d = path.join(CORPUS, page);
    const truthText = fs.readFileSync(path.join(d, 'expected.innertext.txt'), 'utf8');
    let truthTitle = null;
    try { truthTitle = JSON.parse(fs.readFileSync(path.join(d, 'expected-metadata.json'), 'utf8')).title ?? null; } catch { /* no title truth */ }
    let pred = { title: null, text: '' };
    try { pred = JSON.parse(fs.readFileSync(path.join(predDir, 'readability-pages', `${page}.json`), 'utf8')); } catch { /* empty */ }
    const tri = tpFpFn(tokenize(truthText), tokenize(pred.text ?? ''), 4);
    triples.push(tri);
    let titleOk = null;
    if (typeof truthTitle === 'string' && normTitle(truthTitle)) {
      titled++;
      titleOk = normTitle(truthTitle) === normTitle(pred.title);
      if (titleOk) titleHits++;
    }
    perPage.push({ page, f1: aggregate([tri]).f1, titleOk });
  }
  const m = aggregate(triples);
  return { pages: pages.length, f1: m.f1, precision: m.precision, recall: m.recall, titleExact: titled ? titleHits / titled : null, perPage };
}
