/**
 * The data that flows through a batch run: inputs found by the walk, conversion requests and
 * results (which cross the worker boundary, so they are plain structured-cloneable data), and
 * the per-input outcome that feeds the report, the manifest and the summary.
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
