/**
 * The output folder: every write lands inside it, through a temporary file in the target folder
 * renamed into place. A folder inside it that is really a link to somewhere else is refused.
 */

import { mkdir, realpath } from 'node:fs/promises';
import { dirname, join, sep } from 'node:path';
import { writeFileAtomic } from '../cli/write-output.js';

/** Why the output folder itself cannot be used. */
export class OutputFolderError extends Error {
  override name = 'OutputFolderError';
}

/** A write failure for one output, with a one-line reason. */
export class OutputWriteError extends Error {
  override name = 'OutputWriteError';
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

function describe(code: string): string {
  switch (code) {
    case 'ENOSPC':
      return 'no space left on the device';
    case 'EDQUOT':
      return 'disk quota exceeded';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'read-only file system';
    case 'ENOTDIR':
    case 'EEXIST':
    case 'EISDIR':
      return 'a file or folder of that name is in the way';
    default:
      return code;
  }
}

/** The resolved output folder. */
export class OutputFolder {
  private readonly checked = new Set<string>();

  private constructor(
    /** The folder as given (absolute). */
    readonly path: string,
    private readonly real: string,
  ) {}

  /** Create (if needed) and resolve the output folder; throws `OutputFolderError` when unusable. */
  static async open(path: string): Promise<OutputFolder> {
    try {
      await mkdir(path, { recursive: true });
      return new OutputFolder(path, await realpath(path));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'error';
      throw new OutputFolderError(`cannot use the output folder ${path} (${describe(code)})`);
    }
  }

  /** The absolute path of an output given relative to the folder. */
  resolve(rel: string): string {
    return join(this.path, ...rel.split('/'));
  }

  /** Write one output atomically; throws `OutputWriteError` (and leaves nothing behind) on failure. */
  async write(rel: string, text: string): Promise<void> {
    if (rel.split('/').some((part) => part === '..' || part === '')) throw new OutputWriteError(`output path "${rel}" is not inside the output folder`, 'EINVAL');
    const target = this.resolve(rel);
    const parent = dirname(target);
    try {
      if (!this.checked.has(parent)) {
        await mkdir(parent, { recursive: true });
        const real = await realpath(parent);
        if (real !== this.real && !real.startsWith(this.real + sep)) throw new OutputWriteError(`${rel}: a folder on the way links outside the output folder`, 'ELINK');
        this.checked.add(parent);
      }
      await writeFileAtomic(target, text);
    } catch (error) {
      if (error instanceof OutputWriteError) throw error;
      const code = (error as NodeJS.ErrnoException).code ?? 'error';
      throw new OutputWriteError(`cannot write ${rel} (${describe(code)})`, code);
    }
  }
}
