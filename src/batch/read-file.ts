/**
 * Reading one input file for the batch: the CLI's reader (and a synchronous twin for the
 * converting thread, where a blocking read is cheaper than a round trip through the I/O pool),
 * with its failures as batch reasons.
 */

import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { checkOpened, InputError, openError, readError, readInputFile } from '../cli/read-input.js';
import type { ScratchBuffer } from '../util/scratch-buffer.js';
import { BatchInputError } from './types.js';

/** The reader's failure as a batch reason (same message, same reason code). */
function asBatchError(error: unknown): unknown {
  return error instanceof InputError ? new BatchInputError(error.message, error.reason) : error;
}

/** Read a file's bytes; failures become `BatchInputError`s with the reader's reason code. */
export async function readFileBytes(path: string, maxBytes: number): Promise<Uint8Array> {
  try {
    return await readInputFile(path, maxBytes);
  } catch (error) {
    throw asBatchError(error);
  }
}

/**
 * `readFileBytes`, blocking: the same checks, reasons and messages. With `scratch`, the bytes are
 * read into it and valid only until its next use.
 */
export function readFileBytesSync(path: string, maxBytes: number, scratch?: ScratchBuffer): Uint8Array {
  try {
    let fd: number;
    try {
      fd = openSync(path, 'r');
    } catch (error) {
      throw openError(error);
    }
    try {
      const info = fstatSync(fd);
      checkOpened(info, maxBytes);
      try {
        return readAll(fd, info.size, scratch, info.isFile());
      } catch (error) {
        throw readError(error);
      }
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    throw asBatchError(error);
  }
}

/**
 * Read an open file to its end, expecting `size` bytes (it may have changed since the stat): one
 * byte of room more, so that the end is seen without growing the buffer. In a regular file
 * (`regular`), a read that fills less than it was offered and brings the total to exactly the
 * stat's size has met the end: asking again would only return 0 (one system call per input
 * saved). Any other short read (a pipe, a file that shrank, a file system that returns less than
 * it has) reads on until a read returns 0.
 */
export function readAll(fd: number, size: number, scratch?: ScratchBuffer, regular = false): Uint8Array {
  let buffer = scratch?.get(size + 1) ?? Buffer.allocUnsafe(size + 1);
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      const grown = Buffer.allocUnsafe(buffer.length * 2);
      buffer.copy(grown, 0, 0, length);
      buffer = grown;
    }
    const room = buffer.length - length;
    const n = readSync(fd, buffer, length, room, null);
    if (n === 0) break;
    length += n;
    if (regular && n < room && length === size) break;
  }
  return buffer.subarray(0, length);
}
