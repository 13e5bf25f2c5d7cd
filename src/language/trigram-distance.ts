/**
 * The trigram model's ranking of candidate languages for a sample, computed through an inverted
 * index (trigram-index/<script>.bin, generated from the model's profiles, searched in place): each
 * trigram of the sample looks up the few languages whose profile holds it, instead of every
 * language looking up every trigram. The arithmetic is the model's own (distance = sum over the sample's distinct trigrams
 * of |count − rank − 1|, or 300 for a trigram the profile lacks), so the ranking and scores are
 * the same as the reference implementation's.
 */

import { readFileSync } from 'node:fs';
import { LITTLE_ENDIAN } from '../util/unicode-props.js';
import { isWhiteSpaceUnit } from '../util/white-space.js';
import { TRIGRAM_LANGUAGES } from './trigram-languages.js';

/** The penalty for a trigram that a language profile does not hold. */
const MAX_DIFFERENCE = 300;
/** The longest sample the model reads (UTF-16 units). */
export const MAX_SAMPLE = 2048;

/** True when the script has trigram profiles of candidate languages. */
export function hasProfiles(script: string): boolean {
  return Object.hasOwn(TRIGRAM_LANGUAGES, script);
}

/** One script's index: the sorted three-unit keys, where each key's postings start, the postings. */
export interface PackedTrigramIndex {
  languages: readonly string[];
  keys: string;
  starts: string;
  postings: string;
}

/**
 * The index files, beside this module in the sources and in dist/language/ after the build
 * (the bundled CLI in dist/cli/ finds them by the same relative path).
 */
const INDEX_FOLDER = new URL('../language/trigram-index/', import.meta.url);
const loaded = new Map<string, PackedTrigramIndex>();

/** Read a script's index file (see scripts/make-trigram-index.mjs, encodeScriptFile) when first needed. */
export function scriptIndex(script: string): PackedTrigramIndex {
  let index = loaded.get(script);
  if (index === undefined) {
    const bytes = readFileSync(new URL(`${script}.bin`, INDEX_FOLDER));
    const parts: string[] = [];
    let at = 0;
    for (let k = 0; k < 3; k++) {
      const units = bytes.readUInt32LE(at);
      parts.push(bytes.toString('utf16le', at + 4, at + 4 + units * 2));
      at += 4 + units * 2;
    }
    index = { languages: TRIGRAM_LANGUAGES[script] ?? [], keys: parts[0]!, starts: parts[1]!, postings: parts[2]! };
    loaded.set(script, index);
  }
  return index;
}

/**
 * Where the trigram (a, b, c) sits among the sorted three-unit keys, or -1: a binary search in
 * place, comparing code units as the sort did; nothing to build, so the first calls are cheap.
 */
function findKey(keys: string, a: number, b: number, c: number): number {
  let low = 0;
  let high = keys.length / 3 - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const at = mid * 3;
    const d = keys.charCodeAt(at) - a || keys.charCodeAt(at + 1) - b || keys.charCodeAt(at + 2) - c;
    if (d === 0) return mid;
    if (d < 0) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}

/** Where a trigram's three code units land in an open-addressing table. */
function slotOf(x: number, y: number, z: number, mask: number): number {
  return (Math.imul(x, 0x9e3779b1) ^ Math.imul(y, 0x85ebca77) ^ Math.imul(z, 0xc2b2ae3d)) & mask;
}

/**
 * A hash table over one script's keys, built once the script has been met a few times: a single
 * process identifying many articles then looks each trigram up in one or two probes instead of
 * a binary search. The first few calls (a one-file run) do not pay for building it. Slot s is
 * three 32-bit words: the key number + 1 (0 = empty), then the key's units as x << 16 | y and z.
 */
interface KeyTable {
  mask: number;
  slots: Int32Array;
}

const BUILD_AFTER = 4;
const uses = new Map<string, number>();
const tables = new Map<string, KeyTable>();

