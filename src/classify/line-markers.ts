/**
 * How a plain-text line says it is a list item or a quote. One table for the segmenter (which
 * never joins such a line to the previous one), the header (a list item is never a title) and
 * the body classifier (which makes them list items and quotes).
 */

/** A bulleted item: `- `, `* `, `• `, `▪ `, `◦ `, `· `. The item text starts at the first non-space. */
export const BULLET = /^([-*\u2022\u25AA\u25E6\u00B7])\s+(\S[^]*)$/u;
/** A numbered item: `1. `, `12) `. */
export const NUMBERED = /^(\d{1,3})[.)]\s+(\S[^]*)$/u;
/** A quoted line: `> text`. */
export const QUOTE = /^>\s?(.*)$/u;

/**
 * Whether the line's first unit is one that BULLET, NUMBERED or QUOTE can start with (a bullet, an
 * ASCII digit or `>`): one comparison instead of three expressions for most lines.
 */
export function mayBeMarked(text: string): boolean {
  const c = text.charCodeAt(0);
  return (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2a || c === 0x3e || c === 0xb7 || c === 0x2022 || c === 0x25aa || c === 0x25e6;
}

/** True when the line starts a list item. */
export function isListItemLine(text: string): boolean {
  return mayBeMarked(text) && (BULLET.test(text) || NUMBERED.test(text));
}

/** True when the line is a list item or a quote. */
export function isMarkedLine(text: string): boolean {
  return mayBeMarked(text) && (BULLET.test(text) || NUMBERED.test(text) || QUOTE.test(text));
}
