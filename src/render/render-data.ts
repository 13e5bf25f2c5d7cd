/**
 * JSON, NDJSON and YAML: three serialisations of one plain-data view, so they cannot disagree.
 */

import type { Article } from '../article/types.js';

/** The plain-data view of an article (it is plain data already; this fixes the key order). */
export function toData(article: Article): Article {
  return article;
}

/** Pretty JSON (two-space indent), or one line when `compact`. Ends with a newline. */
export function renderJson(article: Article, compact = false): string {
  return JSON.stringify(toData(article), null, compact ? undefined : 2) + '\n';
}

/** One NDJSON record: compact JSON on one line. */
export function renderNdjson(article: Article): string {
  return JSON.stringify(toData(article)) + '\n';
}
