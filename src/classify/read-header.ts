/**
 * The article header: table rows and template lines at the top, the title (printed once or
 * twice), and the teaser between the two title copies (repeated, with photo credits, or in the
 * template's original language).
 */

import type { DocumentHints, SourceBlock } from '../article/blocks.js';
import { diagnostic, type Diagnostic } from '../diagnostics/codes.js';
import { splitDateline } from './dateline.js';
import { isTableSeparator, readLabelLine } from './label-line.js';
import type { LabelTable } from './labels.js';
import type { RawField } from './read-metadata-block.js';
import { locationValues, truncate } from './read-metadata-block.js';
import { isMarkedLine } from './line-markers.js';
import { isWhiteSpaceUnit } from '../util/white-space.js';
import { cpLength, lowerUnit } from '../normalise/normalise-text.js';

/** Capital sigma: its lower case (final or not) depends on the letters around it. */
const CAPITAL_SIGMA = 0x3a3;

/** How far after the title its repeat may stand. */
const TITLE_REPEAT_WINDOW = 8;
/** Longest title, in code points. */
const MAX_TITLE = 250;
/** The template prints the teaser at most this many times. */
const MAX_TEASER_COPIES = 3;
/** Longest teaser, in code points. */
const MAX_TEASER = 400;
/** A photo credit at the end of a template line: `(Symbolbild/MND)`, `(Foto: dpa)`. */
const PHOTO_CREDIT = /^\((?:[^()/]{1,40}\/[^()]{1,40}|(?:Symbolbild|Symbolfoto|Foto|Bild|Archivbild|Archivfoto|Photo|Image)\b[^()]{0,40})\)$/iu;
/**
 * How a paragraph ends (a full stop or ellipsis `.。．…`, maybe inside a closing quote or bracket
 * `"'”’»)`); titles end otherwise or in `!`/`?`. Guards against taking the title
 * `Kiel - Neue Fähre startet im Mai` for a lede that opens with the dateline `Kiel - `.
 */
const ENDS_LIKE_PARAGRAPH = /[.\u3002\uFF0E\u2026]["'\u201D\u2019\u00BB)]?$/u;
/** A line this long that opens with a dateline is a lede whatever its last character. */
const MAX_DATELINE_TITLE = 150;

export interface Header {
  title: string | null;
  teaser: string | null;
  fields: RawField[];
  /** Index of the first body block. */
  bodyStart: number;
  /** Indexes of later blocks the header took (a teaser shown below the title). */
  taken: number[];
  diagnostics: Diagnostic[];
}

/** Chooses among teaser variants of equal weight (e.g. by the article's language). */
export type TeaserChooser = (candidates: readonly string[]) => number;

/** True when the only white space in `text` is single ASCII spaces between other characters. */
function plainSpacing(text: string): boolean {
  const n = text.length;
  if (n > 0 && (text.charCodeAt(0) === 0x20 || text.charCodeAt(n - 1) === 0x20)) return false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20) {
      if (text.charCodeAt(i + 1) === 0x20) return false;
    } else if (c < 0x20 || isWhiteSpaceUnit(c)) return false;
  }
  return true;
}

/** Comparison key: case and spacing do not matter. */
export function sameTextKey(text: string): string {
  // Most lines are spaced plainly already: then only the case is folded.
  if (plainSpacing(text)) return text.toLowerCase();
  return text.toLowerCase().replace(/\s+/gu, ' ').trim();
}

/** ASCII white space as `\s` and `trim` see it: tab, LF, VT, FF, CR, space. */
function isAsciiSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d);
}

/** keyUnitAt's answer at the end of the text (after a unit that is not white space, or of an empty key). */
const KEY_END = -1;
/** keyUnitAt's answer where the key cannot be told unit by unit. */
const KEY_UNDECIDED = -2;
/** Where the last call of keyUnitAt stopped reading: the place of the next key unit. */
let keyReadAt = 0;

/**
 * The unit of `sameTextKey(text)` that starts at unit `i` of the text (0, or where the call before
 * stopped, in keyReadAt), with keyReadAt set past it. Read as far as each unit's lower case is one
 * unit of its own (all of ASCII, and most letters beyond: not a capital sigma, whose lower case
 * depends on the letters after it, nor İ or a surrogate) and white space is ASCII and followed
 * by more text; KEY_UNDECIDED at anything else.
 */
