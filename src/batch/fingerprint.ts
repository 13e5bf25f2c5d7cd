/**
 * Content fingerprints for duplicate detection: an exact hash of the normalised title and body,
 * and a MinHash signature over shingles (word 3-grams; character 3-grams for text written
 * without spaces) whose agreement estimates how much two articles share.
 *
 * The signature is a one-permutation MinHash: each shingle hash falls into one of the slots (by
 * its top bits) and each slot keeps the least hash it received; an empty slot (short texts)
 * borrows from the next filled slot to its right, mixed with the distance ("densification by
 * rotation"). The share of equal slots estimates the Jaccard similarity of the two shingle sets
 * without bias, as a signature of independent hash functions does, for one hash per shingle
 * instead of one per shingle and slot.
 */

import { Buffer } from 'node:buffer';
import crypto from 'node:crypto';
import type { Article } from '../index.js';
import { LETTER, LITTLE_ENDIAN, MARK, NUMBER, unicodeProperties } from '../util/unicode-props.js';
import type { Fingerprint } from './types.js';

/** Signature length: 32 slots give a similarity estimate within about ±0.07 near 0.8. */
export const MINHASH_SLOTS = 32;
/** Top bits of a shingle hash that choose its slot (2^5 = 32). */
const SLOT_BITS = 5;
/** Fewer shingles than this and the text is too short for a meaningful near-duplicate test. */
const MIN_SHINGLES = 8;
/** Tokens per shingle: words, or characters for scripts written without spaces (`shingleHash` mixes three). */
const SHINGLE = 3;
/** Average token length above which the text is taken to be written without spaces. */
const UNSPACED_TOKEN_LENGTH = 10;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** MurmurHash3's 32-bit finaliser: a fast bijective mix. */
function fmix32(h: number): number {
  let x = h >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/** The article's title and body as one string (headings, lede, paragraphs, list items, quotes). */
export function articleText(article: Article): string {
  const parts: string[] = [];
  if (article.title !== null) parts.push(article.title);
  if (article.lede !== null) parts.push(article.lede);
  for (const section of article.sections) {
    if (section.heading !== null) parts.push(section.heading);
    for (const block of section.blocks) {
      if (block.type === 'list') for (const item of block.items) parts.push(item.text);
      else parts.push(block.text);
    }
  }
  return parts.join('\n');
}

/** Per UTF-16 unit below U+10000: 0 not looked up yet, 1 a letter or digit, 2 anything else. */
const UNIT_CLASS = new Uint8Array(0x10000);

function isLetterOrDigitUnit(unit: number): boolean {
  let c = UNIT_CLASS[unit] as number;
  if (c === 0) {
    c = (unicodeProperties(unit) & (LETTER | NUMBER)) !== 0 ? 1 : 2;
    UNIT_CLASS[unit] = c;
  }
  return c === 1;
}

/** The words of a text, normalised for comparison, with the hash of each word. */
interface ComparisonWords {
  /** The words joined by single spaces, as UTF-16 code units (perhaps a view of a shared buffer: use before the next call). */
  units: Uint16Array;
  /** FNV-1a of each word's UTF-16 units, in order (perhaps a view of a shared buffer: use before the next call). */
  hashes: Uint32Array;
}

/**
 * Per UTF-16 unit, what the simple path makes of it: 0 not looked up yet, NOT_SIMPLE, SEPARATOR
 * for a unit that separates words, or else the letter or digit it folds to (all of which are
 * above SEPARATOR).
 */
const SIMPLE_FOLD = new Uint16Array(0x10000);
const NOT_SIMPLE = 1;
const SEPARATOR = 2;

/**
 * The unit that the general path makes of `unit` wherever it stands (SEPARATOR when that is not a
 * letter or digit), or NOT_SIMPLE when its neighbours can change it or it folds to more than one
 * unit. NFKC leaves the edge before a character alone when the character's decomposition starts
 * with one of combining class 0 that never comes second in a canonical composition: every
 * character of another class is a mark, and besides marks only the Hangul medial vowel and final
 * consonant jamo come second (and one astral vowel sign; surrogates are never simple). So NFKC of
 * a text of such characters is the concatenation of theirs; and so is its lower case when no Σ is
 * among them, the one character whose lower case depends on its neighbours (final sigma).
 */
function simpleFold(unit: number): number {
  if (unit >= 0xd800 && unit <= 0xdfff) return NOT_SIMPLE;
  const ch = String.fromCharCode(unit);
  const first = ch.normalize('NFKD').charCodeAt(0);
  if ((first >= 0xd800 && first <= 0xdfff) || (first >= 0x1161 && first <= 0x1175) || (first >= 0x11a8 && first <= 0x11c2)) return NOT_SIMPLE;
  if ((unicodeProperties(first) & MARK) !== 0) return NOT_SIMPLE;
  const compatible = ch.normalize('NFKC');
  const folded = compatible.toLowerCase();
  let separators = 0;
  for (let i = 0; i < folded.length; i++) {
    const f = folded.charCodeAt(i);
    if (f >= 0xd800 && f <= 0xdfff) return NOT_SIMPLE;
    if (!isLetterOrDigitUnit(f)) separators++;
  }
  // a character that folds to separators only (an ellipsis, a no-break space) is one separator
  if (separators === folded.length) return SEPARATOR;
  return compatible.length === 1 && compatible !== '\u03a3' && folded.length === 1 ? folded.charCodeAt(0) : NOT_SIMPLE;
}

/**
 * The simple path reads a text in pieces of at most this many units, each ending at white space
 * (a text this long or shorter is one piece), into buffers of fixed size. Buffers held in
 * constants let the optimising compiler take their address and length as known, where a buffer
 * that may be replaced has to be loaded and checked again at every unit of the loop; the word
 * loop runs nearly twice as fast so.
 */
const PIECE_UNITS = 32768;
/** The piece being read, as UTF-16 units (little-endian: Buffer writes them so), and one more for the space that ends its last word. */
const pieceText = new Uint16Array(PIECE_UNITS + 1);
const pieceTextBytes = Buffer.from(pieceText.buffer);
/**
 * Room for the words of a piece: twice the piece, since the general path can make a stretch
 * longer than it was (NFKC). A piece whose words would not fit is left to the general path.
 */
const PIECE_WORD_UNITS = 2 * PIECE_UNITS;
/** The words of the piece joined by single spaces, and the hash of each (words and the spaces between them take two units at least). */
const pieceUnits = new Uint16Array(PIECE_WORD_UNITS);
const pieceHashes = new Uint32Array(PIECE_WORD_UNITS / 2 + 1);
/** Where `readSimpleWords` stopped: the unit, the units written and the words written. */
const simpleStop = new Int32Array(3);

/** Stretches of one piece given to the general path, at most; then the general path takes the rest of it. */
const MAX_GENERAL_STRETCHES = 16;
/** Stretches the last call of `simpleWords` gave to the general path (for tests). */
let generalStretches = 0;

/**
 * Reads the words of `pieceText` from unit `at` up to `end` into `pieceUnits` and `pieceHashes`,
 * after the `out` units and `n` words they hold, folding unit by unit; stops at a unit that is
 * not looked up yet or is not simple, at the start of the word it belongs to (that word not
 * written), and sets `simpleStop`. Nothing else happens in the loop: the word loop is the
 * hottest code of the fingerprint, and a call in it (even one never taken) makes it slower.
 */
function readSimpleWords(at: number, end: number, out: number, n: number): void {
  const text = pieceText;
  const units = pieceUnits;
  const hashes = pieceHashes;
  const fold = SIMPLE_FOLD;
  let i = at;
  let written = out;
  let words = n;
  // A run of separators, then a word read to its end in a tight loop: the word ends at a
  // separator (the space after the piece at the latest) or at a unit that is not simple or not
  // looked up yet.
  while (i < end) {
    let f = fold[text[i] as number] as number;
    if (f === SEPARATOR) {
      i++;
      continue;
    }
    if (f < SEPARATOR) break;
    const wordStart = i;
    const wordOut = written;
    if (words > 0) units[written++] = 0x20;
    let h = FNV_OFFSET;
    do {
      units[written++] = f;
      h = Math.imul(h ^ f, FNV_PRIME);
      f = fold[text[++i] as number] as number;
    } while (f > SEPARATOR);
    if (f < SEPARATOR) {
      i = wordStart;
      written = wordOut;
      break;
    }
    hashes[words++] = h >>> 0;
    i++;
  }
  simpleStop[0] = i;
  simpleStop[1] = written;
  simpleStop[2] = words;
}

/**
 * The comparison words of units `from` to `to` of a text (a piece that starts at the start of
 * the text or after white space, and ends at its end or after white space), folded unit by unit
 * (see `simpleFold`) from a copy of its units, as views of the piece buffers; null when they do
 * not fit there. A unit not looked up yet is looked up, and the word it stands in is read again.
 * Around a unit that is not simple, the general path reads the stretch from the white space
 * before it to the white space after it, and its words replace those read since that first white
 * space: no character composes with white space, and white space is neither cased nor ignored by
 * case mapping, so it also ends the context of a final sigma. The words of the stretch are those
 * the whole text has there.
 */
function pieceWords(input: string, from: number, to: number): ComparisonWords | null {
  const length = to - from;
  pieceTextBytes.write(input.slice(from, to), 0, 'utf16le');
  const text = pieceText;
  text[length] = 0x20;
  const fold = SIMPLE_FOLD;
  let i = 0;
  let out = 0;
  let n = 0;
  let stretches = 0;
  for (;;) {
    readSimpleWords(i, length, out, n);
    i = simpleStop[0] as number;
    out = simpleStop[1] as number;
    n = simpleStop[2] as number;
    if (i >= length) break;
    // the unit it stopped at: the first from i that is not part of a simple word
    let stop = i;
    while ((fold[text[stop] as number] as number) > SEPARATOR) stop++;
    if (fold[text[stop] as number] === 0) {
      learnFold(text[stop] as number);
      continue;
    }
    // Not simple at `stop`: the general path reads from the last white space before it (after
    // the last stretch, which ended at white space) to the next one after it, or to the end after
    // too many stretches. The words read since that white space are taken back first.
    let start = i;
    while (start > 0 && !isSpaceUnit(text[start - 1] as number)) start--;
    let taken = 0;
    for (let k = start; k < i; k++) if ((fold[text[k] as number] as number) > SEPARATOR && (k === start || fold[text[k - 1] as number] === SEPARATOR)) taken++;
    n -= taken;
    for (let w = 0; w < taken; w++) {
      while (out > 0 && pieceUnits[out - 1] !== 0x20) out--;
      if (out > 0) out--;
    }
    let end = stop + 1;
    if (++stretches > MAX_GENERAL_STRETCHES) end = length;
    else while (!isSpaceUnit(text[end] as number)) end++;
    const folded = input.slice(from + start, from + end).normalize('NFKC').toLowerCase();
    // room for the stretch's words, a space before them, and what the simple path may write after them
    if (out + 1 + folded.length + (length - end) + 1 > PIECE_WORD_UNITS) return null;
    [out, n] = appendFoldedWords(folded, pieceUnits, pieceHashes, out, n);
    i = end;
  }
  generalStretches += stretches;
  return { units: pieceUnits.subarray(0, out), hashes: pieceHashes.subarray(0, n) };
}

/** The joined words of the last text longer than a piece, kept for the next while no longer than KEEP_LONG_UNITS (256 KB). */
let longUnits = new Uint16Array(0);
let longHashes = new Uint32Array(0);
const KEEP_LONG_UNITS = 131072;

/**
 * The comparison words of a text by the simple path (see `pieceWords`): one piece, or for a long
 * text the words of its pieces joined; null on big-endian machines, and when a piece does not fit
 * in the piece buffers or a long text has no white space where a piece should end.
 */
function simpleWords(input: string): ComparisonWords | null {
  generalStretches = 0;
  if (!LITTLE_ENDIAN) return null;
  const length = input.length;
  if (length <= PIECE_UNITS) return pieceWords(input, 0, length);
  let units = longUnits.length >= length ? longUnits : new Uint16Array(length);
  let hashes = longHashes.length >= (length >>> 1) + 1 ? longHashes : new Uint32Array((length >>> 1) + 1);
  let out = 0;
  let n = 0;
  for (let from = 0; from < length; ) {
    let to = from + PIECE_UNITS;
    if (to >= length) to = length;
    else {
      while (to > from && !isSpaceUnit(input.charCodeAt(to - 1))) to--;
      if (to === from) return null;
    }
    const piece = pieceWords(input, from, to);
    if (piece === null) return null;
    const words = piece.hashes.length;
    if (words > 0) {
      if (units.length < out + 1 + piece.units.length) {
        const grown = new Uint16Array(Math.max(out + 1 + piece.units.length, 2 * units.length));
        grown.set(units.subarray(0, out));
        units = grown;
      }
      if (hashes.length < n + words) {
        const grown = new Uint32Array(Math.max(n + words, 2 * hashes.length));
        grown.set(hashes.subarray(0, n));
        hashes = grown;
      }
      if (n > 0) units[out++] = 0x20;
      units.set(piece.units, out);
      out += piece.units.length;
      hashes.set(piece.hashes, n);
      n += words;
    }
    from = to;
  }
  if (units.length <= KEEP_LONG_UNITS) longUnits = units;
  if (hashes.length <= KEEP_LONG_UNITS / 2) longHashes = hashes;
  return { units: units.subarray(0, out), hashes: hashes.subarray(0, n) };
}

/** SIMPLE_FOLD of `unit`, looked up and remembered. */
function learnFold(unit: number): number {
  const f = simpleFold(unit);
  SIMPLE_FOLD[unit] = f;
  return f;
}

/** True for U+0009 to U+000D and U+0020. */
function isSpaceUnit(unit: number): boolean {
  return unit === 0x20 || (unit >= 0x09 && unit <= 0x0d);
}

/**
 * The words of a text for comparison: lower case, compatibility forms folded (NFKC), split into
 * maximal runs of letters and digits (`\p{L}`, `\p{N}`); everything else separates. One pass:
 * each word is hashed as it is read and its units are copied into the joined text, a single
 * space before every word but the first. The simple path folds unit by unit and gives the same
 * words without folding the whole text first, handing only the stretches around units it cannot
 * fold on their own to the general path.
 */
function comparisonWords(input: string): ComparisonWords {
  return simpleWords(input) ?? generalWords(input);
}

/** How many stretches of a text the general path reads (exposed for tests; -1 when it reads the whole text). */
export function generalPathStretches(input: string): number {
  return simpleWords(input) === null ? -1 : generalStretches;
}

/** The comparison words of any text: NFKC and lower case of the whole text, then the split. */
function generalWords(input: string): ComparisonWords {
  const folded = input.normalize('NFKC').toLowerCase();
  // the joined words are never longer than the folded text
  const units = new Uint16Array(folded.length);
  const hashes = new Uint32Array((folded.length >>> 1) + 1);
  const [out, n] = appendFoldedWords(folded, units, hashes, 0, 0);
  return { units: units.subarray(0, out), hashes: hashes.subarray(0, n) };
}

/**
 * Appends the words of a folded text (NFKC and lower case already taken) to `units` and `hashes`
 * after `start` units and `startWords` words, which must have room for them and a space before
 * them; returns the units and words they then hold.
 */
function appendFoldedWords(folded: string, units: Uint16Array, hashes: Uint32Array, start: number, startWords: number): [number, number] {
  const length = folded.length;
  let n = startWords;
  let out = start;
  let h = FNV_OFFSET;
  let inWord = false;
  // One step past the end reads as a space: a text ending in a word ends it on the same path as
  // every other word (a rarely taken branch after the loop cost the optimised loop a deopt).
  for (let i = 0; i <= length; i++) {
    const unit = i < length ? folded.charCodeAt(i) : 0x20;
    let isWord: boolean;
    let width = 1;
    if (unit < 0x80) {
      isWord = (unit >= 0x61 && unit <= 0x7a) || (unit >= 0x30 && unit <= 0x39) || (unit >= 0x41 && unit <= 0x5a);
    } else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < length) {
      const next = folded.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        width = 2;
        isWord = (unicodeProperties(folded.codePointAt(i) as number) & (LETTER | NUMBER)) !== 0;
      } else isWord = false;
    } else isWord = isLetterOrDigitUnit(unit);
    if (isWord) {
      if (!inWord) {
        inWord = true;
        h = FNV_OFFSET;
        if (n > 0) units[out++] = 0x20;
      }
      units[out++] = unit;
      h = Math.imul(h ^ unit, FNV_PRIME);
      if (width === 2) {
        const low = folded.charCodeAt(i + 1);
        units[out++] = low;
        h = Math.imul(h ^ low, FNV_PRIME);
        i++;
      }
    } else if (inWord) {
      inWord = false;
      hashes[n++] = h >>> 0;
    }
  }
  return [out, n];
}

