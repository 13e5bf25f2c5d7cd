/**
 * Markdown links in plain text: `[name](url)` → `name`, with the URL kept as an InlineLink.
 * A hand-written scanner: linear in the text, no backtracking.
 */

import type { InlineLink } from '../article/types.js';
import { cpLength } from './normalise-text.js';

const URL_START = /^(?:https?:\/\/|mailto:|\/|#|www\.)/i;

/** Find the link that starts at `open` (a `[`), or null. Returns indexes into `text`. */
function linkAt(text: string, open: number): { name: string; url: string; end: number } | null {
  const close = text.indexOf(']', open + 1);
  if (close === -1 || close - open > 500 || text[close + 1] !== '(') return null;
  const name = text.slice(open + 1, close);
  if (name.trim() === '' || name.includes('[')) return null;
  const urlEnd = text.indexOf(')', close + 2);
  if (urlEnd === -1 || urlEnd - close > 2100) return null;
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
