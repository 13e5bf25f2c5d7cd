/**
 * The content of an article: everything but where it came from, how sure the language guess was,
 * and the diagnostics (which describe the input, not the article). Two inputs that say the same
 * thing have the same content.
 */

import type { Article } from '../../src/index.js';

export type Content = Omit<Article, 'source' | 'diagnostics' | 'languageConfidence'>;

export function contentOf(article: Article): Content {
  const { source: _source, diagnostics: _diagnostics, languageConfidence: _confidence, ...content } = article;
  return content;
}

/** Diagnostics that only describe the byte layout (BOM, line ends). */
const LAYOUT_CODES = new Set(['BOM_REMOVED', 'LINE_ENDINGS_NORMALISED']);

/** Everything but `source` and layout-only diagnostics: what CRLF/CR/BOM variants must share. */
export function layoutIndependent(article: Article): Omit<Article, 'source'> {
  const { source: _source, ...rest } = article;
  return { ...rest, diagnostics: rest.diagnostics.filter((d) => !LAYOUT_CODES.has(d.code)) };
}
