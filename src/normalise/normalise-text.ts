/**
 * normalise: the per-block text clean-ups. Pure: string in, string and a list of repairs out.
 *
 * Order matters and each step is idempotent, so normalising twice changes nothing:
 * NFC → invisible/control characters → spaces → space before punctuation → stutters.
 */

import { appendAll } from '../util/append.js';
import { hasProperty, LETTER } from '../util/unicode-props.js';
import { UnitCopy } from '../util/unit-copy.js';

/** One kind of repair with how often it was made in a block. */
export interface Repair {
  kind: 'invisible' | 'control' | 'spaces' | 'punctuation' | 'stutter';
  count: number;
  /** For stutters: the word and how many times it stood in a row. */
  detail?: string;
}

/**
 * Characters removed outright: zero-width space, word joiner, BOM / zero-width no-break space,
 * soft hyphen, Mongolian vowel separator, left-to-right / right-to-left / Arabic letter marks.
 * ZWNJ (U+200C) and ZWJ (U+200D) are kept: Persian, Indic scripts and emoji need them.
 */
const INVISIBLE = /[\u200B\u2060\uFEFF\u00AD\u180E\u200E\u200F\u061C]/g;

/**
 * Control characters removed: C0 except tab, C1, and Unicode noncharacters U+FDD0–U+FDEF,
 * U+FFFE, U+FFFF (the pipeline uses two noncharacters internally to mark link text).
 */
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\uFDD0-\uFDEF\uFFFE\uFFFF]/g;
/** The same, sparing U+FDD0/U+FDD1: the link markers of `normaliseBlocks`. */
const CONTROL_KEEP_MARKERS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\uFDD2-\uFDEF\uFFFE\uFFFF]/g;

/** Two or more spaces/tabs, or a single tab: collapsed to one space. No-break spaces are kept. */
const SPACE_RUN = /[ \t]{2,}|\t/g;
/**
 * A no-break space that is not French typography (before `; : ! ? »`, after `«`) is an ordinary
 * space: `120&nbsp;Millionen` on a page and `120 Millionen` in its text are the same words.
 */
const PLAIN_NO_BREAK = /(?<!\u00AB)[\u00A0\u202F](?![;:!?\u00BB])/gu;

/**
 * (Runs of spaces are already collapsed when these run, so one space is all there is to match.)
 * A space before `,` or `.` that ends a word: followed by a space, the end, a closing quote
 * (`"'”’»`) or bracket. `.NET` or `,5` (a decimal) keep their space.
 */
