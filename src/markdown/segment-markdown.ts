/**
 * Markdown segmenter: reads the Markdown article-parse writes (YAML front matter, ATX headings,
 * paragraphs, `-`/`1.` lists, `>` quotes, `[text](url)` links, backslash escapes) and plain
 * Markdown articles of the same shape, into the shared block model.
 */

import { yaml } from '../lazy/yaml.js';
import type { DocumentHints, Segmented, SourceBlock } from '../article/blocks.js';
import type { Comment, Direction, InlineLink, MetadataField, SourceRef } from '../article/types.js';
import { hasFrontMatter } from '../input/detect-format.js';
import { unescapeMarkdown } from './escape.js';

const BULLET = /^[-+*][ \t]+(.*)$/u;
const ORDERED = /^\d{1,9}[.)][ \t]+(.*)$/u;
const QUOTE = /^>[ \t]?(.*)$/u;
const EMPTY_COMMENT = /^<!--.*-->$/u;

/** An ATX heading line (`## Text ##`): its level and content, or null. Linear, no regex. */
function readAtx(line: string): { level: number; content: string } | null {
  let level = 0;
  while (level < line.length && line[level] === '#') level++;
  if (level === 0 || level > 6) return null;
  if (level < line.length && line[level] !== ' ' && line[level] !== '\t') return null;
  let content = line.slice(level).trim();
  // a closing run of `#` preceded by a space (or alone) is not part of the heading
  let end = content.length;
  while (end > 0 && content[end - 1] === '#') end--;
  if (end < content.length && (end === 0 || content[end - 1] === ' ' || content[end - 1] === '\t')) content = content.slice(0, end).trimEnd();
  return { level, content };
}

/** Parse inline Markdown: links and escapes → plain text plus links (code-point offsets). */
export function parseInline(source: string): { text: string; links: InlineLink[] } {
  const links: InlineLink[] = [];
  let text = '';
  let cp = 0;
  let plain = '';
  const flush = (): void => {
    const t = unescapeMarkdown(plain);
    text += t;
    cp += [...t].length;
    plain = '';
  };
  let i = 0;
  while (i < source.length) {
    const ch = source[i]!;
    if (ch === '\\' && i + 1 < source.length) {
      plain += ch + source[i + 1];
      i += 2;
      continue;
    }
    if (ch === '[') {
      const link = readLink(source, i);
      if (link !== null) {
        flush();
        const label = unescapeMarkdown(link.label);
        links.push({ text: label, url: link.url, start: cp });
        text += label;
        cp += [...label].length;
        i = link.end;
        continue;
      }
    }
    plain += ch;
    i++;
  }
  flush();
  return { text, links };
}

/** Deepest nesting of parentheses in a bare link destination (CommonMark implementations use 32). */
const MAX_DESTINATION_PARENS = 32;

/**
 * Read `[label](dest)` at `open`; escapes inside are honoured. Linear over a whole line: a `<…>`
 * destination ends at the first unescaped `<` (as in CommonMark), and a bare one gives up past
 * {@link MAX_DESTINATION_PARENS} open parentheses, so `[a](` or `[a](<` repeated 100,000 times does
 * not rescan the rest of the line from every `[`.
 */
function readLink(s: string, open: number): { label: string; url: string; end: number } | null {
  let i = open + 1;
  while (i < s.length && s[i] !== ']') {
    if (s[i] === '[') return null;
    i += s[i] === '\\' ? 2 : 1;
  }
  if (i >= s.length || s[i + 1] !== '(') return null;
  const label = s.slice(open + 1, i);
  let j = i + 2;
  // Find the end first and build the destination once, on success (not a character at a time).
  if (s[j] === '<') {
    const start = ++j;
    while (j < s.length && s[j] !== '>') {
      if (s[j] === '<' || s[j] === '\n') return null;
      j += s[j] === '\\' && j + 1 < s.length ? 2 : 1;
    }
    if (s[j] !== '>' || s[j + 1] !== ')') return null;
    return { label, url: dropEscapes(s.slice(start, j)), end: j + 2 };
  }
  const start = j;
  let depth = 0;
  while (j < s.length) {
    const c = s[j]!;
    if (c === '\\' && j + 1 < s.length) {
      j += 2;
      continue;
    }
    if (c === '(' && ++depth > MAX_DESTINATION_PARENS) return null;
    if (c === ')') {
      if (depth === 0) break;
      depth--;
    }
    if (/\s/u.test(c)) return null;
    j++;
  }
  if (s[j] !== ')' || j === start) return null;
  return { label, url: dropEscapes(s.slice(start, j)), end: j + 1 };
}

/** A link destination without its backslashes: `\x` → `x` for any x (a final lone `\` stays). */
function dropEscapes(raw: string): string {
  if (!raw.includes('\\')) return raw;
  let out = '';
  for (let k = 0; k < raw.length; k++) {
    if (raw[k] === '\\' && k + 1 < raw.length) k++;
    out += raw[k];
  }
  return out;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
}

function nullableStr(v: unknown): string | null | undefined {
  return v === null ? null : str(v);
}

