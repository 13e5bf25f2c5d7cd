/**
 * The compact encodings behind what a batch remembers for its whole run (src/batch/name-pool.ts,
 * name-set.ts, chain-table.ts, duplicates.ts, output-names.ts): front- and back-coded names,
 * chained tables grown by linear hashing, records that hold a signature's slots next to their
 * chain links. Each is compared with a plain reference on inputs that reach its growth and its
 * corner cases.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChainTable, END, type Chains } from '../src/batch/chain-table.js';
import { DuplicateIndex, NEAR_DUPLICATE_THRESHOLD, type DuplicateMatch } from '../src/batch/duplicates.js';
import { extensionOf } from '../src/batch/entry-path.js';
import { NamePool } from '../src/batch/name-pool.js';
import { hashName, NameSet } from '../src/batch/name-set.js';
import { OutputNamer, type OutputName } from '../src/batch/output-names.js';
import type { Fingerprint } from '../src/batch/types.js';

const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder();
/** What a string reads back as once kept as UTF-8 (a lone surrogate becomes U+FFFD). */
const asKept = (text: string): string => fromUtf8.decode(utf8.encode(text));

/** Path parts that consecutive names share and differ in, non-ASCII and lone surrogates included. */
const part = fc.oneof(
  fc.constantFrom('archive', '2024', '05', 'site-name', 'Ünïcödé', '名前', 'новости', '😀', 'a', 'A', '', '\uD800', '\uDC00x', 'é'),
  fc.string({ maxLength: 6 }),
  fc.string({ unit: 'grapheme', maxLength: 4 }),
);
const fileName = fc.tuple(fc.constantFrom('article-', 'a', 'ü-', ''), fc.nat(200_000), fc.constantFrom('.txt', '.html', '.md', '', '.TXT', '.ü'));
/** Names in runs that share folders and file-name shapes, as a walk gives them. */
const walkNames = fc
  .array(fc.tuple(fc.array(part, { minLength: 0, maxLength: 4 }), fc.array(fileName, { minLength: 1, maxLength: 40 })), { maxLength: 12 })
  .map((folders) => folders.flatMap(([parts, files]) => files.map(([stem, n, ext]) => [...parts, `${stem}${n}${ext}`].join('/'))));

