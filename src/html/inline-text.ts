/**
 * Building one block's text: whitespace collapsed as a browser renders it, `<br>` as a space, and
 * the links inside it with code-point offsets into the finished text.
 */

import type { InlineLink } from '../article/types.js';
import { BLOCK_TAGS } from './text-stats.js';
import { usableHref } from './href.js';
import { attr, childrenOf, isElement, isHtmlSpace, isText, tagName, textData, type DomNode } from './dom.js';

/** Accumulates text and links for one block. */
export class TextBuilder {
  private out = '';
  private cps = 0;
  private pendingSpace = false;
  private readonly open: { url: string; start: number | null; index: number }[] = [];
  readonly links: InlineLink[] = [];

  /** True while nothing but whitespace has been added. */
  get empty(): boolean {
    return this.out.length === 0;
  }

  /** Append character data, collapsing whitespace runs; each run of other characters is copied as one slice. */
  append(s: string): void {
    const n = s.length;
    let i = 0;
    while (i < n) {
      if (isHtmlSpace(s.charCodeAt(i))) {
        if (this.out.length > 0) this.pendingSpace = true;
        i++;
        continue;
      }
      // The run up to the next space; a high surrogate takes the next unit with it (one code point).
      let j = i;
      let cps = 0;
      while (j < n) {
        const c = s.charCodeAt(j);
        if (isHtmlSpace(c)) break;
        j += c >= 0xd800 && c <= 0xdbff && j + 1 < n ? 2 : 1;
        cps++;
      }
      if (this.pendingSpace) {
        this.out += ' ';
        this.cps++;
        this.pendingSpace = false;
      }
      if (this.open.length > 0) {
        for (const l of this.open) {
          if (l.start === null) {
            l.start = this.cps;
            l.index = this.out.length;
          }
        }
      }
      this.out += i === 0 && j === n ? s : s.slice(i, j);
      this.cps += cps;
      i = j;
    }
  }

  /** A soft break (`<br>`, a block boundary inside an inline run): one space at most. */
  space(): void {
    if (this.out.length > 0) this.pendingSpace = true;
  }

  /** Start a link; its text begins at the next visible character. */
  openLink(url: string): void {
    this.open.push({ url, start: null, index: 0 });
  }

  /** End the innermost open link and record it if it got any text. */
  closeLink(): void {
    const l = this.open.pop();
    if (!l || l.start === null) return;
    const text = this.out.slice(l.index);
    if (text.trim() !== '') this.links.push({ text, url: l.url, start: l.start });
  }

  /** The finished text. */
  text(): string {
    return this.out;
  }
}

/**
 * The visible text and links of an element's subtree as one line. `skip` excludes subtrees
 * (scripts, hidden nodes, nested comment items).
 */
export function inlineText(root: DomNode, skip: (el: DomNode) => boolean): { text: string; links: InlineLink[] } {
  const b = new TextBuilder();
  const stack: { node: DomNode; exit: boolean }[] = [{ node: root, exit: false }];
  while (stack.length > 0) {
    const { node, exit } = stack.pop() as { node: DomNode; exit: boolean };
    if (exit) {
      b.closeLink();
      continue;
    }
    if (isText(node)) {
      b.append(textData(node));
      continue;
    }
    if (!isElement(node) && node !== root) continue;
    if (node !== root && skip(node)) continue;
    const t = tagName(node);
    if (t === 'br') {
      b.space();
      continue;
    }
    if (BLOCK_TAGS.has(t)) b.space();
    const url = t === 'a' ? usableHref(attr(node, 'href')) : null;
    if (url) {
      b.openLink(url);
      stack.push({ node, exit: true });
    }
    const kids = childrenOf(node);
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i] as DomNode, exit: false });
  }
  return { text: b.text(), links: b.links };
}

/**
 * The first character (UTF-16 code unit) of `inlineText(root, skip).text`, or -1 when that text
 * is empty, found without building the text: the first non-space character of the first text
 * node outside skipped subtrees.
 */
export function firstTextChar(root: DomNode, skip: (el: DomNode) => boolean): number {
  const stack: DomNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as DomNode;
    if (isText(node)) {
      const s = textData(node);
      for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i);
        if (!isHtmlSpace(c)) return c;
      }
      continue;
    }
    if (!isElement(node) && node !== root) continue;
    if (node !== root && skip(node)) continue;
    const kids = childrenOf(node);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i] as DomNode);
  }
  return -1;
}