const SPACE_BEFORE_LATIN = / ([,.])(?=$|[\s"'\u201D\u2019\u00BB)\]])/g;
/** A space before the Arabic comma/semicolon, CJK full stop/commas (`،؛。，、`): always removed. */
const SPACE_BEFORE_OTHER = / ([\u060C\u061B\u3002\uFF0C\u3001])/g;

/** Punctuation that may trail the last word of a stutter. */
const TRAILING_PUNCT = new Set([...',.;:!?،؛。，、…"\'”’»)']);

function countAndReplace(text: string, re: RegExp, replacement: string): { text: string; count: number } {
  let count = 0;
  const out = text.replace(re, (...args: unknown[]) => {
    count++;
    // keep the captured punctuation when the pattern has a group
    return typeof args[1] === 'string' && replacement === '$1' ? args[1] : replacement;
  });
  return { text: out, count };
}

/** Per UTF-16 unit: its lower case when that is one unit (0 = not looked up yet, 0xFFFF = not one unit, or a surrogate). */
const LOWER_UNIT = new Uint16Array(0x10000);

export function lowerUnit(unit: number): number {
  let lower = LOWER_UNIT[unit] as number;
  if (lower === 0) {
    const l = String.fromCharCode(unit).toLowerCase();
    lower = l.length === 1 && !(unit >= 0xd800 && unit <= 0xdfff) ? l.charCodeAt(0) : 0xffff;
    if (lower === 0) lower = 0xffff;
    LOWER_UNIT[unit] = lower;
  }
  return lower;
}

/** Capital sigma: its lower case (final or not) depends on the letters around it. */
const CAPITAL_SIGMA = 0x3a3;

/** Whether every unit of text[start, end) has a one-unit lower case, so that lower case keeps the length. */
function lowerKeepsLength(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (lowerUnit(text.charCodeAt(i)) === 0xffff) return false;
  return true;
}

/**
 * Words [a, aEnd) and [b, bEnd) of `text` equal ignoring case, as their lower-case copies compare.
 * Lower-casing a word lower-cases each unit on its own, except a capital sigma (its form depends
 * on the letters around it) and a unit whose lower case is not one unit; units compare in place
 * until one of those differs from its counterpart, and only then are copies compared.
 */
function sameWord(text: string, a: number, aEnd: number, b: number, bEnd: number): boolean {
  const length = aEnd - a;
  if (length === bEnd - b) {
    let i = 0;
    for (; i < length; i++) {
      const x = text.charCodeAt(a + i);
      const y = text.charCodeAt(b + i);
      if (x === y) continue;
      const lx = lowerUnit(x);
      const ly = lowerUnit(y);
      if (lx === 0xffff || ly === 0xffff || x === CAPITAL_SIGMA || y === CAPITAL_SIGMA) break;
      if (lx !== ly) return false;
    }
    if (i === length) return true;
  } else {
    // The first unit has no letter before it in the word, so a capital sigma there is plain.
    if (length === 0 || b === bEnd) return false; // the lower case of a word is never empty
    const lx = lowerUnit(text.charCodeAt(a));
    const ly = lowerUnit(text.charCodeAt(b));
    if (lx !== ly && lx !== 0xffff && ly !== 0xffff) return false;
    // Lower case never shortens a word: when the shorter word keeps its length, its lower case
    // is shorter than the other's.
    if (length < bEnd - b ? lowerKeepsLength(text, a, aEnd) : lowerKeepsLength(text, b, bEnd)) return false;
  }
  return text.slice(a, aEnd).toLowerCase() === text.slice(b, bEnd).toLowerCase();
}

/** Where the word [start, end) of `text` ends without its trailing punctuation (`end` when it has none). Linear, no regex. */
function bareEnd(text: string, start: number, end: number): number {
  let i = end;
  while (i > start && TRAILING_PUNCT.has(text[i - 1]!)) i--;
  return i;
}

/** firstRepeatedTriple's answer when the spacing it was asked to check needs a clean-up. */
const UNCLEAN_SPACING = -2;

/**
 * Where the first three space-separated words that are equal (ignoring case; the third may carry
 * trailing punctuation) start, or -1: every stutter starts with three such words, so text
 * without them is returned as it is, and the words before them need no closer look. (A word
 * printed twice, `das das`, is common and no stutter.)
 *
 * With `checkSpacing`, returns UNCLEAN_SPACING instead when a word is empty (a space at either end
 * or two in a row) or a word after a space starts with `,` or `.`, before any triple after it.
 */
function firstRepeatedTriple(text: string, checkSpacing: boolean): number {
  // the word before the previous one, and the previous one, with the lower case of its first
  // unit (-1: empty word, 0xffff: not one unit)
  let aStart = -1;
  let aEnd = -1;
  let bStart = -1;
  let bEnd = -1;
  let bFirst = -1;
  /** The words a and b are equal. */
  let pair = false;
  const n = text.length;
  for (let start = 0; start <= n; ) {
    let end = text.indexOf(' ', start);
    if (end === -1) end = n;
    // a word [start, end): does it finish a triple, or make a pair with the one before?
    if (pair) {
      if (sameWord(text, aStart, aEnd, start, end)) return aStart;
      const bare = bareEnd(text, start, end);
      if (bare < end && sameWord(text, aStart, aEnd, start, bare)) return aStart;
    }
    const unit = start < end ? text.charCodeAt(start) : -1;
    if (checkSpacing && (unit === -1 || (start > 0 && (unit === 0x2c || unit === 0x2e)))) return UNCLEAN_SPACING;
    // words whose first units differ in lower case differ (most neighbours do)
    const first = unit === -1 ? -1 : lowerUnit(unit);
    pair = bStart !== -1 && (first === bFirst || first === 0xffff || bFirst === 0xffff) && sameWord(text, bStart, bEnd, start, end);
    aStart = bStart;
    aEnd = bEnd;
    bStart = start;
    bEnd = end;
    bFirst = first;
    start = end + 1;
  }
  return -1;
}

/**
 * Visit the space-separated words of `text` from offset `from` (a word start) in order: [start,
 * end). Stops and returns true as soon as `visit` does.
 */
function eachWord(text: string, from: number, visit: (start: number, end: number) => boolean): boolean {
  const n = text.length;
  for (let start = from; start <= n; ) {
    let end = text.indexOf(' ', start);
    if (end === -1) end = n;
    if (visit(start, end)) return true;
    start = end + 1;
  }
  return false;
}

/** Word boundaries for collapseStutters, shared between calls. */
let wordStarts = new Int32Array(0);
let wordEnds = new Int32Array(0);
/** Word buffers are kept between calls up to this many words. */
const KEEP_WORDS = 65536;

/**
 * Collapse a word repeated three or more times in a row to one (`من من من من` → `من`).
 * Words compare case-insensitively; the last repeat may carry trailing punctuation, which is kept.
 * Words are space-separated and read in place; the text is rebuilt only around a collapse.
 */
export function collapseStutters(text: string): { text: string; repairs: Repair[] } {
  const first = firstRepeatedTriple(text, false);
  if (first === -1) return { text, repairs: [] };
  // word boundaries from the first repeated pair on: word k is text[starts[k], ends[k]), in
  // buffers shared between calls (a word ends at each space, and one at the end)
  const room = text.length - first + 1;
  if (wordStarts.length < room) {
    wordStarts = new Int32Array(room);
    wordEnds = new Int32Array(room);
  }
  const starts = wordStarts;
  const ends = wordEnds;
  let n = 0;
  eachWord(text, first, (start, end) => {
    starts[n] = start;
    ends[n++] = end;
    return false;
  });
  if (room > KEEP_WORDS) {
    // a very long text: let the buffers go after this call
    wordStarts = new Int32Array(0);
    wordEnds = new Int32Array(0);
  }
  if (n < 3) return { text, repairs: [] };
  const repairs: Repair[] = [];
  const parts: string[] = [];
  let copied = 0;
  let i = 0;
  while (i < n) {
    const s = starts[i]!;
    const e = ends[i]!;
    let j = i + 1;
    if (j < n && sameWord(text, s, e, starts[j]!, ends[j]!)) {
      const token = text.slice(s, e);
      // Linked words (marked U+FDD0…U+FDD1 by normaliseBlocks) are never collapsed: in plain
      // text a `[word](url)` link is not a repeated word either.
      if (hasProperty(token, LETTER) && bareEnd(text, s, e) === e && !token.includes('\uFDD0') && !token.includes('\uFDD1')) {
        while (j < n && sameWord(text, s, e, starts[j]!, ends[j]!)) j++;
        // the last repeat may carry punctuation: `de de de de.`
        if (j < n && j - i >= 2) {
          const next = text.slice(starts[j]!, ends[j]!);
          const bare = bareEnd(text, starts[j]!, ends[j]!) - starts[j]!;
          if (bare < next.length && sameWord(text, s, e, starts[j]!, starts[j]! + bare) && j + 1 - i >= 3) {
            repairs.push({ kind: 'stutter', count: 1, detail: `"${token}" ×${j + 1 - i}` });
            parts.push(text.slice(copied, e), next.slice(bare));
            copied = ends[j]!;
            i = j + 1;
            continue;
          }
        }
        if (j - i >= 3) {
          repairs.push({ kind: 'stutter', count: 1, detail: `"${token}" ×${j - i}` });
          parts.push(text.slice(copied, e));
          copied = ends[j - 1]!;
          i = j;
          continue;
        }
      }
    }
    i++;
  }
  if (repairs.length === 0) return { text, repairs };
  parts.push(text.slice(copied));
  return { text: parts.join(''), repairs };
}

/** What `scan` found in a text: which clean-ups can change it. */
const NEEDS_FULL = 1; // invisible or control characters, no-break spaces, tabs or double spaces
const SPACE_PUNCT_LATIN = 2; // a space before `,` or `.`
const SPACE_PUNCT_OTHER = 4; // a space before `،؛。，、`

/**
 * One pass over the text that tells which clean-ups could change it, so that the expressions
 * run only where they can match. Conservative: a flag may be set where nothing changes.
 */
function scan(text: string): number {
  let found = 0;
  let prev = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x7f || c < 0x20) {
      if (c < 0x20 || c <= 0xa0 || c === 0x202f || (c >= 0x200b && c <= 0x200f) || c === 0x2060 || c === 0xfeff || c === 0xad || c === 0x180e || c === 0x61c || (c >= 0xfdd0 && c <= 0xfdef) || c >= 0xfffe) {
        return NEEDS_FULL;
      }
      if (prev === 0x20 && (c === 0x60c || c === 0x61b || c === 0x3002 || c === 0xff0c || c === 0x3001)) found |= SPACE_PUNCT_OTHER;
    } else if (prev === 0x20) {
      if (c === 0x20) return NEEDS_FULL;
      if (c === 0x2c || c === 0x2e) found |= SPACE_PUNCT_LATIN;
    }
    prev = c;
  }
  return found;
}

