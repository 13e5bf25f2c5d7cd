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

/** True when the line starts a list item. */
export function isListItemLine(text: string): boolean {
  return BULLET.test(text) || NUMBERED.test(text);
}

/** True when the line is a list item or a quote. */
export function isMarkedLine(text: string): boolean {
  return isListItemLine(text) || QUOTE.test(text);
}
