/**
 * The output folder: every write lands inside it, through a temporary file in the target folder
 * renamed into place. A folder inside it that is really a link to somewhere else is refused.
 *
 * A batch writes in two steps: `prepare` (in input order, before converting) makes the target's
 * folder, checks it and names a temporary file, which the converting thread writes; `commit`
 * renames it into place (in input order) or `discard` removes it.
 */

import { randomBytes } from 'node:crypto';
import { mkdirSync, realpathSync, renameSync, rmdirSync, unlinkSync } from 'node:fs';
import { mkdir, realpath } from 'node:fs/promises';
import { basename, dirname, join, sep } from 'node:path';

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

/** `/`-separated plain names: no empty, `.` or `..` part, no backslash. */
const PLAIN_NAMES = /^(?!\.{1,2}(?:\/|$))[^/\\]+(?:\/(?!\.{1,2}(?:\/|$))[^/\\]+)*$/u;

/**
 * `join(base, ...rel.split('/'))` for a normalised absolute `base`: plain names are appended as
 * they are, without `join`'s normalising pass (which made most of the runner's allocations for
 * each input); anything else goes through `join`.
 */
export function joinNames(base: string, rel: string): string {
  if (!PLAIN_NAMES.test(rel)) return join(base, ...rel.split('/'));
  const tail = sep === '/' ? rel : rel.replaceAll('/', sep);
  return base.endsWith(sep) ? base + tail : base + sep + tail;
}

/** Where one output goes: its final path and the temporary file written first. */
export interface PreparedOutput {
  target: string;
  temp: string;
}

/** The resolved output folder. */
export class OutputFolder {
  /** Folders known to exist inside the output folder (one entry per output folder, not per output). */
  private readonly checked = new Set<string>();
  /** Folders `prepare` created, in order: those that receive no output are removed at the end. */
  private readonly made: string[] = [];
  /** Temporary names are `.<name>.<pid>-<run>.<n>.tmp`: unique within the run, and across runs. */
  private readonly run = randomBytes(3).toString('hex');
  private temps = 0;

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
    return joinNames(this.path, rel);
  }

  /**
   * Make (and check) the folder for an output and name its temporary file; throws
   * `OutputWriteError` when the output cannot go there.
   */
  prepare(rel: string): PreparedOutput {
    if (rel.split('/').some((part) => part === '..' || part === '')) throw new OutputWriteError(`output path "${rel}" is not inside the output folder`, 'EINVAL');
    const target = this.resolve(rel);
    const parent = dirname(target);
    try {
      if (!this.checked.has(parent)) {
        const first = mkdirSync(parent, { recursive: true });
        if (first !== undefined) this.noteMade(first, parent);
        const real = realpathSync(parent);
        if (real !== this.real && !real.startsWith(this.real + sep)) throw new OutputWriteError(`${rel}: a folder on the way links outside the output folder`, 'ELINK');
        this.checked.add(parent);
      }
    } catch (error) {
      if (error instanceof OutputWriteError) throw error;
      const code = (error as NodeJS.ErrnoException).code ?? 'error';
      throw new OutputWriteError(`cannot write ${rel} (${describe(code)})`, code);
    }
    return { target, temp: joinNames(parent, `.${basename(target)}.${process.pid}-${this.run}.${++this.temps}.tmp`) };
  }

  /** Remember the folders from `first` down to `last` as made by this run. */
  private noteMade(first: string, last: string): void {
    const chain: string[] = [];
    for (let dir = last; dir.length >= first.length && dir !== dirname(dir); dir = dirname(dir)) chain.push(dir);
    this.made.push(...chain.reverse());
  }

  /**
   * Remove the folders this run made that stayed empty (outputs prepared but not written:
   * inputs without an article, duplicates, interruptions), so that a folder appears only when
   * an output does.
   */
  removeUnused(): void {
    for (let i = this.made.length - 1; i >= 0; i--) {
      try {
        rmdirSync(this.made[i] ?? '');
      } catch {
        // not empty: it holds outputs
      }
    }
    this.made.length = 0;
  }

  /** Move a written temporary file into place; on failure it is removed and `OutputWriteError` thrown. */
  commit(rel: string, prepared: PreparedOutput): void {
    try {
      renameSync(prepared.temp, prepared.target);
    } catch (error) {
      this.discard(prepared);
      const code = (error as NodeJS.ErrnoException).code ?? 'error';
      throw new OutputWriteError(`cannot write ${rel} (${describe(code)})`, code);
    }
  }

  /** Remove a temporary file that will not be used (ignored when it is not there). */
  discard(prepared: PreparedOutput): void {
    try {
      unlinkSync(prepared.temp);
    } catch {
      // never written, or already gone
    }
  }

  /** The one-line error for a failed temporary write. */
  static writeError(rel: string, code: string): OutputWriteError {
    return new OutputWriteError(`cannot write ${rel} (${describe(code)})`, code);
  }

}
