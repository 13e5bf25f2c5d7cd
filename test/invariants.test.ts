/**
 * Invariants checked for every fixture: the output validates against the schema, JSON and YAML
 * carry the same data, the Markdown output reads back to the same article, CRLF / CR / BOM
 * variants of the input give the same data, and parsing is deterministic.
 */

import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { parseArticle, render } from '../src/index.js';
import { contentOf, layoutIndependent } from './helpers/content.js';
import { listFixtures, parseFixture } from './helpers/fixtures.js';
import { schemaErrors } from './helpers/schema.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

describe.each(listFixtures().map((f) => [f.name, f] as const))('%s', (_name, f) => {
  const article = parseFixture(f);
  const text = decoder.decode(f.input).replace(/^\uFEFF/u, '').replace(/\r\n?/gu, '\n');

  it('validates against schema/article.schema.json', () => {
    expect(schemaErrors(JSON.parse(render(article, 'json')))).toEqual([]);
  });

  it('JSON and YAML carry the same data', () => {
    expect(parseYaml(render(article, 'yaml'))).toEqual(JSON.parse(render(article, 'json')));
  });

  it('NDJSON is one line of the same data', () => {
    const line = render(article, 'ndjson');
    expect(line.endsWith('\n')).toBe(true);
    expect(line.slice(0, -1)).not.toContain('\n');
    expect(JSON.parse(line)).toEqual(JSON.parse(render(article, 'json')));
  });

  it('Markdown output reads back to the same article', () => {
    const md = render(article, 'md');
    const again = parseArticle(md, { inputFormat: 'markdown' });
    expect(contentOf(again)).toEqual(contentOf(article));
    // and the Markdown of the re-read article is the same Markdown
    expect(render(again, 'md')).toBe(md);
  });

  it('CRLF, CR and BOM variants give the same data', () => {
    const base = layoutIndependent(parseArticle(encoder.encode(text), { path: f.relative }));
    for (const variant of [text.replace(/\n/gu, '\r\n'), text.replace(/\n/gu, '\r'), '\uFEFF' + text, '\uFEFF' + text.replace(/\n/gu, '\r\n')]) {
      expect(layoutIndependent(parseArticle(encoder.encode(variant), { path: f.relative }))).toEqual(base);
    }
  });

  it('is deterministic', () => {
    expect(render(parseFixture(f), 'json')).toBe(render(article, 'json'));
  });

  it('has no stutters and no space before commas left in the body', () => {
    const body = [article.lede ?? '', ...article.sections.flatMap((s) => s.blocks.map((b) => (b.type === 'list' ? b.items.map((i) => i.text).join(' ') : b.text)))].join('\n');
    expect(body).not.toMatch(/ [,،，。]/u);
    expect(body).not.toMatch(/(?:^|\s)(\p{L}+) \1 \1(?:\s|$)/u);
  });
});
