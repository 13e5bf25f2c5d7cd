/**
 * Content fingerprints for duplicate detection: an exact hash of the normalised title and body,
 * and a MinHash signature over shingles (word 3-grams; character 3-grams for text written
 * without spaces) whose agreement estimates how much two articles share.
 */

import { createHash } from 'node:crypto';
import type { Article } from '../index.js';
import type { Fingerprint } from './types.js';

/** Signature length: 32 slots give a similarity estimate within about ±0.07 near 0.8. */
export const MINHASH_SLOTS = 32;
/** Fewer shingles than this and the text is too short for a meaningful near-duplicate test. */
const MIN_SHINGLES = 8;
/** Words per shingle. */
const WORD_SHINGLE = 3;
/** Characters per shingle for scripts written without spaces. */
const CHAR_SHINGLE = 3;
/** Average token length above which the text is taken to be written without spaces. */
const UNSPACED_TOKEN_LENGTH = 10;

/** Seeds for the slots: fixed so that fingerprints are stable across runs and versions. */
const SEED_WORDS = Uint32Array.from({ length: MINHASH_SLOTS }, (_, i) => fmix32(0x9e3779b9 ^ Math.imul(i + 1, 0x85ebca6b)));

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

/** FNV-1a over UTF-16 code units. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
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
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

function isLetterOrDigitUnit(unit: number): boolean {
  let c = UNIT_CLASS[unit] ?? 0;
  if (c === 0) {
    c = LETTER_OR_DIGIT.test(String.fromCharCode(unit)) ? 1 : 2;
    UNIT_CLASS[unit] = c;
  }
  return c === 1;
}

/**
 * The words of a text for comparison: lower case, compatibility forms folded (NFKC), split into
 * maximal runs of letters and digits (`\p{L}`, `\p{N}`); everything else separates.
 */
function comparisonWords(text: string): string[] {
  const folded = text.normalize('NFKC').toLowerCase();
  const words: string[] = [];
  let start = -1;
  for (let i = 0; i < folded.length; i++) {
    const unit = folded.charCodeAt(i);
    let inWord: boolean;
    let width = 1;
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < folded.length) {
      const next = folded.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        width = 2;
        inWord = LETTER_OR_DIGIT.test(folded.slice(i, i + 2));
      } else inWord = false;
    } else if (unit < 0x80) {
      inWord = (unit >= 0x61 && unit <= 0x7a) || (unit >= 0x30 && unit <= 0x39) || (unit >= 0x41 && unit <= 0x5a);
    } else inWord = isLetterOrDigitUnit(unit);
    if (inWord) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      words.push(folded.slice(start, i));
      start = -1;
    }
    i += width - 1;
  }
  if (start >= 0) words.push(folded.slice(start));
  return words;
}

/** Lower case, compatibility forms folded, everything but letters and digits turned into single spaces. */
export function normaliseForComparison(text: string): string {
  return comparisonWords(text).join(' ');
}

/** Rotate a 32-bit value left. */
function rotl(x: number, by: number): number {
  return ((x << by) | (x >>> (32 - by))) >>> 0;
}

/**
 * Shingle hashes of the words (repeats kept: they do not change a MinHash): each shingle's hash
 * mixes its tokens' hashes in order.
 */
function shingleHashes(words: readonly string[], length: number): Uint32Array {
  const unspaced = words.length > 0 && length / words.length > UNSPACED_TOKEN_LENGTH;
  const tokens = unspaced ? Array.from(words.join('')) : words;
  const size = unspaced ? CHAR_SHINGLE : WORD_SHINGLE;
  const tokenHashes = new Uint32Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) tokenHashes[i] = fnv1a(tokens[i] ?? '');
  const count = Math.max(0, tokenHashes.length - size + 1);
  const hashes = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    let h = 0;
    for (let k = 0; k < size; k++) h ^= rotl(tokenHashes[i + k] ?? 0, (k * 11) % 32);
    hashes[i] = fmix32(h);
  }
  return hashes;
}

/** True when `hashes` holds at least `n` different values. */
function hasDistinct(hashes: Uint32Array, n: number): boolean {
  const seen: number[] = [];
  for (let i = 0; i < hashes.length && seen.length < n; i++) {
    const h = hashes[i] ?? 0;
    if (!seen.includes(h)) seen.push(h);
  }
  return seen.length >= n;
}

/** MinHash signature of a set (or a list with repeats) of shingle hashes. */
export function minhash(hashes: Iterable<number>): Uint32Array {
  const signature = new Uint32Array(MINHASH_SLOTS).fill(0xffffffff);
  for (const h of hashes) {
    for (let i = 0; i < MINHASH_SLOTS; i++) {
      let x = (h ^ (SEED_WORDS[i] ?? 0)) >>> 0;
      x ^= x >>> 16;
      x = Math.imul(x, 0x85ebca6b);
      x ^= x >>> 13;
      x = Math.imul(x, 0xc2b2ae35);
      x ^= x >>> 16;
      x >>>= 0;
      if (x < (signature[i] ?? 0)) signature[i] = x;
    }
  }
  return signature;
}

/** The fingerprint of a text (exposed for tests); `fingerprintArticle` is the usual entry. */
export function fingerprintText(text: string): Fingerprint {
  const words = comparisonWords(text);
  const normalised = words.join(' ');
  const exact = createHash('sha256').update(normalised).digest('hex').slice(0, 32);
  const hashes = shingleHashes(words, normalised.length);
  return { exact, minhash: hasDistinct(hashes, MIN_SHINGLES) ? minhash(hashes) : null };
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
