/**
 * Language identification (BCP 47 + confidence) and writing direction, from the body text only:
 * the German page labels never vote.
 */

import { francAll } from 'franc';
import type { Direction } from '../article/types.js';
import { ISO639_3_TO_BCP47, toBcp47 } from './iso639.js';

/** Characters of text sampled for identification: enough for a stable answer, bounded time. */
const SAMPLE = 4000;
/** Below this many letters the answer is `und`. */
const MIN_LETTERS = 12;
/**
 * Only languages with a BCP 47 mapping are considered: this leaves out close regional varieties
 * (Scots next to English, Low German next to German) that short news texts cannot tell apart.
 */
const CANDIDATES = Object.keys(ISO639_3_TO_BCP47);
/** A margin of this much between the best and second guess counts as certain. */
const SURE_MARGIN = 0.15;

export interface LanguageGuess {
  language: string;
  confidence: number;
}

const RTL_LETTER = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Adlam}]/gu;
const LETTER = /\p{L}/gu;

function count(text: string, re: RegExp): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(text) !== null) n++;
  return n;
}

/** `rtl` when letters of right-to-left scripts are the majority of the letters. */
export function detectDirection(text: string): Direction {
  const sample = text.slice(0, SAMPLE);
  const letters = count(sample, LETTER);
  if (letters === 0) return 'ltr';
  return count(sample, RTL_LETTER) * 2 > letters ? 'rtl' : 'ltr';
}

/**
 * Identify the language of `text`. Confidence is the margin between the best and the second
 * guess of the trigram model (1 for a language that is the only one of its script), scaled to 0..1.
 */
export function detectLanguage(text: string): LanguageGuess {
  const sample = text.length > SAMPLE ? text.slice(0, SAMPLE) : text;
  if (count(sample, LETTER) < MIN_LETTERS) return { language: 'und', confidence: 0 };
  const ranked = francAll(sample, { minLength: MIN_LETTERS, only: CANDIDATES });
  const best = ranked[0];
  if (best === undefined || best[0] === 'und') return { language: 'und', confidence: 0 };
  const second = ranked[1]?.[1] ?? 0;
  // The best guess scores 1 and the others relative to it: the margin is a heuristic confidence.
  const confidence = Math.round(Math.min(1, (1 - second) / SURE_MARGIN) * 100) / 100;
  return { language: toBcp47(best[0]), confidence };
}