function keyTableFor(script: string, keys: string): KeyTable | undefined {
  const table = tables.get(script);
  if (table !== undefined) return table;
  const n = (uses.get(script) ?? 0) + 1;
  uses.set(script, n);
  if (n < BUILD_AFTER) return undefined;
  const total = keys.length / 3;
  let capacity = 16;
  while (capacity < total * 2) capacity *= 2;
  const built: KeyTable = { mask: capacity - 1, slots: new Int32Array(capacity * 3) };
  for (let k = 0; k < total; k++) {
    const x = keys.charCodeAt(k * 3);
    const y = keys.charCodeAt(k * 3 + 1);
    const z = keys.charCodeAt(k * 3 + 2);
    let slot = slotOf(x, y, z, built.mask);
    while (built.slots[slot * 3] !== 0) slot = (slot + 1) & built.mask;
    built.slots[slot * 3] = k + 1;
    built.slots[slot * 3 + 1] = (x << 16) | y;
    built.slots[slot * 3 + 2] = z;
  }
  tables.set(script, built);
  return built;
}

/** Where the trigram (x << 16 | y, z) sits among the keys, or -1, through the hash table. */
function lookUpKey(table: KeyTable, xy: number, x: number, y: number, z: number): number {
  const slots = table.slots;
  for (let slot = slotOf(x, y, z, table.mask); ; slot = (slot + 1) & table.mask) {
    const at = slot * 3;
    const k = (slots[at] as number) - 1;
    if (k === -1 || (slots[at + 1] === xy && slots[at + 2] === z)) return k;
  }
}

const ASCII_DIGITS_AND_PUNCT = /[\u0021-\u0040]+/g;
const WHITE_SPACE = /\s+/g;

/** The sample as the model reads it: ASCII digits and punctuation as spaces, spaces collapsed, lower case, padded. */
function cleanSample(value: string): string {
  return ` ${value.replace(ASCII_DIGITS_AND_PUNCT, ' ').replace(WHITE_SPACE, ' ').trim().toLowerCase()} `;
}

/** True for the units `cleanSample` turns into a space: ASCII digits and punctuation, and `\s`. */
function isSpaceLike(u: number): boolean {
  return (u >= 0x21 && u <= 0x40) || isWhiteSpaceUnit(u);
}

/**
 * The distinct trigrams of a cleaned sample with their counts: an open-addressing table kept
 * between calls (only the slots used are cleared) and grown when needed. Slot s is two 32-bit
 * words, so that a probe reads one cache line: `table[2s]` holds the first two units
 * (x << 16 | y), `table[2s + 1]` the third unit and the count (z << 16 | count; count 0 = empty).
 * (A sample has at most MAX_SAMPLE + 2 units, so a count fits in 16 bits.)
 */
let capacity = 0;
let mask = 0;
let table = new Int32Array(0);
/** The slots in use, in order of first use; `distinct` of them. */
let usedSlots = new Int32Array(0);
let distinct = 0;

function resetTable(units: number): void {
  for (let k = 0; k < distinct; k++) {
    const at = (usedSlots[k] as number) * 2;
    table[at] = 0;
    table[at + 1] = 0;
  }
  distinct = 0;
  if (capacity < units * 2) {
    capacity = 16;
    while (capacity < units * 2) capacity *= 2;
    mask = capacity - 1;
    table = new Int32Array(capacity * 2);
    usedSlots = new Int32Array(capacity);
  }
}

function addTrigram(x: number, y: number, z: number): void {
  const xy = (x << 16) | y;
  let slot = slotOf(x, y, z, mask);
  for (;;) {
    const at = slot * 2;
    const zc = table[at + 1] as number;
    if ((zc & 0xffff) === 0) {
      table[at] = xy;
      table[at + 1] = (z << 16) | 1;
      usedSlots[distinct++] = slot;
      return;
    }
    if (table[at] === xy && zc >>> 16 === z) {
      table[at + 1] = zc + 1;
      return;
    }
    slot = (slot + 1) & mask;
  }
}

