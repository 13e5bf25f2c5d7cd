/**
 * Page-level metadata: `<meta>` tags (Open Graph, Twitter, Dublin Core, article:*), JSON-LD
 * (`NewsArticle` and friends, `@graph` too), `<title>`, `<link rel=canonical>`, `<html lang>` and
 * `dir`. JSON-LD is read with `JSON.parse` only: nothing on the page is ever executed.
 */

import type { Direction } from '../article/types.js';
import { attr, collapseSpaces, tagName, textData, type DomNode, childrenOf, plainText } from './dom.js';
import type { PageSurvey } from './survey.js';

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

/** Meta properties that declare the title, most specific standard first. */
const TITLE_KEYS = ['dc:title', 'dcterm:title', 'dcterms:title', 'og:title', 'weibo:article:title', 'weibo:webpage:title', 'title', 'twitter:title', 'parsely-title'];
const DESCRIPTION_KEYS = ['dc:description', 'dcterm:description', 'dcterms:description', 'og:description', 'weibo:article:description', 'weibo:webpage:description', 'description', 'twitter:description'];
const AUTHOR_KEYS = ['dc:creator', 'dcterm:creator', 'dcterms:creator', 'author', 'article:author', 'parsely-author'];

function tokenSet(s: string): Set<string> {
  return new Set(s.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean));
}

/** Share of `a`'s words that also occur in `b`, 0..1. */
function overlap(a: string, b: string): number {
  const ta = tokenSet(a);
  const tb = tokenSet(b);
  if (ta.size === 0) return 0;
  let hit = 0;
  for (const t of ta) if (tb.has(t)) hit++;
  return hit / ta.size;
}

/**
 * The JSON-LD title. When `name` and `headline` differ (some sites put their own name, or a
 * description, in one of them), the one that agrees with the document `<title>` wins; else `name`.
 */
function jsonLdTitle(article: { [k: string]: Json } | undefined, documentTitle: string | undefined): string | undefined {
  const name = str(article?.['name']);
  const headline = str(article?.['headline']);
  if (name && headline && name !== headline && documentTitle) {
    return overlap(headline, documentTitle) > overlap(name, documentTitle) ? headline : name;
  }
  return name ?? headline;
}

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

/** All JSON-LD objects in the page's JSON-LD scripts, `@graph` members flattened. */
function jsonLdObjects(scripts: readonly DomNode[]): { [k: string]: Json }[] {
  const out: { [k: string]: Json }[] = [];
  for (const s of scripts) {
    const text = childrenOf(s).map((c) => c.data ?? textData(c)).join('');
    let parsed: Json;
    try {
      parsed = JSON.parse(text.replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, '')) as Json;
    } catch {
      continue;
    }
    // A queue read by index (no shift, no argument spreads: a JSON-LD array may be huge).
    const queue: Json[] = [parsed];
    for (let q = 0; q < queue.length && out.length < 200; q++) {
      const v = queue[q] as Json;
      if (Array.isArray(v)) for (const x of v) queue.push(x);
      else if (v && typeof v === 'object') {
        out.push(v);
        const g = v['@graph'];
        if (g) queue.push(g);
      }
    }
  }
  return out;
}

/** Read the page's metadata from the elements the survey collected. */
export function readPageMetadata(doc: DomNode, survey: PageSurvey): PageMetadata {
  const meta = new Map<string, string>();
  let canonical: string | undefined;
  for (const el of survey.metaAndLinks) {
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
      for (const k of keys) {
        // `DC.title` and `dc:title` are the same property.
        const key = k.startsWith('dc.') || k.startsWith('dcterm.') || k.startsWith('dcterms.') ? k.replace('.', ':') : k;
        if (key && !meta.has(key)) meta.set(key, value);
      }
    }
  }
  const md: PageMetadata = {};
  const ld = jsonLdObjects(survey.jsonLdScripts);
  const article = ld.find((o) => typesOf(o).some((t) => ARTICLE_TYPES.test(t) && t !== 'WebPage' && t !== 'Blog')) ?? ld.find((o) => typesOf(o).some((t) => ARTICLE_TYPES.test(t)));

  const pick = (...vals: (string | undefined)[]): string | undefined => vals.find((v) => v !== undefined && v !== '');
  const titleEl = survey.title;
  if (titleEl) {
    const t = plainText(titleEl);
    if (t) md.documentTitle = t;
  }
  const metaTitle = pick(jsonLdTitle(article, md.documentTitle), ...TITLE_KEYS.map((k) => meta.get(k)));
  if (metaTitle) md.metaTitle = metaTitle;
  const description = pick(...DESCRIPTION_KEYS.map((k) => meta.get(k)), str(article?.['description']));
  if (description) md.description = description;
  const metaAuthor = pick(...AUTHOR_KEYS.map((k) => meta.get(k)));
  const author = pick(nameOf(article?.['author']), metaAuthor && !/^https?:/i.test(metaAuthor) ? metaAuthor : undefined);
  if (author) md.author = author;
  const published = pick(str(article?.['datePublished']), meta.get('article:published_time'), meta.get('og:published_time'), meta.get('datepublished'), meta.get('date'), meta.get('dc:date'), meta.get('dcterms:created'), meta.get('parsely-pub-date'));
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

  const html = survey.html;
  const body0 = survey.body;
  const lang = (attr(html ?? doc, 'lang') ?? attr(html ?? doc, 'xml:lang') ?? meta.get('og:locale') ?? meta.get('content-language') ?? '').trim();
  const primary = lang.split(/[-_]/)[0]?.toLowerCase() ?? '';
  if (/^[a-z]{2,3}$/.test(primary)) md.language = primary;
  const dir = (attr(html ?? doc, 'dir') ?? (body0 ? attr(body0, 'dir') : undefined) ?? '').trim().toLowerCase();
  if (dir === 'rtl' || dir === 'ltr') md.direction = dir;
  return md;
}
