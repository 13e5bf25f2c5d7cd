/**
 * `--input-format ndjson`: records `{"id": …, "text" | "html": …}`, one per line, in; one
 * Article per line out, with `source.path` = id, in input order. This makes article-parse a
 * line-oriented mapper (Hadoop Streaming, Spark `RDD.pipe`, `parallel --pipe`). Records that
 * yield no article, and lines that are not records, are reported on stderr.
 */

import { createReadStream } from 'node:fs';
import { resolve } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import type { CliIO } from '../cli/io.js';
import { diagnosticLines, type Paint } from '../cli/report.js';
import { convert } from './convert.js';
import type { ConvertSettings } from './types.js';

/** What `--input-format ndjson` needs. */
export interface NdjsonInputOptions {
  /** Files of records; empty or `-` reads stdin. */
  inputs: readonly string[];
  /** Settings; `format` is always NDJSON and `inputFormat` comes from each record. */
  settings: ConvertSettings;
  /** Records whose text is longer than this (in UTF-8 bytes) are refused. */
  maxBytes: number;
  paint: Paint;
}

/** A parsed record, or why the line is not one. */
type Parsed = { id: string; body: string; kind: 'text' | 'html' } | { error: string };

/** Read one record line. */
export function parseRecord(line: string): Parsed {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { error: 'not valid JSON' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { error: 'not a JSON object' };
  const record = value as Record<string, unknown>;
  const id = record['id'];
  if (typeof id !== 'string' && typeof id !== 'number') return { error: 'no "id" (string or number)' };
  const html = record['html'];
  const text = record['text'];
  if (typeof html === 'string') return { id: String(id), body: html, kind: 'html' };
  if (typeof text === 'string') return { id: String(id), body: text, kind: 'text' };
  return { error: `record ${String(id)} has no "text" or "html" string` };
}

/** Lines of a byte stream, decoded as UTF-8, without their line ends. */
export async function* linesOf(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  for await (const chunk of chunks) {
    rest += decoder.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    let at = rest.indexOf('\n');
    let from = 0;
    while (at !== -1) {
      yield rest.slice(from, at);
      from = at + 1;
      at = rest.indexOf('\n', from);
    }
    rest = rest.slice(from);
  }
  rest += decoder.end();
  if (rest !== '') yield rest;
}

/** Standard input as chunks: streamed when the injected IO offers a stream, else read whole. */
function stdinChunks(io: CliIO): AsyncIterable<Uint8Array> {
  if (io.stdinStream !== undefined) return io.stdinStream();
  return (async function* () {
    yield await io.readStdin();
  })();
}

async function* fileChunks(path: string): AsyncGenerator<Uint8Array> {
  for await (const chunk of createReadStream(path)) yield chunk as Buffer;
}

/** Run the NDJSON mapper. Returns 0 when every record converted, 1 otherwise. */
export async function runNdjsonInput(options: NdjsonInputOptions, io: CliIO): Promise<number> {
  const { paint } = options;
  let failed = 0;
  const sources = options.inputs.length === 0 ? ['-'] : options.inputs;
  for (const source of sources) {
    const name = source === '-' ? '<stdin>' : source;
    let lineNo = 0;
    try {
      for await (const line of linesOf(source === '-' ? stdinChunks(io) : fileChunks(resolve(io.cwd, source)))) {
        if (io.stdout.closed) return failed > 0 ? 1 : 0;
        lineNo++;
        const trimmed = line.endsWith('\r') ? line.slice(0, -1) : line;
        if (trimmed.trim() === '') continue;
        const parsed = parseRecord(trimmed);
        if ('error' in parsed) {
          failed++;
          io.stderr.write(`${name}:${lineNo}: ${paint.error('error')} ${parsed.error}\n`);
          continue;
        }
        const bytes = Buffer.from(parsed.body, 'utf8');
        if (bytes.byteLength > options.maxBytes) {
          failed++;
          io.stderr.write(`${parsed.id}: ${paint.error('error')} is ${bytes.byteLength} bytes, over the --max-bytes limit of ${options.maxBytes}\n`);
          continue;
        }
        const result = convert(
          {
            bytes,
            path: parsed.id,
            settings: { ...options.settings, format: 'ndjson', inputFormat: parsed.kind === 'html' ? 'html' : options.settings.inputFormat },
          },
          false,
        );
        if (result.output === null) {
          failed++;
          for (const text of diagnosticLines(parsed.id, result.diagnostics, 'quiet', paint)) io.stderr.write(text + '\n');
          continue;
        }
        io.stdout.write(result.output);
      }
    } catch (error) {
      failed++;
      io.stderr.write(`${name}: ${paint.error('error')} cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})\n`);
    }
  }
  return failed > 0 ? 1 : 0;
}
