/**
 * Reading one input file for the batch: the CLI's reader, with its failures as batch reasons.
 */

import { InputError, readInputFile } from '../cli/read-input.js';
import { BatchInputError } from './types.js';

/** Read a file's bytes; failures become `BatchInputError`s with the reader's reason code. */
export async function readFileBytes(path: string, maxBytes: number): Promise<Uint8Array> {
  try {
    return await readInputFile(path, maxBytes);
  } catch (error) {
    if (error instanceof InputError) throw new BatchInputError(error.message, error.reason);
    throw error;
  }
}
