/**
 * The distinct trigrams of a sample with their counts, as the trigram model reads the sample:
 * ASCII digits and punctuation as spaces, runs of spaces as one, lower case, padded with a space
 * at each end (`cleanSample`). Counted without building the cleaned text, in one pass over the
 * sample's units, into tables kept between calls.
 */

import { LITTLE_ENDIAN } from '../util/unicode-props.js';
import { isWhiteSpaceUnit } from '../util/white-space.js';
import { unitsOf } from './sample-units.js';
import { SCRIPT_SETS } from './script-runs.js';
import { isScriptless, unitScriptSet } from './top-script.js';

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
 * The result of the last count: `distinct` trigrams in order of first occurrence, trigram k with
 * its first two units in `gramXY[k]` (x << 16 | y) and its third unit and count in `gramZC[k]`
 * (z << 16 | count). (A sample has at most MAX_SAMPLE + 2 units, so a count fits in 16 bits.)
 */
export interface SampleTrigrams {
  distinct: number;
  gramXY: Int32Array;
  gramZC: Int32Array;
}

const result: SampleTrigrams = { distinct: 0, gramXY: new Int32Array(1024), gramZC: new Int32Array(1024) };

/** Room in the result for `count` trigrams. */
function reserveResult(count: number): void {
  if (result.gramXY.length < count) {
    result.gramXY = new Int32Array(count);
    result.gramZC = new Int32Array(count);
  }
}

/** Where a trigram's three code units land in an open-addressing table. */
export function slotOf(x: number, y: number, z: number, mask: number): number {
  return (Math.imul(x, 0x9e3779b1) ^ Math.imul(y, 0x85ebca77) ^ Math.imul(z, 0xc2b2ae3d)) & mask;
}

/**
 * The general count: an open-addressing table kept between calls (only the slots used are
 * cleared) and grown when needed. Slot s is two 32-bit words, so that a probe reads one cache
 * line: `table[2s]` holds x << 16 | y, `table[2s + 1]` z << 16 | count (count 0 = empty).
 */
let capacity = 0;
let mask = 0;
let table = new Int32Array(0);
/** The slots in use, in order of first use; `used` of them. */
let usedSlots = new Int32Array(0);
let used = 0;

function resetTable(units: number): void {
  for (let k = 0; k < used; k++) {
    const at = (usedSlots[k] as number) * 2;
    table[at] = 0;
    table[at + 1] = 0;
  }
  used = 0;
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
      usedSlots[used++] = slot;
      return;
    }
    if (table[at] === xy && zc >>> 16 === z) {
      table[at + 1] = zc + 1;
      return;
    }
    slot = (slot + 1) & mask;
  }
}

/** Copy the table's trigrams into the result. */
function tableResult(): void {
  reserveResult(used);
  for (let k = 0; k < used; k++) {
    const at = (usedSlots[k] as number) * 2;
    result.gramXY[k] = table[at] as number;
    result.gramZC[k] = table[at + 1] as number;
  }
  result.distinct = used;
}

/** Count the trigrams of an already cleaned text. */
function countCleanTrigrams(text: string): void {
  resetTable(text.length);
  for (let i = 0; i + 2 < text.length; i++) addTrigram(text.charCodeAt(i), text.charCodeAt(i + 1), text.charCodeAt(i + 2));
  tableResult();
}

/** Entries of the stream tables beyond any code unit: the cleaning turns the unit into a space; the unit cannot be lowered on its own. */
const SPACE = 0x10000;
const NO_LOWER = 0x10001;

/**
 * Per code unit, what the cleaned stream holds for it: SPACE, or the unit lowered (LOWERED) or as
 * it is (AS_IS, for a text lower case already). LOWERED has NO_LOWER for a unit whose lower case
 * is not one unit whatever the neighbours are: a capital sigma, whose lower case depends on its
 * neighbours; a unit whose lower case is two units, like U+0130; surrogates, as a pair may lower
 * to another pair. Filled in on first sight of each unit; 0 = not yet looked up (so U+0000, which
 * stays itself, is looked up each time).
 */
const LOWERED = new Int32Array(0x10000);
const AS_IS = new Int32Array(0x10000);

function learnLowered(unit: number): number {
  let entry = NO_LOWER;
  if (unit !== 0x03a3 && (unit < 0xd800 || unit > 0xdfff)) {
    const text = String.fromCharCode(unit).toLowerCase();
    if (text.length === 1) {
      const lower = text.charCodeAt(0);
      entry = isSpaceLike(lower) ? SPACE : lower;
    }
  }
  LOWERED[unit] = entry;
  return entry;
}

