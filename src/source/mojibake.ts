/**
 * mojibake: repair UTF-8 text that was once misread as windows-1252 (or ISO-8859-1) and saved
 * again as UTF-8, so that `ü` became `Ã¼`, `’` became `â€™` and `ال` became `Ø§Ù„`.
 *
 * The repair maps each run of characters that windows-1252/latin-1 can encode back to those
 * bytes and decodes every complete, valid UTF-8 sequence found in them. It is careful, because
 * correct text must never change:
 *
 * - only sequences that decode to a plausible character are used (no C1 controls, no private
 *   use, no unassigned code points, none of the scripts that only arise by accident: IPA,
 *   Syriac, Thaana, NKo, Samaritan);
 * - a sequence whose second character is ordinary punctuation (`ß“`, `Ã”`, `É»`, `é »`) can
 *   be real text (an upper-case word followed by a closing quote); such a "weak" sequence is
 *   repaired only when the same text also has "strong" ones that never occur in real text
 *   (`Ã¼`, `Ã©`, `â€™`, `Ø§`);
 * - the repair is kept only when it lowers the number of suspicious pairs (a lead-byte
 *   character followed by a continuation-byte character).
 *
 * Text mojibaked twice (`ÃƒÂ¼`) is repaired by repeating the pass, at most three times. Each
 * pass is one scan over the text: linear time. The only regular expression, the pair count, is
 * two character classes with no quantifier, so it cannot backtrack.
 */

import { LETTER, unicodeProperties } from '../util/unicode-props.js';
import { WINDOWS_1252_HIGH } from './codec.js';

/**
 * UTF-16 code unit → the windows-1252 / latin-1 byte that a misreading produced it from, or 0
 * (every such byte is ≥ 0x80). A flat table: the scans look up every character of the page.
 */
const BYTE_OF = new Uint8Array(0x10000);
for (let b = 0xa0; b <= 0xff; b++) BYTE_OF[b] = b;
for (let b = 0x80; b <= 0x9f; b++) {
  BYTE_OF[b] = b; // latin-1 misreading, or the five bytes windows-1252 leaves unassigned
  BYTE_OF[WINDOWS_1252_HIGH[b - 0x80]!] = b;
}

/** Punctuation that real text puts right after a letter; a pair ending in one is only "weak". */
const WEAK_FOLLOWERS: ReadonlySet<number> = new Set(
  [...'”“’‘‚„»«…–—\u00a0\u00ad'].map((c) => c.codePointAt(0)!),
);

/**
 * After `Ã` only quotes, guillemets and dashes are weak (`IRMÃ”`, `MAÇÃ»` are Portuguese); the
 * no-break space is strong (`Ã\u00a0` is `à`), like `Ã©`, `Ã¼`, the commonest mojibake of all.
 */
const WEAK_AFTER_A_TILDE: ReadonlySet<number> = new Set([...'”“’‘‚„»«…–—'].map((c) => c.codePointAt(0)!));

const UNASSIGNED_OR_PRIVATE = /[\p{Cn}\p{Co}\p{Cc}\p{Cs}]/u;

/** Could `cp` be the character a mojibake sequence stood for? */
function plausibleRepair(cp: number, before: number, last: number): boolean {
  // A C1 control only as the middle layer of double mojibake: the input already had one there.
  if (cp < 0xa0) return last >= 0x80 && last <= 0x9f;
  if (cp === 0x2c6 || cp === 0x2dc) return true; // ˆ ˜: windows-1252 characters, the middle layer of double mojibake
  if (cp >= 0x250 && cp <= 0x2ff && cp !== 0x2bb && cp !== 0x2bc) return false; // IPA, modifier letters
  if (cp >= 0x300 && cp <= 0x36f) return before < 0x80 && (unicodeProperties(before) & LETTER) !== 0; // combining marks after a letter
  if (cp >= 0x591 && cp <= 0x5af) return false; // Hebrew cantillation
  if (cp >= 0x700 && cp <= 0x74f) return false; // Syriac
  if (cp >= 0x780 && cp <= 0x8ff) return false; // Thaana, NKo, Samaritan, Mandaic, Arabic ext-A/B
  if (cp >= 0xfdd0 && cp <= 0xfdef) return false;
  return !UNASSIGNED_OR_PRIVATE.test(String.fromCodePoint(cp));
}

