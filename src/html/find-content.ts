/**
 * Choosing the article container: the element (plus any sibling that belongs with it) that holds
 * the running text of the page.
 *
 * Every paragraph-like run of text scores points (one, plus one per comma, plus one per 100
 * characters up to three) that flow to its ancestors, fading with distance, so the element that
 * gathers the most prose wins. Scores are scaled by how little of the element's text is links, and
 * nudged by semantic tags and class/id words. The winner may then widen to an ancestor that holds
 * several near-equal candidates, and siblings with enough score or clean prose are kept with it.
 * A JSON-LD `articleBody` hint, when the page has one, picks the element that holds that text.
 */

import { childrenOf, isElement, tagName, type DomNode, attr, isInside } from './dom.js';
import { classWeight, isFurnitureByRole, isNeverText } from './boilerplate.js';
import { BLOCK_TAGS, linkDensity, type StatsMap } from './text-stats.js';

/** A run shorter than this (characters) is not prose and scores nothing. */
const MIN_RUN = 25;
/** How many ancestor levels a paragraph's score reaches. */
const SCORE_LEVELS = 5;
/** Candidates scoring at least this share of the winner count as rivals. */
const RIVAL_SHARE = 0.75;
/** With this many rivals under one ancestor, the ancestor is the real container. */
const RIVALS_TO_WIDEN = 3;
/** At most this many rivals are compared (keeps widening cheap on pages with many equal boxes). */
const MAX_RIVALS = 16;
/** Siblings need this share of the winner's score (and at least `SIBLING_MIN`) to be kept. */
const SIBLING_SHARE = 0.2;
const SIBLING_MIN = 10;
/** The hinted container must hold at least this share of the JSON-LD `articleBody` length. */
const HINT_COVER = 0.8;

/** Paragraph-like elements whose whole text is one run. */
const RUN_TAGS: ReadonlySet<string> = new Set(['p', 'pre', 'td', 'blockquote']);
/** Wrappers that count as a paragraph when they hold no block elements. */
const WRAPPER_TAGS: ReadonlySet<string> = new Set(['div', 'section', 'article', 'main', 'span', 'font', 'center', 'td']);

function baseScore(el: DomNode): number {
  const t = tagName(el);
  let s = 0;
  if (t === 'div' || t === 'section' || t === 'main') s = 5;
  else if (t === 'article') s = 10;
  else if (t === 'pre' || t === 'td' || t === 'blockquote') s = 3;
  else if (t === 'address' || t === 'ol' || t === 'ul' || t === 'dl' || t === 'dd' || t === 'dt' || t === 'li' || t === 'form') s = -3;
  else if (t === 'th' || (t.length === 2 && t[0] === 'h' && t[1]! >= '1' && t[1]! <= '6')) s = -5;
  return s + classWeight(el);
}

function runScore(len: number, commas: number): number {
  return 1 + commas + Math.min(Math.floor(len / 100), 3);
}

/** The chosen container(s), in document order, and the scores behind the choice. */
export interface ContentChoice {
  roots: DomNode[];
  /** The winning element before it was widened and siblings were added (kept whatever its class). */
  top: DomNode | null;
  scores: Map<DomNode, number>;
}

/** How candidates are looked for. */
export interface FindOptions {
  /**
   * Leave out subtrees whose class/id names furniture (share, sidebar, comment, widget, …) and no
   * content. The first attempt does; a retry without it catches sites that name their article
   * badly. Default: true.
   */
  skipNegative?: boolean;
}

/** True for nodes whose subtree never holds the article (menus, hidden nodes, scripts). */
function excludedBy(options: FindOptions): (el: DomNode) => boolean {
  const negative = options.skipNegative ?? true;
  return (el) => isNeverText(el) || isFurnitureByRole(el) || (negative && tagName(el) !== 'body' && classWeight(el) < 0);
}

/**
 * Score the document and choose the article container. `bodyHint` is the text of a JSON-LD
 * `articleBody`, when the page declares one. Returns no roots when nothing looks like prose.
 */
