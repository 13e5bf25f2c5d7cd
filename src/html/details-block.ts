/**
 * The site family's details block: a `Details` heading followed by labelled rows (`Ort`,
 * `Quellen`, `Veröffentlicht am`, …) in whatever markup (label/value spans, `<dl>`, a table,
 * `Label: value` lines), usually ended by `Kommentare (N)`. It is turned into `metadata` blocks
 * in the exact lines the metadata reader expects: `Details`, then `Label\tvalue` for one-line
 * fields, or the label alone followed by one line per value (always for sources), then
 * `Kommentare (N)`.
 */

import type { SourceBlock } from '../article/blocks.js';
import type { InlineLink } from '../article/types.js';
import { childrenOf, isElement, tagName, type DomNode } from './dom.js';
import { isNeverText } from './boilerplate.js';
import { firstTextChar, inlineText } from './inline-text.js';
import type { LineIndex } from './line-index.js';
import type { StatsMap } from './text-stats.js';

/** The heading that opens the block (`Details`, `Details zur Meldung`). */
export const DETAILS_HEADING = /^Details(?: zur Meldung)?:?$/i;
/** The comment count line that closes the block. */
export const COMMENTS_HEADING = /^Kommentare ?\((\d+)\)$/i;
/** Labels whose value is always a list, one line per item. */
const LIST_LABELS = /^(?:Quellen|Quelle|Sources?)$/i;
/** A label is short. */
const MAX_LABEL = 40;
/** Elements this short (characters) are checked for being the heading. */
const MAX_HEADING = 40;

/** The block found: the subtree to keep out of the body, and its lines. */
export interface DetailsBlock {
  node: DomNode;
  blocks: SourceBlock[];
}

function lineText(el: DomNode): { text: string; links: InlineLink[] } {
  return inlineText(el, isNeverText);
}

/**
 * The characters a match of `pattern` can start with, when it is anchored and begins with a plain
 * ASCII letter (`/^Details…/i` → `Dd`); `null` when that cannot be told from its source (or when
 * Unicode case folding could match more letters, as `ſ` for `s` with the `u` flag).
 */
function initialsOf(pattern: RegExp): string | null {
  const src = pattern.source;
  const first = src[1] ?? '';
  const next = src[2] ?? '';
  const isLetter = (first >= 'A' && first <= 'Z') || (first >= 'a' && first <= 'z');
  const unicode = pattern.flags.includes('u') || pattern.flags.includes('v');
  if (src[0] !== '^' || !isLetter || unicode || next === '?' || next === '*' || next === '{') return null;
  return pattern.flags.includes('i') ? first.toUpperCase() + first.toLowerCase() : first;
}

/**
 * For each pattern, the smallest element whose whole text matches it (the first in document
 * order), found in one walk: each short element's text is built once, and only when its first
 * character can start a match, and tested against every pattern still unmatched. Elements up to
 * `MAX_HEADING` characters that match nothing are not entered.
 */
export function findShortTextElements(doc: DomNode, stats: StatsMap, patterns: readonly RegExp[]): (DomNode | null)[] {
  const found: (DomNode | null)[] = patterns.map(() => null);
  const initials = patterns.map(initialsOf);
  let missing = patterns.length;
  const stack: DomNode[] = [doc];
  while (stack.length > 0 && missing > 0) {
    const n = stack.pop() as DomNode;
    if (isElement(n)) {
      if (isNeverText(n)) continue;
      const s = stats.get(n);
      if (!s || s.textLen === 0) continue;
      if (s.textLen <= MAX_HEADING + 4) {
        const first = firstTextChar(n, isNeverText);
        const ch = first < 0 ? '' : String.fromCharCode(first);
        let matched = false;
        let t: string | null = null;
        for (let p = 0; p < patterns.length; p++) {
          if (found[p] !== null) continue;
          const can = initials[p];
          if (can !== null && can !== undefined && (ch === '' || !can.includes(ch))) continue;
          t ??= lineText(n).text;
          if (!(patterns[p] as RegExp).test(t)) continue;
          found[p] = innermostWithText(n, t, stats);
          missing--;
          matched = true;
          break;
        }
        // A match is not entered; a non-match is entered only when it is longer than a heading.
        if (matched || s.textLen <= MAX_HEADING) continue;
      }
    }
    // Only elements can be the element looked for.
    const kids = childrenOf(n);
    for (let i = kids.length - 1; i >= 0; i--) if (isElement(kids[i] as DomNode)) stack.push(kids[i] as DomNode);
  }
  return found;
}

