/**
 * Duplicate groups over a batch, decided in input order: the first article of a group is its
 * original; a later one is an exact duplicate (same normalised title and body) or a near
 * duplicate (MinHash similarity at or above the threshold, found through locality-sensitive
 * hashing bands so that no pairwise comparison of the whole batch is needed).
 *
 * Only originals are indexed, and compactly, since the index lives as long as the batch: about
 * 330 bytes per original (see docs/batch.md) in a few typed arrays, no object per input.
 */

import { MINHASH_SLOTS } from './fingerprint.js';
import { NamePool } from './name-pool.js';
import type { Fingerprint } from './types.js';

/** Estimated shingle-set similarity from which two articles count as near duplicates. */
export const NEAR_DUPLICATE_THRESHOLD = 0.8;
/** LSH bands × rows = slots; 8 × 4 finds pairs at similarity 0.8 with probability ≈ 0.985, at 0.9 ≈ 0.9998. */
const BANDS = 8;
const ROWS = MINHASH_SLOTS / BANDS;
/** 32-bit words in an exact hash (128 bits, 32 hex digits). */
const EXACT_WORDS = 4;
/** Empty slot marker in the id arrays. */
const EMPTY = -1;

/** A later article matching an earlier one. */
export interface DuplicateMatch {
  kind: 'exact' | 'near';
  /** The name the original was registered under. */
  of: string;
  similarity: number;
}

function bandKey(signature: ArrayLike<number>, band: number): number {
  let h = Math.imul(band + 1, 0x9e3779b1);
  for (let r = 0; r < ROWS; r++) {
    h ^= signature[band * ROWS + r] ?? 0;
    h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
  }
  return h >>> 0;
}

/** The slot a 32-bit key starts probing at, in a table of 2^bits slots. */
function home(key: number, bits: number): number {
  return Math.imul(key, 0x9e3779b1) >>> (32 - bits);
}

/** The four 32-bit words of a 32-hex-digit exact hash. */
function exactWords(hex: string, into: Uint32Array): Uint32Array {
  for (let w = 0; w < EXACT_WORDS; w++) into[w] = Number.parseInt(hex.slice(w * 8, w * 8 + 8), 16) >>> 0;
  return into;
}

/**
 * A multimap from 32-bit keys to original ids, in two typed arrays with linear probing: every
 * (key, id) pair has its own slot, and a lookup collects the ids of its key up to the first
 * empty slot. Kept at most half full.
 */
class KeyTable {
  private bits = 10;
  private keys = new Uint32Array(1 << this.bits);
  private ids = new Int32Array(1 << this.bits).fill(EMPTY);
  private size = 0;

  add(key: number, id: number): void {
    if ((this.size + 1) * 2 > this.ids.length) this.grow();
    this.place(key, id);
    this.size++;
  }

  /** Call `each` for every id stored under `key`. */
  forEach(key: number, each: (id: number) => void): void {
    const mask = this.ids.length - 1;
    for (let slot = home(key, this.bits); ; slot = (slot + 1) & mask) {
      const id = this.ids[slot] ?? EMPTY;
      if (id === EMPTY) return;
      if (this.keys[slot] === key) each(id);
    }
  }

  private place(key: number, id: number): void {
    const mask = this.ids.length - 1;
    let slot = home(key, this.bits);
    while (this.ids[slot] !== EMPTY) slot = (slot + 1) & mask;
    this.keys[slot] = key;
    this.ids[slot] = id;
  }

  private grow(): void {
    const keys = this.keys;
    const ids = this.ids;
    this.bits++;
    this.keys = new Uint32Array(1 << this.bits);
    this.ids = new Int32Array(1 << this.bits).fill(EMPTY);
    for (let slot = 0; slot < ids.length; slot++) {
      const id = ids[slot] ?? EMPTY;
      if (id !== EMPTY) this.place(keys[slot] ?? 0, id);
    }
  }
}

