/**
 * The trigram model's ranking of candidate languages for a sample, computed through an inverted
 * index: each trigram of the sample looks up the few languages whose profile holds it, instead of
 * every language looking up every trigram. The arithmetic is the model's own (distance = sum over
 * the sample's distinct trigrams of |count − rank − 1|, or 300 for a trigram the profile lacks),
 * so the ranking and scores are the same as the reference implementation's.
 */

import { data } from 'franc/data.js';

/** The penalty for a trigram that a language profile does not hold. */
const MAX_DIFFERENCE = 300;
/** The longest sample the model reads (UTF-16 units). */
export const MAX_SAMPLE = 2048;

/** Profiles of one script's candidate languages: trigram key → [language, rank, language, rank, …]. */
interface ScriptIndex {
  languages: readonly string[];
  postings: Map<number, number[]>;
}

const indexes = new Map<string, ScriptIndex>();

/** A trigram of three UTF-16 units as one exact number (48 bits). */
function key(a: number, b: number, c: number): number {
  return a * 0x100000000 + b * 0x10000 + c;
}

/** True when the script has trigram profiles (others are one language each, or none). */
export function hasProfiles(script: string): boolean {
  return Object.hasOwn(data, script);
}

function buildIndex(script: string, only: ReadonlySet<string>): ScriptIndex {
  const profiles = data[script] ?? {};
  const languages: string[] = [];
  const postings = new Map<number, number[]>();
  for (const name of Object.keys(profiles)) {
    if (!only.has(name)) continue;
    const lang = languages.length;
    languages.push(name);
    const grams = (profiles[name] as string).split('|');
    const seen = new Set<number>();
    for (let rank = 0; rank < grams.length; rank++) {
      const g = grams[rank] as string;
      if (g.length !== 3) continue;
      const k = key(g.charCodeAt(0), g.charCodeAt(1), g.charCodeAt(2));
      // the first (most frequent) rank of a trigram listed twice is the one that counts
      if (seen.has(k)) continue;
      seen.add(k);
      const list = postings.get(k);
      if (list === undefined) postings.set(k, [lang, rank]);
      else list.push(lang, rank);
    }
  }
  return { languages, postings };
}

const CONTROL_AND_ASCII_PUNCT = /[\u0021-\u0040]+/g;
const WHITE_SPACE = /\s+/g;

/** The sample as the model reads it: ASCII digits and punctuation as spaces, spaces collapsed, lower case, padded. */
function cleanSample(value: string): string {
  return ` ${value.replace(CONTROL_AND_ASCII_PUNCT, ' ').replace(WHITE_SPACE, ' ').trim().toLowerCase()} `;
}

/** Distinct trigrams of the cleaned sample and their counts. */
function countTrigrams(text: string): Map<number, number> {
  const counts = new Map<number, number>();
  for (let i = 0; i + 2 < text.length; i++) {
    const k = key(text.charCodeAt(i), text.charCodeAt(i + 1), text.charCodeAt(i + 2));
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return counts;
}

/**
 * Candidate languages of `script` ranked best first, each with the model's normalised score
 * (1 for the best). `value` is the sample already cut to MAX_SAMPLE. Empty when the script has
 * no candidate profile.
 */
export function rankByTrigrams(value: string, script: string, only: ReadonlySet<string>, cacheKey: string): Array<[string, number]> {
  const indexKey = `${cacheKey}\u0000${script}`;
  let index = indexes.get(indexKey);
  if (index === undefined) {
    index = buildIndex(script, only);
    indexes.set(indexKey, index);
  }
  const n = index.languages.length;
  if (n === 0) return [];
  const counts = countTrigrams(cleanSample(value));
  // distance = MAX·T − Σ over shared trigrams (MAX − |count − rank − 1|)
  const distance = new Array<number>(n).fill(MAX_DIFFERENCE * counts.size);
  for (const [k, count] of counts) {
    const list = index.postings.get(k);
    if (list === undefined) continue;
    for (let j = 0; j < list.length; j += 2) {
      const lang = list[j] as number;
      let diff = count - (list[j + 1] as number) - 1;
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
