/**
 * Tree construction: the tokenizer's tags and text → a `DomNode` document, following the parts of
 * the HTML standard that decide where text ends up: the implied `html`, `head` and `body`, void
 * elements, start tags that close an open paragraph, list item, definition, option, heading, cell,
 * row or link, and end tags that only close an element in scope. Comments, doctypes and
 * processing instructions are dropped (nothing reads them).
 *
 * Every operation is O(1) or bounded by `MAX_DEPTH`: elements opened deeper than that are not
 * created (their text goes to the deepest element kept, and their end tags are swallowed), so a
 * page nested 100,000 deep is parsed in linear time and never makes a deep tree. Nothing on the
 * page is executed or fetched.
 */

import type { DomNode } from './dom.js';
import { createTokenizer, type TokenizerCallbacks } from './load-tokenizer.js';

/** Deepest element nesting kept; real articles stay far below it. */
export const MAX_DEPTH = 400;

/** One node of the parsed page; every node has the same fields (one object shape for V8). */
class Node implements DomNode {
  type: string;
  parent: DomNode | null = null;
  children: DomNode[] | undefined;
  name: string | undefined;
  attribs: Record<string, string> | undefined;
  data: string | undefined;
  startIndex: number;

  constructor(type: string, name: string | undefined, attribs: Record<string, string> | undefined, data: string | undefined, startIndex: number) {
    this.type = type;
    this.name = name;
    this.attribs = attribs;
    this.children = data === undefined ? [] : undefined;
    this.data = data;
    this.startIndex = startIndex;
  }
}

const VOID: ReadonlySet<string> = new Set([
  'area', 'base', 'basefont', 'bgsound', 'br', 'col', 'embed', 'frame', 'hr', 'image', 'img', 'input', 'keygen',
  'link', 'meta', 'param', 'source', 'track', 'wbr',
]);
/** Elements the tokenizer reads as raw text (a self-closing one is closed at once). */
const RAW_TEXT: ReadonlySet<string> = new Set(['script', 'style', 'title', 'textarea', 'xmp']);
/** Elements that may stay in `head`; anything else starts the body. */
const HEAD_TAGS: ReadonlySet<string> = new Set(['base', 'basefont', 'bgsound', 'link', 'meta', 'noframes', 'script', 'style', 'template', 'title', 'noscript']);
/** Start tags that close an open `<p>` (in button scope). */
const CLOSES_P: ReadonlySet<string> = new Set([
  'address', 'article', 'aside', 'blockquote', 'center', 'details', 'dialog', 'dir', 'div', 'dl', 'fieldset',
  'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'main',
  'menu', 'nav', 'ol', 'p', 'pre', 'listing', 'search', 'section', 'summary', 'table', 'ul', 'li', 'dd', 'dt',
  'plaintext', 'xmp',
]);
/** Scope boundaries: an end tag does not close an element outside the nearest of these. */
const SCOPE: ReadonlySet<string> = new Set(['applet', 'caption', 'html', 'table', 'td', 'th', 'marquee', 'object', 'template', 'foreignobject']);
/** Elements that stop the search for an open `li` / `dd` / `dt` (the standard's special elements, but address, div and p). */
const SPECIAL: ReadonlySet<string> = new Set([
  'applet', 'area', 'article', 'aside', 'base', 'basefont', 'bgsound', 'blockquote', 'body', 'br', 'button',
  'caption', 'center', 'col', 'colgroup', 'details', 'dir', 'dl', 'embed', 'fieldset', 'figcaption', 'figure',
  'footer', 'form', 'frame', 'frameset', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'head', 'header', 'hgroup', 'hr',
  'html', 'iframe', 'img', 'input', 'keygen', 'link', 'listing', 'main', 'marquee', 'menu', 'meta', 'nav',
  'noembed', 'noframes', 'noscript', 'object', 'ol', 'param', 'plaintext', 'pre', 'script', 'search', 'section',
  'select', 'source', 'style', 'summary', 'table', 'tbody', 'td', 'template', 'textarea', 'tfoot', 'th', 'thead',
  'title', 'tr', 'track', 'ul', 'wbr', 'xmp', 'foreignobject',
]);
const TABLE_SCOPE: ReadonlySet<string> = new Set(['html', 'table', 'template']);
const TABLE_PARTS: ReadonlySet<string> = new Set(['table', 'tbody', 'thead', 'tfoot', 'tr', 'td', 'th', 'caption', 'colgroup']);
const HEADINGS: ReadonlySet<string> = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

