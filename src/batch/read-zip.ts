/**
 * Reading a .zip archive in place with yauzl: entries one at a time, no extraction to disk.
 * Names are decoded here (not by yauzl) so that one bad entry name is refused on its own
 * instead of stopping the whole archive.
 */

import yauzl from 'yauzl';
import { readStreamBytes, type ArchiveEntry } from './archive-entry.js';
import { BatchInputError } from './types.js';

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;
const S_IFDIR = 0o040000;
const MADE_BY_UNIX = 3;

function kindOf(entry: yauzl.Entry, name: string): ArchiveEntry['kind'] {
  if (name.endsWith('/') || name.endsWith('\\')) return 'directory';
  if (entry.versionMadeBy >> 8 === MADE_BY_UNIX) {
    const type = (entry.externalFileAttributes >>> 16) & S_IFMT;
    if (type === S_IFLNK) return 'link';
    if (type === S_IFDIR) return 'directory';
  }
  return 'file';
}

/** The entries of the zip archive at `path`, in stored order. Throws `archive-error` when it cannot be opened. */
export async function* readZip(path: string, maxBytes: number): AsyncGenerator<ArchiveEntry> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(path, { lazyEntries: true, decodeStrings: false, autoClose: false });
  } catch (error) {
    throw new BatchInputError(`not a readable zip archive (${(error as Error).message})`, 'archive-error');
  }
  try {
    const entries = zip.eachEntry();
    while (true) {
      let next: IteratorResult<yauzl.Entry>;
      try {
        next = await entries.next();
      } catch (error) {
        throw new BatchInputError(`damaged zip archive (${(error as Error).message})`, 'archive-error');
      }
      if (next.done === true) return;
      const entry = next.value;
      const name = yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, true);
      const kind = kindOf(entry, name);
      if (kind !== 'file') {
        yield { name, kind, bytes: null, error: null };
        continue;
      }
      if (entry.uncompressedSize > maxBytes) {
        yield { name, kind, bytes: null, error: new BatchInputError(`is ${entry.uncompressedSize} bytes, over the --max-bytes limit of ${maxBytes}`, 'too-large') };
        continue;
      }
      if (!entry.canDecodeFileData()) {
        yield { name, kind, bytes: null, error: new BatchInputError('is encrypted or uses an unsupported compression method', 'unreadable') };
        continue;
      }
      try {
        const stream = await zip.openReadStreamPromise(entry);
        yield { name, kind, bytes: await readStreamBytes(stream, maxBytes), error: null };
      } catch (error) {
        const failure = error instanceof BatchInputError ? error : new BatchInputError(`cannot read the entry (${(error as Error).message})`, 'archive-error');
        yield { name, kind, bytes: null, error: failure };
      }
    }
  } finally {
    zip.close();
  }
}
