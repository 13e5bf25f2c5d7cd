/**
 * Body statistics: words, characters, paragraphs and an estimated reading time per language.
 */

import { Buffer } from 'node:buffer';
import type { ArticleStats } from '../article/types.js';
import { mayHoldRtl } from '../language/letter-count.js';
import { CharFlags, pairAt } from '../util/char-flags.js';
import { HAN_KANA, LETTER, LITTLE_ENDIAN, NUMBER, SOUTHEAST_ASIAN, WHITE_SPACE } from '../util/unicode-props.js';
import { KEEP_UNITS, UnitCopy } from '../util/unit-copy.js';

/**
 * Reading rates, from the International Reading Speed Texts (IReST; Trauzettel-Klosinski & Dietz,
 * Investigative Ophthalmology & Visual Science 53(9), 2012): mean words per minute per language,
 * and characters per minute for Chinese and Japanese. IReST measured reading aloud; we scale every
 * rate so that English comes out at 238 words per minute, the mean silent reading rate for
 * non-fiction in Brysbaert's 2019 meta-analysis (Journal of Memory and Language 109).
 */
const IREST_WPM: Readonly<Record<string, number>> = {
  ar: 138, de: 179, en: 228, es: 218, fi: 161, fr: 195, he: 187, it: 188, nl: 202, pl: 166, pt: 181,
  ru: 184, sl: 180, sv: 199, tr: 166,
};
/** Characters per minute (IReST) for languages written without spaces. */
const IREST_CPM: Readonly<Record<string, number>> = { zh: 255, ja: 357 };
const SILENT_ENGLISH_WPM = 238;
const SCALE = SILENT_ENGLISH_WPM / 228;
/** Languages IReST did not measure: the mean of the measured rates. */
const DEFAULT_WPM = 185;

/** Per-character flags: white space, letter or digit, unspaced script, Chinese/Japanese character. */
const SPACE = 1;
const WORDISH = 2;
const UNSPACED = 4;
const UNSPACED_CHAR = 8;
const FLAGS = new CharFlags([WHITE_SPACE, LETTER | NUMBER, HAN_KANA | SOUTHEAST_ASIAN, HAN_KANA]);

let segmenter: Intl.Segmenter | undefined;

/**
 * The dictionary word breaker gets slower than linear on very long runs, so unspaced text is
 * handed to it in pieces of at most this many characters, cut after sentence punctuation where
 * there is some (a word cut at a piece edge miscounts by at most one per piece).
 */
const SEGMENT_PIECE = 1000;
const SENTENCE_END = new Set([...'。！？!?.']);

function* pieces(token: string): Generator<string> {
  let start = 0;
  while (start < token.length) {
    let end = Math.min(token.length, start + SEGMENT_PIECE);
    if (end < token.length) {
      for (let i = end - 1; i > start + SEGMENT_PIECE / 2; i--) {
        if (SENTENCE_END.has(token[i]!)) {
          end = i + 1;
          break;
        }
      }
      // never cut a surrogate pair
      const c = token.charCodeAt(end - 1);
      if (c >= 0xd800 && c <= 0xdbff) end++;
    }
    yield token.slice(start, end);
    start = end;
  }
}

/** Words of one space-free token, `text` from `start` to `end`, whose flags are `flags`. */
function tokenWords(text: string, start: number, end: number, flags: number): number {
  if ((flags & WORDISH) === 0) return 0;
  if ((flags & UNSPACED) === 0) return 1;
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' });
  let words = 0;
  for (const piece of pieces(text.slice(start, end))) for (const s of segmenter.segment(piece)) if (s.isWordLike === true) words++;
  return words;
}

interface TextCounts {
  words: number;
  /** Code points. */
  characters: number;
  /** Chinese and Japanese characters. */
  unspaced: number;
  /** `mayHoldRtl` of the text (a unit where right-to-left characters may be). */
  mayHoldRtl: boolean;
}

/** Counts over all body texts, from which `bodyStats` makes the statistics. */
export type BodyCounts = TextCounts;

/**
 * Per BMP unit: its flags once looked up (UNKNOWN until then). RARE marks the units the quick
 * loop must not pass: a high surrogate (the flags of a pair are those of its code point) and a
 * character of an unspaced script. RTL_RANGE marks the units for which `mayHoldRtl` holds, so
 * that the counting pass also tells the direction check whether the body needs a closer look.
 */
const RTL_RANGE = 32;
const RARE = 64;
const UNKNOWN = 128;
const UNIT_FLAGS = new Uint8Array(0x10000).fill(UNKNOWN);

/** UNIT_FLAGS of `unit`, looked up and remembered. */
function learnFlags(unit: number): number {
  let flags = unit >= 0xd800 && unit <= 0xdbff ? RARE : FLAGS.unit(unit);
  if ((flags & UNSPACED) !== 0) flags |= RARE;
  if (mayHoldRtl(String.fromCharCode(unit))) flags |= RTL_RANGE;
  UNIT_FLAGS[unit] = flags;
  return flags;
}

/** The text being counted as UTF-16 units (see UnitCopy), also read two units at a time. */
const textCopy = new UnitCopy();

/** How many units the counting copy holds between calls (for tests: a long text's is let go). */
export function heldUnits(): number {
  return textCopy.capacity;
}

/**
 * The counts of a text without characters of unspaced scripts (null for any other text, and on
 * big-endian machines): there a token is a word when it has a letter or digit, so a word starts
 * at every letter or digit after white space (or the start) with no letter or digit between. No
 * branch depends on the characters but the rare ones (not looked up yet, surrogates, unspaced
 * scripts). Units are read two at a time until the first rare one, and one at a time from there.
 */