/** A string of UTF-16 code units (in slices: `String.fromCharCode` takes a bounded number of arguments). */
function unitsToString(units: Uint16Array): string {
  let text = '';
  for (let at = 0; at < units.length; at += 4096) text += String.fromCharCode(...units.subarray(at, at + 4096));
  return text;
}

/** Lower case, compatibility forms folded, everything but letters and digits turned into single spaces. */
export function normaliseForComparison(text: string): string {
  return unitsToString(comparisonWords(text).units);
}

/** FNV-1a of each character (code point) of a text, spaces left out: the tokens of unspaced scripts. */
function characterHashes(text: Uint16Array): Uint32Array {
  const hashes = new Uint32Array(text.length);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text[i] as number;
    if (unit === 0x20) continue;
    let h = Math.imul(FNV_OFFSET ^ unit, FNV_PRIME);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text[i + 1] as number;
      if (next >= 0xdc00 && next <= 0xdfff) {
        h = Math.imul(h ^ next, FNV_PRIME);
        i++;
      }
    }
    hashes[n++] = h >>> 0;
  }
  return hashes.subarray(0, n);
}

/** Rotate a 32-bit value left. */
function rotl(x: number, by: number): number {
  return ((x << by) | (x >>> (32 - by))) >>> 0;
}

/** The hash of a shingle of three tokens: it mixes its tokens' hashes in order. */
function shingleHash(first: number, second: number, third: number): number {
  return fmix32(first ^ rotl(second, 11) ^ rotl(third, 22));
}

