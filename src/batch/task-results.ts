/**
 * A task's results packed into one byte buffer, which a worker moves to the runner instead of
 * sending an object graph: each result is encoded as soon as its input is done, and read back
 * only when the runner finishes that input. So no result is a JavaScript object for longer than
 * it takes to encode or finish it, on either side: objects that wait (a task's worth in the
 * worker, a few tasks' worth in the runner) outlive young-generation collections and fill the old
 * generation, and a garbage object there keeps what it points to alive until the next full
 * collection. The buffer itself lives outside the JavaScript heap.
 *
 * Layout (little-endian): count; `count + 1` record offsets; then per record the JSON of the
 * small fields (length-prefixed, UTF-8), the output (length-prefixed, −1 for none) and the
 * MinHash signature (word count, −1 for none, then the words).
 */

import { ScratchBuffer } from '../util/scratch-buffer.js';
import type { Fingerprint, TaskResult } from './types.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** A task's results, read one at a time. */
export interface TaskResults {
  readonly length: number;
  /** Result `i` (decoded afresh on each call for packed results). */
  get(i: number): TaskResult | undefined;
}

/** Results already held as objects (conversions in the calling thread). */
export function resultList(results: readonly TaskResult[]): TaskResults {
  return { length: results.length, get: (i) => results[i] };
}

/** The fields of a result carried as JSON (all but the output and the signature). */
type Small = Omit<TaskResult, 'output' | 'fingerprint'> & { exact: string | null };

// Results are built field by field, not with object spread or rest: objects made that way (from
// a parsed object) measurably outlived young-generation collections in the runner.

/**
 * The buffer results are packed in, reused from task to task (`finish` copies them out): a fresh
 * one per task would live as long as the task, long enough to reach the old generation, and its
 * memory (outside the JavaScript heap) would be freed only by the next full collection, so that a
 * worker's memory grew with the number of tasks.
 */
const packing = new ScratchBuffer();

/** Writes results one after another into a growing buffer. */
export class ResultPacker {
  private bytes: Uint8Array;
  private view: DataView;
  private used: number;
  private readonly count: number;
  private added = 0;

  constructor(count: number) {
    this.count = count;
    this.used = 4 * (count + 2);
    this.bytes = packing.get(this.used + 2048 * count);
    this.view = viewOf(this.bytes);
    this.view.setUint32(0, count, true);
  }

  add(result: TaskResult): void {
    if (this.added >= this.count) throw new RangeError('more results than announced');
    this.view.setUint32(4 * (this.added + 1), this.used, true);
    this.added++;
    const { output, fingerprint } = result;
    const small: Small = {
      bytes: result.bytes,
      hash: result.hash,
      upToDate: result.upToDate,
      failure: result.failure,
      produced: result.produced,
      writeError: result.writeError,
      diagnostics: result.diagnostics,
      ms: result.ms,
      deferred: result.deferred,
      exact: fingerprint?.exact ?? null,
    };
    this.string(JSON.stringify(small));
    if (output === null) this.int(-1);
    else if (typeof output === 'string') this.string(output);
    else this.raw(output);
    const minhash = fingerprint?.minhash ?? null;
    if (minhash === null) this.int(-1);
    else {
      this.int(minhash.length);
      this.reserve(4 * minhash.length);
      for (const word of minhash) {
        this.view.setUint32(this.used, word, true);
        this.used += 4;
      }
    }
  }

  /** The packed results, in a buffer of their own (to be moved to another thread). */
  finish(): Uint8Array<ArrayBuffer> {
    if (this.added !== this.count) throw new RangeError('fewer results than announced');
    this.view.setUint32(4 * (this.count + 1), this.used, true);
    // a copy (a Buffer's `slice` would be a view of the reused buffer)
    const packed = new Uint8Array(this.used);
    packed.set(this.bytes.subarray(0, this.used));
    return packed;
  }

  private int(n: number): void {
    this.reserve(4);
    this.view.setInt32(this.used, n, true);
    this.used += 4;
  }

  /** A length-prefixed UTF-8 string. */
  private string(text: string): void {
    // A UTF-16 unit never takes more than three UTF-8 bytes.
    this.reserve(4 + text.length * 3);
    const { written } = encoder.encodeInto(text, this.bytes.subarray(this.used + 4));
    this.view.setInt32(this.used, written, true);
    this.used += 4 + written;
  }

  /** Length-prefixed bytes. */
  private raw(bytes: Uint8Array): void {
    this.reserve(4 + bytes.byteLength);
    this.view.setInt32(this.used, bytes.byteLength, true);
    this.bytes.set(bytes, this.used + 4);
    this.used += 4 + bytes.byteLength;
  }

  private reserve(extra: number): void {
    if (this.used + extra <= this.bytes.length) return;
    const bytes = packing.get(Math.max(this.bytes.length * 2, this.used + extra));
    bytes.set(this.bytes.subarray(0, this.used));
    this.bytes = bytes;
    this.view = viewOf(bytes);
  }
}

function viewOf(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Pack results (all at once; `ResultPacker` packs them as they come). */
export function packResults(results: readonly TaskResult[]): Uint8Array<ArrayBuffer> {
  const packer = new ResultPacker(results.length);
  for (const result of results) packer.add(result);
  return packer.finish();
}

/** Read packed results. */
export function unpackResults(bytes: Uint8Array): TaskResults {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const length = view.getUint32(0, true);
  const string = (at: number, size: number): string => decoder.decode(bytes.subarray(at, at + size));
  return {
    length,
    get(i) {
      if (!(i >= 0 && i < length)) return undefined;
      let at = view.getUint32(4 * (i + 1), true);
      const jsonSize = view.getInt32(at, true);
      const small = JSON.parse(string(at + 4, jsonSize)) as Small;
      at += 4 + jsonSize;
      const outputSize = view.getInt32(at, true);
      // the output's bytes, as they are: the runner writes them without decoding
      const output = outputSize < 0 ? null : bytes.subarray(at + 4, at + 4 + outputSize);
      at += 4 + Math.max(0, outputSize);
      const words = view.getInt32(at, true);
      at += 4;
      let minhash: Uint32Array | null = null;
      if (words >= 0) {
        minhash = new Uint32Array(words);
        for (let w = 0; w < words; w++) minhash[w] = view.getUint32(at + 4 * w, true);
      }
      const fingerprint: Fingerprint | null = small.exact === null ? null : { exact: small.exact, minhash };
      return {
        bytes: small.bytes,
        hash: small.hash,
        upToDate: small.upToDate,
        failure: small.failure,
        produced: small.produced,
        output,
        writeError: small.writeError,
        diagnostics: small.diagnostics,
        fingerprint,
        ms: small.ms,
        deferred: small.deferred,
      };
    },
  };
}