function keyUnitAt(text: string, i: number): number {
  const n = text.length;
  if (i === 0) while (i < n && isAsciiSpace(text.charCodeAt(i))) i++;
  if (i === n) {
    keyReadAt = i;
    return KEY_END;
  }
  let c = text.charCodeAt(i);
  if (isAsciiSpace(c)) {
    while (i < n && isAsciiSpace(text.charCodeAt(i))) i++;
    // trailing white space is trimmed, and a character beyond ASCII may be white space too
    if (i === n || isWhiteSpaceUnit(text.charCodeAt(i))) return KEY_UNDECIDED;
    c = 0x20;
  } else if (c < 0x80) {
    if (c >= 0x41 && c <= 0x5a) c |= 0x20;
    i++;
  } else {
    if (c === CAPITAL_SIGMA || isWhiteSpaceUnit(c)) return KEY_UNDECIDED;
    c = lowerUnit(c);
    if (c === 0xffff) return KEY_UNDECIDED;
    i++;
  }
  keyReadAt = i;
  return c;
}

/**
 * True only when `sameTextKey(text)` cannot equal `key` (a key made by it). Reads the key of the
 * text's start unit by unit (see keyUnitAt), and stops undecided (false) where it cannot; so a
 * long paragraph is told from a title by its first few characters, without folding the whole of it.
 */
export function keysDiffer(key: string, text: string): boolean {
  let i = 0;
  for (let j = 0; ; j++) {
    const c = keyUnitAt(text, i);
    if (c < 0) return false;
    i = keyReadAt;
    if (j === key.length || key.charCodeAt(j) !== c) return true;
  }
}

/** True only when `sameTextKey(a)` cannot equal `sameTextKey(b)`: keysDiffer without either key made. */
export function textKeysDiffer(a: string, b: string): boolean {
  let i = 0;
  let k = 0;
  for (;;) {
    const x = keyUnitAt(a, i);
    i = keyReadAt;
    const y = keyUnitAt(b, k);
    k = keyReadAt;
    if (x === KEY_UNDECIDED || y === KEY_UNDECIDED) return false;
    if (x !== y) return true;
    if (x === KEY_END) return false;
  }
}

/**
 * `[...text].length <= max`, told from the length in units where it can be (a code point is one
 * or two units), so that a long paragraph is not split into code points to find out.
 */
export function withinCodePoints(text: string, max: number): boolean {
  if (text.length <= max) return true;
  if (text.length > 2 * max) return false;
  return cpLength(text) <= max;
}

/** Split a trailing photo credit off a line. Found from the end, so the time is linear. */
function stripCredit(text: string): { text: string; credit: string | null } {
  if (!text.endsWith(')')) return { text, credit: null };
  const open = text.lastIndexOf('(');
  if (open <= 0 || !PHOTO_CREDIT.test(text.slice(open))) return { text, credit: null };
  const before = text.slice(0, open).trimEnd();
  if (before === '') return { text, credit: null };
  return { text: before, credit: text.slice(open) };
}

function fieldFrom(block: SourceBlock, label: string, entry: RawField['entry'], value: string | null): RawField {
  return { label, entry, values: value === null ? [] : [{ text: value }], inline: value !== null, line: block.line };
}

/** True when the text of `blocks[at]` is printed again within the title-repeat window. */
function printedAgain(blocks: readonly SourceBlock[], at: number, keyOf: (text: string) => string): boolean {
  const key = keyOf(blocks[at]!.text);
  for (let k = at + 1; k < Math.min(blocks.length, at + 1 + TITLE_REPEAT_WINDOW); k++) {
    const text = blocks[k]!.text;
    if (!keysDiffer(key, text) && keyOf(text) === key) return true;
  }
  return false;
}

/** sameTextKey with a memory: the header compares the same few blocks many times. */
function memoisedKeys(): (text: string) => string {
  const keys = new Map<string, string>();
  return (text) => {
    let key = keys.get(text);
    if (key === undefined) {
      key = sameTextKey(text);
      keys.set(text, key);
    }
    return key;
  };
}

