/**
 * The Unicode properties that character tests use, as bits, each defined by a regular expression
 * (the one source of truth). For the BMP the build writes every unit's bits to a table
 * (dist/util/unicode-props.bin, by scripts/make-unicode-props.mjs, with the Node that builds and
 * runs the tool), so a process looks characters up there instead of compiling Unicode
 * expressions at start (each takes a fraction of a millisecond) and testing characters with them.
 * Astral code points, and a run without the table (the sources under test), test the expressions.
 */

import { readFileSync } from 'node:fs';

/** A letter (`\p{L}`). */
export const LETTER = 1;
/** A number (`\p{N}`). */
export const NUMBER = 2;
/** A combining mark (`\p{M}`). */
export const MARK = 4;
/** A decimal digit (`\p{Nd}`). */
export const DIGIT = 8;
/** White space as `\s` sees it (what `String.prototype.trim` removes). */
export const WHITE_SPACE = 16;
/** Han, Hiragana or Katakana. */
export const HAN_KANA = 32;
/** Thai, Lao, Khmer or Myanmar: scripts written without spaces between words. */
export const SOUTHEAST_ASIAN = 64;
/** Arabic, Hebrew, Syriac, Thaana, N'Ko or Adlam: right-to-left scripts. */
export const RIGHT_TO_LEFT = 128;
/** An upper-case letter (`\p{Lu}`). */
export const UPPERCASE = 256;
/** A lower-case letter (`\p{Ll}`). */
export const LOWERCASE = 512;

/**
 * The expression of each bit, in bit order (one character, anchored, neither global nor sticky).
 * Made on first use: with the table, a run never needs them (building them costs about half a
 * millisecond of every start).
 */
let expressions: readonly RegExp[] | undefined;

function propertyExpressions(): readonly RegExp[] {
  expressions ??= [
    /^\p{L}$/u,
    /^\p{N}$/u,
    /^\p{M}$/u,
    /^\p{Nd}$/u,
    /^\s$/u,
    /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]$/u,
    /^[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]$/u,
    /^[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Adlam}]$/u,
    /^\p{Lu}$/u,
    /^\p{Ll}$/u,
  ];
  return expressions;
}

/** The bits of a code point, from the expressions. */
export function testProperties(cp: number): number {
  const tests = propertyExpressions();
  const ch = String.fromCodePoint(cp);
  let bits = 0;
  for (let k = 0; k < tests.length; k++) if ((tests[k] as RegExp).test(ch)) bits |= 1 << k;
  return bits;
}

/** The built table, beside this module in dist/util/ (the bundled CLI in dist/cli/ finds it by the same relative path). */
const TABLE_FILE = new URL('../util/unicode-props.bin', import.meta.url);
/** The table file: a header naming the Unicode version, then each BMP unit's bits, 16-bit little-endian. */
const HEADER_LENGTH = 16;
/** 65,536 entries, one per BMP unit; null when there is none (then the expressions answer). */
let table: Uint16Array | null | undefined;
/** Code points looked up with the expressions so far (astral ones, or all when there is no table). */
const computed = new Map<number, number>();
/** True when the machine stores the low byte of a number first: typed arrays use its byte order. */
export const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** The header of a table made with this Node's Unicode data: a Node with other data does not use the file. */
export function tableHeader(): string {
  return `unicode ${process.versions.unicode ?? '?'}`.padEnd(HEADER_LENGTH, ' ').slice(0, HEADER_LENGTH);
}

/** The table file's bytes for the bits of every BMP unit (for the build). */
export function tableBytes(): Buffer {
  const bytes = Buffer.alloc(HEADER_LENGTH + 0x20000);
  bytes.write(tableHeader(), 0, HEADER_LENGTH, 'latin1');
  for (let unit = 0; unit < 0x10000; unit++) bytes.writeUInt16LE(testProperties(unit), HEADER_LENGTH + unit * 2);
  return bytes;
}

/** The BMP table when the build made one for this Node's Unicode data, else null. */
export function bmpTable(): Uint16Array | null {
  if (table === undefined) {
    table = null;
    try {
      const bytes = readFileSync(TABLE_FILE);
      if (bytes.length === HEADER_LENGTH + 0x20000 && bytes.toString('latin1', 0, HEADER_LENGTH) === tableHeader()) {
        const units = new Uint16Array(0x10000);
        if (LITTLE_ENDIAN) new Uint8Array(units.buffer).set(bytes.subarray(HEADER_LENGTH));
        else for (let unit = 0; unit < 0x10000; unit++) units[unit] = bytes.readUInt16LE(HEADER_LENGTH + unit * 2);
        table = units;
      }
    } catch {
      // no table (the sources under test): the expressions answer
    }
  }
  return table;
}

/** The property bits of a code point. */
export function unicodeProperties(cp: number): number {
  if (cp < 0x10000) {
    const bmp = bmpTable();
    if (bmp !== null) return bmp[cp] as number;
  }
  let bits = computed.get(cp);
  if (bits === undefined) {
    bits = testProperties(cp);
    computed.set(cp, bits);
  }
  return bits;
}

/** True when a code point of `text` has any of `bits`: `/\p{…}/u.test(text)` for those properties. */
export function hasProperty(text: string, bits: number): boolean {
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i) as number;
    if ((unicodeProperties(cp) & bits) !== 0) return true;
    if (cp >= 0x10000) i++;
  }
  return false;
}

/** True when the first code point of `text` has any of `bits`: `/^\p{…}/u.test(text)`. */
export function startsWithProperty(text: string, bits: number): boolean {
  return text.length > 0 && (unicodeProperties(text.codePointAt(0) as number) & bits) !== 0;
}

/** True when two code points in a row of `text` both have any of `bits`: `/\p{…}{2}/u.test(text)`. */
export function hasPropertyTwice(text: string, bits: number): boolean {
  let previous = false;
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i) as number;
    const has = (unicodeProperties(cp) & bits) !== 0;
    if (has && previous) return true;
    previous = has;
    if (cp >= 0x10000) i++;
  }
  return false;
}