/** The index of originals met so far. */
export class DuplicateIndex {
  private readonly names = new NamePool();
  /** Exact hashes by original id, four words each. */
  private exactHashes = new Uint32Array(EXACT_WORDS * 1024);
  /** Original ids by the first word of their exact hash. */
  private readonly exact = new KeyTable();
  /** Original ids by LSH band key (band keys of all bands share the table, as the keys mix in the band). */
  private readonly bands = new KeyTable();
  /** Signatures by original id; ids without a signature leave their slots unused. */
  private signatures = new Uint32Array(MINHASH_SLOTS * 1024);
  private readonly words = new Uint32Array(EXACT_WORDS);

  /** Find an earlier original for `fingerprint`; when there is none, register it as an original under `name`. */
  check(fingerprint: Fingerprint, name: string): DuplicateMatch | null {
    const words = exactWords(fingerprint.exact, this.words);
    const exactId = this.findExact(words);
    if (exactId !== EMPTY) return { kind: 'exact', of: this.names.get(exactId), similarity: 1 };
    const signature = fingerprint.minhash;
    if (signature !== null) {
      const near = this.nearest(signature);
      if (near !== null) return { kind: 'near', of: this.names.get(near.id), similarity: near.similarity };
    }
    this.register(words, signature, name);
    return null;
  }

  private findExact(words: Uint32Array): number {
    let found = EMPTY;
    this.exact.forEach(words[0] ?? 0, (id) => {
      if (found !== EMPTY) return;
      const base = id * EXACT_WORDS;
      let same = true;
      for (let w = 1; w < EXACT_WORDS; w++) if (this.exactHashes[base + w] !== words[w]) same = false;
      if (same) found = id;
    });
    return found;
  }

  private nearest(signature: ArrayLike<number>): { id: number; similarity: number } | null {
    let bestId = EMPTY;
    let bestSimilarity = 0;
    const seen: number[] = [];
    for (let band = 0; band < BANDS; band++) {
      this.bands.forEach(bandKey(signature, band), (id) => {
        if (seen.includes(id)) return;
        seen.push(id);
        const s = this.similarityTo(id, signature);
        if (s >= NEAR_DUPLICATE_THRESHOLD && (bestId === EMPTY || s > bestSimilarity || (s === bestSimilarity && id < bestId))) {
          bestId = id;
          bestSimilarity = s;
        }
      });
    }
    return bestId === EMPTY ? null : { id: bestId, similarity: bestSimilarity };
  }

  private similarityTo(id: number, signature: ArrayLike<number>): number {
    const base = id * MINHASH_SLOTS;
    let same = 0;
    for (let i = 0; i < MINHASH_SLOTS; i++) if (this.signatures[base + i] === signature[i]) same++;
    return same / MINHASH_SLOTS;
  }

  private register(words: Uint32Array, signature: ArrayLike<number> | null, name: string): void {
    const id = this.names.add(name);
    this.exactHashes = ensure(this.exactHashes, (id + 1) * EXACT_WORDS);
    this.exactHashes.set(words, id * EXACT_WORDS);
    this.exact.add(words[0] ?? 0, id);
    if (signature === null) return;
    this.signatures = ensure(this.signatures, (id + 1) * MINHASH_SLOTS);
    for (let i = 0; i < MINHASH_SLOTS; i++) this.signatures[id * MINHASH_SLOTS + i] = signature[i] ?? 0;
    for (let band = 0; band < BANDS; band++) this.bands.add(bandKey(signature, band), id);
  }
}

/** `array`, or a copy twice as large (or as large as needed) when it holds fewer than `length` words. */
function ensure(array: Uint32Array<ArrayBuffer>, length: number): Uint32Array<ArrayBuffer> {
  if (length <= array.length) return array;
  const grown = new Uint32Array(Math.max(array.length * 2, length));
  grown.set(array);
  return grown;
}
