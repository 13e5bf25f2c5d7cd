/**
 * Duplicate groups over a batch, decided in input order: the first article of a group is its
 * original; a later one is an exact duplicate (same normalised title and body) or a near
 * duplicate (MinHash similarity at or above the threshold, found through locality-sensitive
 * hashing bands so that no pairwise comparison of the whole batch is needed).
 *
 * Only originals are indexed; signatures live in one growing typed array.
 */

import { MINHASH_SLOTS } from './fingerprint.js';
import type { Fingerprint } from './types.js';

/** Estimated shingle-set similarity from which two articles count as near duplicates. */
export const NEAR_DUPLICATE_THRESHOLD = 0.8;
/** LSH bands × rows = slots; 8 × 4 finds pairs at similarity 0.8 with probability ≈ 0.985, at 0.9 ≈ 0.9998. */
const BANDS = 8;
const ROWS = MINHASH_SLOTS / BANDS;

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

/** The index of originals met so far. */
export class DuplicateIndex {
  private readonly exact = new Map<string, number>();
  private readonly names: string[] = [];
  private readonly buckets = new Map<number, number | number[]>();
  private signatures = new Uint32Array(MINHASH_SLOTS * 64);

  /** Find an earlier original for `fingerprint`; when there is none, register it as an original under `name`. */
  check(fingerprint: Fingerprint, name: string): DuplicateMatch | null {
    const exactId = this.exact.get(fingerprint.exact);
    if (exactId !== undefined) return { kind: 'exact', of: this.names[exactId] ?? '', similarity: 1 };
    const signature = fingerprint.minhash;
    if (signature !== null) {
      const near = this.nearest(signature);
      if (near !== null) return { kind: 'near', of: this.names[near.id] ?? '', similarity: near.similarity };
    }
    this.register(fingerprint, name);
    return null;
  }

  private nearest(signature: readonly number[]): { id: number; similarity: number } | null {
    let best: { id: number; similarity: number } | null = null;
    const seen = new Set<number>();
    for (let band = 0; band < BANDS; band++) {
      const bucket = this.buckets.get(bandKey(signature, band));
      if (bucket === undefined) continue;
      for (const id of typeof bucket === 'number' ? [bucket] : bucket) {
        if (seen.has(id)) continue;
        seen.add(id);
        const s = this.similarityTo(id, signature);
        if (s >= NEAR_DUPLICATE_THRESHOLD && (best === null || s > best.similarity || (s === best.similarity && id < best.id))) best = { id, similarity: s };
      }
    }
    return best;
  }

  private similarityTo(id: number, signature: readonly number[]): number {
    const base = id * MINHASH_SLOTS;
    let same = 0;
    for (let i = 0; i < MINHASH_SLOTS; i++) if (this.signatures[base + i] === signature[i]) same++;
    return same / MINHASH_SLOTS;
  }

  private register(fingerprint: Fingerprint, name: string): void {
    const id = this.names.length;
    this.names.push(name);
    this.exact.set(fingerprint.exact, id);
    const signature = fingerprint.minhash;
    if (signature === null) return;
    // Signatures are stored by original id; ids without a signature leave their slots unused.
    if ((id + 1) * MINHASH_SLOTS > this.signatures.length) {
      const grown = new Uint32Array(Math.max(this.signatures.length * 2, (id + 1) * MINHASH_SLOTS));
      grown.set(this.signatures);
      this.signatures = grown;
    }
    this.signatures.set(signature, id * MINHASH_SLOTS);
    for (let band = 0; band < BANDS; band++) {
      const key = bandKey(signature, band);
      const bucket = this.buckets.get(key);
      if (bucket === undefined) this.buckets.set(key, id);
      else if (typeof bucket === 'number') this.buckets.set(key, [bucket, id]);
      else bucket.push(id);
    }
  }
}
