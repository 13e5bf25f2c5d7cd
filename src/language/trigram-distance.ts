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
import { countSampleTrigrams, slotOf, type SampleTrigrams } from './sample-trigrams.js';
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
 * The model's distance of each candidate language of `script` to a sample with these trigrams
 * (lower is closer), or null when the script has no candidate profile.
 */
function distances(trigrams: SampleTrigrams, script: string): { distance: Int32Array; languages: readonly string[] } | null {
  if (!hasProfiles(script)) return null;
  const index = indexArrays(script);
  const n = index.languages.length;
  if (n === 0) return null;
  const { keys, starts, postings } = index;
  const keyTable = keyTableFor(script, keys);
  const { distinct, gramXY, gramZC } = trigrams;
  // distance = MAX·T − Σ over shared trigrams (MAX − |count − rank − 1|)
  const distance = new Int32Array(n).fill(MAX_DIFFERENCE * distinct);
  for (let k = 0; k < distinct; k++) {
    const xy = gramXY[k] as number;
    const zc = gramZC[k] as number;
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
  return rankByTrigrams(countSampleTrigrams(value), value.length, script);
}

/** `bestTwoByTrigrams` of a sample of `length` units whose trigrams are already counted. */
export function rankByTrigrams(trigrams: SampleTrigrams, length: number, script: string): Array<[string, number]> {
  const found = distances(trigrams, script);
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
  const ranked: Array<[string, number]> = [[languages[best] as string, score(min, min, length)]];
  if (second !== -1) ranked.push([languages[second] as string, score(distance[second] as number, min, length)]);
  return ranked;
}
