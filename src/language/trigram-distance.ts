/**
 * The trigram model's ranking of candidate languages for a sample, computed through an inverted
 * index (trigram-index.ts, generated from the model's profiles and searched in place): each
 * trigram of the sample looks up the few languages whose profile holds it, instead of every
 * language looking up every trigram. The arithmetic is the model's own (distance = sum over the sample's distinct trigrams
 * of |count − rank − 1|, or 300 for a trigram the profile lacks), so the ranking and scores are
 * the same as the reference implementation's.
 */

import { TRIGRAM_INDEX } from './trigram-index.js';

/** The penalty for a trigram that a language profile does not hold. */
const MAX_DIFFERENCE = 300;
/** The longest sample the model reads (UTF-16 units). */
export const MAX_SAMPLE = 2048;

/** True when the script has trigram profiles of candidate languages. */
export function hasProfiles(script: string): boolean {
  return Object.hasOwn(TRIGRAM_INDEX, script);
}

/**
 * Where the trigram (a, b, c) sits among the sorted three-unit keys, or -1: a binary search in
 * place, comparing code units as the sort did.
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

const ASCII_DIGITS_AND_PUNCT = /[\u0021-\u0040]+/g;
const WHITE_SPACE = /\s+/g;

/** The sample as the model reads it: ASCII digits and punctuation as spaces, spaces collapsed, lower case, padded. */
function cleanSample(value: string): string {
  return ` ${value.replace(ASCII_DIGITS_AND_PUNCT, ' ').replace(WHITE_SPACE, ' ').trim().toLowerCase()} `;
}

/** Distinct trigrams of the cleaned sample (as one exact number of three UTF-16 units) and their counts. */
function countTrigrams(text: string): Map<number, number> {
  const counts = new Map<number, number>();
  for (let i = 0; i + 2 < text.length; i++) {
    const key = text.charCodeAt(i) * 0x100000000 + text.charCodeAt(i + 1) * 0x10000 + text.charCodeAt(i + 2);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/**
 * Candidate languages of `script` ranked best first, each with the model's normalised score
 * (1 for the best). `value` is the sample already cut to MAX_SAMPLE. Empty when the script has
 * no candidate profile.
 */
export function rankByTrigrams(value: string, script: string): Array<[string, number]> {
  const index = TRIGRAM_INDEX[script];
  const n = index?.languages.length ?? 0;
  if (index === undefined || n === 0) return [];
  const { keys, starts, postings } = index;
  const counts = countTrigrams(cleanSample(value));
  // distance = MAX·T − Σ over shared trigrams (MAX − |count − rank − 1|)
  const distance = new Array<number>(n).fill(MAX_DIFFERENCE * counts.size);
  for (const [key, count] of counts) {
    const at = findKey(keys, Math.floor(key / 0x100000000), Math.floor(key / 0x10000) % 0x10000, key % 0x10000);
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
