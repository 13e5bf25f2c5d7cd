/**
 * A multimap from 32-bit keys to entries (dense non-negative numbers below 2^31, such as record
 * ids), in typed arrays that grow a block at a time: nothing is ever copied to grow.
 *
 * Entries hang in chains from buckets (separate chaining). The table keeps only the buckets (the
 * first entry of each chain); the owner keeps each entry's link to the next one, and works an
 * entry's key out again from what it keeps anyway. Kept next to the rest of an entry's record, the
 * link costs 4 bytes and no extra memory access when a chain is walked. The buckets grow by
 * linear hashing: one bucket is split in two whenever the table holds more than `load` entries
 * per bucket, so that chains stay short without ever doubling (and copying) the bucket array.
 */

/** End of a chain, and an empty bucket. */
export const END = -1;
/** Buckets are kept in blocks of 2^10. */
const BLOCK_BITS = 10;
const BLOCK = 1 << BLOCK_BITS;
const BLOCK_MASK = BLOCK - 1;
/** The table starts with one block of buckets. */
const FIRST_LEVEL = BLOCK_BITS;

/** What a table needs of its entries, which their owner keeps. */
export interface Chains {
  /** The key `entry` was added under. */
  keyOf(entry: number): number;
  /** The entry after `entry` in its chain (`END` at the end). */
  next(entry: number): number;
  setNext(entry: number, next: number): void;
}

/** Spreads a key's bits over the low bits, which pick its bucket (a bijection of 32-bit numbers). */
function spread(key: number): number {
  let h = Math.imul(key ^ (key >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return h ^ (h >>> 16);
}

/** A block of `BLOCK` empty buckets. */
function emptyBlock(): Int32Array {
  return new Int32Array(BLOCK).fill(END);
}

/** Stands in for a block that is not there (never the case): reads nothing, and writes to it are lost. */
const NONE = new Int32Array(0);

export class ChainTable {
  /** First entry of each bucket's chain, by bucket. */
  private readonly buckets: Int32Array[] = [emptyBlock()];
  /** There are `2^level + splits` buckets: buckets below `splits` are addressed by one more bit of the spread key. */
  private level = FIRST_LEVEL;
  private splits = 0;
  /** `2^level - 1` and `2^(level+1) - 1`: the low bits of a spread key that address its bucket before and after its split. */
  private low = 2 ** FIRST_LEVEL - 1;
  private high = 2 ** (FIRST_LEVEL + 1) - 1;
  private entries = 0;
  /** Entries above which the next bucket is split. */
  private limit: number;

  /**
   * @param chains The entries' keys and links.
   * @param load Entries per bucket above which a bucket is split: fewer buckets cost less, shorter chains less time.
   */
  constructor(
    private readonly chains: Chains,
    private readonly load: number,
  ) {
    this.limit = load * 2 ** FIRST_LEVEL;
  }

  /** Add `entry` under `key` (an entry is added once). */
  add(key: number, entry: number): void {
    const bucket = this.bucketOf(spread(key));
    const buckets = this.buckets[bucket >>> BLOCK_BITS] ?? NONE;
    this.chains.setNext(entry, buckets[bucket & BLOCK_MASK] ?? END);
    buckets[bucket & BLOCK_MASK] = entry;
    this.entries++;
    if (this.entries > this.limit) this.split();
  }

  /**
   * The first entry in the chain of `key`'s bucket (`END` when there is none); the owner follows
   * the links from there. The chain also holds entries of other keys that share the bucket: the
   * owner tells them apart.
   */
  first(key: number): number {
    const bucket = this.bucketOf(spread(key));
    return this.buckets[bucket >>> BLOCK_BITS]?.[bucket & BLOCK_MASK] ?? END;
  }

  private bucketOf(spreadKey: number): number {
    const low = spreadKey & this.low;
    return low < this.splits ? spreadKey & this.high : low;
  }

  /** Split the next bucket in turn: its entries whose next key bit is set move to a new bucket at the end. */
  private split(): void {
    const from = this.splits;
    const half = this.low + 1;
    const to = from + half;
    if (to >>> BLOCK_BITS === this.buckets.length) this.buckets.push(emptyBlock());
    const fromBlock = this.buckets[from >>> BLOCK_BITS] ?? NONE;
    const toBlock = this.buckets[to >>> BLOCK_BITS] ?? NONE;
    const chains = this.chains;
    let entry = fromBlock[from & BLOCK_MASK] ?? END;
    let stay = END;
    let move = END;
    while (entry !== END) {
      const next = chains.next(entry);
      if ((spread(chains.keyOf(entry)) & half) === 0) {
        chains.setNext(entry, stay);
        stay = entry;
      } else {
        chains.setNext(entry, move);
        move = entry;
      }
      entry = next;
    }
    fromBlock[from & BLOCK_MASK] = stay;
    toBlock[to & BLOCK_MASK] = move;
    this.splits++;
    this.limit += this.load;
    if (this.splits === half) {
      this.level++;
      this.splits = 0;
      this.low = this.high;
      this.high = 2 ** (this.level + 1) - 1;
    }
  }
}