function learnAsIs(unit: number): number {
  const entry = isSpaceLike(unit) ? SPACE : unit;
  AS_IS[unit] = entry;
  return entry;
}

/** What `cleanOf` found: the sample's trigrams are counted; a unit cannot be lowered on its own; the direct count ran out of room. */
const COUNTED = 0;
const NOT_LOWERED = 1;
const TOO_MANY = 2;

/**
 * Count the trigrams of the cleaned form of the first `n` of `units` through the hash table: one
 * pass that drops, collapses and pads spaces as `cleanSample` does. With `lowering`, each unit is
 * lowered on its own as it is read (see LOWERED), and the count gives up, returning NOT_LOWERED,
 * at a unit that cannot be; without it, the units are lower case already.
 */
function countHashed(units: Uint16Array, n: number, lowering: boolean): number {
  resetTable(n + 2);
  const clean = lowering ? LOWERED : AS_IS;
  // The cleaned stream is ' ', the content with each run of spaces inside it as one ' ', then
  // ' ': leading spaces are dropped, and a space is written only before the next content unit.
  let i = 0;
  let b = SPACE;
  for (; i < n && b === SPACE; i++) {
    const unit = units[i] as number;
    let c = clean[unit] as number;
    if (c === 0) c = lowering ? learnLowered(unit) : learnAsIs(unit);
    if (c === NO_LOWER) return NOT_LOWERED;
    b = c;
  }
  if (b !== SPACE) {
    let a = 0x20;
    let space = false;
    for (; i < n; i++) {
      const unit = units[i] as number;
      let c = clean[unit] as number;
      if (c === 0) c = lowering ? learnLowered(unit) : learnAsIs(unit);
      if (c >= SPACE) {
        if (c === NO_LOWER) return NOT_LOWERED;
        space = true;
        continue;
      }
      if (space) {
        addTrigram(a, b, 0x20);
        a = b;
        b = 0x20;
        space = false;
      }
      addTrigram(a, b, c);
      a = b;
      b = c;
    }
    addTrigram(a, b, 0x20);
  }
  tableResult();
  return COUNTED;
}

/**
 * The direct count, for samples of at most DIRECT_UNITS units and ALPHABET − 1 distinct cleaned
 * units (most samples): each cleaned unit gets a small number for this sample (the space 1, the
 * others from 2 in order of first sight), a trigram is then the three numbers in 18 bits, and its
 * count is read at that index of a flat table, without hashing or comparing. UNIT_IDS gives a
 * sample unit's number (0 = not yet seen; by raw unit, so that the lowering is looked up once
 * per sample and unit), CLEAN_IDS the number of a cleaned unit, `alphabet` the cleaned unit of a
 * number. Only the entries a sample set are cleared before the next one. (The tables are
 * constants of the module, so that the hot loop reads them without loading where they are.)
 */
const BITS = 6;
const ALPHABET = 1 << BITS;
const LAST_TWO = (1 << (2 * BITS)) - 1;
const SPACE_ID = 1;
const DIRECT_UNITS = 4096;
/** The sample's units, copied in by Node's UTF-16 encoder (little-endian machines). */
const UNITS = new Uint16Array(DIRECT_UNITS);
const UNIT_BYTES = Buffer.from(UNITS.buffer, UNITS.byteOffset, UNITS.byteLength);
const UNIT_IDS = new Uint8Array(0x10000);
const CLEAN_IDS = new Uint8Array(0x10000);
const GRAM_COUNTS = new Uint16Array(1 << (3 * BITS));
/** The trigram indexes met, in order of first occurrence (at most one more than the units). */
const GRAMS_MET = new Int32Array(DIRECT_UNITS + 1);
const alphabet = new Int32Array(ALPHABET);
let letters = 0;
/** The raw units given a number; `raws` of them (each met in the sample, so at most DIRECT_UNITS). */
const rawSeen = new Uint16Array(DIRECT_UNITS);
let raws = 0;
let grams = 0;
/**
 * Per number, the set of scripts (index into SCRIPT_SETS, see top-script.ts) of the raw units
 * given it, UNSET before the first, MIXED when they differ (or one is a surrogate); and how many
 * units of the cleaned stream it stands for.
 */
const ID_SETS = new Int32Array(ALPHABET);
const ID_UNITS = new Int32Array(ALPHABET);
const UNSET = -1;
const MIXED = -2;

/**
 * The number of raw unit `unit` in this sample, given a new one if needed; -NOT_LOWERED when the
 * unit cannot be lowered on its own, -TOO_MANY when there is no number left for it.
 */
