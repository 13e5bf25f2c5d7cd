/**
 * A set of names kept off the JavaScript heap: the names in a `NamePool`, found again through an
 * open-addressing table of their numbers keyed by a 32-bit hash. Exact: equal hashes are
 * confirmed by comparing the names themselves.
 */

import { NamePool } from './name-pool.js';

const EMPTY = -1;

/** FNV-1a over UTF-16 units, finished with a mix so that the high bits spread. */
function hashName(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}

/** A growing set of strings. */
export class NameSet {
  private readonly pool = new NamePool();
  /** Hash of each name, by number. */
  private hashes = new Uint32Array(1024);
  private bits = 11;
  /** Name numbers by hash; at most half full. */
  private slots = new Int32Array(1 << this.bits).fill(EMPTY);
  private size = 0;

  /** Add `name`; false when it was already there. */
  add(name: string): boolean {
    const h = hashName(name);
    const mask = this.slots.length - 1;
    let slot = h >>> (32 - this.bits);
    for (;;) {
      const id = this.slots[slot] ?? EMPTY;
      if (id === EMPTY) break;
      if (this.hashes[id] === h && this.pool.equals(id, name)) return false;
      slot = (slot + 1) & mask;
    }
    const id = this.pool.add(name);
    if (id >= this.hashes.length) {
      const hashes = new Uint32Array(this.hashes.length * 2);
      hashes.set(this.hashes);
      this.hashes = hashes;
    }
    this.hashes[id] = h;
    this.slots[slot] = id;
    this.size++;
    if (this.size * 2 > this.slots.length) this.grow();
    return true;
  }

  private grow(): void {
    this.bits++;
    const slots = new Int32Array(1 << this.bits).fill(EMPTY);
    const mask = slots.length - 1;
    for (let id = 0; id < this.size; id++) {
      let slot = (this.hashes[id] ?? 0) >>> (32 - this.bits);
      while (slots[slot] !== EMPTY) slot = (slot + 1) & mask;
      slots[slot] = id;
    }
    this.slots = slots;
  }
}
