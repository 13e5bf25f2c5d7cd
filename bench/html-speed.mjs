#!/usr/bin/env node
/**
 * HTML extraction speed on the Readability test pages, one extractor per process so peak memory
 * is its own: `node bench/html-speed.mjs article-parse|readability-linkedom|readability-jsdom`.
 * Prints one JSON line: pages, CPU seconds, pages per CPU-second, peak RSS (MB).
 */

import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

export const PAGES_DIR = join(import.meta.dirname, '..', '..', 'shared', 'corpora', 'readability-pages');

/** The saved pages, read into memory before timing starts. */
export function loadPages() {
  if (!existsSync(PAGES_DIR)) return [];
  return readdirSync(PAGES_DIR)
    .filter((name) => existsSync(join(PAGES_DIR, name, 'source.html')))
    .sort()
    .map((name) => ({ name, html: readFileSync(join(PAGES_DIR, name, 'source.html'), 'utf8') }));
}

async function extractor(kind) {
  switch (kind) {
    case 'article-parse': {
      const { parseArticle, render } = await import('../dist/index.js');
      return (html) => render(parseArticle(html, { inputFormat: 'html' }), 'text');
    }
    case 'readability-linkedom': {
      const { Readability } = await import('@mozilla/readability');
      const { parseHTML } = await import('linkedom');
      return (html) => new Readability(parseHTML(html).document).parse()?.textContent ?? '';
    }
    case 'readability-jsdom': {
      const { Readability } = await import('@mozilla/readability');
      const { JSDOM } = await import('jsdom');
      return (html) => {
        const dom = new JSDOM(html);
        const text = new Readability(dom.window.document).parse()?.textContent ?? '';
        dom.window.close();
        return text;
      };
    }
    default:
      throw new Error(`unknown extractor ${kind}`);
  }
}

/** Time one extractor over all pages in this process. */
export async function measure(kind) {
  const pages = loadPages();
  const extract = await extractor(kind);
  const start = process.cpuUsage();
  let chars = 0;
  for (const page of pages) {
    try {
      chars += extract(page.html).length;
    } catch {
      // a crash on a page counts as no output; the time still counts
    }
  }
  const used = process.cpuUsage(start);
  const cpuSeconds = (used.user + used.system) / 1e6;
  return {
    extractor: kind,
    pages: pages.length,
    cpuSeconds: Number(cpuSeconds.toFixed(3)),
    pagesPerCpuSecond: Number((pages.length / cpuSeconds).toFixed(1)),
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    chars,
  };
}

if (process.argv[1] === import.meta.filename) {
  const kind = process.argv[2] ?? 'article-parse';
  process.stdout.write(JSON.stringify(await measure(kind)) + '\n');
}
