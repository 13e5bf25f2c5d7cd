/**
 * Markdown links in plain text: `[name](url)` → `name`, with the URL kept as an InlineLink.
 * A hand-written scanner: linear in the text, no backtracking.
 */

import type { InlineLink } from '../article/types.js';
import { cpLength } from './normalise-text.js';

const URL_START = /^(?:https?:\/\/|mailto:|\/|#|www\.)/i;

/** Longest link text and URL: the scans below never look further, so the time stays linear. */
const MAX_NAME = 500;
const MAX_URL = 2100;

/** Index of `ch` in `text` within [from, limit), stopping early at any of `stops`; -1 when absent. */
function findWithin(text: string, ch: string, from: number, limit: number, stops: string): number {
  const end = Math.min(text.length, limit);
  for (let i = from; i < end; i++) {
    const c = text[i]!;
    if (c === ch) return i;
    if (stops.includes(c)) return -1;
  }
  return -1;
}

/** Find the link that starts at `open` (a `[`), or null. Returns indexes into `text`. */
function linkAt(text: string, open: number): { name: string; url: string; end: number } | null {
  const close = findWithin(text, ']', open + 1, open + 1 + MAX_NAME, '[');
  if (close === -1 || text[close + 1] !== '(') return null;
  const name = text.slice(open + 1, close);
  if (name.trim() === '') return null;
  // a URL has no spaces and no unescaped brackets: a scan stops at the next one
  const urlEnd = findWithin(text, ')', close + 2, close + 2 + MAX_URL, ' \t[');
  if (urlEnd === -1) return null;
  const url = text.slice(close + 2, urlEnd).trim();
  if (url === '' || /\s/.test(url) || !URL_START.test(url)) return null;
  return { name, url, end: urlEnd + 1 };
}

/** Convert every `[name](url)` in `text`; returns the plain text and the links. */
export function convertMarkdownLinks(text: string): { text: string; links: InlineLink[] } {
  if (!text.includes('](')) return { text, links: [] };
  const links: InlineLink[] = [];
  let out = '';
  let outCp = 0;
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf('[', i);
    if (open === -1) break;
    const link = linkAt(text, open);
    if (link === null) {
      const chunk = text.slice(i, open + 1);
      out += chunk;
      outCp += cpLength(chunk);
      i = open + 1;
      continue;
    }
    const before = text.slice(i, open);
    out += before;
    outCp += cpLength(before);
    links.push({ text: link.name, url: link.url, start: outCp });
    out += link.name;
    outCp += cpLength(link.name);
    i = link.end;
  }
  out += text.slice(i);
  return { text: out, links };
}
