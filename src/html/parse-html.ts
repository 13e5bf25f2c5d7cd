/**
 * Parse a saved page with htmlparser2, the parser behind cheerio's slim entry, loaded on first
 * use only, synchronously, so a run over text or Markdown files never pays for it. htmlparser2 is
 * fast and forgiving (unclosed and misnested tags, framesets and XHTML all give a tree); nothing
 * on the page is ever executed or fetched. Node offsets (`startIndex`) are kept for line numbers.
 *
 * The parser is resolved from cheerio's own location (it is cheerio's dependency) and driven
 * directly: the document is the same one `cheerio.load(…).root()` gives, without a query wrapper
 * (and a new wrapper class) built around every page.
 *
 * The parser's cost per tag grows with the number of open elements, so pathological nesting would
 * make parsing quadratic. The page is parsed as it is while no more than `MAX_DEPTH` elements are
 * open at once; a page that goes deeper is parsed again after its excess nesting has been flattened
 * (flatten-nesting.ts). Either way parsing stays linear, and ordinary pages are read only once.
 */

import { createRequire } from 'node:module';
import type { DomNode } from './dom.js';
import { flattenDeepNesting, MAX_DEPTH } from './flatten-nesting.js';

interface ParseOptions {
  withStartIndices: boolean;
  xmlMode: boolean;
  decodeEntities: boolean;
}

/** The tree builder: its document root and its stack of open elements (the root first). */
interface TreeBuilder {
  root: unknown;
  tagStack: unknown[];
  onopentag(name: string, attribs: Record<string, string>): void;
}

/** The part of htmlparser2 this project uses. */
interface HtmlParser2 {
  DomHandler: new (callback: undefined, options: ParseOptions) => TreeBuilder;
  Parser: new (handler: TreeBuilder, options: ParseOptions) => { end(html: string): void };
}

const OPTIONS: ParseOptions = { withStartIndices: true, xmlMode: false, decodeEntities: true };

let cached: HtmlParser2 | null = null;

function htmlparser2(): HtmlParser2 {
  if (cached === null) {
    const fromHere = createRequire(import.meta.url);
    cached = createRequire(fromHere.resolve('cheerio/slim'))('htmlparser2') as HtmlParser2;
  }
  return cached;
}

/** Thrown out of the parser when a page opens more than `MAX_DEPTH` elements at once. */
const TOO_DEEP = new Error('nesting deeper than the parser is allowed to go');

/** Parse `html`; with a depth limit, `null` when the page goes deeper than `MAX_DEPTH`. */
function parse(html: string, limitDepth: boolean): DomNode | null {
  const { DomHandler, Parser } = htmlparser2();
  const builder = new DomHandler(undefined, OPTIONS);
  if (limitDepth) {
    const open = builder.onopentag;
    builder.onopentag = (name, attribs) => {
      open.call(builder, name, attribs);
      if (builder.tagStack.length > MAX_DEPTH + 1) throw TOO_DEEP;
    };
  }
  try {
    new Parser(builder, OPTIONS).end(html);
  } catch (error) {
    if (error === TOO_DEEP) return null;
    throw error;
  }
  return builder.root as DomNode;
}

/** Parse HTML and return the document root as the structural `DomNode` tree. */
export function parseHtmlDocument(html: string): DomNode {
  const root = parse(html, true) ?? (parse(flattenDeepNesting(html), false) as DomNode);
  ensureBody(root);
  return root;
}

function isTag(node: DomNode, name: string): boolean {
  return node.type === 'tag' && node.name === name;
}

/**
 * Browsers imply `<html>` and `<body>` when a page leaves them out (a saved fragment, a page that
 * starts with `<p>`); the segmenter looks for the article inside `<body>`, so add the missing
 * ones the same way: everything but `<head>` content moves into a new `<body>`.
 */
function ensureBody(root: DomNode): void {
  const kids = root.children ?? [];
  if (kids.some((k) => isTag(k, 'frameset'))) return;
  let html = kids.find((k) => isTag(k, 'html'));
  if (html === undefined) {
    if (kids.some((k) => isTag(k, 'body'))) return;
    html = { type: 'tag', name: 'html', attribs: {}, parent: root, children: [], startIndex: 0 };
    const keep = kids.filter((k) => k.type === 'directive');
    const move = kids.filter((k) => k.type !== 'directive');
    html.children = move;
    for (const k of move) k.parent = html;
    root.children = [...keep, html];
  }
  const inner = html.children ?? [];
  if (inner.some((k) => isTag(k, 'body') || isTag(k, 'frameset'))) return;
  const head = inner.filter((k) => isTag(k, 'head'));
  const rest = inner.filter((k) => !isTag(k, 'head'));
  const body: DomNode = { type: 'tag', name: 'body', attribs: {}, parent: html, children: rest, startIndex: rest[0]?.startIndex ?? 0 };
  for (const k of rest) k.parent = body;
  html.children = [...head, body];
}
