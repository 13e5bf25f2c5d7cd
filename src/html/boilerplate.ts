/**
 * Which elements are page furniture rather than article text: by tag, by visibility, and by the
 * words in their `class` / `id` / `role`. The knobs are data, each with what it guards against.
 */

import { attr, tagName, type DomNode } from './dom.js';

/** Never text: code, embedded objects, form controls, media. */
export const NEVER_TEXT_TAGS: ReadonlySet<string> = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet',
  'svg', 'math', 'canvas', 'video', 'audio', 'map', 'button', 'input', 'select', 'textarea', 'option',
  'label', 'dialog', 'head', 'title', 'meta', 'link', 'base', 'img', 'picture', 'source',
]);

/** Page furniture by tag: menus, captions, side boxes. (`header`/`footer` are judged by context.) */
export const FURNITURE_TAGS: ReadonlySet<string> = new Set(['nav', 'aside', 'figcaption', 'menu']);

/** ARIA roles of furniture. */
const FURNITURE_ROLES: ReadonlySet<string> = new Set([
  'navigation', 'banner', 'contentinfo', 'complementary', 'menu', 'menubar', 'search', 'dialog', 'alert',
  'alertdialog', 'toolbar', 'tablist', 'form',
]);

/**
 * class/id words that mark furniture when they appear anywhere in a class or id (long words that
 * cannot be part of an ordinary word by accident).
 */
const NEGATIVE_SUBSTRINGS: readonly string[] = [
  'cookie', 'consent', 'gdpr', 'share', 'sharing', 'social', 'related', 'recommend', 'newsletter',
  'subscri', 'promo', 'advert', 'sponsor', 'sidebar', 'widget', 'popup', 'modal', 'breadcrumb',
  'pagination', 'masthead', 'outbrain', 'taboola', 'disqus', 'comment', 'footer', 'navbar', 'toolbar',
  'banner', 'skiplink', 'skip-link', 'signup', 'paywall', 'teaser-list', 'most-popular', 'mostpopular',
  'trending', 'login', 'dropdown', 'tooltip', 'overlay', 'jump-to', 'print-only', 'screen-reader',
  'sr-only', 'visually-hidden', 'visuallyhidden', 'offscreen', 'rss', 'follow', 'author-bio',
];
/** Short class/id tokens that mark furniture only as whole tokens (`ad` but not `header`). */
const NEGATIVE_TOKENS: ReadonlySet<string> = new Set([
  'ad', 'ads', 'adv', 'advert', 'adslot', 'nav', 'menu', 'tags', 'tag', 'tagcloud', 'skip', 'print',
  'meta', 'byline', 'dateline', 'share', 'sharebar', 'more', 'next', 'prev', 'shoutbox',
  'combx', 'community', 'remark', 'rating', 'rate', 'vote', 'credit', 'caption', 'wp-caption', 'sponsored',
]);
/** Words that mark the article itself (they outweigh one negative word in scoring). */
const POSITIVE_SUBSTRINGS: readonly string[] = [
  'article', 'content', 'postbody', 'bodytext', 'blog', 'hentry', 'prose', 'mathjax',
];
/** Positive words that are also negative substrings' neighbours: counted only as whole tokens. */
const POSITIVE_TOKENS: ReadonlySet<string> = new Set(['post', 'body', 'column', 'shadow', 'text', 'main', 'page', 'entry', 'story']);

/**
 * Any of `words` anywhere in a string: one alternation of literals (no quantifier, so linear), far
 * faster than a search per word.
 */
function anyOf(words: readonly string[]): RegExp {
  return new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'));
}
const NEGATIVE_WORD = anyOf(NEGATIVE_SUBSTRINGS);
const POSITIVE_WORD = anyOf(POSITIVE_SUBSTRINGS);

/** Separators between class/id tokens: anything but ASCII letters and digits. */
const NON_TOKEN = /[^a-z0-9]+/;

/** Ids made of this many hyphenated parts are slugs of headings, not furniture names. */
const SLUG_PARTS = 4;

function notSlug(name: string): boolean {
  let parts = 1;
  for (let i = 0; i < name.length; i++) {
    const c = name[i];
    if ((c === '-' || c === '_') && i > 0 && name[i - 1] !== '-' && name[i - 1] !== '_') parts++;
  }
  return parts < SLUG_PARTS;
}