function idOf(unit: number, lowering: boolean): number {
  let c = (lowering ? LOWERED : AS_IS)[unit] as number;
  if (c === 0) c = lowering ? learnLowered(unit) : learnAsIs(unit);
  if (c === NO_LOWER) return -NOT_LOWERED;
  let id = c === SPACE ? SPACE_ID : (CLEAN_IDS[c] as number);
  if (id === 0) {
    if (letters === ALPHABET) return -TOO_MANY;
    id = letters++;
    CLEAN_IDS[c] = id;
    alphabet[id] = c;
    ID_SETS[id] = UNSET;
    ID_UNITS[id] = 0;
  }
  const set = unitScriptSet(unit);
  const known = ID_SETS[id] as number;
  if (known !== set) ID_SETS[id] = known === UNSET && set >= 0 ? set : MIXED;
  UNIT_IDS[unit] = id;
  rawSeen[raws++] = unit;
  return id;
}

/** Where `countKnown` stopped: the unit, the trigrams met so far, the last three numbers written. */
const scanStop = new Int32Array(3);

/**
 * Counts the trigrams of units `at` to `n` of UNITS, after `found` trigrams met and with `gram`
 * the last three numbers written (the last one not a space when `at` follows the leading
 * spaces); stops at the end or at a unit not numbered yet, and sets `scanStop`. Nothing else
 * happens in the loop: a call in it, even one never taken, makes it slower.
 */
function countKnown(at: number, n: number, found: number, gram: number): void {
  let i = at;
  let met = found;
  let last3 = gram;
  let last = gram & (ALPHABET - 1);
  for (; i < n; i++) {
    const id = UNIT_IDS[UNITS[i] as number] as number;
    if (id === 0) break;
    // a space after a space (both numbers 1) is not written
    if ((id | last) === SPACE_ID) continue;
    last = id;
    last3 = ((last3 & LAST_TWO) << BITS) | id;
    const seen = GRAM_COUNTS[last3] as number;
    GRAMS_MET[met] = last3;
    // a trigram not met before is added to those met, without a branch
    met += (seen - 1) >>> 31;
    GRAM_COUNTS[last3] = seen + 1;
  }
  scanStop[0] = i;
  scanStop[1] = met;
  scanStop[2] = last3;
}

function countDirect(text: string, lowering: boolean): number {
  const n = text.length;
  if (n > DIRECT_UNITS || !LITTLE_ENDIAN) return TOO_MANY;
  for (let k = 0; k < raws; k++) UNIT_IDS[rawSeen[k] as number] = 0;
  for (let k = SPACE_ID + 1; k < letters; k++) CLEAN_IDS[alphabet[k] as number] = 0;
  for (let k = 0; k < grams; k++) GRAM_COUNTS[GRAMS_MET[k] as number] = 0;
  raws = 0;
  letters = SPACE_ID + 1;
  alphabet[SPACE_ID] = 0x20;
  ID_SETS[SPACE_ID] = UNSET;
  grams = 0;
  UNIT_BYTES.write(text, 0, 'utf16le');
  let found = 0;
  // The cleaned stream: ' ', the content with each run of spaces inside it as one ' ', then ' '.
  // `last` is the number of the last unit written, `gram` the last three (or two) as one index.
  let i = 0;
  let last = SPACE_ID;
  for (; i < n && last === SPACE_ID; i++) {
    const unit = UNITS[i] as number;
    let id = UNIT_IDS[unit] as number;
    if (id === 0 && (id = idOf(unit, lowering)) < 0) return -id;
    last = id;
  }
  if (last !== SPACE_ID) {
    // the first unit written is the only one that does not end a trigram
    ID_UNITS[last] = 1;
    let gram = (SPACE_ID << BITS) | last;
    for (;;) {
      countKnown(i, n, found, gram);
      i = scanStop[0] as number;
      found = scanStop[1] as number;
      gram = scanStop[2] as number;
      if (i >= n) break;
      // a unit not numbered yet: numbered, then read on from it
      const id = idOf(UNITS[i] as number, lowering);
      if (id < 0) {
        grams = found;
        return -id;
      }
    }
    if ((gram & (ALPHABET - 1)) !== SPACE_ID) {
      gram = ((gram & LAST_TWO) << BITS) | SPACE_ID;
      if ((GRAM_COUNTS[gram] as number) === 0) GRAMS_MET[found++] = gram;
      GRAM_COUNTS[gram] = (GRAM_COUNTS[gram] as number) + 1;
    }
  }
  grams = found;
  reserveResult(found);
  const { gramXY, gramZC } = result;
  for (let k = 0; k < found; k++) {
    const g = GRAMS_MET[k] as number;
    const z = g & (ALPHABET - 1);
    const count = GRAM_COUNTS[g] as number;
    gramXY[k] = ((alphabet[g >>> (2 * BITS)] as number) << 16) | (alphabet[(g >>> BITS) & (ALPHABET - 1)] as number);
    gramZC[k] = ((alphabet[z] as number) << 16) | count;
    ID_UNITS[z] = (ID_UNITS[z] as number) + count;
  }
  result.distinct = found;
  return COUNTED;
}

