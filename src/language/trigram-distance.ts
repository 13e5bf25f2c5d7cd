/**
 * The trigram model's ranking of candidate languages for a sample, computed through an inverted
 * index (trigram-index/<script>.bin, generated from the model's profiles, searched in place): each
 * trigram of the sample looks up the few languages whose profile holds it, instead of every
 * language looking up every trigram. The arithmetic is the model's own (distance = sum over the sample's distinct trigrams
 * of |count − rank − 1|, or 300 for a trigram the profile lacks), so the ranking and scores are
 * the same as the reference implementation's.
 */

import { readFileSync } from 'node:fs';
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
 * A hash table over one script's keys (key number + 1 per slot, 0 = empty), built once the
 * script has been met a few times: a single process identifying many articles then looks each
 * trigram up in one or two probes instead of a binary search. The first few calls (a one-file
 * run) do not pay for building it.
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
  const built: KeyTable = { mask: capacity - 1, slots: new Int32Array(capacity) };
  for (let k = 0; k < total; k++) {
    let slot = slotOf(keys.charCodeAt(k * 3), keys.charCodeAt(k * 3 + 1), keys.charCodeAt(k * 3 + 2), built.mask);
    while (built.slots[slot] !== 0) slot = (slot + 1) & built.mask;
    built.slots[slot] = k + 1;
  }
  tables.set(script, built);
  return built;
}

/** Where the trigram (a, b, c) sits among the keys, or -1, through the hash table. */
function lookUpKey(keys: string, table: KeyTable, a: number, b: number, c: number): number {
  for (let slot = slotOf(a, b, c, table.mask); ; slot = (slot + 1) & table.mask) {
    const k = (table.slots[slot] as number) - 1;
    if (k === -1) return -1;
    const at = k * 3;
    if (keys.charCodeAt(at) === a && keys.charCodeAt(at + 1) === b && keys.charCodeAt(at + 2) === c) return k;
  }
}

const ASCII_DIGITS_AND_PUNCT = /[\u0021-\u0040]+/g;
const WHITE_SPACE = /\s+/g;

/** The sample as the model reads it: ASCII digits and punctuation as spaces, spaces collapsed, lower case, padded. */
function cleanSample(value: string): string {
  return ` ${value.replace(ASCII_DIGITS_AND_PUNCT, ' ').replace(WHITE_SPACE, ' ').trim().toLowerCase()} `;
}

/** Distinct trigrams of a sample with their counts: an open-addressing table over typed arrays. */
interface TrigramCounts {
  /** The three code units of the trigram in each used slot. */
  a: Uint16Array;
  b: Uint16Array;
  c: Uint16Array;
  /** Occurrences per slot; 0 = empty slot. */
  count: Int32Array;
  /** Distinct trigrams. */
  size: number;
}

function countTrigrams(text: string): TrigramCounts {
  let capacity = 16;
  while (capacity < text.length * 2) capacity *= 2;
  const mask = capacity - 1;
  const table: TrigramCounts = { a: new Uint16Array(capacity), b: new Uint16Array(capacity), c: new Uint16Array(capacity), count: new Int32Array(capacity), size: 0 };
  const { a, b, c, count } = table;
  for (let i = 0; i + 2 < text.length; i++) {
    const x = text.charCodeAt(i);
    const y = text.charCodeAt(i + 1);
    const z = text.charCodeAt(i + 2);
    let slot = slotOf(x, y, z, mask);
    for (;;) {
      if (count[slot] === 0) {
        a[slot] = x;
        b[slot] = y;
        c[slot] = z;
        count[slot] = 1;
        table.size++;
        break;
      }
      if (a[slot] === x && b[slot] === y && c[slot] === z) {
        count[slot]!++;
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  return table;
}

/**
 * Candidate languages of `script` ranked best first, each with the model's normalised score
 * (1 for the best). `value` is the sample already cut to MAX_SAMPLE. Empty when the script has
 * no candidate profile.
 */
export function rankByTrigrams(value: string, script: string): Array<[string, number]> {
  if (!hasProfiles(script)) return [];
  const index = scriptIndex(script);
  const n = index.languages.length;
  if (n === 0) return [];
  const { keys, starts, postings } = index;
  const keyTable = keyTableFor(script, keys);
  const table = countTrigrams(cleanSample(value));
  // distance = MAX·T − Σ over shared trigrams (MAX − |count − rank − 1|)
  const distance = new Array<number>(n).fill(MAX_DIFFERENCE * table.size);
  for (let slot = 0; slot < table.count.length; slot++) {
    const count = table.count[slot]!;
    if (count === 0) continue;
    const at = keyTable === undefined ? findKey(keys, table.a[slot]!, table.b[slot]!, table.c[slot]!) : lookUpKey(keys, keyTable, table.a[slot]!, table.b[slot]!, table.c[slot]!);
    if (at === -1) continue;
    const end = starts.charCodeAt(at + 1);
    for (let j = starts.charCodeAt(at); j < end; j += 2) {
      const lang = postings.charCodeAt(j);
      let diff = count - postings.charCodeAt(j + 1) - 1;
      if (diff < 0) diff = -diff;
      distance[lang] = (distance[lang] as number) - (MAX_DIFFERENCE - diff);
    }
  }
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => (distance[a] as number) - (distance[b] as number) || a - b);
  const min = distance[order[0] as number] as number;
  const max = value.length * MAX_DIFFERENCE - min;
  return order.map((i) => [index.languages[i] as string, 1 - ((distance[i] as number) - min) / max || 0]);
}
