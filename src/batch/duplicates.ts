/**
 * Duplicate groups over a batch, decided in input order: the first article of a group is its
 * original; a later one is an exact duplicate (same normalised title and body) or a near
 * duplicate (MinHash similarity at or above the threshold, found through locality-sensitive
 * hashing bands so that no pairwise comparison of the whole batch is needed).
 *
 * Only originals are indexed, and compactly, since the index lives as long as the batch: one
 * record of 116 bytes per original, 20 bytes of table buckets and the name (see docs/batch.md),
 * in typed arrays that grow a block at a time; no object per input.
 */

import { ChainTable, END, type Chains } from './chain-table.js';
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
/** No original. */
const EMPTY = -1;

/**
 * An original's record, in 32-bit words: for each band, its slots (16 bits each, two to a word)
 * and the link of its band entry, so that walking a chain of band entries reads one place per
 * entry; then the exact hash and the link of the original in the exact table.
 */
const BAND_WORDS = ROWS / 2 + 1;
const BAND_LINK = ROWS / 2;
const EXACT_AT = BANDS * BAND_WORDS;
const EXACT_LINK = EXACT_AT + EXACT_WORDS;
const RECORD_WORDS = EXACT_LINK + 1;
/** Records are kept in blocks of 2^10 originals. */
const BLOCK_BITS = 10;
const BLOCK_MASK = (1 << BLOCK_BITS) - 1;
/**
 * Entries per bucket of the tables (see ChainTable): a lookup walks a chain of about this many
 * entries; a bucket costs 4 bytes.
 */
const BAND_LOAD = 2;
const EXACT_LOAD = 1;

/** A later article matching an earlier one. */
export interface DuplicateMatch {
  kind: 'exact' | 'near';
  /** The name the original was registered under. */
  of: string;
  similarity: number;
}

/**
 * The index keeps the low 16 bits of each signature slot: two different slot values agree there
 * by chance once in 65,536, which moves a similarity estimate (a share of 32 slots) by 1/32 about
 * once in 2,000 comparisons of unrelated articles, and halves what an original costs.
 */
const SLOT_MASK = 0xffff;

/** The key of LSH band `band`, whose slots are `values[start]` … `values[start + ROWS − 1]` (low 16 bits of each). */
function bandKey(values: ArrayLike<number>, start: number, band: number): number {
  let h = Math.imul(band + 1, 0x9e3779b1);
  for (let r = 0; r < ROWS; r++) {
    h ^= (values[start + r] ?? 0) & SLOT_MASK;
    h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
  }
  return h >>> 0;
}

/** The four 32-bit words of a 32-hex-digit exact hash. */
function exactWords(hex: string, into: Int32Array): Int32Array {
  for (let w = 0; w < EXACT_WORDS; w++) into[w] = Number.parseInt(hex.slice(w * 8, w * 8 + 8), 16);
  return into;
}

/** Stand in for blocks that are not there (never the case). */
const NO_WORDS = new Int32Array(0);
const NO_SLOTS = new Uint16Array(0);

/** The index of originals met so far. */
export class DuplicateIndex {
  private readonly names = new NamePool();
  /** Records by original id, in blocks; ids without a signature leave their band words unused. */
  private readonly words: Int32Array[] = [];
  /** The same blocks seen as 16-bit slots. */
  private readonly slots: Uint16Array[] = [];
  /** Original ids by the first word of their exact hash. */
  private readonly exact: ChainTable;
  /**
   * `id * BANDS + band` by LSH band key (band keys of all bands share the table, as the keys mix
   * in the band).
   */
  private readonly bands: ChainTable;
  private readonly hash = new Int32Array(EXACT_WORDS);
  private compared = 0;

  constructor() {
    const exactChains: Chains = {
      keyOf: (id) => this.recordWords(id)[this.recordBase(id) + EXACT_AT] ?? 0,
      next: (id) => this.recordWords(id)[this.recordBase(id) + EXACT_LINK] ?? END,
      setNext: (id, next) => {
        this.recordWords(id)[this.recordBase(id) + EXACT_LINK] = next;
      },
    };
    const bandChains: Chains = {
      keyOf: (entry) => this.bandKeyOf(entry),
      next: (entry) => this.recordWords(entry >>> BAND_BITS)[this.bandLinkAt(entry)] ?? END,
      setNext: (entry, next) => {
        this.recordWords(entry >>> BAND_BITS)[this.bandLinkAt(entry)] = next;
      },
    };
    this.exact = new ChainTable(exactChains, EXACT_LOAD);
    this.bands = new ChainTable(bandChains, BAND_LOAD);
  }

  /** Signatures compared so far (candidates the bands brought up): a measure of the index's work. */
  get comparisons(): number {
    return this.compared;
  }

