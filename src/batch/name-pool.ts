/**
 * Many short strings kept compactly, as UTF-8 bytes in typed arrays instead of one string object
 * each. The names of a batch come in walk order, so a name mostly repeats the one before it (its
 * folders, and often the end of its file name): each name is stored as the number of bytes at its
 * start and at its end that it shares with the name before, and the bytes in between (front and
 * back coding). Every 16th name is stored whole, so reading a name back decodes at most 16 short
 * records; that is rare (a reported duplicate, a confirmed equal hash). Records are kept in chunks
 * of 64 KiB added as needed: nothing is copied to grow.
 */

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** A group of 2^4 names starts with a whole one. */
const GROUP_BITS = 4;
const GROUP_MASK = (1 << GROUP_BITS) - 1;
/** Records are kept in chunks of 2^16 bytes (a group that does not fit moves to the next chunk). */
const CHUNK_BITS = 16;
const CHUNK = 1 << CHUNK_BITS;
/** Chunks are numbered in the high 16 bits of a group's start. */
const MAX_CHUNKS = 2 ** (32 - CHUNK_BITS);

/** Bytes of `n` as a variable-length number (7 bits a byte). */
function numberSize(n: number): number {
  let size = 1;
  while (n >= 0x80) {
    n >>>= 7;
    size++;
  }
  return size;
}

/** `buffer` if it holds `length` bytes, else a larger empty one. */
function atLeast(buffer: Uint8Array<ArrayBuffer>, length: number): Uint8Array<ArrayBuffer> {
  return buffer.length >= length ? buffer : new Uint8Array(Math.max(length, buffer.length * 2));
}

/** An append-only list of strings, numbered from 0. */
export class NamePool {
  private readonly chunks: Uint8Array[] = [];
  /** The last chunk, which names are added to. */
  private chunk = new Uint8Array(0);
  private used = 0;
  /** Where each group's first record is: chunk number * 2^16 + offset (a group never spans chunks). */
  private starts = new Uint32Array(64);
  private count = 0;
  /** UTF-8 of the last name added. */
  private last = new Uint8Array(256);
  private lastLength = 0;
  /** UTF-8 of the string being added or compared. */
  private scratch = new Uint8Array(256);
  /** A name being decoded. */
  private out = new Uint8Array(256);
  /** The longest name so far, in bytes. */
  private longest = 0;
  /** Where `decode` reads next in its chunk. */
  private readAt = 0;

  /** How many strings were added. */
  get size(): number {
    return this.count;
  }

  /** Add a string; returns its number. */
  add(text: string): number {
    const length = this.encode(text);
    const bytes = this.scratch;
    const last = this.last;
    const restart = (this.count & GROUP_MASK) === 0;
    let same = 0;
    let tail = 0;
    if (!restart) {
      const shorter = Math.min(length, this.lastLength);
      while (same < shorter && bytes[same] === last[same]) same++;
      while (tail < shorter - same && bytes[length - 1 - tail] === last[this.lastLength - 1 - tail]) tail++;
    }
    const middle = length - same - tail;
    const size = numberSize(same) + numberSize(tail) + numberSize(middle) + middle;
    if (this.used + size > this.chunk.length) this.nextChunk(restart, size);
    if (restart) {
      if (this.count >>> GROUP_BITS === this.starts.length) {
        const starts = new Uint32Array(this.starts.length * 2);
        starts.set(this.starts);
        this.starts = starts;
      }
      this.starts[this.count >>> GROUP_BITS] = (this.chunks.length - 1) * CHUNK + this.used;
    }
    this.used = this.writeNumber(this.writeNumber(this.writeNumber(this.used, same), tail), middle);
    const chunk = this.chunk;
    for (let i = 0; i < middle; i++) chunk[this.used + i] = bytes[same + i] ?? 0;
    this.used += middle;
    this.scratch = last;
    this.last = bytes;
    this.lastLength = length;
    this.longest = Math.max(this.longest, length);
    return this.count++;
  }

