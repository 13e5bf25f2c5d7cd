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

/** The reason an input could not be opened. */
export function openError(error: unknown): InputError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new InputError('no such file', 'missing');
  if (code === 'EACCES' || code === 'EPERM') return new InputError('permission denied', 'unreadable');
  if (code === 'EISDIR') return new InputError('is a directory', 'directory');
  return new InputError(`cannot open (${code ?? 'error'})`, 'unreadable');
}

/** The reason an opened input could not be read. */
export function readError(error: unknown): InputError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EISDIR') return new InputError('is a directory', 'directory');
  return new InputError(`cannot read (${code ?? 'error'})`, 'unreadable');
}

/** Refuse an opened input that is a directory or larger than `maxBytes`, before reading it. */
export function checkOpened(stat: { isDirectory(): boolean; size: number }, maxBytes: number): void {
  if (stat.isDirectory()) throw new InputError('is a directory', 'directory');
  if (stat.size > maxBytes) throw new InputError(`is ${stat.size} bytes, over the --max-bytes limit of ${maxBytes}`, 'too-large');
}

/** Read a file, refusing directories and files over `maxBytes` before reading them. */
export async function readInputFile(path: string, maxBytes: number): Promise<Uint8Array> {
  let fd: number;
  try {
    fd = await open(path, 'r');
  } catch (error) {
    throw openError(error);
  }
  try {
    checkOpened(await fstat(fd), maxBytes);
    try {
      return await readFile(fd);
    } catch (error) {
      throw readError(error);
    }
  } finally {
    await close(fd);
  }
}
