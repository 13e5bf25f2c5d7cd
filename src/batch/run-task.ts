/**
 * One conversion task, in whichever thread converts: for each input, read it (unless the bytes
 * came with the task), hash it for the manifest, convert it, and write the output to the
 * temporary file the runner chose. Only a small summary goes back; the runner renames the
 * temporary file into place in input order. Synchronous file calls: in a converting thread a
 * blocking read or write is cheaper than a round trip through the I/O pool.
 */

import { createHash } from 'node:crypto';
import { closeSync, openSync, unlinkSync, writeSync } from 'node:fs';
import { convert } from './convert.js';
import { readFileBytesSync } from './read-file.js';
import { ScratchBuffer } from '../util/scratch-buffer.js';
import { ResultPacker } from './task-results.js';
import { BatchInputError, type ConvertSettings, type TaskInput, type TaskRequest, type TaskResult } from './types.js';

function emptyResult(): TaskResult {
  return { bytes: null, hash: null, upToDate: false, failure: null, produced: false, output: null, writeError: null, diagnostics: [], fingerprint: null, ms: 0, deferred: false };
}

/** This thread's buffers for reading inputs and encoding outputs (each input is done before the next). */
const readScratch = new ScratchBuffer();
const writeScratch = new ScratchBuffer();

/** Write `text` (UTF-8) to a new file; on failure remove what was made and return the error code. */
function writeTemp(path: string, text: string): string | null {
  try {
    // A UTF-16 code unit takes at most 3 bytes in UTF-8.
    const buffer = writeScratch.get(text.length * 3);
    const length = buffer.write(text, 0, 'utf8');
    const fd = openSync(path, 'wx');
    try {
      for (let done = 0; done < length; ) done += writeSync(fd, buffer, done, length - done);
    } finally {
      closeSync(fd);
    }
    return null;
  } catch (error) {
    try {
      unlinkSync(path);
    } catch {
      // nothing was created
    }
    return (error as NodeJS.ErrnoException).code ?? 'error';
  }
}

function runInput(input: TaskInput, settings: ConvertSettings, maxBytes: number, largestInput: number): TaskResult {
  const began = performance.now();
  const result = emptyResult();
  try {
    const bytes = input.bytes ?? readFileBytesSync(input.file ?? '', maxBytes, readScratch);
    if (bytes.byteLength > largestInput) {
      result.deferred = true;
      return result;
    }
    result.bytes = bytes.byteLength;
    if (input.hash) {
      result.hash = createHash('sha256').update(bytes).digest('hex');
      if (input.skipIfHash !== null && input.skipIfHash === result.hash) {
        result.upToDate = true;
        result.ms = performance.now() - began;
        return result;
      }
    }
    if (input.convert) {
      const converted = convert({ bytes, path: input.path, settings });
      result.diagnostics = converted.diagnostics;
      result.fingerprint = converted.fingerprint;
      if (converted.output !== null) {
        result.produced = true;
        if (input.returnOutput) result.output = converted.output;
        if (input.temp !== null) result.writeError = writeTemp(input.temp, converted.output);
      }
    }
  } catch (error) {
    if (error instanceof BatchInputError) result.failure = { reason: error.reason, message: error.message };
    else result.failure = { reason: 'parse-error', message: `internal error: ${(error as Error).message}` };
  }
  result.ms = performance.now() - began;
  return result;
}

/** Run a task; one result per input, in order. Never throws for a bad input. */
export function runTask(request: TaskRequest): TaskResult[] {
  return request.inputs.map((input) => runInput(input, request.settings, request.maxBytes, request.largestInput));
}

/** `runTask` for a worker: the results packed into one buffer, each as soon as it is ready (see task-results.ts). */
export function runTaskPacked(request: TaskRequest): Uint8Array<ArrayBuffer> {
  const packer = new ResultPacker(request.inputs.length);
  for (const input of request.inputs) packer.add(runInput(input, request.settings, request.maxBytes, request.largestInput));
  return packer.finish();
}
