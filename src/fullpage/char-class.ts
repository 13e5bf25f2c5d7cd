/**
 * Character classes for the whole-page stage, looked up by code point instead of testing a
 * Unicode regular expression or a set on every character: each code point is classified once,
 * the first time it is seen (see CharFlags).
 */

import { CharFlags } from '../util/char-flags.js';
import { DIGIT as DIGIT_PROPERTY, LETTER, MARK, NUMBER, unicodeProperties, WHITE_SPACE } from '../util/unicode-props.js';

/** A letter, a number or a combining mark (part of a word). */
export const WORD_CHAR = 1;
/** A decimal digit. */
export const DIGIT = 2;
/** White space (what `String.prototype.trim` removes). */
export const SPACE = 4;
/** Sentence punctuation of Latin, Cyrillic, Greek, Arabic, Devanagari and CJK text. */
export const SENTENCE_MARK = 8;
/** A closing quote or bracket that may follow a sentence end. */
export const CLOSER = 16;
/** A character that makes a short line look like code or a formula. */
export const CODE_MARK = 32;
/** Han or kana: counted by characters, there are no spaces between words. */
export const CJK = 64;
/** Thai, Lao, Khmer or Myanmar: no spaces between words either. */
export const SEA = 128;
/** Separates words in a furniture key (vocabulary.ts): bullets, arrows, pipes, brackets, punctuation. */
export const SEPARATOR = 256;

const codePoints = (chars: string): Set<number> => new Set([...chars].map((c) => c.codePointAt(0)!));
const SENTENCE_MARKS = codePoints('.!?…。！？؟۔।');
const CLOSERS = codePoints('"\'”’»)]」』）');
const CODE_MARKS = codePoints('{}[]();=<>$\\_`│─┼\t');
const SEPARATORS = codePoints('|•·▪◦›»«‹→←↑↓▶▸►◀◂◄+*/\\()[]{}<>"“”„:;,!?.…#–—_=~^');

/** Han or kana (the CJK class). */
export function isCjk(cp: number): boolean {
  return (
    (cp >= 0x3040 && cp <= 0x30ff) || // kana
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0x20000 && cp <= 0x2ffff)
  );
}

function isSea(cp: number): boolean {
  return !isCjk(cp) && ((cp >= 0x0e00 && cp <= 0x0eff) || (cp >= 0x1780 && cp <= 0x17ff) || (cp >= 0x1000 && cp <= 0x109f));
}

/** The tests, in the order of the bits above. */
const FLAGS = new CharFlags([
  LETTER | NUMBER | MARK,
  DIGIT_PROPERTY,
  WHITE_SPACE,
  (cp) => SENTENCE_MARKS.has(cp),
  (cp) => CLOSERS.has(cp),
  (cp) => CODE_MARKS.has(cp),
  isCjk,
  isSea,
  (cp) => SEPARATORS.has(cp),
]);

/**
 * Per BMP unit: its class with KNOWN set once looked up, 0 before. The hot loops read this table
 * directly (a short function the compiler inlines), and only a first sighting calls into FLAGS.
 */
const BMP_CLASSES = new Uint16Array(0x10000);
const KNOWN = 0x8000;

/**
 * Per BMP unit, for the common case of the loops over a line (line-features.ts, and the furniture
 * key hash in vocabulary.ts): a plain letter (class WORD_CHAR and nothing else) or a plain space
 * (class SPACE and nothing else) that folds alone (foldUnit) gives its fold with PLAIN_LETTER or
 * PLAIN_SPACE set; any other unit, and one whose class has not been looked up yet, gives 0. One
 * read tells a loop both what the unit is and its fold. A plain letter's fold stays in a furniture
 * key (neither a separator, a space nor an edge hyphen or apostrophe); a plain space's fold
 * separates the key's words.
 */
export const PLAIN_UNITS = new Uint32Array(0x10000);
export const PLAIN_LETTER = 0x10000;
export const PLAIN_SPACE = 0x20000;

function lookUpClass(cp: number): number {
  const cls = FLAGS.codePoint(cp);
  if (cp < 0x10000) {
    BMP_CLASSES[cp] = cls | KNOWN;
    if (cls === WORD_CHAR || cls === SPACE) {
      const fold = foldUnit(cp);
      // (the class of cp is in the table already, so this ends even when fold is cp)
      const separates = fold !== UNFOLDED && (charClass(fold) & (SEPARATOR | SPACE)) !== 0;
      if (cls === WORD_CHAR && fold !== UNFOLDED && !separates && fold !== 0x2d && fold !== 0x27) PLAIN_UNITS[cp] = fold | PLAIN_LETTER;
      else if (cls === SPACE && separates) PLAIN_UNITS[cp] = fold | PLAIN_SPACE;
    }
  }
  return cls;
}

/** The class bits of a code point. */
export function charClass(cp: number): number {
  const known = cp < 0x10000 ? (BMP_CLASSES[cp] as number) : 0;
  return known !== 0 ? known & ~KNOWN : lookUpClass(cp);
}

/** True when the text holds only ASCII (so NFKC leaves it unchanged). */
export function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

/**
 * Per BMP unit: its fold (see foldUnit), UNFOLDED, or 0 when not looked at yet. Filled on first
 * sight of each unit, like the classes above.
 */
const FOLDED = new Uint16Array(0x10000);
/** The fold of a unit whose NFKC lower-case form may depend on its neighbours (or is not one unit). */
export const UNFOLDED = 0xffff;

function computeFold(unit: number): number {
  let fold = UNFOLDED;
  // Surrogates, combining marks (they compose with what precedes and are reordered), Hangul jamo
  // (they compose with each other) and capital sigma (its lower case depends on the next letter)
  // are not folded alone; nor is NUL, whose fold would read as "not looked at".
  if (unit !== 0 && !(unit >= 0xd800 && unit <= 0xdfff) && !(unit >= 0x1100 && unit <= 0x11ff) && unit !== 0x3a3 && (unicodeProperties(unit) & MARK) === 0) {
    const ch = String.fromCharCode(unit);
    const lower = ch.toLowerCase();
    if (ch.normalize('NFKC') === ch && lower.length === 1) fold = lower.charCodeAt(0);
  }
  FOLDED[unit] = fold;
  return fold;
}

/**
 * The unit that `text.normalize('NFKC').toLowerCase()` puts in place of `unit`, when that does not
 * depend on the units around it, else UNFOLDED. A text without UNFOLDED units folds unit by unit:
 * its NFKC lower-case form has the same length and the fold of each unit at the same place
 * (test/fullpage.test.ts checks this against every composition Unicode defines).
 */
export function foldUnit(unit: number): number {
  const fold = FOLDED[unit] as number;
  return fold !== 0 ? fold : computeFold(unit);
}

/**
 * The fold of `unit` when foldUnit has looked at it, else 0: for a hot loop that must not call
 * out, and goes the way of foldUnit when a unit is seen for the first time.
 */
export function knownFold(unit: number): number {
  return FOLDED[unit] as number;
}
