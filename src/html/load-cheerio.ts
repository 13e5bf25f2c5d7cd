/**
 * Parse a saved page with htmlparser2, the parser behind cheerio's slim entry, loaded on first
 * use only, synchronously, so a run over text or Markdown files never pays for it. htmlparser2 is
 * fast and forgiving (unclosed and misnested tags, framesets and XHTML all give a tree); nothing
 * on the page is ever executed or fetched. Node offsets (`startIndex`) are kept for line numbers.
 * Pathological nesting is flattened first (flatten-nesting.ts), so parsing stays linear.
 *
 * The parser is resolved from cheerio's own location (it is cheerio's dependency), and its
 * `parseDocument` is called directly: the document is the same one `cheerio.load(…).root()`
 * gives, without a query wrapper (and a new wrapper class) built around every page.
 */

import { createRequire } from 'node:module';
import type { DomNode } from './dom.js';
import { flattenDeepNesting } from './flatten-nesting.js';

/** The part of htmlparser2 this project uses. */
interface HtmlParser2 {
  parseDocument(html: string, options: { withStartIndices: boolean; xmlMode: boolean; decodeEntities: boolean }): unknown;
}

let cached: HtmlParser2 | null = null;

function parser(): HtmlParser2 {
  if (cached === null) {
    const fromHere = createRequire(import.meta.url);
    cached = createRequire(fromHere.resolve('cheerio/slim'))('htmlparser2') as HtmlParser2;
  }
  return cached;
}

/** Parse HTML and return the document root as the structural `DomNode` tree. */
export function parseHtmlDocument(html: string): DomNode {
  const root = parser().parseDocument(flattenDeepNesting(html), { withStartIndices: true, xmlMode: false, decodeEntities: true }) as DomNode;
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
