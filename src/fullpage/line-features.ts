/**
 * Line features for whole-page text: how much text a line holds (in word equivalents, so that
 * Chinese and Japanese lines weigh like spaced scripts), whether it reads like prose (sentence
 * punctuation), whether it is furniture vocabulary, and a score: positive for prose, negative for
 * the short lines menus, share bars and footers are made of.
 */

import { charClass, CJK, CLOSER, CODE_MARK, DIGIT, knownFold, PLAIN_UNITS, SEA, SENTENCE_MARK, SPACE, UNFOLDED, WORD_CHAR } from './char-class.js';
import { LOWERCASE, startsWithProperty } from '../util/unicode-props.js';
import { COPYRIGHT, furniturePhrase, isFurnitureLine, PHRASE_ENDS, phraseEndingAt, phraseHash, PROMPT_MAX_WEIGHT, strongerPhrase } from './vocabulary.js';

/** Only this many code points of a line are examined; the rest is extrapolated (linear time, cheap). */
const SAMPLE = 1000;
/** Han and kana characters per word equivalent. */
const CJK_PER_WORD = 2;
/** Thai, Lao, Khmer, Myanmar characters per word equivalent (no spaces between words). */
const SEA_PER_WORD = 5;
/** Lines with up to this many words can be furniture phrases (a cookie banner sentence). */
export const PHRASE_MAX_WEIGHT = 60;
const COMMA = 0x2c;
/**
 * PHRASE_ENDS under a name of this module: the tight loop below reads it often, and a module's own
 * constant costs less to read there than an imported binding, checked at each read.
 */
const ENDS: Uint8Array = PHRASE_ENDS;

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
  /** Han or kana prose broken into clauses (a space, comma or enumeration mark between two Han or kana characters). */
  cjkClauses: boolean;
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

/** A typed list marker: `- `, `* `, `+ `, `• `, `▪ `, `◦ `, `· `, `– `, `1. `, `1) `. */
const LIST_MARKER = /^(?:[-*+\u2022\u25AA\u25E6\u00B7\u2013]\s|\d{1,3}[.)]\s)/u;

