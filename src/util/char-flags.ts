/**
 * Per-character property flags with a cache: each flag is a test of one code point (a set of
 * Unicode properties, an expression, or a function of the code point), run once per distinct
 * character and remembered, so hot loops over text index a typed array instead of testing every
 * character.
 */

import { unicodeProperties } from './unicode-props.js';

/**
 * One flag's test: Unicode property bits (unicode-props.ts; the flag is set when the character
 * has any of them), an expression matched against the character, or a function of its code point.
 */
export type CharTest = number | RegExp | ((cp: number) => boolean);

/** The bit that marks a computed table entry. */
const KNOWN = 0x8000;

export class CharFlags {
  /** Per BMP code unit: the flags with KNOWN set once computed; 0 = not yet computed. */
  private readonly bmp = new Uint16Array(0x10000);
  private readonly astral = new Map<number, number>();
  private readonly tests: readonly CharTest[];

  /**
   * `tests[k]` decides flag bit `1 << k` (at most fifteen tests; expressions neither global nor
   * sticky, so `test` keeps no state).
   */
  constructor(tests: readonly CharTest[]) {
    if (tests.length > 15 || tests.some((t) => t instanceof RegExp && (t.global || t.sticky))) {
      throw new RangeError('at most fifteen tests, expressions neither global nor sticky');
    }
    this.tests = tests;
  }

  private compute(cp: number): number {
    const properties = unicodeProperties(cp);
    let flags = KNOWN;
    for (let k = 0; k < this.tests.length; k++) {
      const t = this.tests[k] as CharTest;
      if (typeof t === 'number' ? (properties & t) !== 0 : typeof t === 'function' ? t(cp) : t.test(String.fromCodePoint(cp))) flags |= 1 << k;
    }
    return flags;
  }

  /** Flags of a BMP code unit (a lone surrogate has none). */
  unit(unit: number): number {
    let flags = this.bmp[unit] as number;
    if (flags === 0) {
      flags = unit >= 0xd800 && unit <= 0xdfff ? KNOWN : this.compute(unit);
      this.bmp[unit] = flags;
    }
    return flags & ~KNOWN;
  }

  /** Flags of any code point. */
  codePoint(cp: number): number {
    if (cp < 0x10000) return this.unit(cp);
    let flags = this.astral.get(cp);
    if (flags === undefined) {
      flags = this.compute(cp);
      this.astral.set(cp, flags);
    }
    return flags & ~KNOWN;
  }
}

/** The code point of the surrogate pair at `i`, or -1 when there is none. */
export function pairAt(text: string, i: number): number {
  const high = text.charCodeAt(i);
  if (high < 0xd800 || high > 0xdbff || i + 1 >= text.length) return -1;
  const low = text.charCodeAt(i + 1);
  if (low < 0xdc00 || low > 0xdfff) return -1;
  return (high - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
}