/**
 * The code units that no clean-up changes: printable ASCII with the space, Latin-1 and Latin
 * Extended letters and signs up to U+02FF (not the no-break space or soft hyphen), Greek,
 * Cyrillic, Hebrew, Arabic and Persian letters, general punctuation (dashes, quotes, bullets),
 * currency signs and Hangul syllables, as the first and last unit of each range. None of these
 * changes under NFC, alone or next to another (no combining marks, no conjoining jamo), none is
 * removed, and none but the space is white space; every range is fully assigned, so no later
 * Unicode version puts a mark inside. test/normalise.test.ts checks each unit of the set with
 * `normalize` and the full path. (Chinese and Japanese text is left out: its blocks nearly always
 * hold `。` or `，`, which need the full path anyway, and a few more ranges make MAY_CHANGE much
 * slower.)
 */
const CLEAN_RANGES: readonly (readonly [number, number])[] = [
  [0x20, 0x7e], [0xa1, 0xac], [0xae, 0x2ff], [0x38e, 0x3a1], [0x3a3, 0x3ff], [0x400, 0x482], [0x48a, 0x52f], [0x5d0, 0x5ea],
  [0x61f, 0x64a], [0x671, 0x6d3], [0x2010, 0x2027], [0x2030, 0x205e], [0x20a0, 0x20c0], [0xac00, 0xd7a3],
];

