/**
 * decode: bytes → text.
 *
 * Order of decisions, each reported as a diagnostic:
 * 1. size: more than `maxBytes` (default {@link DEFAULT_MAX_BYTES}) → `INPUT_TOO_LARGE` error;
 * 2. a forced `encoding` is used as given (`--encoding NAME`);
 * 3. a byte-order mark selects UTF-8, UTF-16LE/BE or UTF-32LE/BE and is removed (`BOM_REMOVED`);
 * 4. UTF-16 without a BOM is recognised by its NUL bytes on one side (`ENCODING_DETECTED`); other
 *    binary input (a PDF/PNG/gzip/ZIP/GIF/JPEG signature, NUL or many control bytes) →
 *    `NOT_TEXT` error;
 * 5. valid UTF-8 (and ISO-2022-JP, which is 7-bit) is decoded as such;
 * 6. UTF-8 with some invalid bytes (at least two valid multi-byte sequences per invalid one) stays
 *    UTF-8 with `INVALID_BYTES`;
 * 7. otherwise the legacy encoding is detected (`ENCODING_DETECTED`, `ENCODING_UNCERTAIN` when the
 *    detector is unsure).
 *
 * UTF-8 text is then checked for mojibake (`MOJIBAKE_REPAIRED`). Invalid bytes always become
 * U+FFFD with an `INVALID_BYTES` warning that counts them; nothing here throws for bad input.
 * Everything is linear in the input size; detection looks at the first 64 KiB only.
 */

import { diagnostic, type Diagnostic } from '../diagnostics/codes.js';
import { decodeBytes } from './codec.js';
import { detectLegacyEncoding } from './detect.js';
import { mayNeedRepair, repairMojibake } from './mojibake.js';
import { binaryReason, scanUtf8, utf16WithoutBom } from './sniff.js';

/** binaryReason values that name a file format (as opposed to NUL or control bytes). */
const MAGIC_BINARY = new Set(['PDF', 'PNG', 'gzip', 'ZIP', 'GIF', 'JPEG', 'WebP/RIFF', 'bzip2', '7z', 'xz', 'zstd', 'ELF']);

export { looksBinary } from './sniff.js';
export { repairMojibake } from './mojibake.js';

/** The default size limit: 64 MiB, above the largest article (50 MB) the project must handle. */
export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

/** Below this confidence a detected encoding also gets an `ENCODING_UNCERTAIN` warning. */
export const UNCERTAIN_BELOW = 0.6;

export interface DecodeOptions {
  /** Force this encoding (a WHATWG label such as `windows-1256`, or `utf-32le`) instead of detecting one. */
  encoding?: string;
  /**
   * Refuse inputs larger than this many bytes with an `INPUT_TOO_LARGE` error. Default
   * {@link DEFAULT_MAX_BYTES} (64 MiB); `Infinity` turns the limit off.
   */
  maxBytes?: number;
  /** Repair UTF-8 mojibake (`Ã¼` → `ü`). Default `true`. */
  repairMojibake?: boolean;
}

