import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { keysDiffer, sameTextKey, textKeysDiffer, withinCodePoints } from '../src/classify/read-header.js';

/**
 * Letters whose lower case is special (İ, Kelvin sign, Σ, ẞ, a surrogate pair), letters beyond
 * ASCII with one-unit lower cases (Latin, Greek, Cyrillic, and Arabic, which has no case) and white
 * space inside and beyond ASCII.
 */
const UNITS = [...'aAbBkKiIsS zZ.-1', '\t', '\n', '\v', '\f', '\r', '  ', '\u0001', '\u001f', '\u00a0', '\u3000', '\u2028', '\ufeff', '\u0085', 'İ', 'ı', '\u212a', 'Σ', 'σ', 'ς', 'ẞ', 'ß', 'É', 'é', 'Ω', 'ω', 'Д', 'д', 'م', '😀', '\u{10400}', '\u{10428}'];
const text = fc.array(fc.constantFrom(...UNITS), { maxLength: 24 }).map((a) => a.join(''));
/** A variant of `s` that often has the same key: case flipped, spaces doubled or turned into tabs, cut short. */
const variant = (s: string, how: number): string => {
  switch (how % 6) {
    case 0: return s.toUpperCase();
    case 1: return s.replace(/ /g, '  ');
    case 2: return ` \t${s}\n`;
    case 3: return s.slice(0, s.length >> 1);
    case 4: return `${s}x`;
    default: return s.replace(/\s/g, '\u00a0');
  }
};

describe('keysDiffer (the early answer before building a comparison key)', () => {
  it('says "different" only when sameTextKey says so too', () => {
    fc.assert(
      fc.property(text, fc.oneof(text, fc.tuple(text, fc.nat()).map(([s, how]) => ({ s, how }))), (a, other) => {
        const b = typeof other === 'string' ? other : variant(a + other.s, other.how);
        for (const [x, y] of [[a, b], [b, a], [a, variant(a, b.length)]] as const) {
          const key = sameTextKey(x);
          if (keysDiffer(key, y)) expect(sameTextKey(y)).not.toBe(key);
          if (textKeysDiffer(x, y)) expect(sameTextKey(y)).not.toBe(key);
        }
      }),
      { numRuns: 20000 },
    );
  });

  it('answers at once for a paragraph against a title', () => {
    const title = sameTextKey('Neue Fähre startet im Mai');
    expect(keysDiffer(title, 'Die Stadt hat am Montag beschlossen, dass die neue Fähre im Mai startet.')).toBe(true);
    expect(keysDiffer(title, 'NEUE  FÄHRE startet im Mai')).toBe(false);
    expect(keysDiffer(sameTextKey('Kiel'), '\u212aiel')).toBe(false);
    // beyond ASCII too: a Cyrillic paragraph is told from a Cyrillic title by its first letters
    const cyrillic = sameTextKey('Новый паром в Киле');
    expect(keysDiffer(cyrillic, 'Город решил в понедельник, что новый паром начнёт работу в мае.')).toBe(true);
    expect(keysDiffer(cyrillic, 'НОВЫЙ  ПАРОМ в Киле')).toBe(false);
    expect(keysDiffer(sameTextKey('ΟΔΟΣ'), 'οδος')).toBe(false);
  });

  it('tells two texts apart without making either key, as keysDiffer does with one', () => {
    expect(textKeysDiffer('Neue Fähre startet im Mai', 'Die Stadt hat am Montag beschlossen.')).toBe(true);
    expect(textKeysDiffer('Новый паром', 'Город решил')).toBe(true);
    expect(textKeysDiffer('Kiel', 'Kiel Hafen')).toBe(true);
    expect(textKeysDiffer('Kiel Hafen', 'Kiel')).toBe(true);
    for (const [a, b] of [['Kiel', 'KIEL'], ['Kiel  Fähre', ' kiel fähre'], ['Kiel ', 'Kiel'], ['', '  '], ['ΟΔΟΣ', 'οδος'], ['Новый', 'НОВЫЙ']]) {
      expect(textKeysDiffer(a!, b!), `${a} / ${b}`).toBe(false);
    }
  });
});

describe('withinCodePoints', () => {
  it('agrees with counting the code points, lone surrogates included', () => {
    const unit = fc.constantFrom('a', ' ', 'é', '😀', '\ud83d', '\ude00', '\u{1d400}');
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 60 }), fc.integer({ min: 0, max: 70 }), (units, max) => {
        const text = units.join('');
        expect(withinCodePoints(text, max)).toBe([...text].length <= max);
      }),
      { numRuns: 10000 },
    );
    expect(withinCodePoints('😀'.repeat(400), 400)).toBe(true);
    expect(withinCodePoints('😀'.repeat(401), 400)).toBe(false);
    expect(withinCodePoints('a'.repeat(401), 400)).toBe(false);
  });
});
