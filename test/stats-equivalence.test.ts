/**
 * Word and character counts against their definition: words are the white-space-separated tokens
 * with a letter or digit (dictionary words within tokens of unspaced scripts), characters are code
 * points. Texts without unspaced scripts are counted in a single branch-light pass (two units at
 * a time until the first surrogate or unknown unit, one at a time from there); these tests
 * pin it to the definition, and texts with unspaced scripts to the sum over their tokens. The same
 * pass tells whether any unit may belong to a right-to-left script; that is pinned to `mayHoldRtl`.
 * PROPERTY_RUNS sets the runs per property.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeStats, countBody, countWords, heldUnits } from '../src/assemble/stats.js';
import { KEEP_UNITS, UnitCopy } from '../src/util/unit-copy.js';
import { mayHoldRtl } from '../src/language/letter-count.js';

const RUNS = Number(process.env['PROPERTY_RUNS'] ?? 3000);

/** Words of a text without unspaced scripts, by the definition. */
function spacedWords(text: string): number {
  return text.split(/\s+/u).filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
}

const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

const PIECES = [
  ...'abzABZ09', 'Wort', 'Kräne', 'город', 'πόλη', 'مدينة', 'शहर', '도시', ' ', ' ', '  ', '\n', '\t', '\r\n', '\u00a0', '\u2003',
  '\u3000', '\u2028', '\u180e', '\u200b', '\ufeff', '\u0085', '—', '–', '·', '.', ',', '42', '²', '½', 'Ⅻ', '\u0301', 'e\u0301',
  '\ud83d\ude00', '\ud835\udc00', '\ud800', '\udc00', 'x\ud800', '\udc00x', '\ud801\udc37', '\ud83c\udfd4\ufe0f',
];

const spaced = fc.array(fc.constantFrom(...PIECES), { maxLength: 80 }).map((pieces) => pieces.join(''));
const withUnspaced = fc
  .array(fc.constantFrom(...PIECES, '成都大熊猫', '仙台市は', 'カタカナ', 'ภาษาไทย', '。', '中'), { maxLength: 40 })
  .map((pieces) => pieces.join(''));

describe('counts follow their definition', () => {
  it('texts without unspaced scripts: words and code points', () => {
    fc.assert(
      fc.property(fc.oneof(spaced, fc.string({ unit: 'binary', maxLength: 200 })), (text) => {
        fc.pre(!UNSPACED.test(text));
        expect(countWords(text)).toBe(spacedWords(text));
        expect(computeStats([text], 1, 'de').characters).toBe([...text].length);
      }),
      { numRuns: RUNS },
    );
  });

  it('texts with unspaced scripts: the sum over their white-space-separated tokens', () => {
    fc.assert(
      fc.property(withUnspaced, (text) => {
        const tokens = text.split(/\s+/u).filter((t) => t !== '');
        expect(countWords(text)).toBe(tokens.reduce((sum, t) => sum + countWords(t), 0));
        expect(computeStats([text], 1, 'zh').characters).toBe([...text].length);
      }),
      { numRuns: RUNS },
    );
  });

  it('every BMP unit, between letters and alone', () => {
    for (let unit = 0; unit < 0x10000; unit++) {
      const c = String.fromCharCode(unit);
      if (UNSPACED.test(c)) continue;
      for (const text of [c, `a${c}b`, `a ${c} b`, `${c}${c}`]) {
        if (countWords(text) !== spacedWords(text)) expect({ unit: unit.toString(16), words: countWords(text) }).toEqual({ unit: unit.toString(16), words: spacedWords(text) });
      }
    }
  });

  it('long texts, and many in a row', () => {
    const long = 'Der Hafen erhält neue Kräne. '.repeat(10_000);
    expect(computeStats([long, 'kurz', long], 1, 'de')).toMatchObject({ words: 100_001, characters: 2 * long.length + 4 });
  });

  it('whether a right-to-left character may be in the body, as mayHoldRtl scans it', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(spaced, withUnspaced, fc.string({ unit: 'binary', maxLength: 60 })), { maxLength: 5 }), (texts) => {
        expect(countBody(texts).mayHoldRtl).toBe(texts.some((t) => mayHoldRtl(t)));
      }),
      { numRuns: RUNS },
    );
    for (let unit = 0; unit < 0x10000; unit++) {
      const c = String.fromCharCode(unit);
      for (const texts of [[c], [`a${c}b`], ['ab', `${c}\ude00`], [`\ud83d${c}`]]) {
        if (countBody(texts).mayHoldRtl !== mayHoldRtl(texts.join(''))) expect({ unit: unit.toString(16), texts }).toBe('the same answer');
      }
    }
  });
});

describe('the counting copy', () => {
  it('lets go of a long text\'s units once it is counted, and keeps a short one\'s room', () => {
    const long = 'Wort город '.repeat(20_000); // 220,000 units
    expect(countWords(long)).toBe(40_000);
    expect(heldUnits()).toBeLessThanOrEqual(65_536);
    countWords('kurz und klein');
    const kept = heldUnits();
    expect(countWords('noch ein kurzer Satz')).toBe(4);
    expect(heldUnits()).toBe(kept);
  });
});

describe('UnitCopy', () => {
  it('copies units, grows for a long text and shrinks only when released after one', () => {
    const copy = new UnitCopy();
    const text = 'abc\u0434\ud83d\ude00'.repeat(30_000);
    const units = copy.of(text);
    expect(Array.from(units.subarray(0, 7))).toEqual([0x61, 0x62, 0x63, 0x434, 0xd83d, 0xde00, 0x61]);
    expect(units[text.length - 1]).toBe(0xde00);
    expect(copy.capacity).toBeGreaterThanOrEqual(text.length);
    copy.release();
    expect(copy.capacity).toBeLessThanOrEqual(KEEP_UNITS);
    copy.of('x'.repeat(5000));
    const small = copy.capacity;
    copy.release();
    expect(copy.capacity).toBe(small);
  });
});
