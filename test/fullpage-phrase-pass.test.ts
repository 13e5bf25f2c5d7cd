/**
 * lineFeatures looks for furniture phrases in its own pass over a line, reading units whose fold
 * is known already (knownFold); furniturePhrase is the general search. This file has a module
 * instance of its own, so the fold table starts empty here and the units the lines show are
 * first seen by lineFeatures.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lineFeatures, PHRASE_MAX_WEIGHT } from '../src/fullpage/line-features.js';
import { furniturePhrase, LEGAL_PHRASES, PROMPT_MAX_WEIGHT, PROMPT_PHRASES } from '../src/fullpage/vocabulary.js';

/** The phrase feature as the general search gives it (called after lineFeatures has read the line). */
function expectedPhrase(line: string): boolean {
  const f = lineFeatures(line);
  const kind = f.furniture || f.weight > PHRASE_MAX_WEIGHT ? null : furniturePhrase(line);
  return kind === 'legal' || (kind === 'prompt' && f.weight <= PROMPT_MAX_WEIGHT);
}

describe('the phrase search in lineFeatures', () => {
  it('agrees with furniturePhrase when a phrase is followed by a mark it has not seen before', () => {
    // each combining mark appears here for the first time, right after a phrase it may join
    for (let mark = 0x300; mark <= 0x36f; mark++) {
      for (const line of [`Cookie${String.fromCharCode(mark)} jar`, `Privacy policy${String.fromCharCode(mark)}`]) {
        const phrase = lineFeatures(line).phrase;
        expect(phrase).toBe(expectedPhrase(line));
      }
    }
    expect(lineFeatures('cookie\u0301').phrase).toBe(false);
    // past the code points lineFeatures examines, the general search reads the rest
    const long = `${'x'.repeat(1200)} cookie`;
    expect(furniturePhrase(long)).toBe('legal'); // now every unit of the line has been seen
    expect(lineFeatures(long).phrase).toBe(true);
  });

  it('agrees with furniturePhrase on lines of phrases, capitals, compatibility forms, marks and random units', () => {
    const pieces = [
      ...LEGAL_PHRASES, ...PROMPT_PHRASES, 'COOKIE', 'Cookies', 'Copyright ©', 'SIGN UP FOR', 'Skip To ', 'Ｃｏｏｋｉｅ', 'ﬁ',
      'Σ', 'İ', 'e\u0301', '\u0301', 'ᄀ', 'ᅡ', '\ud83d\ude00', '\ud800', '\u00a0', '©', 'Ⓒ', 'DATENSCHUTZERKLÄRUNG', ' ', '. ',
      'co', 'okie', 'sig', 'n up', 'word ', 'Die Brücke ist offen. ', 'one two three four five six seven eight nine ten ',
      'x'.repeat(300), 'Wörter '.repeat(20),
    ];
    const line = fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ unit: 'binary', maxLength: 6 })), { maxLength: 14 }).map((p) => p.join(''));
    fc.assert(
      fc.property(line, (text) => {
        const phrase = lineFeatures(text).phrase;
        expect(phrase).toBe(expectedPhrase(text));
      }),
      { numRuns: 4000 },
    );
    expect(lineFeatures('Wir verwenden Cookies.').phrase).toBe(true);
    expect(lineFeatures('Ａｌｌ ｒｉｇｈｔｓ ｒｅｓｅｒｖｅｄ').phrase).toBe(true);
    expect(lineFeatures('Tous droits re\u0301serve\u0301s').phrase).toBe(true);
    expect(lineFeatures('Cookie\u0301s everywhere').phrase).toBe(false);
  });
});