const hex4 = (unit: number): string => `\\u${unit.toString(16).padStart(4, '0')}`;
/** A code unit outside the unchanged set. */
const MAY_CHANGE = new RegExp(`[^${CLEAN_RANGES.map(([from, to]) => `${hex4(from)}-${hex4(to)}`).join('')}]`);

/** The text's units, read by the quick check (a typed array read costs less than `charCodeAt`). */
const units = new UnitCopy();

/**
 * Per UTF-16 unit, for the quick check of isCleanText (`quickClean`): a unit of the unchanged set
 * but the space has a word value in the low 18 bits (see quickEntry), and `,` `.` have
 * QUICK_COMMA too, `]` QUICK_BRACKET and `(` QUICK_PAREN; the space has QUICK_SPACE (the top bit
 * in use, so that a shift tells it); any other unit has QUICK_UNCLEAN. A unit of the unchanged
 * set is QUICK_LOOK_UP until first seen.
 */
const QUICK_UNITS = new Int32Array(0x10000);
const QUICK_VALUE = 0x3ffff;
/** QUICK_BRACKET one place down: `](` (a Markdown link may follow) sets it in `(previous >>> 1) & unit`. */
const QUICK_PAREN = 1 << 18;
const QUICK_BRACKET = 1 << 19;
const QUICK_UNCLEAN = 1 << 20;
const QUICK_LOOK_UP = 1 << 21;
/** QUICK_SPACE one place down: a space before `,` or `.` sets it in `(previous >>> 1) & unit`. */
const QUICK_COMMA = 1 << 22;
const QUICK_SPACE = 1 << 23;
const SPACE_SHIFT = 23;
/** The bits of an entry that make up a word's sum: its value, and the space after the word. */
const QUICK_SUMMED = QUICK_VALUE | QUICK_SPACE;
QUICK_UNITS.fill(QUICK_UNCLEAN);
for (const [from, to] of CLEAN_RANGES) QUICK_UNITS.fill(QUICK_LOOK_UP, from, to + 1);
QUICK_UNITS[0x20] = QUICK_SPACE;
/** Greek small sigma: capital, small and final sigma share it as their fold. */
const SMALL_SIGMA = 0x3c3;
const FINAL_SIGMA = 0x3c2;