/** Each slot's least hash so far (shared between calls; a slot counts only when marked filled). */
const slotLeast = new Uint32Array(MINHASH_SLOTS);
/** The first different shingle hashes of a text, up to MIN_SHINGLES (shared between calls). */
const firstDistinct = new Uint32Array(MIN_SHINGLES);

/**
 * The signature of the slots in `slotLeast` whose bits are set in `filled` (at least one): each
 * empty slot borrows from the next filled one to its right, mixed with the distance.
 */
function slotSignature(filled: number): Uint32Array {
  const signature = new Uint32Array(MINHASH_SLOTS);
  for (let slot = 0; slot < MINHASH_SLOTS; slot++) {
    let distance = 0;
    while (((filled >>> ((slot + distance) % MINHASH_SLOTS)) & 1) === 0) distance++;
    const least = slotLeast[(slot + distance) % MINHASH_SLOTS] as number;
    signature[slot] = distance === 0 ? least : fmix32((least + Math.imul(distance, 0x9e3779b9)) >>> 0);
  }
  return signature;
}

/**
 * The MinHash signature of the shingles of a token sequence (repeats kept: they do not change a
 * MinHash), in one pass that keeps nothing but the slots; `null` when fewer than MIN_SHINGLES of
 * the shingles are different.
 */
