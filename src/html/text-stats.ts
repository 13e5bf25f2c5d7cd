/**
 * One bottom-up pass over the document that measures every element: visible text length, text
 * inside links, commas, and counts of paragraphs, list items, images, headings and form controls.
 * Content finding and cleaning read these numbers instead of re-walking subtrees, which keeps the
 * whole segmenter linear in the size of the page.
 */

import { childrenOf, isElement, isHtmlSpace, isText, tagName, textData, type DomNode } from './dom.js';
import { isNeverText } from './boilerplate.js';
import { usableHref } from './href.js';

/** Block-level elements: a boundary between runs of text. */
export const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'address', 'article', 'aside', 'blockquote', 'center', 'details', 'dialog', 'dd', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header',
  'hgroup', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'tbody', 'thead', 'tfoot',
  'tr', 'td', 'th', 'caption', 'ul', 'summary', 'menu', 'body', 'html', 'frameset', 'noframes', 'legend',
  'listing', 'plaintext', 'xmp', 'dir',
]);

/** Measurements of one element's visible subtree. */
export interface ElementStats {
  /** Visible text length with whitespace runs counted as one. */
  textLen: number;
  /** The part of `textLen` inside `<a>` elements. */
  linkLen: number;
  /** Commas (Latin, Arabic, CJK) in the text: a sign of running prose. */
  commas: number;
  /** Length of the text that is not inside any block-level descendant (loose inline text). */
  inlineLen: number;
  /** True when a block-level element lies below this one. */
  hasBlock: boolean;
  paragraphs: number;
  listItems: number;
  images: number;
  headings: number;
  inputs: number;
  embeds: number;
}

/** Stats for every element of a document. */
export type StatsMap = Map<DomNode, ElementStats>;

function emptyStats(): ElementStats {
  return { textLen: 0, linkLen: 0, commas: 0, inlineLen: 0, hasBlock: false, paragraphs: 0, listItems: 0, images: 0, headings: 0, inputs: 0, embeds: 0 };
}

/** Runs of two or more HTML whitespace characters, each counted as one character. */
const SPACE_RUN = /[\t\n\f\r ]{2,}/g;
/** Commas: Latin, Arabic, full-width and ideographic. */
const COMMA = /[,\u060c\uff0c\u3001]/g;

/**
 * Length of `s` once whitespace runs are collapsed (ends not trimmed), and its commas. Two scans
 * by the regex engine (a character class each, linear) instead of a loop over every character.
 */
function measureText(s: string): { len: number; commas: number } {
  let len = s.length;
  SPACE_RUN.lastIndex = 0;
  for (let run = SPACE_RUN.exec(s); run !== null; run = SPACE_RUN.exec(s)) len -= run[0].length - 1;
  let commas = 0;
  COMMA.lastIndex = 0;
  while (COMMA.test(s)) commas++;
  return { len, commas };
}

const COUNTED_MEDIA = new Set(['img', 'picture', 'svg']);
const COUNTED_EMBEDS = new Set(['iframe', 'object', 'embed', 'video', 'audio']);
const COUNTED_INPUTS = new Set(['input', 'select', 'textarea', 'button']);

/**
 * Measure every element under `root`. Subtrees that are never text (scripts, hidden nodes, form
 * controls, media) count as empty, though their images and controls are still counted.
 */
export function measureDocument(root: DomNode): StatsMap {
  const stats: StatsMap = new Map();
  // Pre-order over the elements with children pushed in reverse; the reversed list is a valid
  // bottom-up order. `never` marks elements whose subtree is never text (judged once each).
  const order: DomNode[] = [];
  const never: boolean[] = [];
  const stack: DomNode[] = [root];
  while (stack.length > 0) {
    const n = stack.pop() as DomNode;
    const skip = n !== root && isNeverText(n);
    order.push(n);
    never.push(skip);
    if (skip) continue;
    const kids = n.children;
    if (kids) for (const k of kids) if (isElement(k)) stack.push(k);
  }
  for (let i = order.length - 1; i >= 0; i--) {
    const n = order[i] as DomNode;
    const s = emptyStats();
    const t = tagName(n);
    if (COUNTED_MEDIA.has(t)) s.images++;
    if (COUNTED_EMBEDS.has(t)) s.embeds++;
    if (COUNTED_INPUTS.has(t)) s.inputs++;
    if (never[i]) {
      stats.set(n, s);
      continue;
    }
    if (t === 'p') s.paragraphs++;
    else if (t === 'li') s.listItems++;
    else if (t.length === 2 && t[0] === 'h' && t[1]! >= '1' && t[1]! <= '6') s.headings++;
    for (const k of childrenOf(n)) {
      if (isText(k)) {
        const m = measureText(textData(k));
        s.textLen += m.len;
        s.commas += m.commas;
        s.inlineLen += m.len;
        continue;
      }
      if (!isElement(k)) continue;
      const ks = stats.get(k) as ElementStats;
      s.textLen += ks.textLen;
      s.linkLen += ks.linkLen;
      s.commas += ks.commas;
      s.paragraphs += ks.paragraphs;
      s.listItems += ks.listItems;
      s.images += ks.images;
      s.headings += ks.headings;
      s.inputs += ks.inputs;
      s.embeds += ks.embeds;
      const kb = BLOCK_TAGS.has(tagName(k));
      if (kb || ks.hasBlock) s.hasBlock = true;
      if (!kb) s.inlineLen += ks.inlineLen;
    }
    // A link that goes nowhere (a script call, an empty fragment) is not navigation.
    if (t === 'a' && usableHref(n.attribs?.['href']) !== null) s.linkLen = s.textLen;
    stats.set(n, s);
  }
  return stats;
}

/** Share of an element's text that sits inside links, 0..1. */
export function linkDensity(s: ElementStats | undefined): number {
  if (!s || s.textLen === 0) return 0;
  return Math.min(1, s.linkLen / s.textLen);
}
