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
const SEEDS: readonly number[] = Array.from({ length: MINHASH_SLOTS }, (_, i) => fmix32(0x9e3779b9 ^ Math.imul(i + 1, 0x85ebca6b)));

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

/** Lower case, compatibility forms folded, everything but letters and digits turned into single spaces. */
export function normaliseForComparison(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** Rotate a 32-bit value left. */
function rotl(x: number, by: number): number {
  return ((x << by) | (x >>> (32 - by))) >>> 0;
}

/** Shingle hashes of normalised text: each shingle's hash mixes its tokens' hashes in order. */
function shingleHashes(normalised: string): Set<number> {
  const hashes = new Set<number>();
  const words = normalised === '' ? [] : normalised.split(' ');
  const unspaced = words.length > 0 && normalised.length / words.length > UNSPACED_TOKEN_LENGTH;
  const tokens = unspaced ? Array.from(words.join('')) : words;
  const size = unspaced ? CHAR_SHINGLE : WORD_SHINGLE;
  const tokenHashes = tokens.map(fnv1a);
  for (let i = 0; i + size <= tokenHashes.length; i++) {
    let h = 0;
    for (let k = 0; k < size; k++) h ^= rotl(tokenHashes[i + k] ?? 0, (k * 11) % 32);
    hashes.add(fmix32(h));
  }
  return hashes;
}

/** MinHash signature of a set of shingle hashes. */
export function minhash(hashes: ReadonlySet<number>): number[] {
  const signature = new Array<number>(MINHASH_SLOTS).fill(0xffffffff);
  for (const h of hashes) {
    for (let i = 0; i < MINHASH_SLOTS; i++) {
      const v = fmix32(h ^ (SEEDS[i] ?? 0));
      if (v < (signature[i] ?? 0xffffffff)) signature[i] = v;
    }
  }
  return signature;
}

/** The fingerprint of a text (exposed for tests); `fingerprintArticle` is the usual entry. */
export function fingerprintText(text: string): Fingerprint {
  const normalised = normaliseForComparison(text);
  const exact = createHash('sha256').update(normalised).digest('hex').slice(0, 32);
  const hashes = shingleHashes(normalised);
  return { exact, minhash: hashes.size >= MIN_SHINGLES ? minhash(hashes) : null };
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