/** `repeated`: the line is printed again just below, which only a title is. */
function isTitleLike(block: SourceBlock, locations: readonly string[], repeated: boolean): boolean {
  if (block.hint === 'title') return true;
  if (block.hint !== 'line') return false;
  const text = block.text;
  const length = cpLength(text);
  if (length === 0 || length > MAX_TITLE || isMarkedLine(text)) return false;
  // A lede that opens with its dateline, not a title: ends like a paragraph and is not repeated.
  if (!repeated && (ENDS_LIKE_PARAGRAPH.test(text) || length > MAX_DATELINE_TITLE) && splitDateline(text, locations) !== null) return false;
  // Two sentences or more is a paragraph, not a title (sentence marks `.!?。！？`).
  if (/[.!?\u3002\uFF01\uFF1F]\s+\S.*[.!?\u3002\uFF01\uFF1F]$/u.test(text) && length > 120) return false;
  return true;
}

/**
 * Read the header from `blocks` (the article without its metadata block).
 * `locations` are the known place values (from the metadata), used to tell a dateline lede from a title.
 */
export function readHeader(
  blocks: readonly SourceBlock[],
  table: LabelTable,
  hints: DocumentHints,
  locations: readonly string[],
  chooseTeaser: TeaserChooser,
): Header {
  const diagnostics: Diagnostic[] = [];
  const fields: RawField[] = [];
  const keyOf = memoisedKeys();
  let i = 0;

  // Table rows (`Ort | Potsdam |`), their separators and template lines before the title.
  const takeHeaderLines = (from: number): number => {
    let k = from;
    while (k < blocks.length) {
      const b = blocks[k]!;
      if (b.hint !== 'line') break;
      if (isTableSeparator(b.text)) {
        diagnostics.push(diagnostic('TABLE_SEPARATOR_DROPPED', `table separator "${truncate(b.text)}" dropped`, b.line));
        k++;
        continue;
      }
      const l = readLabelLine(b.raw, table, 'header');
      if (l === null || (l.form !== 'table' && l.entry?.template !== true)) break;
      fields.push(fieldFrom(b, l.label, l.entry, l.value));
      diagnostics.push(diagnostic('TEMPLATE_LINE_MOVED', `"${truncate(b.text)}" is a template line: moved to metadata`, b.line));
      k++;
    }
    return k;
  };
  i = takeHeaderLines(i);
  const knownLocations = fields.length === 0 ? locations : [...locations, ...locationValues(fields)];

  // Markdown front matter is authoritative: take the title as given, consume the `# title` line.
  if (hints.authoritative === true) {
    if (blocks[i]?.hint === 'title') i++;
    return { title: hints.title ?? null, teaser: hints.teaser ?? null, fields, bodyStart: i, taken: [], diagnostics };
  }

  let title: string | null = null;
  const first = blocks[i];
  if (hints.title !== undefined && hints.title !== '') {
    title = hints.title;
    if (first?.hint === 'title') i++;
  } else if (first !== undefined && blocks.length > i + 1 && isTitleLike(first, knownLocations, printedAgain(blocks, i, keyOf))) {
    title = first.text;
    i++;
  } else if (first?.hint === 'title') {
    title = first.text;
    i++;
  }

  let teaser: string | null = null;
  if (title !== null) {
    const key = keyOf(title);
    let repeat = -1;
    for (let k = i; k < Math.min(blocks.length, i + TITLE_REPEAT_WINDOW); k++) {
      const b = blocks[k]!;
      if (b.hint !== 'paragraph' && b.hint !== 'line' && b.hint !== 'heading' && b.hint !== 'title') break;
      if (!keysDiffer(key, b.text) && keyOf(b.text) === key) {
        repeat = k;
        break;
      }
    }
    if (repeat !== -1) {
      const zone = blocks.slice(i, repeat);
      const candidates: SourceBlock[] = [];
      for (const b of zone) {
        if (isTableSeparator(b.text)) continue;
        const l = b.hint === 'line' ? readLabelLine(b.raw, table, 'header') : null;
        if (l !== null && (l.entry?.template === true || l.form === 'table')) {
          fields.push(fieldFrom(b, l.label, l.entry, l.value));
          diagnostics.push(diagnostic('TEMPLATE_LINE_MOVED', `"${truncate(b.text)}" is a template line: moved to metadata`, b.line));
        } else candidates.push(b);
      }
      teaser = pickTeaser(candidates, hints, chooseTeaser, diagnostics);
      diagnostics.push(diagnostic('DUPLICATE_TITLE_REMOVED', 'the title was printed again; the repeat was removed', blocks[repeat]!.line));
      i = repeat + 1;
      // a third copy right after
      while (i < blocks.length && !keysDiffer(key, blocks[i]!.text) && keyOf(blocks[i]!.text) === key) {
        diagnostics.push(diagnostic('DUPLICATE_TITLE_REMOVED', 'the title was printed again; the repeat was removed', blocks[i]!.line));
        i++;
      }
    } else {
      i = takeHeaderLines(i);
      // A teaser printed twice (or more) right after the title.
      const a = blocks[i];
      const b = blocks[i + 1];
      if (a !== undefined && b !== undefined && a.hint === 'line' && b.hint === 'line' && withinCodePoints(a.text, MAX_TEASER)) {
        // the first copy's key is made only for a line that may be a copy of it
        const firstCopy = stripCredit(a.text).text;
        const sameAsFirst = (text: string): boolean => !textKeysDiffer(firstCopy, text) && keyOf(text) === keyOf(firstCopy);
        let end = i + 1;
        // the template prints a teaser at most three times; more copies are body text
        while (end < blocks.length && end - i < MAX_TEASER_COPIES && blocks[end]!.hint === 'line' && sameAsFirst(stripCredit(blocks[end]!.text).text)) end++;
        if (end - i >= 2) {
          teaser = pickTeaser(blocks.slice(i, end), hints, chooseTeaser, diagnostics);
          i = end;
        }
      }
      i = takeHeaderLines(i);
    }
  }

  // HTML: the meta description counts as the teaser when the page shows it near the top.
  const taken: number[] = [];
  if (teaser === null && hints.teaser !== undefined) {
    const key = keyOf(hints.teaser);
    for (let k = i; k < Math.min(blocks.length, i + 3); k++) {
      if (keyOf(blocks[k]!.text) === key) {
        teaser = blocks[k]!.text;
        taken.push(k);
        break;
      }
    }
  }

  if (title === null) diagnostics.push(diagnostic('MISSING_TITLE', 'no title was found', blocks[i]?.line ?? null));
  return { title, teaser, fields, bodyStart: i, taken, diagnostics };
}

