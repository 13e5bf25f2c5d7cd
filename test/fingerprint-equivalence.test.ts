/**
 * Fingerprints against their plain definition: NFKC and lower case of the whole text, words as
 * maximal runs of letters and digits, SHA-256 of the joined words, FNV-1a of each token, word (or
 * character) 3-shingles and a one-permutation MinHash computed the straightforward way. The
 * module folds most texts unit by unit (the simple path) and computes the signature in one pass;
 * both must give exactly these values. PROPERTY_RUNS sets the runs per property.
 */

import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generalPathStretches, fingerprintText, MINHASH_SLOTS, normaliseForComparison } from '../src/batch/fingerprint.js';

const RUNS = Number(process.env['PROPERTY_RUNS'] ?? 3000);

function fnv(units: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < units.length; i++) h = Math.imul(h ^ units.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function fmix32(h: number): number {
  let x = h >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

function rotl(x: number, by: number): number {
  return ((x << by) | (x >>> (32 - by))) >>> 0;
}

/** The words of a text for comparison, by their definition. */
function referenceWords(text: string): string[] {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
}

/** The fingerprint by its definition, one step at a time. */
function reference(text: string): { exact: string; minhash: number[] | null; normalised: string } {
  const words = referenceWords(text);
  const joined = words.join(' ');
  const units = Uint16Array.from({ length: joined.length }, (_, i) => joined.charCodeAt(i));
  const exact = createHash('sha256').update(new Uint8Array(units.buffer)).digest('hex').slice(0, 32);
  const unspaced = words.length > 0 && joined.length / words.length > 10;
  const tokens = unspaced ? [...joined.replaceAll(' ', '')].map(fnv) : words.map(fnv);
  const shingles: number[] = [];
  for (let i = 0; i + 3 <= tokens.length; i++) {
    let h = 0;
    for (let k = 0; k < 3; k++) h ^= rotl(tokens[i + k] as number, (k * 11) % 32);
    shingles.push(fmix32(h));
  }
  if (new Set(shingles).size < 8) return { exact, minhash: null, normalised: joined };
  const least = new Float64Array(MINHASH_SLOTS).fill(Infinity);
  for (const h of shingles) {
    const slot = h >>> 27;
    if (h < (least[slot] as number)) least[slot] = h;
  }
  const signature: number[] = [];
  for (let slot = 0; slot < MINHASH_SLOTS; slot++) {
    let distance = 0;
    while (least[(slot + distance) % MINHASH_SLOTS] === Infinity) distance++;
    const value = least[(slot + distance) % MINHASH_SLOTS] as number;
    signature.push(distance === 0 ? value : fmix32((value + Math.imul(distance, 0x9e3779b9)) >>> 0));
  }
  return { exact, minhash: signature, normalised: joined };
}

function actual(text: string): { exact: string; minhash: number[] | null; normalised: string } {
  const fp = fingerprintText(text);
  return { exact: fp.exact, minhash: fp.minhash === null ? null : [...fp.minhash], normalised: normaliseForComparison(text) };
}

/** `actual` against `reference` for a long text: a difference in the words is shown where it starts, not as a diff of the whole text. */
function expectReference(text: string): void {
  const got = actual(text);
  const want = reference(text);
  if (got.normalised !== want.normalised) {
    let at = 0;
    while (got.normalised[at] === want.normalised[at]) at++;
    const around = (s: string): string => s.slice(Math.max(0, at - 20), at + 20);
    expect({ at, length: got.normalised.length, words: around(got.normalised) }).toEqual({ at, length: want.normalised.length, words: around(want.normalised) });
  }
  expect(got).toEqual(want);
}

/** Characters the simple path folds on its own: letters of several scripts, punctuation, compatibility forms. */
const SIMPLE = [
  ...'abcxyzABCXYZ0189 ', ' ', ' ', ' ', '\n', '\t', ...'.,;:!?-\'"()[]/', ...'éÉüÜßçÇñÑøØæÆåÅı',
  ...'αβγδΑΒΓΔάέίόύώϊΐσςΩω', ...'абвгдАБВГДёЁїЇ', ...'中文字かなカナ', ...'가나다한국', ...'ابجשלום',
  '\u00a0', '\u2009', '…', '‥', '’', '“', '”', '–', '—', '·', '²', '³', '¹', 'ª', 'º', 'µ', 'ſ', '\u212a', '\u2126', '\u212b',
  'ẞ', 'Ａ', 'ｚ', '０', 'ｶ', '①', 'Ⅻ', 'ⅻ', '\u1100', '\u3131', '\u00b4', '\u02dc', '¨',
];
/** Characters that can change with their neighbours or fold to more than one unit: the general path. */
const TRICKY = [
  'Σ', '\u03f9', 'ΑΣ', 'ΣΑ', '\u0301', '\u0308', '\u0345', '\u0307', 'e\u0301', 'İ', 'ﬁ', '™', '½', 'ǅ', 'Ǆ', '\u1161', '\u11a8',
  'ㅏ', 'ﾞ', '\u3099', '\u309a', '\u0bbe', '\u0dcf', '\ud83d\ude00', '\ud835\udc00', '\ud835\udeba', '\ud800', '\udc00', 'ŉ', 'ǰ',
  '\u0f73', '\u0340', '\u0344',
];

/** Texts mostly of simple characters, with a tricky one now and then. */
const mostlySimple = fc
  .array(fc.oneof({ weight: 30, arbitrary: fc.constantFrom(...SIMPLE) }, { weight: 1, arbitrary: fc.constantFrom(...TRICKY) }), { maxLength: 120 })
  .map((chars) => chars.join(''));
/** Article-like texts: words of simple characters repeated, so that most have a signature. */
const wordy = fc
  .array(fc.array(fc.constantFrom(...SIMPLE.filter((c) => c.trim() !== '')), { minLength: 1, maxLength: 6 }), { minLength: 8, maxLength: 60 })
  .chain((words) => fc.array(fc.constantFrom(...words.map((w) => w.join(''))), { minLength: 10, maxLength: 80 }))
  .map((words) => words.join(' '));

describe('fingerprints follow their definition', () => {
  it('on texts mostly of simple characters (some with stretches for the general path)', () => {
    let simple = 0;
    let stretches = 0;
    fc.assert(
      fc.property(mostlySimple, (text) => {
        const n = generalPathStretches(text);
        if (n === 0) simple++;
        else if (n > 0) stretches++;
        expect(actual(text)).toEqual(reference(text));
      }),
      { numRuns: RUNS },
    );
    expect(simple).toBeGreaterThan(RUNS / 4);
    expect(stretches).toBeGreaterThan(RUNS / 10);
  });

  it('on texts with many units that are not simple (the general path takes the rest after a while)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(wordy, mostlySimple, fc.constantFrom(...TRICKY)), { minLength: 1, maxLength: 40 }), (parts) => {
        const text = parts.join(' ');
        expect(actual(text)).toEqual(reference(text));
      }),
      { numRuns: Math.ceil(RUNS / 10) },
    );
    const text = Array.from({ length: 40 }, (_, i) => `Wort ΑΣ ${i} kein Σ, 😀 İstanbul`).join('\n');
    expect(generalPathStretches(text)).toBe(17);
    expect(actual(text)).toEqual(reference(text));
  });

  it('final sigma and other tricky units next to every kind of neighbour', () => {
    const sides = ['', 'Α', 'a', '1', 'ΑΑ'];
    const between = ['', '.', "'", ':', '\u00ad', '\u0301', ' ', '\n', '\t', '-', ',', '\u00a0', '…'];
    for (const tricky of ['Σ', 'ΣΑ', '\u03f9', 'İ', '😀', '\u0301', 'ﬁ']) {
      for (const before of sides) {
        for (const left of between) {
          for (const right of between) {
            for (const after of sides) {
              const text = `x ${before}${left}${tricky}${right}${after} y`;
              const got = normaliseForComparison(text);
              const want = referenceWords(text).join(' ');
              if (got !== want) expect({ text, got }).toEqual({ text, got: want });
            }
          }
        }
      }
    }
  });

  it('stretches whose folded text is much longer than the text', () => {
    // room in the piece buffers for the folded stretches
    const fits = `${'\ufdfa'.repeat(500)} `.repeat(3) + 'word and more words '.repeat(1000);
    expect(generalPathStretches(fits)).toBe(3);
    expectReference(fits);
    // no room: the general path reads the whole text
    const long = `${'\ufdfa'.repeat(30_000)} ${'word '.repeat(30_000)}`;
    expect(generalPathStretches(long)).toBe(-1);
    expectReference(long);
    const text = `${'\ufdfa'.repeat(3000)} `.repeat(10) + 'word and more words '.repeat(10_000) + `${'\ufdfa'.repeat(2000)} end`;
    expect(generalPathStretches(text)).toBe(-1);
    expectReference(text);
    // right up to the room there is (a piece's words may take twice its units)
    let fitted = 0;
    for (let count = 1960; count <= 1990; count++) {
      for (const tail of ['', ' end', 'end']) {
        const near = 'ab '.repeat(10_000) + '\ufdfa'.repeat(count) + tail;
        if (generalPathStretches(near) === 1) fitted++;
        expectReference(near);
      }
    }
    expect(fitted).toBeGreaterThan(10);
    expect(fitted).toBeLessThan(90);
  });

  it('texts longer than a piece: pieces end at white space, and a text without white space to end one takes the general path', () => {
    const piece = 32768;
    let pieces = 0;
    for (const separator of [' ', '\n', '\t', '\r', '\v', '\f', '\u00a0', '.', '\u2009', '']) {
      for (const shift of [-2, -1, 0, 1, 2]) {
        const head = 'ab'.repeat((piece + shift) >>> 1) + 'ä'.repeat((piece + shift) & 1);
        const text = `${head}${separator}Σ und Weiter ${'more words here '.repeat(500)}ΑΣ`;
        const n = generalPathStretches(text);
        if (n >= 0) pieces++;
        expectReference(text);
      }
    }
    expect(pieces).toBeGreaterThan(10);
    expect(generalPathStretches('xy'.repeat(piece))).toBe(-1);
    expect(generalPathStretches('xy'.repeat(piece / 2))).toBe(0);
    const words = 'Der Hafen erhält neue Kräne – “ﬁnal” … 😀 ';
    const many = Array.from({ length: 3 }, (_, i) => `${'x'.repeat(piece - 50 - i)} ${words.repeat(2)}`).join('\n');
    expect(generalPathStretches(many)).toBe(12);
    expectReference(many);
  });

  it('on long texts of many kinds', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(wordy, mostlySimple), { minLength: 400, maxLength: 900 }), fc.constantFrom(' ', '\n', '', '.'), (parts, glue) => {
        const text = parts.join(glue);
        expectReference(text);
      }),
      { numRuns: Math.ceil(RUNS / 100) },
    );
  });

  it('on word-like texts, with signatures', () => {
    let signed = 0;
    fc.assert(
      fc.property(wordy, (text) => {
        const fp = actual(text);
        if (fp.minhash !== null) signed++;
        expect(fp).toEqual(reference(text));
      }),
      { numRuns: RUNS },
    );
    expect(signed).toBeGreaterThan(RUNS / 2);
  });

  it('on any text (the general path, mostly)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 200 })), (text) => {
        expect(actual(text)).toEqual(reference(text));
      }),
      { numRuns: RUNS },
    );
  });

  it('for every BMP unit, alone and between letters of several scripts', () => {
    const contexts: [string, string][] = [['', ''], ['e', 'e'], ['Α', 'α'], ['一 ', ' z'], ['가', '가'], ['ᄀ', '']];
    for (let unit = 0; unit < 0x10000; unit++) {
      const c = String.fromCharCode(unit);
      for (const [before, after] of contexts) {
        const text = before + c + after;
        const got = normaliseForComparison(text);
        const want = referenceWords(text).join(' ');
        if (got !== want) expect({ unit: unit.toString(16), text, got }).toEqual({ unit: unit.toString(16), text, got: want });
      }
    }
  });

  it('a character of the simple path never starts with one that composes with the character before it, and is not Σ; white space composes with nothing', () => {
    // the second (and later) characters of every canonical decomposition: those that can compose with a character before them
    const seconds = new Set<number>();
    const decomposedWithWhite: number[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const c = String.fromCodePoint(cp);
      const d = c.normalize('NFD');
      if (d === c) continue;
      for (const part of [...d].slice(1)) seconds.add(part.codePointAt(0) as number);
      if (/[\t-\r ]/.test(d)) decomposedWithWhite.push(cp);
    }
    // white space, which bounds the stretches given to the general path, composes with nothing
    // and neither is cased nor ignored by case mapping
    const white = ['\t', '\n', '\v', '\f', '\r', ' '];
    for (const w of white) {
      expect(seconds.has(w.codePointAt(0) as number)).toBe(false);
      expect(/[\p{Cased}\p{Case_Ignorable}]/u.test(w)).toBe(false);
    }
    expect(decomposedWithWhite).toEqual([]);
    for (let unit = 0; unit < 0x10000; unit++) {
      const c = String.fromCharCode(unit);
      if (generalPathStretches(c) !== 0) continue;
      expect(seconds.has(c.normalize('NFKD').codePointAt(0) as number)).toBe(false);
      expect(c.normalize('NFKC').includes('Σ')).toBe(false);
    }
  });

  it('long texts, over the shared buffers', () => {
    const text = 'Der Hafen erhält neue Kräne – “ﬁnal” … '.repeat(20_000);
    expectReference(text);
    const simple = 'Der Hafen erhält neue Kräne, sagt Ωmega … '.repeat(20_000);
    expect(generalPathStretches(simple)).toBe(0);
    expectReference(simple);
    expect(actual('kurz')).toEqual(reference('kurz'));
  });
});
