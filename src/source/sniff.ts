/**
 * sniff: recognise binary files and inspect UTF-8 validity, without decoding.
 */

/** Signatures of binary formats that scrapers save by mistake. */
const MAGIC: readonly { name: string; bytes: readonly number[] }[] = [
  { name: 'PDF', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { name: 'PNG', bytes: [0x89, 0x50, 0x4e, 0x47] }, // \x89PNG
  { name: 'gzip', bytes: [0x1f, 0x8b] },
  { name: 'ZIP', bytes: [0x50, 0x4b, 0x03, 0x04] }, // PK\x03\x04 (also docx, xlsx, epub)
  { name: 'ZIP', bytes: [0x50, 0x4b, 0x05, 0x06] }, // an empty ZIP
  { name: 'GIF', bytes: [0x47, 0x49, 0x46, 0x38] }, // GIF8
  { name: 'JPEG', bytes: [0xff, 0xd8, 0xff] },
  { name: 'WebP/RIFF', bytes: [0x52, 0x49, 0x46, 0x46] }, // RIFF: checked with NUL below
  { name: 'bzip2', bytes: [0x42, 0x5a, 0x68] }, // BZh: checked with NUL below
  { name: '7z', bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { name: 'xz', bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00] },
  { name: 'zstd', bytes: [0x28, 0xb5, 0x2f, 0xfd] },
  { name: 'ELF', bytes: [0x7f, 0x45, 0x4c, 0x46] },
];

/** Signatures made of printable ASCII (`RIFF`, `BZh`) only count when binary bytes follow. */
const WEAK_MAGIC = new Set(['WebP/RIFF', 'bzip2']);

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  if (bytes.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[i] !== prefix[i]) return false;
  return true;
}

/** Whether byte `b` is a C0 control other than NUL, tab, LF, VT, FF, CR and ESC. */
function isCountedControl(b: number): boolean {
  return b !== 0 && b < 0x20 && b !== 9 && b !== 10 && b !== 11 && b !== 12 && b !== 13 && b !== 27;
}

/**
 * Whether the first `n` bytes hold a NUL and how many other C0 controls (tab, LF, VT, FF, CR and
 * ESC excepted). A function of its own so that the signature checks, which seldom match, are not
 * part of the long loop's optimised code. The NUL is a native byte search; the controls are
 * counted four bytes at a time: `(w - 0x20202020) & ~w & 0x80808080` is non-zero only when a byte
 * of `w` is below 0x20, and only those words are looked at byte by byte.
 */
export function scanControls(bytes: Uint8Array, n: number): { nul: boolean; control: number } {
  const nul = Buffer.from(bytes.buffer, bytes.byteOffset, n).indexOf(0) !== -1;
  let control = 0;
  let i = 0;
  const head = Math.min(n, (4 - (bytes.byteOffset & 3)) & 3);
  for (; i < head; i++) if (isCountedControl(bytes[i]!)) control++;
  const words = (n - i) >> 2;
  if (words > 0) {
    const view = new Uint32Array(bytes.buffer, bytes.byteOffset + i, words);
    for (let k = 0; k < words; k++) {
      const w = view[k]!;
      if (((w - 0x20202020) & ~w & 0x80808080) === 0) continue;
      const at = i + k * 4;
      for (let j = at; j < at + 4; j++) if (isCountedControl(bytes[j]!)) control++;
    }
    i += words * 4;
  }
  for (; i < n; i++) if (isCountedControl(bytes[i]!)) control++;
  return { nul, control };
}

/**
 * Why `bytes` look binary: the name of a file format recognised by its signature, `NUL bytes`,
 * `control bytes`, or `null` for text. Looks at the signature and the first 8 KiB only. Inputs
 * that start with a UTF-16/32 byte-order mark must be checked before calling this (their NUL
 * bytes are text).
 */
export function binaryReason(bytes: Uint8Array): string | null {
  const n = Math.min(bytes.length, 8192);
  if (n === 0) return null;
  const { nul, control } = scanControls(bytes, n);
  for (const m of MAGIC) {
    if (startsWith(bytes, m.bytes) && (!WEAK_MAGIC.has(m.name) || nul || control > 0)) return m.name;
  }
  if (nul) return 'NUL bytes';
  if (control / n > 0.1) return 'control bytes';
  return null;
}

/** True when the bytes look like a binary file rather than text (see {@link binaryReason}). */
export function looksBinary(bytes: Uint8Array): boolean {
  return binaryReason(bytes) !== null;
}

/** What a UTF-8 scan found. */
export interface Utf8Scan {
  /** Complete, valid multi-byte sequences. */
  valid: number;
  /** Invalid sequences (each becomes one U+FFFD, as TextDecoder does). */
  invalid: number;
}

/**
 * Count valid multi-byte sequences and invalid sequences, following the WHATWG UTF-8 decoder
 * (one error per maximal invalid subpart). One pass, constant memory.
 */
export function scanUtf8(bytes: Uint8Array): Utf8Scan {
  let valid = 0;
  let invalid = 0;
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lower = 0x80;
    let upper = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lower = 0xa0;
      if (b === 0xed) upper = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lower = 0x90;
      if (b === 0xf4) upper = 0x8f;
    } else {
      invalid++;
      i++;
      continue;
    }
    let j = i + 1;
    let ok = true;
    for (let k = 0; k < need; k++, j++) {
      const c = j < n ? bytes[j]! : -1;
      if (c < lower || c > upper) {
        ok = false;
        break;
      }
      lower = 0x80;
      upper = 0xbf;
    }
    if (ok) valid++;
    else invalid++;
    i = j; // on error, resume at the byte that broke the sequence
  }
  return { valid, invalid };
}

/**
 * UTF-16 without a byte-order mark: text in a Latin, Cyrillic, Greek or similar script has a NUL
 * in every other byte, always on the same side. Returns the byte order, or `null`. CJK-only
 * UTF-16 without a BOM is not recognised (it has too few NUL bytes to tell).
 */
export function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 8192) & ~1;
  if (n < 8) return null;
  // without any NUL neither count can pass: a native byte search settles most inputs
  if (Buffer.from(bytes.buffer, bytes.byteOffset, n).indexOf(0) === -1) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.3 && evenZero <= pairs * 0.02) return 'utf-16le';
  if (evenZero > pairs * 0.3 && oddZero <= pairs * 0.02) return 'utf-16be';
  return null;
}