/** Descend from `el` to the innermost element with the same text `t`. */
function innermostWithText(el: DomNode, t: string, stats: StatsMap): DomNode {
  let inner = el;
  for (;;) {
    const kids = childrenOf(inner).filter((k) => isElement(k) && (stats.get(k)?.textLen ?? 0) > 0);
    if (kids.length !== 1 || lineText(kids[0] as DomNode).text !== t) break;
    inner = kids[0] as DomNode;
  }
  return inner;
}

function meta(text: string, line: number, links?: InlineLink[]): SourceBlock {
  const b: SourceBlock = { text, raw: text, line, hint: 'metadata' };
  if (links && links.length > 0) b.links = links;
  return b;
}

function shift(links: InlineLink[], by: number): InlineLink[] {
  return links.map((l) => ({ ...l, start: l.start + by }));
}

/** Split a value element into lines: list items, block children or `<br>`-separated runs. */
function valueLines(nodes: readonly DomNode[]): { text: string; links: InlineLink[]; node: DomNode }[] {
  const out: { text: string; links: InlineLink[]; node: DomNode }[] = [];
  const stack = [...nodes].reverse();
  while (stack.length > 0) {
    const n = stack.pop() as DomNode;
    if (!isElement(n)) {
      const t = (n.data ?? '').trim();
      if (t) out.push({ text: t.replace(/\s+/g, ' '), links: [], node: n });
      continue;
    }
    if (isNeverText(n)) continue;
    const kids = childrenOf(n).filter((k) => isElement(k) || (k.data ?? '').trim() !== '');
    const t = tagName(n);
    const listy = t === 'ul' || t === 'ol' || kids.some((k) => ['li', 'p', 'div', 'br', 'dd'].includes(tagName(k)));
    if (listy && kids.length > 1) {
      for (let i = kids.length - 1; i >= 0; i--) if (tagName(kids[i] as DomNode) !== 'br') stack.push(kids[i] as DomNode);
      continue;
    }
    const lt = lineText(n);
    if (lt.text) out.push({ ...lt, node: n });
  }
  return out;
}

/** Turn one labelled row into metadata lines. */
function rowBlocks(label: string, values: readonly DomNode[], line: number, lines: LineIndex): SourceBlock[] {
  const vals = valueLines(values);
  const lab = label.replace(/:$/, '').trim();
  if (vals.length === 1 && !LIST_LABELS.test(lab)) {
    const v = vals[0]!;
    return [meta(`${lab}\t${v.text}`, line, shift(v.links, [...lab].length + 1))];
  }
  return [meta(lab, line), ...vals.map((v) => meta(v.text, lines.lineOf(v.node.startIndex ?? 0), v.links))];
}