function pickTeaser(candidates: readonly SourceBlock[], hints: DocumentHints, choose: TeaserChooser, diagnostics: Diagnostic[]): string | null {
  if (candidates.length === 0) return null;
  const groups = new Map<string, { text: string; blocks: SourceBlock[] }>();
  for (const b of candidates) {
    const stripped = stripCredit(b.text);
    if (stripped.credit !== null) diagnostics.push(diagnostic('PHOTO_CREDIT_REMOVED', `photo credit "${stripped.credit}" removed`, b.line));
    const key = sameTextKey(stripped.text);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, { text: stripped.text, blocks: [b] });
    else group.blocks.push(b);
  }
  const all = [...groups.values()];
  const most = all.reduce((m, g) => Math.max(m, g.blocks.length), 0);
  let top = all.filter((g) => g.blocks.length === most);
  if (top.length > 1 && hints.teaser !== undefined) {
    const meta = top.find((g) => sameTextKey(g.text) === sameTextKey(hints.teaser ?? ''));
    if (meta !== undefined) top = [meta];
  }
  const chosen = top.length > 1 ? top[Math.max(0, Math.min(top.length - 1, choose(top.map((g) => g.text))))]! : top[0]!;
  for (const g of all) {
    if (g === chosen) {
      for (const b of g.blocks.slice(1)) diagnostics.push(diagnostic('TEASER_REPEAT_REMOVED', 'a repeat of the teaser was removed', b.line));
    } else {
      for (const b of g.blocks) diagnostics.push(diagnostic('TEASER_VARIANT_REMOVED', `teaser variant "${truncate(b.text)}" removed`, b.line));
    }
  }
  return chosen.text;
}
