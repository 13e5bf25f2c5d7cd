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

/** The bytes with a UTF-8 BOM and CR bytes removed (all fixture encodings are ASCII-compatible). */
function lfBytes(bytes: Uint8Array): Uint8Array {
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  return Uint8Array.from(bytes.subarray(start).filter((b) => b !== 0x0d));
}

function replaceLf(bytes: Uint8Array, by: readonly number[]): Uint8Array {
  const out: number[] = [];
  for (const b of bytes) {
    if (b === 0x0a) out.push(...by);
    else out.push(b);
  }
  return Uint8Array.from(out);
}

function withBom(bytes: Uint8Array): Uint8Array {
  return Uint8Array.from([0xef, 0xbb, 0xbf, ...bytes]);
}

describe.each(listFixtures().map((f) => [f.name, f] as const))('%s', (_name, f) => {
  const article = parseFixture(f);
  const lf = lfBytes(f.input);

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
    const base = layoutIndependent(parseArticle(lf, { path: f.relative }));
    const variants = [replaceLf(lf, [0x0d, 0x0a]), replaceLf(lf, [0x0d])];
    // a UTF-8 byte-order mark only belongs in front of UTF-8
    if (article.source.encoding === 'utf-8') variants.push(withBom(lf), withBom(replaceLf(lf, [0x0d, 0x0a])));
    for (const variant of variants) {
      expect(layoutIndependent(parseArticle(variant, { path: f.relative }))).toEqual(base);
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
