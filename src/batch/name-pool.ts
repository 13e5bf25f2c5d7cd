/**
 * Many short strings kept compactly: UTF-8 bytes end to end in one growing buffer, with their
 * end offsets in another, instead of one string object each. Adding is cheap; reading one back
 * decodes it (done only when a duplicate is reported).
 */

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** An append-only list of strings, numbered from 0. */
export class NamePool {
  private bytes = new Uint8Array(64 * 1024);
  private used = 0;
  /** `ends[i]` is where string i ends in `bytes`. */
  private ends = new Uint32Array(1024);
  private count = 0;

  /** How many strings were added. */
  get size(): number {
    return this.count;
  }

  /** Add a string; returns its number. */
  add(text: string): number {
    // A UTF-16 unit never takes more than three UTF-8 bytes.
    this.reserve(text.length * 3);
    this.used += encoder.encodeInto(text, this.bytes.subarray(this.used)).written;
    if (this.count === this.ends.length) {
      const ends = new Uint32Array(this.ends.length * 2);
      ends.set(this.ends);
      this.ends = ends;
    }
    this.ends[this.count] = this.used;
    return this.count++;
  }

  /** True when string `n` is `text` (compared as UTF-8, as the file system sees names). */
  equals(n: number, text: string): boolean {
    if (n < 0 || n >= this.count) return false;
    const start = n === 0 ? 0 : (this.ends[n - 1] ?? 0);
    const end = this.ends[n] ?? start;
    if (end - start > text.length * 3 || end - start < text.length) return false;
    this.reserve(text.length * 3);
    const scratch = this.bytes.subarray(this.used);
    const written = encoder.encodeInto(text, scratch).written;
    if (written !== end - start) return false;
    for (let i = 0; i < written; i++) if (scratch[i] !== this.bytes[start + i]) return false;
    return true;
  }

  /** The string numbered `n` (`''` when there is none). */
  get(n: number): string {
    if (n < 0 || n >= this.count) return '';
    const start = n === 0 ? 0 : (this.ends[n - 1] ?? 0);
    return decoder.decode(this.bytes.subarray(start, this.ends[n] ?? start));
  }

  private reserve(extra: number): void {
    if (this.used + extra <= this.bytes.length) return;
    const bytes = new Uint8Array(Math.max(this.bytes.length * 2, this.used + extra));
    bytes.set(this.bytes.subarray(0, this.used));
    this.bytes = bytes;
  }
}