/** The class and id text of an element, lower case; an id that is a heading slug (`sharing-with-a-developer`) is left out. */
function classText(el: DomNode): string {
  const id = (attr(el, 'id') ?? '').toLowerCase();
  return `${attr(el, 'class') ?? ''}`.toLowerCase() + (notSlug(id) ? ` ${id}` : '');
}

const NEGATIVE = 1;
const POSITIVE = 2;

/** The `NEGATIVE` | `POSITIVE` verdict on a class/id text (lower case). */
function flagsOfText(s: string): number {
  let flags = 0;
  if (s.trim() === '') return flags;
  if (NEGATIVE_WORD.test(s)) flags |= NEGATIVE;
  if (POSITIVE_WORD.test(s)) flags |= POSITIVE;
  if (flags !== (NEGATIVE | POSITIVE)) {
    for (const t of s.split(NON_TOKEN)) {
      if (NEGATIVE_TOKENS.has(t)) flags |= NEGATIVE;
      if (POSITIVE_TOKENS.has(t)) flags |= POSITIVE;
    }
  }
  return flags;
}

/**
 * Verdicts by attribute text, computed once per distinct text: a page repeats the same few
 * hundred class names on thousands of elements. Elements with a class and no id are looked up by
 * the class attribute as written; those with an id by their class/id text. Each table is emptied
 * when it reaches `MAX_CACHED`, so a long batch cannot grow it without bound.
 */
const byClass = new Map<string, number>();
const byClassAndId = new Map<string, number>();
const MAX_CACHED = 20_000;

function cached(table: Map<string, number>, key: string, el: DomNode): number {
  let flags = table.get(key);
  if (flags === undefined) {
    flags = flagsOfText(classText(el));
    if (table.size >= MAX_CACHED) table.clear();
    table.set(key, flags);
  }
  return flags;
}

function classFlags(el: DomNode): number {
  const a = el.attribs;
  if (!a) return 0;
  const cls = a['class'];
  const id = a['id'];
  if (id === undefined) return cls === undefined ? 0 : cached(byClass, cls, el);
  return cached(byClassAndId, classText(el), el);
}

/** True when the element's class or id names page furniture (share bar, ad, cookie banner, …). */
export function hasNegativeClass(el: DomNode): boolean {
  return (classFlags(el) & NEGATIVE) !== 0;
}

/** True when the element's class or id names article content. */
export function hasPositiveClass(el: DomNode): boolean {
  return (classFlags(el) & POSITIVE) !== 0;
}

/** A score adjustment from class/id words: +25 for article words, −25 for furniture words. */
export function classWeight(el: DomNode): number {
  const t = tagName(el);
  const a = el.attribs;
  // The semantic article containers count as an article word.
  let w = t === 'main' || t === 'article' ? 25 : 0;
  if (!a) return w;
  // schema.org microdata naming the article body outweighs any class word.
  const itemprop = a['itemprop'];
  if (itemprop !== undefined && itemprop.toLowerCase().includes('articlebody')) return 25;
  const role = a['role'];
  if (w === 0 && role !== undefined) {
    const r = role.toLowerCase();
    if (r === 'main' || r === 'article') w = 25;
  }
  const flags = classFlags(el);
  if ((flags & NEGATIVE) !== 0) w -= 25;
  if ((flags & POSITIVE) !== 0) w += 25;
  return w;
}

/** Inline styles that hide an element. */
const HIDING_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;

/** True when the element is hidden by markup (`hidden`, `aria-hidden`, inline `display:none`). */
export function isHidden(el: DomNode): boolean {
  const a = el.attribs;
  if (!a) return false;
  if ('hidden' in a) return true;
  if (a['aria-hidden'] === 'true') return true;
  if ((a['type'] ?? '').toLowerCase() === 'hidden') return true;
  const style = a['style'];
  return style !== undefined && HIDING_STYLE.test(style);
}

/**
 * True for elements whose whole subtree is never article text: code, controls, media, hidden
 * nodes and comments sections. Judged without context, so it is safe anywhere in the page.
 */
export function isNeverText(el: DomNode): boolean {
  const t = tagName(el);
  if (NEVER_TEXT_TAGS.has(t)) return true;
  return isHidden(el);
}

/** True for furniture by tag or ARIA role (menus, asides, captions, banners, footers). */
export function isFurnitureByRole(el: DomNode): boolean {
  if (FURNITURE_TAGS.has(tagName(el))) return true;
  const role = (attr(el, 'role') ?? '').toLowerCase();
  return role !== '' && FURNITURE_ROLES.has(role);
}
