/**
 * Reader comments: found by the `Kommentare (N)` heading or by comment class/id words, and read
 * as data (author, date, text), never as body text.
 */

import type { Comment } from '../article/types.js';
import { attr, childrenOf, findAll, findFirst, isElement, isInside, tagName, type DomNode } from './dom.js';
import { isNeverText } from './boilerplate.js';
import { inlineText } from './inline-text.js';

/** class/id words of one comment, and of a comment list. */
const ITEM_TOKENS: ReadonlySet<string> = new Set([
  'comment', 'comment-item', 'comment-entry', 'comment-container', 'single-comment', 'commentlist-item', 'kommentar', 'reply',
]);
const LIST_CLASS = /comments|comment-list|commentlist|kommentare/i;
/** class words of the author's name and of the date. */
const AUTHOR_CLASS = /author|user|name|nick|fn/i;
const DATE_CLASS = /date|time|posted|published/i;

function classOf(el: DomNode): string {
  return `${attr(el, 'class') ?? ''} ${attr(el, 'id') ?? ''}`;
}

/** The comments found, and the subtree they live in (kept out of the body). */
export interface CommentsFound {
  node: DomNode;
  comments: Comment[];
}

function readItem(item: DomNode, nested: readonly DomNode[]): Comment | null {
  const inOther = (el: DomNode): boolean => nested.some((o) => o !== item && isInside(el, o) && isInside(o, item));
  const skip = (el: DomNode): boolean => isNeverText(el) || inOther(el);
  const authorEl = findFirst(item, (el) => !inOther(el) && (AUTHOR_CLASS.test(classOf(el)) || tagName(el) === 'cite') && tagName(el) !== 'time');
  const timeEl = findFirst(item, (el) => !inOther(el) && (tagName(el) === 'time' || DATE_CLASS.test(classOf(el))));
  const author = authorEl ? inlineText(authorEl, skip).text || null : null;
  let date: string | null = null;
  if (timeEl) date = (attr(timeEl, 'datetime') ?? '').trim() || inlineText(timeEl, skip).text || null;
  const textSkip = (el: DomNode): boolean => skip(el) || el === authorEl || el === timeEl;
  const paras = findAll(item, (el) => tagName(el) === 'p' && !textSkip(el) && !inOther(el));
  const text = paras.length > 0
    ? paras.map((p) => inlineText(p, textSkip).text).filter(Boolean).join('\n')
    : inlineText(item, textSkip).text;
  if (!text) return null;
  return { author, date, text };
}

/** True for an element whose class or id names a comment list (and that is not hidden or code). */
export function isCommentList(el: DomNode): boolean {
  const a = el.attribs;
  if (a === undefined || (a['class'] === undefined && a['id'] === undefined)) return false;
  return LIST_CLASS.test(classOf(el)) && !isNeverText(el);
}

/**
 * Find the reader comments. `heading` is the `Kommentare (N)` element when the page has one; its
 * section is the comment area. Otherwise `listElement`, the first element whose class or id names
 * a comment list ({@link isCommentList}), is.
 */
export function readComments(heading: DomNode | null, listElement: DomNode | null): CommentsFound | null {
  let area: DomNode | null = null;
  if (heading) {
    for (let a = heading.parent; a && isElement(a); a = a.parent) {
      if (childrenOf(a).filter(isElement).length > 1) {
        area = a;
        break;
      }
    }
  }
  area ??= listElement;
  if (!area) return null;
  const isItem = (el: DomNode): boolean =>
    (attr(el, 'class') ?? '').toLowerCase().split(/\s+/).some((t) => ITEM_TOKENS.has(t)) || tagName(el) === 'article';
  let items = findAll(area, isItem);
  if (items.length === 0) items = findAll(area, (el) => tagName(el) === 'li' && ['ol', 'ul'].includes(tagName(el.parent ?? el)));
  const comments: Comment[] = [];
  for (const item of items) {
    if (heading && isInside(heading, item)) continue;
    const c = readItem(item, items);
    if (c) comments.push(c);
  }
  return { node: area, comments };
}