/** Measure one line: one pass over its code points (at most SAMPLE of them examined). */
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
  let last = 0; // class bits of the last character examined
  let lastComma = false;
  let lastNonCloser = 0; // class bits of the last one that is not a closing quote or bracket
  let clauseBreaks = 0;
  let afterCjk = false; // the last non-break character was Han or kana
  let pendingBreak = false; // a clause break follows that character
  // The furniture-phrase search (vocabulary.ts, furniturePhrase) in the same pass, while every unit
  // so far folds alone and has been folded before (knownFold). A line the search gives up on is
  // read again by furniturePhrase when its phrase counts. The search also stops once the line has
  // more than PHRASE_MAX_WEIGHT words: its weight is above that too, and then no phrase counts.
  let searching = true;
  let found: 'legal' | 'prompt' | null = null;
  let foldA = 0; // folds of the two units before this one
  let foldB = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    // Plain letters and spaces (most units; PLAIN_UNITS gives their class and fold in one read) go
    // through a tight loop that counts words and letters and hashes folds for the phrase search,
    // and does what the steps below would do for them. It starts once the search has two folds
    // to hash with, and only when the unit before leaves no state a letter or space acts on (a
    // sentence mark, Han or kana before a space; without the latter no clause break is pending
    // either); it stops at SAMPLE code points.
    if (!prevMark && !afterCjk && chars >= 2) {
      const stop = Math.min(n, i + SAMPLE - chars);
      let j = i;
      let letters = 0;
      let inWordNow: number = inWord ? 1 : 0;
      if (searching) {
        // PHRASE_STRIDE (4) units at a time, the phrase search hashing the three that end each
        // block: every phrase has a trigram ending on any four places in a row (vocabulary.ts,
        // PHRASE_ENDS), and the places not in a block are read by the general steps below, which
        // hash each (the one before the run), or are fewer than four before one they read.
        for (; j + 4 <= stop; j += 4) {
          const p0 = PLAIN_UNITS[text.charCodeAt(j)] as number;
          const p1 = PLAIN_UNITS[text.charCodeAt(j + 1)] as number;
          const p2 = PLAIN_UNITS[text.charCodeAt(j + 2)] as number;
          const p3 = PLAIN_UNITS[text.charCodeAt(j + 3)] as number;
          if (p0 === 0 || p1 === 0 || p2 === 0 || p3 === 0) break;
          const h = ((p1 & 0xffff) * 961 + (p2 & 0xffff) * 31 + (p3 & 0xffff)) & 0xffff; // phraseHash of the folds, written out
          if (ENDS[h] !== 0) found = strongerPhrase(found, phraseEndingAt(text, j + 3, h));
          const l0 = (p0 >>> 16) & 1;
          const l1 = (p1 >>> 16) & 1;
          const l2 = (p2 >>> 16) & 1;
          const l3 = (p3 >>> 16) & 1;
          words += (l0 & (inWordNow ^ 1)) + (l1 & (l0 ^ 1)) + (l2 & (l1 ^ 1)) + (l3 & (l2 ^ 1));
          letters += l0 + l1 + l2 + l3;
          inWordNow = l3;
        }
      }
      for (; j < stop; j++) {
        const plain = PLAIN_UNITS[text.charCodeAt(j)] as number;
        if (plain === 0) break;
        const letter = (plain >>> 16) & 1;
        words += letter & (inWordNow ^ 1);
        letters += letter;
        inWordNow = letter;
      }
      if (searching && j > i) {
        // the folds of the run's last two units, for the general steps to hash on with
        foldA = j - i >= 2 ? (PLAIN_UNITS[text.charCodeAt(j - 2)] as number) & 0xffff : foldB;
        foldB = (PLAIN_UNITS[text.charCodeAt(j - 1)] as number) & 0xffff;
      }
      if (j > i) {
        chars += j - i;
        alnum += letters;
        inWord = inWordNow === 1;
        if (words > PHRASE_MAX_WEIGHT) searching = false;
        last = inWord ? WORD_CHAR : SPACE;
        lastComma = false;
        lastNonCloser = last;
        i = j;
        if (i >= n) break;
      }
    }
    let cp = text.charCodeAt(i++);
    if (cp >= 0xd800 && cp <= 0xdbff && i < n) {
      const low = text.charCodeAt(i);
      if (low >= 0xdc00 && low <= 0xdfff) {
        cp = ((cp - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
        i++;
      }
    }
    chars++;
    if (chars > SAMPLE) {
      // the rest is only counted (code points: a surrogate pair is one)
      for (; i < n; i++) {
        const c = text.charCodeAt(i);
        if (c < 0xdc00 || c > 0xdfff || !(text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff)) chars++;
      }
      break;
    }
    if (searching) {
      // units so far = code points so far (no surrogate pair has been folded)
      const fold = cp < 0x10000 ? knownFold(cp) : UNFOLDED;
      if (fold === UNFOLDED || fold === 0) searching = false;
      else if (found !== 'legal') {
        if (fold === COPYRIGHT) found = 'legal';
        else if (chars >= 3) {
          const h = phraseHash(foldA, foldB, fold);
          if (ENDS[h] !== 0) found = strongerPhrase(found, phraseEndingAt(text, i - 1, h));
        }
      }
      foldA = foldB;
      foldB = fold;
    }
    const cls = charClass(cp);
    if (cls === WORD_CHAR) {
      // A letter (most characters): what the general steps below do for one.
      alnum++;
      if (!inWord && ++words > PHRASE_MAX_WEIGHT) searching = false;
      inWord = true;
      if (prevMark && cp < 0x3000) marks--;
      prevMark = false;
      afterCjk = false;
      pendingBreak = false;
      last = cls;
      lastComma = false;
      lastNonCloser = cls;
      continue;
    }
    if ((cls & CJK) !== 0) {
      cjk++;
      alnum++;
      inWord = false;
    } else if ((cls & SEA) !== 0) {
      sea++;
      alnum++;
      inWord = false;
    } else if ((cls & WORD_CHAR) !== 0) {
      alnum++;
      if ((cls & DIGIT) !== 0) digits++;
      if (!inWord && ++words > PHRASE_MAX_WEIGHT) searching = false;
      inWord = true;
    } else if (cp !== 0x2d && cp !== 0x27 && cp !== 0x2019) {
      inWord = false;
    }
    if ((cls & SENTENCE_MARK) !== 0) {
      // count a run of marks (…, ?!, ...) once, and only where a sentence can end
      if (!prevMark) marks++;
      prevMark = true;
    } else {
      if (prevMark && (cls & (SPACE | CLOSER)) === 0 && cp < 0x3000) marks--; // 3.5, e.g., www.x
      prevMark = false;
    }
    if ((cls & CJK) !== 0) {
      if (pendingBreak) clauseBreaks++;
      afterCjk = true;
      pendingBreak = false;
    } else if (afterCjk && ((cls & SPACE) !== 0 || cp === 0xff0c || cp === 0x3001 || cp === 0xff1b)) {
      pendingBreak = true;
    } else {
      afterCjk = false;
      pendingBreak = false;
    }
    if ((cls & CODE_MARK) !== 0) code++;
    last = cls;
    lastComma = cp === COMMA;
    if ((cls & CLOSER) === 0) lastNonCloser = cls;
  }
  let weight = words + cjk / CJK_PER_WORD + sea / SEA_PER_WORD;
  if (chars > SAMPLE) weight = (weight * chars) / SAMPLE;
  const endsSentence = (lastNonCloser & SENTENCE_MARK) !== 0 && (last & (SENTENCE_MARK | CLOSER)) !== 0;
  const furniture = chars <= 80 && isFurnitureLine(text);
  // the search above read the whole line when it folded and was not cut at SAMPLE
  const kind = furniture || weight > PHRASE_MAX_WEIGHT ? null : searching && chars <= SAMPLE ? found : furniturePhrase(text);
  const phrase = kind === 'legal' || (kind === 'prompt' && weight <= PROMPT_MAX_WEIGHT);
  return {
    weight,
    chars,
    sentenceMarks: Math.max(0, marks),
    endsSentence,
    furniture,
    phrase,
    codeLike: (code >= 2 && code * 50 >= Math.min(chars, SAMPLE)) || (code >= 1 && weight <= 3) || (weight <= 3 && lastComma),
    tiny: weight <= 1 && chars <= 3,
    markup: n > 0 && text.charCodeAt(0) === 0x3c && text.includes('>') && (code * 100 >= Math.min(chars, SAMPLE) || chars < 200),
    listItem: LIST_MARKER.test(text),
    startsLower: startsWithProperty(text, LOWERCASE),
    digitShare: alnum > 0 ? digits / alnum : 0,
    cjkClauses: clauseBreaks >= 1 && cjk * 4 >= alnum * 3,
  };
}

/** Score of a furniture line (whole line is a menu word, share button, footer link). */
export const FURNITURE_SCORE = -8;
/** Score of a short line (up to SHORT_WEIGHT words): menu items, bylines, buttons. */
export const SHORT_SCORE = -3;
/** Score of a headline-like line (a few words, no sentence end): related links, list items. */
export const HEADLINE_SCORE = -1.5;
const SHORT_WEIGHT = 4;
/** Fewest word equivalents (two Han or kana characters each) of unpunctuated Chinese or Japanese prose. */
const CJK_CLAUSE_WEIGHT = 8;

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
  // Chinese and Japanese prose may go without sentence marks, its clauses set apart by spaces
  if (f.weight >= CJK_CLAUSE_WEIGHT && f.cjkClauses) return f.weight * 0.5;
  if (f.listItem && f.weight >= SHORT_WEIGHT) return f.weight * 0.3;
  if (f.weight <= SHORT_WEIGHT) return SHORT_SCORE;
  return HEADLINE_SCORE;
}
