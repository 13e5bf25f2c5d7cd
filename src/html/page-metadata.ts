/**
 * Page-level metadata: `<meta>` tags (Open Graph, Twitter, Dublin Core, article:*), JSON-LD
 * (`NewsArticle` and friends, `@graph` too), `<title>`, `<link rel=canonical>`, `<html lang>` and
 * `dir`. JSON-LD is read with `JSON.parse` only: nothing on the page is ever executed.
 */

import type { Direction } from '../article/types.js';
import { attr, collapseSpaces, findAll, findFirst, tagName, textData, type DomNode, childrenOf, plainText } from './dom.js';

/** Everything the page says about itself; any field may be missing. */
export interface PageMetadata {
  /** Title from metadata (JSON-LD headline, og:title, twitter:title, dc.title), as declared. */
  metaTitle?: string;
  /** The `<title>` element's text. */
  documentTitle?: string;
  description?: string;
  author?: string;
  published?: string;
  modified?: string;
  siteName?: string;
  canonicalUrl?: string;
  /** Primary language subtag of `<html lang>` (`de` for `de-DE`), lower case. */
  language?: string;
  direction?: Direction;
  /** JSON-LD `articleBody`, when declared: a hint for finding the container. */
  articleBody?: string;
}

/** JSON-LD types that describe an article. */
const ARTICLE_TYPES = /^(?:Article|NewsArticle|BlogPosting|Report|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|ReviewNewsArticle|BackgroundNewsArticle|ScholarlyArticle|TechArticle|SocialMediaPosting|LiveBlogPosting|WebPage|Blog)$/;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function str(v: Json | undefined): string | undefined {
  if (typeof v === 'string') {
    const s = collapseSpaces(v);
    return s === '' ? undefined : s;
  }
  if (Array.isArray(v)) return str(v[0]);
  return undefined;
}

function nameOf(v: Json | undefined): string | undefined {
  if (typeof v === 'string') return str(v);
  if (Array.isArray(v)) {
    const names = v.map((x) => nameOf(x)).filter((x): x is string => x !== undefined);
    return names.length > 0 ? names.join(', ') : undefined;
  }
  if (v && typeof v === 'object') return str(v['name']);
  return undefined;
}

function typesOf(o: { [k: string]: Json }): string[] {
  const t = o['@type'];
  if (typeof t === 'string') return [t];
  if (Array.isArray(t)) return t.filter((x): x is string => typeof x === 'string');
  return [];
}

/** All JSON-LD objects on the page, `@graph` members flattened. */
function jsonLdObjects(doc: DomNode): { [k: string]: Json }[] {
  const out: { [k: string]: Json }[] = [];
  for (const s of findAll(doc, (el) => tagName(el) === 'script' && (attr(el, 'type') ?? '').toLowerCase().includes('ld+json'))) {
    const text = childrenOf(s).map((c) => c.data ?? textData(c)).join('');
    let parsed: Json;
    try {
      parsed = JSON.parse(text.replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, '')) as Json;
    } catch {
      continue;
    }
    const queue: Json[] = [parsed];
    while (queue.length > 0 && out.length < 200) {
      const v = queue.shift() as Json;
      if (Array.isArray(v)) queue.push(...v);
      else if (v && typeof v === 'object') {
        out.push(v);
        const g = v['@graph'];
        if (g) queue.push(g);
      }
    }
  }
  return out;
}

/** Read the page's metadata. */
export function readPageMetadata(doc: DomNode): PageMetadata {
  const meta = new Map<string, string>();
  let canonical: string | undefined;
  for (const el of findAll(doc, (e) => tagName(e) === 'meta' || tagName(e) === 'link')) {
    if (tagName(el) === 'link') {
      const rel = (attr(el, 'rel') ?? '').toLowerCase().split(/\s+/);
      if (rel.includes('canonical') && !canonical) canonical = attr(el, 'href')?.trim() || undefined;
      continue;
    }
    const content = attr(el, 'content');
    if (content === undefined) continue;
    const value = collapseSpaces(content);
    if (value === '') continue;
    for (const keyAttr of ['property', 'name', 'itemprop']) {
      const keys = (attr(el, keyAttr) ?? '').toLowerCase().split(/\s+/);
      for (const k of keys) if (k && !meta.has(k)) meta.set(k, value);
    }
  }
  const md: PageMetadata = {};
  const ld = jsonLdObjects(doc);
  const article = ld.find((o) => typesOf(o).some((t) => ARTICLE_TYPES.test(t) && t !== 'WebPage' && t !== 'Blog')) ?? ld.find((o) => typesOf(o).some((t) => ARTICLE_TYPES.test(t)));

  const pick = (...vals: (string | undefined)[]): string | undefined => vals.find((v) => v !== undefined && v !== '');
  const metaTitle = pick(str(article?.['headline']), meta.get('og:title'), meta.get('twitter:title'), meta.get('dc.title'), meta.get('dcterm:title'), meta.get('title'), str(article?.['name']));
  if (metaTitle) md.metaTitle = metaTitle;
  const titleEl = findFirst(doc, (el) => tagName(el) === 'title');
  if (titleEl) {
    const t = plainText(titleEl);
    if (t) md.documentTitle = t;
  }
  const description = pick(meta.get('description'), meta.get('og:description'), meta.get('twitter:description'), meta.get('dc.description'), str(article?.['description']));
  if (description) md.description = description;
  const metaAuthor = meta.get('author') ?? meta.get('article:author') ?? meta.get('dc.creator') ?? meta.get('parsely-author');
  const author = pick(nameOf(article?.['author']), metaAuthor && !/^https?:/i.test(metaAuthor) ? metaAuthor : undefined);
  if (author) md.author = author;
  const published = pick(str(article?.['datePublished']), meta.get('article:published_time'), meta.get('og:published_time'), meta.get('datepublished'), meta.get('date'), meta.get('dc.date'), meta.get('parsely-pub-date'));
  if (published) md.published = published;
  const modified = pick(str(article?.['dateModified']), meta.get('article:modified_time'), meta.get('og:updated_time'), meta.get('datemodified'));
  if (modified) md.modified = modified;
  const publisher = ld.map((o) => nameOf(o['publisher'])).find((x) => x !== undefined);
  const siteName = pick(meta.get('og:site_name'), publisher, meta.get('application-name'));
  if (siteName) md.siteName = siteName;
  const canonicalUrl = pick(canonical, meta.get('og:url'), str(article?.['url']));
  if (canonicalUrl) md.canonicalUrl = canonicalUrl;
  const body = str(article?.['articleBody']);
  if (body) md.articleBody = body;

  const html = findFirst(doc, (el) => tagName(el) === 'html');
  const body0 = findFirst(doc, (el) => tagName(el) === 'body');
  const lang = (attr(html ?? doc, 'lang') ?? attr(html ?? doc, 'xml:lang') ?? meta.get('og:locale') ?? meta.get('content-language') ?? '').trim();
  const primary = lang.split(/[-_]/)[0]?.toLowerCase() ?? '';
  if (/^[a-z]{2,3}$/.test(primary)) md.language = primary;
  const dir = (attr(html ?? doc, 'dir') ?? (body0 ? attr(body0, 'dir') : undefined) ?? '').trim().toLowerCase();
  if (dir === 'rtl' || dir === 'ltr') md.direction = dir;
  return md;
}