/**
 * The QUICK_UNITS entry of a unit of the unchanged set but the space: a value (18 bits, never 0)
 * of its fold, so that words equal as stutters are found have the same sum of values. The fold
 * is the unit's lower case, but small sigma for the three sigmas (a capital's lower case depends
 * on the letters around it), and the unit itself for one whose lower case is not one unit (İ; no
 * other unit of the set lowers to its second unit). Trailing punctuation has no value, so that
 * a word sums as it does without it. (test/normalise.test.ts checks that units whose lower case
 * can be the same have the same fold.)
 */
function quickEntry(unit: number): number {
  if (unit === 0x2c || unit === 0x2e) return QUICK_COMMA;
  if (TRAILING_PUNCT.has(String.fromCharCode(unit))) return 0;
  const lower = lowerUnit(unit);
  const fold = unit === CAPITAL_SIGMA || unit === FINAL_SIGMA ? SMALL_SIGMA : lower === 0xffff ? unit : lower;
  const value = (Math.imul(fold, 0x9e3779b1) >>> 14) | 1;
  return value | (unit === 0x5d ? QUICK_BRACKET : unit === 0x28 ? QUICK_PAREN : 0);
}

/** What quickClean tells of a text. */
const NOT_PROVEN = 0;
const CLEAN = 1;
const CLEAN_MAY_LINK = 2;

/** quickClean reads this many units between looks at whether it met a unit outside the unchanged set. */
const QUICK_PIECE = 256;
/** For quickClean: the running sum of entries at each space, shared between calls. */
let quickSums = new Int32Array(0);

/**
 * A cheap proof that `text` (its `n` units `u`) is clean: every unit in the unchanged set, no
 * empty word (a space at either end or two in a row), no `,` or `.` after a space, and no two
 * words in a row whose sum of values (see quickEntry) equals that of the word before them.
 * Words equal as stutters are found (same lower case; the last may carry trailing punctuation)
 * have the same sum, so three equal words make two such words in a row. One pass over the units
 * notes the running sum at each space without a branch per word (the length of words cannot be
 * foreseen, and a branch on it missed costs more than the pass), and a pass over the spaces
 * compares the words. NOT_PROVEN only means that the word scan must tell; a clean text is
 * CLEAN_MAY_LINK when it holds `](`, the mark of a Markdown link.
 */
function quickClean(u: Uint16Array, n: number): number {
  if (quickSums.length < n) quickSums = new Int32Array(n);
  const sums = quickSums;
  let flags = 0;
  let sum = 0;
  let k = 0;
  let previous = 0;
  for (let from = 0; from < n; from += QUICK_PIECE) {
    const to = Math.min(n, from + QUICK_PIECE);
    for (let i = from; i < to; i++) {
      const t = QUICK_UNITS[u[i]!] as number;
      flags |= (t & (QUICK_UNCLEAN | QUICK_LOOK_UP)) | ((previous >>> 1) & t);
      sum = (sum + (t & QUICK_SUMMED)) | 0;
      sums[k] = sum;
      k += t >>> SPACE_SHIFT;
      previous = t;
    }
    // text of other scripts (Chinese, Thai, Devanagari) is told from its first units
    if ((flags & QUICK_UNCLEAN) !== 0) return NOT_PROVEN;
  }
  if ((flags & QUICK_LOOK_UP) !== 0) {
    for (let i = 0; i < n; i++) {
      const unit = u[i]!;
      if (QUICK_UNITS[unit] === QUICK_LOOK_UP) QUICK_UNITS[unit] = quickEntry(unit);
    }
    return quickClean(u, n);
  }
  if ((flags & QUICK_COMMA) !== 0) return NOT_PROVEN;
  // word j ends at the j-th space, its sum (with the space) the difference of the running sums
  // there and at the space before; the last word ends at the end, and is summed as if a space
  // followed it
  let before = 0;
  let last = 0; // the sum of the word before (0: none yet)
  let equal = false; // it equals the one before it
  for (let j = 0; j <= k; j++) {
    const word = ((j < k ? (sums[j] as number) : sum + QUICK_SPACE) - before) | 0;
    if (word === QUICK_SPACE) return NOT_PROVEN; // an empty word (or one of trailing punctuation only)
    const same = word === last;
    if (same && equal) return NOT_PROVEN;
    equal = same;
    last = word;
    before = (before + word) | 0;
  }
  return (flags & QUICK_PAREN) !== 0 ? CLEAN_MAY_LINK : CLEAN;
}

