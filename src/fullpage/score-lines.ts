/**
 * Line scores for the article search, with hard-wrapped prose taken as a whole: a page may show
 * paragraphs broken into lines of a few words each (`<pre>` text, `<br>` layouts). Such lines are
 * short, but together they read as prose: several of them start in lower case (the sentence goes
 * on) and sentence marks fall between them. Each wrapped group is scored as one paragraph and its
 * score shared out over its lines by their weight.
 */

import type { SourceBlock } from '../article/blocks.js';
import { lineScore, type LineFeatures } from './line-features.js';

/** Longest line (code points) that can be part of a wrapped paragraph. */
const WRAP_MAX_CHARS = 200;
/** Fewest word equivalents of a wrapped paragraph. */
const MIN_GROUP_WEIGHT = 20;
/** Fewest word equivalents of a wrapped line (the last line of a paragraph may be shorter). */
const WRAP_MIN_WEIGHT = 2;

function wrappable(f: LineFeatures): boolean {
  return !f.furniture && !f.phrase && !f.codeLike && !f.listItem && f.weight >= WRAP_MIN_WEIGHT && f.chars <= WRAP_MAX_CHARS;
}

/**
 * Score every block: `prose` is each line's own score (wrapped prose scored by paragraph), `run`
 * the score used to find the article, where prose without prose neighbours counts less.
 */
export function scoreLines(blocks: readonly SourceBlock[], features: readonly LineFeatures[]): { prose: number[]; run: number[] } {
  // Score arrays are built by push, not `map`, so that they are always packed (see findArticleText).
  const scores: number[] = [];
  for (const f of features) scores.push(lineScore(f));
  let i = 0;
  while (i < blocks.length) {
    let j = i;
    if (wrappable(features[i]!)) {
      while (j + 1 < blocks.length && blocks[j + 1]!.afterBlank !== true && wrappable(features[j + 1]!)) j++;
    }
    if (j > i) {
      const n = j - i + 1;
      let lower = 0;
      let marks = 0;
      let weight = 0;
      let own = 0;
      for (let k = i; k <= j; k++) {
        const f = features[k]!;
        if (k > i && f.startsLower) lower++;
        marks += f.sentenceMarks;
        weight += f.weight;
        own += scores[k]!;
      }
      if (n >= 3 && lower * 3 >= n - 1 && marks * 3 >= n && weight >= MIN_GROUP_WEIGHT) {
        const group: LineFeatures = { ...features[j]!, weight, sentenceMarks: marks, chars: 0, furniture: false, phrase: false };
        const total = lineScore(group);
        if (total > own) for (let k = i; k <= j; k++) scores[k] = (total * features[k]!.weight) / weight;
      }
    }
    i = j + 1;
  }
  return { prose: scores, run: contiguity(scores) };
}

/** Weight of a prose line with no prose neighbour; each prose neighbour adds half the rest. */
const ISOLATED = 0.25;

/**
 * Article paragraphs follow one another; teaser lists, live tickers and comment threads put a
 * headline, a time or a name between every two pieces of prose. A prose line counts in full
 * when both neighbours are prose, and for ISOLATED when neither is.
 */
function contiguity(scores: readonly number[]): number[] {
  const run: number[] = [];
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i]!;
    if (s <= 0) {
      run.push(s);
      continue;
    }
    const prev = i > 0 && scores[i - 1]! > 0 ? 1 : 0;
    const next = i + 1 < scores.length && scores[i + 1]! > 0 ? 1 : 0;
    run.push(s * (ISOLATED + ((1 - ISOLATED) / 2) * (prev + next)));
  }
  return run;
}
