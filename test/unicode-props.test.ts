/**
 * The Unicode property table (src/util/unicode-props.ts, scripts/make-unicode-props.mjs): the
 * table the build writes gives every BMP unit exactly the bits its expressions give, and the text
 * tests built on it answer as the expressions they replace do, with the table and without it.
 */

import fc from 'fast-check';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as source from '../src/util/unicode-props.js';

const ROOT = join(import.meta.dirname, '..');
const BUILT = join(ROOT, 'dist', 'util', 'unicode-props.js');

/** The built module, which finds the table beside it in dist/util/. */
async function built(): Promise<typeof source> {
  expect(existsSync(BUILT)).toBe(true);
  return (await import(pathToFileURL(BUILT).href)) as typeof source;
}

/** Text made of pieces that exercise every property, astral letters and lone surrogates included. */
const pieces = [
  'a', 'Z', 'ß', 'É', 'ǅ', '5', '٣', 'Ⅻ', '½', '\u0301', '\u0903', ' ', '\u00a0', '\u2028', '\t', '\ufeff', '\u3000',
  '漢', 'ひ', 'カ', 'ไทย', 'ລາວ', 'ខ្មែរ', 'မြန်', 'عربي', 'עברית', 'ܣܘܪܝܝܐ', 'ދިވެހި', 'ߒߞߏ', '𞤀𞤢', '𝐀', '𝐚', '😀', '𠀋',
  '\ud800', '\udc00', '-', '.', 'İ', 'Σ', 'ς',
];
const text = fc.array(fc.constantFrom(...pieces), { maxLength: 10 }).map((parts) => parts.join(''));

const BITS: ReadonlyArray<[number, RegExp, RegExp, RegExp]> = [
  // bits, then the expressions: anywhere, at the start, two in a row
  [source.LETTER, /\p{L}/u, /^\p{L}/u, /\p{L}{2}/u],
  [source.UPPERCASE, /\p{Lu}/u, /^\p{Lu}/u, /\p{Lu}{2}/u],
  [source.LOWERCASE, /\p{Ll}/u, /^\p{Ll}/u, /\p{Ll}{2}/u],
  [source.LETTER | source.NUMBER, /[\p{L}\p{N}]/u, /^[\p{L}\p{N}]/u, /[\p{L}\p{N}]{2}/u],
  [source.HAN_KANA | source.SOUTHEAST_ASIAN, /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u, /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u, /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]{2}/u],
  [source.WHITE_SPACE, /\s/u, /^\s/u, /\s{2}/u],
  [source.MARK | source.DIGIT, /[\p{M}\p{Nd}]/u, /^[\p{M}\p{Nd}]/u, /[\p{M}\p{Nd}]{2}/u],
  [source.RIGHT_TO_LEFT, /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Adlam}]/u, /^[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Adlam}]/u, /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Adlam}]{2}/u],
];

describe('Unicode property table', () => {
  it('the build wrote a table for this Node, and each BMP unit has exactly the bits of the expressions', async () => {
    const props = await built();
    const table = props.bmpTable();
    expect(table).not.toBeNull();
    const wrong: string[] = [];
    for (let unit = 0; unit < 0x10000; unit++) {
      const expected = source.testProperties(unit);
      if (table![unit] !== expected) wrong.push(`U+${unit.toString(16)}: ${table![unit]} instead of ${expected}`);
    }
    expect(wrong.slice(0, 10)).toEqual([]);
  });

  it('text tests answer as the expressions they stand for, with the table and without it', async () => {
    const props = await built();
    for (const module of [props, source]) {
      fc.assert(
        fc.property(text, (t) => {
          for (const [bits, anywhere, start, twice] of BITS) {
            expect(module.hasProperty(t, bits)).toBe(anywhere.test(t));
            expect(module.startsWithProperty(t, bits)).toBe(start.test(t));
            expect(module.hasPropertyTwice(t, bits)).toBe(twice.test(t));
          }
        }),
        { numRuns: 500 },
      );
    }
  });

  it('a table made for other Unicode data is not used', async () => {
    // a copy of the built module beside a table whose header names another Unicode version
    const dir = mkdtempSync(join(tmpdir(), 'article-parse-props-'));
    try {
      mkdirSync(join(dir, 'util'));
      copyFileSync(BUILT, join(dir, 'util', 'unicode-props.mjs'));
      const bytes = readFileSync(join(ROOT, 'dist', 'util', 'unicode-props.bin'));
      bytes.write('unicode 1.1     ', 0, 16, 'latin1');
      bytes.writeUInt16LE(0, 16 + 0x41 * 2); // a table that would answer wrongly for "A"
      writeFileSync(join(dir, 'util', 'unicode-props.bin'), bytes);
      const other = (await import(pathToFileURL(join(dir, 'util', 'unicode-props.mjs')).href)) as typeof source;
      expect(other.bmpTable()).toBeNull();
      expect(other.unicodeProperties(0x41) & source.UPPERCASE).not.toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    // the sources have no table beside them: they answer from the expressions
    expect(source.bmpTable()).toBeNull();
  });
});