/**
 * quickClean of a text of at most KEEP_WORDS units; a longer one (a whole page on one line) is
 * left to the word scan, so that neither its copy of units nor its running sums (four bytes a
 * unit) are made, and the buffers kept between calls stay small.
 */
function quickCheck(text: string): number {
  const n = text.length;
  return n > KEEP_WORDS ? NOT_PROVEN : quickClean(units.of(text, n), n);
}

/**
 * Whether no clean-up changes `text`: its units are all in the unchanged set, words stand one
 * space apart with none at either end, no `,` or `.` follows a space, and no three words in a
 * row are equal (as stutters are found). Most blocks pass the quick check alone.
 */
export function isCleanText(text: string): boolean {
  return quickCheck(text) !== NOT_PROVEN || isCleanTextByWords(text);
}

/**
 * True when the quick check of isCleanText proves `text` clean and without `](`, so that it holds
 * no Markdown link either; false when it does not (most lines of text are proven so).
 */
export function isCleanWithoutLinkMark(text: string): boolean {
  return quickCheck(text) === CLEAN;
}

/** isCleanText without the quick check (exposed for tests, which compare the two). */
export function isCleanTextByWords(text: string): boolean {
  return !MAY_CHANGE.test(text) && firstRepeatedTriple(text, true) === -1;
}

/** Apply every clean-up to one run of text (no line breaks inside). */
export function normaliseText(input: string, options: { keepLinkMarkers?: boolean } = {}): { text: string; repairs: Repair[] } {
  if (isCleanText(input)) return { text: input, repairs: [] };
  return normaliseFully(input, options);
}

/** `normaliseText` step by step, without the shortcut for clean text (exposed for tests, which compare the two). */
export function normaliseFully(input: string, options: { keepLinkMarkers?: boolean } = {}): { text: string; repairs: Repair[] } {
  const repairs: Repair[] = [];
  let text = input.normalize('NFC');
  const found = scan(text);

  if (found === NEEDS_FULL) {
    const invisible = countAndReplace(text, INVISIBLE, '');
    text = invisible.text;
    if (invisible.count > 0) repairs.push({ kind: 'invisible', count: invisible.count });

    const control = countAndReplace(text, options.keepLinkMarkers === true ? CONTROL_KEEP_MARKERS : CONTROL, '');
    text = control.text;
    if (control.count > 0) repairs.push({ kind: 'control', count: control.count });

    text = text.replace(PLAIN_NO_BREAK, ' ');
    const spaces = countAndReplace(text, SPACE_RUN, ' ');
    text = spaces.text;
    if (spaces.count > 0) repairs.push({ kind: 'spaces', count: spaces.count });
  }
  text = text.trim();

  let punctuation = 0;
  if (found === NEEDS_FULL || (found & SPACE_PUNCT_LATIN) !== 0) {
    const latin = countAndReplace(text, SPACE_BEFORE_LATIN, '$1');
    text = latin.text;
    punctuation += latin.count;
  }
  if (found === NEEDS_FULL || (found & SPACE_PUNCT_OTHER) !== 0) {
    const other = countAndReplace(text, SPACE_BEFORE_OTHER, '$1');
    text = other.text;
    punctuation += other.count;
  }
  if (punctuation > 0) repairs.push({ kind: 'punctuation', count: punctuation });

  const stutter = collapseStutters(text);
  text = stutter.text;
  appendAll(repairs, stutter.repairs);
  return { text, repairs };
}

/** Code-point length of a string. */
export function cpLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff || i + 1 >= s.length) n++;
    else {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
      n++;
    }
  }
  return n;
}
