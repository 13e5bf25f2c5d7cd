/**
 * Atomic file output: write a temporary file in the same folder, then rename it into place, so a
 * reader never sees a partial file and a failure leaves nothing behind.
 */

import { rename, unlink, writeFile } from '../util/fs-async.js';
import { basename, dirname, join } from 'node:path';

let written = 0;

/**
 * A temporary name beside `path`: process id, a per-module counter and a random part (worker
 * threads share the process id). Not a secret, only unique: the file is created exclusively.
 */
function tempName(path: string): string {
  written++;
  return join(dirname(path), `.${basename(path)}.${process.pid}.${written.toString(36)}${Math.random().toString(36).slice(2, 10)}.tmp`);
}

/** Write `text` to `path` atomically. On failure no file (temporary or final) is left. */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  let temp = tempName(path);
  try {
    try {
      await writeFile(temp, text, { flag: 'wx' });
    } catch (error) {
      // a name already taken (another writer drew the same): one more draw
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      temp = tempName(path);
      await writeFile(temp, text, { flag: 'wx' });
    }
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}
