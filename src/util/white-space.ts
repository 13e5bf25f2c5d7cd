/**
 * White space as regular expressions (`\s`) and `String.prototype.trim` see it, tested on one
 * UTF-16 unit without an expression: for hot loops that must agree with such an expression.
 */

/** True when `unit` matches `\s`: tab, line breaks, space, no-break space, the Unicode spaces, BOM. */
export function isWhiteSpaceUnit(unit: number): boolean {
  if (unit <= 0x20) return unit === 0x20 || (unit >= 0x09 && unit <= 0x0d);
  if (unit < 0xa0) return false;
  return unit === 0xa0 || unit === 0x1680 || (unit >= 0x2000 && unit <= 0x200a) || unit === 0x2028 || unit === 0x2029 || unit === 0x202f || unit === 0x205f || unit === 0x3000 || unit === 0xfeff;
}