/** Count the trigrams of an already cleaned text. */
function countCleanTrigrams(text: string): void {
  resetTable(text.length);
  for (let i = 0; i + 2 < text.length; i++) addTrigram(text.charCodeAt(i), text.charCodeAt(i + 1), text.charCodeAt(i + 2));
}

/**
 * Per code unit: its lower case when that is one unit whatever the neighbours are, else NO_LOWER
 * (a capital sigma, whose lower case depends on its neighbours; a unit whose lower case is two
 * units, like U+0130; surrogates, as a pair may lower to another pair). Filled in on first sight
 * of each unit, 0 = not yet looked up; ASCII is lowered inline and never read here.
 */
const NO_LOWER = 0xffff;
const lowerUnits = new Uint16Array(0x10000);

function lowerOf(unit: number): number {
  const known = lowerUnits[unit] as number;
  if (known !== 0) return known;
  let lower = NO_LOWER;
  if (unit !== 0x03a3 && (unit < 0xd800 || unit > 0xdfff)) {
    const text = String.fromCharCode(unit).toLowerCase();
    if (text.length === 1) lower = text.charCodeAt(0);
  }
  lowerUnits[unit] = lower;
  return lower;
}

/**
 * Count the trigrams of the cleaned form of `text` without building it: one pass that drops,
 * collapses and pads spaces as `cleanSample` does. With `lowerEach`, each unit is lowered on its
 * own as it is read (see lowerUnits), and the count gives up, returning false, at a unit that
 * cannot be; without it, `text` is lower case already.
 */
function countStreamTrigrams(text: string, lowerEach: boolean): boolean {
  resetTable(text.length + 2);
  // The cleaned stream is ' ', the content with each run of spaces inside it as one ' ', then ' '.
  let a = 0;
  let b = 0x20;
  let emitted = 1;
  let started = false;
  let space = false;
  for (let i = 0; i < text.length; i++) {
    let u = text.charCodeAt(i);
    if (u < 0x80) {
      if (u >= 0x41 && u <= 0x5a) u |= 0x20;
      else if (u <= 0x40 && (u >= 0x21 || u === 0x20 || (u >= 0x09 && u <= 0x0d))) {
        space = started;
        continue;
      }
    } else {
      if (lowerEach) {
        u = lowerOf(u);
        if (u === NO_LOWER) return false;
      }
      if (isSpaceLike(u)) {
        space = started;
        continue;
      }
    }
    if (space) {
      if (emitted >= 2) addTrigram(a, b, 0x20);
      a = b;
      b = 0x20;
      emitted++;
      space = false;
    }
    if (emitted >= 2) addTrigram(a, b, u);
    a = b;
    b = u;
    emitted++;
    started = true;
  }
  if (emitted >= 2) addTrigram(a, b, 0x20);
  return true;
}

/**
 * Count the trigrams of `cleanSample(value)` without building it. Most samples are lowered unit
 * by unit as they are read; the others are lower-cased whole first, which gives the same
 * characters except around a capital sigma, whose lower case depends on its neighbours (and so on
 * whether punctuation next to it became a space): such samples are cleaned as written.
 */
function countSampleTrigrams(value: string): void {
  if (countStreamTrigrams(value, true)) return;
  if (value.includes('\u03a3')) {
    countCleanTrigrams(cleanSample(value));
    return;
  }
  countStreamTrigrams(value.toLowerCase(), false);
}

/** The distinct trigrams of `cleanSample(value)` with their counts, as the distances read them (for tests). */
export function sampleTrigramCounts(value: string): Map<string, number> {
  countSampleTrigrams(value);
  const counts = new Map<string, number>();
  for (let k = 0; k < distinct; k++) {
    const at = (usedSlots[k] as number) * 2;
    const xy = table[at] as number;
    const zc = table[at + 1] as number;
    counts.set(String.fromCharCode(xy >>> 16, xy & 0xffff, zc >>> 16), zc & 0xffff);
  }
  return counts;
}