  /** Find an earlier original for `fingerprint`; when there is none, register it as an original under `name`. */
  check(fingerprint: Fingerprint, name: string): DuplicateMatch | null {
    const hash = exactWords(fingerprint.exact, this.hash);
    const exactId = this.findExact(hash);
    if (exactId !== EMPTY) return { kind: 'exact', of: this.names.get(exactId), similarity: 1 };
    const signature = fingerprint.minhash;
    if (signature !== null) {
      const near = this.nearest(signature);
      if (near !== null) return { kind: 'near', of: this.names.get(near.id), similarity: near.similarity };
    }
    this.register(hash, signature, name);
    return null;
  }

  /** The block holding the record of original `id`. */
  private recordWords(id: number): Int32Array {
    return this.words[id >>> BLOCK_BITS] ?? NO_WORDS;
  }

  /** Where the record of original `id` starts in its block, in words. */
  private recordBase(id: number): number {
    return (id & BLOCK_MASK) * RECORD_WORDS;
  }

  /** Where the link of band entry `id * BANDS + band` is in its block. */
  private bandLinkAt(entry: number): number {
    return this.recordBase(entry >>> BAND_BITS) + (entry & (BANDS - 1)) * BAND_WORDS + BAND_LINK;
  }

  /** The band key of band entry `id * BANDS + band`, from the original's slots. */
  private bandKeyOf(entry: number): number {
    const id = entry >>> BAND_BITS;
    const band = entry & (BANDS - 1);
    return bandKey(this.slots[id >>> BLOCK_BITS] ?? NO_SLOTS, (this.recordBase(id) + band * BAND_WORDS) * 2, band);
  }

  /** The original whose exact hash is `hash` (`EMPTY` when there is none; there is at most one). */
  private findExact(hash: Int32Array): number {
    for (let id = this.exact.first(hash[0] ?? 0); id !== END; ) {
      const words = this.recordWords(id);
      const base = this.recordBase(id) + EXACT_AT;
      let same = true;
      for (let w = 0; w < EXACT_WORDS; w++) if (words[base + w] !== hash[w]) same = false;
      if (same) return id;
      id = words[base + EXACT_WORDS] ?? END;
    }
    return EMPTY;
  }

  /**
   * The most similar original at or above the threshold among those sharing a band key with
   * `signature` (the earliest of equally similar ones).
   */
  private nearest(signature: ArrayLike<number>): { id: number; similarity: number } | null {
    let bestId = EMPTY;
    let bestSimilarity = 0;
    const seen: number[] = [];
    for (let band = 0; band < BANDS; band++) {
      const key = bandKey(signature, band * ROWS, band);
      for (let entry = this.bands.first(key); entry !== END; ) {
        const id = entry >>> BAND_BITS;
        const at = this.recordBase(id) + (entry & (BANDS - 1)) * BAND_WORDS;
        // The chain also holds entries of other keys in the same bucket.
        if (this.bandKeyOf(entry) === key && !seen.includes(id)) {
          seen.push(id);
          const s = this.similarityTo(id, signature);
          if (s >= NEAR_DUPLICATE_THRESHOLD && (bestId === EMPTY || s > bestSimilarity || (s === bestSimilarity && id < bestId))) {
            bestId = id;
            bestSimilarity = s;
          }
        }
        entry = this.recordWords(id)[at + BAND_LINK] ?? END;
      }
    }
    return bestId === EMPTY ? null : { id: bestId, similarity: bestSimilarity };
  }

  private similarityTo(id: number, signature: ArrayLike<number>): number {
    this.compared++;
    const slots = this.slots[id >>> BLOCK_BITS] ?? NO_SLOTS;
    const base = this.recordBase(id) * 2;
    let same = 0;
    for (let band = 0; band < BANDS; band++) {
      const at = base + band * BAND_WORDS * 2;
      for (let r = 0; r < ROWS; r++) if (slots[at + r] === ((signature[band * ROWS + r] ?? 0) & SLOT_MASK)) same++;
    }
    return same / MINHASH_SLOTS;
  }

  private register(hash: Int32Array, signature: ArrayLike<number> | null, name: string): void {
    if (this.names.size >= MAX_ORIGINALS) return; // beyond the limit, later articles are not indexed
    const id = this.names.add(name);
    if (id >>> BLOCK_BITS === this.words.length) {
      const block = new ArrayBuffer((RECORD_WORDS << BLOCK_BITS) * 4);
      this.words.push(new Int32Array(block));
      this.slots.push(new Uint16Array(block));
    }
    const words = this.recordWords(id);
    const base = this.recordBase(id);
    words.set(hash, base + EXACT_AT);
    this.exact.add(hash[0] ?? 0, id);
    if (signature === null) return;
    const slots = this.slots[id >>> BLOCK_BITS] ?? NO_SLOTS;
    for (let band = 0; band < BANDS; band++) {
      const at = (base + band * BAND_WORDS) * 2;
      for (let r = 0; r < ROWS; r++) slots[at + r] = (signature[band * ROWS + r] ?? 0) & SLOT_MASK;
      this.bands.add(bandKey(signature, band * ROWS, band), id * BANDS + band);
    }
  }
}
