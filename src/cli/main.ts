/**
 * The command-line program: options → read inputs → parseArticle → render → write.
 * A thin shell over the public API; all I/O goes through the injected `CliIO`.
 *
 * Exit codes: 0 all inputs converted; 1 some input failed; 2 usage error.
 */

import { readFile, stat } from '../util/fs-async.js';
import { resolve } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { BUILTIN_LABELS, hasErrors, mergeLabels, OUTPUT_FORMATS, parseArticle, parseLabelsYaml, render, type Article, type LabelTable, type OutputFormat } from '../index.js';
import { LabelsError, MAX_LABELS_BYTES } from '../classify/load-labels.js';
import { canonicalName, UnknownEncodingError } from '../source/decode.js';
import type { InputFormatOption } from '../input/detect-format.js';
import { InputError, readInputFile } from './read-input.js';
import { diagnosticLines, makePaint, type Paint, type Verbosity } from './report.js';
import { writeFileAtomic } from './write-output.js';
import type { CliIO } from './io.js';
import { addBatchOptions, BATCH_EXAMPLES, isBatch, runBatchCommand, type BatchCliOptions } from '../batch/batch-cli.js';

export const EXIT_OK = 0;
export const EXIT_INPUT_FAILED = 1;
export const EXIT_USAGE = 2;

/** Default `--max-bytes`: larger inputs are refused before they are read. */
export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

const VERSION = '0.1.0';

const EXAMPLES = `
Examples:
  $ article-parse article.txt                       JSON on stdout
  $ article-parse article.txt --format yaml
  $ article-parse article.txt --format json | jq -r .title
  $ cat article.txt | article-parse - --format md > article.md
  $ article-parse article.html -o article.json     write a file atomically
  $ article-parse a.txt b.txt c.html --format ndjson
  $ article-parse article.txt --labels site-labels.yaml

Exit codes: 0 all inputs converted, 1 some input failed, 2 usage error.
Diagnostics go to stderr; --verbose shows every repair, --quiet only errors.`;

interface Options extends BatchCliOptions {
  format: OutputFormat;
  output?: string;
  compact: boolean;
  inputFormat: InputFormatOption | 'ndjson';
  encoding?: string;
  labels?: string;
  maxBytes: number;
  quiet: boolean;
  verbose: boolean;
  color: boolean;
}

class UsageError extends Error {}

function program(io: CliIO): Command {
  const cmd = new Command()
    .name('article-parse')
    .description('Turn scraped news articles (text, HTML, Markdown) into structured data: title, dateline, lede, sections and metadata.')
    .version(VERSION, '-V, --version')
    .argument('[inputs...]', 'input files; "-" or none (with piped input) reads stdin')
    .addOption(new Option('-f, --format <format>', 'output format').choices(OUTPUT_FORMATS).default('json'))
    .option('-o, --output <file>', 'write the result to FILE (atomically) instead of stdout')
    .option('--compact', 'one-line JSON', false)
    .addOption(new Option('--input-format <format>', 'how to read the input').choices(['auto', 'text', 'html', 'markdown', 'ndjson']).default('auto'))
    .option('--encoding <name>', 'decode input with this encoding (e.g. windows-1256) instead of detecting it')
    .option('--labels <file>', 'YAML file with more metadata labels (other sites, other languages)')
    .addOption(
      new Option('--max-bytes <n>', 'refuse inputs larger than N bytes')
        .default(DEFAULT_MAX_BYTES)
        .argParser((v) => {
          const n = Number(v);
          if (!Number.isSafeInteger(n) || n <= 0) throw new UsageError(`--max-bytes: "${v}" is not a positive whole number`);
          return n;
        }),
    )
    .option('-q, --quiet', 'print only errors on stderr', false)
    .option('-v, --verbose', 'print every diagnostic (repairs too) on stderr', false)
    .option('--no-color', 'no colour on stderr (also: NO_COLOR=1)')
    .addHelpText('after', EXAMPLES + '\n' + BATCH_EXAMPLES)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: (s, write) => write(s),
    });
  return addBatchOptions(cmd);
}