export function findContent(doc: DomNode, stats: StatsMap, bodyHint: string | null = null, options: FindOptions = {}): ContentChoice {
  const excluded = excludedBy(options);
  const raw = new Map<DomNode, number>();
  const add = (el: DomNode | null, points: number): void => {
    let level = 0;
    for (let a = el; a && isElement(a) && level < SCORE_LEVELS; a = a.parent, level++) {
      const t = tagName(a);
      if (t === 'html') break;
      if (!raw.has(a)) raw.set(a, baseScore(a));
      const divider = level === 0 ? 1 : level === 1 ? 2 : level * 3;
      raw.set(a, (raw.get(a) as number) + points / divider);
    }
  };

  // Find runs: paragraph elements, wrappers with no block inside, and loose text in wrappers.
  // Only elements are walked: text is already counted in their measurements.
  const stack: DomNode[] = [doc];
  while (stack.length > 0) {
    const n = stack.pop() as DomNode;
    if (n !== doc && excluded(n)) continue;
    const s = stats.get(n);
    if (!s) {
      for (const k of childrenOf(n)) if (isElement(k)) stack.push(k);
      continue;
    }
    const t = tagName(n);
    if (isElement(n) && (RUN_TAGS.has(t) || WRAPPER_TAGS.has(t)) && !s.hasBlock) {
      if (s.textLen >= MIN_RUN) add(n.parent, runScore(s.textLen, s.commas));
      continue;
    }
    if (isElement(n) && s.hasBlock && s.inlineLen >= MIN_RUN && t !== 'body') add(n, runScore(s.inlineLen, 0));
    for (const k of childrenOf(n)) if (isElement(k)) stack.push(k);
  }

  const scores = new Map<DomNode, number>();
  let top: DomNode | null = null;
  let topScore = -Infinity;
  for (const [el, sc] of raw) {
    const final = sc * (1 - linkDensity(stats.get(el)));
    scores.set(el, final);
    if (final > topScore) {
      topScore = final;
      top = el;
    }
  }
  if (bodyHint) {
    const hinted = elementHoldingText(doc, stats, bodyHint, scores, excluded);
    if (hinted) {
      top = hinted;
      topScore = Math.max(scores.get(hinted) ?? 0, topScore);
    }
  }
  if (!top || topScore <= 0) {
    // No prose anywhere: a bare page's body may still hold a few words (the caller judges them).
    const body = findBody(doc);
    return { roots: body ? [body] : [], top: null, scores };
  }

  const winner = top;
  top = widen(top, topScore, scores);
  const roots = withSiblings(top, scores, stats, excluded);
  return { roots, top: winner, scores };
}

/** Move from the winner to an ancestor when that ancestor is where the prose really lives. */
function widen(start: DomNode, startScore: number, scores: Map<DomNode, number>): DomNode {
  let top = start;
  const rivals: DomNode[] = [];
  for (const [el, sc] of scores) {
    if (rivals.length >= MAX_RIVALS) break;
    if (el !== top && sc >= startScore * RIVAL_SHARE && !isInside(el, top)) rivals.push(el);
  }
  if (rivals.length >= RIVALS_TO_WIDEN) {
    for (let a = top.parent; a && isElement(a) && tagName(a) !== 'body'; a = a.parent) {
      let inside = 0;
      for (const r of rivals) if (isInside(r, a)) inside++;
      if (inside >= RIVALS_TO_WIDEN) {
        top = a;
        break;
      }
    }
  }
  // Climb while a parent scores more than the child it came from (the text was split up).
  let last = scores.get(top) ?? startScore;
  const floor = last / 3;
  for (let a = top.parent; a && isElement(a) && tagName(a) !== 'body'; a = a.parent) {
    const sc = scores.get(a);
    if (sc === undefined) continue;
    if (sc < floor) break;
    if (sc > last) {
      top = a;
      break;
    }
    last = sc;
  }
  // A lone child says nothing about its parent's other content: use the parent.
  for (let p = top.parent; p && isElement(p) && tagName(p) !== 'body'; p = p.parent) {
    const elementKids = childrenOf(p).filter((k) => isElement(k));
    if (elementKids.length !== 1) break;
    top = p;
  }
  return top;
}

