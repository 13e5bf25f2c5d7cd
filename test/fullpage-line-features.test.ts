/**
 * lineFeatures reads plain letters and spaces (most units) in a tight loop of their own and takes
 * every other unit through the general per-code-point steps. These tests hold it to the general
 * steps alone (generalLineFeatures below: one code point at a time, as lineFeatures read lines
 * before the tight loop), on random lines and on the cases the loop must hand over: sentence marks,
 * Han or kana before a space, digits, marks, surrogates, units not seen before, furniture phrases
 * across the loop's edges and lines longer than the sample. This file has a module instance of its
 * own, so the class and fold tables start empty and units are first seen here.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { charClass, CJK, CLOSER, CODE_MARK, DIGIT, knownFold, PLAIN_LETTER, PLAIN_SPACE, PLAIN_UNITS, SEA, SENTENCE_MARK, SPACE, UNFOLDED, WORD_CHAR } from '../src/fullpage/char-class.js';
import { lineFeatures, PHRASE_MAX_WEIGHT, type LineFeatures } from '../src/fullpage/line-features.js';
import { COPYRIGHT, furnitureKey, furnitureKeyHash, furniturePhrase, isFurnitureLine, keyHash, LEGAL_PHRASES, phraseAt, phraseFiled, phraseHash, PROMPT_MAX_WEIGHT, PROMPT_PHRASES, strongerPhrase } from '../src/fullpage/vocabulary.js';
import { LOWERCASE, startsWithProperty } from '../src/util/unicode-props.js';

const SAMPLE = 1000;
const CJK_PER_WORD = 2;
const SEA_PER_WORD = 5;
const COMMA = 0x2c;
const LIST_MARKER = /^(?:[-*+\u2022\u25AA\u25E6\u00B7\u2013]\s|\d{1,3}[.)]\s)/u;

/** The features read one code point at a time through the general steps only. */
function generalLineFeatures(text: string): LineFeatures {
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
  let ascii = true;
  let clauseBreaks = 0;
  let afterCjk = false; // the last non-break character was Han or kana
  let pendingBreak = false; // a clause break follows that character
  // The furniture-phrase search (vocabulary.ts, furniturePhrase) in the same pass, while every unit
  // so far folds alone and has been folded before (knownFold) and the line has at most
  // PHRASE_MAX_WEIGHT words (with more, its weight is above that too and no phrase counts). A line
  // the search gives up on is read again by furniturePhrase when its phrase counts.
  let searching = true;
  let found: 'legal' | 'prompt' | null = null;
  let foldA = 0; // folds of the two units before this one
  let foldB = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
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
        if (c > 0x7f) ascii = false;
      }
      break;
    }
    if (cp > 0x7f) ascii = false;
    if (searching) {
      // units so far = code points so far (no surrogate pair has been folded)
      const fold = cp < 0x10000 ? knownFold(cp) : UNFOLDED;
      if (fold === UNFOLDED || fold === 0) searching = false;
      else if (found !== 'legal') {
        if (fold === COPYRIGHT) found = 'legal';
        else if (chars >= 3) {
          const h = phraseHash(foldA, foldB, fold);
          if (phraseFiled(h)) found = strongerPhrase(found, phraseAt(text, i - 3, h));
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
  const furniture = chars <= 80 && isFurnitureLine(text, ascii);
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

/** Pieces of lines: what the tight loop reads and every kind of unit it must hand over. */
const PIECES = [
  'word', 'Wörter', 'Straße', 'город', 'ΑΘΗΝΑ', 'ábc', ' ', '  ', '\u00a0', '\u3000', '\u2003', '\t', '\n',
  '.', '. ', '...', '?!', '…', '。', '！', ',', ', ', '，', '、', '；', '"', '”', '’', "'", ')', '」', '-', '–', '—',
  '12', '3.5', '1. ', '- ', '• ', '<div>', '{', '=', '$', '_', '©', 'Ⓒ', '™', 'ﬁ', 'Ｗｏｒｄ',
  '中文', '日本語', 'かな', '版权所有', 'ไทย', 'ខ្មែរ', '한국어', 'ᄀ', 'ᅡ', 'e\u0301', '\u0301', 'Σ', 'İ', 'ǅ',
  '\ud83d\ude00', '\ud800', '\udc00', '\u0000', '\ufeff',
  ...LEGAL_PHRASES, ...PROMPT_PHRASES, 'COOKIE', 'Cookies', 'Privacy Policy', 'Sign up for', 'Skip to ',
];
const piece = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...PIECES) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 4 }) },
);
const line = fc.array(piece, { maxLength: 30 }).map((p) => p.join(''));
/** Lines past the sample: long runs of letters and spaces, cut at random places. */
const longLine = fc
  .tuple(fc.array(piece, { maxLength: 6 }), fc.integer({ min: 900, max: 1100 }), fc.array(piece, { maxLength: 6 }))
  .map(([before, length, after]) => `${before.join('')}${'abcde fghij '.repeat(100).slice(0, length)}${after.join('')}`);