async function loadLabels(path: string | undefined, cwd: string): Promise<LabelTable> {
  if (path === undefined) return BUILTIN_LABELS;
  let text: string;
  try {
    // refuse an oversized file before reading it
    const size = (await stat(resolve(cwd, path))).size;
    if (size > MAX_LABELS_BYTES) throw new UsageError(`--labels ${path}: file is larger than ${MAX_LABELS_BYTES / 1024} KiB`);
    text = await readFile(resolve(cwd, path), 'utf8');
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`--labels ${path}: cannot read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  try {
    return mergeLabels(BUILTIN_LABELS, parseLabelsYaml(text, BUILTIN_LABELS));
  } catch (error) {
    if (error instanceof LabelsError) throw new UsageError(`--labels ${path}: ${error.message}`);
    throw error;
  }
}

/** Run the CLI with `argv` (without `node` and the script). Returns the exit code. */
export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  const cmd = program(io);
  let inputs: string[];
  let opts: Options;
  try {
    cmd.parse([...argv], { from: 'user' });
    inputs = cmd.processedArgs[0] as string[];
    opts = cmd.opts<Options>();
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    if (error instanceof UsageError) {
      io.stderr.write(`article-parse: ${error.message}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }

  const colour = opts.color && io.stderr.isTTY && (io.env['NO_COLOR'] ?? '') === '' && io.env['TERM'] !== 'dumb';
  const paint = await makePaint(colour);
  const verbosity: Verbosity = opts.quiet ? 'quiet' : opts.verbose ? 'verbose' : 'normal';
  const usage = (message: string): number => {
    io.stderr.write(`article-parse: ${message}\nTry 'article-parse --help'.\n`);
    return EXIT_USAGE;
  };

  let labels: LabelTable;
  try {
    labels = await loadLabels(opts.labels, io.cwd);
    if (opts.encoding !== undefined) canonicalName(opts.encoding);
  } catch (error) {
    if (error instanceof UsageError) return usage(error.message);
    if (error instanceof UnknownEncodingError) return usage(`--encoding: unknown encoding "${opts.encoding ?? ''}"`);
    throw error;
  }

  if (opts.inputFormat === 'ndjson' || isBatch(inputs, opts, io.cwd)) return runBatchCommand(inputs, opts, { io, labels, paint, verbosity });

  if (inputs.length === 0) {
    if (io.stdinIsTTY) return usage('no input given (pass a file, or pipe text into stdin)');
    inputs = ['-'];
  }
  if (inputs.filter((i) => i === '-').length > 1) return usage('stdin ("-") can be read only once');
  if (inputs.length > 1 && opts.format !== 'ndjson') return usage(`${inputs.length} inputs need --format ndjson (one record per line)`);

  let failed = 0;
  const outputs: string[] = [];
  for (const input of inputs) {
    if (io.stdout.closed) break;
    const name = input === '-' ? '<stdin>' : input;
    const article = await convert(input, name, opts, labels, io, paint, verbosity);
    if (article === null) {
      failed++;
      continue;
    }
    const text = render(article, opts.format, { compact: opts.compact });
    if (opts.output !== undefined) outputs.push(text);
    else io.stdout.write(text);
  }

  if (opts.output !== undefined && outputs.length > 0) {
    try {
      await writeFileAtomic(resolve(io.cwd, opts.output), outputs.join(''));
    } catch (error) {
      io.stderr.write(`${opts.output}: ${paint.error('error')} cannot write output (${(error as NodeJS.ErrnoException).code ?? String(error)})\n`);
      return EXIT_INPUT_FAILED;
    }
  }
  return failed > 0 ? EXIT_INPUT_FAILED : EXIT_OK;
}

/** Read, parse and report one input; null when it failed (the reason is already on stderr). */
async function convert(input: string, name: string, opts: Options, labels: LabelTable, io: CliIO, paint: Paint, verbosity: Verbosity): Promise<Article | null> {
  let bytes: Uint8Array;
  try {
    if (input === '-') {
      bytes = await io.readStdin();
      if (bytes.byteLength > opts.maxBytes) throw new InputError(`is ${bytes.byteLength} bytes, over the --max-bytes limit of ${opts.maxBytes}`, 'too-large');
    } else bytes = await readInputFile(resolve(io.cwd, input), opts.maxBytes);
  } catch (error) {
    if (error instanceof InputError) {
      io.stderr.write(`${name}: ${paint.error('error')} ${error.message}\n`);
      return null;
    }
    throw error;
  }
  const article = parseArticle(bytes, {
    path: input === '-' ? null : input,
    inputFormat: opts.inputFormat === 'ndjson' ? 'auto' : opts.inputFormat,
    labels,
    ...(opts.encoding !== undefined ? { encoding: opts.encoding } : {}),
  });
  for (const line of diagnosticLines(name, article.diagnostics, verbosity, paint)) io.stderr.write(line + '\n');
  return hasErrors(article.diagnostics) ? null : article;
}