/** Length of the UTF-8 sequence a lead byte starts, or 0 for a byte that cannot lead. */
function sequenceLength(b: number): number {
  if (b >= 0xc2 && b <= 0xdf) return 2;
  if (b >= 0xe0 && b <= 0xef) return 3;
  if (b >= 0xf0 && b <= 0xf4) return 4;
  return 0;
}

interface Piece {
  /** Index in the text of the first character of the sequence. */
  start: number;
  /** Number of characters (= bytes) it spans. */
  length: number;
  /** The repaired character. */
  replacement: string;
  strong: boolean;
}

/** Find the repairable sequences in `text`: one scan. */
function findPieces(text: string): Piece[] {
  const pieces: Piece[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const lead = BYTE_OF[text.charCodeAt(i)]!;
    const len = sequenceLength(lead);
    if (len === 0 || i + len > n) {
      i++;
      continue;
    }
    let cp = lead & (len === 2 ? 0x1f : len === 3 ? 0x0f : 0x07);
    let ok = true;
    for (let k = 1; k < len; k++) {
      const b = BYTE_OF[text.charCodeAt(i + k)]!;
      if (b < 0x80 || b > 0xbf) {
        ok = false;
        break;
      }
      if (k === 1) {
        // the tighter ranges after E0, ED, F0, F4 (no overlongs, surrogates or > U+10FFFF)
        if ((lead === 0xe0 && b < 0xa0) || (lead === 0xed && b > 0x9f) || (lead === 0xf0 && b < 0x90) || (lead === 0xf4 && b > 0x8f)) {
          ok = false;
          break;
        }
      }
      cp = (cp << 6) | (b & 0x3f);
    }
    if (!ok || !plausibleRepair(cp, i > 0 ? text.charCodeAt(i - 1) : 0x20, text.charCodeAt(i + len - 1))) {
      i++;
      continue;
    }
    let strong: boolean;
    if (len === 2) {
      const second = text.charCodeAt(i + 1);
      // `Â` + anything, and `Ã` + no-break space (`à`), are never real text
      if (lead === 0xc2) strong = true;
      else if (lead === 0xc3) strong = !WEAK_AFTER_A_TILDE.has(second);
      else strong = !WEAK_FOLLOWERS.has(second);
    } else if (len === 3) {
      // `é »` (é, no-break space, ») is French; a sequence with punctuation inside is weak
      strong = !WEAK_FOLLOWERS.has(text.charCodeAt(i + 1)) || !WEAK_FOLLOWERS.has(text.charCodeAt(i + 2));
      if (text.charCodeAt(i + 1) === 0xa0 || text.charCodeAt(i + 2) === 0xa0) strong = false;
    } else strong = true;
    pieces.push({ start: i, length: len, replacement: String.fromCodePoint(cp), strong });
    i += len;
  }
  return pieces;
}

/** The code units the table maps: U+0080–U+00FF and the windows-1252 characters. */
const MAPPED_UNITS: readonly number[] = [...new Set([...Array.from({ length: 0x80 }, (_, i) => 0x80 + i), ...WINDOWS_1252_HIGH])].sort((a, b) => a - b);

/** A character class of the code units whose byte falls in `from..to`, built from the table. */
function byteRangeClass(from: number, to: number): string {
  let out = '';
  for (const c of MAPPED_UNITS) {
    const b = BYTE_OF[c]!;
    if (b >= from && b <= to) out += `\\u${c.toString(16).padStart(4, '0')}`;
  }
  return `[${out}]`;
}

/**
 * A lead-byte character followed by a continuation-byte character. The two classes share no
 * character, so matches never overlap and counting them counts every pair. Two character classes,
 * no quantifier: linear, and the regex engine skips the plain text far faster than a loop.
 */
const SUSPICIOUS_PAIR = new RegExp(byteRangeClass(0xc2, 0xf4) + byteRangeClass(0x80, 0xbf), 'g');

/** What NFC can turn into a windows-1252 or latin-1 character (a test checks every BMP code point). */
export const COMPOSES_TO_MISREAD = /[\u0300-\u036f\u0387\u1ffd\u212b]/;