function isWhitespaceOnly(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d) return false;
  }
  return true;
}

function elementType(name: string): string {
  return name === 'script' ? 'script' : name === 'style' ? 'style' : 'tag';
}

/** Builds the tree from the tokenizer's callbacks; one instance per page. */
class TreeBuilder implements TokenizerCallbacks {
  readonly root = new Node('root', undefined, undefined, undefined, 0);
  private html: Node | null = null;
  private head: Node | null = null;
  private body: Node | null = null;
  /** Open elements, `html` first. */
  private readonly stack: Node[] = [];
  /** Elements never popped by end tags: `html`, and `body` once it exists. */
  private base = 0;
  /** Names of start tags beyond `MAX_DEPTH` still waiting for their end tag. */
  private readonly excess: string[] = [];
  /** Open `p` and `a` elements (skips their searches on ordinary pages) and open svg/math roots. */
  private openP = 0;
  private openA = 0;
  private foreign = 0;

  private tagName = '';
  private tagStart = 0;
  private attribs: Record<string, string> = {};
  private attribName = '';
  private attribValue = '';
  private text = '';
  private textStart = 0;
  private nextStart = 0;

  constructor(private readonly src: string) {}

  // ---- tokenizer callbacks -------------------------------------------------------------------

  onopentagname(start: number, endIndex: number): void {
    this.flushText();
    this.tagName = this.src.slice(start, endIndex).toLowerCase();
    this.tagStart = start - 1;
    this.attribs = {};
  }

  onattribname(start: number, endIndex: number): void {
    this.attribName = this.src.slice(start, endIndex).toLowerCase();
    this.attribValue = '';
  }

  onattribdata(start: number, endIndex: number): void {
    this.attribValue += this.src.slice(start, endIndex);
  }

  onattribentity(codepoint: number): void {
    this.attribValue += String.fromCodePoint(codepoint);
  }

  onattribend(_quote: number, _endIndex: number): void {
    // The first of duplicated attributes wins. (Own properties only: `constructor` is a name too.)
    if (!Object.prototype.hasOwnProperty.call(this.attribs, this.attribName)) this.attribs[this.attribName] = this.attribValue;
    this.attribValue = '';
  }

  onopentagend(endIndex: number): void {
    this.nextStart = endIndex + 1;
    this.startTag(this.tagName, this.attribs, this.tagStart, false);
  }

  onselfclosingtag(endIndex: number): void {
    this.nextStart = endIndex + 1;
    // `<x/>` closes only in svg/math and for raw-text elements (the tokenizer reads no raw text then).
    this.startTag(this.tagName, this.attribs, this.tagStart, this.foreign > 0 || RAW_TEXT.has(this.tagName));
  }

  onclosetag(start: number, endIndex: number): void {
    this.flushText();
    this.nextStart = endIndex + 1;
    this.endTag(this.src.slice(start, endIndex).toLowerCase(), start - 2);
  }

  ontext(start: number, endIndex: number): void {
    if (this.text === '') this.textStart = start;
    this.text += this.src.slice(start, endIndex);
  }

  ontextentity(codepoint: number, endIndex: number): void {
    if (this.text === '') this.textStart = this.nextStart;
    this.text += String.fromCodePoint(codepoint);
    this.nextStart = endIndex;
  }

  oncomment(_start: number, endIndex: number, endOffset: number): void {
    this.flushText();
    this.nextStart = endIndex + endOffset + 1;
  }

  oncdata(_start: number, endIndex: number, endOffset: number): void {
    this.flushText();
    this.nextStart = endIndex + endOffset + 1;
  }

  ondeclaration(_start: number, endIndex: number): void {
    this.flushText();
    this.nextStart = endIndex + 1;
  }

  onprocessinginstruction(_start: number, endIndex: number): void {
    this.flushText();
    this.nextStart = endIndex + 1;
  }

  onend(): void {
    this.flushText();
  }

  // ---- tree construction ---------------------------------------------------------------------

  private current(): Node {
    return this.stack[this.stack.length - 1] ?? this.root;
  }

  private append(parent: Node, node: Node): void {
    node.parent = parent;
    (parent.children as DomNode[]).push(node);
  }

