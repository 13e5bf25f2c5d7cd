/**
 * The Article for input that could not be read at all (empty, binary, too large): no content,
 * only the error diagnostics.
 */

import { SCHEMA_VERSION, type Article, type ArticleSource } from '../article/types.js';
import type { Diagnostic } from '../diagnostics/codes.js';

/** The article for input that could not be read at all: no content, the error diagnostics. */
export function failedArticle(source: ArticleSource, diagnostics: Diagnostic[]): Article {
  return {
    schemaVersion: SCHEMA_VERSION,
    source,
    title: null,
    teaser: null,
    dateline: null,
    lede: null,
    sections: [],
    metadata: {
      location: null,
      sources: [],
      comments: null,
      published: null,
      modified: null,
      author: null,
      siteName: null,
      canonicalUrl: null,
      fields: [],
      commentList: [],
    },
    language: 'und',
    languageConfidence: 0,
    direction: 'ltr',
    stats: { words: 0, characters: 0, paragraphs: 0, readingMinutes: 0 },
    diagnostics,
  };
}

