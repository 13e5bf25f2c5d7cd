/**
 * The input as text: decode bytes (a saved page's declared charset first, else detection), or
 * take a string as it is; remove a BOM, repair mojibake, turn CRLF/CR into LF. Reports the source
 * facts (encoding, confidence, byte length) and what it did as diagnostics.
 */

import { diagnostic, type Diagnostic } from '../diagnostics/codes.js';
import { detectFormat, formatByName, type InputFormatOption } from '../input/detect-format.js';
import { asciiPrefix, declaredHtmlCharset, isNonAsciiUtf8, mayBeHtml } from '../input/html-charset.js';
import { appendAll } from '../util/append.js';
import { canonicalName, decodeInput, DEFAULT_MAX_BYTES, repairMojibake } from './decode.js';

export interface ReadOptions {
  path: string | null;
  inputFormat: InputFormatOption;
  encoding?: string;
  maxBytes?: number;
}

export interface SourceText {
  /** The decoded text with LF line ends. */
  text: string;
  encoding: string;
  encodingConfidence: number;
  bytes: number;
  diagnostics: Diagnostic[];
}

/**
 * The encoding to decode with: the caller's, else a saved page's declared charset (unless the
 * bytes are valid non-ASCII UTF-8, which a mislabelled page often is), else none (detect).
 */
function chooseEncoding(bytes: Uint8Array, options: ReadOptions, diagnostics: Diagnostic[]): string | undefined {
  if (options.encoding !== undefined) return options.encoding;
  // (the first bytes are decoded only when neither the option nor the file name tells the format,
  // and only when they hold a `<`, as every HTML sign does)
  if ((formatByName(options.path, options.inputFormat) ?? (mayBeHtml(bytes) ? detectFormat(asciiPrefix(bytes), null) : 'text')) !== 'html') return undefined;
  const declared = declaredHtmlCharset(bytes);
  if (declared === null || isNonAsciiUtf8(bytes) || bytes[0] === 0xef || bytes[0] === 0xfe || bytes[0] === 0xff) return undefined;
  try {
    const name = canonicalName(declared);
    diagnostics.push(diagnostic('ENCODING_DECLARED', `the page declares charset "${declared}"; decoded as ${name}`));
    return name;
  } catch {
    return undefined;
  }
}

/** CRLF and lone CR → LF. */
function normaliseLineEnds(text: string, diagnostics: Diagnostic[]): string {
  if (!text.includes('\r')) return text;
  diagnostics.push(diagnostic('LINE_ENDINGS_NORMALISED', 'CRLF or CR line ends were turned into LF'));
  return text.replace(/\r\n?/gu, '\n');
}

/** Read the input (string or bytes) into text. Never throws for bad bytes. */
export function readSourceText(input: string | Uint8Array, options: ReadOptions): SourceText {
  const diagnostics: Diagnostic[] = [];
  let text: string;
  let encoding = 'utf-8';
  let encodingConfidence = 1;
  let bytes: number;
  if (typeof input === 'string') {
    text = input;
    bytes = Buffer.byteLength(input, 'utf8');
    const limit = options.maxBytes ?? DEFAULT_MAX_BYTES;
    if (bytes > limit) {
      diagnostics.push(diagnostic('INPUT_TOO_LARGE', `the input is ${bytes} bytes, larger than the limit of ${limit} bytes; raise it with --max-bytes`));
      return { text: '', encoding, encodingConfidence, bytes, diagnostics };
    }
    if (text.charCodeAt(0) === 0xfeff) {
      text = text.slice(1);
      diagnostics.push(diagnostic('BOM_REMOVED', 'a byte-order mark was removed', 1));
    }
    const repaired = repairMojibake(text);
    if (repaired.repairs > 0) {
      text = repaired.text;
      diagnostics.push(diagnostic('MOJIBAKE_REPAIRED', `${repaired.repairs} character(s) of UTF-8 misread as windows-1252/latin-1 were repaired`));
    }
  } else {
    bytes = input.byteLength;
    const encodingOption = chooseEncoding(input, options, diagnostics);
    const decoded = decodeInput(input, {
      ...(encodingOption !== undefined ? { encoding: encodingOption } : {}),
      ...(options.maxBytes !== undefined ? { maxBytes: options.maxBytes } : {}),
    });
    text = decoded.text;
    encoding = decoded.encoding;
    encodingConfidence = decoded.confidence;
    appendAll(diagnostics, decoded.diagnostics);
  }
  text = normaliseLineEnds(text, diagnostics);
  return { text, encoding, encodingConfidence, bytes, diagnostics };
}