  private push(node: Node): void {
    this.stack.push(node);
    if (node.name === 'p') this.openP++;
    else if (node.name === 'a') this.openA++;
    else if (node.name === 'svg' || node.name === 'math') this.foreign++;
  }

  /** Pop open elements until the one at `index` is popped too. */
  private popTo(index: number): void {
    while (this.stack.length > index) {
      const n = this.stack.pop() as Node;
      if (n.name === 'p') this.openP--;
      else if (n.name === 'a') this.openA--;
      else if (n.name === 'svg' || n.name === 'math') this.foreign--;
    }
  }

  /**
   * Index of the nearest open element named `target` (or in it) above `base`, not past a boundary
   * in `stop` or `extra`; -1 if none.
   */
  private find(target: ReadonlySet<string> | string, stop: ReadonlySet<string>, extra?: ReadonlySet<string> | string): number {
    for (let i = this.stack.length - 1; i > this.base; i--) {
      const n = this.stack[i]!.name as string;
      if (typeof target === 'string' ? n === target : target.has(n)) return i;
      if (stop.has(n) || (extra !== undefined && (typeof extra === 'string' ? n === extra : extra.has(n)))) return -1;
    }
    return -1;
  }

  private ensureHtml(): Node {
    if (!this.html) {
      this.html = new Node('tag', 'html', {}, undefined, this.tagStart);
      this.append(this.root, this.html);
      this.stack.push(this.html);
    }
    return this.html;
  }

  /** Close `head` (and anything open in it) and open the implied body. */
  private ensureBody(name = 'body', attribs: Record<string, string> = {}, start = this.nextStart): Node {
    if (this.body) return this.body;
    const html = this.ensureHtml();
    this.popTo(1);
    this.body = new Node('tag', name, attribs, undefined, start);
    this.append(html, this.body);
    this.push(this.body);
    this.base = 1;
    return this.body;
  }

  private mergeAttribs(into: Node, attribs: Record<string, string>): void {
    const a = into.attribs as Record<string, string>;
    for (const k of Object.keys(attribs)) if (!Object.prototype.hasOwnProperty.call(a, k)) a[k] = attribs[k] as string;
  }

  private startTag(name: string, attribs: Record<string, string>, start: number, selfClosing: boolean): void {
    if (name === 'html') {
      if (this.html) this.mergeAttribs(this.html, attribs);
      else {
        this.html = new Node('tag', 'html', attribs, undefined, start);
        this.append(this.root, this.html);
        this.stack.push(this.html);
      }
      return;
    }
    const html = this.ensureHtml();
    if (!this.body) {
      if (name === 'head') {
        if (!this.head) {
          this.head = new Node('tag', 'head', attribs, undefined, start);
          this.append(html, this.head);
          this.push(this.head);
        }
        return;
      }
      if (name === 'body' || name === 'frameset') {
        this.ensureBody(name, attribs, start);
        return;
      }
      if (HEAD_TAGS.has(name)) {
        // Head content goes into the open head element (or into `head` after `</head>`).
        if (!this.head) {
          this.head = new Node('tag', 'head', {}, undefined, start);
          this.append(html, this.head);
          this.push(this.head);
        }
        this.insert(name, attribs, start, selfClosing, this.current() === html ? this.head : undefined);
        return;
      }
      // Anything else starts the body.
      this.ensureBody('body', {}, start);
    } else if (name === 'body') {
      this.mergeAttribs(this.body, attribs);
      return;
    } else if (name === 'head' || name === 'frameset') return;

    this.closeImplied(name);
    this.insert(name, attribs, start, selfClosing);
  }

