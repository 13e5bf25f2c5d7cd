/**
 * What the archive readers hand to the walk: one entry, its kind and, for files, its bytes
 * (read at once, because tar entries must be consumed in order).
 */

import { BatchInputError } from './types.js';

/** One archive entry. */
export interface ArchiveEntry {
  /** The name as stored in the archive (not yet checked). */
  name: string;
  kind: 'file' | 'directory' | 'link' | 'other';
  /** The file's bytes; `null` for non-files and for files that could not be read. */
  bytes: Uint8Array | null;
  /** Why a file could not be read. */
  error: BatchInputError | null;
}

/**
 * Read a stream to its end, refusing more than `maxBytes` (the rest is drained and dropped).
 * Stream errors become `archive-error` input errors.
 */
export async function readStreamBytes(stream: AsyncIterable<unknown>, maxBytes: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let tooLarge = false;
  try {
    for await (const chunk of stream) {
      const buffer = chunk as Uint8Array;
      total += buffer.byteLength;
      if (total > maxBytes) tooLarge = true;
      if (!tooLarge) chunks.push(buffer);
    }
  } catch (error) {
    throw new BatchInputError(`cannot read the entry (${(error as Error).message})`, 'archive-error');
  }
  if (tooLarge) throw new BatchInputError(`is ${total} bytes, over the --max-bytes limit of ${maxBytes}`, 'too-large');
  return Buffer.concat(chunks, total);
}
