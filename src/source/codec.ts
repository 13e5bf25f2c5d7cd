/**
 * codec: decode bytes in one named encoding, working around gaps in Node's TextDecoder.
 *
 * - Node 20's `TextDecoder('windows-1252')` (and its aliases `latin1`, `iso-8859-1`, `ascii`)
 *   decodes as ISO-8859-1: bytes 0x80–0x9F come out as C1 controls instead of `€ ‚ ƒ „ … † ‡ ˆ ‰
 *   Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ`. We decode windows-1252 ourselves, as the WHATWG
 *   Encoding Standard specifies (the five unassigned bytes stay C1 controls, as in the standard).
 * - TextDecoder has no UTF-32; we decode it by hand.
 */

/** The WHATWG windows-1252 mapping of bytes 0x80–0x9F. */
export const WINDOWS_1252_HIGH: readonly number[] = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

const C1_TO_1252 = new Map<string, string>();
for (let b = 0x80; b <= 0x9f; b++) C1_TO_1252.set(String.fromCharCode(b), String.fromCharCode(WINDOWS_1252_HIGH[b - 0x80]!));

// A character class, not a repetition: it cannot backtrack.
const C1_CHAR = /[\u0080-\u009f]/g;

function decodeWindows1252(bytes: Uint8Array): string {
  // latin-1 is the identity on bytes; then fix the 32 positions that windows-1252 assigns.
  const latin1 = new TextDecoder('windows-1252').decode(bytes);
  return latin1.replace(C1_CHAR, (c) => C1_TO_1252.get(c) ?? c);
}

/** Decode UTF-32 by hand. Invalid code points and a trailing partial unit become U+FFFD. */
function decodeUtf32(bytes: Uint8Array, littleEndian: boolean): { text: string; invalid: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts: string[] = [];
  let invalid = 0;
  const whole = bytes.length - (bytes.length % 4);
  let chunk: number[] = [];
  for (let i = 0; i < whole; i += 4) {
    const cp = view.getUint32(i, littleEndian);
    if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
      chunk.push(0xfffd);
      invalid++;
    } else chunk.push(cp);
    if (chunk.length === 8192) {
      parts.push(String.fromCodePoint(...chunk));
      chunk = [];
    }
  }
  if (chunk.length > 0) parts.push(String.fromCodePoint(...chunk));
  if (whole !== bytes.length) {
    parts.push('\ufffd');
    invalid++;
  }
  return { text: parts.join(''), invalid };
}

/** Count U+FFFD characters in `text`. */
export function countReplacement(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\ufffd'); i !== -1; i = text.indexOf('\ufffd', i + 1)) n++;
  return n;
}

/**
 * How many U+FFFD the input legitimately encodes (so they are not counted as invalid bytes):
 * `EF BF BD` in UTF-8, `FD FF` / `FF FD` on a code-unit boundary in UTF-16, `84 31 A4 37` in
 * GB18030. Other legacy encodings cannot encode U+FFFD.
 */
function encodedReplacements(encoding: string, bytes: Uint8Array): number {
  let n = 0;
  if (encoding === 'utf-8') {
    for (let i = bytes.indexOf(0xef); i !== -1 && i + 2 < bytes.length; i = bytes.indexOf(0xef, i + 1)) {
      if (bytes[i + 1] === 0xbf && bytes[i + 2] === 0xbd) n++;
    }
  } else if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    const [a, b] = encoding === 'utf-16le' ? [0xfd, 0xff] : [0xff, 0xfd];
    for (let i = 0; i + 1 < bytes.length; i += 2) if (bytes[i] === a && bytes[i + 1] === b) n++;
  } else if (encoding === 'gb18030' || encoding === 'gbk') {
    for (let i = bytes.indexOf(0x84); i !== -1 && i + 3 < bytes.length; i = bytes.indexOf(0x84, i + 1)) {
      if (bytes[i + 1] === 0x31 && bytes[i + 2] === 0xa4 && bytes[i + 3] === 0x37) n++;
    }
  }
  return n;
}

/** Decoded text and the number of invalid byte sequences that became U+FFFD. */
export interface DecodedBytes {
  text: string;
  /** Invalid byte sequences replaced by U+FFFD (not counting U+FFFD the input encoded validly). */
  invalid: number;
}

/**
 * Decode `bytes` as `encoding` (a WHATWG canonical name, or `utf-32le` / `utf-32be`). Never
 * throws for bad bytes; throws `RangeError` for an encoding TextDecoder does not know. A BOM is
 * not removed.
 */
export function decodeBytes(encoding: string, bytes: Uint8Array): DecodedBytes {
  if (encoding === 'utf-32le' || encoding === 'utf-32be') return decodeUtf32(bytes, encoding === 'utf-32le');
  if (encoding === 'windows-1252') return { text: decodeWindows1252(bytes), invalid: 0 };
  const text = new TextDecoder(encoding, { fatal: false, ignoreBOM: true }).decode(bytes);
  const replaced = countReplacement(text);
  const invalid = replaced === 0 ? 0 : Math.max(0, replaced - encodedReplacements(encoding, bytes));
  return { text, invalid };
}

/**
 * Decode a sample cut from a longer input: a multi-byte character cut by the sample's end is
 * dropped rather than turned into U+FFFD.
 */
export function decodeSample(encoding: string, sample: Uint8Array, truncated: boolean): string {
  if (encoding === 'windows-1252' || encoding.startsWith('utf-32')) return decodeBytes(encoding, sample).text;
  return new TextDecoder(encoding, { fatal: false, ignoreBOM: true }).decode(sample, { stream: truncated });
}
