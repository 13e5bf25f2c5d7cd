/**
 * The data that flows through a batch run: inputs found by the walk, conversion tasks and their
 * results (which cross the worker boundary, so they are plain structured-cloneable data), and
 * the per-input record that feeds the report.
 */

import type { Diagnostic, InputFormatOption, LabelTable, OutputFormat } from '../index.js';

/** What became of one input. */
export type InputStatus = 'converted' | 'warnings' | 'failed' | 'skipped' | 'duplicate';

/**
 * Why an input has the status it has (`null` for a clean conversion).
 *
 * - `missing`, `unreadable`, `directory`, `too-large`: the input could not be read.
 * - `not-text`, `empty`, `no-article`, `parse-error`: it was read but yielded no article.
 * - `unsafe-entry`, `link-entry`: an archive entry that would escape the output folder, or a link.
 * - `archive-error`: the archive itself is damaged or unreadable.
 * - `write-failed`: the output could not be written (disk full, permissions).
 * - `up-to-date`: `--skip-existing` found a current output from an earlier run.
 * - `not-an-article`: a file in a walked folder or archive whose extension is not an article's.
 * - `exact-duplicate`, `near-duplicate`: the same article (or nearly) was met earlier.
 * - `has-warnings`: converted, with warnings.
 */
export type ReasonCode =
  | 'missing'
  | 'unreadable'
  | 'directory'
  | 'too-large'
  | 'not-text'
  | 'empty'
  | 'no-article'
  | 'parse-error'
  | 'unsafe-entry'
  | 'link-entry'
  | 'archive-error'
  | 'write-failed'
  | 'up-to-date'
  | 'not-an-article'
  | 'exact-duplicate'
  | 'near-duplicate'
  | 'has-warnings';

/** A failure to read an input, with its reason code. */
export class BatchInputError extends Error {
  constructor(
    message: string,
    readonly reason: ReasonCode,
  ) {
    super(message);
    this.name = 'BatchInputError';
  }
}

/** One input found by the walk. */
export interface InputItem {
  /** How the input is named in messages and reports, and its `source.path`: `a/x.txt`, `d.zip!/in/x.txt`. */
  display: string;
  /** The path to mirror under the output folder, `/`-separated, extension kept: `a/x.txt`, `d.zip/in/x.txt`. */
  relPath: string;
  /** For a file on disk: its absolute path, so that a worker can read it itself. */
  file?: string;
  /**
   * The input's bytes, or a reason it cannot be converted. `ignored` inputs are listed in the
   * report as skipped and never read.
   */
  load(): Promise<Uint8Array>;
  /** Set when the walk already knows the input is not to be converted (refused entry, ignored file). */
  verdict?: { status: 'failed' | 'skipped'; reason: ReasonCode; message: string };
}

/** Settings that change what an input converts to; part of the manifest's freshness check. */
export interface ConvertSettings {
  format: OutputFormat;
  compact: boolean;
  inputFormat: InputFormatOption;
  encoding: string | null;
  labels: LabelTable;
}

/** A request to convert one input (sent to a worker as structured-cloneable data). */
export interface ConvertRequest {
  bytes: Uint8Array;
  /** `source.path` of the Article. */
  path: string | null;
  settings: ConvertSettings;
}

/** Content fingerprint for duplicate detection. */
export interface Fingerprint {
  /** Hex hash (128 bits, 32 hex digits) of the normalised title and body: equal for exact duplicates. */
  exact: string;
  /** MinHash signature over word shingles, or `null` when the text is too short to compare. */
  minhash: Uint32Array | null;
}

/** The answer to a `ConvertRequest`. */
export interface ConvertResult {
  /** The rendered output, or `null` when the input produced no article. */
  output: string | null;
  diagnostics: Diagnostic[];
  fingerprint: Fingerprint | null;
  /** Time spent parsing and rendering, in milliseconds. */
  ms: number;
}

/** One input of a conversion task: where its bytes are and what to do with the rendered output. */
export interface TaskInput {
  /** An absolute path to read (in the converting thread), or `null` when `bytes` holds the input. */
  file: string | null;
  bytes: Uint8Array | null;
  /** `source.path` of the Article. */
  path: string | null;
  /** Compute the SHA-256 of the input bytes (for the manifest). */
  hash: boolean;
  /** When the input's SHA-256 equals this, it is up to date: read and hashed, not converted. */
  skipIfHash: string | null;
  /** Parse and render; `false` only reads and hashes (dry run). */
  convert: boolean;
  /** Write the rendered output to this new temporary file (the runner renames it into place). */
  temp: string | null;
  /** Send the rendered output back as text (NDJSON on stdout). */
  returnOutput: boolean;
}

/** A batch of inputs converted together, in one message to a worker and one back. */
export interface TaskRequest {
  inputs: TaskInput[];
  settings: ConvertSettings;
  maxBytes: number;
  /** Inputs larger than this many bytes are not converted here but handed back `deferred`. */
  largestInput: number;
}

/** What became of one `TaskInput`: a small summary, never the Article itself. */
export interface TaskResult {
  /** Input size, or `null` when it could not be read. */
  bytes: number | null;
  hash: string | null;
  /** The hash matched `skipIfHash`: nothing was converted. */
  upToDate: boolean;
  /** The input could not be read (or conversion broke): reason and message. */
  failure: { reason: ReasonCode; message: string } | null;
  /** True when the input yielded an article (and so an output). */
  produced: boolean;
  /**
   * The rendered output, when `returnOutput` was asked for: text, or its UTF-8 bytes when it came
   * from another thread (written out as they are, never decoded).
   */
  output: string | Uint8Array | null;
  /** The error code when writing `temp` failed (nothing is left behind then). */
  writeError: string | null;
  diagnostics: Diagnostic[];
  fingerprint: Fingerprint | null;
  /** Time spent reading, converting and writing, in milliseconds. */
  ms: number;
  /** The input was larger than `largestInput`: read, but neither hashed nor converted. */
  deferred: boolean;
}

/** One line of `--report FILE`. */
export interface ReportRecord {
  path: string;
  status: InputStatus;
  reason: ReasonCode | null;
  /** The output file relative to the output folder, or `null` (stdout, nothing written). */
  output: string | null;
  bytes: number | null;
  ms: number;
  /** Free text explaining a failure or skip. */
  message: string | null;
  /** For duplicates: the first input of the group. */
  duplicateOf: string | null;
  /** For duplicates: estimated similarity of the shingle sets, 0..1 (1 for exact). */
  similarity: number | null;
  /** True when the natural output name was taken and this input got another one. */
  renamed: boolean;
  diagnostics: Diagnostic[];
}
