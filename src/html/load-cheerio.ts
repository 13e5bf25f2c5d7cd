/**
 * Loads cheerio on first use only, synchronously, so a run over text or Markdown files never
 * pays for the HTML parser. The parsed document is returned as the structural `DomNode` tree.
 */

import { createRequire } from 'node:module';
import type { DomNode } from './dom.js';

/** The part of cheerio's module this project uses. */
interface CheerioModule {
  load(
    html: string,
    options: { sourceCodeLocationInfo: boolean; scriptingEnabled: boolean },
  ): { root(): ArrayLike<unknown> };
}

let cached: CheerioModule | null = null;

function cheerio(): CheerioModule {
  if (!cached) cached = createRequire(import.meta.url)('cheerio') as CheerioModule;
  return cached;
}

/**
 * Parse HTML with cheerio (parse5, as browsers do: unclosed tags, framesets and XHTML all give a
 * document) and return the document root. Nothing is executed or fetched. Node offsets
 * (`startIndex`) are kept for line numbers.
 */
export function parseHtmlDocument(html: string): DomNode {
  const $ = cheerio().load(html, { sourceCodeLocationInfo: true, scriptingEnabled: true });
  return $.root()[0] as DomNode;
}
