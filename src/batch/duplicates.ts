/**
 * Duplicate groups over a batch, decided in input order: the first article of a group is its
 * original; a later one is an exact duplicate (same normalised title and body) or a near
 * duplicate (MinHash similarity at or above the threshold, found through locality-sensitive
 * hashing bands so that no pairwise comparison of the whole batch is needed).
 *
 * Only originals are indexed, and compactly, since the index lives as long as the batch: about
 * 230 bytes and the name per original (see docs/batch.md) in a few typed arrays, no object per
 * input.
 */

import { MINHASH_SLOTS } from './fingerprint.js';
import { NamePool } from './name-pool.js';
import type { Fingerprint } from './types.js';

/** Estimated shingle-set similarity from which two articles count as near duplicates. */
export const NEAR_DUPLICATE_THRESHOLD = 0.8;
/** LSH bands × rows = slots; 8 × 4 finds pairs at similarity 0.8 with probability ≈ 0.985, at 0.9 ≈ 0.9998. */
const BANDS = 8;
const BAND_BITS = 3;
const ROWS = MINHASH_SLOTS / BANDS;
/** Band entries are `id × BANDS + band` in 31 bits. */
const MAX_ORIGINALS = 2 ** (31 - BAND_BITS);
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

/** The key of one LSH band of the signature that starts at `base` in `signatures`. */
function bandKey(signatures: ArrayLike<number>, base: number, band: number): number {
  let h = Math.imul(band + 1, 0x9e3779b1);
  for (let r = 0; r < ROWS; r++) {
    h ^= signatures[base + band * ROWS + r] ?? 0;
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
 * A multimap from 32-bit keys to entries (non-negative 32-bit numbers), in one Int32Array with
 * linear probing: every entry has its own slot, and a lookup visits the entries of its key up to
 * the first empty slot. Keys are not stored: `keyOf` works them out again from the entry (from
 * the signatures and hashes kept anyway), which halves the table. Kept at most half full.
 */
class EntryTable {
  private bits = 10;
  private slots = new Int32Array(1 << this.bits).fill(EMPTY);
  private size = 0;

  constructor(private readonly keyOf: (entry: number) => number) {}

  add(key: number, entry: number): void {
    if ((this.size + 1) * 2 > this.slots.length) this.grow();
    this.place(key, entry);
    this.size++;
  }

  /** Call `each` for every entry stored under `key`. */
  forEach(key: number, each: (entry: number) => void): void {
    const mask = this.slots.length - 1;
    for (let slot = home(key, this.bits); ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot] ?? EMPTY;
      if (entry === EMPTY) return;
      if (this.keyOf(entry) === key) each(entry);
    }
  }

  private place(key: number, entry: number): void {
    const mask = this.slots.length - 1;
    let slot = home(key, this.bits);
    while (this.slots[slot] !== EMPTY) slot = (slot + 1) & mask;
    this.slots[slot] = entry;
  }

  private grow(): void {
    const slots = this.slots;
    this.bits++;
    this.slots = new Int32Array(1 << this.bits).fill(EMPTY);
    for (const entry of slots) if (entry !== EMPTY) this.place(this.keyOf(entry), entry);
  }
}

/** The index of originals met so far. */
export class DuplicateIndex {
  private readonly names = new NamePool();
  /** Exact hashes by original id, four words each. */
  private exactHashes = new Uint32Array(EXACT_WORDS * 1024);
  /** Original ids by the first word of their exact hash. */
  private readonly exact = new EntryTable((id) => this.exactHashes[id * EXACT_WORDS] ?? 0);
  /**
   * `id × BANDS + band` by LSH band key (band keys of all bands share the table, as the keys mix
   * in the band).
   */
  private readonly bands = new EntryTable((entry) => bandKey(this.signatures, (entry >>> BAND_BITS) * MINHASH_SLOTS, entry & (BANDS - 1)));
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
      this.bands.forEach(bandKey(signature, 0, band), (entry) => {
        const id = entry >>> BAND_BITS;
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
    if (this.names.size >= MAX_ORIGINALS) return; // beyond the limit, later articles are not indexed
    const id = this.names.add(name);
    this.exactHashes = ensure(this.exactHashes, (id + 1) * EXACT_WORDS);
    this.exactHashes.set(words, id * EXACT_WORDS);
    this.exact.add(words[0] ?? 0, id);
    if (signature === null) return;
    this.signatures = ensure(this.signatures, (id + 1) * MINHASH_SLOTS);
    for (let i = 0; i < MINHASH_SLOTS; i++) this.signatures[id * MINHASH_SLOTS + i] = signature[i] ?? 0;
    for (let band = 0; band < BANDS; band++) this.bands.add(bandKey(signature, 0, band), id * BANDS + band);
  }
}

/** `array`, or a copy twice as large (or as large as needed) when it holds fewer than `length` words. */
function ensure(array: Uint32Array<ArrayBuffer>, length: number): Uint32Array<ArrayBuffer> {
  if (length <= array.length) return array;
  const grown = new Uint32Array(Math.max(array.length * 2, length));
  grown.set(array);
  return grown;
}