/** Text ending like a sentence (Latin, CJK, Arabic, Devanagari full stops). */
function endsLikeSentence(el: DomNode): boolean {
  let last: DomNode | null = el;
  while (last && last.children && last.children.length > 0) last = last.children[last.children.length - 1] ?? null;
  const data = (last?.data ?? '').trimEnd();
  const ch = data[data.length - 1] ?? '';
  return '.!?。！？।؟…"”»'.includes(ch);
}

function withSiblings(top: DomNode, scores: Map<DomNode, number>, stats: StatsMap, excluded: (el: DomNode) => boolean): DomNode[] {
  const parent = top.parent;
  if (!parent || !isElement(parent)) return [top];
  const topScore = scores.get(top) ?? 0;
  const threshold = Math.max(SIBLING_MIN, topScore * SIBLING_SHARE);
  const topClass = attr(top, 'class') ?? '';
  const roots: DomNode[] = [];
  for (const sib of childrenOf(parent)) {
    if (!isElement(sib)) continue;
    if (sib === top) {
      roots.push(sib);
      continue;
    }
    if (excluded(sib)) continue;
    let sc = scores.get(sib);
    if (sc !== undefined) {
      if (topClass !== '' && attr(sib, 'class') === topClass) sc += topScore * SIBLING_SHARE;
      if (sc >= threshold) {
        roots.push(sib);
        continue;
      }
    }
    const s = stats.get(sib);
    const t = tagName(sib);
    if (!s || s.hasBlock || !(t === 'p' || WRAPPER_TAGS.has(t))) continue;
    const ld = linkDensity(s);
    if (s.textLen > 80 && ld < 0.25) roots.push(sib);
    else if (s.textLen > 0 && s.textLen <= 80 && ld === 0 && endsLikeSentence(sib)) roots.push(sib);
  }
  return roots;
}

/** Normalise text for matching: letters and digits only, lower case. */
function matchKey(s: string, max: number): string {
  let out = '';
  for (const ch of s.toLowerCase()) {
    if (/[\p{L}\p{N}]/u.test(ch)) out += ch;
    if (out.length >= max) break;
  }
  return out;
}

/**
 * The best-scored element whose text contains both the start and the end of `bodyHint`, or `null`
 * when no element does (the hint is then ignored).
 */
function elementHoldingText(doc: DomNode, stats: StatsMap, bodyHint: string, scores: Map<DomNode, number>, excluded: (el: DomNode) => boolean): DomNode | null {
  const head = matchKey(bodyHint, 40);
  if (head.length < 30) return null;
  // The element whose own runs start the hinted text; the container is its best-scored ancestor.
  const stack: DomNode[] = [doc];
  let first: DomNode | null = null;
  while (stack.length > 0 && !first) {
    const n = stack.pop() as DomNode;
    if (isElement(n) && excluded(n)) continue;
    const s = stats.get(n);
    if (isElement(n) && s && !s.hasBlock && s.textLen >= MIN_RUN && BLOCK_TAGS.has(tagName(n))) {
      if (matchKey(plainOf(n), 40) === head) first = n;
      continue;
    }
    const kids = childrenOf(n);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i] as DomNode);
  }
  if (!first) return null;
  // The smallest ancestor that holds most of the hinted text.
  const want = bodyHint.length * HINT_COVER;
  for (let a = first.parent; a && isElement(a) && tagName(a) !== 'html' && tagName(a) !== 'body'; a = a.parent) {
    if ((stats.get(a)?.textLen ?? 0) >= want && scores.has(a)) return a;
  }
  return null;
}

function plainOf(el: DomNode): string {
  const parts: string[] = [];
  const stack: DomNode[] = [el];
  let len = 0;
  while (stack.length > 0 && len < 400) {
    const n = stack.pop() as DomNode;
    if (n.type === 'text') {
      parts.push(n.data ?? '');
      len += (n.data ?? '').length;
    }
    const kids = childrenOf(n);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i] as DomNode);
  }
  return parts.join(' ');
}

function findBody(doc: DomNode): DomNode | null {
  for (const k of childrenOf(doc)) {
    if (tagName(k) === 'html') for (const b of childrenOf(k)) if (tagName(b) === 'body') return b;
  }
  return null;
}