export interface Decoded {
  /** The decoded text, without a BOM; empty when an error diagnostic stopped decoding. */
  text: string;
  /**
   * WHATWG encoding name, lower case (`utf-8`, `utf-16le`, `windows-1256`, …), or `utf-32le` /
   * `utf-32be`. `binary` for refused binary input, `unknown` for input over the size limit.
   */
  encoding: string;
  /** 0..1; 1 for a BOM, a forced encoding or valid UTF-8; the detector's confidence otherwise. */
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

function formatSize(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${n} bytes`;
}

function invalidDiagnostic(invalid: number, encoding: string): Diagnostic {
  const what = invalid === 1 ? 'invalid byte sequence' : 'invalid byte sequences';
  return diagnostic('INVALID_BYTES', `${invalid} ${what} in ${encoding} replaced by U+FFFD`);
}

/** ISO-2022-JP is 7-bit, so it passes as UTF-8; its escape sequences give it away. */
function looksIso2022jp(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 65536);
  // a Buffer's indexOf is a native byte search, about ten times as fast as a typed array's
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, n);
  for (let i = view.indexOf(0x1b); i !== -1 && i + 2 < n; i = view.indexOf(0x1b, i + 1)) {
    // ESC $ B, ESC $ @ (JIS X 0208)
    if (bytes[i + 1] === 0x24 && (bytes[i + 2] === 0x42 || bytes[i + 2] === 0x40)) return true;
  }
  return false;
}

/** The text of bytes that are valid UTF-8, or null: one decoding serves as the check and the result. */
function decodeValidUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Decode input bytes to a string and report how (see the module comment for the order of
 * decisions). Never throws for bad bytes; throws {@link UnknownEncodingError} only when
 * `options.encoding` names no encoding.
 */
export function decodeInput(bytes: Uint8Array, options: DecodeOptions = {}): Decoded {
  const diagnostics: Diagnostic[] = [];
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const repair = options.repairMojibake ?? true;

  if (bytes.length > maxBytes) {
    diagnostics.push(
      diagnostic(
        'INPUT_TOO_LARGE',
        `the input is ${formatSize(bytes.length)} (${bytes.length} bytes), larger than the limit of ${formatSize(maxBytes)} (${maxBytes} bytes); raise it with --max-bytes`,
      ),
    );
    return { text: '', encoding: 'unknown', confidence: 0, diagnostics };
  }

  const finishUtf8 = (text: string, encoding: string, confidence: number): Decoded => {
    if (repair && encoding === 'utf-8') {
      const fixed = repairMojibake(text);
      if (fixed.repairs > 0) {
        diagnostics.push(
          diagnostic('MOJIBAKE_REPAIRED', `${fixed.repairs} character(s) of UTF-8 misread as windows-1252/latin-1 were repaired`),
        );
        return { text: fixed.text, encoding, confidence, diagnostics };
      }
    }
    return { text, encoding, confidence, diagnostics };
  };

  if (options.encoding !== undefined) {
    const label = options.encoding.trim().toLowerCase();
    const encoding =
      label === 'utf-32' || label === 'utf32' || label === 'utf-32le' || label === 'utf32le'
        ? 'utf-32le'
        : label === 'utf-32be' || label === 'utf32be'
          ? 'utf-32be'
          : canonicalName(label);
    if (!encoding.startsWith('utf-16') && !encoding.startsWith('utf-32')) {
      const refused = refuseBinary(bytes, diagnostics);
      if (refused !== null) return refused;
    }
    let body = bytes;
    const bom = BOMS.find((b) => b.encoding === encoding && startsWith(bytes, b.bytes));
    if (bom !== undefined) {
      body = bytes.subarray(bom.bytes.length);
      diagnostics.push(diagnostic('BOM_REMOVED', `a ${encoding.toUpperCase()} byte-order mark was removed`, 1));
    }
    const { text, invalid } = decodeBytes(encoding, body);
    if (invalid > 0) diagnostics.push(invalidDiagnostic(invalid, encoding));
    return finishUtf8(stripBom(text, diagnostics), encoding, 1);
  }

  for (const bom of BOMS) {
    if (startsWith(bytes, bom.bytes)) {
      const { text, invalid } = decodeBytes(bom.encoding, bytes.subarray(bom.bytes.length));
      diagnostics.push(diagnostic('BOM_REMOVED', `a ${bom.encoding.toUpperCase()} byte-order mark was removed`, 1));
      if (invalid > 0) diagnostics.push(invalidDiagnostic(invalid, bom.encoding));
      return finishUtf8(text, bom.encoding, 1);
    }
  }

  const utf16 = utf16WithoutBom(bytes);
  if (utf16 !== null && !MAGIC_BINARY.has(binaryReason(bytes) ?? '')) {
    const { text, invalid } = decodeBytes(utf16, bytes);
    if (invalid === 0 && binaryReason(new TextEncoder().encode(text.slice(0, 8192))) === null) {
      diagnostics.push(diagnostic('ENCODING_DETECTED', `the input is ${utf16} without a byte-order mark`));
      return { text, encoding: utf16, confidence: 0.9, diagnostics };
    }
  }
  const refused = refuseBinary(bytes, diagnostics);
  if (refused !== null) return refused;

  const utf8 = decodeValidUtf8(bytes);
  if (utf8 !== null) {
    if (looksIso2022jp(bytes)) {
      const { text, invalid } = decodeBytes('iso-2022-jp', bytes);
      if (invalid === 0) {
        diagnostics.push(diagnostic('ENCODING_DETECTED', 'the input is in iso-2022-jp (detected from its escape sequences)'));
        return { text, encoding: 'iso-2022-jp', confidence: 0.95, diagnostics };
      }
    }
    // Clean UTF-8, by far the common input, is told from possible mojibake by its bytes.
    if (!mayNeedRepair(bytes)) return { text: utf8, encoding: 'utf-8', confidence: 1, diagnostics };
    return finishUtf8(utf8, 'utf-8', 1);
  }

  // Not valid UTF-8: a UTF-8 text with a few bad bytes, or a legacy encoding?
  const scan = scanUtf8(bytes);
  if (scan.valid > 0 && scan.invalid * 2 <= scan.valid) {
    const { text, invalid } = decodeBytes('utf-8', bytes);
    diagnostics.push(invalidDiagnostic(invalid, 'utf-8'));
    const confidence = Math.round((scan.valid / (scan.valid + scan.invalid)) * 100) / 100;
    return finishUtf8(text, 'utf-8', confidence);
  }

  const detection = detectLegacyEncoding(bytes, scan.valid > 0 ? ['utf-8'] : []);
  let { encoding, confidence } = detection;
  if (detection.plausibility < 0) {
    // No reading looks like writing: keep the bytes visible as UTF-8 with U+FFFD.
    encoding = 'utf-8';
    confidence = Math.min(confidence, 0.3);
  } else if (confidence < 0.4 && encoding !== 'windows-1252') {
    // Too little evidence to leave the most common archive encoding for an exotic one.
    const western = detection.candidates.find((c) => c.encoding === 'windows-1252');
    const best = detection.candidates[0]!;
    if (western !== undefined && western.plausibility >= 0 && best.score - western.score < 0.6) encoding = 'windows-1252';
  }
  const { text, invalid } = decodeBytes(encoding, bytes);
  if (encoding === 'utf-8') {
    diagnostics.push(diagnostic('ENCODING_UNCERTAIN', 'the input is not valid UTF-8 and no legacy encoding fits it; decoded as UTF-8 with U+FFFD'));
    diagnostics.push(invalidDiagnostic(invalid, 'utf-8'));
    return { text, encoding, confidence, diagnostics };
  }
  diagnostics.push(diagnostic('ENCODING_DETECTED', `the input is not UTF-8; detected ${encoding} (confidence ${confidence.toFixed(2)})`));
  if (confidence < UNCERTAIN_BELOW) {
    const runnerUp = detection.candidates.find((c) => c.encoding !== encoding && c.sample !== detection.candidates[0]!.sample);
    const alt = runnerUp === undefined ? '' : `; next best ${runnerUp.encoding}`;
    diagnostics.push(diagnostic('ENCODING_UNCERTAIN', `the encoding detector is not sure of ${encoding}${alt}; use --encoding to override`));
  }
  if (invalid > 0) diagnostics.push(invalidDiagnostic(invalid, encoding));
  if (repair && (encoding === 'windows-1252' || encoding === 'iso-8859-15') && scan.valid > 0) {
    // A latin-1 file with pieces of UTF-8 pasted in: those pieces read as mojibake.
    const fixed = repairMojibake(text);
    if (fixed.repairs > 0) {
      diagnostics.push(diagnostic('MOJIBAKE_REPAIRED', `${fixed.repairs} UTF-8 character(s) inside the ${encoding} text were repaired`));
      return { text: fixed.text, encoding, confidence, diagnostics };
    }
  }
  return { text, encoding, confidence, diagnostics };
}

function refuseBinary(bytes: Uint8Array, diagnostics: Diagnostic[]): Decoded | null {
  const binary = binaryReason(bytes);
  if (binary === null) return null;
  const what = binary === 'NUL bytes' || binary === 'control bytes' ? `it contains ${binary}` : `it is a ${binary} file`;
  diagnostics.push(diagnostic('NOT_TEXT', `the input is binary, not text: ${what}`));
  return { text: '', encoding: 'binary', confidence: 1, diagnostics };
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