function shingleMinhash(tokens: Uint32Array): Uint32Array | null {
  slotLeast.fill(0xffffffff);
  const least = slotLeast;
  const seen = firstDistinct;
  let filled = 0;
  let distinct = 0;
  for (let i = 0; i + SHINGLE <= tokens.length; i++) {
    const h = shingleHash(tokens[i] as number, tokens[i + 1] as number, tokens[i + 2] as number);
    const slot = h >>> (32 - SLOT_BITS);
    if (h < (least[slot] as number)) least[slot] = h;
    filled |= 1 << slot;
    if (distinct < MIN_SHINGLES) {
      let k = 0;
      while (k < distinct && seen[k] !== h) k++;
      if (k === distinct) seen[distinct++] = h;
    }
  }
  return distinct < MIN_SHINGLES ? null : slotSignature(filled);
}

/** SHA-256 of some bytes in hex: one call to `crypto.hash` where Node has it (20.12 and later), a Hash object before. */
function sha256Hex(bytes: Uint8Array): string {
  return typeof crypto.hash === 'function' ? crypto.hash('sha256', bytes, 'hex') : crypto.createHash('sha256').update(bytes).digest('hex');
}

/** The fingerprint of a text (exposed for tests); `fingerprintArticle` is the usual entry. */
export function fingerprintText(input: string): Fingerprint {
  const words = comparisonWords(input);
  const normalised = words.units;
  // the exact hash is taken over the joined words' UTF-16 code units (in the platform's byte order)
  const exact = sha256Hex(new Uint8Array(normalised.buffer, normalised.byteOffset, normalised.byteLength)).slice(0, 32);
  const unspaced = words.hashes.length > 0 && normalised.length / words.hashes.length > UNSPACED_TOKEN_LENGTH;
  const signature = shingleMinhash(unspaced ? characterHashes(normalised) : words.hashes);
  return { exact, minhash: signature };
}

/** The fingerprint of an article's title and body. */
export function fingerprintArticle(article: Article): Fingerprint {
  return fingerprintText(articleText(article));
}

/** Share of equal slots: an estimate of the Jaccard similarity of the two shingle sets. */
export function similarity(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let same = 0;
  for (let i = 0; i < MINHASH_SLOTS; i++) if (a[i] === b[i]) same++;
  return same / MINHASH_SLOTS;
}