/**
 * The first UTF-8 bytes of the characters {@link SUSPICIOUS_PAIR} can end with (those whose byte
 * is a continuation byte), built from the same table so that the byte pre-check below cannot
 * drift from the expression; E2 too, the first byte of U+212B.
 */
const PAIR_END_FIRST_BYTES: readonly number[] = [
  ...new Set([...MAPPED_UNITS.filter((c) => BYTE_OF[c]! >= 0x80 && BYTE_OF[c]! <= 0xbf).map((c) => Buffer.from(String.fromCharCode(c), 'utf8')[0]!), 0xe2]),
];

/**
 * Whether {@link repairMojibake} can change the text that these bytes, valid UTF-8, decode to:
 * false only when the text holds no character {@link COMPOSES_TO_MISREAD} finds and no
 * suspicious pair. U+0300–U+036F and U+0387 start with CC, CD or CE, U+1FFD with E1, U+212B is
 * E2 84 AB; every lead-byte character (U+00C2–U+00F4) is C3 and one byte, so a pair is a C3 two
 * bytes before the first byte of a continuation character. A few native byte searches, so clean
 * UTF-8 text is not scanned twice by the expressions.
 */
export function mayNeedRepair(utf8: Uint8Array): boolean {
  const view = Buffer.from(utf8.buffer, utf8.byteOffset, utf8.byteLength);
  if (view.indexOf(0xcc) !== -1 || view.indexOf(0xcd) !== -1 || view.indexOf(0xce) !== -1 || view.indexOf(0xe1) !== -1) return true;
  for (const first of PAIR_END_FIRST_BYTES) {
    for (let i = view.indexOf(first); i !== -1; i = view.indexOf(first, i + 1)) {
      if (i >= 2 && view[i - 2] === 0xc3) return true;
      if (first === 0xe2 && view[i + 1] === 0x84 && view[i + 2] === 0xab) return true;
    }
  }
  return false;
}

/** Pairs of a lead-byte character followed by a continuation-byte character. */
export function countSuspicious(text: string): number {
  let n = 0;
  SUSPICIOUS_PAIR.lastIndex = 0;
  while (SUSPICIOUS_PAIR.exec(text) !== null) n++;
  return n;
}

function repairOnce(text: string): { text: string; repairs: number } {
  const pieces = findPieces(text);
  if (pieces.length === 0) return { text, repairs: 0 };
  const anyStrong = pieces.some((p) => p.strong);
  if (!anyStrong) return { text, repairs: 0 };
  const parts: string[] = [];
  let at = 0;
  let repairs = 0;
  for (const p of pieces) {
    parts.push(text.slice(at, p.start), p.replacement);
    at = p.start + p.length;
    repairs++;
  }
  parts.push(text.slice(at));
  return { text: parts.join(''), repairs };
}

/** The result of {@link repairMojibake}. */
export interface MojibakeRepair {
  /** The repaired text (the input itself when nothing was repaired). */
  text: string;
  /** Number of characters repaired (a character mojibaked twice counts twice). */
  repairs: number;
}

/**
 * Repair UTF-8 that was misread as windows-1252 or latin-1 and saved again (`Ã¼` → `ü`,
 * `â€™` → `’`, `Ø§Ù„` → `ال`). Pure; correct text comes back unchanged. See the module
 * comment for the rules that keep the repair unambiguous.
 */
export function repairMojibake(text: string): MojibakeRepair {
  // Judged on the composed form (NFC), the form the text comes out in: a letter written with a
  // combining mark (`A` + U+030A) reads there as the character a misread byte gives (`Å`), so
  // the same text is repaired alike whether its letters came composed or not. (Only the marks
  // U+0300–U+036F compose into such characters, and three characters stand for one of them:
  // text without any of these is read as it is.)
  let current = COMPOSES_TO_MISREAD.test(text) ? text.normalize('NFC') : text;
  let total = 0;
  let suspicious = countSuspicious(current);
  for (let pass = 0; pass < 3 && suspicious > 0; pass++) {
    const next = repairOnce(current);
    if (next.repairs === 0) break;
    const after = countSuspicious(next.text);
    if (after >= suspicious) break;
    current = next.text;
    total += next.repairs;
    suspicious = after;
  }
  return total === 0 ? { text, repairs: 0 } : { text: current, repairs: total };
}