describe('NamePool front and back coding', () => {
  it('reads back every name of walk-ordered runs, and compares them exactly', () => {
    fc.assert(
      fc.property(walkNames, (names) => {
        const pool = new NamePool();
        names.forEach((n, i) => expect(pool.add(n)).toBe(i));
        // backwards, so that no name is read right after the one before it
        for (let i = names.length - 1; i >= 0; i--) {
          const n = names[i] ?? '';
          expect(pool.get(i)).toBe(asKept(n));
          expect(pool.equals(i, asKept(n))).toBe(true);
          expect(pool.equals(i, `${n}/`)).toBe(false);
          if (i > 0 && asKept(names[i - 1] ?? '') !== asKept(n)) expect(pool.equals(i, names[i - 1] ?? '')).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('names that share a start and an end with the one before, overlapping or not', () => {
    const pool = new NamePool();
    const names = ['aaaa', 'aaaaa', 'aaa', 'aXa', 'aXXa', 'a', '', 'a', 'ab', 'ba', 'aba', 'abba', 'ü', 'üü', 'ü', 'éü', 'eü', '😀😀', '😀', '\uD83D', '\uD83D\uDE00', 'x/名前.txt', 'x/名.txt', 'x/前.txt'];
    names.forEach((n) => pool.add(n));
    names.forEach((n, i) => expect(pool.get(i)).toBe(asKept(n)));
  });

  it('keeps groups whole across chunks, with names longer than a chunk anywhere in a group', () => {
    const pool = new NamePool();
    const names: string[] = [];
    for (let i = 0; i < 40_000; i++) {
      const long = i % 997 === 0 || i % 2003 === 1;
      names.push(long ? `${'ß'.repeat(30_000 + (i % 7))}/${i}` : `news/archive/${Math.floor(i / 300)}/site-${i % 3}/article-${i}.txt`);
    }
    names.forEach((n) => pool.add(n));
    expect(pool.size).toBe(names.length);
    for (let i = 0; i < names.length; i += 1 + (i % 5)) expect(pool.get(i)).toBe(names[i]);
    expect(pool.get(names.length - 1)).toBe(names.at(-1));
  });
});

describe('NameSet', () => {
  it('tells apart names with the same 32-bit hash (found by the birthday bound)', () => {
    const byHash = new Map<number, string>();
    let pair: [string, string] | null = null;
    for (let i = 0; pair === null; i++) {
      const name = `out/s${i % 10}/p${i % 53}/a${i}.json`;
      const h = hashName(name);
      const earlier = byHash.get(h);
      if (earlier !== undefined) pair = [earlier, name];
      else byHash.set(h, name);
    }
    const [a, b] = pair;
    expect(hashName(a)).toBe(hashName(b));
    const set = new NameSet();
    for (let i = 0; i < 5000; i++) set.add(`filler/${i}.json`);
    expect(set.add(a)).toBe(true);
    for (let i = 5000; i < 5037; i++) set.add(`filler/${i}.json`); // a is then decoded from the middle of a group
    expect(set.add(b)).toBe(true);
    expect(set.add(a)).toBe(false);
    expect(set.add(b)).toBe(false);
  });
});

describe('OutputNamer', () => {
  /** The same rules over a Set of lower-cased names. */
  class ReferenceNamer {
    private readonly taken = new Set<string>();
    constructor(
      private readonly extension: string,
      reserved: readonly string[],
    ) {
      for (const name of reserved) this.taken.add(asKept(name.toLowerCase()));
    }
    name(relPath: string): OutputName {
      const ext = extensionOf(relPath);
      const stem = ext === '' ? relPath : relPath.slice(0, relPath.length - ext.length);
      const candidates = [stem + this.extension, ...(ext !== '' ? [relPath + this.extension] : [])];
      for (const candidate of candidates) if (this.claim(candidate)) return { path: candidate, renamed: candidate !== candidates[0] };
      for (let n = 2; ; n++) {
        const candidate = `${stem}~${n}${this.extension}`;
        if (this.claim(candidate)) return { path: candidate, renamed: true };
      }
    }
    private claim(path: string): boolean {
      const key = asKept(path.toLowerCase());
      if (this.taken.has(key)) return false;
      this.taken.add(key);
      return true;
    }
  }

  it('names as a Set of lower-cased names would, through case-folding collisions', () => {
    const caseVariant = fc.tuple(walkNames, fc.array(fc.nat(), { maxLength: 60 }), fc.array(fc.boolean(), { maxLength: 60 }));
    fc.assert(
      fc.property(caseVariant, ([names, picks, upper]) => {
        // add upper-case and extension variants of earlier names, so that names collide
        const all = [...names];
        picks.forEach((p, k) => {
          const n = names[p % Math.max(1, names.length)] ?? 'x.txt';
          all.push(upper[k] === true ? n.toUpperCase() : n.replace(/\.txt$/u, '.html'));
        });
        const namer = new OutputNamer('.json', ['.article-parse-manifest.ndjson']);
        const reference = new ReferenceNamer('.json', ['.article-parse-manifest.ndjson']);
        for (const n of all) expect(namer.name(n)).toEqual(reference.name(n));
      }),
      { numRuns: 200 },
    );
  });
});

describe('ChainTable', () => {
  it('finds every entry under its key through splits, with few keys (long chains) or many', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 50 }), { maxLength: 6000 }), fc.integer({ min: 1, max: 4 }), fc.boolean(), (small, load, wide) => {
        const keys = small.map((k, i) => (wide ? Math.imul(k, 0x9e3779b1) ^ i : k) | 0);
        const links: number[] = [];
        const chains: Chains = { keyOf: (e) => keys[e] ?? 0, next: (e) => links[e] ?? END, setNext: (e, n) => (links[e] = n) };
        const table = new ChainTable(chains, load);
        keys.forEach((k, e) => table.add(k, e));
        const expected = new Map<number, number[]>();
        keys.forEach((k, e) => expected.set(k, [...(expected.get(k) ?? []), e]));
        for (const [k, entries] of expected) {
          const found: number[] = [];
          for (let e = table.first(k); e !== END; e = chains.next(e)) if (keys[e] === k) found.push(e);
          expect(found.sort((x, y) => x - y)).toEqual(entries);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('DuplicateIndex records', () => {
  /** Every original compared with every later article: the decisions the bands should reach. */
  class ReferenceIndex {
    private readonly originals: { exact: string; slots: number[] | null; name: string }[] = [];
    check(fp: Fingerprint, name: string): DuplicateMatch | null {
      const same = this.originals.find((o) => o.exact === fp.exact);
      if (same !== undefined) return { kind: 'exact', of: same.name, similarity: 1 };
      const slots = fp.minhash === null ? null : Array.from(fp.minhash, (v) => v & 0xffff);
      if (slots !== null) {
        let best = -1;
        let bestSimilarity = 0;
        this.originals.forEach((o, id) => {
          if (o.slots === null) return;
          const kept = o.slots;
          let band = false;
          for (let b = 0; b < 8; b++) if ([0, 1, 2, 3].every((r) => kept[b * 4 + r] === slots[b * 4 + r])) band = true;
          if (!band) return;
          const s = kept.filter((v, i) => v === slots[i]).length / 32;
          if (s >= NEAR_DUPLICATE_THRESHOLD && (best < 0 || s > bestSimilarity)) {
            best = id;
            bestSimilarity = s;
          }
        });
        const found = this.originals[best];
        if (found !== undefined) return { kind: 'near', of: found.name, similarity: bestSimilarity };
      }
      this.originals.push({ exact: fp.exact, slots, name });
      return null;
    }
  }

  it('decides as comparing with every original would, across blocks and splits', () => {
    let seed = 12345;
    const next = (): number => {
      seed = (seed + 0x6d2b79f5) >>> 0;
      let t = Math.imul(seed ^ (seed >>> 15), seed | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return (t ^ (t >>> 14)) >>> 0;
    };
    const hex = (): string => Array.from({ length: 4 }, () => next().toString(16).padStart(8, '0')).join('');
    const made: Fingerprint[] = [];
    const index = new DuplicateIndex();
    const reference = new ReferenceIndex();
    let near = 0;
    let exact = 0;
    for (let i = 0; i < 3000; i++) {
      const roll = next() % 10;
      const earlier = made[next() % Math.max(1, made.length)];
      let fp: Fingerprint;
      if (earlier !== undefined && roll === 0) fp = earlier;
      else if (earlier !== undefined && roll <= 4 && earlier.minhash !== null) {
        // a near copy: a few slots changed, some only in their high 16 bits (which the index drops)
        const minhash = Uint32Array.from(earlier.minhash);
        for (let c = next() % 9; c > 0; c--) {
          const slot = next() % 32;
          minhash[slot] = next() % 2 === 0 ? next() : ((minhash[slot] ?? 0) ^ 0x10000) >>> 0;
        }
        fp = { exact: hex(), minhash };
      } else fp = { exact: hex(), minhash: roll === 9 ? null : Uint32Array.from({ length: 32 }, () => (next() % 8) * 0x10001 + (i % 3)) };
      made.push(fp);
      const name = `news/ü/${Math.floor(i / 100)}/article-${i}.txt`;
      const expected = reference.check(fp, name);
      expect(index.check(fp, name)).toEqual(expected);
      if (expected?.kind === 'near') near++;
      if (expected?.kind === 'exact') exact++;
    }
    expect(near).toBeGreaterThan(300);
    expect(exact).toBeGreaterThan(100);
  });
});