/** Count the cleaned trigrams of `text`: directly when the sample allows, else through the hash table. */
function cleanOf(text: string, lowering: boolean): number {
  const found = countDirect(text, lowering);
  return found === TOO_MANY ? countHashed(unitsOf(text), text.length, lowering) : found;
}

/** The one code unit whose lower case is two units whatever its neighbours are (İ: i and a combining dot above). */
const CAPITAL_I_DOT = '\u0130';
const CAPITAL_I_DOT_LOWER = 'i\u0307';

/**
 * The direct count of the sample lowered unit by unit, a capital dotted I written out as its two
 * lower units (a sample holding one cannot be lowered so, and is read again with them).
 */
function countLowered(value: string): number {
  const found = countDirect(value, true);
  if (found !== NOT_LOWERED || !value.includes(CAPITAL_I_DOT)) return found;
  return countDirect(value.replaceAll(CAPITAL_I_DOT, CAPITAL_I_DOT_LOWER), true);
}

/**
 * Count the trigrams of `cleanSample(value)` without building it. Most samples are lowered unit
 * by unit as they are read (a capital dotted I, common in Turkish, written out as its two lower
 * units first); the others are lower-cased whole first, which gives the same characters except
 * around a capital sigma, whose lower case depends on its neighbours (and so on whether
 * punctuation next to it became a space): such samples are cleaned as written.
 */
export function countSampleTrigrams(value: string): SampleTrigrams {
  const found = countLowered(value);
  if (found === COUNTED) return result;
  if (found === TOO_MANY) {
    const text = value.includes(CAPITAL_I_DOT) ? value.replaceAll(CAPITAL_I_DOT, CAPITAL_I_DOT_LOWER) : value;
    if (countHashed(unitsOf(text), text.length, true) === COUNTED) return result;
  }
  if (value.includes('\u03a3')) countCleanTrigrams(cleanSample(value));
  else {
    const lower = value.toLowerCase();
    cleanOf(lower, false);
  }
  return result;
}

/** A sample counted by `countPlainSample`: its trigrams, and its units per set of scripts. */
export interface PlainSample {
  trigrams: SampleTrigrams;
  /** Units of the sample per set of scripts (index into SCRIPT_SETS), as `topScript` counts them. */
  setUnits: Int32Array;
}

const setUnits = new Int32Array(SCRIPT_SETS.length);

/**
 * The trigram count of most samples, which also tells the sample's units per set of scripts, so
 * that the script is found without reading the sample again: every unit of the sample but the
 * spaces is one unit of the cleaned stream, and each of these but the first ends a trigram. So
 * when each number stands for raw units of one set of scripts, and the spaces for none, the units
 * per set are the counts of the trigrams ending in each number (a capital dotted I, written as i
 * and U+0307, counts as i does: for Latin, and the dot for no script). Null for the samples the
 * direct count does not take or whose numbers mix sets: those are counted by `countSampleTrigrams`
 * and `topScript`. The result is valid until the next count.
 */
export function countPlainSample(value: string): PlainSample | null {
  if (countLowered(value) !== COUNTED) return null;
  const spaces = ID_SETS[SPACE_ID] as number;
  if (spaces === MIXED || (spaces !== UNSET && !isScriptless(spaces))) return null;
  setUnits.fill(0);
  for (let id = SPACE_ID + 1; id < letters; id++) {
    const set = ID_SETS[id] as number;
    if (set < 0) return null;
    setUnits[set] = (setUnits[set] as number) + (ID_UNITS[id] as number);
  }
  return { trigrams: result, setUnits };
}

/** The distinct trigrams of `cleanSample(value)` with their counts, as the distances read them (for tests). */
export function sampleTrigramCounts(value: string): Map<string, number> {
  const { distinct, gramXY, gramZC } = countSampleTrigrams(value);
  const counts = new Map<string, number>();
  for (let k = 0; k < distinct; k++) {
    const xy = gramXY[k] as number;
    const zc = gramZC[k] as number;
    counts.set(String.fromCharCode(xy >>> 16, xy & 0xffff, zc >>> 16), zc & 0xffff);
  }
  return counts;
}
