/**
 * The batch runner: walk → plan (output names, resume check, output folder) → convert in chunks
 * (in this thread or a worker pool, a bounded window of chunks in flight; the converting thread
 * reads the input, converts it and writes the output to a temporary file) → finish each input
 * *in input order* (duplicate check, rename into place or stdout record, manifest, report,
 * progress). Finishing in input order is what makes the output of `-j N` byte-identical to `-j1`.
 */

import { statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { CliIO } from '../cli/io.js';
import { diagnosticLines, type Paint, type Verbosity } from '../cli/report.js';
import { OUTPUT_EXTENSIONS, type Diagnostic } from '../index.js';
import { inlineConverter, nextTurn, poolConverter, poolStartAfter, type Converter } from './converter.js';
import { DuplicateIndex, type DuplicateMatch } from './duplicates.js';
import { countInputs } from './count-inputs.js';
import { FINGERPRINT_SCHEME, Manifest, MANIFEST_NAME, packFingerprint, settingsHash, TOOL_VERSION, unpackFingerprint, type ManifestEntry } from './manifest.js';
import { OutputFolder, OutputFolderError, OutputWriteError, type PreparedOutput } from './output-folder.js';
import { OutputNamer, type OutputName } from './output-names.js';
import { startProgress, type Progress } from './progress.js';
import { ReportFile } from './report-file.js';
import { StopSignal } from './stop-signal.js';
import { countStatus, emptyTally, formatSummary, type Tally } from './summary.js';
import { BatchInputError, type ConvertSettings, type InputItem, type InputStatus, type ReasonCode, type ReportRecord, type TaskInput, type TaskResult } from './types.js';
import { runTask } from './run-task.js';
import type { TaskResults } from './task-results.js';
import { walkInputGroups } from './walk-inputs.js';

/** Exit code after SIGINT/SIGTERM (128 + SIGINT). */
export const EXIT_INTERRUPTED = 130;
/** Below this many inputs the batch converts in the calling thread: starting workers costs more. */
export const SMALL_BATCH = 8;
/**
 * Below this many inputs (all plain files, known before converting starts) the worker pool starts
 * only if the batch is still running after POOL_START_AFTER_MS: short articles are done by then.
 * Larger batches, and those with archive entries (held in memory while counted), start it at once.
 */
export const SHORT_BATCH = 2000;
/**
 * Inputs per conversion task: one message to a worker and one back for this many. Tasks start
 * small (so that a short batch still spreads over the workers) and grow to the largest size.
 */
const CHUNK_MIN = 4;
const CHUNK_MAX = 32;

/** How to run a batch. */
export interface BatchOptions {
  /** Input paths, folders, globs, archives, `-`. */
  inputs: readonly string[];
  /** More inputs, one per line (or NUL-separated), read from this file or `-` (stdin). */
  filesFrom: string | null;
  /** Write one file per input here; `null` streams NDJSON records to stdout. */
  outDir: string | null;
  settings: ConvertSettings;
  maxBytes: number;
  /** Converting threads: this one and `jobs − 1` workers (1: this thread only). */
  jobs: number;
  /** Write only the first article of each duplicate group. */
  dedupe: boolean;
  /** `fresh` refuses a folder that holds an earlier run; `skip-existing` resumes; `force` redoes all. */
  mode: 'fresh' | 'skip-existing' | 'force';
  /** List the planned writes on stdout and stop. */
  dryRun: boolean;
  /** Where to write the NDJSON report, or `null`. */
  report: string | null;
  verbosity: Verbosity;
  paint: Paint;
  /** Show a progress bar when stderr is a terminal. */
  progress: boolean;
}

/** Exit codes the runner returns. */
export const BATCH_EXIT = { ok: 0, failed: 1, usage: 2, interrupted: EXIT_INTERRUPTED } as const;

/** One input between plan and finish. */
interface Outcome {
  item: InputItem;
  name: OutputName | null;
  /** The output's place and temporary file, made ready before converting. */
  prepared: PreparedOutput | null;
  /** Why the output cannot be written where it belongs (found while preparing). */
  unwritable: OutputWriteError | null;
  /** An earlier manifest entry that is current if the input's hash is unchanged (`--skip-existing`). */
  candidate: ManifestEntry | null;
  bytes: number | null;
  hash: string | null;
  result: TaskResult | null;
  /** Set when `--skip-existing` found a current output. */
  upToDate: ManifestEntry | null;
  failure: { reason: ReasonCode; message: string } | null;
  ms: number;
  /** An input too large for the converter's threads: converted in this thread when it is finished. */
  deferred: TaskInput | null;
  /** Where the input is in its chunk's task (`inputs`, `results`), or −1 when it was not sent. */
  slot: number;
}

/** Inputs converted together, finished one by one in input order. */
interface Chunk {
  outcomes: Outcome[];
  /** The task sent to the converter. */
  inputs: TaskInput[];
  /** The task's results, read as each input is finished (`null` until they are in, or when the task failed). */
  results: TaskResults | null;
  /** Settles once the conversion results are in (or the task failed). */
  converted: Promise<void>;
  /** Set when `converted` has settled. */
  done: boolean;
  /** How many outcomes have been finished. */
  finished: number;
}

/** The run's shared state. */
interface Run {
  options: BatchOptions;
  io: CliIO;
  folder: OutputFolder | null;
  manifest: Manifest | null;
  settingsKey: string;
  namer: OutputNamer | null;
  converter: Converter;
  duplicates: DuplicateIndex;
  report: ReportFile | null;
  progress: Progress;
  tally: Tally;
  stop: StopSignal;
  /** Set when the output folder became unusable: the batch stops. */
  fatal: string | null;
}

function usageError(io: CliIO, message: string): number {
  io.stderr.write(`article-parse: ${message}\nTry 'article-parse --help'.\n`);
  return BATCH_EXIT.usage;
}

/** Split a `--files-from` list: NUL-separated when it holds a NUL (`find -print0`), else by line. */
export function splitList(text: string): string[] {
  const parts = text.includes('\0') ? text.split('\0') : text.split('\n');
  return parts.map((p) => (p.endsWith('\r') ? p.slice(0, -1) : p)).filter((p) => p !== '');
}

async function* inputSource(options: BatchOptions, readList: () => Promise<Uint8Array>): AsyncGenerator<string> {
  yield* options.inputs;
  if (options.filesFrom !== null) {
    const text = Buffer.from(await readList()).toString('utf8');
    yield* splitList(text);
  }
}

function fileExists(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * Take groups from an iterator until they hold `n` items, or it ends, or `more` says to stop
 * (given the items so far and the latest group), without losing the rest.
 */
async function peek<T>(iterator: AsyncIterator<T[]>, n: number, more: (count: number, group: readonly T[]) => boolean): Promise<{ head: T[][]; ended: boolean; count: number }> {
  const head: T[][] = [];
  let count = 0;
  while (count < n) {
    const next = await iterator.next();
    if (next.done === true) return { head, ended: true, count };
    head.push(next.value);
    count += next.value.length;
    if (!more(count, next.value)) break;
  }
  return { head, ended: false, count };
}

/** The bytes of an input that does not come from a file (archive entries, stdin), or why there are none. */
async function loadItem(item: InputItem): Promise<{ bytes: Uint8Array | null; failure: Outcome['failure']; ms: number }> {
  const began = performance.now();
  try {
    return { bytes: await item.load(), failure: null, ms: 0 };
  } catch (error) {
    const failure =
      error instanceof BatchInputError ? { reason: error.reason, message: error.message } : { reason: 'parse-error' as const, message: `internal error: ${(error as Error).message}` };
    return { bytes: null, failure, ms: performance.now() - began };
  }
}

/**
 * Plan one input in input order: its output name, whether an earlier output may be current, its
 * output folder and temporary file; returns what to ask of the converting thread (or `null`).
 * `loaded` is what `loadItem` gave for an input that is not a file.
 */
function plan(run: Run, item: InputItem, loaded: Awaited<ReturnType<typeof loadItem>> | null): { outcome: Outcome; input: TaskInput | null } {
  const outcome: Outcome = { item, name: null, prepared: null, unwritable: null, candidate: null, bytes: null, hash: null, result: null, upToDate: null, failure: null, ms: 0, deferred: null, slot: -1 };
  if (item.verdict !== undefined) {
    outcome.failure = { reason: item.verdict.reason, message: item.verdict.message };
    return { outcome, input: null };
  }
  const { options } = run;
  outcome.name = run.namer?.name(item.relPath) ?? null;
  if (loaded !== null && loaded.failure !== null) {
    outcome.failure = loaded.failure;
    outcome.ms = loaded.ms;
    return { outcome, input: null };
  }
  const earlier = options.mode === 'skip-existing' ? run.manifest?.lookup(item.display) : undefined;
  if (earlier !== undefined && mayBeCurrent(run, earlier, outcome)) outcome.candidate = earlier;
  // An output that is probably current gets its folder only if it has to be written after all.
  if (run.folder !== null && outcome.name !== null && outcome.candidate === null) {
    try {
      outcome.prepared = run.folder.prepare(outcome.name.path);
    } catch (error) {
      if (!(error instanceof OutputWriteError)) throw error;
      outcome.unwritable = error;
    }
  }
  const input: TaskInput = {
    file: item.file ?? null,
    bytes: loaded?.bytes ?? null,
    path: item.display === '<stdin>' ? null : item.display,
    hash: run.manifest !== null,
    skipIfHash: outcome.candidate?.hash ?? null,
    convert: !options.dryRun,
    temp: outcome.prepared?.temp ?? null,
    returnOutput: !options.dryRun && (options.outDir === null || outcome.candidate !== null),
  };
  return { outcome, input };
}

/** True when an earlier manifest entry still describes this input's output, provided its content is unchanged. */
function mayBeCurrent(run: Run, entry: ManifestEntry, outcome: Outcome): boolean {
  if (entry.hash === null || entry.version !== TOOL_VERSION || entry.settings !== run.settingsKey) return false;
  if (entry.fp !== undefined && entry.fp?.s !== FINGERPRINT_SCHEME) return false;
  if (entry.status === 'duplicate') return entry.output === null;
  if (entry.status !== 'converted' && entry.status !== 'warnings') return false;
  if (entry.output === null || entry.output !== outcome.name?.path || run.options.outDir === null) return false;
  return fileExists(resolve(run.io.cwd, run.options.outDir, ...entry.output.split('/')));
}

/** Plan a chunk of inputs and hand the convertible ones to the converter as one task. */
async function dispatch(run: Run, items: readonly InputItem[]): Promise<Chunk> {
  const chunk: Chunk = { outcomes: [], inputs: [], results: null, converted: Promise.resolve(), done: true, finished: 0 };
  const largestInput = run.converter.largestInput;
  for (const item of items) {
    // Files are read by the converting thread; other inputs are loaded here first.
    const loaded = item.file === undefined && item.verdict === undefined ? await loadItem(item) : null;
    const { outcome, input } = plan(run, item, loaded);
    chunk.outcomes.push(outcome);
    if (input === null) continue;
    if (input.bytes !== null && input.bytes.byteLength > largestInput) {
      outcome.deferred = input;
      continue;
    }
    outcome.slot = chunk.inputs.length;
    chunk.inputs.push(input);
  }
  if (chunk.inputs.length > 0) {
    chunk.done = false;
    chunk.converted = run.converter.run({ inputs: chunk.inputs, settings: run.options.settings, maxBytes: run.options.maxBytes, largestInput }).then(
      (results) => {
        chunk.results = results;
        chunk.done = true;
      },
      (error: unknown) => {
        chunk.done = true;
        for (const outcome of chunk.outcomes) if (outcome.slot >= 0) outcome.failure = { reason: 'parse-error', message: `internal error: ${(error as Error).message}` };
      },
    );
  }
  return chunk;
}

/** Read an input's conversion result from its chunk's task (once, when the input is finished). */
function collect(chunk: Chunk, outcome: Outcome): void {
  if (outcome.slot < 0) return;
  const result = chunk.results?.get(outcome.slot);
  const input = chunk.inputs[outcome.slot];
  outcome.slot = -1;
  if (result !== undefined && input !== undefined) take(outcome, result, input);
}

/** Record a conversion result on its outcome (or, for an input handed back, what is left to do). */
function take(outcome: Outcome, result: TaskResult, input: TaskInput): void {
  if (result.deferred) {
    outcome.deferred = input;
    return;
  }
  outcome.result = result;
  outcome.bytes = result.bytes;
  outcome.hash = result.hash;
  outcome.ms = result.ms;
  if (result.failure !== null) outcome.failure = result.failure;
  else if (result.upToDate) outcome.upToDate = outcome.candidate;
}

/** The reason code for an input that produced no article. */
function parseFailureReason(diagnostics: readonly Diagnostic[]): ReasonCode {
  const error = diagnostics.find((d) => d.severity === 'error');
  switch (error?.code) {
    case 'NOT_TEXT':
      return 'not-text';
    case 'EMPTY_INPUT':
      return 'empty';
    case 'NO_ARTICLE':
      return 'no-article';
    case 'INPUT_TOO_LARGE':
      return 'too-large';
    default:
      return 'parse-error';
  }
}

function record(outcome: Outcome, status: InputStatus, reason: ReasonCode | null, message: string | null, output: string | null, match: DuplicateMatch | null): ReportRecord {
  return {
    path: outcome.item.display,
    status,
    reason,
    output,
    bytes: outcome.bytes,
    ms: Math.round(outcome.ms * 100) / 100,
    message,
    duplicateOf: match?.of ?? null,
    similarity: match?.similarity ?? null,
    renamed: outcome.name?.renamed ?? false,
    diagnostics: outcome.result?.diagnostics ?? [],
  };
}

/** Finish one input in input order: duplicates, write, manifest, report line, messages. */
function finish(run: Run, outcome: Outcome): void {
  const { options, io } = run;
  if (outcome.deferred !== null) {
    // Too large for a worker: converted here, as with -j1.
    const input = outcome.deferred;
    outcome.deferred = null;
    const result = runTask({ inputs: [input], settings: options.settings, maxBytes: options.maxBytes, largestInput: Number.POSITIVE_INFINITY })[0];
    if (result !== undefined) take(outcome, result, input);
  }
  const { paint, verbosity } = options;
  const display = outcome.item.display;
  const result = outcome.result;
  let line: ReportRecord;
  let match: DuplicateMatch | null = null;

  if (outcome.failure !== null || (result !== null && !result.upToDate && options.dryRun === false && !result.produced)) {
    const reason = outcome.failure?.reason ?? parseFailureReason(result?.diagnostics ?? []);
    const message = outcome.failure?.message ?? null;
    const status: InputStatus = reason === 'not-an-article' ? 'skipped' : 'failed';
    line = record(outcome, status, reason, message, null, null);
    if (outcome.prepared !== null) run.folder?.discard(outcome.prepared);
    outcome.prepared = null;
    if (status === 'failed') {
      if (message !== null) io.stderr.write(`${display}: ${paint.error('error')} ${message}\n`);
      for (const text of diagnosticLines(display, result?.diagnostics ?? [], 'quiet', paint)) io.stderr.write(text + '\n');
      if (outcome.name !== null && outcome.hash !== null) note(run, { input: display, output: null, hash: outcome.hash, version: TOOL_VERSION, settings: run.settingsKey, status });
    }
  } else if (outcome.upToDate !== null) {
    const entry = outcome.upToDate;
    if (entry.fp !== undefined) match = run.duplicates.check(unpackFingerprint(entry.fp), display);
    line = record(outcome, 'skipped', 'up-to-date', null, entry.output, match);
  } else if (options.dryRun || result === null) {
    // --dry-run: the planned write
    const target = outcome.name !== null && options.outDir !== null ? resolve(io.cwd, options.outDir, ...outcome.name.path.split('/')) : null;
    if (target !== null && !io.stdout.closed) io.stdout.write(`${display} -> ${target}\n`);
    line = record(outcome, 'converted', null, 'planned (dry run)', outcome.name?.path ?? null, null);
  } else {
    if (result.fingerprint !== null) match = run.duplicates.check(result.fingerprint, display);
    const hasWarnings = result.diagnostics.some((d) => d.severity === 'warning');
    let status: InputStatus = hasWarnings ? 'warnings' : 'converted';
    let reason: ReasonCode | null = hasWarnings ? 'has-warnings' : null;
    let message: string | null = null;
    let written: string | null = null;
    if (match !== null && options.dedupe) {
      status = 'duplicate';
      reason = match.kind === 'exact' ? 'exact-duplicate' : 'near-duplicate';
      message = `${match.kind === 'exact' ? 'same article as' : 'nearly the same article as'} ${match.of}; not written (--dedupe)`;
      if (outcome.prepared !== null) run.folder?.discard(outcome.prepared);
    } else if (run.folder !== null && outcome.name !== null) {
      try {
        place(run.folder, outcome, outcome.name.path, result);
        written = outcome.name.path;
      } catch (error) {
        if (!(error instanceof OutputWriteError)) throw error;
        status = 'failed';
        reason = 'write-failed';
        message = error.message;
        io.stderr.write(`${display}: ${paint.error('error')} ${error.message}\n`);
      }
    } else if (!io.stdout.closed) {
      io.stdout.write(result.output ?? '');
    }
    outcome.prepared = null;
    for (const text of diagnosticLines(display, result.diagnostics, verbosity === 'verbose' ? 'verbose' : 'quiet', paint)) io.stderr.write(text + '\n');
    if (verbosity === 'verbose' && match !== null) io.stderr.write(`${display}: ${paint.info('info')} ${match.kind} duplicate of ${match.of} (similarity ${match.similarity.toFixed(2)})\n`);
    line = record(outcome, status, reason, message, written, match);
    if (outcome.hash !== null) {
      const entry: ManifestEntry = { input: display, output: written, hash: outcome.hash, version: TOOL_VERSION, settings: run.settingsKey, status };
      if (result.fingerprint !== null && status !== 'failed') entry.fp = packFingerprint(result.fingerprint);
      note(run, entry);
    }
  }

  countStatus(run.tally, line.status);
  if (match !== null) {
    if (match.kind === 'exact') run.tally.exactDuplicates++;
    else run.tally.nearDuplicates++;
  }
  if (line.renamed) {
    run.tally.renamed++;
    if (verbosity !== 'quiet') io.stderr.write(`${display}: ${paint.warning('warning')} output name taken; written as ${line.output ?? outcome.name?.path ?? ''}\n`);
  }
  run.report?.add(line);
  run.progress.tick(line.status === 'failed');
  release(outcome);
}

/**
 * Drop what a finished outcome points to. The outcome has usually lived long enough to be in the
 * old generation, where, even unreachable, it would keep what it points to alive through every
 * young-generation collection until the next full one (and so make it old too).
 */
function release(outcome: Outcome): void {
  outcome.result = null;
  outcome.hash = null;
  outcome.failure = null;
  outcome.name = null;
  outcome.candidate = null;
  outcome.upToDate = null;
  outcome.unwritable = null;
}

/**
 * Put a converted input's output in place: rename the temporary file the converting thread
 * wrote, or (when the folder was not made ready beforehand) write it here. Throws `OutputWriteError`.
 */
function place(folder: OutputFolder, outcome: Outcome, rel: string, result: TaskResult): void {
  if (outcome.unwritable !== null) throw outcome.unwritable;
  if (outcome.prepared === null) {
    const prepared = folder.prepare(rel);
    try {
      writeFileSync(prepared.temp, result.output ?? '', { flag: 'wx' });
    } catch (error) {
      folder.discard(prepared);
      throw OutputFolder.writeError(rel, (error as NodeJS.ErrnoException).code ?? 'error');
    }
    folder.commit(rel, prepared);
    return;
  }
  if (result.writeError !== null) throw OutputFolder.writeError(rel, result.writeError);
  folder.commit(rel, outcome.prepared);
}

/** Add to the manifest; a failure there means the output folder is unusable. */
function note(run: Run, entry: ManifestEntry): void {
  if (run.manifest === null || run.fatal !== null) return;
  try {
    run.manifest.record(entry);
  } catch (error) {
    manifestFailed(run, error);
  }
}

/** Write the manifest entries noted so far. */
function flushManifest(run: Run): void {
  if (run.manifest === null || run.fatal !== null) return;
  try {
    run.manifest.flush();
  } catch (error) {
    manifestFailed(run, error);
  }
}

function manifestFailed(run: Run, error: unknown): void {
  run.fatal = `cannot write the manifest in ${run.options.outDir ?? ''} (${(error as NodeJS.ErrnoException).code ?? String(error)}); stopping`;
}

/** Set up the output folder, manifest and report; a number is an exit code for a problem found. */
async function prepare(options: BatchOptions, io: CliIO): Promise<number | { folder: OutputFolder | null; manifest: Manifest | null; report: ReportFile | null }> {
  if (options.outDir === null) {
    if (options.mode !== 'fresh' || options.dryRun) return usageError(io, '--skip-existing, --force and --dry-run need --out-dir');
    if (options.settings.format !== 'ndjson') return usageError(io, 'folders, globs, archives and several inputs need --out-dir DIR, or --format ndjson for one record per line on stdout');
  }
  let folder: OutputFolder | null = null;
  let manifest: Manifest | null = null;
  if (options.outDir !== null) {
    const dir = resolve(io.cwd, options.outDir);
    if (options.mode === 'fresh' && (await Manifest.exists(dir))) {
      return usageError(io, `${options.outDir} holds the results of an earlier batch: pass --skip-existing to complete it or --force to redo everything`);
    }
    try {
      if (!options.dryRun) folder = await OutputFolder.open(dir);
      manifest = await Manifest.open(dir, options.mode === 'skip-existing', options.dryRun);
    } catch (error) {
      const message = error instanceof OutputFolderError ? error.message : `cannot write the manifest in ${options.outDir} (${(error as NodeJS.ErrnoException).code ?? String(error)})`;
      io.stderr.write(`article-parse: ${options.paint.error('error')} ${message}\n`);
      return BATCH_EXIT.failed;
    }
  }
  let report: ReportFile | null = null;
  if (options.report !== null && !options.dryRun) {
    try {
      report = await ReportFile.create(resolve(io.cwd, options.report));
    } catch (error) {
      await manifest?.close();
      return usageError(io, `--report ${options.report}: cannot write (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
  }
  return { folder, manifest, report };
}

/** Run a batch. Returns the exit code: 0 all converted, 1 some failed, 2 usage error, 130 interrupted. */
export async function runBatch(options: BatchOptions, io: CliIO): Promise<number> {
  const began = performance.now();
  if (options.filesFrom === '-' && options.inputs.includes('-')) return usageError(io, 'stdin ("-") can be read only once');
  const prepared = await prepare(options, io);
  if (typeof prepared === 'number') return prepared;
  const { folder, manifest, report } = prepared;

  const stop = new StopSignal();
  const uninstall = stop.install();
  const cwd = io.cwd;
  const exclude = [options.outDir, options.report].filter((p): p is string => p !== null).map((p) => resolve(cwd, p));
  const source = inputSource(options, () => (options.filesFrom === '-' ? io.readStdin() : readListFile(resolve(cwd, options.filesFrom ?? ''))));
  let listError: string | null = null;
  const guardedSource = (async function* () {
    try {
      yield* source;
    } catch (error) {
      listError = `--files-from ${options.filesFrom ?? ''}: cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`;
    }
  })();
  const walk = walkInputGroups(guardedSource, { cwd, maxBytes: options.maxBytes, exclude, readStdin: () => io.readStdin(), stopped: () => stop.stopped || io.stdout.closed });

  // How long the batch is, as far as that is known without holding many inputs in memory: plain
  // files are only named until converted, archive entries and stdin are read (so the count goes
  // past SMALL_BATCH only over plain files).
  const namedOnly = (group: readonly InputItem[]): boolean => group.every((item) => item.file !== undefined || item.verdict !== undefined);
  const { head, ended, count } = await peek(walk, SHORT_BATCH, (n, group) => n < SMALL_BATCH || namedOnly(group));
  const small = ended && count < SMALL_BATCH;
  const short = ended && count < SHORT_BATCH;
  /** Inputs handed to the converter so far. */
  let dispatched = 0;
  // With workers, this thread converts beside them (see poolConverter): `-j N` starts N − 1.
  const converter = options.jobs <= 1 || small || options.dryRun ? inlineConverter() : await poolConverter(options.jobs - 1, short ? poolStartAfter(io.env) : 0, short ? () => count - dispatched : null);
  const stderrStream = process.stderr;
  const progress = await startProgress(options.progress && io.stderr.isTTY && options.verbosity !== 'quiet' && !options.dryRun, stderrStream);
  const run: Run = {
    options,
    io,
    folder,
    manifest,
    settingsKey: settingsHash(options.settings, options.dedupe),
    namer: options.outDir !== null ? new OutputNamer(OUTPUT_EXTENSIONS[options.settings.format], [MANIFEST_NAME]) : null,
    converter,
    duplicates: new DuplicateIndex(),
    report,
    progress,
    tally: emptyTally(),
    stop,
    fatal: null,
  };

  // The bar's total: a quick count of the inputs ahead, while the batch already runs.
  let counted = 0;
  if (progress.enabled) {
    void countInputs(options.inputs, cwd, exclude, () => stop.stopped).then((n) => {
      counted = n;
      progress.setTotal(Math.max(counted, discovered));
    });
  }
  // Chunks in flight: in this thread one at a time; with workers enough that none waits, and a
  // few for this thread to convert while it waits for them.
  const window = converter.capacity;
  const pending: Chunk[] = [];
  let discovered = 0;
  const drainOne = async (): Promise<boolean> => {
    const chunk = pending[0];
    if (chunk === undefined) return false;
    // Rather than wait for a worker, convert a task none has taken yet; after each, a turn of
    // the event loop lets the workers' results in (and sends them more).
    while (!chunk.done && !stop.abandoned && converter.assist()) await nextTurn();
    if ((await stop.settledOrAbandoned(chunk.converted.then(() => true))) === null) return false;
    while (chunk.finished < chunk.outcomes.length && !stop.abandoned) {
      const outcome = chunk.outcomes[chunk.finished];
      if (outcome === undefined) break;
      collect(chunk, outcome);
      finish(run, outcome);
      chunk.finished++;
    }
    flushManifest(run);
    if (run.report?.full === true) await run.report.flush();
    if (chunk.finished < chunk.outcomes.length) return false;
    pending.shift();
    return true;
  };
  const blocked = (): boolean => stop.stopped || io.stdout.closed || run.fatal !== null;
  try {
    const all = (async function* () {
      yield* head;
      if (!ended) yield* walk;
    })();
    let items: InputItem[] = [];
    walking: for await (const group of all) {
      for (const item of group) {
        if (blocked()) break walking;
        discovered++;
        items.push(item);
        if (items.length < Math.min(CHUNK_MAX, Math.max(CHUNK_MIN, Math.floor(dispatched / window)))) continue;
        progress.setTotal(Math.max(counted, discovered));
        dispatched += items.length;
        pending.push(await dispatch(run, items));
        items = [];
        while (pending.length >= window && !stop.abandoned) {
          if (!(await drainOne())) break;
        }
      }
      progress.setTotal(Math.max(counted, discovered));
    }
    if (items.length > 0 && !blocked()) pending.push(await dispatch(run, items));
    while (pending.length > 0 && !stop.abandoned) {
      if (!(await drainOne())) break;
    }
  } finally {
    uninstall();
    progress.stop();
    await converter.close();
    // Inputs abandoned by a second signal (or an internal error): their temporary files go.
    for (const chunk of pending) for (const outcome of chunk.outcomes.slice(chunk.finished)) if (outcome.prepared !== null) folder?.discard(outcome.prepared);
    folder?.removeUnused();
    await manifest?.close().catch(() => undefined);
    await report?.close().catch((error: unknown) => {
      io.stderr.write(`article-parse: ${options.paint.error('error')} cannot write the report (${(error as NodeJS.ErrnoException).code ?? String(error)})\n`);
    });
  }

  if (listError !== null) {
    io.stderr.write(`article-parse: ${options.paint.error('error')} ${listError}\n`);
    run.tally.failed++;
  }
  if (run.fatal !== null) io.stderr.write(`article-parse: ${options.paint.error('error')} ${run.fatal}\n`);
  if (io.stdout.closed) return run.tally.failed > 0 ? BATCH_EXIT.failed : BATCH_EXIT.ok;
  if (options.verbosity !== 'quiet') {
    io.stderr.write(formatSummary(run.tally, (performance.now() - began) / 1000, { dedupe: options.dedupe, interrupted: stop.signal, dryRun: options.dryRun }));
  }
  if (stop.signal !== null) return BATCH_EXIT.interrupted;
  return run.tally.failed > 0 || run.fatal !== null ? BATCH_EXIT.failed : BATCH_EXIT.ok;
}

function readListFile(path: string): Promise<Uint8Array> {
  return readFile(path);
}
