/**
 * The batch's compact name storage (src/batch/name-pool.ts, name-set.ts): it must behave exactly
 * as an array and a Set of strings would, through growth and for any Unicode name.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NamePool } from '../src/batch/name-pool.js';
import { NameSet } from '../src/batch/name-set.js';

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