/** Read the rows of the details container after its heading. */
function readRows(container: DomNode, heading: DomNode, lines: LineIndex, stats: StatsMap): SourceBlock[] {
  const out: SourceBlock[] = [];
  let queue: DomNode[] = [];
  let seen = false;
  for (const k of childrenOf(container)) {
    if (k === heading) seen = true;
    else if (seen || !isInsideOf(heading, container)) queue.push(k);
  }
  const lineOf = (n: DomNode): number => lines.lineOf(n.startIndex ?? 0);
  while (queue.length > 0) {
    const row = queue.shift() as DomNode;
    if (!isElement(row)) {
      const t = (row.data ?? '').trim();
      if (t) out.push(meta(t.replace(/\s+/g, ' '), lineOf(row)));
      continue;
    }
    if (isNeverText(row) || (stats.get(row)?.textLen ?? 0) === 0) continue;
    const t = tagName(row);
    const whole = lineText(row).text;
    if (COMMENTS_HEADING.test(whole)) {
      out.push(meta(whole, lineOf(row)));
      break;
    }
    const kids = childrenOf(row).filter((k) => isElement(k) ? (stats.get(k)?.textLen ?? 0) > 0 : (k.data ?? '').trim() !== '');
    if (t === 'dl' || t === 'tbody' || t === 'table' || t === 'ul' || t === 'ol') {
      if (t === 'dl') {
        let label: DomNode | null = null;
        let vals: DomNode[] = [];
        const emit = (): void => {
          if (label) for (const b of rowBlocks(lineText(label).text, vals, lineOf(label), lines)) out.push(b);
        };
        for (const k of kids) {
          if (tagName(k) === 'dt') {
            emit();
            label = k;
            vals = [];
          } else vals.push(k);
        }
        emit();
      } else queue = kids.concat(queue);
      continue;
    }
    const first = kids[0];
    if (t === 'tr' || (first && isElement(first) && kids.length >= 2 && lineText(first).text.length <= MAX_LABEL && !COMMENTS_HEADING.test(lineText(first).text))) {
      if (first && kids.length >= 2 && kids.every((k) => !isElement(k) || ['div', 'section', 'p'].includes(tagName(k))) && kids.filter(isElement).every((k) => (stats.get(k)?.textLen ?? 0) > MAX_LABEL || childrenOf(k).some(isElement))) {
        queue = kids.concat(queue);
        continue;
      }
      if (first) for (const b of rowBlocks(lineText(first).text, kids.slice(1), lineOf(row), lines)) out.push(b);
      continue;
    }
    const colon = whole.indexOf(':');
    if (colon > 0 && colon <= MAX_LABEL) {
      // `Quellen: <a href>…</a>`: keep the links, moved onto the value after the tab
      const label = whole.slice(0, colon).trim();
      const rest = whole.slice(colon + 1);
      const value = rest.trim();
      const valueStart = [...whole.slice(0, colon + 1 + (rest.length - rest.trimStart().length))].length;
      const by = [...label].length + 1 - valueStart;
      const links = lineText(row).links.filter((l) => l.start >= valueStart).map((l) => ({ ...l, start: l.start + by }));
      out.push(meta(`${label}\t${value}`, lineOf(row), links));
      continue;
    }
    if (kids.length > 1 && kids.some(isElement)) {
      queue = kids.concat(queue);
      continue;
    }
    out.push(meta(whole, lineOf(row), lineText(row).links));
  }
  return out;
}

function isInsideOf(node: DomNode, ancestor: DomNode): boolean {
  for (let n: DomNode | null = node.parent; n; n = n.parent) if (n === ancestor) return true;
  return false;
}

/**
 * Turn the details block opened by `heading` (the element found for `DETAILS_HEADING`) into
 * metadata blocks; `null` when there is no heading.
 */
export function readDetailsBlock(heading: DomNode | null, stats: StatsMap, lines: LineIndex): DetailsBlock | null {
  if (!heading) return null;
  // The container: the heading's parent, or higher while the heading is a lone wrapper's child.
  let container = heading.parent;
  let head: DomNode = heading;
  while (container && childrenOf(container).filter((k) => isElement(k) && (stats.get(k)?.textLen ?? 0) > 0).length === 1) {
    head = container;
    container = container.parent;
  }
  if (!container) return null;
  const blocks = [meta('Details', lines.lineOf(heading.startIndex ?? 0)), ...readRows(container, head, lines, stats)];
  return { node: container, blocks };
}
