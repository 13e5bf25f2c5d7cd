/**
 * The CLI's view of the outside world, injected so the CLI runs in-process in tests.
 */

/** A text sink that knows when its reader has gone away (`| head`). */
export interface OutputSink {
  write(text: string): void;
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

function sink(stream: NodeJS.WriteStream): OutputSink {
  let closed = false;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') closed = true;
    else throw error;
  });
  return {
    write(text: string): void {
      if (!closed) stream.write(text);
    },
    get closed(): boolean {
      return closed;
    },
    isTTY: stream.isTTY === true,
  };
}

/** The real process streams. */
export function processIO(): CliIO {
  return {
    stdout: sink(process.stdout),
    stderr: sink(process.stderr),
    async readStdin(): Promise<Uint8Array> {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    },
    stdinStream(): AsyncIterable<Uint8Array> {
      return process.stdin;
    },
    stdinIsTTY: process.stdin.isTTY === true,
    env: process.env,
    cwd: process.cwd(),
  };
}
