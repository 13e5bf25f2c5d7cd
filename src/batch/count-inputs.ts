/**
 * A quick count of the inputs ahead, for the progress bar's total: article-like files in folders
 * and glob matches, without reading them. Archive entries are not counted here (the total grows
 * as they are met).
 */

import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { lazyImport } from '../cli/lazy-import.js';
import { archiveKind, looksLikeGlob } from './entry-path.js';

async function countFolder(dir: string, exclude: readonly string[], stopped: () => boolean): Promise<number> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return 1;
  }
  let n = 0;
  for (const entry of entries) {
    if (stopped()) return n;
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (exclude.includes(path)) continue;
    if (entry.isDirectory()) n += await countFolder(path, exclude, stopped);
    else if (archiveKind(entry.name) === null) n++;
  }
  return n;
}

/** Count the inputs named on the command line (folders walked, globs expanded). */
export async function countInputs(inputs: readonly string[], cwd: string, exclude: readonly string[], stopped: () => boolean): Promise<number> {
  let n = 0;
  for (const input of inputs) {
    if (stopped()) break;
    const abs = resolve(cwd, input);
    try {
      const info = await stat(abs);
      if (info.isDirectory()) n += await countFolder(abs, exclude, stopped);
      else if (archiveKind(abs) === null) n++;
    } catch {
      if (looksLikeGlob(input)) {
        const { glob } = await lazyImport<typeof import('tinyglobby')>('tinyglobby');
        n += (await glob(input, { cwd, onlyFiles: true })).length;
      } else n++;
    }
  }
  return n;
}
