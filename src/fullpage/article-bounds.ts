/**
 * The article's bounds inside the body run. The run (the stretch with the most prose) may reach
 * past the article: comment threads, related headlines with their summaries and more from the
 * site carry prose too. Such sections open with a header (`12 Comments`, `Related stories`,
 * `Mehr zum Thema`). After the article's core, the article ends at the first comment header, and
 * at the first related header unless the article goes on right after it (a related box inside
 * the article: two paragraphs in a row or much prose within a few lines). Before the core, a
 * header with no such prose just above it starts the article after it (a teaser stream above).
 *
 * The core is the first stretch of consecutive prose lines holding at least half as much prose as
 * the largest such stretch: articles come before their comments and related headlines.
 */

import type { SourceBlock } from '../article/blocks.js';
import { lineScore, type LineFeatures } from './line-features.js';
import { endHeader, type EndHeader } from './vocabulary.js';

/** A core stretch holds at least this share of the largest stretch's prose. */
const CORE_SHARE = 0.5;
/** How many lines beyond a header the article may go on (a related box lists a few headlines). */
const RESUME_WINDOW = 12;
/** Prose (run score: paragraphs among paragraphs count most) within the window that shows the article goes on. */
const RESUME_MASS = 80;
/** Word equivalents of two consecutive paragraphs that show the article goes on. */
const PAIR_WEIGHT = 25;
/** Most word equivalents of a header line. */
const HEADER_MAX_WEIGHT = 10;

/** Start of the core stretch of prose in [start, end]. */
function coreStart(scores: readonly number[], start: number, end: number): number {
  const stretches: { from: number; sum: number }[] = [];
  let max = 0;
  for (let i = start; i <= end; i++) {
    if (scores[i]! <= 0) continue;
    let sum = 0;
    const from = i;
    while (i <= end && scores[i]! > 0) sum += scores[i++]!;
    stretches.push({ from, sum });
    if (sum > max) max = sum;
  }
  for (const s of stretches) if (s.sum >= CORE_SHARE * max) return s.from;
  return start;
}

function header(blocks: readonly SourceBlock[], features: readonly LineFeatures[], i: number): EndHeader {
  const f = features[i]!;
  if (f.weight > HEADER_MAX_WEIGHT || f.endsSentence || f.startsLower) return null;
  return endHeader(blocks[i]!.text);
}

/** Two consecutive lines in [from, to] that are paragraphs on their own (not only as part of a wrapped group). */
function paragraphPair(features: readonly LineFeatures[], from: number, to: number): boolean {
  let previous = -1;
  for (let i = from; i <= to; i++) {
    const f = features[i]!;
    if (lineScore(f) > 0) {
      if (previous === i - 1 && features[previous]!.weight + f.weight >= PAIR_WEIGHT) return true;
      previous = i;
    }
  }
  return false;
}

/** True when the article goes on in [from, to]: two paragraphs in a row, or much prose. */
function goesOn(features: readonly LineFeatures[], run: readonly number[], from: number, to: number, lo: number, hi: number): boolean {
  const a = Math.max(from, lo);
  const b = Math.min(to, hi);
  return paragraphPair(features, a, b) || mass(run, a, b) >= RESUME_MASS;
}

/** Prose mass (run scores) of the lines from `from` to `to` (inclusive). */
function mass(run: readonly number[], from: number, to: number): number {
  let sum = 0;
  for (let i = from; i <= to; i++) if (run[i]! > 0) sum += run[i]!;
  return sum;
}

/** The article's first and last line inside the body run [start, end]. */
export function articleBounds(blocks: readonly SourceBlock[], features: readonly LineFeatures[], scores: readonly number[], run: readonly number[], start: number, end: number): { start: number; end: number } {
  const core = coreStart(scores, start, end);
  let first = start;
  // A header before the core: the article starts after the last one with no prose right before it.
  for (let h = core - 1; h > start; h--) {
    if (header(blocks, features, h) === null) continue;
    if (goesOn(features, run, h - RESUME_WINDOW, h - 1, start, end)) continue;
    first = h + 1;
    break;
  }
  // A header after the core: the article ends before the first one not followed by more prose.
  let last = end;
  for (let h = core + 1; h <= end; h++) {
    if (scores[h]! > 0) continue;
    const kind = header(blocks, features, h);
    if (kind === null) continue;
    if (kind === 'related' && goesOn(features, run, h + 1, h + RESUME_WINDOW, start, end)) continue;
    last = h - 1;
    while (last > core && scores[last]! <= 0) last--;
    break;
  }
  while (first < last && scores[first]! <= 0) first++;
  return { start: first, end: last };
}
