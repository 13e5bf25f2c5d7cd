/**
 * Reading one input file (or stdin) into bytes, with one-line reasons for failure.
 */

import { close, fstat, open, readFile } from '../util/fs-async.js';

/** Why an input could not be read. */
export class InputError extends Error {
  constructor(
    message: string,
    readonly reason: 'missing' | 'unreadable' | 'directory' | 'too-large',
  ) {
    super(message);
    this.name = 'InputError';
  }
}

/** Read a file, refusing directories and files over `maxBytes` before reading them. */
export async function readInputFile(path: string, maxBytes: number): Promise<Uint8Array> {
  let fd: number;
  try {
    fd = await open(path, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError('no such file', 'missing');
    if (code === 'EACCES' || code === 'EPERM') throw new InputError('permission denied', 'unreadable');
    if (code === 'EISDIR') throw new InputError('is a directory', 'directory');
    throw new InputError(`cannot open (${code ?? 'error'})`, 'unreadable');
  }
  try {
    const stat = await fstat(fd);
    if (stat.isDirectory()) throw new InputError('is a directory', 'directory');
    if (stat.size > maxBytes) throw new InputError(`is ${stat.size} bytes, over the --max-bytes limit of ${maxBytes}`, 'too-large');
    try {
      return await readFile(fd);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EISDIR') throw new InputError('is a directory', 'directory');
      throw new InputError(`cannot read (${code ?? 'error'})`, 'unreadable');
    }
  } finally {
    await close(fd);
  }
}
