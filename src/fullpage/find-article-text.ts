/**
 * Whole-page text: when a text input is a page's whole visible text (skip links, menus, cookie
 * banner, log-in links, share bars, related headlines, footer), find the article and drop the
 * rest. Runs on text-input blocks after normalisation, before the classifier; pure.
 *
 * Method (linear in the number of lines):
 *  1. score every line (line-features.ts): prose counts its words, furniture vocabulary and short
 *     lines count against, code and table rows are neutral;
 *  2. the article body is the contiguous run of lines with the greatest total score (maximum
 *     subarray): headings, list items and short lines inside it are kept because the prose on
 *     both sides outweighs them, while menus and footers, made of many short lines, are not;
 *  3. the title is looked for just above the run: a title-like line, preferably one printed twice
 *     (the family's repeated title line) and one whose words the body uses; a shorter such line
 *     right above the chosen one is the headline over its standfirst; positive lines between the
 *     title and the run (a subtitle) are kept, bylines and share buttons are not;
 *  4. the family's anchors: a metadata block (`Details` … `Kommentare (N)`) just after the run
 *     belongs to the article; anything after its count line is page furniture;
 *  5. furniture lines inside the kept range (a share bar between paragraphs) are dropped.
 * The input is treated as a whole page only when the lines outside the article carry clear
 * evidence of page furniture; otherwise the blocks are returned unchanged, so ordinary article
 * text is never touched.
 */

import type { SourceBlock } from '../article/blocks.js';
import { readLabelLine } from '../classify/label-line.js';
import { BUILTIN_LABELS } from '../classify/labels.js';
import { readMetadataBlock } from '../classify/read-metadata-block.js';
import { diagnostic, type Diagnostic } from '../diagnostics/codes.js';
import { LETTER, NUMBER, unicodeProperties } from '../util/unicode-props.js';
import { articleBounds } from './article-bounds.js';
import { lineFeatures, type LineFeatures } from './line-features.js';
import { scoreLines } from './score-lines.js';
import { furnitureKey, isShareBarKey } from './vocabulary.js';

export interface ArticleText {
  /** The article's blocks (all of them when the input is not a whole page). */
  blocks: SourceBlock[];
  /** How many blocks were dropped as page furniture. */
  dropped: number;
  /** True when the input was recognised as a whole page's text. */
  isWholePage: boolean;
  /** One BOILERPLATE_DROPPED info diagnostic when blocks were dropped. */
  diagnostics: Diagnostic[];
}

/** The body run must hold at least this much prose (word equivalents) for the page to be cut. */
const MIN_RUN = 30;
/** How many lines above the body run the title may stand. */
const TITLE_WINDOW = 40;
/** Title-like lines have this many word equivalents. */
const TITLE_MIN_WEIGHT = 2;
const TITLE_MAX_WEIGHT = 35;
const TITLE_MAX_CHARS = 250;
/** Fewest word equivalents of a headline with a bracketed aside. */
const ASIDE_MIN_WEIGHT = 4;
/** Headlines seldom run longer than this many word equivalents; a longer line (a notice, a standfirst) loses LONG_PENALTY per word beyond. */
const TITLE_LONG = 20;
const LONG_PENALTY = 1;
/** A headline above a standfirst has at least this many word equivalents and this share of its words in the body. */
const HEADLINE_MIN_WEIGHT = 5;
const HEADLINE_OVERLAP = 0.5;
/** Bonus for a title whose words all recur in the body's prose (scaled by the share that do). */
const OVERLAP_BONUS = 10;
/** Most distinct body words collected for the title overlap. */
const BODY_WORDS = 5000;
/** Bonus for a title candidate printed twice on the page. */
const REPEAT_BONUS = 8;
/** Title score lost per line of distance from the body run. */
const DISTANCE_PENALTY = 0.3;
/** How far above the title an earlier copy of it may stand. */
const TITLE_REPEAT_WINDOW = 8;
/** Most blocks between the body run and a metadata block that still belongs to it. */
const META_GAP = 12;
/** Bylines: `By …`, `Von …`, `Par …`, `Por …`, `Di …`, `От …`, `بقلم …`. */
const BYLINE_START = /^(?:by|von|par|por|di|door|av|przez|\u043E\u0442|\u0628\u0642\u0644\u0645)\s/iu;

/**
 * The contiguous run of lines with the largest total score (maximum subarray, Kadane): a stretch
 * of non-prose inside it is bridged only when the prose on both sides outweighs it.
 */
export function bestRun(scores: readonly number[]): { start: number; end: number; total: number } | null {
  let best: { start: number; end: number; total: number } | null = null;
  let sum = 0;
  let from = 0;
  for (let i = 0; i < scores.length; i++) {
    if (sum <= 0) {
      sum = 0;
      from = i;
    }
    sum += scores[i]!;
    if (sum > 0 && (best === null || sum > best.total)) best = { start: from, end: i, total: sum };
  }
  return best;
}

