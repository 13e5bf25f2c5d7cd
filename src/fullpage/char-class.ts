/**
 * Character classes for the whole-page stage, looked up by code point instead of testing a
 * Unicode regular expression or a set on every character: each code point is classified once,
 * the first time it is seen (see CharFlags).
 */

import { CharFlags } from '../util/char-flags.js';
import { DIGIT as DIGIT_PROPERTY, LETTER, MARK, NUMBER, WHITE_SPACE } from '../util/unicode-props.js';

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

const codePoints = (chars: string): Set<number> => new Set([...chars].map((c) => c.codePointAt(0)!));
const SENTENCE_MARKS = codePoints('.!?…。！？؟۔।');
const CLOSERS = codePoints('"\'”’»)]」』）');
const CODE_MARKS = codePoints('{}[]();=<>$\\_`│─┼\t');

function isCjk(cp: number): boolean {
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
]);

/** The classes of ASCII characters, looked up most often: filled on first use. */
let ascii: Uint8Array | undefined;

function asciiClasses(): Uint8Array {
  const table = new Uint8Array(0x80);
  for (let cp = 0; cp < 0x80; cp++) table[cp] = FLAGS.codePoint(cp);
  ascii = table;
  return table;
}

/** The class bits of a code point. */
export function charClass(cp: number): number {
  if (cp < 0x80) return (ascii ?? asciiClasses())[cp] as number;
  return FLAGS.codePoint(cp);
}

/** True when the text holds only ASCII (so NFKC leaves it unchanged). */
export function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}