/** A script's index as typed arrays, for the hot loop. */
interface IndexArrays {
  keys: string;
  starts: Uint16Array;
  postings: Uint16Array;
  languages: readonly string[];
}
const arrays = new Map<string, IndexArrays>();

/**
 * The code units of `text` as an array. On a little-endian machine Node's UTF-16 encoder copies
 * them in one native call. The first article in a script makes its arrays (5,000 units for
 * Arabic, 44,000 for Latin) while the code still runs in V8's interpreter: a loop here took about
 * 0.6 ms of a process's start for the Arabic sample.
 */
function unitsOf(text: string): Uint16Array {
  if (LITTLE_ENDIAN) {
    const bytes = Buffer.from(text, 'utf16le');
    if (bytes.byteOffset % 2 === 0) return new Uint16Array(bytes.buffer, bytes.byteOffset, text.length);
  }
  const units = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) units[i] = text.charCodeAt(i);
  return units;
}

function indexArrays(script: string): IndexArrays {
  let found = arrays.get(script);
  if (found === undefined) {
    const index = scriptIndex(script);
    found = { keys: index.keys, starts: unitsOf(index.starts), postings: unitsOf(index.postings), languages: index.languages };
    arrays.set(script, found);
  }
  return found;
}

/**
 * The model's distance of each candidate language of `script` to the sample (lower is closer),
 * or null when the script has no candidate profile.
 */
function distances(value: string, script: string): { distance: Int32Array; languages: readonly string[] } | null {
  if (!hasProfiles(script)) return null;
  const index = indexArrays(script);
  const n = index.languages.length;
  if (n === 0) return null;
  const { keys, starts, postings } = index;
  const keyTable = keyTableFor(script, keys);
  countSampleTrigrams(value);
  // distance = MAX·T − Σ over shared trigrams (MAX − |count − rank − 1|)
  const distance = new Int32Array(n).fill(MAX_DIFFERENCE * distinct);
  for (let k = 0; k < distinct; k++) {
    const slot = (usedSlots[k] as number) * 2;
    const xy = table[slot] as number;
    const zc = table[slot + 1] as number;
    const count = zc & 0xffff;
    const x = xy >>> 16;
    const y = xy & 0xffff;
    const z = zc >>> 16;
    const at = keyTable === undefined ? findKey(keys, x, y, z) : lookUpKey(keyTable, xy, x, y, z);
    if (at === -1) continue;
    const end = starts[at + 1] as number;
    for (let j = starts[at] as number; j < end; j += 2) {
      const lang = postings[j] as number;
      let diff = count - (postings[j + 1] as number) - 1;
      if (diff < 0) diff = -diff;
      distance[lang] = (distance[lang] as number) - (MAX_DIFFERENCE - diff);
    }
  }
  return { distance, languages: index.languages };
}

/** The model's normalised score of a distance (1 for the best). */
function score(d: number, min: number, length: number): number {
  const max = length * MAX_DIFFERENCE - min;
  return 1 - (d - min) / max || 0;
}

/**
 * The best two candidate languages of `script` (fewer when there are fewer candidates), each with
 * the model's normalised score (1 for the best), as the model ranks them (ties: profile order).
 * `value` is the sample already cut to MAX_SAMPLE. Empty when the script has no candidate profile.
 */
export function bestTwoByTrigrams(value: string, script: string): Array<[string, number]> {
  const found = distances(value, script);
  if (found === null) return [];
  const { distance, languages } = found;
  let best = 0;
  let second = -1;
  for (let i = 1; i < distance.length; i++) {
    const d = distance[i] as number;
    if (d < (distance[best] as number)) {
      second = best;
      best = i;
    } else if (second === -1 || d < (distance[second] as number)) second = i;
  }
  const min = distance[best] as number;
  const ranked: Array<[string, number]> = [[languages[best] as string, score(min, min, value.length)]];
  if (second !== -1) ranked.push([languages[second] as string, score(distance[second] as number, min, value.length)]);
  return ranked;
}
