/**
 * Per-character property flags with a cache: each flag is a one-character Unicode property test,
 * run once per distinct character and remembered, so hot loops over text index a typed array
 * instead of running a regular expression per character.
 */

export class CharFlags {
  /** Per BMP code unit: the flags with bit 7 set once computed; 0 = not yet computed. */
  private readonly bmp = new Uint8Array(0x10000);
  private readonly astral = new Map<number, number>();
  private readonly tests: readonly RegExp[];

  /**
   * `tests[k]` decides flag bit `1 << k` for one code point (at most seven tests; neither global
   * nor sticky, so `test` keeps no state).
   */
  constructor(tests: readonly RegExp[]) {
    if (tests.length > 7 || tests.some((re) => re.global || re.sticky)) throw new RangeError('at most seven tests, neither global nor sticky');
    this.tests = tests;
  }

  private compute(ch: string): number {
    let flags = 0x80;
    for (let k = 0; k < this.tests.length; k++) if ((this.tests[k] as RegExp).test(ch)) flags |= 1 << k;
    return flags;
  }

  /** Flags of a BMP code unit (a lone surrogate has none). */
  unit(unit: number): number {
    let flags = this.bmp[unit] as number;
    if (flags === 0) {
      flags = unit >= 0xd800 && unit <= 0xdfff ? 0x80 : this.compute(String.fromCharCode(unit));
      this.bmp[unit] = flags;
    }
    return flags & 0x7f;
  }

  /** Flags of an astral code point. */
  codePoint(cp: number): number {
    let flags = this.astral.get(cp);
    if (flags === undefined) {
      flags = this.compute(String.fromCodePoint(cp));
      this.astral.set(cp, flags);
    }
    return flags & 0x7f;
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
