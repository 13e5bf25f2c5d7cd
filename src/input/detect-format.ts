/**
 * Which reader to use: by the file name's extension, then by sniffing the first characters.
 */

import type { InputFormat } from '../article/types.js';

export type InputFormatOption = 'auto' | InputFormat;

const HTML_EXTENSIONS = new Set(['.html', '.htm', '.xhtml', '.shtml', '.php', '.asp', '.aspx', '.jsp']);
const MARKDOWN_EXTENSIONS = new Set(['.md', '.markdown', '.mdown', '.mkd']);
const TEXT_EXTENSIONS = new Set(['.txt', '.text']);

/** How many characters the sniffer looks at. */
export const SNIFF = 2048;
const HTML_START = /^\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<\?xml[^>]*>\s*(?:<!doctype\s+html|<html))/iu;
const HTML_TAGS = /<(?:div|p|article|main|section|meta|title|script|span|a\s+href|h[1-6])[\s>]/giu;

function extension(path: string): string {
  const slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  const name = path.slice(slash + 1).toLowerCase();
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot);
}

/** True when text starts with YAML front matter (`---` line … `---` line). */
export function hasFrontMatter(text: string): boolean {
  if (!text.startsWith('---\n')) return false;
  const end = text.indexOf('\n---', 4);
  return end !== -1 && (text[end + 4] === '\n' || end + 4 === text.length);
}

/** The input format an explicit option or the file name's extension gives, or null when the content must decide. */
export function formatByName(path: string | null, option: InputFormatOption = 'auto'): InputFormat | null {
  if (option !== 'auto') return option;
  if (path !== null) {
    const ext = extension(path);
    if (HTML_EXTENSIONS.has(ext)) return 'html';
    if (MARKDOWN_EXTENSIONS.has(ext)) return 'markdown';
    if (TEXT_EXTENSIONS.has(ext)) return 'text';
  }
  return null;
}

/** Decide the input format. An explicit option wins; then the extension; then the content. */
export function detectFormat(text: string, path: string | null, option: InputFormatOption = 'auto'): InputFormat {
  const named = formatByName(path, option);
  if (named !== null) return named;
  const head = text.slice(0, SNIFF);
  if (HTML_START.test(head)) return 'html';
  const tags = head.match(HTML_TAGS);
  if (tags !== null && tags.length >= 3) return 'html';
  if (hasFrontMatter(text)) return 'markdown';
  return 'text';
}