  /** True when string `n` is `text` (compared as UTF-8, as the file system sees names). */
  equals(n: number, text: string): boolean {
    if (n < 0 || n >= this.count) return false;
    const length = this.decode(n);
    if (length > text.length * 3 || length < text.length) return false;
    if (this.encode(text) !== length) return false;
    const out = this.out;
    const bytes = this.scratch;
    for (let i = 0; i < length; i++) if (bytes[i] !== out[i]) return false;
    return true;
  }

  /** The string numbered `n` (`''` when there is none). */
  get(n: number): string {
    if (n < 0 || n >= this.count) return '';
    const length = this.decode(n); // first: decoding may make `out` larger
    return decoder.decode(this.out.subarray(0, length));
  }

  /** UTF-8 of `text` into `scratch`; returns its length. */
  private encode(text: string): number {
    // A UTF-16 unit never takes more than three UTF-8 bytes.
    this.scratch = atLeast(this.scratch, text.length * 3);
    return encoder.encodeInto(text, this.scratch).written;
  }

  /** Decode string `n` into `out`; returns its length. */
  private decode(n: number): number {
    const start = this.starts[n >>> GROUP_BITS] ?? 0;
    const chunk = this.chunks[Math.floor(start / CHUNK)] ?? this.chunk;
    this.out = atLeast(this.out, this.longest);
    const out = this.out;
    this.readAt = start % CHUNK;
    let length = 0;
    for (let k = n & GROUP_MASK; k >= 0; k--) {
      const same = this.readNumber(chunk);
      const tail = this.readNumber(chunk);
      const middle = this.readNumber(chunk);
      // this name: the start of the one before, its own middle bytes, the end of the one before
      out.copyWithin(same + middle, length - tail, length);
      out.set(chunk.subarray(this.readAt, this.readAt + middle), same);
      this.readAt += middle;
      length = same + middle + tail;
    }
    return length;
  }

  /** Read a variable-length number at `readAt` in `chunk` (as writeNumber wrote it) and move past it. */
  private readNumber(chunk: Uint8Array): number {
    let value = 0;
    let shift = 0;
    for (;;) {
      const byte = chunk[this.readAt++] ?? 0;
      value += (byte & 0x7f) * 2 ** shift;
      shift += 7;
      if (byte < 0x80) return value;
    }
  }

  /** Append `n` as a variable-length number at `at` in the chunk; returns where it ends. */
  private writeNumber(at: number, n: number): number {
    const chunk = this.chunk;
    while (n >= 0x80) {
      chunk[at++] = (n & 0x7f) | 0x80;
      n >>>= 7;
    }
    chunk[at++] = n;
    return at;
  }

  /**
   * Start a new chunk with room for a record of `size` bytes. A group never spans chunks: unless
   * the record starts a group, the records of its group so far move along (the chunk they leave
   * keeps the bytes, unused; when they were the whole chunk, the new chunk takes its place).
   */
  private nextChunk(restart: boolean, size: number): void {
    const groupStart = restart ? this.used : (this.starts[this.count >>> GROUP_BITS] ?? 0) % CHUNK;
    const group = this.chunk.subarray(groupStart, this.used);
    // A chunk larger than usual (for long names) is made just large enough, so that no later
    // group starts beyond the first 2^16 bytes of a chunk.
    const chunk = new Uint8Array(Math.max(CHUNK, group.length + size));
    chunk.set(group);
    if (groupStart === 0 && this.chunks.length > 0) this.chunks[this.chunks.length - 1] = chunk;
    else if (this.chunks.length < MAX_CHUNKS) this.chunks.push(chunk);
    else throw new RangeError('names take more than 4 GiB');
    this.chunk = chunk;
    this.used = group.length;
    if (!restart) this.starts[this.count >>> GROUP_BITS] = (this.chunks.length - 1) * CHUNK;
  }
}
