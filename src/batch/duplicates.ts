/**
 * Duplicate groups over a batch, decided in input order: the first article of a group is its
 * original; a later one is an exact duplicate (same normalised title and body) or a near
 * duplicate (MinHash similarity at or above the threshold, found through locality-sensitive
 * hashing bands so that no pairwise comparison of the whole batch is needed).
 *
 * Only originals are indexed, and compactly, since the index lives as long as the batch: about
 * 170 bytes and the name per original (see docs/batch.md) in a few typed arrays, no object per
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
/** Per-original records are kept in blocks of 2^10 originals. */
const BLOCK_BITS = 10;
const BLOCK_MASK = (1 << BLOCK_BITS) - 1;

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

/** The key of one LSH band of the signature that starts at `base` in `signatures` (low 16 bits of each slot). */
function bandKey(signatures: ArrayLike<number>, base: number, band: number): number {
  let h = Math.imul(band + 1, 0x9e3779b1);
  for (let r = 0; r < ROWS; r++) {
    h ^= (signatures[base + band * ROWS + r] ?? 0) & SLOT_MASK;
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
 * Fixed-width records of 32-bit (or 16-bit) words by original id, in blocks of 1024 records: they
 * grow a block at a time, so that nothing is copied and at most one block is unused (a single
 * doubling array would be up to half empty, and for a moment held twice).
 */
class RecordBlocks<Words extends Uint32Array | Uint16Array> {
  private readonly blocks: Words[] = [];

  constructor(
    private readonly width: number,
    private readonly make: (length: number) => Words,
    private readonly empty: Words,
  ) {}

  /** The block holding record `id` (an empty array when there is none). */
  block(id: number): Words {
    return this.blocks[id >>> BLOCK_BITS] ?? this.empty;
  }

  /** Where record `id` starts in its block. */
  offset(id: number): number {
    return (id & BLOCK_MASK) * this.width;
  }

  /** Make room for record `id`. */
  reserve(id: number): void {
    while (this.blocks.length <= id >>> BLOCK_BITS) this.blocks.push(this.make(this.width << BLOCK_BITS));
  }
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
    for (let i = 0; i < slots.length; i++) {
      const entry = slots[i] ?? EMPTY;
      if (entry !== EMPTY) this.place(this.keyOf(entry), entry);
    }
  }
}

/** The index of originals met so far. */
export class DuplicateIndex {
  private readonly names = new NamePool();
  /** Exact hashes by original id, four words each. */
  private readonly exactHashes = new RecordBlocks(EXACT_WORDS, (n) => new Uint32Array(n), new Uint32Array(0));
  /** Original ids by the first word of their exact hash. */
  private readonly exact = new EntryTable((id) => this.exactHashes.block(id)[this.exactHashes.offset(id)] ?? 0);
  /**
   * `id × BANDS + band` by LSH band key (band keys of all bands share the table, as the keys mix
   * in the band).
   */
  private readonly bands = new EntryTable((entry) => {
    const id = entry >>> BAND_BITS;
    return bandKey(this.signatures.block(id), this.signatures.offset(id), entry & (BANDS - 1));
  });
  /** Signatures by original id (low 16 bits of each slot); ids without a signature leave their slots unused. */
  private readonly signatures = new RecordBlocks(MINHASH_SLOTS, (n) => new Uint16Array(n), new Uint16Array(0));
  private readonly words = new Uint32Array(EXACT_WORDS);
  private compared = 0;

  /** Signatures compared so far (candidates the bands brought up): a measure of the index's work. */
  get comparisons(): number {
    return this.compared;
  }

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
      const hashes = this.exactHashes.block(id);
      const base = this.exactHashes.offset(id);
      let same = true;
      for (let w = 1; w < EXACT_WORDS; w++) if (hashes[base + w] !== words[w]) same = false;
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
    this.compared++;
    const signatures = this.signatures.block(id);
    const base = this.signatures.offset(id);
    let same = 0;
    for (let i = 0; i < MINHASH_SLOTS; i++) if (signatures[base + i] === ((signature[i] ?? 0) & SLOT_MASK)) same++;
    return same / MINHASH_SLOTS;
  }

  private register(words: Uint32Array, signature: ArrayLike<number> | null, name: string): void {
    if (this.names.size >= MAX_ORIGINALS) return; // beyond the limit, later articles are not indexed
    const id = this.names.add(name);
    this.exactHashes.reserve(id);
    this.exactHashes.block(id).set(words, this.exactHashes.offset(id));
    this.exact.add(words[0] ?? 0, id);
    if (signature === null) return;
    this.signatures.reserve(id);
    const signatures = this.signatures.block(id);
    const base = this.signatures.offset(id);
    for (let i = 0; i < MINHASH_SLOTS; i++) signatures[base + i] = (signature[i] ?? 0) & SLOT_MASK;
    for (let band = 0; band < BANDS; band++) this.bands.add(bandKey(signature, 0, band), id * BANDS + band);
  }
}