function readFrontMatter(yamlText: string): DocumentHints {
  let data: unknown;
  try {
    data = yaml().parse(yamlText);
  } catch {
    return {};
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return {};
  const d = data as Record<string, unknown>;
  const hints: DocumentHints = { authoritative: true };
  const title = str(d['title']);
  if (title !== undefined) hints.title = title;
  const teaser = str(d['teaser']);
  if (teaser !== undefined) hints.teaser = teaser;
  const dateline = str(d['dateline']);
  if (dateline !== undefined) hints.dateline = dateline;
  const language = str(d['language']);
  if (language !== undefined) hints.language = language;
  const direction = d['direction'];
  if (direction === 'ltr' || direction === 'rtl') hints.direction = direction as Direction;
  const location = nullableStr(d['location']);
  if (location !== undefined) hints.location = location;
  if (Array.isArray(d['sources'])) {
    hints.sources = d['sources'].flatMap((s: unknown): SourceRef[] => {
      if (typeof s === 'string') return [{ name: s, url: null }];
      if (s === null || typeof s !== 'object') return [];
      const o = s as Record<string, unknown>;
      return [{ name: nullableStr(o['name']) ?? null, url: nullableStr(o['url']) ?? null }];
    });
  }
  const comments = d['comments'];
  if (typeof comments === 'number' && Number.isInteger(comments)) hints.comments = comments;
  else if (comments === null) hints.comments = null;
  const published = nullableStr(d['published']);
  if (published !== undefined) hints.publishedField = published;
  const modified = str(d['modified']);
  if (modified !== undefined) hints.modified = modified;
  const author = str(d['author']);
  if (author !== undefined) hints.author = author;
  const siteName = str(d['siteName']);
  if (siteName !== undefined) hints.siteName = siteName;
  const canonicalUrl = str(d['canonicalUrl']);
  if (canonicalUrl !== undefined) hints.canonicalUrl = canonicalUrl;
  if (Array.isArray(d['fields'])) {
    hints.fields = d['fields'].flatMap((f: unknown): MetadataField[] => {
      if (f === null || typeof f !== 'object') return [];
      const o = f as Record<string, unknown>;
      const label = str(o['label']);
      return label === undefined ? [] : [{ label, key: nullableStr(o['key']) ?? null, value: nullableStr(o['value']) ?? null }];
    });
  }
  if (Array.isArray(d['commentList'])) {
    hints.commentList = d['commentList'].flatMap((c: unknown): Comment[] => {
      if (c === null || typeof c !== 'object') return [];
      const o = c as Record<string, unknown>;
      const text = str(o['text']);
      return text === undefined ? [] : [{ author: nullableStr(o['author']) ?? null, date: nullableStr(o['date']) ?? null, text }];
    });
  }
  return hints;
}

function block(source: string, line: number, hint: SourceBlock['hint'], extra: Partial<SourceBlock> = {}): SourceBlock {
  const { text, links } = parseInline(source);
  const b: SourceBlock = { text, raw: text, line, hint, ...extra };
  if (links.length > 0) b.links = links;
  return b;
}

/** Split Markdown into blocks; front matter becomes authoritative hints. */
export function segmentMarkdown(input: string): Segmented {
  let body = input;
  let hints: DocumentHints = {};
  let lineOffset = 0;
  if (hasFrontMatter(input)) {
    const end = input.indexOf('\n---', 4);
    hints = readFrontMatter(input.slice(4, end + 1));
    const after = input.indexOf('\n', end + 4);
    body = after === -1 ? '' : input.slice(after + 1);
    lineOffset = input.slice(0, after + 1).split('\n').length - 1;
  }
  const lines = body.split('\n');
  const blocks: SourceBlock[] = [];
  let paragraph: { text: string; line: number } | null = null;
  let quote: { text: string; line: number } | null = null;
  let listId = 0;
  let inList: 'bullet' | 'ordered' | null = null;
  let itemSource = '';
  let sawTitle = false;
  const endParagraph = (): void => {
    if (paragraph !== null) blocks.push(block(paragraph.text, paragraph.line, 'paragraph'));
    paragraph = null;
  };
  const endQuote = (): void => {
    if (quote !== null) blocks.push(block(quote.text, quote.line, 'quote'));
    quote = null;
  };
  for (let n = 0; n < lines.length; n++) {
    const raw = lines[n]!;
    const line = n + 1 + lineOffset;
    const t = raw.trim();
    if (t === '') {
      endParagraph();
      endQuote();
      inList = null;
      continue;
    }
    if (EMPTY_COMMENT.test(t)) {
      endParagraph();
      endQuote();
      inList = null;
      continue;
    }
    const atx = readAtx(t);
    if (atx !== null) {
      endParagraph();
      endQuote();
      inList = null;
      const { level, content } = atx;
      const isTitle: boolean = level === 1 && !sawTitle && blocks.length === 0 && (hints.authoritative !== true || hints.title !== undefined);
      sawTitle ||= isTitle;
      blocks.push(block(content, line, isTitle ? 'title' : 'heading', isTitle ? {} : { level }));
      continue;
    }
    const q = QUOTE.exec(t);
    if (q !== null) {
      endParagraph();
      inList = null;
      if (quote === null) quote = { text: q[1]!.trim(), line };
      else quote.text += ' ' + q[1]!.trim();
      continue;
    }
    endQuote();
    const bullet = BULLET.exec(t);
    const ordered = bullet === null ? ORDERED.exec(t) : null;
    if (bullet !== null || ordered !== null) {
      endParagraph();
      const kind = bullet !== null ? 'bullet' : 'ordered';
      if (inList !== kind) listId++;
      inList = kind;
      itemSource = (bullet ?? ordered)![1]!.trim();
      blocks.push(block(itemSource, line, 'listItem', { listId, ordered: kind === 'ordered' }));
      continue;
    }
    if (inList !== null) {
      // a lazy continuation line of the last list item
      const last = blocks[blocks.length - 1]!;
      itemSource += ' ' + t;
      blocks[blocks.length - 1] = block(itemSource, last.line, 'listItem', { listId, ordered: inList === 'ordered' });
      continue;
    }
    if (paragraph === null) paragraph = { text: t, line };
    else paragraph.text += ' ' + t;
  }
  endParagraph();
  endQuote();
  return { blocks, hints };
}
