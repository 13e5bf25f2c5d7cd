/**
 * A text's UTF-16 code units copied into a typed array kept between calls, for passes that read
 * every unit: a typed array read costs less than `charCodeAt`, and on a little-endian machine
 * Node's UTF-16 encoder copies the units in one native call. Each pass keeps a copy of its own
 * (a pass may call another that reads units while it still reads its own).
 */

import { LITTLE_ENDIAN } from './unicode-props.js';

/** Units a copy starts with, and keeps at least. */
const MIN_UNITS = 4096;
/** A copy that grew past this many units for one long text is let go after it (see `release`). */
export const KEEP_UNITS = 65536;

export class UnitCopy {
  private array = new Uint16Array(MIN_UNITS);
  private bytes = Buffer.from(this.array.buffer);
  private words = new Uint32Array(this.array.buffer);

  /**
   * The first `n` units of `text` (n at most text.length), valid until the next call; entries from
   * `n` on are left as they were.
   */
  of(text: string, n: number = text.length): Uint16Array {
    if (this.array.length < n || this.array.length > KEEP_UNITS) this.allocate(n);
    if (LITTLE_ENDIAN) this.bytes.write(text, 0, n * 2, 'utf16le');
    else for (let i = 0; i < n; i++) this.array[i] = text.charCodeAt(i);
    return this.array;
  }

  /** The units of the last `of` two at a time (on a little-endian machine the first in the low half). */
  get pairs(): Uint32Array {
    return this.words;
  }

  /**
   * Let go of a copy grown past KEEP_UNITS for one long text, now rather than at the next call:
   * a pass over a text of 10 million units would otherwise keep 20 MB while the library sits idle.
   */
  release(): void {
    if (this.array.length > KEEP_UNITS) this.allocate(MIN_UNITS);
  }

  /** A new array with room for `n` units (at least MIN_UNITS), and its two other views. */
  private allocate(n: number): void {
    // an even length, so that `pairs` covers every unit
    this.array = new Uint16Array((Math.max(n, MIN_UNITS) + 1) & ~1);
    this.bytes = Buffer.from(this.array.buffer);
    this.words = new Uint32Array(this.array.buffer);
  }

  /** The number of units the copy has room for (for tests). */
  get capacity(): number {
    return this.array.length;
  }
}
