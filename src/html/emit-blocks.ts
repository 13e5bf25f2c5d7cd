/**
 * Walking the chosen container(s) into `SourceBlock`s: one block per paragraph, heading, list item,
 * quotation or table cell, in document order, with definite hints, links and source lines.
 * Furniture inside the container (share bars, related links, captions, ads, forms, tiny link
 * boxes) is left out here, judged from the element's tag, class words and measured text.
 */

import type { SourceBlock } from '../article/blocks.js';
import { attr, childrenOf, isElement, isText, tagName, textData, type DomNode } from './dom.js';
import { classWeight, hasNegativeClass, isFurnitureByRole, isNeverText } from './boilerplate.js';
import { TextBuilder } from './inline-text.js';
import { usableHref } from './href.js';
import type { LineIndex } from './line-index.js';
import { BLOCK_TAGS, linkDensity, type StatsMap } from './text-stats.js';

/** What the walker needs to know about the page. */
export interface EmitContext {
  stats: StatsMap;
  lines: LineIndex;
  /** The element to emit with `hint: 'title'` (the article's `<h1>`), if any. */
  titleElement: DomNode | null;
  /** Subtrees handled elsewhere (the details block, reader comments). */
  skip: ReadonlySet<DomNode>;
  /** Elements never dropped as furniture: the winning candidate and its ancestors. */
  keep: ReadonlySet<DomNode>;
}

/** Boxes judged by their measurements (a share bar or related-links list is mostly links). */
const JUDGED_TAGS: ReadonlySet<string> = new Set(['div', 'section', 'ul', 'ol', 'table', 'form', 'fieldset', 'dl', 'header', 'aside', 'center', 'span', 'footer']);
/** A box with this many commas is prose, whatever its links. */
const PROSE_COMMAS = 10;
/** Link share above which a box is a link list (halved for boxes with furniture class words). */
const MAX_LINK_DENSITY = 0.5;
const MAX_LINK_DENSITY_UNMARKED = 0.33;

interface Typed {
  el: DomNode;
  kind: 'heading' | 'listItem' | 'quote' | 'title';
  level?: number;
  listId?: number;
  ordered?: boolean;
}

function headingLevel(t: string): number {
  return t.length === 2 && t[0] === 'h' && t[1]! >= '1' && t[1]! <= '6' ? Number(t[1]) : 0;
}

/** True when a box inside the container is furniture by its measurements and class words. */
function isJunkBox(el: DomNode, ctx: EmitContext): boolean {
  const t = tagName(el);
  const s = ctx.stats.get(el);
  if (!s) return false;
  const big = ctx.keep.has(el);
  if (t === 'footer') return !big;
  if (!big && classWeight(el) < 0) return true;
  if (!JUDGED_TAGS.has(t) || big) return false;
  if (s.commas >= PROSE_COMMAS) return false;
  const ld = linkDensity(s);
  if (ld > MAX_LINK_DENSITY) return true;
  if (ld > MAX_LINK_DENSITY_UNMARKED && hasNegativeClass(el)) return true;
  if (s.inputs > 0 && s.inputs > s.paragraphs / 3) return true;
  if (s.images > 1 && s.paragraphs / s.images < 0.5 && s.textLen < 200) return true;
  if (t !== 'span' && s.headings === 0 && s.textLen < 25 && s.embeds > 0) return true;
  return false;
}

/**
 * Walk `roots` and return their blocks. Lists get ids from `nextListId` on, so blocks from several
 * roots never share one.
 */
export function emitBlocks(roots: readonly DomNode[], ctx: EmitContext): SourceBlock[] {
  const blocks: SourceBlock[] = [];
  let listId = 0;

  let buf = new TextBuilder();
  let bufLine: number | null = null;
  let pendingLine: number | null = null;
  const typed: Typed[] = [];
  const lists: { id: number; ordered: boolean }[] = [];

  const lineOf = (n: DomNode): number => ctx.lines.lineOf(n.startIndex ?? 0);

  const flush = (): void => {
    const text = buf.text();
    if (text !== '') {
      const block: SourceBlock = { text, raw: text, line: bufLine ?? 1, hint: 'paragraph' };
      let heading: Typed | undefined;
      let item: Typed | undefined;
      let quote: Typed | undefined;
      for (let i = typed.length - 1; i >= 0; i--) {
        const ty = typed[i] as Typed;
        if ((ty.kind === 'heading' || ty.kind === 'title') && !heading) heading = ty;
        else if (ty.kind === 'listItem' && !item) item = ty;
        else if (ty.kind === 'quote' && !quote) quote = ty;
      }
      if (heading?.kind === 'title') block.hint = 'title';
      else if (heading) {
        block.hint = 'heading';
        block.level = heading.level ?? 2;
      } else if (item) {
        block.hint = 'listItem';
        block.listId = item.listId ?? 0;
        block.ordered = item.ordered ?? false;
      } else if (quote) block.hint = 'quote';
      if (buf.links.length > 0) block.links = buf.links;
      blocks.push(block);
    }
    buf = new TextBuilder();
    bufLine = null;
  };

  for (const root of roots) {
    const stack: { node: DomNode; exit: boolean }[] = [{ node: root, exit: false }];
    while (stack.length > 0) {
      const { node, exit } = stack.pop() as { node: DomNode; exit: boolean };
      const t = tagName(node);
      if (exit) {
        if (t === 'a') buf.closeLink();
        if (BLOCK_TAGS.has(t)) {
          flush();
          pendingLine = null;
        }
        const top = typed[typed.length - 1];
        if (top && top.el === node) typed.pop();
        const list = lists[lists.length - 1];
        if ((t === 'ul' || t === 'ol') && list) lists.pop();
        continue;
      }
      if (isText(node)) {
        const data = textData(node);
        if (buf.empty && bufLine === null && data.trim() !== '') bufLine = pendingLine ?? lineOf(node);
        buf.append(data);
        continue;
      }
      if (!isElement(node)) continue;
      if (node !== root) {
        if (ctx.skip.has(node) || isNeverText(node) || isFurnitureByRole(node)) continue;
        if (node !== ctx.titleElement && isJunkBox(node, ctx)) continue;
      }
      if (t === 'br') {
        buf.space();
        continue;
      }
      if (BLOCK_TAGS.has(t)) {
        flush();
        pendingLine = lineOf(node);
      }
      const level = headingLevel(t);
      if (node === ctx.titleElement) typed.push({ el: node, kind: 'title' });
      else if (level > 0) typed.push({ el: node, kind: 'heading', level });
      else if (t === 'ul' || t === 'ol') lists.push({ id: listId++, ordered: t === 'ol' });
      else if (t === 'li') {
        const list = lists[lists.length - 1] ?? { id: listId++, ordered: false };
        typed.push({ el: node, kind: 'listItem', listId: list.id, ordered: list.ordered });
      } else if (t === 'blockquote') typed.push({ el: node, kind: 'quote' });
      if (t === 'a') {
        const url = usableHref(attr(node, 'href'));
        if (url) buf.openLink(url);
        else buf.openLink('');
      }
      stack.push({ node, exit: true });
      const kids = childrenOf(node);
      for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i] as DomNode, exit: false });
    }
    flush();
  }
  for (const b of blocks) if (b.links) b.links = b.links.filter((l) => l.url !== '');
  for (const b of blocks) if (b.links && b.links.length === 0) delete b.links;
  return blocks;
}
