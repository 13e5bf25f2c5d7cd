/**
 * Line features for whole-page text: how much text a line holds (in word equivalents, so that
 * Chinese and Japanese lines weigh like spaced scripts), whether it reads like prose (sentence
 * punctuation), whether it is furniture vocabulary, and a score: positive for prose, negative for
 * the short lines menus, share bars and footers are made of.
 */

import { hasFurniturePhrase, isFurnitureLine } from './vocabulary.js';

/** Only this many code points of a line are examined; the rest is extrapolated (linear time, cheap). */
const SAMPLE = 1000;
/** Han and kana characters per word equivalent. */
const CJK_PER_WORD = 2;
/** Thai, Lao, Khmer, Myanmar characters per word equivalent (no spaces between words). */
const SEA_PER_WORD = 5;
/** Lines with up to this many words can be furniture phrases (a cookie banner sentence). */
const PHRASE_MAX_WEIGHT = 60;

/** Sentence punctuation of Latin, Cyrillic, Greek, Arabic, Devanagari and CJK text. */
const SENTENCE_MARKS = new Set([...'.!?…。！？؟۔।']);
/** Closing quotes and brackets that may follow a sentence end. */
const CLOSERS = new Set([...'"\'”’»)]」』）']);
/** Characters that make a short line look like code or a formula (kept neutral, never furniture). */
const CODE_MARKS = new Set([...'{}[]();=<>$\\_`│─┼']);

export interface LineFeatures {
  /** Word equivalents. */
  weight: number;
  /** Code points. */
  chars: number;
  /** Sentence marks followed by a space or the end of the line (ellipses count once). */
  sentenceMarks: number;
  /** The line ends with a sentence mark (possibly before a closing quote). */
  endsSentence: boolean;
  /** The whole line is a furniture word or phrase. */
  furniture: boolean;
  /** The line contains a furniture phrase (cookie banner, copyright line, share prompt). */
  phrase: boolean;
  /** Looks like a line of code, a formula or a table row. */
  codeLike: boolean;
  /** Share of digits among letters and digits. */
  digitShare: number;
  /** Raw HTML markup (a `<noscript>` or ad slot shown as text). */
  markup: boolean;
  /** One or two symbols or letters (a formula split into lines, a separator). */
  tiny: boolean;
  /** Starts with a typed list marker (`- `, `* `, `+ `, `• `, `1. `): authored text, not a menu. */
  listItem: boolean;
  /** Starts with a lower-case letter: the continuation of a wrapped sentence. */
  startsLower: boolean;
}

const LIST_MARKER = /^(?:[-*+•▪◦·–]\s|\d{1,3}[.)]\s)/u;
const LOWER = /^\p{Ll}/u;

function startsLower(text: string): boolean {
  return LOWER.test(text);
}

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
  return (cp >= 0x0e00 && cp <= 0x0eff) || (cp >= 0x1780 && cp <= 0x17ff) || (cp >= 0x1000 && cp <= 0x109f);
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}\p{M}]/u;
const DIGIT = /\p{Nd}/u;

/** Measure one line. */
export function lineFeatures(text: string): LineFeatures {
  let words = 0;
  let cjk = 0;
  let sea = 0;
  let inWord = false;
  let marks = 0;
  let code = 0;
  let digits = 0;
  let alnum = 0;
  let chars = 0;
  let prevMark = false;
  let last = '';
  let lastNonCloser = '';
  for (const ch of text) {
    chars++;
    if (chars > SAMPLE) continue;
    const cp = ch.codePointAt(0)!;
    if (isCjk(cp)) {
      cjk++;
      alnum++;
      inWord = false;
    } else if (isSea(cp)) {
      sea++;
      alnum++;
      inWord = false;
    } else if (LETTER_OR_DIGIT.test(ch)) {
      alnum++;
      if (DIGIT.test(ch)) digits++;
      if (!inWord) words++;
      inWord = true;
    } else if (ch !== '-' && ch !== "'" && ch !== '’') {
      inWord = false;
    }
    if (SENTENCE_MARKS.has(ch)) {
      // count a run of marks (…, ?!, ...) once, and only where a sentence can end
      if (!prevMark) marks++;
      prevMark = true;
    } else {
      if (prevMark && !(ch.trim() === '' || CLOSERS.has(ch) || cp >= 0x3000)) marks--; // 3.5, e.g., www.x
      prevMark = false;
    }
    if (CODE_MARKS.has(ch)) code++;
    if (ch === '\t') code++;
    last = ch;
    if (!CLOSERS.has(ch)) lastNonCloser = ch;
  }
  let weight = words + cjk / CJK_PER_WORD + sea / SEA_PER_WORD;
  if (chars > SAMPLE) weight = (weight * chars) / SAMPLE;
  const endsSentence = SENTENCE_MARKS.has(lastNonCloser) && (SENTENCE_MARKS.has(last) || CLOSERS.has(last));
  const furniture = chars <= 80 && isFurnitureLine(text);
  const phrase = !furniture && weight <= PHRASE_MAX_WEIGHT && hasFurniturePhrase(text);
  return {
    weight,
    chars,
    sentenceMarks: Math.max(0, marks),
    endsSentence,
    furniture,
    phrase,
    codeLike: (code >= 2 && code * 50 >= Math.min(chars, SAMPLE)) || (code >= 1 && weight <= 3) || (weight <= 3 && last === ','),
    tiny: weight <= 1 && chars <= 3,
    markup: text.startsWith('<') && text.includes('>') && (code * 100 >= Math.min(chars, SAMPLE) || chars < 200),
    listItem: LIST_MARKER.test(text),
    startsLower: startsLower(text),
    digitShare: alnum > 0 ? digits / alnum : 0,
  };
}

/** Score of a furniture line (whole line is a menu word, share button, footer link). */
export const FURNITURE_SCORE = -8;
/** Score of a short line (up to SHORT_WEIGHT words): menu items, bylines, buttons. */
export const SHORT_SCORE = -3;
/** Score of a headline-like line (a few words, no sentence end): related links, list items. */
export const HEADLINE_SCORE = -1.5;
const SHORT_WEIGHT = 4;

/**
 * The line's contribution to the article run: prose counts its words, furniture and short lines
 * count against. Code lines and table rows are neutral, so code blocks inside articles survive.
 */
export function lineScore(f: LineFeatures): number {
  if (f.furniture) return FURNITURE_SCORE;
  if (f.phrase) return -Math.max(6, f.weight);
  if (f.markup) return SHORT_SCORE;
  if (f.codeLike || f.tiny) return 0;
  if (f.weight >= 12 && f.sentenceMarks >= 1) return f.weight;
  if (f.weight >= 25) return f.weight * 0.7;
  if (f.weight >= 6 && f.endsSentence) return f.weight * 0.5;
  if (f.listItem && f.weight >= SHORT_WEIGHT) return f.weight * 0.3;
  if (f.weight <= SHORT_WEIGHT) return SHORT_SCORE;
  return HEADLINE_SCORE;
}
