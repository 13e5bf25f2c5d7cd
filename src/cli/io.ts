/**
 * The CLI's view of the outside world, injected so the CLI runs in-process in tests.
 */

import { fstatSync, writeSync } from 'node:fs';
import { KEEP_BYTES, ScratchBuffer } from '../util/scratch-buffer.js';

/** A text sink that knows when its reader has gone away (`| head`). */
export interface OutputSink {
  /** Write text, or bytes that are UTF-8 already. */
  write(data: string | Uint8Array): void;
  /** True once the reader closed the pipe: stop producing output. */
  readonly closed: boolean;
  readonly isTTY: boolean;
}

export interface CliIO {
  stdout: OutputSink;
  stderr: OutputSink;
  /** Read all of standard input. */
  readStdin(): Promise<Uint8Array>;
  /** Standard input as a stream of chunks (for record-by-record NDJSON input). */
  stdinStream?(): AsyncIterable<Uint8Array>;
  /** True when standard input is a terminal (then a missing input is a usage error). */
  stdinIsTTY: boolean;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
}

/**
 * True when `fd` is a terminal. A descriptor that is not a character device cannot be one, and
 * that is answered without loading the terminal module (about 10 ms of start-up with its
 * dependencies); otherwise the process stream answers.
 */
function isTerminal(fd: 0 | 1 | 2, stream: () => { isTTY?: boolean }): boolean {
  try {
    if (!fstatSync(fd).isCharacterDevice()) return false;
  } catch {
    return false;
  }
  return stream().isTTY === true;
}

/** A sink over a process stream, created on first use. */
function streamSink(fd: 1 | 2, get: () => NodeJS.WriteStream): OutputSink {
  let closed = false;
  let stream: NodeJS.WriteStream | undefined;
  let tty: boolean | undefined;
  const open = (): NodeJS.WriteStream => {
    if (stream === undefined) {
      stream = get();
      stream.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') closed = true;
        else throw error;
      });
    }
    return stream;
  };
  return {
    write(data: string | Uint8Array): void {
      if (!closed) open().write(data);
    },
    get closed(): boolean {
      return closed;
    },
    get isTTY(): boolean {
      tty ??= isTerminal(fd, open);
      return tty;
    },
  };
}

/** Sleep the thread briefly (a full non-blocking pipe: let the reader catch up). */
function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * `text` as UTF-8: encoded into `scratch` (valid until its next use) when it fits in a kept
 * buffer, as the records of a batch do, which spares a buffer of its own per record; a larger
 * text gets one of its exact size.
 */
function utf8(text: string, scratch: ScratchBuffer): Uint8Array {
  // A UTF-16 unit never takes more than three UTF-8 bytes.
  if (text.length * 3 > KEEP_BYTES) return Buffer.from(text, 'utf8');
  const buffer = scratch.get(text.length * 3);
  return buffer.subarray(0, buffer.write(text, 0, 'utf8'));
}

/**
 * Standard output written straight to descriptor 1: the same bytes, written synchronously (as
 * Node writes them to files, pipes and terminals on POSIX anyway), without setting up the stream
 * machinery (about 2 ms for a file, 3 to 9 ms for a pipe). A reader that went away (EPIPE)
 * closes the sink quietly; a full non-blocking pipe (EAGAIN) is waited on.
 */
function stdoutSink(): OutputSink {
  let closed = false;
  let tty: boolean | undefined;
  const scratch = new ScratchBuffer();
  return {
    write(data: string | Uint8Array): void {
      if (closed) return;
      const bytes = typeof data === 'string' ? utf8(data, scratch) : data;
      let offset = 0;
      while (offset < bytes.length) {
        try {
          offset += writeSync(1, bytes, offset);
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          if (code === 'EAGAIN') pause(2);
          else if (code === 'EPIPE') {
            closed = true;
            return;
          } else throw error;
        }
      }
    },
    get closed(): boolean {
      return closed;
    },
    get isTTY(): boolean {
      tty ??= isTerminal(1, () => process.stdout);
      return tty;
    },
  };
}

/** The real process streams, each set up only when first used. */
export function processIO(): CliIO {
  let stdinTTY: boolean | undefined;
  return {
    stdout: stdoutSink(),
    stderr: streamSink(2, () => process.stderr),
    async readStdin(): Promise<Uint8Array> {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    },
    stdinStream(): AsyncIterable<Uint8Array> {
      return process.stdin;
    },
    get stdinIsTTY(): boolean {
      stdinTTY ??= isTerminal(0, () => process.stdin);
      return stdinTTY;
    },
    env: process.env,
    cwd: process.cwd(),
  };
}
