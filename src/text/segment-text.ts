/**
 * Text segmenter: plain text → one block per line (blank lines separate nothing more than single
 * line breaks do, so both layouts give the same blocks). Hard-wrapped paragraphs (every line
 * broken near one width) are joined first.
 */

import type { Segmented, SourceBlock } from '../article/blocks.js';
import { isMarkedLine } from '../classify/line-markers.js';

/** Wrapped text: most long lines end within this share of the widest line. */
const WRAP_MIN_SHARE = 0.6;
/** Widest line for a document to count as hard-wrapped (terminal widths, e-mail, plain-text archives). */
const WRAP_MAX_WIDTH = 120;
/** A wrapped document has at least this many lines near the wrap width. */
const WRAP_MIN_FULL_LINES = 3;
/**
 * Sentence-ending punctuation (`.!?…:;。！？؟۔।"”»`): a line that ends with it is not continued on
 * the next line.
 */
const ENDS_SENTENCE = /[.!?\u2026:;\u3002\uFF01\uFF1F\u061F\u06D4\u0964"\u201D\u00BB]$/u;

/** Characters two lines must share at their start to count as copies of each other. */
const REPEAT_PREFIX = 20;

/**
 * True when two lines start with the same text: a title or teaser printed again (maybe with a photo
 * credit), never a wrapped line and its continuation. Guards against joining template repeats.
 */
function startsAlike(a: string, b: string): boolean {
  const n = Math.min(REPEAT_PREFIX, a.length, b.length);
  return n > 0 && a.slice(0, n).toLowerCase() === b.slice(0, n).toLowerCase();
}

/**
 * A greedy wrapper breaks a line only when the next word would not fit on it: so a line was
 * wrapped only if it plus a space plus the next line's first word is wider than the widest line.
 * Guards against gluing a title to its repeat (or to the lede) in a short single-newline article.
 */
function nextWordWouldNotFit(line: string, next: string, width: number): boolean {
  if (startsAlike(line, next)) return false;
  const space = next.indexOf(' ');
  const firstWord = space === -1 ? next : next.slice(0, space);
  return line.length + 1 + firstWord.length > width;
}

/** Whether a line starting or ending with this unit may have white space to trim there (`trim`'s set: spaces, tabs, line ends, no-break and other Unicode spaces, BOM). */
function mayTrim(unit: number): boolean {
  return unit <= 0x20 || unit === 0xa0 || (unit >= 0x1680 && (unit === 0x1680 || (unit >= 0x2000 && unit <= 0x200a) || unit === 0x2028 || unit === 0x2029 || unit === 0x202f || unit === 0x205f || unit === 0x3000 || unit === 0xfeff));
}

/**
 * One block per non-blank line, trimmed. A line whose first and last units are no white space is
 * cut as it is (most are): `trim` would give back the same text.
 */
function toBlocks(text: string): SourceBlock[] {
  const blocks: SourceBlock[] = [];
  let afterBlank = false;
  let lineNo = 0;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    lineNo++;
    const content = start === end ? '' : mayTrim(text.charCodeAt(start)) || mayTrim(text.charCodeAt(end - 1)) ? text.slice(start, end).trim() : text.slice(start, end);
    if (content === '') afterBlank = true;
    else {
      blocks.push({ text: content, raw: content, line: lineNo, hint: 'line', afterBlank });
      afterBlank = false;
    }
    start = end + 1;
  }
  return blocks;
}

/** The wrap width when the document looks hard-wrapped, else null. */
function wrapWidth(lines: readonly SourceBlock[]): number | null {
  let width = 0;
  for (const l of lines) width = Math.max(width, l.text.length);
  if (width > WRAP_MAX_WIDTH || width < 40) return null;
  let full = 0;
  let continued = 0;
  for (let i = 0; i + 1 < lines.length; i++) {
    const l = lines[i]!;
    if (l.text.length >= width * WRAP_MIN_SHARE) {
      full++;
      const next = lines[i + 1]!;
      if (!next.afterBlank && !ENDS_SENTENCE.test(l.text) && nextWordWouldNotFit(l.text, next.text, width)) continued++;
    }
  }
  return full >= WRAP_MIN_FULL_LINES && continued >= 2 && continued * 3 >= full ? width : null;
}

/** Split text (LF line ends) into line blocks. */
export function segmentText(text: string): Segmented & { unwrapped: number } {
  const lines = toBlocks(text);
  const width = wrapWidth(lines);
  // not hard-wrapped (most documents): one block per line as they are
  if (width === null) return { blocks: lines, hints: {}, unwrapped: 0 };
  const blocks: SourceBlock[] = [];
  let unwrapped = 0;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const prev = blocks[blocks.length - 1];
    const prevLine = lines[i - 1];
    if (
      prev !== undefined &&
      prevLine !== undefined &&
      !l.afterBlank &&
      prevLine.text.length >= width * WRAP_MIN_SHARE &&
      !ENDS_SENTENCE.test(prevLine.text) &&
      nextWordWouldNotFit(prevLine.text, l.text, width) &&
      !isMarkedLine(l.text)
    ) {
      prev.text += ' ' + l.text;
      prev.raw += ' ' + l.text;
      unwrapped++;
      continue;
    }
    // a copy: the line's own block still stands in `lines`, whose text the test above reads
    blocks.push({ ...l });
  }
  return { blocks, hints: {}, unwrapped };
}