function countSpaced(text: string): TextCounts | null {
  if (!LITTLE_ENDIAN) return null;
  const n = text.length;
  const units = textCopy.of(text);
  const twos = textCopy.pairs;
  const table = UNIT_FLAGS;
  let words = 0;
  let pairs = 0;
  // `seen`: a letter or digit since the last white space (WORDISH is bit 1)
  let seen = 0;
  let all = 0;
  let i = 0;
  for (; i + 1 < n; i += 2) {
    const two = twos[i >>> 1] as number;
    const first = table[two & 0xffff] as number;
    const second = table[two >>> 16] as number;
    if ((first | second) >= RARE) break;
    all |= first | second;
    let wordish = (first >>> 1) & 1;
    words += wordish & (seen ^ 1);
    seen = (seen | wordish) & ((first & SPACE) ^ 1);
    wordish = (second >>> 1) & 1;
    words += wordish & (seen ^ 1);
    seen = (seen | wordish) & ((second & SPACE) ^ 1);
  }
  for (; i < n; i++) {
    const unit = units[i] as number;
    let flags = table[unit] as number;
    if (flags >= RARE) {
      if (flags === UNKNOWN) flags = learnFlags(unit);
      if ((flags & UNSPACED) !== 0) return null;
      all |= flags;
      if (flags >= RARE) {
        const cp = pairAt(text, i);
        if (cp === -1) flags = 0;
        else {
          flags = FLAGS.codePoint(cp);
          if ((flags & UNSPACED) !== 0) return null;
          i++;
          pairs++;
        }
      }
    } else all |= flags;
    const wordish = (flags >>> 1) & 1;
    words += wordish & (seen ^ 1);
    seen = (seen | wordish) & ((flags & SPACE) ^ 1);
  }
  // a low surrogate read as part of a pair is not looked up, but its high surrogate set RTL_RANGE
  return { words, characters: n - pairs, unspaced: 0, mayHoldRtl: (all & RTL_RANGE) !== 0 };
}

/**
 * One pass over `text`: words (white-space-separated tokens with a letter or digit; dictionary
 * segments within tokens of unspaced scripts), code points and Chinese/Japanese characters.
 * Texts without unspaced scripts take the quicker `countSpaced`.
 */
function countText(text: string): TextCounts {
  const counts = countSpaced(text);
  if (text.length > KEEP_UNITS) textCopy.release();
  return counts ?? countAny(text);
}

/** `countText` of any text. */
function countAny(text: string): TextCounts {
  let words = 0;
  let characters = 0;
  let unspaced = 0;
  let tokenStart = -1;
  let tokenFlags = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const unit = text.charCodeAt(i);
    let flags: number;
    const start = i;
    if (unit < 0x80) {
      flags = unit === 0x20 || (unit >= 0x09 && unit <= 0x0d) ? SPACE : (unit | 0x20) >= 0x61 && (unit | 0x20) <= 0x7a ? WORDISH : unit >= 0x30 && unit <= 0x39 ? WORDISH : 0;
    } else {
      const cp = unit >= 0xd800 && unit <= 0xdbff ? pairAt(text, i) : -1;
      if (cp === -1) flags = FLAGS.unit(unit);
      else {
        flags = FLAGS.codePoint(cp);
        i++;
      }
    }
    characters++;
    if ((flags & UNSPACED_CHAR) !== 0) unspaced++;
    if ((flags & SPACE) !== 0) {
      if (tokenStart !== -1) words += tokenWords(text, tokenStart, start, tokenFlags);
      tokenStart = -1;
    } else if (tokenStart === -1) {
      tokenStart = start;
      tokenFlags = flags;
    } else tokenFlags |= flags;
  }
  if (tokenStart !== -1) words += tokenWords(text, tokenStart, n, tokenFlags);
  return { words, characters, unspaced, mayHoldRtl: mayHoldRtl(text) };
}

/** Count words: space-separated tokens, and dictionary segments in unspaced scripts. */
export function countWords(text: string): number {
  return countText(text).words;
}

/** Counts over the body texts (lede, paragraphs, list items, quotes), in one pass over each. */
export function countBody(texts: readonly string[]): BodyCounts {
  let words = 0;
  let characters = 0;
  let unspaced = 0;
  let rtl = false;
  for (const t of texts) {
    const counts = countText(t);
    words += counts.words;
    characters += counts.characters;
    unspaced += counts.unspaced;
    rtl ||= counts.mayHoldRtl;
  }
  return { words, characters, unspaced, mayHoldRtl: rtl };
}

/** Statistics from the body counts. */
export function bodyStats(counts: BodyCounts, paragraphs: number, language: string): ArticleStats {
  const { words, characters, unspaced: cjk } = counts;
  let minutes: number;
  const cpm = IREST_CPM[language];
  if (cpm !== undefined && cjk > 0) minutes = cjk / (cpm * SCALE) + Math.max(0, words - cjk) / (DEFAULT_WPM * SCALE);
  else minutes = words / ((IREST_WPM[language] ?? DEFAULT_WPM) * SCALE);
  const readingMinutes = words === 0 ? 0 : Math.max(1, Math.round(minutes));
  return { words, characters, paragraphs, readingMinutes };
}

/** Statistics over the body texts (lede, paragraphs, list items, quotes). */
export function computeStats(texts: readonly string[], paragraphs: number, language: string): ArticleStats {
  return bodyStats(countBody(texts), paragraphs, language);
}
