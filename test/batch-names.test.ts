/**
 * The batch's compact name storage (src/batch/name-pool.ts, name-set.ts): it must behave exactly
 * as an array and a Set of strings would, through growth and for any Unicode name. And its
 * shortcuts around path.join give what path.join gives.
 */

import fc from 'fast-check';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NamePool } from '../src/batch/name-pool.js';
import { NameSet } from '../src/batch/name-set.js';
import { joinNames } from '../src/batch/output-folder.js';

const name = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 20 }), fc.constantFrom('a.json', 'A.json', 'a.json ', 'Ünïcödé/名前.md', ''));

describe('NamePool', () => {
  it('gives back every string it was given, by number, and compares them exactly', () => {
    fc.assert(
      fc.property(fc.array(name, { maxLength: 300 }), (names) => {
        const pool = new NamePool();
        const ids = names.map((n) => pool.add(n));
        expect(ids).toEqual(names.map((_, i) => i));
        expect(pool.size).toBe(names.length);
        names.forEach((n, i) => {
          expect(pool.get(i)).toBe(n);
          expect(pool.equals(i, n)).toBe(true);
          expect(pool.equals(i, `${n}x`)).toBe(false);
        });
        expect(pool.get(names.length)).toBe('');
        expect(pool.equals(-1, '')).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('grows past its first buffers (long names, many names)', () => {
    const pool = new NamePool();
    const long = 'ü'.repeat(40_000);
    for (let i = 0; i < 3000; i++) pool.add(i % 1000 === 0 ? `${long}${i}` : `file-${i}.json`);
    expect(pool.get(2999)).toBe('file-2999.json');
    expect(pool.get(2000)).toBe(`${long}2000`);
  });
});

describe('NameSet', () => {
  it('answers add() exactly as a Set does', () => {
    fc.assert(
      fc.property(fc.array(name, { maxLength: 400 }), (names) => {
        const set = new NameSet();
        const reference = new Set<string>();
        for (const n of [...names, ...names.slice(0, 50)]) {
          const fresh = !reference.has(n);
          reference.add(n);
          expect(set.add(n)).toBe(fresh);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keeps every name through many rounds of growth', () => {
    const set = new NameSet();
    for (let i = 0; i < 20_000; i++) expect(set.add(`out/${i % 97}/article-${i}.json`)).toBe(true);
    for (let i = 0; i < 20_000; i += 7) expect(set.add(`out/${i % 97}/article-${i}.json`)).toBe(false);
    expect(set.add('out/0/article-20000.json')).toBe(true);
  });
});

describe('output paths', () => {
  const part = fc.oneof(fc.constantFrom('', '.', '..', '...', '.a', 'a.', 'a\\b', 'x.json', '~2'), fc.string({ maxLength: 8 }));
  const rel = fc.array(part, { minLength: 1, maxLength: 5 }).map((parts) => parts.join('/'));
  const base = fc.constantFrom('/', '/out', '/tmp/o-wt', '/a b/ü');

  it('joinNames is path.join of the parts, for any relative path', () => {
    fc.assert(
      fc.property(base, rel, (b, r) => {
        expect(joinNames(b, r)).toBe(join(b, ...r.split('/')));
      }),
      { numRuns: 2000 },
    );
  });

  it("a folder's children are join(folder, 'x') with the name for 'x', for any name a listing gives", () => {
    const folder = fc.oneof(base, fc.constantFrom('', '.', './', 'in', 'in/', './in/../in2', '..', '../x/'));
    const listed = fc.string({ minLength: 1, maxLength: 12 }).filter((n) => n !== '.' && n !== '..' && !n.includes('/'));
    fc.assert(
      fc.property(folder, listed, (f, n) => {
        expect(join(f, 'x').slice(0, -1) + n).toBe(join(f, n));
      }),
      { numRuns: 2000 },
    );
  });
});
