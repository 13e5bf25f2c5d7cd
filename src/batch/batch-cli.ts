/**
 * The batch part of the command line: its options, when a command is a batch, and the hand-off
 * from parsed options to the batch runner or the NDJSON mapper. `src/cli/main.ts` only calls these.
 * The runner and its libraries are imported only when a batch actually runs.
 */

import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import type { CliIO } from '../cli/io.js';
import type { Paint, Verbosity } from '../cli/report.js';
import type { InputFormatOption, LabelTable, OutputFormat } from '../index.js';
import { tuneCompilerForBatch } from './compiler-flags.js';
import { archiveKind, looksLikeGlob } from './entry-path.js';
import { loadRunner } from './load-runner.js';

/** The batch options as commander parses them. */
export interface BatchCliOptions {
  outDir?: string;
  filesFrom?: string;
  /** Default: the number of CPUs. */
  jobs: number;
  skipExisting: boolean;
  force: boolean;
  dryRun: boolean;
  dedupe: boolean;
  report?: string;
  /** `--no-progress` turns the terminal progress bar off. Default: true. */
  progress: boolean;
}

/** The single-file options the batch also uses. */
export interface SharedCliOptions {
  format: OutputFormat;
  output?: string;
  compact: boolean;
  inputFormat: InputFormatOption | 'ndjson';
  encoding?: string;
  maxBytes: number;
}

/** What main has already worked out. */
export interface BatchContext {
  io: CliIO;
  labels: LabelTable;
  paint: Paint;
  verbosity: Verbosity;
}

function parseJobs(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 1) throw new InvalidArgumentError(`"${value}" is not a whole number of 1 or more`);
  return n;
}

/** Add the batch options to the program. */
export function addBatchOptions(cmd: Command): Command {
  return cmd
    .option('-d, --out-dir <dir>', 'batch: write one file per input under DIR, mirroring the input tree')
    .option('--files-from <list>', 'batch: also convert the paths listed in LIST (one per line, or NUL-separated; "-" = stdin)')
    .option('-j, --jobs <n>', 'batch: converting threads (the main one and N-1 workers)', parseJobs, availableParallelism())
    .option('--skip-existing', 'batch: convert only what is missing, changed or failed since the last run in --out-dir', false)
    .option('--force', 'batch: redo everything in --out-dir', false)
    .option('--dry-run', 'batch: list the planned writes and stop', false)
    .option('--dedupe', 'batch: write only the first article of each group of (near-)duplicates', false)
    .option('--report <file>', 'batch: write one NDJSON line per input (status, reason, output, timings, diagnostics)')
    .option('--no-progress', 'batch: no progress bar on the terminal');
}

/** Batch usage text for `--help`. */
export const BATCH_EXAMPLES = `
Batch:
  $ article-parse corpus/ --out-dir out --format md        folders recursively
  $ article-parse 'scrape/**/*.html' dump.zip --out-dir out  globs and archives (.zip .tar .tgz)
  $ article-parse corpus/ --format ndjson > all.ndjson     one record per input, in order
  $ article-parse corpus/ --out-dir out --skip-existing     resume an interrupted batch
  $ find . -name '*.txt' -print0 | article-parse --files-from - --out-dir out
  $ cat records.ndjson | article-parse --input-format ndjson > articles.ndjson
A batch interrupted by SIGINT/SIGTERM exits 130; see docs/batch.md.`;

function isBatchPath(input: string, cwd: string): boolean {
  if (input === '-') return false;
  if (archiveKind(input) !== null) return true;
  try {
    return statSync(resolve(cwd, input)).isDirectory();
  } catch {
    return looksLikeGlob(input);
  }
}

/** True when the command is a batch (and not the plain one-file-at-a-time conversion). */
export function isBatch(inputs: readonly string[], opts: BatchCliOptions & { output?: string }, cwd: string): boolean {
  if (opts.outDir !== undefined || opts.filesFrom !== undefined || opts.report !== undefined) return true;
  if (opts.skipExisting || opts.force || opts.dryRun || opts.dedupe) return true;
  if (inputs.some((i) => isBatchPath(i, cwd))) return true;
  // Several plain files with -o keep the one-file path: their records are joined into that file.
  return inputs.length > 1 && opts.output === undefined;
}

/** Run a batch (or the NDJSON mapper) from parsed options; returns the exit code. */
export async function runBatchCommand(inputs: readonly string[], opts: BatchCliOptions & SharedCliOptions, ctx: BatchContext): Promise<number> {
  const { io } = ctx;
  const usage = (message: string): number => {
    io.stderr.write(`article-parse: ${message}\nTry 'article-parse --help'.\n`);
    return 2;
  };
  const settings = {
    format: opts.format,
    compact: opts.compact,
    inputFormat: opts.inputFormat === 'ndjson' ? ('auto' as const) : opts.inputFormat,
    encoding: opts.encoding ?? null,
    labels: ctx.labels,
  };
  // before the batch compiles much or starts a worker (see compiler-flags.ts)
  tuneCompilerForBatch();
  if (opts.inputFormat === 'ndjson') {
    if (opts.outDir !== undefined || opts.filesFrom !== undefined || opts.output !== undefined) return usage('--input-format ndjson reads records and writes NDJSON to stdout; --out-dir, --files-from and -o do not apply');
    if (opts.format !== 'json' && opts.format !== 'ndjson') return usage('--input-format ndjson writes NDJSON (--format ndjson)');
    const { runNdjsonInput } = await loadRunner();
    return runNdjsonInput({ inputs, settings: { ...settings, format: 'ndjson' }, maxBytes: opts.maxBytes, paint: ctx.paint }, io);
  }
  if (opts.output !== undefined) return usage('-o writes one file; for a batch use --out-dir DIR (or --format ndjson on stdout)');
  if (opts.skipExisting && opts.force) return usage('--skip-existing and --force exclude each other');
  if (inputs.length === 0 && opts.filesFrom === undefined) return usage('no input given');
  // Loaded here so that a one-file conversion never pays for the batch machinery.
  const { runBatch } = await loadRunner();
  return runBatch(
    {
      inputs,
      filesFrom: opts.filesFrom ?? null,
      outDir: opts.outDir ?? null,
      settings,
      maxBytes: opts.maxBytes,
      jobs: opts.jobs,
      dedupe: opts.dedupe,
      mode: opts.skipExisting ? 'skip-existing' : opts.force ? 'force' : 'fresh',
      dryRun: opts.dryRun,
      report: opts.report ?? null,
      verbosity: ctx.verbosity,
      paint: ctx.paint,
      progress: opts.progress,
    },
    io,
  );
}
