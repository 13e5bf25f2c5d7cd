/**
 * A byte buffer reused from one use to the next: a converting thread reads each input file into
 * one and encodes each output into another before writing it, and standard output encodes each
 * record into one. A fresh buffer per use would be a few KB of memory outside the JavaScript heap
 * each time, freed only when the collector gets to the small object that owns it; over a long
 * batch, enough of those wait for a full collection that a thread's memory grows with the number
 * of inputs. Buffers of up to `KEEP_BYTES` are kept; larger ones (rare, large inputs) are made
 * for the one use.
 */

/** The largest buffer kept for the next input. */
export const KEEP_BYTES = 1024 * 1024;
const FIRST_BYTES = 64 * 1024;

export class ScratchBuffer {
  private kept: Buffer | null = null;

  /**
   * A buffer of at least `size` bytes. Its contents are valid only until the next call: callers
   * use it synchronously and copy what they keep.
   */
  get(size: number): Buffer {
    const kept = this.kept;
    if (kept !== null && kept.length >= size) return kept;
    if (size > KEEP_BYTES) return Buffer.allocUnsafe(size);
    const made = Buffer.allocUnsafe(Math.max(FIRST_BYTES, size <= KEEP_BYTES / 2 ? size * 2 : KEEP_BYTES));
    this.kept = made;
    return made;
  }
}
