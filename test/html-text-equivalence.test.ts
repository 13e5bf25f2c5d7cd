/**
 * A saved page and its text give the same Article (issue: HTML input), apart from `source`,
 * diagnostics and the fields only a page can carry (reader comments, page metadata).
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArticle, type Article } from '../src/index.js';
import { contentOf } from './helpers/content.js';

const EXAMPLES = join(import.meta.dirname, '..', 'fixtures');

function withoutPageOnlyFields(article: Article): unknown {
  const content = contentOf(article);
  return { ...content, metadata: { ...content.metadata, commentList: [], siteName: null, canonicalUrl: null, author: null } };
}

describe('HTML and text give the same article', () => {
  const text = parseArticle(readFileSync(join(EXAMPLES, 'de-hamburg-hafen.txt')), { path: 'de-hamburg-hafen.txt' });
  const html = parseArticle(readFileSync(join(EXAMPLES, 'de-hamburg-hafen-seite.html')), { path: 'de-hamburg-hafen.html' });

  it('same title, dateline, lede, sections, location, sources, comment count and language', () => {
    expect(html.source.format).toBe('html');
    expect(withoutPageOnlyFields(html)).toEqual(withoutPageOnlyFields(text));
  });

  it('the page adds its reader comments as data, never as body', () => {
    expect(html.metadata.commentList).toEqual([
      { author: 'Jens K.', date: '2025-06-03T09:12', text: 'Endlich passiert etwas am Burchardkai.' },
      { author: 'M. Brandt', date: '2025-06-03T11:40', text: 'Und wer bezahlt die Bahnanbindung?' },
    ]);
    const body = JSON.stringify(html.sections);
    for (const furniture of ['Startseite', 'Cookies', 'Symbolbild', 'Anzeige', 'Teilen', 'Bremerhaven', 'Impressum', 'Endlich passiert']) {
      expect(body).not.toContain(furniture);
    }
  });

  it('the repeated title in the h2 is dropped with a diagnostic', () => {
    expect(html.diagnostics.map((d) => d.code)).toContain('DUPLICATE_TITLE_REMOVED');
  });
});
