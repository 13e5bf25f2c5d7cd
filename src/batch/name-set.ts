/**
 * A set of names kept off the JavaScript heap: the names in a `NamePool`, found again through a
 * chained table of their numbers keyed by a 32-bit hash (kept for each name, so that a chain is
 * walked without decoding names). Exact: equal hashes are confirmed by comparing the names
 * themselves. About 10 bytes per name besides the name itself.
 */

import { ChainTable, END } from './chain-table.js';
import { NamePool } from './name-pool.js';

/** Names per bucket of the table: chains of about two names, a 32-bit bucket for two names. */
const LOAD = 2;
/** Records are kept in blocks of 2^10 names. */
const BLOCK_BITS = 10;
const BLOCK_MASK = (1 << BLOCK_BITS) - 1;
/** Stands in for a block that is not there (never the case). */
const NO_RECORDS = new Int32Array(0);

/** FNV-1a over UTF-16 units, finished with a mix so that the high bits spread (a signed 32-bit number, as kept). */
export function hashName(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h;
}

/** A growing set of strings. */
export class NameSet {
  private readonly pool = new NamePool();
  /** For each name, by number: its hash and the link to the next name in its chain (two words). */
  private readonly records: Int32Array[] = [];
  /** Name numbers by hash. */
  private readonly table = new ChainTable(
    {
      keyOf: (id) => this.recordBlock(id)[(id & BLOCK_MASK) * 2] ?? 0,
      next: (id) => this.recordBlock(id)[(id & BLOCK_MASK) * 2 + 1] ?? END,
      setNext: (id, next) => {
        this.recordBlock(id)[(id & BLOCK_MASK) * 2 + 1] = next;
      },
    },
    LOAD,
  );

  /** Add `name`; false when it was already there. */
  add(name: string): boolean {
    const h = hashName(name);
    for (let id = this.table.first(h); id !== END; ) {
      const records = this.recordBlock(id);
      const at = (id & BLOCK_MASK) * 2;
      if (records[at] === h && this.pool.equals(id, name)) return false;
      id = records[at + 1] ?? END;
    }
    const id = this.pool.add(name);
    if (id >>> BLOCK_BITS === this.records.length) this.records.push(new Int32Array(2 << BLOCK_BITS));
    this.recordBlock(id)[(id & BLOCK_MASK) * 2] = h;
    this.table.add(h, id);
    return true;
  }

  private recordBlock(id: number): Int32Array {
    return this.records[id >>> BLOCK_BITS] ?? NO_RECORDS;
  }
}