/** Code marks other than round brackets (see char-class.ts), box-drawing `│─┼` included. */
const CODE_NOT_BRACKET = /[{}[\];=<>$\\_`\u2502\u2500\u253C\t]/u;

/**
 * A line counted as code only for its round brackets (`… (in real time)`): a headline with an
 * aside, not code, when it holds a few words and one pair of brackets at most, not at its start
 * (a line that is all aside is a note).
 */
function bracketedAside(f: LineFeatures, text: string): boolean {
  if (f.weight < ASIDE_MIN_WEIGHT || CODE_NOT_BRACKET.test(text)) return false;
  const open = text.indexOf('(');
  return open !== 0 && open === text.lastIndexOf('(') && text.indexOf(')') === text.lastIndexOf(')');
}

function isTitleLike(f: LineFeatures, text: string): boolean {
  if (f.furniture || f.phrase || f.markup) return false;
  if (f.codeLike && !bracketedAside(f, text)) return false;
  if (f.weight < TITLE_MIN_WEIGHT || f.weight > TITLE_MAX_WEIGHT || f.chars > TITLE_MAX_CHARS) return false;
  if (f.digitShare > 0.3) return false;
  if (BYLINE_START.test(text)) return false;
  // a title does not end in a full stop, comma or colon (but may end in ? or !)
  const last = text[text.length - 1]!;
  if (last === '.' || last === ',' || last === ':' || last === ';' || last === '|') return false;
  if (f.sentenceMarks >= 2) return false;
  return true;
}

/**
 * Content words (four units or more, lower case) of a text, at most `limit` of them: the words are
 * the runs of letters and numbers (`/[\p{L}\p{N}]+/gu`), read code point by code point from the
 * property table: on a whole page's body that costs less than matching them.
 */
export function contentWords(text: string, into: Set<string>, limit: number): void {
  let start = -1; // start of the word being read
  for (let i = 0; i <= text.length; ) {
    const cp = i < text.length ? (text.codePointAt(i) as number) : -1;
    if (cp >= 0 && (unicodeProperties(cp) & (LETTER | NUMBER)) !== 0) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      if (into.size >= limit) return;
      if (i - start >= 4) into.add(text.slice(start, i).toLowerCase());
      start = -1;
    }
    i += cp > 0xffff ? 2 : 1;
  }
}

/** Share of a title's content words that the body uses. */
function overlap(title: string, body: ReadonlySet<string>): number {
  const words = new Set<string>();
  contentWords(title, words, 50);
  if (words.size === 0) return 0;
  let hits = 0;
  for (const w of words) if (body.has(w)) hits++;
  return hits / words.size;
}

/**
 * The furniture key of each line (furnitureKey; '' for a line too long to be a title), computed
 * when first asked for: only the lines the title search reads, above the body, need one.
 */
function lineKeys(blocks: readonly SourceBlock[]): (i: number) => string {
  const keys = new Map<number, string>();
  return (i) => {
    let key = keys.get(i);
    if (key === undefined) {
      const text = blocks[i]!.text;
      key = text.length <= TITLE_MAX_CHARS * 2 ? furnitureKey(text) : '';
      keys.set(i, key);
    }
    return key;
  };
}

/** True when the line at `i` is printed again within TITLE_REPEAT_WINDOW lines, above the body. */
function repeatedNearby(key: (i: number) => string, i: number, start: number): boolean {
  const from = Math.max(0, i - TITLE_REPEAT_WINDOW);
  const to = Math.min(start - 1, i + TITLE_REPEAT_WINDOW);
  for (let k = from; k <= to; k++) if (k !== i && key(k) === key(i)) return true;
  return false;
}

/** Index of the best title line above `start` (or -1). */
function findTitle(blocks: readonly SourceBlock[], features: readonly LineFeatures[], key: (i: number) => string, start: number, body: ReadonlySet<string>): number {
  let best = -1;
  let bestScore = -Infinity;
  for (let i = start - 1, distance = 0; i >= 0 && distance < TITLE_WINDOW; i--, distance++) {
    const f = features[i]!;
    if (!isTitleLike(f, blocks[i]!.text) || isShareBarKey(key(i))) continue;
    let score = Math.min(f.weight, 14) - LONG_PENALTY * Math.max(0, f.weight - TITLE_LONG) - DISTANCE_PENALTY * distance;
    // printed twice: a copy nearby (an empty key is no text to repeat)
    if (key(i) !== '' && repeatedNearby(key, i, start)) score += REPEAT_BONUS;
    score += OVERLAP_BONUS * overlap(blocks[i]!.text, body);
    if (score > bestScore) {
      bestScore = score;
      best = i;
    }
  }
  // A headline over its standfirst: a shorter title-like line right above the best one, on the body's subject, is the headline.
  if (best > 0) {
    const above = features[best - 1]!;
    if (above.weight >= HEADLINE_MIN_WEIGHT && above.weight < features[best]!.weight && isTitleLike(above, blocks[best - 1]!.text) && overlap(blocks[best - 1]!.text, body) >= HEADLINE_OVERLAP) best--;
  }
  return best;
}

/** End index (inclusive) of a family metadata block (`Details` … `Kommentare (N)`) after `after`, or -1. */
function metadataEnd(blocks: readonly SourceBlock[], after: number): number {
  const meta = readMetadataBlock(blocks, BUILTIN_LABELS);
  if (meta === null || meta.start <= after || meta.start - after > META_GAP) return -1;
  const end = blocks.length - meta.trailing.length - 1;
  const l = readLabelLine(blocks[end]!.raw, BUILTIN_LABELS, 'header');
  return l !== null && l.entry?.kind === 'count' && l.form === 'count' ? end : -1;
}

/** The evidence needed to call the input a whole page (see findArticleText). */
function enoughEvidence(dropped: number, furnitureDropped: number): boolean {
  return furnitureDropped >= 2 || (furnitureDropped >= 1 && dropped >= 5) || dropped >= 15;
}

/**
 * Fast exit: the most the page could drop is every line outside the body run and the furniture
 * inside it. When even that is not enough evidence, the input is ordinary article text and the
 * title search and the rest need not run.
 */
function couldBePage(features: readonly LineFeatures[], start: number, end: number): boolean {
  let dropped = 0;
  let furniture = 0;
  for (let i = 0; i < features.length; i++) {
    const f = features[i]!;
    if (i >= start && i <= end) {
      if (f.furniture) {
        dropped++;
        furniture++;
      }
    } else {
      dropped++;
      if (f.furniture || f.phrase) furniture++;
    }
  }
  return enoughEvidence(dropped, furniture);
}

function unchanged(blocks: SourceBlock[]): ArticleText {
  return { blocks, dropped: 0, isWholePage: false, diagnostics: [] };
}

/** Find the article in a whole page's text; return other text unchanged. */
export function findArticleText(blocks: SourceBlock[]): ArticleText {
  if (blocks.length < 3) return unchanged(blocks);
  // Built by push, not `map`: `map` gives a packed or a holey array depending on whether the
  // caller is optimised, and the functions below would then see two array shapes.
  const features: LineFeatures[] = [];
  for (const b of blocks) features.push(lineFeatures(b.text));
  const { prose: scores, run: runScores } = scoreLines(blocks, features);
  // Contiguous prose first; an article made only of separated paragraphs (steps with captions)
  // is found by the plain scores.
  let run = bestRun(runScores);
  if (run === null || run.total < MIN_RUN) run = bestRun(scores);
  if (run === null) return unchanged(blocks);
  let proseTotal = 0;
  for (let i = run.start; i <= run.end; i++) if (scores[i]! > 0) proseTotal += scores[i]!;
  if (proseTotal < MIN_RUN) return unchanged(blocks);
  if (!couldBePage(features, run.start, run.end)) return unchanged(blocks);
  run = { ...run, ...articleBounds(blocks, features, scores, runScores, run.start, run.end) };

  const key = lineKeys(blocks);

  const keep = new Array<boolean>(blocks.length).fill(false);
  for (let i = run.start; i <= run.end; i++) keep[i] = true;

  // The family's metadata block right after the body belongs to the article.
  const metaEnd = metadataEnd(blocks, run.end);
  for (let i = run.end + 1; i <= metaEnd; i++) keep[i] = true;

  // The title above the body; between them, its repeat and positive lines (a subtitle).
  const body = new Set<string>();
  for (let i = run.start; i <= run.end && body.size < BODY_WORDS; i++) {
    if (scores[i]! > 0) contentWords(blocks[i]!.text.slice(0, 5000), body, BODY_WORDS);
  }
  let title = findTitle(blocks, features, key, run.start, body);
  // An earlier copy of the title just above it (the family prints it twice): start there.
  for (let i = title - 1; title !== -1 && i >= 0 && i >= title - TITLE_REPEAT_WINDOW; i--) {
    if (key(i) === key(title)) title = i;
  }
  if (title !== -1) {
    keep[title] = true;
    for (let i = title + 1; i < run.start; i++) {
      if (key(i) === key(title) || scores[i]! > 0) keep[i] = true;
    }
  }

  // Furniture lines inside the kept range (share bars between paragraphs) go; metadata stays.
  const first = title !== -1 ? title : run.start;
  for (let i = first; i <= run.end; i++) if (features[i]!.furniture) keep[i] = false;

  // Evidence that this is a page: furniture among the dropped lines, or many dropped lines.
  let dropped = 0;
  let furnitureDropped = 0;
  for (let i = 0; i < blocks.length; i++) {
    if (keep[i]) continue;
    dropped++;
    if (features[i]!.furniture || features[i]!.phrase) furnitureDropped++;
  }
  const isWholePage = enoughEvidence(dropped, furnitureDropped);
  if (!isWholePage || dropped === 0) return unchanged(blocks);

  const out: SourceBlock[] = [];
  let firstDropped: number | null = null;
  for (let i = 0; i < blocks.length; i++) {
    if (keep[i]) out.push(blocks[i]!);
    else firstDropped ??= blocks[i]!.line;
  }
  return {
    blocks: out,
    dropped,
    isWholePage: true,
    diagnostics: [diagnostic('BOILERPLATE_DROPPED', `the input is a whole page's text: ${dropped} line(s) of page furniture (menus, cookie notice, share bar, related links, footer) dropped`, firstDropped)],
  };
}