  /** Start tags that end open elements (the standard's "in body" rules, the ones that matter for text). */
  private closeImplied(name: string): void {
    if (this.openP > 0 && CLOSES_P.has(name)) {
      const i = this.find('p', SCOPE, 'button');
      if (i >= 0) this.popTo(i);
    }
    if (name === 'li') {
      const i = this.findItem('li');
      if (i >= 0) this.popTo(i);
    } else if (name === 'dd' || name === 'dt') {
      const i = this.findItem('dd', 'dt');
      if (i >= 0) this.popTo(i);
    } else if (HEADINGS.has(name)) {
      if (HEADINGS.has(this.current().name as string) && this.stack.length - 1 > this.base) this.popTo(this.stack.length - 1);
    } else if (name === 'option' || name === 'optgroup') {
      if (this.current().name === 'option') this.popTo(this.stack.length - 1);
      if (name === 'optgroup' && this.current().name === 'optgroup') this.popTo(this.stack.length - 1);
    } else if (name === 'a') {
      if (this.openA > 0) {
        const i = this.find('a', SCOPE);
        if (i >= 0) this.popTo(i);
      }
    } else if (name === 'td' || name === 'th') {
      const i = this.find(CELLS, TABLE_SCOPE);
      if (i >= 0) this.popTo(i);
    } else if (name === 'tr') {
      const i = this.find('tr', TABLE_SCOPE);
      if (i >= 0) this.popTo(i);
    } else if (name === 'tbody' || name === 'thead' || name === 'tfoot') {
      const i = this.find(TABLE_SECTIONS, TABLE_SCOPE);
      if (i >= 0) this.popTo(i);
    }
  }

  /** The nearest open `a` or `b` list item / definition, unless a special element other than address, div or p comes first. */
  private findItem(a: string, b?: string): number {
    for (let i = this.stack.length - 1; i > this.base; i--) {
      const n = this.stack[i]!.name as string;
      if (n === a || n === b) return i;
      if (SPECIAL.has(n) && n !== 'address' && n !== 'div' && n !== 'p') return -1;
    }
    return -1;
  }

  private insert(name: string, attribs: Record<string, string>, start: number, selfClosing: boolean, parent?: Node): void {
    const isVoid = VOID.has(name);
    if (!isVoid && this.stack.length - this.base > MAX_DEPTH) {
      if (!selfClosing) this.excess.push(name);
      return;
    }
    const el = new Node(elementType(name), name, attribs, undefined, start);
    // `parent`: a closed element to put it in (a head element after `</head>`); it is still left open.
    this.append(parent ?? this.current(), el);
    if (!isVoid && !selfClosing) this.push(el);
  }

  private endTag(name: string, start: number): void {
    if (this.excess.length > 0 && this.excess[this.excess.length - 1] === name) {
      this.excess.pop();
      return;
    }
    if (name === 'html' || name === 'body') return;
    if (name === 'br') {
      this.ensureHtml();
      if (!this.body) this.ensureBody();
      this.insert('br', {}, start, true);
      return;
    }
    if (!this.body && name !== 'head') {
      // Before the body only head elements are open.
      if (this.current().name === name && this.stack.length > 1) this.popTo(this.stack.length - 1);
      if (name !== 'p') return;
    }
    if (name === 'head') {
      if (this.current() === this.head) this.popTo(this.stack.length - 1);
      return;
    }
    if (name === 'p') {
      const i = this.openP > 0 ? this.find('p', SCOPE, 'button') : -1;
      if (i >= 0) this.popTo(i);
      else {
        // `</p>` without an open paragraph makes an empty one, as browsers do.
        this.ensureBody();
        this.insert('p', {}, start, true);
      }
      return;
    }
    let i: number;
    if (name === 'li') i = this.find('li', SCOPE, LIST_SCOPE);
    else if (HEADINGS.has(name)) i = this.find(HEADINGS, SCOPE);
    else if (TABLE_PARTS.has(name)) i = this.find(name, TABLE_SCOPE);
    else i = this.find(name, SCOPE);
    if (i >= 0) this.popTo(i);
  }

  private flushText(): void {
    const text = this.text;
    if (text === '') return;
    this.text = '';
    let parent = this.current();
    if (!this.body && (parent === this.root || parent === this.html || parent === this.head)) {
      if (isWhitespaceOnly(text)) return;
      parent = this.ensureBody();
    }
    const kids = parent.children as DomNode[];
    const last = kids[kids.length - 1];
    if (last && last.type === 'text') {
      last.data += text;
      return;
    }
    this.append(parent, new Node('text', undefined, undefined, text, this.textStart));
  }
}

const TABLE_SECTIONS: ReadonlySet<string> = new Set(['tbody', 'thead', 'tfoot']);
const LIST_SCOPE: ReadonlySet<string> = new Set(['ol', 'ul']);
const CELLS: ReadonlySet<string> = new Set(['td', 'th']);

/** Parse a page into a document tree (see the module comment). */
export function parseHtmlDocument(html: string): DomNode {
  const builder = new TreeBuilder(html);
  const tokenizer = createTokenizer(builder);
  tokenizer.write(html);
  tokenizer.end();
  return builder.root;
}
