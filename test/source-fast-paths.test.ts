import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { COMPOSES_TO_MISREAD, countSuspicious, mayNeedRepair, repairMojibake } from '../src/source/mojibake.js';
import { decodeBytes } from '../src/source/codec.js';
import { scanControls, utf16WithoutBom } from '../src/source/sniff.js';
import { asciiPrefix, mayBeHtml } from '../src/input/html-charset.js';
import { detectFormat, SNIFF } from '../src/input/detect-format.js';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

/** The general answer the byte pre-check must never contradict: can the repair change `text`? */
function repairPossible(text: string): boolean {
  return COMPOSES_TO_MISREAD.test(text) || countSuspicious(text) > 0;
}

/** Characters around the edges of both expressions, and mojibake made from them. */
const TRICKY = [
  ...'aZ .\n–—’“”„…€™œšžŸŒŠŽƒˆ˜‰‹›†‡•',
  ...Array.from({ length: 0x80 }, (_, i) => String.fromCharCode(0x80 + i)),
  '\u0300', '\u0301', '\u030a', '\u036f', '\u0370', '\u0387', '\u1ffd', '\u212b', '\u212a', 'ẞ', 'ж', 'ع', '中', '😀',
];
const misread = (s: string): string => decodeBytes('windows-1252', utf8(s)).text;

describe('mayNeedRepair (the byte pre-check before the mojibake expressions)', () => {
  it('is true for every character the composition expression finds, and after every lead-byte character that makes a pair', () => {
    for (let c = 0; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCharCode(c);
      if (repairPossible(ch)) expect(mayNeedRepair(utf8(ch)), `U+${c.toString(16)}`).toBe(true);
      for (const lead of ['Ã', 'Â', 'ô', 'ö']) {
        const pair = lead + ch;
        if (repairPossible(pair)) expect(mayNeedRepair(utf8(pair)), `${lead} U+${c.toString(16)}`).toBe(true);
      }
    }
  });

  it('never says "clean" for text the general check could repair (random text and mojibake)', () => {
    const text = fc.oneof(
      fc.array(fc.constantFrom(...TRICKY), { maxLength: 40 }).map((a) => a.join('')),
      fc.array(fc.constantFrom(...TRICKY), { maxLength: 20 }).map((a) => misread(a.join(''))),
      fc.string({ unit: 'grapheme', maxLength: 60 }),
    );
    fc.assert(
      fc.property(text, (s) => {
        const wellFormed = new TextDecoder().decode(utf8(s));
        if (!mayNeedRepair(utf8(wellFormed))) {
          expect(repairPossible(wellFormed)).toBe(false);
          expect(repairMojibake(wellFormed)).toEqual({ text: wellFormed, repairs: 0 });
        }
      }),
      { numRuns: 5000 },
    );
  });

  it('reads a view into a larger buffer by its own bytes only', () => {
    const whole = utf8('Ã© plain text');
    expect(mayNeedRepair(whole.subarray(3))).toBe(false);
    expect(mayNeedRepair(whole.subarray(0, 4))).toBe(true);
  });
});

/** The byte-by-byte scan that {@link scanControls} must agree with. */
function scanControlsByByte(bytes: Uint8Array, n: number): { nul: boolean; control: number } {
  let nul = false;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) nul = true;
    else if (b < 0x20 && b !== 9 && b !== 10 && b !== 11 && b !== 12 && b !== 13 && b !== 27) control++;
  }
  return { nul, control };
}

/** The pair count that {@link utf16WithoutBom} must agree with. */
function utf16ByByte(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 8192) & ~1;
  if (n < 8) return null;
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

describe('scanControls and utf16WithoutBom (word-at-a-time and native searches)', () => {
  /** Bytes mostly text, with controls, NULs and high bytes, at any alignment inside a larger buffer. */
  const view = fc
    .tuple(
      fc.array(fc.oneof(fc.integer({ min: 0x20, max: 0x7e }), fc.integer({ min: 0, max: 0x20 }), fc.integer({ min: 0, max: 0xff }), fc.constant(0)), { maxLength: 600 }),
      fc.integer({ min: 0, max: 7 }),
      fc.integer({ min: 0, max: 7 }),
    )
    .map(([body, before, after]) => {
      const all = new Uint8Array(before + body.length + after).fill(0x01);
      all.set(body, before);
      return all.subarray(before, before + body.length);
    });

  it('count the same controls and NULs as a byte-by-byte scan', () => {
    fc.assert(
      fc.property(view, fc.nat(), (bytes, cut) => {
        const n = bytes.length === 0 ? 0 : cut % (bytes.length + 1);
        expect(scanControls(bytes, n)).toEqual(scanControlsByByte(bytes, n));
      }),
      { numRuns: 5000 },
    );
  });

  it('agree on every single control byte in every position of a word', () => {
    for (let b = 0; b < 0x100; b++) {
      for (let at = 0; at < 12; at++) {
        const bytes = new Uint8Array(16).fill(0x41);
        bytes[at] = b;
        for (const start of [0, 1, 2, 3]) {
          const sub = bytes.subarray(start);
          expect(scanControls(sub, sub.length)).toEqual(scanControlsByByte(sub, sub.length));
        }
      }
    }
  });

  it('recognise UTF-16 without a BOM exactly as the pair count does', () => {
    const utf16 = fc.string({ maxLength: 200 }).map((s) => new Uint8Array(Buffer.from(s, 'utf16le')));
    fc.assert(
      fc.property(fc.oneof(view, utf16), (bytes) => {
        expect(utf16WithoutBom(bytes)).toBe(utf16ByByte(bytes));
        const swapped = new Uint8Array(bytes.length);
        for (let i = 0; i + 1 < bytes.length; i += 2) {
          swapped[i] = bytes[i + 1]!;
          swapped[i + 1] = bytes[i]!;
        }
        expect(utf16WithoutBom(swapped)).toBe(utf16ByByte(swapped));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('mayBeHtml (the byte search before format sniffing of a page to decode)', () => {
  const piece = fc.constantFrom('<', '>', '<p>', '<html', '<!doctype html', '<?xml x?>', '<div ', '<a href', ' ', '\n', 'text', 'x'.repeat(700), 'ä', '—');
  it('is true whenever the sniffer would take the first bytes for HTML', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const bytes = utf8(pieces.join(''));
        if (!mayBeHtml(bytes)) expect(detectFormat(asciiPrefix(bytes), null)).not.toBe('html');
      }),
      { numRuns: 3000 },
    );
  });

  it('looks at the sniffed bytes only, within a view into a larger buffer', () => {
    const page = utf8(`${'x'.repeat(SNIFF - 30)}<p>a</p><p>b</p><p>c</p>`);
    expect(mayBeHtml(page)).toBe(true);
    expect(detectFormat(asciiPrefix(page), null)).toBe('html');
    const late = utf8(`${'x'.repeat(SNIFF)}<html><p>a</p><p>b</p><p>c</p>`);
    expect(mayBeHtml(late)).toBe(false);
    expect(detectFormat(asciiPrefix(late), null)).toBe('text');
    const outer = utf8(`<p>${'x'.repeat(100)}`);
    expect(mayBeHtml(outer.subarray(3))).toBe(false);
  });
});
