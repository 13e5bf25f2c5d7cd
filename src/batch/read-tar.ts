/**
 * Reading a .tar, .tar.gz or .tgz archive in place with tar-stream (and zlib for gzip): entries
 * one at a time, each consumed before the next, no extraction to disk.
 */

import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { pipeline } from 'node:stream/promises';
import tar from 'tar-stream';
import { readStreamBytes, type ArchiveEntry } from './archive-entry.js';
import { BatchInputError } from './types.js';

function kindOf(type: tar.Header['type'] | null | undefined): ArchiveEntry['kind'] {
  switch (type) {
    case 'file':
    case 'contiguous-file':
    case null:
    case undefined:
      return 'file';
    case 'directory':
      return 'directory';
    case 'link':
    case 'symlink':
      return 'link';
    default:
      return 'other';
  }
}

/** The entries of the tar archive at `path`, gunzipped when `gzip`. Throws `archive-error` when damaged. */
export async function* readTar(path: string, gzip: boolean, maxBytes: number): AsyncGenerator<ArchiveEntry> {
  const extract = tar.extract();
  const source = createReadStream(path);
  const feeding = (gzip ? pipeline(source, createGunzip(), extract) : pipeline(source, extract)).catch((error: unknown) => error as Error);
  let failure: Error | undefined;
  try {
    for await (const entry of extract) {
      const name = entry.header.name;
      const kind = kindOf(entry.header.type);
      if (kind !== 'file') {
        entry.resume();
        yield { name, kind, bytes: null, error: null };
        continue;
      }
      let bytes: Uint8Array | null = null;
      let error: BatchInputError | null = null;
      try {
        bytes = await readStreamBytes(entry, maxBytes);
      } catch (caught) {
        if (!(caught instanceof BatchInputError)) throw caught;
        error = caught;
      }
      yield { name, kind, bytes, error };
    }
  } catch (error) {
    failure = error as Error;
  } finally {
    source.destroy();
    extract.destroy();
  }
  const fed = await feeding;
  const problem = failure ?? (fed instanceof Error && (fed as NodeJS.ErrnoException).code !== 'ERR_STREAM_PREMATURE_CLOSE' ? fed : undefined);
  if (problem !== undefined) throw new BatchInputError(`damaged tar archive (${problem.message})`, 'archive-error');
}
