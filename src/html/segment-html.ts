/**
 * The HTML segmenter: a saved web page → the same `SourceBlock` list the text segmenter makes,
 * plus what the page says about itself (`DocumentHints`).
 *
 * Stages: cap pathological nesting → parse (htmlparser2, loaded on first use) → measure every
 * element once → survey the page once (metadata elements, headings, comment list) → read page
 * metadata → find the details block and the reader comments → choose the article container →
 * walk it into blocks → append the details block as `metadata` blocks.
 * Nothing on the page is executed or fetched. A page with no article gives no body blocks.
 */

import type { DocumentHints, Segmented, SourceBlock } from '../article/blocks.js';
import { isInside, plainText, tagName, type DomNode } from './dom.js';
import { isNeverText } from './boilerplate.js';
import { readComments } from './comments.js';
import { COMMENTS_HEADING, DETAILS_HEADING, findShortTextElements, readDetailsBlock } from './details-block.js';
import { emitBlocks } from './emit-blocks.js';
import { findContent } from './find-content.js';
import { LineIndex } from './line-index.js';
import { parseHtmlDocument } from './parse-html.js';
import { readPageMetadata } from './page-metadata.js';
import { chooseTitle } from './page-title.js';
import { surveyPage } from './survey.js';
import { measureDocument } from './text-stats.js';

/** A container with less text than this (characters) is looked for again without class filtering. */
const RETRY_BELOW = 500;

function loose(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

function firstVisible(els: readonly DomNode[]): DomNode[] {
  return els.filter((el) => {
    for (let a: DomNode | null = el; a; a = a.parent) if (a.type !== 'root' && isNeverText(a)) return false;
    return true;
  });
}

/**
 * Segment an HTML page. Blocks come in document order with definite hints (`title`, `heading`
 * with `level`, `paragraph`, `listItem`, `quote`), the site's details block last as `metadata`
 * blocks; `hints` carries title, teaser, byline, dates, site name, canonical URL, language,
 * direction and reader comments.
 */
export function segmentHtml(html: string): Segmented {
  const doc = parseHtmlDocument(html);
  const lines = new LineIndex(html);
  const stats = measureDocument(doc);
  const survey = surveyPage(doc);
  const page = readPageMetadata(doc, survey);

  // Headings, for the title.
  const headingEls = firstVisible(survey.headings);
  const h1s = headingEls.filter((el) => tagName(el) === 'h1');
  const title = chooseTitle(page.metaTitle, page.documentTitle, h1s.map((el) => plainText(el)).filter(Boolean));

  // The details block and the comments are data, never body.
  const [detailsHeading = null, countEl = null] = findShortTextElements(doc, stats, [DETAILS_HEADING, COMMENTS_HEADING]);
  const details = readDetailsBlock(detailsHeading, stats, lines);
  const comments = readComments(countEl, survey.commentList);

  let choice = findContent(doc, stats, page.articleBody ?? null);
  const textOf = (c: typeof choice): number => (c.top === null ? -1 : c.roots.reduce((n, r) => n + (stats.get(r)?.textLen ?? 0), 0));
  if (textOf(choice) < RETRY_BELOW) {
    const retry = findContent(doc, stats, page.articleBody ?? null, { skipNegative: false });
    if (textOf(retry) > textOf(choice)) choice = retry;
  }
  const keep = new Set<DomNode>();
  for (let a = choice.top; a && !choice.roots.includes(a); a = a.parent) keep.add(a);
  const skip = new Set<DomNode>();
  if (details) skip.add(details.node);
  if (comments && !choice.roots.some((r) => isInside(r, comments.node))) skip.add(comments.node);
  if (countEl) skip.add(countEl);

  // The article's h1: the one matching the title, else the first inside the container.
  const titleKey = title ? loose(title) : '';
  let titleElement = h1s.find((el) => titleKey !== '' && loose(plainText(el)) === titleKey) ?? null;
  titleElement ??= h1s.find((el) => choice.roots.some((r) => isInside(el, r))) ?? null;
  if (!titleElement && h1s.length === 1) titleElement = h1s[0] ?? null;

  const body = emitBlocks(choice.roots, { stats, lines, titleElement, skip, keep });
  const blocks: SourceBlock[] = [];
  if (titleElement && body.length > 0 && !choice.roots.some((r) => isInside(titleElement, r))) {
    const text = plainText(titleElement);
    if (text) blocks.push({ text, raw: text, line: lines.lineOf(titleElement.startIndex ?? 0), hint: 'title' });
  }
  for (const b of body) blocks.push(b);

  if (details || countEl) {
    const meta = details?.blocks ?? [];
    for (const b of meta) blocks.push(b);
    const hasCount = meta.some((b) => COMMENTS_HEADING.test(b.text));
    if (countEl && !hasCount) {
      const text = plainText(countEl);
      blocks.push({ text, raw: text, line: lines.lineOf(countEl.startIndex ?? 0), hint: 'metadata' });
    }
  }

  const hints: DocumentHints = {};
  if (title) hints.title = title;
  if (page.description) hints.teaser = page.description;
  if (page.author) hints.author = page.author;
  if (page.published) hints.published = page.published;
  if (page.modified) hints.modified = page.modified;
  if (page.siteName) hints.siteName = page.siteName;
  if (page.canonicalUrl) hints.canonicalUrl = page.canonicalUrl;
  if (page.language) hints.language = page.language;
  if (page.direction) hints.direction = page.direction;
  if (comments && comments.comments.length > 0) hints.commentList = comments.comments;
  return { blocks, hints };
}
