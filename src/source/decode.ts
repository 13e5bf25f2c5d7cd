/**
 * decode: bytes → text. Removes a byte-order mark, decodes UTF-8 / UTF-16 / UTF-32, refuses binary
 * input, and reports what it did as diagnostics. It never throws for bad bytes.
 */

import { diagnostic, type Diagnostic } from '../diagnostics/codes.js';

export interface DecodeOptions {
  /** Force this encoding (a WHATWG label such as `windows-1256`) instead of detecting one. */
  encoding?: string;
}

export interface Decoded {
  text: string;
  /** WHATWG encoding name, lower case (`utf-8`, `utf-16le`, `windows-1256`, …). */
  encoding: string;
  /** 0..1; 1 for a BOM, a forced encoding or valid UTF-8. */
  confidence: number;
  diagnostics: Diagnostic[];
}

/** Thrown only for a usage error: an encoding name that does not exist. */
export class UnknownEncodingError extends Error {
  constructor(readonly encodingName: string) {
    super(`unknown encoding "${encodingName}"`);
    this.name = 'UnknownEncodingError';
  }
}

const BOMS: readonly { bytes: readonly number[]; encoding: string }[] = [
  // UTF-32 first: its LE BOM starts with the UTF-16 LE BOM.
  { bytes: [0xff, 0xfe, 0x00, 0x00], encoding: 'utf-32le' },
  { bytes: [0x00, 0x00, 0xfe, 0xff], encoding: 'utf-32be' },
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  if (bytes.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[i] !== prefix[i]) return false;
  return true;
}

/** Decode UTF-32 by hand: TextDecoder does not support it. Invalid code points become U+FFFD. */
function decodeUtf32(bytes: Uint8Array, littleEndian: boolean): { text: string; invalid: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts: string[] = [];
  let invalid = 0;
  const whole = bytes.length - (bytes.length % 4);
  for (let i = 0; i < whole; i += 4) {
    const cp = view.getUint32(i, littleEndian);
    if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
      parts.push('\ufffd');
      invalid++;
    } else parts.push(String.fromCodePoint(cp));
  }
  if (whole !== bytes.length) {
    parts.push('\ufffd');
    invalid++;
  }
  return { text: parts.join(''), invalid };
}

function countReplacement(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\ufffd'); i !== -1; i = text.indexOf('\ufffd', i + 1)) n++;
  return n;
}

/** True when the bytes look like a binary file rather than text. */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  if (n === 0) return false;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    // C0 controls other than tab, LF, VT, FF, CR, ESC
    if (b < 0x20 && b !== 9 && b !== 10 && b !== 11 && b !== 12 && b !== 13 && b !== 27) control++;
  }
  return control / n > 0.1;
}

function decodeWith(encoding: string, bytes: Uint8Array): { text: string; invalid: number } {
  if (encoding === 'utf-32le' || encoding === 'utf-32be') return decodeUtf32(bytes, encoding === 'utf-32le');
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(encoding, { fatal: false, ignoreBOM: true });
  } catch {
    throw new UnknownEncodingError(encoding);
  }
  const text = decoder.decode(bytes);
  return { text, invalid: countReplacement(text) };
}

/**
 * Decode input bytes to a string.
 *
 * Order: a forced `encoding`; a BOM; UTF-8. Binary input gives a `NOT_TEXT` error diagnostic and
 * empty text.
 */
export function decodeInput(bytes: Uint8Array, options: DecodeOptions = {}): Decoded {
  const diagnostics: Diagnostic[] = [];
  if (options.encoding !== undefined) {
    const label = options.encoding.trim().toLowerCase();
    const encoding = label === 'utf-32' ? 'utf-32le' : label;
    const canonical = encoding.startsWith('utf-32') ? encoding : canonicalName(encoding);
    const { text, invalid } = decodeWith(canonical, bytes);
    if (invalid > 0) diagnostics.push(diagnostic('INVALID_BYTES', `${invalid} invalid byte sequence(s) in ${canonical} replaced by U+FFFD`));
    return { text: stripBom(text, diagnostics), encoding: canonical, confidence: 1, diagnostics };
  }
  for (const bom of BOMS) {
    if (startsWith(bytes, bom.bytes)) {
      const { text, invalid } = decodeWith(bom.encoding, bytes.subarray(bom.bytes.length));
      diagnostics.push(diagnostic('BOM_REMOVED', `a ${bom.encoding.toUpperCase()} byte-order mark was removed`, 1));
      if (invalid > 0) diagnostics.push(diagnostic('INVALID_BYTES', `${invalid} invalid byte sequence(s) replaced by U+FFFD`));
      return { text, encoding: bom.encoding, confidence: 1, diagnostics };
    }
  }
  if (looksBinary(bytes)) {
    diagnostics.push(diagnostic('NOT_TEXT', 'the input is binary (NUL or control bytes), not text'));
    return { text: '', encoding: 'binary', confidence: 1, diagnostics };
  }
  const { text, invalid } = decodeWith('utf-8', bytes);
  if (invalid > 0) diagnostics.push(diagnostic('INVALID_BYTES', `${invalid} invalid UTF-8 byte sequence(s) replaced by U+FFFD`));
  return { text, encoding: 'utf-8', confidence: invalid > 0 ? 0.5 : 1, diagnostics };
}

/** The WHATWG canonical name of an encoding label, or throws `UnknownEncodingError`. */
export function canonicalName(label: string): string {
  try {
    return new TextDecoder(label).encoding;
  } catch {
    throw new UnknownEncodingError(label);
  }
}

function stripBom(text: string, diagnostics: Diagnostic[]): string {
  if (text.charCodeAt(0) === 0xfeff) {
    diagnostics.push(diagnostic('BOM_REMOVED', 'a byte-order mark was removed', 1));
    return text.slice(1);
  }
  return text;
}
