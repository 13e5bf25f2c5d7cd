/**
 * Language identification (BCP 47 + confidence) and writing direction, from the body text only:
 * the German page labels never vote.
 */

import type { Direction } from '../article/types.js';
import { ISO639_3_TO_BCP47, toBcp47 } from './iso639.js';
import { countLetters, mayHoldRtl } from './letter-count.js';
import { countPlainSample } from './sample-trigrams.js';
import { topScript, topScriptOfSets } from './top-script.js';
import { MAX_SAMPLE, bestTwoByTrigrams, hasProfiles, rankByTrigrams } from './trigram-distance.js';

/** Characters of text sampled for identification: enough for a stable answer, bounded time. */
const SAMPLE = 4000;
/** Below this many letters the answer is `und`. */
const MIN_LETTERS = 12;
/**
 * Only languages with a BCP 47 mapping are considered: this leaves out close regional varieties
 * (Scots next to English, Low German next to German) that short news texts cannot tell apart.
 * (The trigram index is generated for the same candidates.)
 */
const CANDIDATES: ReadonlySet<string> = new Set(Object.keys(ISO639_3_TO_BCP47));
/** A margin of this much between the best and second guess counts as certain. */
const SURE_MARGIN = 0.15;

export interface LanguageGuess {
  language: string;
  confidence: number;
}

/**
 * `parts.join(separator)` as far as identification reads it (at least its first SAMPLE
 * characters): a long article is not copied whole only to be cut.
 */
export function joinSample(parts: readonly string[], separator = '\n'): string {
  let out = '';
  for (let i = 0; i < parts.length && out.length < SAMPLE; i++) out += i === 0 ? parts[i] : separator + parts[i];
  return out;
}

/** `rtl` when characters of right-to-left scripts outnumber half the letters. */
export function detectDirection(text: string): Direction {
  const sample = text.length > SAMPLE ? text.slice(0, SAMPLE) : text;
  if (!mayHoldRtl(sample)) return 'ltr';
  const { letters, rtl } = countLetters(sample);
  if (letters === 0) return 'ltr';
  return rtl * 2 > letters ? 'rtl' : 'ltr';
}

const UNDETERMINED: LanguageGuess = { language: 'und', confidence: 0 };

/** The best two candidates with their trigram scores (1 for the best); empty = undetermined. */
function bestTwo(sample: string): Array<[string, number]> {
  const value = sample.length > MAX_SAMPLE ? sample.slice(0, MAX_SAMPLE) : sample;
  // Most samples are counted once for both the script and the trigrams; the others are read
  // for the script, then counted if the script has trigram profiles.
  const plain = countPlainSample(value);
  const { script, share } = plain === null ? topScript(value) : topScriptOfSets(plain.setUnits, value.length);
  if (hasProfiles(script)) return plain === null ? bestTwoByTrigrams(value, script) : rankByTrigrams(plain.trigrams, value.length, script);
  // a script with one language of its own (Greek, Korean, Thai, …) names the language
  return share > 0 && CANDIDATES.has(script) ? [[script, 1]] : [];
}

/**
 * Identify the language of `text`. Confidence is the margin between the best and the second
 * guess of the trigram model (1 for a language that is the only one of its script), scaled to 0..1.
 */
export function detectLanguage(text: string): LanguageGuess {
  const sample = text.length > SAMPLE ? text.slice(0, SAMPLE) : text;
  if (countLetters(sample, MIN_LETTERS).letters < MIN_LETTERS) return UNDETERMINED;
  const ranked = bestTwo(sample);
  const best = ranked[0];
  if (best === undefined) return UNDETERMINED;
  const second = ranked[1]?.[1] ?? 0;
  // The best guess scores 1 and the others relative to it: the margin is a heuristic confidence.
  const confidence = Math.round(Math.min(1, (1 - second) / SURE_MARGIN) * 100) / 100;
  return { language: toBcp47(best[0]), confidence };
}