describe('lineFeatures', () => {
  it('gives what the general steps give, on lines of every kind of unit', () => {
    fc.assert(
      fc.property(line, (text) => {
        expect(lineFeatures(text)).toEqual(generalLineFeatures(text));
      }),
      { numRuns: 20000 },
    );
  });

  it('gives what the general steps give on lines longer than the sample', () => {
    fc.assert(
      fc.property(longLine, (text) => {
        expect(lineFeatures(text)).toEqual(generalLineFeatures(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('counts words and phrases across the edges of the tight loop', () => {
    const lines = [
      '', 'a', 'ab', 'abc', ' a', 'a ', '  ', 'cookie', 'xcookie', 'a. cookie', 'Cookie\u0301', '中文 中文', '中文 abc', '中 。文',
      'Hello, world. Next one!', `${'word '.repeat(PHRASE_MAX_WEIGHT)}cookie`, `${'word '.repeat(PHRASE_MAX_WEIGHT - 1)}cookie`,
      `${'word '.repeat(PROMPT_MAX_WEIGHT)}privacy policy`, `${'x'.repeat(998)}cookie`, `${'x'.repeat(997)} ab`, `${'x'.repeat(1200)} cookie`,
      '한국어. 한국어', '\ud83d\ude00 cookie', 'all rights reserved.', 'We use cookies, by continuing to use this site',
    ];
    for (const text of lines) expect(lineFeatures(text)).toEqual(generalLineFeatures(text));
  });
});

describe('the strided phrase search', () => {
  // In runs of plain units the tight loop hashes for the phrase search only the last three units
  // of each block of four; every phrase has a trigram ending on one of any four places in a row.
  const phrases = [...LEGAL_PHRASES, ...PROMPT_PHRASES, 'COOKIE', 'Cookies', 'Privacy Policy', 'SIGN UP FOR', 'Skip To ', 'Tous Droits Réservés'];
  const edges = ['', ' ', '. ', ', ', '1', '12 ', '中', '中 ', 'é', '\u0301', '-', '©', '\u00a0', 'Σ'];

  it('finds each phrase at every place of a block, after and before every kind of unit', () => {
    for (const phrase of phrases) {
      for (let lead = 0; lead < 8; lead++) {
        for (const before of edges) {
          for (const after of ['', ' x', '.', 'abc def']) {
            const text = `${'ab cd efg'.slice(0, lead)}${before}${phrase}${after}`;
            expect(lineFeatures(text), JSON.stringify(text)).toEqual(generalLineFeatures(text));
          }
        }
      }
    }
  });

  it('gives what the general steps give on lines of plain words with phrases among them', () => {
    const word = fc.constantFrom('a', 'ab', 'Stadt', 'город', 'word', 'cook', 'ie', 'privacy', 'policy', 'our', 'rights', 'all', 'reserved', 'sign', 'up');
    const part = fc.oneof({ weight: 4, arbitrary: word }, { weight: 1, arbitrary: fc.constantFrom(...phrases) }, { weight: 1, arbitrary: fc.constantFrom(...edges) });
    const text = fc.array(part, { maxLength: 24 }).chain((parts) => fc.constantFrom(parts.join(' '), parts.join(''), parts.join('  ')));
    fc.assert(
      fc.property(text, (t) => {
        expect(lineFeatures(t)).toEqual(generalLineFeatures(t));
      }),
      { numRuns: 20000 },
    );
  });
});

describe('the plain-unit table', () => {
  it('lets the furniture key hash read plain letters and spaces as the general steps do', () => {
    fc.assert(
      fc.property(line, (text) => {
        lineFeatures(text); // every unit of the line has its class looked up, so plain ones are in the table
        const h = furnitureKeyHash(text);
        if (h !== null) expect(h).toBe(keyHash(furnitureKey(text)));
      }),
      { numRuns: 5000 },
    );
    for (const text of ['Share', ' Menu  Search ', 'Über uns', 'e-mail', "s'inscrire", '- a -', ' Главная ']) {
      lineFeatures(text);
      expect(furnitureKeyHash(text)).toBe(keyHash(furnitureKey(text)));
    }
  });

  it('holds only letters and spaces that fold alone, with their folds', () => {
    for (let unit = 0; unit < 0x10000; unit++) charClass(unit);
    for (let unit = 0; unit < 0x10000; unit++) {
      const plain = PLAIN_UNITS[unit]!;
      if (plain === 0) continue;
      const fold = plain & 0xffff;
      expect(String.fromCharCode(unit).normalize('NFKC').toLowerCase()).toBe(String.fromCharCode(fold));
      expect(charClass(unit)).toBe(plain >= PLAIN_SPACE ? SPACE : WORD_CHAR);
      expect(plain & ~0xffff).toBe(plain >= PLAIN_SPACE ? PLAIN_SPACE : PLAIN_LETTER);
    }
    expect(PLAIN_UNITS[0x61]).toBe(0x61 | PLAIN_LETTER);
    expect(PLAIN_UNITS[0x41]).toBe(0x61 | PLAIN_LETTER);
    expect(PLAIN_UNITS[0x20]).toBe(0x20 | PLAIN_SPACE);
    // not folded alone (NFKC changes them, or their lower case is not one unit), or not plain
    for (const unit of [0xa0, 0xff33, 0x2d, 0x27, 0x2e, 0x31, 0x9, 0x130, 0x3a3, 0x301, 0x4e2d, 0xa9]) expect(PLAIN_UNITS[unit]).toBe(0);
  });
});
