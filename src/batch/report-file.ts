/**
 * `--report FILE`: one NDJSON line per input, written to a temporary file beside FILE and
 * renamed into place when the batch ends (also after an interruption), so FILE is never partial.
 */

import { randomBytes } from 'node:crypto';
import { open, rename, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { ReportRecord } from './types.js';

/** Lines are gathered and written in blocks of this many characters. */
const FLUSH_AT = 64 * 1024;

/** The report being written. */
export class ReportFile {
  private buffer: string[] = [];
  private size = 0;

  private constructor(
    private readonly path: string,
    private readonly temp: string,
    private readonly handle: FileHandle,
  ) {}

  /** Start a report at `path`; throws the file system error when it cannot be created. */
  static async create(path: string): Promise<ReportFile> {
    const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    return new ReportFile(path, temp, await open(temp, 'wx'));
  }

  /** Add one input's line (kept until `flush`). */
  add(record: ReportRecord): void {
    const line = JSON.stringify(record) + '\n';
    this.buffer.push(line);
    this.size += line.length;
  }

  /** True when enough lines wait that they should be written. */
  get full(): boolean {
    return this.size >= FLUSH_AT;
  }

  /** Write the lines that wait. */
  async flush(): Promise<void> {
    if (this.buffer.length === 0) return;
    const text = this.buffer.join('');
    this.buffer = [];
    this.size = 0;
    await this.handle.appendFile(text);
  }

  /** Finish the report and move it into place. On failure the temporary file is removed. */
  async close(): Promise<void> {
    try {
      await this.flush();
      await this.handle.close();
      await rename(this.temp, this.path);
    } catch (error) {
      await this.handle.close().catch(() => undefined);
      await unlink(this.temp).catch(() => undefined);
      throw error;
    }
  }
}
